"""Sign-in at the counter: staff choose their name from a list of big buttons.

Choosing a name emits `staff_chosen`. Whoever the shop asks for a PIN (setting
`sign_in_pin`: supervisors and managers by default, or everyone; `db.security.sign_in`) then gets
the PIN pad with their name above it; a wrong PIN counts towards the console's lockout, and
a locked pad says for how long. Floor staff, by default, are signed in at once. Either way
`signed_in(staff, with_pin)` fires at the end.

Kept easy to extend: a further step can be put in between with `set_sign_in_step(step)`
(it runs after the PIN), and extra screens (first-run manager creation) added to the
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
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.errors import ServerUnavailable, UserError, ValidationError
from db.models import Staff
from db.security import lockout
from db.security.sign_in import SignIn, needs_pin, sign_in_by_tap, sign_in_with_pin
from db.security.staff import list_staff
from db.settings import load_settings
from widgets import data_bus
from widgets.context import AppContext
from widgets.errors import show_error
from widgets.pin_pad import PinPad
from widgets.views import ChoiceListView

PAGE_CHOOSE = "choose"
PAGE_PIN = "pin"

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
    signed_in = Signal(object, bool)  # Staff, signed in with their PIN

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._step: SignInStep | None = None
        self._asking: Staff | None = None  # whose PIN the pad is waiting for
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
        self.notice = QLabel()
        self.notice.setObjectName("SignInNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
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
        layout.addWidget(self.notice)
        layout.addWidget(hint)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.list, 1)
        self.add_page(PAGE_CHOOSE, chooser)
        self.add_page(PAGE_PIN, self._build_pin_page())
        self._unlock_timer = QTimer(self)
        self._unlock_timer.setSingleShot(True)
        self._unlock_timer.timeout.connect(self._on_unlock_due)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addWidget(self.stack)
        ctx.bus.data_changed.connect(self._on_data_changed)
        self.reload()

    def _build_pin_page(self) -> QWidget:
        page = QWidget()
        self.pin_title = QLabel()
        self.pin_title.setObjectName("SectionTitle")
        self.pin_title.setWordWrap(True)
        self.pad = PinPad(page)
        self.pad.setAccessibleName(self.tr("Your PIN"))
        self.pad.pin_entered.connect(self._on_pin_entered)
        self.back_button = QPushButton(self.tr("&Back to the names"))
        self.back_button.setMinimumHeight(44)
        self.back_button.clicked.connect(self.reset)
        column = QVBoxLayout()
        column.addWidget(self.pin_title)
        column.addWidget(self.pad)
        column.addWidget(self.back_button)
        column.addStretch(1)
        row = QHBoxLayout(page)
        row.addStretch(1)
        row.addLayout(column, 2)
        row.addStretch(1)
        return page

    # -- extension points
    def add_page(self, key: str, widget: QWidget) -> None:
        self._pages[key] = widget
        self.stack.addWidget(widget)

    def show_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self._pages[key])

    def page(self, key: str) -> QWidget:
        return self._pages[key]

    def set_sign_in_step(self, step: SignInStep | None) -> None:
        """Put a further check between choosing a name and being signed in (after the PIN)."""
        self._step = step

    # -- behaviour
    def reload(self) -> None:
        try:
            staff = list_staff(self.ctx.db)
        except ServerUnavailable:
            return  # the server is away (the banner says so): the names stay as they were
        self.model.set_staff(staff)
        self.empty_hint.setVisible(self.model.rowCount() == 0)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))

    def reset(self) -> None:
        """Back to the name list, e.g. after sign-out."""
        self._asking = None
        self.pad.clear()
        self.show_page(PAGE_CHOOSE)
        self.reload()
        self.list.setFocus()

    def show_notice(self, text: str) -> None:
        """A line above the names (e.g. why the console signed out); empty hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def asking_pin_of(self) -> Staff | None:
        """The person whose PIN the pad is waiting for, if it is showing."""
        return self._asking if self.stack.currentWidget() is self._pages[PAGE_PIN] else None

    def choose(self, staff: Staff) -> None:
        """A name was chosen: ask for the PIN if the shop wants one, else sign in."""
        self.staff_chosen.emit(staff)
        self.show_notice("")
        if needs_pin(load_settings(self.ctx.db), staff):
            self._ask_pin(staff)
            return
        try:
            self._proceed(sign_in_by_tap(self.ctx.db, staff.id))
        except UserError as exc:  # no longer active, or the setting changed meanwhile
            show_error(self, exc)
            self.reload()

    def finish(self, staff: Staff, *, with_pin: bool = False) -> None:
        self._asking = None
        self.pad.clear()
        self.show_page(PAGE_CHOOSE)
        self.signed_in.emit(staff, with_pin)

    # -- the PIN step
    def _ask_pin(self, staff: Staff) -> None:
        self._asking = staff
        self.pin_title.setText(self.tr("%1, enter your PIN.").replace("%1", staff.name))
        self.pad.clear()
        status = lockout.status(self.ctx.db, self.ctx.console_id)
        if status.locked:  # say so before anyone types
            self._lock(str(lockout.PinLocked(status)), status.remaining_seconds)
        elif self.pad.is_locked():
            self._on_unlock_due()
        else:
            self.pad.clear_message()
        self.show_page(PAGE_PIN)
        self.pad.setFocus()

    def _proceed(self, result: SignIn) -> None:
        if self._step is None:
            self.finish(result.staff, with_pin=result.with_pin)
        else:
            self._step(result.staff,
                       lambda staff: self.finish(staff, with_pin=result.with_pin))

    def _on_pin_entered(self, pin: str) -> None:
        staff = self._asking
        if staff is None:
            return
        try:
            result = sign_in_with_pin(self.ctx.db, staff.id, pin, self.ctx.console_id)
        except lockout.PinLocked as exc:
            self._lock(str(exc), exc.status.remaining_seconds)
            return
        except lockout.WrongPin as exc:
            if exc.status.locked:
                self._lock(str(exc), exc.status.remaining_seconds)
            else:
                self.pad.show_message(str(exc))
            return
        except ValidationError as exc:
            self.pad.show_message(" ".join(exc.fields.values()) or str(exc))
            return
        except UserError as exc:  # no PIN yet, no longer active, the database...
            self.pad.show_message(str(exc))
            return
        self._proceed(result)

    def _lock(self, message: str, seconds: int) -> None:
        self.pad.set_locked(True, message)
        self._unlock_timer.start(max(1, seconds) * 1000)

    def _on_unlock_due(self) -> None:
        self.pad.set_locked(False)

    def _on_row_chosen(self, row: int) -> None:
        person = self.model.staff_at(row)
        if person is not None:
            self.choose(person)

    def _on_data_changed(self, entity: str, entity_id: int) -> None:
        if entity == data_bus.STAFF:
            self.reload()
