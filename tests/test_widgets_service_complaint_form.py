"""The complaint form: validation keeps what was typed, lines and their value, drafts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.purchases import add_product
from db.models import Customer
from db.service.complaints import get_complaint, history_for_customer
from db.service.drafts import load_draft
from tests.service_ui_support import SUPERVISOR_PIN, Team, make_ctx, make_customer, make_team
from widgets.complaint_form import DRAFT_FORM, ComplaintForm
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

FormFactory = Callable[..., ComplaintForm]


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


@pytest.fixture
def customer(fresh_db: Database) -> Customer:
    return make_customer(fresh_db)


@pytest.fixture
def ctx(fresh_db: Database, team: Team) -> AppContext:
    return make_ctx(fresh_db, team.clerk)


@pytest.fixture
def open_form(qtbot: QtBot, fresh_db: Database) -> Iterator[FormFactory]:
    """Opens forms; closes them before the database closes (the draft timer writes)."""
    forms: list[ComplaintForm] = []

    def factory(ctx: AppContext, customer_id: int | None = None) -> ComplaintForm:
        form = ComplaintForm(ctx)
        qtbot.addWidget(form)
        form.resize(1400, 880)
        form.show()
        form.start_new(customer_id)
        forms.append(form)
        return form

    yield factory
    for form in forms:
        form.close()


def _add_line(qtbot: QtBot, form: ComplaintForm, kind: str, **fields: str) -> None:
    form.line_kind_box.setCurrentIndex(form.line_kind_box.findData(kind))
    for name, text in fields.items():
        getattr(form, f"line_{name}_edit").setText(text)
    form.add_line_button.click()


def test_missing_problem_is_shown_next_to_the_field_and_typed_text_stays(
        qtbot: QtBot, open_form: FormFactory,
        fresh_db: Database, ctx: AppContext, customer: Customer) -> None:
    form = open_form(ctx, customer.id)
    qtbot.keyClicks(form.request_edit, "A hot soup")
    form.staff_account_edit.setPlainText("Soup sat on the pass for ten minutes.")
    form.finish_button.click()
    assert form.errors["problem"].isVisible()
    assert "customer said" in form.errors["problem"].text()
    assert form.request_edit.text() == "A hot soup"
    assert form.staff_account_edit.toPlainText() == "Soup sat on the pass for ten minutes."
    assert history_for_customer(fresh_db, customer.id) == []


def test_a_compliment_for_a_walk_in_is_saved(
        qtbot: QtBot, open_form: FormFactory, fresh_db: Database,
                                             ctx: AppContext, team: Team) -> None:
    form = open_form(ctx)
    form.set_kind("compliment")
    assert not form.lines_view.isVisible()
    assert not form.cause_box.isVisible() and not form.checklist.isVisible()
    qtbot.keyClicks(form.walk_in_edit, "Mr Smith")
    form.about_staff_box.setCurrentIndex(form.about_staff_box.findData(team.clerk.id))
    qtbot.keyClicks(form.problem_edit, "Lovely service from Chen")
    with qtbot.waitSignal(form.complaint_saved) as blocker:
        form.finish_button.click()
    saved = get_complaint(fresh_db, blocker.args[0].id)
    assert (saved.kind, saved.walk_in_name, saved.about_staff_id) == (
        "compliment", "Mr Smith", team.clerk.id)
    assert saved.status == "resolved" and saved.cause == "other"


def test_line_editor_computes_values_and_refuses_bad_amounts(
        qtbot: QtBot, open_form: FormFactory,
        ctx: AppContext, customer: Customer, fresh_db: Database) -> None:
    soup = add_product(fresh_db, "SOUP", "Salmon soup", "food", 1290)
    form = open_form(ctx, customer.id)
    _add_line(qtbot, form, "discount_percent", bill="40,00", percent="150")
    assert "100" in form.line_error.text()
    assert form.line_bill_edit.text() == "40,00"  # kept for fixing
    assert form.lines_model.rowCount() == 0
    form.line_percent_edit.setText("25")
    form.add_line_button.click()
    assert form.lines_model.rowCount() == 1
    _add_line(qtbot, form, "voucher", amount="-5")
    assert "negative" in form.line_error.text()
    _add_line(qtbot, form, "voucher", amount="abc")
    assert form.line_error.isVisible()
    form._load_choices()  # the catalogue changed after the form opened
    form.line_kind_box.setCurrentIndex(form.line_kind_box.findData("free_item"))
    form.line_product_box.setCurrentIndex(form.line_product_box.findData(soup.id))
    form.add_line_button.click()
    _add_line(qtbot, form, "apology")
    assert form.lines_model.rowCount() == 3
    assert form.lines_model.total_minor() == 1000 + 1290
    assert "22.90" in form.total_label.text().replace(",", ".")
    assert form.ask_button.isEnabled()


def test_value_lines_block_finishing_until_authorised(
        qtbot: QtBot, open_form: FormFactory,
        fresh_db: Database, ctx: AppContext, customer: Customer) -> None:
    form = open_form(ctx, customer.id)
    qtbot.keyClicks(form.problem_edit, "Cold soup")
    _add_line(qtbot, form, "voucher", amount="15")
    with qtbot.assertNotEmitted(form.complaint_saved):
        form.finish_button.click()
    assert "supervisor" in form.errors["status"].text()
    form.ask_button.click()
    assert form.authorisation_open()
    assert form.complaint() is not None and form.complaint().status == "open"  # type: ignore
    qtbot.keyClicks(form.auth_panel.pad, SUPERVISOR_PIN)
    with qtbot.waitSignal(form.auth_panel.decided):
        qtbot.keyClick(form.auth_panel.pad, Qt.Key.Key_Return)
    assert not form.authorisation_open()
    assert "compensate" in form.checklist.done()
    assert "Approved by Sam Supervisor" in form.status_label.text()
    with qtbot.waitSignal(form.complaint_saved) as blocker:
        form.finish_button.click()
    saved = get_complaint(fresh_db, blocker.args[0].id)
    assert saved.status == "resolved" and saved.approved_minor == 1500


def test_every_field_reaches_the_record(
        qtbot: QtBot, open_form: FormFactory, fresh_db: Database, ctx: AppContext,
                                        customer: Customer, team: Team) -> None:
    form = open_form(ctx, customer.id)
    form.cause_box.setCurrentIndex(form.cause_box.findData("quality"))
    form.real_cause_box.setCurrentIndex(form.real_cause_box.findData("attitude"))
    form.severity_box.setCurrentIndex(form.severity_box.findData(2))
    form.flag_boxes["aggressive"].setChecked(True)
    qtbot.keyClicks(form.problem_edit, "Soup cold, clerk rude")
    form.staff_account_edit.setPlainText("I was alone at the till.")
    qtbot.keyClicks(form.request_edit, "Apology")
    form.options_edit.setPlainText("New soup or a voucher")
    qtbot.keyClicks(form.chosen_edit, "New soup")
    form.resolution_edit.setPlainText("Served a hot soup")
    form.on_spot_box.setChecked(True)
    form.checklist.box("acknowledge").setChecked(True)
    form.checklist.box("listen").setChecked(True)
    form.promise_group.setChecked(True)
    qtbot.keyClicks(form.promise_edit, "Call back about training")
    form.promise_owner_box.setCurrentIndex(form.promise_owner_box.findData(team.supervisor.id))
    with qtbot.waitSignal(form.complaint_saved) as blocker:
        form.finish_button.click()
    c = get_complaint(fresh_db, blocker.args[0].id)
    assert (c.cause, c.real_cause, c.severity, c.flags) == ("quality", "attitude", 2,
                                                            ("aggressive",))
    assert (c.staff_account, c.customer_request, c.options_offered, c.option_chosen) == (
        "I was alone at the till.", "Apology", "New soup or a voucher", "New soup")
    assert c.resolution == "Served a hot soup" and c.resolved_on_spot
    assert c.steps_done == ("acknowledge", "listen")
    assert c.status == "promised"
    assert c.follow_ups[0].owner_id == team.supervisor.id
    assert c.taken_by == team.clerk.id


def test_draft_is_saved_while_typing_and_offered_back_after_a_restart(
        qtbot: QtBot, open_form: FormFactory,
        fresh_db: Database, ctx: AppContext, customer: Customer) -> None:
    form = open_form(ctx, customer.id)
    qtbot.keyClicks(form.problem_edit, "The coffee was cold")
    form.flag_boxes["vulnerable"].setChecked(True)
    _add_line(qtbot, form, "voucher", amount="7,50")
    clerk = ctx.require_staff()
    qtbot.waitUntil(lambda: load_draft(fresh_db, clerk.id, DRAFT_FORM) is not None)
    form.save_draft_now()  # the debounce may have fired before the last keystroke
    form.close()  # the console "crashes": nothing saved

    dialogs = FakeDialogService()
    dialogs.answers.append(True)  # "Restore it?" -> yes
    restarted = AppContext(db=fresh_db, current_staff=ctx.current_staff, dialogs=dialogs,
                           console_id=ctx.console_id)
    again = open_form(restarted, None)  # opened from anywhere
    assert "Aino Virtanen" in dialogs.texts_of("question")[0]
    assert dialogs.shown[0].default_yes  # Restore is preselected
    assert again.customer() is not None and again.customer().id == customer.id  # type: ignore
    assert again.problem_edit.toPlainText() == "The coffee was cold"
    assert again.flag_boxes["vulnerable"].isChecked()
    assert again.lines_model.total_minor() == 750
    assert history_for_customer(fresh_db, customer.id) == []  # a draft is not a record
    again.problem_edit.setPlainText("The coffee was cold, twice")
    again.lines_model.remove_line(0)
    with qtbot.waitSignal(again.complaint_saved):
        again.finish_button.click()
    assert load_draft(fresh_db, clerk.id, DRAFT_FORM) is None


def test_declining_the_draft_starts_fresh_and_forgets_it(
        qtbot: QtBot, open_form: FormFactory,
        fresh_db: Database, ctx: AppContext, customer: Customer) -> None:
    form = open_form(ctx, customer.id)
    qtbot.keyClicks(form.problem_edit, "Too loud")
    form.save_draft_now()
    assert isinstance(ctx.dialogs, FakeDialogService)
    ctx.dialogs.answers.append(False)
    assert load_draft(fresh_db, ctx.require_staff().id, DRAFT_FORM) is not None
    form.start_new(customer.id)
    assert form.problem_edit.toPlainText() == ""
    assert load_draft(fresh_db, ctx.require_staff().id, DRAFT_FORM) is None


def test_form_lines_model_passes_the_model_tester(
        qtbot: QtBot, open_form: FormFactory,
        qtmodeltester: ModelTester, ctx: AppContext, customer: Customer) -> None:
    form = open_form(ctx, customer.id)
    _add_line(qtbot, form, "refund", amount="3.20")
    _add_line(qtbot, form, "apology")
    qtmodeltester.check(form.lines_model)
