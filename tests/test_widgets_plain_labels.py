"""A name with markup characters shows on screen exactly as it was typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.main_window import MainWindow
from db.customers.records import create_customer
from db.models import CustomerInput
from tests.nav_support import open_window
from tests.service_ui_support import make_team

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

NAME = "<b>Ann</b> & <i>Bo</i> <img src=x>"


def test_a_profile_of_a_name_with_markup_shows_the_name_as_typed(
        qtbot: QtBot, fresh_db: Database, fixed_clock: object) -> None:
    team = make_team(fresh_db)
    customer = create_customer(fresh_db, CustomerInput(name=NAME, preferences="<u>tea</u>"))
    windows: list[MainWindow] = []
    win, _dialogs = open_window(qtbot, fresh_db, windows, team.clerk)
    win.open_customer(customer.id)
    shown = [label for label in win.findChildren(QLabel)
             if label.isVisible() and ("<b>Ann</b>" in label.text()
                                       or "<u>tea</u>" in label.text())]
    assert len(shown) >= 2  # the name on the profile, and the preferences
    for label in shown:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_labels_that_render_markup_on_purpose_keep_it(qtbot: QtBot) -> None:
    rich = QLabel()
    rich.setTextFormat(Qt.TextFormat.RichText)
    rich.setText("<b>peanuts</b>")
    qtbot.addWidget(rich)
    rich.show()
    assert rich.textFormat() == Qt.TextFormat.RichText
