"""End to end on the demo database: sign in, search a CJK name, open the profile, record
a purchase, see the profile and history update."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.app import configure
from console.cmd_run import create_window
from console.main_window import PAGE_HOME, PAGE_PROFILE, PAGE_PURCHASE, PAGE_SEARCH
from db.customers.records import get_customer
from db.demo import build_demo
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.e2e, pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_sign_in_search_cjk_open_profile_record_purchase(
    qtbot: QtBot, qapp: QApplication, fresh_db: Database, fixed_clock: object
) -> None:
    build_demo(fresh_db, customers=60, seed=7)
    font, sheet, locale = qapp.font(), qapp.styleSheet(), QLocale()
    configure(qapp, language="en")  # shipped fonts and the real style sheet
    try:
        _walk_through(qtbot, fresh_db)
    finally:  # leave the shared QApplication as other tests expect it
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
        QLocale.setDefault(locale)


def _walk_through(qtbot: QtBot, fresh_db: Database) -> None:
    dialogs = FakeDialogService()
    win = create_window(fresh_db, dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)

    # Sign in: choose "Aino Staff" with the keyboard.
    names = win.sign_in_panel.model
    row = next(r for r in range(names.rowCount()) if names.staff_at(r).name == "Aino Staff")
    win.sign_in_panel.list.setCurrentIndex(names.index(row, 0))
    win.sign_in_panel.list.setFocus()
    qtbot.keyClick(win.sign_in_panel.list, Qt.Key.Key_Return)
    assert win.current_page() == PAGE_HOME
    assert "Aino Staff" in win.staff_label.text()
    assert QApplication.focusWidget() is win.search.field
    today_names = [win.home_view.today_model.entry(r).name
                   for r in range(win.home_view.today_model.rowCount())]
    assert "陳美玲" in today_names  # the demo's birthday-today customer

    # Search a two-character Chinese name piece, committed as an input method would.
    win.search.field.insert("陳")
    win.search.field.insert("美")
    assert win.current_page() == PAGE_SEARCH
    found = [h.name for h in win.search.model.hits()]
    assert "陳美玲" in found and all("陳美" in name for name in found)
    qtbot.keyClick(win.search.field, Qt.Key.Key_Down)
    for _ in range(found.index("陳美玲")):
        qtbot.keyClick(win.search.results, Qt.Key.Key_Down)
    qtbot.keyClick(win.search.results, Qt.Key.Key_Return)

    panel = win.profile_panel
    assert win.current_page() == PAGE_PROFILE
    assert panel.name_label.text() == "陳美玲"
    assert "Peanuts" in panel.allergy_banner.text()  # typed as 花生, read in English
    assert panel.birthday_badge.text() == "Birthday today!"
    customer_id = panel.customer_id
    before = get_customer(fresh_db, customer_id)
    first_history = panel.history_model.purchase(0)

    # Record a purchase: Ctrl+R, filter, Enter adds, + adds one more, Ctrl+Enter records.
    qtbot.keyClick(panel, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page() == PAGE_PURCHASE
    entry = win.purchase_entry
    qtbot.keyClicks(entry.filter_edit, "egg tart")
    qtbot.keyClick(entry.filter_edit, Qt.Key.Key_Return)
    assert entry.lines.rowCount() == 1
    entry.table.setFocus()
    qtbot.keyClick(entry.table, Qt.Key.Key_Plus)
    product, quantity = entry.lines.data(entry.lines.index(0, 0), Qt.ItemDataRole.UserRole + 1), 2
    assert entry.lines.items() == [(product.id, quantity)]
    qtbot.keyClick(entry.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialogs.shown == []
    assert win.current_page() == PAGE_PROFILE
    after = get_customer(fresh_db, customer_id)
    assert after.visits == before.visits + 1
    assert after.total_spend_minor == before.total_spend_minor + quantity * product.price_minor
    newest = panel.history_model.purchase(0)
    assert newest is not None and newest != first_history
    assert [(ln.name, ln.quantity) for ln in newest.lines] == [(product.name, quantity)]
    assert panel.facts["visits"].text() == str(after.visits)
