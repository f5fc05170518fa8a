"""Small view helpers shared by the screens."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListView, QWidget


class ChoiceListView(QListView):
    """A list where one click, Enter or Return chooses a row (touch and keyboard alike).

    `row_chosen(row)` fires exactly once per choice, unlike `activated`, whose single-click
    behaviour depends on the platform style.
    """

    row_chosen = Signal(int)
    up_from_top = Signal()
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.clicked.connect(self._on_clicked)

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_chosen.emit(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            index = self.currentIndex()
            if index.isValid():
                self.row_chosen.emit(index.row())
                event.accept()
                return
        if key == Qt.Key.Key_Escape:
            self.escape_pressed.emit()  # and let the parent see it too
        if key == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.up_from_top.emit()
            event.accept()
            return
        super().keyPressEvent(event)
