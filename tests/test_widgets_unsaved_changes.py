"""Esc or Cancel on a form with changes asks first (No keeps everything on screen); a form
left untouched closes without a question; an error goes as soon as its field is put right;
and a settings error never covers the field it is about."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.main_window import (
    PAGE_CUSTOMER_FORM,
    PAGE_HOME,
    PAGE_PROFILE,
    PAGE_PURCHASE,
    MainWindow,
)
from console.service_ui import PAGE_COMPLAINT, PAGE_FOLLOW_UPS, PAGE_STAFF_ADMIN
from console.settings_ui import PAGE_SETTINGS
from db.service.complaints import create_complaint
from db.service.models import ComplaintInput, PromiseInput
from db.settings import load_settings
from tests.nav_support import open_window
from tests.service_ui_support import Team, make_customer, make_team
from tests.ui_helpers import add_products
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def windows(fresh_db: Database) -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for win in made:
        win.close()


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


def _questions(dialogs: FakeDialogService) -> int:
    return len(dialogs.texts_of("question"))


def _esc(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Escape)


# --- customer form -------------------------------------------------------------------------

def test_customer_form_esc_asks_before_throwing_away_and_no_keeps_it(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, dialogs = open_window(qtbot, fresh_db, windows, team.clerk)
    win.new_customer()
    form = win.customer_form
    _esc(qtbot, form.name_edit)  # nothing typed: leaves at once
    assert win.current_page() == PAGE_HOME and _questions(dialogs) == 0

    win.new_customer()
    qtbot.keyClicks(form.name_edit, "Kaisa Nieminen")
    qtbot.keyClicks(form.phone_edit, "040 765 4321")
    dialogs.answers.append(False)
    _esc(qtbot, form.phone_edit)
    assert _questions(dialogs) == 1
    assert win.current_page() == PAGE_CUSTOMER_FORM
    assert form.name_edit.text() == "Kaisa Nieminen" and form.phone_edit.text() == "040 765 4321"

    dialogs.answers.append(True)
    form.cancel_button.click()
    assert _questions(dialogs) == 2
    assert win.current_page() == PAGE_HOME


def test_editing_a_customer_and_typing_back_the_same_is_no_change(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    customer = make_customer(fresh_db, "Aino Virtanen")
    win, dialogs = open_window(qtbot, fresh_db, windows, team.clerk)
    win.edit_customer(customer.id)
    form = win.customer_form
    qtbot.keyClicks(form.name_edit, "x")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Backspace)
    form.cancel_button.click()
    assert _questions(dialogs) == 0
    assert win.current_page() == PAGE_PROFILE


def test_the_rail_asks_before_leaving_a_changed_form(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, dialogs = open_window(qtbot, fresh_db, windows, team.clerk)
    win.new_customer()
    qtbot.keyClicks(win.customer_form.name_edit, "Kaisa")
    dialogs.answers.append(False)
    qtbot.mouseClick(win.nav_rail.button("home"), Qt.MouseButton.LeftButton)
    assert win.current_page() == PAGE_CUSTOMER_FORM
    assert win.customer_form.name_edit.text() == "Kaisa"
    assert win.nav_rail.button("new_customer").isChecked()  # the highlight did not move
    dialogs.answers.append(True)
    qtbot.keyClick(win.customer_form.name_edit, Qt.Key.Key_K, CTRL_SHIFT)  # walk-in
    assert win.current_page() == PAGE_COMPLAINT
    assert _questions(dialogs) == 2


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_customer_form_errors_go_as_soon_as_the_field_is_right(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, _ = open_window(qtbot, fresh_db, windows, team.clerk)
    win.new_customer()
    form = win.customer_form
    qtbot.keyClicks(form.email_edit, "not-an-email")
    form.save_button.click()
    assert form.field_error("name") and form.field_error("email")
    qtbot.keyClicks(form.name_edit, "K")
    assert form.field_error("name") == "" and form.errors["name"].isHidden()
    assert form.field_error("email")  # still wrong: still said
    qtbot.keyClicks(form.email_edit, "@example.com")  # not-an-email@example.com
    assert form.field_error("email") == ""


# --- complaint form ------------------------------------------------------------------------

def test_complaint_form_esc_asks_and_errors_clear_when_corrected(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, dialogs = open_window(qtbot, fresh_db, windows, team.clerk, size=(1366, 768))
    win.service_ui.new_complaint(None)
    form = win.service_ui.complaint_form
    _esc(qtbot, form.problem_edit)  # nothing typed
    assert win.current_page() == PAGE_HOME and _questions(dialogs) == 0

    win.service_ui.new_complaint(None)
    form.finish_button.click()  # nothing written down yet
    problem_error = form.errors["problem"]
    assert not problem_error.isHidden() and problem_error.text()
    assert form.status_label.text()
    qtbot.keyClicks(form.problem_edit, "Waited 40 minutes")
    assert problem_error.isHidden()
    assert form.status_label.text() == ""  # "check the fields marked in red" went too

    dialogs.answers.append(False)
    _esc(qtbot, form.problem_edit)
    assert win.current_page() == PAGE_COMPLAINT
    assert form.problem_edit.toPlainText() == "Waited 40 minutes"
    dialogs.answers.append(True)
    _esc(qtbot, form.walk_in_edit)
    assert win.current_page() == PAGE_HOME
    assert form.pending_draft() is None  # thrown away means thrown away


def test_complaint_line_error_clears_when_the_amount_is_fixed(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    customer = make_customer(fresh_db)
    win, _ = open_window(qtbot, fresh_db, windows, team.clerk, size=(1366, 768))
    win.service_ui.new_complaint(customer.id)
    form = win.service_ui.complaint_form
    form.line_kind_box.setCurrentIndex(form.line_kind_box.findData("voucher"))
    qtbot.keyClicks(form.line_amount_edit, "lots")
    form.add_line_button.click()
    assert not form.line_error.isHidden()
    form.line_amount_edit.clear()
    qtbot.keyClicks(form.line_amount_edit, "5,00")
    assert form.line_error.isHidden()


# --- purchase entry ------------------------------------------------------------------------

def test_purchase_esc_with_items_asks_and_without_items_does_not(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    add_products(fresh_db)
    customer = make_customer(fresh_db)
    win, dialogs = open_window(qtbot, fresh_db, windows, team.clerk)
    win.record_purchase(customer.id)
    entry = win.purchase_entry
    _esc(qtbot, entry.filter_edit)
    assert win.current_page() == PAGE_PROFILE and _questions(dialogs) == 0

    win.record_purchase(customer.id)
    qtbot.keyClick(entry.filter_edit, Qt.Key.Key_Return)  # the first item
    assert entry.lines.rowCount() == 1
    dialogs.answers.append(False)
    _esc(qtbot, entry.filter_edit)
    assert win.current_page() == PAGE_PURCHASE and entry.lines.rowCount() == 1
    dialogs.answers.append(True)
    entry.cancel_button.click()
    assert win.current_page() == PAGE_PROFILE and _questions(dialogs) == 2


# --- follow-up close -----------------------------------------------------------------------

def test_follow_up_close_esc_asks_and_the_score_error_clears(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow],
        fixed_clock: datetime) -> None:
    customer = make_customer(fresh_db)
    create_complaint(fresh_db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer.id, cause="quality", problem="Cold soup",
        status="resolved", promise=PromiseInput(promise="Call back", owner_id=team.clerk.id,
                                                due_at=fixed_clock + timedelta(hours=1))))
    win, dialogs = open_window(qtbot, fresh_db, windows, team.clerk, size=(1024, 768))
    win.service_ui.open_follow_ups()
    follow_ups = win.service_ui.follow_ups
    follow_ups.close_button.click()
    form = follow_ups.close_form
    assert form.isVisible()
    _esc(qtbot, form.outcome_edit)  # nothing typed yet
    assert form.isHidden() and _questions(dialogs) == 0

    follow_ups.close_button.click()
    assert follow_ups.table.isHidden()  # the form takes the list's place at a till's size
    bottom = form.save_button.mapTo(win, form.save_button.rect().bottomRight()).y()
    assert form.save_button.isVisible() and bottom <= win.height()
    qtbot.keyClicks(form.outcome_edit, "Came back, happy")
    form.save_button.click()  # no satisfaction score yet
    assert not form.errors["satisfaction"].isHidden()
    form.scores["satisfaction"].buttons[4].click()
    assert form.errors["satisfaction"].isHidden()

    dialogs.answers.append(False)
    _esc(qtbot, form.would_change_edit)
    assert form.isVisible() and form.outcome_edit.toPlainText() == "Came back, happy"
    dialogs.answers.append(False)  # leaving the page through the rail asks too
    qtbot.mouseClick(win.nav_rail.button("home"), Qt.MouseButton.LeftButton)
    assert win.current_page() == PAGE_FOLLOW_UPS
    dialogs.answers.append(True)
    form.cancel_button.click()
    assert form.isHidden() and _questions(dialogs) == 3
    assert follow_ups.table.isVisible()  # the list is back


# --- settings ------------------------------------------------------------------------------

def test_settings_esc_asks_and_the_pin_box_closes_first(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, dialogs = open_window(qtbot, fresh_db, windows, team.manager)
    win.settings_ui.open_settings()
    panel = win.settings_ui.panel
    name = panel.edits["shop_name"]
    _esc(qtbot, name)  # nothing changed: back home
    assert win.current_page() == PAGE_HOME and _questions(dialogs) == 0

    win.settings_ui.open_settings()
    name.clear()
    qtbot.keyClicks(name, "Kahvila Aurora")
    panel.save_button.click()
    assert not panel.confirm_box.isHidden()
    _esc(qtbot, panel.pad)  # the pad clears its digits on Esc; the box stays
    _esc(qtbot, name)
    assert panel.confirm_box.isHidden() and name.text() == "Kahvila Aurora"
    assert _questions(dialogs) == 0

    dialogs.answers.append(False)
    panel.revert_button.click()
    assert name.text() == "Kahvila Aurora"
    dialogs.answers.append(False)
    _esc(qtbot, name)
    assert win.current_page() == PAGE_SETTINGS and name.text() == "Kahvila Aurora"
    dialogs.answers.append(True)
    _esc(qtbot, name)
    assert win.current_page() == PAGE_HOME and _questions(dialogs) == 3
    assert load_settings(fresh_db).shop_name == "Counterpart Café"


def test_settings_error_clears_once_the_field_is_right(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, _ = open_window(qtbot, fresh_db, windows, team.manager)
    win.settings_ui.open_settings()
    panel = win.settings_ui.panel
    panel.edits["currency"].setText("EU")
    panel.edits["pin_max_attempts"].setText("x")
    panel.save_button.click()
    assert panel.field_error("currency") and panel.field_error("pin_max_attempts")
    qtbot.keyClicks(panel.edits["currency"], "R")  # EUR
    assert panel.field_error("currency") == ""
    assert panel.field_error("pin_max_attempts")


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_settings_errors_never_cover_their_fields(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow],
        size: tuple[int, int]) -> None:
    win, _ = open_window(qtbot, fresh_db, windows, team.manager, size=size)
    win.settings_ui.open_settings()
    panel = win.settings_ui.panel
    for key in ("shop_name", "currency", "locale", "timezone", "email", "manager_limit_minor",
                "pin_max_attempts", "pin_lockout_minutes"):
        panel.edits[key].setText("??? not valid at all, and quite a long value too ???")
    panel.save_button.click()
    QApplication.processEvents()
    shown = [key for key, label in panel.errors.items() if not label.isHidden()]
    assert len(shown) >= 6
    fields = list(panel.fields.values())
    for key in shown:
        label = panel.errors[key]
        field = panel.fields[key]
        assert label.parentWidget() is field.parentWidget()
        error_box: QRect = label.geometry()
        assert error_box.height() >= label.heightForWidth(label.width())  # not cut either
        assert error_box.top() >= field.geometry().bottom(), key  # under its own field
        for other in fields:
            assert not error_box.intersects(other.geometry()), (key, other.objectName())


# --- staff ---------------------------------------------------------------------------------

def test_staff_editor_esc_asks_and_the_pin_error_clears(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    win, dialogs = open_window(qtbot, fresh_db, windows, team.manager)
    win.service_ui.open_staff_admin()
    panel = win.service_ui.staff_admin
    _esc(qtbot, panel.table)
    assert win.current_page() == PAGE_HOME and _questions(dialogs) == 0

    win.service_ui.open_staff_admin()
    panel.new_button.click()
    qtbot.keyClicks(panel.name_edit, "Ville Uusi")
    panel.add_button.click()  # no PIN yet
    assert not panel.errors["pin"].isHidden()
    qtbot.keyClicks(panel.pin_edit, "1234")
    assert panel.errors["pin"].isHidden()

    dialogs.answers.append(False)
    panel.new_button.click()
    assert panel.name_edit.text() == "Ville Uusi"
    dialogs.answers.append(False)
    _esc(qtbot, panel.name_edit)
    assert win.current_page() == PAGE_STAFF_ADMIN and panel.name_edit.text() == "Ville Uusi"
    dialogs.answers.append(True)
    _esc(qtbot, panel.name_edit)
    assert win.current_page() == PAGE_HOME and _questions(dialogs) == 3

    # a PIN box left open when going elsewhere is not armed on the next visit
    win.service_ui.open_staff_admin()
    panel.table.selectRow(0)
    panel.deactivate_button.click()
    assert not panel.confirm_box.isHidden()
    qtbot.mouseClick(win.nav_rail.button("home"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(win.nav_rail.button("staff"), Qt.MouseButton.LeftButton)
    assert win.current_page() == PAGE_STAFF_ADMIN and panel.confirm_box.isHidden()
