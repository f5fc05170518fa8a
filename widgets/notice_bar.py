"""A strip above the page offering the obvious next step, one tap away.

For example after "Save and finish" on a complaint with compensation: "Complaint #12
saved." [Preview apology] [Print apology] [×]. It stays until it is used, dismissed, or the
person goes to another page; it never blocks anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

_STYLE = """
#NoticeBar { background: #fff4d6; border-bottom: 1px solid #e0c36c; }
#NoticeBar QLabel { font-weight: bold; }
"""


class NoticeBar(QWidget):
    """Text and up to a few action buttons; `dismissed` when closed by the person."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeBar")
        self.setStyleSheet(_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.close_button = QPushButton("×", self)
        self.close_button.setAccessibleName(self.tr("Close this message"))
        self.close_button.setToolTip(self.tr("Close this message"))
        self.close_button.setMinimumSize(44, 44)
        self.close_button.clicked.connect(self._on_close)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(16, 6, 16, 6)
        self._row.addWidget(self.label, 1)
        self._row.addWidget(self.close_button)
        self.action_buttons: list[QPushButton] = []
        self.page = ""  # the page the notice belongs to
        self.hide()

    def show_notice(self, text: str, actions: Sequence[tuple[str, Callable[[], object]]],
                    page: str = "") -> None:
        for button in self.action_buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = []
        self.label.setText(text)
        for index, (caption, slot) in enumerate(actions):
            button = QPushButton(caption, self)
            button.setMinimumHeight(44)
            if index == 0:
                button.setProperty("primary", True)
            button.clicked.connect(lambda _checked=False, call=slot: self._run(call))
            self._row.insertWidget(1 + index, button)
            self.action_buttons.append(button)
        self.page = page
        self.show()

    def _run(self, call: Callable[[], object]) -> None:
        self.hide()
        call()

    def _on_close(self) -> None:
        self.hide()
        self.dismissed.emit()

    def on_page_changed(self, page: str) -> None:
        """Another page: the offer no longer belongs to what is on screen."""
        if not self.isHidden() and page != self.page:
            self.hide()

    def message(self) -> str:
        return self.label.text() if not self.isHidden() else ""
