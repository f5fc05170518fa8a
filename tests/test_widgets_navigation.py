"""The navigation a rush hour needs: the rail, its shortcuts, manager-only entries, the
apology one tap after finishing a complaint, letter screens that start clean, and a search
field that never shows a stale query on a profile."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QStatusBar
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.import_ui import PAGE_IMPORT
from console.letters_ui import PAGE_BIRTHDAY_LETTERS, PAGE_LETTER
from console.main_window import PAGE_CUSTOMER_FORM, PAGE_HOME, PAGE_PROFILE, MainWindow
from console.report_ui import PAGE_REPORT
from console.service_ui import PAGE_COMPLAINT, PAGE_FOLLOW_UPS, PAGE_STAFF_ADMIN, PAGE_VOUCHER
from console.settings_ui import PAGE_SETTINGS
from db.service.complaints import create_complaint
from db.service.models import ComplaintInput
from reports.letter_service import list_letters
from tests.nav_support import open_window
from tests.service_ui_support import STAFF_PIN, SUPERVISOR_PIN, Team, make_customer, make_team
from widgets.voucher_redeem_panel import VoucherRedeemPanel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
ROOT = Path(__file__).resolve().parent.parent

EVERYONE = ["home", "new_customer", "walk_in", "voucher", "follow_ups", "letters"]
MANAGERS = ["report", "staff", "settings", "import"]
PAGES = {"home": PAGE_HOME, "new_customer": PAGE_CUSTOMER_FORM, "walk_in": PAGE_COMPLAINT,
         "voucher": PAGE_VOUCHER, "follow_ups": PAGE_FOLLOW_UPS,
         "letters": PAGE_BIRTHDAY_LETTERS, "report": PAGE_REPORT, "staff": PAGE_STAFF_ADMIN,
         "settings": PAGE_SETTINGS, "import": PAGE_IMPORT}
SHORTCUTS = {"home": ("Home", Qt.KeyboardModifier.AltModifier),
             "new_customer": ("N", Qt.KeyboardModifier.ControlModifier),
             "walk_in": ("K", None), "voucher": ("V", None), "follow_ups": ("F", None),
             "letters": ("L", None), "report": ("R", None), "staff": ("S", None),
             "settings": ("G", None), "import": ("I", None)}
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def windows(fresh_db: Database) -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for win in made:
        win.close()


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


def _press(qtbot: QtBot, win: MainWindow, key: str) -> None:
    letter, modifier = SHORTCUTS[key]
    qt_key = getattr(Qt.Key, f"Key_{letter}")
    target = win.focusWidget() or win
    qtbot.keyClick(target, qt_key, modifier if modifier is not None else CTRL_SHIFT)


def test_floor_staff_see_the_counter_places_and_no_manager_screens(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, _ = open_window(qtbot, fresh_db, windows, None)
    assert win.nav_rail.isHidden()  # nobody signed in: no way around the sign-in
    win.session.sign_in(team.clerk)
    assert win.nav_rail.isVisible()
    assert win.nav_rail.visible_keys() == EVERYONE
    win.show_page(PAGE_HOME)
    _press(qtbot, win, "report")  # a manager's shortcut does nothing for floor staff
    _press(qtbot, win, "settings")
    _press(qtbot, win, "staff")
    assert win.current_page() == PAGE_HOME

    win.session.sign_out()
    win.session.sign_in(team.manager)  # tapped in without a PIN (not possible by hand)
    assert win.nav_rail.visible_keys() == EVERYONE
    win.session.sign_out()
    win.session.sign_in(team.manager, with_pin=True)
    assert win.nav_rail.visible_keys() == EVERYONE + MANAGERS


def test_every_place_is_one_tap_from_a_profile(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    customer = make_customer(fresh_db)
    win, dialogs = open_window(qtbot, fresh_db, windows, team.manager)
    for key in EVERYONE + MANAGERS:
        win.open_customer(customer.id)
        assert win.current_page() == PAGE_PROFILE
        button = win.nav_rail.button(key)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert win.current_page() == PAGES[key], key
        assert button.isChecked()  # the rail shows where you are
        assert sum(b.button.isChecked() for b in win.nav_rail.items.values()) == 1
    assert dialogs.texts_of("question") == []  # nothing typed, nothing asked


def test_every_place_has_its_shortcut_from_anywhere(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    customer = make_customer(fresh_db)
    win, _ = open_window(qtbot, fresh_db, windows, team.manager)
    for key in EVERYONE + MANAGERS:
        win.open_customer(customer.id)
        _press(qtbot, win, key)
        assert win.current_page() == PAGES[key], key
        assert win.nav_rail.button(key).toolTip().endswith("]")  # the keys are shown


@pytest.mark.parametrize("size", [(1024, 700), (1024, 768)])
def test_rail_buttons_are_large_and_all_fit_a_small_till_screen(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow],
        size: tuple[int, int]) -> None:
    win, _ = open_window(qtbot, fresh_db, windows, team.manager, size=size)
    qtbot.waitUntil(lambda: win.nav_rail.button("settings").isVisible())
    QApplication.processEvents()
    pages_height = win.stack.height()
    win.status_line.show_message("a status message takes no room from the screen " * 5)
    QApplication.processEvents()
    assert win.stack.height() == pages_height
    assert win.findChild(QStatusBar) is None  # nothing below the pages
    bottom = win.centralWidget().height()
    for key in EVERYONE + MANAGERS:
        button = win.nav_rail.button(key)
        assert button.width() >= 44 and button.height() >= 44, key
        top_left = button.mapTo(win.centralWidget(), QPoint(0, 0))
        assert QRect(top_left, button.size()).bottom() <= bottom, key
        label = button.label
        assert label.height() >= label.heightForWidth(label.width()), key  # nothing cut


def test_home_no_longer_holds_the_counter_tools(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, _ = open_window(qtbot, fresh_db, windows, team.manager)
    assert win.home_view.findChildren(VoucherRedeemPanel) == []
    assert win.service_ui.follow_ups.window() is win
    assert not win.home_view.isAncestorOf(win.service_ui.follow_ups)
    assert not win.home_view.isAncestorOf(win.service_ui.staff_button)


def test_follow_ups_show_how_many_are_due_on_home_and_the_rail(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow],
        fixed_clock: datetime) -> None:
    from datetime import timedelta

    from db.service.models import PromiseInput

    customer = make_customer(fresh_db)
    create_complaint(fresh_db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer.id, cause="quality",
        problem="Cold soup", status="resolved",
        promise=PromiseInput(promise="Call back", owner_id=team.clerk.id,
                             due_at=fixed_clock + timedelta(hours=2))))
    win, _ = open_window(qtbot, fresh_db, windows, team.clerk)
    assert win.nav_rail.button("follow_ups").caption() == "Follow-ups (1)"
    assert win.service_ui.follow_ups_summary.text() == "1 due"
    win.service_ui.open_follow_ups_button.click()
    assert win.current_page() == PAGE_FOLLOW_UPS


def test_voucher_page_opens_empty_and_focused(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, _ = open_window(qtbot, fresh_db, windows, team.clerk)
    panel = win.service_ui.voucher_panel
    qtbot.mouseClick(win.nav_rail.button("voucher"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.code_edit, "NOPE-NOPE")
    qtbot.keyClick(panel.code_edit, Qt.Key.Key_Return)  # on to the taker's PIN
    assert panel.pin_edit.hasFocus()
    qtbot.keyClicks(panel.pin_edit, STAFF_PIN)
    qtbot.keyClick(panel.pin_edit, Qt.Key.Key_Return)
    assert panel.message()  # unknown code, said under the field
    qtbot.keyClicks(panel.code_edit, "-TYPO")
    qtbot.keyClicks(panel.pin_edit, "12")  # a PIN half typed, then the clerk walks away
    qtbot.mouseClick(win.nav_rail.button("home"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(win.nav_rail.button("voucher"), Qt.MouseButton.LeftButton)
    assert panel.code_edit.text() == "" and panel.message() == ""
    assert panel.pin_edit.text() == ""
    assert panel.code_edit.hasFocus()


# --- the search field on a profile -------------------------------------------------------

def test_opening_a_profile_from_search_leaves_no_stale_query(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    make_customer(fresh_db, "Aino Virtanen")
    other = make_customer(fresh_db, "Bertil Berg", "en")
    win, _ = open_window(qtbot, fresh_db, windows, team.clerk)
    win.focus_search()
    qtbot.keyClicks(win.search.field, "aino")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert win.current_page() == PAGE_PROFILE
    assert win.profile_panel.name_label.text() == "Aino Virtanen"
    assert win.search.field.text() == ""
    # a profile opened any other way (here: straight after a search for someone else)
    qtbot.keyClicks(win.search.field, "aino")
    win.open_customer(other.id)
    assert win.current_page() == PAGE_PROFILE
    assert win.search.field.text() == ""


# --- the apology after "Save and finish" ---------------------------------------------------

def _finish_complaint_with_voucher(qtbot: QtBot, win: MainWindow, customer_id: int) -> int:
    service = win.service_ui
    service.new_complaint(customer_id)
    form = service.complaint_form
    form.cause_box.setCurrentIndex(form.cause_box.findData("quality"))
    qtbot.keyClicks(form.problem_edit, "The salmon soup was cold")
    form.line_kind_box.setCurrentIndex(form.line_kind_box.findData("voucher"))
    qtbot.keyClicks(form.line_amount_edit, "10,00")
    qtbot.keyClick(form.line_amount_edit, Qt.Key.Key_Return)
    form.ask_button.click()
    pad = form.auth_panel.pad
    qtbot.keyClicks(pad, SUPERVISOR_PIN)
    with qtbot.waitSignal(form.auth_panel.decided):
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    with qtbot.waitSignal(form.complaint_saved) as saved:
        form.finish_button.click()
    return int(saved.args[0].id)


def test_after_finishing_a_complaint_with_compensation_one_tap_previews_the_apology(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    customer = make_customer(fresh_db, "Aino Virtanen", "fi")
    win, _ = open_window(qtbot, fresh_db, windows, team.clerk, size=(1366, 768))
    complaint_id = _finish_complaint_with_voucher(qtbot, win, customer.id)
    assert win.current_page() == PAGE_PROFILE
    notice = win.notice_bar
    assert notice.isVisible() and f"#{complaint_id}" in notice.message()
    preview_button, print_button = notice.action_buttons
    assert preview_button.text() == "Preview apology" and print_button.text() == "Print apology"

    qtbot.mouseClick(preview_button, Qt.MouseButton.LeftButton)
    preview = win.letters_ui.preview
    assert win.current_page() == PAGE_LETTER
    assert preview.kind() == "apology"
    assert preview.about_box.currentData() == complaint_id
    assert preview.data is not None and preview.data.voucher is not None
    assert "Aino" in preview.body_edit.toPlainText() or "Aino" in preview.data.customer_name
    assert preview.pdf.startswith(b"%PDF") and preview.print_button.isEnabled()
    assert notice.isHidden()


def test_print_apology_goes_straight_to_the_printer(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow],
        tmp_path: Path) -> None:
    customer = make_customer(fresh_db, "Aino Virtanen", "fi")
    win, dialogs = open_window(qtbot, fresh_db, windows, team.clerk, size=(1366, 768))
    out = tmp_path / "apology.pdf"

    def printer() -> QPrinter:
        made = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        made.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        made.setOutputFileName(str(out))
        return made

    win.letters_ui.preview.make_printer = printer
    complaint_id = _finish_complaint_with_voucher(qtbot, win, customer.id)
    qtbot.mouseClick(win.notice_bar.action_buttons[1], Qt.MouseButton.LeftButton)
    assert [d.kind for d in dialogs.shown].count("print_setup") == 1
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    [letter] = list_letters(fresh_db, customer.id)
    assert letter.kind == "apology" and letter.complaint_id == complaint_id


def test_no_apology_offer_without_compensation_and_it_goes_when_you_move_on(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    customer = make_customer(fresh_db)
    win, _ = open_window(qtbot, fresh_db, windows, team.clerk, size=(1366, 768))
    service = win.service_ui
    service.new_complaint(customer.id)
    form = service.complaint_form
    qtbot.keyClicks(form.problem_edit, "Music too loud")
    form.finish_button.click()
    assert win.current_page() == PAGE_PROFILE
    assert win.notice_bar.isHidden()

    complaint_id = _finish_complaint_with_voucher(qtbot, win, customer.id)
    assert f"#{complaint_id}" in win.notice_bar.message()
    qtbot.mouseClick(win.nav_rail.button("home"), Qt.MouseButton.LeftButton)
    assert win.notice_bar.isHidden()


# --- letter screens start clean --------------------------------------------------------------

def test_letter_screen_never_shows_the_previous_customers_text(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    first = make_customer(fresh_db, "Aino Virtanen", "fi")
    second = make_customer(fresh_db, "Bertil Berg", "en")
    complaint = create_complaint(fresh_db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=first.id, cause="quality",
        problem="Cold soup", status="resolved"))
    win, _ = open_window(qtbot, fresh_db, windows, team.clerk, size=(1366, 768))
    letters = win.letters_ui
    preview = letters.preview
    assert preview.open_for(complaint_id=complaint.id)
    assert "Aino" in preview.body_edit.toPlainText()

    # the second customer has no complaint: an apology cannot be written for them
    assert not preview.open_for(customer_id=second.id, kind="apology")
    assert preview.body_edit.toPlainText() == ""
    assert preview.data is None and preview.pdf == b""
    assert preview.preview.page_count() == 0
    assert all(preview.about_box.itemData(i) != complaint.id
               for i in range(preview.about_box.count()))
    assert "--" not in preview.message.text()  # never a command-line flag on screen
    assert not preview.print_button.isEnabled()

    # the same through the screens: Letter… on the second profile
    assert preview.open_for(complaint_id=complaint.id)
    win.open_customer(second.id)
    letters.letter_button.click()
    assert win.current_page() == PAGE_LETTER
    assert "Aino" not in preview.body_edit.toPlainText()


def test_letters_page_offers_a_letter_for_the_open_customer(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    customer = make_customer(fresh_db, "Aino Virtanen", "fi")
    win, _ = open_window(qtbot, fresh_db, windows, team.clerk)
    qtbot.mouseClick(win.nav_rail.button("letters"), Qt.MouseButton.LeftButton)
    assert win.current_page() == PAGE_BIRTHDAY_LETTERS
    assert win.letters_ui.customer_letter_button.isHidden()  # no profile opened yet
    win.open_customer(customer.id)
    qtbot.mouseClick(win.nav_rail.button("letters"), Qt.MouseButton.LeftButton)
    button = win.letters_ui.customer_letter_button
    assert button.isVisible() and "Aino Virtanen" in button.text()
    button.click()
    assert win.current_page() == PAGE_LETTER
    assert win.letters_ui.preview.customer_id == customer.id


def _string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def test_no_screen_tells_staff_to_use_a_command_line_flag() -> None:
    """Every string the screens can show: widgets, the window glue, and the letter texts."""
    import re

    flag = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
    files = [*sorted((ROOT / "widgets").glob("*.py")), ROOT / "console" / "main_window.py",
             *sorted((ROOT / "console").glob("*_ui.py")), *sorted((ROOT / "reports").glob("*.py"))]
    found = [f"{path.relative_to(ROOT)}:{line}: {text!r}"
             for path in files for line, text in _string_constants(path) if flag.search(text)]
    assert found == []
