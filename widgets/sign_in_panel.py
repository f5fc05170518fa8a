"""Sign-in at the counter: staff choose their name from a list of big buttons.

Kept easy to extend: choosing a name emits `staff_chosen`; by default that signs the
person in at once (`signed_in`). A PIN step can be put in between with
`set_sign_in_step(step)`, and extra screens (first-run manager creation) added to the
panel's own stack with `add_page` / `show_page`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.models import Staff
from db.staff import list_staff
from widgets import data_bus
from widgets.context import AppContext
from widgets.views import ChoiceListView

Index = QModelIndex | QPersistentModelIndex
STAFF_ROLE = Qt.ItemDataRole.UserRole + 1

SignInStep = Callable[[Staff, Callable[[Staff], None]], None]
"""step(staff, finish): check whatever is needed, then call finish(staff) to sign in."""


class StaffListModel(QAbstractListModel):
    """Active staff by name; each row is one big button in the sign-in list."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._staff: list[Staff] = []

    def set_staff(self, staff: list[Staff]) -> None:
        self.beginResetModel()
        self._staff = list(staff)
        self.endResetModel()

    def staff_at(self, row: int) -> Staff | None:
        return self._staff[row] if 0 <= row < len(self._staff) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._staff)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._staff):
            return None
        person = self._staff[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return person.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                "staff": self.tr("Staff"),
                "supervisor": self.tr("Supervisor"),
                "manager": self.tr("Manager"),
            }.get(person.role, person.role)
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(240, 64)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == STAFF_ROLE:
            return person
        return None


class SignInPanel(QWidget):
    staff_chosen = Signal(object)  # Staff
    signed_in = Signal(object)  # Staff

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._step: SignInStep | None = None
        self.model = StaffListModel(self)

        self.stack = QStackedWidget(self)
        self._pages: dict[str, QWidget] = {}
        chooser = QWidget()
        title = QLabel(self.tr("Who is at the counter?"))
        title.setObjectName("SectionTitle")
        hint = QLabel(self.tr("Choose your name (arrow keys and Enter work too)."))
        self.empty_hint = QLabel(
            self.tr("No staff yet. A manager adds staff; for a demo run `counterpart demo`.")
        )
        self.empty_hint.setObjectName("EmptyHint")
        self.list = ChoiceListView()
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setSpacing(10)
        self.list.setUniformItemSizes(True)
        self.list.setObjectName("StaffList")
        self.list.setAccessibleName(self.tr("Staff names"))
        self.list.row_chosen.connect(self._on_row_chosen)
        layout = QVBoxLayout(chooser)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.list, 1)
        self.add_page("choose", chooser)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addWidget(self.stack)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.reload()

    # -- extension points
    def add_page(self, key: str, widget: QWidget) -> None:
        self._pages[key] = widget
        self.stack.addWidget(widget)

    def show_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self._pages[key])

    def set_sign_in_step(self, step: SignInStep | None) -> None:
        """Put a check (e.g. a PIN pad) between choosing a name and being signed in."""
        self._step = step

    # -- behaviour
    def reload(self) -> None:
        self.model.set_staff(list_staff(self.ctx.db))
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))

    def reset(self) -> None:
        """Back to the name list, e.g. after sign-out."""
        self.show_page("choose")
        self.reload()
        self.list.setFocus()

    def choose(self, staff: Staff) -> None:
        self.staff_chosen.emit(staff)
        if self._step is None:
            self.finish(staff)
        else:
            self._step(staff, self.finish)

    def finish(self, staff: Staff) -> None:
        self.show_page("choose")
        self.signed_in.emit(staff)

    def _on_row_chosen(self, row: int) -> None:
        person = self.model.staff_at(row)
        if person is not None:
            self.choose(person)

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        if entity == data_bus.STAFF:
            self.reload()
