"""Due and overdue promises on home, closing one, and the profile's complaint history."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.clock import set_clock
from db.models import Customer
from db.service.complaints import create_complaint, get_complaint
from db.service.follow_ups import due_follow_ups
from db.service.models import ComplaintInput, PromiseInput
from tests.service_ui_support import Team, make_ctx, make_customer, make_team
from widgets.complaint_history_model import ComplaintHistoryModel
from widgets.follow_up_list import FollowUpList
from widgets.follow_up_model import FollowUpModel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


@pytest.fixture
def customer(fresh_db: Database) -> Customer:
    return make_customer(fresh_db)


def _promise(db: Database, team: Team, customer_id: int | None, text: str,
             due: datetime, problem: str = "Late order") -> int:
    complaint = create_complaint(db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer_id, cause="waiting", problem=problem,
        status="resolved", promise=PromiseInput(promise=text, owner_id=team.supervisor.id,
                                                due_at=due)))
    return complaint.id


def test_home_list_shows_due_and_overdue_oldest_first(
        qtbot: QtBot, fresh_db: Database, team: Team, customer: Customer,
        fixed_clock: datetime) -> None:
    _promise(fresh_db, team, customer.id, "Call back tomorrow", fixed_clock + timedelta(hours=3))
    _promise(fresh_db, team, None, "Check the fridge", fixed_clock + timedelta(minutes=30))
    _promise(fresh_db, team, customer.id, "Next week", fixed_clock + timedelta(days=7))
    set_clock(lambda: fixed_clock + timedelta(hours=1))  # the fridge check is now overdue
    panel = FollowUpList(make_ctx(fresh_db, team.clerk))
    qtbot.addWidget(panel)
    panel.refresh()
    model = panel.model
    assert model.rowCount() == 2  # next week's promise is not due yet
    assert model.data(model.index(0, 2)) == "Check the fridge"
    assert "overdue" in model.data(model.index(0, 0))
    assert model.data(model.index(0, 1)) == "Walk-in"
    assert model.data(model.index(1, 1)) == "Aino Virtanen"
    assert model.data(model.index(1, 3)) == "Sam Supervisor"
    assert "1 overdue" in panel.summary_label.text()


def test_closing_a_follow_up_records_scores_and_leaves_the_list(
        qtbot: QtBot, fresh_db: Database, team: Team, customer: Customer,
        fixed_clock: datetime) -> None:
    complaint_id = _promise(fresh_db, team, customer.id, "Call back",
                            fixed_clock + timedelta(hours=2))
    panel = FollowUpList(make_ctx(fresh_db, team.clerk))
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    form = panel.close_form
    assert form.isVisible()
    form.save_button.click()  # nothing filled in
    assert form.errors["outcome"].isVisible() and form.errors["satisfaction"].isVisible()
    qtbot.keyClicks(form.outcome_edit, "Happy with the voucher")
    form.scores["satisfaction"].buttons[4].click()
    form.scores["empathy"].buttons[5].click()
    form.would_change_edit.setText("Warmer soup")
    with qtbot.waitSignal(panel.follow_up_closed) as blocker:
        form.save_button.click()
    closed = blocker.args[0]
    assert (closed.satisfaction, closed.empathy, closed.reliability) == (4, 5, None)
    assert closed.would_change == "Warmer soup"
    assert panel.model.rowCount() == 0 and not form.isVisible()
    assert get_complaint(fresh_db, complaint_id).status == "closed"
    assert due_follow_ups(fresh_db) == []


def test_follow_up_model_passes_the_model_tester(
        qtmodeltester: ModelTester, fresh_db: Database, team: Team, customer: Customer,
        fixed_clock: datetime) -> None:
    _promise(fresh_db, team, customer.id, "A", fixed_clock + timedelta(hours=2))
    _promise(fresh_db, team, None, "B", fixed_clock + timedelta(hours=1))
    model = FollowUpModel()
    model.set_follow_ups(due_follow_ups(fresh_db))
    qtmodeltester.check(model)
    assert model.follow_up_at(0).promise == "B"  # type: ignore[union-attr]


def test_history_model_shows_outcomes(qtmodeltester: ModelTester, fresh_db: Database,
                                      team: Team, customer: Customer,
                                      fixed_clock: datetime) -> None:
    create_complaint(fresh_db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer.id, kind="compliment",
        problem="Great coffee", status="resolved"))
    _promise(fresh_db, team, customer.id, "Call back", fixed_clock + timedelta(hours=2),
             problem="Cold soup")
    model = ComplaintHistoryModel(fresh_db, lambda minor: f"{minor / 100:.2f}")
    model.set_customer(customer.id)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    texts = {model.data(model.index(r, 3)): model.data(model.index(r, 4)) for r in range(2)}
    assert texts["Cold soup"].startswith("Promised")
    assert texts["Great coffee"].startswith("Resolved")
    kinds = {model.data(model.index(r, 1)) for r in range(2)}
    assert kinds == {"Complaint", "Compliment"}
    model.set_customer(None)
    assert model.rowCount() == 0
