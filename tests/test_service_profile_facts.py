"""The profile's 90-day facts: how many complaints, and how many compensations worth what."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.records import get_profile
from db.service.compensation import authorise, refuse
from db.service.models import CompensationLine
from tests.service_data_support import (
    CONSOLE,
    SUPERVISOR_PIN,
    Team,
    make_complaint,
    make_team,
    voucher_line,
)
from tests.ui_helpers import make_ctx
from widgets.customer_profile_panel import CustomerProfilePanel

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


def _history(db: Database, now: datetime) -> Team:
    """Two lines of value approved lately (5.00 + 3.15), plus what must not count."""
    team = make_team(db)
    decide = [
        make_complaint(db, team, voucher_line(500), CompensationLine(kind="apology")),
        make_complaint(db, team, CompensationLine(kind="refund", amount_minor=315)),
        make_complaint(db, team, CompensationLine(kind="replacement"),  # approved, worth 0
                       occurred_at=now - timedelta(days=1)),
        make_complaint(db, team, voucher_line(900),  # too long ago
                       occurred_at=now - timedelta(days=91)),
    ]
    for complaint in decide:
        authorise(db, complaint.id, complaint.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    refused = make_complaint(db, team, voucher_line(2000))
    refuse(db, refused.id, SUPERVISOR_PIN, CONSOLE, "Too much")
    return team


def test_the_profile_counts_compensations_with_value(memory_db: Database,
                                                     fixed_clock: datetime) -> None:
    team = _history(memory_db, fixed_clock)
    profile = get_profile(memory_db, team.customer.id)
    assert profile.complaints_90d == 4
    assert (profile.compensations_90d, profile.compensation_90d_minor) == (2, 815)


@pytest.mark.gui
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_profile_panel_shows_the_count_beside_the_value(
    qtbot: QtBot, memory_db: Database, fixed_clock: datetime,
) -> None:
    team = _history(memory_db, fixed_clock)
    ctx, _dialogs = make_ctx(memory_db)
    panel = CustomerProfilePanel(ctx)
    qtbot.addWidget(panel)
    panel.set_customer(team.customer.id)
    assert panel.facts["complaints_90d"].text() == "4"
    assert panel.facts["compensation_90d"].text() == "2 · 8,15\u00a0€"
