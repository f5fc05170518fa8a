"""The main window: sign-in, header, pages, keyboard shortcuts; the run command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.main_window import (
    PAGE_CUSTOMER_FORM,
    PAGE_HOME,
    PAGE_PROFILE,
    PAGE_PURCHASE,
    PAGE_SEARCH,
    PAGE_SIGN_IN,
    MainWindow,
)
from console.session import Session
from db.security.staff import list_staff
from tests.ui_helpers import add_customers, add_products, add_staff
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(qtbot: QtBot, memory_db: Database, fixed_clock: object) -> tuple:
    people = add_customers(memory_db)
    add_products(memory_db)
    add_staff(memory_db)
    session = Session()
    ctx = AppContext(db=memory_db, current_staff=session.current, dialogs=FakeDialogService())
    win = MainWindow(ctx, session)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win, session, people


def sign_in(win: MainWindow) -> None:
    win.sign_in_panel.choose(list_staff(win.ctx.db)[0])


def test_starts_on_sign_in_and_search_is_disabled(window: tuple) -> None:
    win, session, _ = window
    assert win.current_page() == PAGE_SIGN_IN
    assert not win.search.field.isEnabled()
    assert win.staff_label.text() == "Nobody signed in"
    win.show_page(PAGE_PROFILE)  # pages behind sign-in stay closed
    assert win.current_page() == PAGE_SIGN_IN


def test_sign_in_by_choosing_a_name_with_the_keyboard(window: tuple, qtbot: QtBot) -> None:
    win, session, _ = window
    view = win.sign_in_panel.list
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert session.staff is not None and session.staff.name == "Aino Staff"
    assert win.current_page() == PAGE_HOME
    assert "Aino Staff" in win.staff_label.text()
    assert win.search.field.isEnabled()


def test_sign_out_goes_back_and_forgets(window: tuple) -> None:
    win, session, people = window
    sign_in(win)
    win.open_customer(people["emily"].id)
    win.sign_out_button.click()
    assert session.staff is None
    assert win.current_page() == PAGE_SIGN_IN
    assert win.search.field.text() == ""


def test_sign_in_step_can_be_inserted(window: tuple) -> None:
    win, session, _ = window
    waiting: list = []
    win.sign_in_panel.set_sign_in_step(lambda staff, finish: waiting.append((staff, finish)))
    sign_in(win)
    assert session.staff is None  # the step (e.g. a PIN pad) has not finished yet
    staff, finish = waiting[0]
    finish(staff)
    assert session.staff == staff


@pytest.mark.parametrize("keys", ["ctrl+f", "f3"])
def test_shortcut_focuses_search_from_anywhere(window: tuple, qtbot: QtBot, keys: str) -> None:
    win, _, people = window
    sign_in(win)
    win.open_customer(people["paivi"].id)
    win.profile_panel.history_view.setFocus()
    target = win.profile_panel.history_view
    if keys == "ctrl+f":
        qtbot.keyClick(target, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(target, Qt.Key.Key_F3)
    assert QApplication.focusWidget() is win.search.field


def test_type_down_enter_opens_profile_and_escape_returns(window: tuple, qtbot: QtBot) -> None:
    win, _, people = window
    sign_in(win)
    win.focus_search()
    qtbot.keyClicks(win.search.field, "jarv")
    assert win.current_page() == PAGE_SEARCH
    qtbot.keyClick(win.search.field, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is win.search.results
    qtbot.keyClick(win.search.results, Qt.Key.Key_Return)
    assert win.current_page() == PAGE_PROFILE
    assert win.profile_panel.customer_id == people["paivi"].id
    win.focus_search()
    qtbot.keyClick(win.search.field, Qt.Key.Key_Escape)
    assert win.search.field.text() == ""
    assert win.current_page() == PAGE_PROFILE  # Esc clears; the open profile stays


def test_escape_from_search_results_goes_home(window: tuple, qtbot: QtBot) -> None:
    win, _, _ = window
    sign_in(win)
    qtbot.keyClicks(win.search.field, "emi")
    assert win.current_page() == PAGE_SEARCH
    qtbot.keyClick(win.search.field, Qt.Key.Key_Escape)
    assert win.current_page() == PAGE_HOME


def test_profile_shortcuts_edit_and_purchase(window: tuple, qtbot: QtBot) -> None:
    win, _, people = window
    sign_in(win)
    win.open_customer(people["emily"].id)
    qtbot.keyClick(win.profile_panel, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page() == PAGE_PURCHASE
    assert win.purchase_entry.customer_id == people["emily"].id
    qtbot.keyClick(win.purchase_entry.filter_edit, Qt.Key.Key_Escape)
    assert win.current_page() == PAGE_PROFILE
    qtbot.keyClick(win.profile_panel, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page() == PAGE_CUSTOMER_FORM
    assert win.customer_form.name_edit.text() == "Emily Carter"


def test_new_customer_prefilled_from_search_then_opened(window: tuple, qtbot: QtBot) -> None:
    win, _, _ = window
    sign_in(win)
    qtbot.keyClicks(win.search.field, "Kaisa Nieminen")
    assert win.search.model.rowCount() == 0
    qtbot.keyClick(win.search.field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page() == PAGE_CUSTOMER_FORM
    assert win.customer_form.name_edit.text() == "Kaisa Nieminen"
    win.customer_form.save_button.click()
    assert win.current_page() == PAGE_PROFILE
    assert win.profile_panel.name_label.text() == "Kaisa Nieminen"


def test_add_page_and_show_page(window: tuple) -> None:
    win, _, _ = window
    sign_in(win)
    page = QLabel("letters")
    win.add_page("letters_test", page)
    win.show_page("letters_test")
    assert win.current_page() == "letters_test"
    assert win.stack.currentWidget() is page
    with pytest.raises(ValueError):
        win.add_page("letters_test", QLineEdit())


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "console", *args], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=60,
    )


def test_run_quit_when_shown_prints_startup_time(tmp_path: Path) -> None:
    result = _run(["--db", str(tmp_path / "x.sqlite"), "run", "--quit-when-shown"], tmp_path)
    assert result.returncode == 0, result.stderr
    word, value = result.stdout.split()
    assert word == "shown" and float(value) > 0
    # The other screens are attached right after the first paint, before it quits.
    ready = [line for line in result.stderr.splitlines() if line.startswith("ready ")]
    assert ready and float(ready[0].split()[1]) >= float(value)
    assert (tmp_path / "x.sqlite").exists()


def test_run_on_a_broken_file_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    result = _run(["run", "--db", str(bad), "--quit-when-shown"], tmp_path)
    assert result.returncode == 2
    assert "not a Counterpart database" in result.stderr


def test_tab_order_in_the_customer_form_follows_the_screen(window: tuple, qtbot: QtBot) -> None:
    win, _, _ = window
    sign_in(win)
    win.new_customer()
    form = win.customer_form
    expected = [form.name_edit, form.phone_edit, form.email_edit, form.language_combo,
                form.address_edit, form.day_combo, form.month_combo, form.year_edit,
                *form.allergy_picker.buttons.values(), form.allergies_edit,
                form.preferences_edit, form.tags_edit, form.family_edit,
                form.personality_combo, form.consent_check]
    form.name_edit.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        seen.append(focused)
    assert seen == expected


def test_extras_can_be_attached_after_the_first_paint(
    qtbot: QtBot, memory_db: Database, fixed_clock: object
) -> None:
    from console.cmd_run import create_window, install_extras

    add_staff(memory_db)
    win = create_window(memory_db, dialogs=FakeDialogService(), defer_extras=True)
    qtbot.addWidget(win)
    before = set(win._pages)
    actions_before = win.profile_panel.actions_row.count()
    install_extras(win)
    added = set(win._pages) - before
    assert added  # complaint, letter, report... pages arrived
    assert win.profile_panel.actions_row.count() > actions_before
    install_extras(win)  # a second call changes nothing
    assert set(win._pages) - before == added
