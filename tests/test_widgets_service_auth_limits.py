"""The authorisation panel shows every limit before a PIN is typed, and flags "needs a manager"."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.service.complaints import create_complaint
from db.service.models import CompensationLine, ComplaintInput
from db.settings import _seed_settings, load_settings
from tests.service_data_support import seed_staff
from tests.service_ui_support import Team, make_ctx, make_customer, make_team
from widgets.authorisation_panel import AuthorisationPanel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    team = make_team(fresh_db)  # Sam Supervisor: 20,00
    seed_staff(fresh_db, "Lin Supervisor", "supervisor", limit_minor=3000, pin="3579")
    return team


def _panel(qtbot: QtBot, db: Database, team: Team, amount: int) -> AuthorisationPanel:
    customer = make_customer(db)
    complaint = create_complaint(db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer.id, cause="quality",
        problem="The soup was cold.",
        lines=[CompensationLine(kind="voucher", amount_minor=amount)]))
    panel = AuthorisationPanel(make_ctx(db, team.clerk))
    qtbot.addWidget(panel)
    panel.show()
    panel.set_complaint(complaint)
    return panel


def test_limits_are_shown_before_any_pin(qtbot: QtBot, fresh_db: Database, team: Team) -> None:
    _seed_settings(fresh_db, replace(load_settings(fresh_db), manager_limit_minor=40_000))
    panel = _panel(qtbot, fresh_db, team, 1500)
    text = panel.limits_label.text().replace("\u00a0", " ")
    assert text == ("Limits per complaint: Lin Supervisor 30,00 € · Sam Supervisor 20,00 € · "
                    "manager 400,00 €")
    assert panel.pad.digit_count() == 0
    assert not panel.needs_manager()  # 15,00: either supervisor may approve


def test_over_every_supervisors_limit_needs_a_manager(qtbot: QtBot, fresh_db: Database,
                                                       team: Team) -> None:
    panel = _panel(qtbot, fresh_db, team, 2500)  # Lin (30,00) may still approve
    assert not panel.needs_manager()
    panel.table.selectRow(0)
    panel.change_edit.setText("35,00")
    panel.change_selected()
    assert panel.needs_manager()
    assert "needs a manager" in panel.needs_manager_label.text()
    panel.change_edit.setText("600,00")  # over the manager's 500,00 too
    panel.change_selected()
    assert "reduce the lines" in panel.needs_manager_label.text()
    panel.change_edit.setText("10,00")
    panel.change_selected()
    assert not panel.needs_manager()


def test_no_supervisor_means_a_manager_for_any_value(qtbot: QtBot, fresh_db: Database,
                                                    fixed_clock: datetime) -> None:
    manager = seed_staff(fresh_db, "Maija Manager", "manager", pin="9000")
    clerk = seed_staff(fresh_db, "Chen Clerk", "staff", pin="1357")
    team = Team(manager=manager, supervisor=manager, clerk=clerk)
    panel = _panel(qtbot, fresh_db, team, 100)
    assert panel.limits_label.text().replace("\u00a0", " ") == (
        "Limits per complaint: manager 500,00 €")
    assert panel.needs_manager()
