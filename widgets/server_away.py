"""Reads while the database server is away: a quiet note, never an error box each time.

A save that cannot reach the server says so in a box (`widgets.errors.show_error`): the
person pressed Save and must know it did not happen. A read (home's lists, a search,
opening a profile, the follow-ups) cannot do anything about it, and the window's red
banner already says the server is away and is being retried; so a read shows
`AwayNote` ("Not available while the database server is away") in place of its list, or,
for a step that goes nowhere (opening a profile), a line in the window's status bar
(`show_read_error`). The lists fill again by themselves when the server is back
(`console.server_ui` refreshes every view once then).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from db.errors import ServerUnavailable
from widgets.errors import show_error
from widgets.status_line import status_line_of

log = logging.getLogger(__name__)

STATUS_MS = 8000


def away_text() -> str:
    """One short line (it also fits a status bar at 1024 px in every language)."""
    return QCoreApplication.translate(
        "server_away", "Not available while the database server is away.")


class AwayNote(QLabel):
    """The quiet state of a list that could not be read: hidden until shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(away_text(), parent)
        self.setObjectName("EmptyHint")
        self.setWordWrap(True)
        self.hide()


def is_away(exc: BaseException) -> bool:
    return isinstance(exc, ServerUnavailable)


def say_away(widget: QWidget | None) -> bool:
    """Put the away line in the status line of `widget`'s window; False if it has none."""
    line = status_line_of(widget)
    if line is None:
        return False
    line.show_message(away_text(), STATUS_MS)
    return True


def show_read_error(parent: QWidget | None, exc: BaseException) -> None:
    """A read failed: quietly when the server is away (the banner says the rest), else as
    any error (`show_error`)."""
    if is_away(exc):
        log.info("read refused while the server is away: %s", exc)
        if not say_away(parent):
            show_error(parent, exc)  # no window to say it quietly in
        return
    show_error(parent, exc)
