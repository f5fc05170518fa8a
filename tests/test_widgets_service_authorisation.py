"""The inline authorisation panel: wrong PIN, lockout, approval, limits, refusal."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.clock import set_clock
from db.security import audit, lockout
from db.service.compensation import authorise
from db.service.complaints import create_complaint, get_complaint
from db.service.models import CompensationLine, Complaint, ComplaintInput
from tests.service_ui_support import (
    MANAGER_PIN,
    STAFF_PIN,
    SUPERVISOR_PIN,
    Team,
    make_ctx,
    make_customer,
    make_team,
)
from widgets.authorisation_panel import REFUSE, AuthorisationPanel
from widgets.compensation_lines_model import CompensationLinesModel
from widgets.context import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


def _complaint(db: Database, team: Team, *lines: CompensationLine) -> Complaint:
    customer = make_customer(db)
    return create_complaint(db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer.id, cause="quality",
        problem="The soup was cold.", lines=list(lines)))


def _panel(qtbot: QtBot, ctx: AppContext, complaint: Complaint) -> AuthorisationPanel:
    panel = AuthorisationPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_complaint(complaint)
    return panel


def _type_pin(qtbot: QtBot, panel: AuthorisationPanel, pin: str) -> None:
    qtbot.keyClicks(panel.pad, pin)
    qtbot.keyClick(panel.pad, Qt.Key.Key_Return)


def voucher(amount: int) -> CompensationLine:
    return CompensationLine(kind="voucher", amount_minor=amount)


def test_panel_shows_lines_total_and_90_day_history(qtbot: QtBot, fresh_db: Database,
                                                     team: Team) -> None:
    ctx = make_ctx(fresh_db, team.clerk)
    earlier = _complaint(fresh_db, team, voucher(1200))
    authorise(fresh_db, earlier.id, earlier.proposed_lines, SUPERVISOR_PIN, "till")
    complaint = create_complaint(fresh_db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=earlier.customer_id, cause="waiting",
        problem="Waited 40 minutes", lines=[voucher(1500), CompensationLine(
            kind="apology", description="Sorry")]))
    panel = _panel(qtbot, ctx, complaint)
    assert panel.model.rowCount() == 2
    assert "15" in panel.total_label.text()
    assert "1 earlier complaint" in panel.facts_label.text()  # not counting this one
    assert "12" in panel.facts_label.text()  # its approved compensation
    assert "Aino Virtanen" in panel.customer_label.text()


def test_wrong_pin_is_refused_with_attempts_left(qtbot: QtBot, fresh_db: Database,
                                                 team: Team) -> None:
    ctx = make_ctx(fresh_db, team.clerk)
    panel = _panel(qtbot, ctx, _complaint(fresh_db, team, voucher(1500)))
    with qtbot.assertNotEmitted(panel.decided):
        _type_pin(qtbot, panel, "0000")
    assert "Wrong PIN" in panel.pad.message()
    assert "4 attempt" in panel.pad.message()
    assert get_complaint(fresh_db, panel.complaint().id).authorisations == ()  # type: ignore


def test_five_wrong_pins_lock_the_pad_and_show_remaining_time(
        qtbot: QtBot, fresh_db: Database, team: Team) -> None:
    ctx = make_ctx(fresh_db, team.clerk)
    complaint = _complaint(fresh_db, team, voucher(1500))
    panel = _panel(qtbot, ctx, complaint)
    for _attempt in range(5):
        _type_pin(qtbot, panel, "0000")
    assert panel.is_locked()
    assert "15:00" in panel.lock_label.text()
    _type_pin(qtbot, panel, SUPERVISOR_PIN)  # ignored while locked
    assert panel.pad.digit_count() == 0
    assert get_complaint(fresh_db, complaint.id).authorisations == ()

    # A new panel (a restart) still shows the lock: it lives in the database.
    again = _panel(qtbot, ctx, complaint)
    assert again.is_locked()
    assert not again.lock_label.isHidden()


def test_lock_lifts_when_time_has_passed(qtbot: QtBot, fresh_db: Database, team: Team,
                                         fixed_clock: datetime) -> None:
    ctx = make_ctx(fresh_db, team.clerk)
    for _attempt in range(5):
        lockout.record_failure(fresh_db, ctx.console_id, "test")
    panel = _panel(qtbot, ctx, _complaint(fresh_db, team, voucher(1500)))
    assert panel.is_locked()
    set_clock(lambda: fixed_clock + timedelta(minutes=15, seconds=1))
    panel.refresh_lockout()
    assert not panel.is_locked()
    assert panel.lock_label.isHidden()


def test_right_pin_approves_and_issues_the_voucher(qtbot: QtBot, fresh_db: Database,
                                                   team: Team) -> None:
    ctx = make_ctx(fresh_db, team.clerk)
    complaint = _complaint(fresh_db, team, voucher(1500))
    panel = _panel(qtbot, ctx, complaint)
    with qtbot.waitSignal(panel.decided) as blocker, \
            qtbot.waitSignal(ctx.bus.data_changed):
        _type_pin(qtbot, panel, SUPERVISOR_PIN)
    result = blocker.args[0]
    assert result.decision == "approved"
    assert result.decided_by == team.supervisor.id
    stored = get_complaint(fresh_db, complaint.id)
    assert stored.approved_minor == 1500
    assert stored.lines[0].voucher_code
    assert audit.verify(fresh_db).ok


def test_floor_staff_pin_cannot_authorise(qtbot: QtBot, fresh_db: Database,
                                          team: Team) -> None:
    ctx = make_ctx(fresh_db, team.clerk)
    panel = _panel(qtbot, ctx, _complaint(fresh_db, team, voucher(1500)))
    with qtbot.assertNotEmitted(panel.decided):
        _type_pin(qtbot, panel, STAFF_PIN)
    # counted and answered like a wrong PIN: never says whose PIN it was
    assert "Wrong PIN" in panel.pad.message() and "Chen" not in panel.pad.message()
    assert lockout.status(fresh_db, ctx.console_id).failed_count == 1


def test_over_limit_is_refused_and_shows_the_limit_then_manager_approves(
        qtbot: QtBot, fresh_db: Database, team: Team) -> None:
    ctx = make_ctx(fresh_db, team.clerk)
    complaint = _complaint(fresh_db, team, voucher(3000))
    panel = _panel(qtbot, ctx, complaint)
    assert panel.needs_manager()  # said before any PIN: 30,00 is above Sam's 20,00
    with qtbot.assertNotEmitted(panel.decided):
        _type_pin(qtbot, panel, SUPERVISOR_PIN)
    assert "Wrong PIN" in panel.pad.message() and "Sam" not in panel.pad.message()
    assert "manager" in panel.pad.message().lower()
    assert get_complaint(fresh_db, complaint.id).approved_minor == 0
    with qtbot.waitSignal(panel.decided) as blocker:
        _type_pin(qtbot, panel, MANAGER_PIN)
    assert blocker.args[0].decided_by == team.manager.id


def test_supervisor_changes_the_line_then_approves(qtbot: QtBot, fresh_db: Database,
                                                   team: Team) -> None:
    ctx = make_ctx(fresh_db, team.clerk)
    complaint = _complaint(fresh_db, team, voucher(3000))
    panel = _panel(qtbot, ctx, complaint)
    panel.table.selectRow(0)
    qtbot.keyClicks(panel.change_edit, "abc")
    panel.change_selected()
    assert panel.message()  # not an amount: said so, nothing changed
    assert panel.model.total_minor() == 3000
    panel.change_edit.setText("18,00")
    panel.change_selected()
    assert panel.model.total_minor() == 1800
    assert "changed" in panel.prompt_label.text()
    with qtbot.waitSignal(panel.decided):
        _type_pin(qtbot, panel, SUPERVISOR_PIN)
    assert get_complaint(fresh_db, complaint.id).approved_minor == 1800


def test_refusal_needs_a_reason_and_is_recorded(qtbot: QtBot, fresh_db: Database,
                                                team: Team) -> None:
    ctx = make_ctx(fresh_db, team.clerk)
    complaint = _complaint(fresh_db, team, voucher(1500))
    panel = _panel(qtbot, ctx, complaint)
    panel.set_mode(REFUSE)
    assert not panel.reason_edit.isHidden()
    with qtbot.assertNotEmitted(panel.decided):
        _type_pin(qtbot, panel, SUPERVISOR_PIN)
    assert "why" in panel.message()
    qtbot.keyClicks(panel.reason_edit, "Soup was served at the right temperature")
    with qtbot.waitSignal(panel.decided) as blocker:
        _type_pin(qtbot, panel, SUPERVISOR_PIN)
    assert blocker.args[0].decision == "refused"
    stored = get_complaint(fresh_db, complaint.id)
    assert stored.authorisations[0].reason == "Soup was served at the right temperature"
    assert stored.lines[0].status == "refused"


def test_second_console_deciding_the_same_complaint_gets_a_clear_message(
        qtbot: QtBot, fresh_db: Database, team: Team) -> None:
    complaint = _complaint(fresh_db, team, voucher(1500))
    first = _panel(qtbot, make_ctx(fresh_db, team.clerk), complaint)
    second_ctx = make_ctx(fresh_db, team.clerk)
    second_ctx.console_id = "other-console"
    second = _panel(qtbot, second_ctx, complaint)
    with qtbot.waitSignal(first.decided):
        _type_pin(qtbot, first, SUPERVISOR_PIN)
    with qtbot.assertNotEmitted(second.decided):
        _type_pin(qtbot, second, MANAGER_PIN)
    assert "Sam Supervisor" in second.message()
    assert len(get_complaint(fresh_db, complaint.id).authorisations) == 1


def test_lines_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = CompensationLinesModel()
    model.set_lines([voucher(1500), CompensationLine(kind="discount_percent", bill_minor=4000,
                                                     percent=25)])
    model.add_line(CompensationLine(kind="apology"))
    qtmodeltester.check(model)
    assert model.total_minor() == 2500
    assert model.data(model.index(1, 2)) == "10.00"
