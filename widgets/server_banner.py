"""A red strip across the window while the database server cannot be reached.

"The database server cannot be reached since 14:02. Retrying; what you type is kept." It
shows the time the connection was lost (in the shop's time zone) and stays until the
server is back; it has no close button and never blocks anything (the retrying happens
elsewhere, off the GUI thread: `widgets.change_watcher` and its engine's signal).
`show_lost(when)` and `show_back()` are the slots; `console.server_ui` wires them to the
window's change watcher.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from widgets.formats import format_time

_STYLE = """
#ServerBanner { background: #b3261e; }
#ServerBanner QLabel { color: white; font-weight: bold; }
"""


class ServerBanner(QWidget):
    """Hidden while the server can be reached; see the module's text."""

    def __init__(self, zone: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ServerBanner")
        self.setStyleSheet(_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.zone = zone
        self.lost_at: datetime | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Database server status"))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(self.label, 1)
        self.hide()

    def show_lost(self, when: datetime) -> None:
        """The server was lost at `when` (kept if it was already shown: the first loss)."""
        if self.lost_at is None:
            self.lost_at = when
        self.label.setText(self.tr(
            "The database server cannot be reached since %1. Retrying; what you type is "
            "kept on this till. Save again when this message is gone.").replace(
                "%1", format_time(self.lost_at, self.zone)))
        self.show()

    def show_back(self) -> None:
        self.lost_at = None
        self.label.clear()
        self.hide()
