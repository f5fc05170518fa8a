"""Managers' review of customers past the retention period: tick, then erase together.

Statistics stay (the rows remain, without the person); the list shows the last time each
customer did anything, so a manager can keep a regular who simply has not come lately.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from db.customers.personal_data import RetentionCandidate, retention_candidates
from widgets.context import AppContext

Index = QModelIndex | QPersistentModelIndex


class RetentionModel(QAbstractTableModel):
    """One row per inactive customer, with a check box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RetentionCandidate] = []
        self.checked: set[int] = set()

    def set_rows(self, rows: list[RetentionCandidate]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.checked = {r.customer_id for r in rows} & self.checked
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Customer"), self.tr("Name"), self.tr("Last activity"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return (Qt.CheckState.Checked if row.customer_id in self.checked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.customer_no
            if index.column() == 1:
                return row.name
            if row.last_activity is None:
                return ""
            return QLocale().toString(
                QDateTime.fromSecsSinceEpoch(int(row.last_activity.timestamp())).date(),
                QLocale.FormatType.ShortFormat)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0 or not index.isValid():
            return False
        customer_id = self.rows[index.row()].customer_id
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self.checked.add(customer_id)
        else:
            self.checked.discard(customer_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def check_all(self, checked: bool) -> None:
        self.checked = {r.customer_id for r in self.rows} if checked else set()
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])


class RetentionPanel(QWidget):
    erase_requested = Signal(list)  # customer ids

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RetentionPanel")
        self.ctx = ctx
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.title.setWordWrap(True)
        self.model = RetentionModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setDefaultSectionSize(44)
        self.view.verticalHeader().hide()
        all_button = QPushButton(self.tr("Select all"))
        none_button = QPushButton(self.tr("Select none"))
        self.erase_button = QPushButton(self.tr("Erase selected…"))
        self.erase_button.setObjectName("retention_erase")
        for button in (all_button, none_button, self.erase_button):
            button.setMinimumHeight(44)
        all_button.clicked.connect(lambda: self.model.check_all(True))
        none_button.clicked.connect(lambda: self.model.check_all(False))
        self.erase_button.clicked.connect(self._on_erase)
        buttons = QHBoxLayout()
        buttons.addWidget(all_button)
        buttons.addWidget(none_button)
        buttons.addStretch(1)
        buttons.addWidget(self.erase_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def reload(self) -> None:
        months = self.ctx.settings.retention_months
        self.model.set_rows(retention_candidates(self.ctx.db, months))
        self.title.setText(self.tr(
            "Customers with no visit, complaint or voucher in {months} months: {count}")
            .replace("{months}", str(months)).replace("{count}", str(self.model.rowCount())))
        self.view.resizeColumnsToContents()

    def _on_erase(self) -> None:
        chosen = [r.customer_id for r in self.model.rows if r.customer_id in self.model.checked]
        if chosen:
            self.erase_requested.emit(chosen)
