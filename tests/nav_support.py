"""Shared set-up for the navigation and unsaved-changes tests: a real window on a team."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cmd_run import create_window
from console.main_window import MainWindow
from db.models import Staff
from db.security.sign_in import needs_pin
from db.settings import load_settings
from widgets.dialogs import FakeDialogService


def open_window(qtbot: QtBot, db: Database, windows: list[MainWindow], staff: Staff | None,
                size: tuple[int, int] = (1024, 768)) -> tuple[MainWindow, FakeDialogService]:
    """The console as `counterpart` builds it, active (window shortcuts need that), with
    `staff` signed in the way the sign-in screen would: with their PIN when the shop asks
    them for one (supervisors and managers always), so a manager gets the manager screens."""
    dialogs = FakeDialogService()
    win = create_window(db, dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    windows.append(win)
    if staff is not None:
        win.session.sign_in(staff, with_pin=needs_pin(load_settings(db), staff))
    return win, dialogs
