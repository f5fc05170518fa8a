"""The window's status line: a short message in the header bar that goes by itself.

Not a QStatusBar: that appears at the first message and takes ~22 px from the bottom of the
screen, which at a 1024x768 till pushed the PIN pad's OK button out of view while a
supervisor was typing. The header has room to spare beside the shop's name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class StatusLine(QLabel):
    """One line, elided to the room it has; `show_message(text, ms)` shows it for ms."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusLine")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Status"))
        self._message = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)

    def show_message(self, text: str, ms: int = 0) -> None:
        """Show `text` (replacing any other) for `ms` milliseconds; 0 keeps it."""
        self._message = text
        self.setToolTip(text)
        self._elide()
        self._timer.stop()
        if ms > 0:
            self._timer.start(ms)

    def clear_message(self) -> None:
        self._message = ""
        self.setToolTip("")
        self.setText("")

    def current_message(self) -> str:
        return self._message

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(
            self._message, Qt.TextElideMode.ElideRight, max(self.width(), 1)))


def status_line_of(widget: QWidget | None) -> StatusLine | None:
    """The status line of `widget`'s window, or None when the window has none."""
    window = widget.window() if widget is not None else None
    return window.findChild(StatusLine) if window is not None else None
