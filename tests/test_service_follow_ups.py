"""Promises and follow-ups: due and overdue oldest first, closing with scores; demo data."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlite_utils import Database

from db import clock
from db.errors import ValidationError
from db.security import audit
from db.service.complaints import get_complaint
from db.service.demo import _populate_service_history
from db.service.follow_ups import add_promise, close_follow_up, due_follow_ups, open_follow_ups
from db.service.models import FollowUpClose, PromiseInput
from tests.conftest import FIXED_NOW
from tests.service_data_support import make_complaint, make_team

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


def test_due_and_overdue_oldest_first(memory_db: Database, fixed_clock: datetime) -> None:
    team = make_team(memory_db)
    owner = team.supervisor.id
    a = make_complaint(memory_db, team, promise=PromiseInput("in 3 days", owner,
                                                             FIXED_NOW + timedelta(days=3)))
    b = make_complaint(memory_db, team, promise=PromiseInput("in 1 hour", owner,
                                                             FIXED_NOW + timedelta(hours=1)))
    c = make_complaint(memory_db, team, customer_id=None, walk_in_name="Walk-in",
                       promise=PromiseInput("default", owner))
    clock.set_clock(lambda: FIXED_NOW + timedelta(days=4))
    due = due_follow_ups(memory_db)
    assert [f.complaint_id for f in due] == [b.id, a.id]
    assert all(f.overdue for f in due)
    assert [f.complaint_id for f in open_follow_ups(memory_db)] == [b.id, a.id, c.id]
    soon = due_follow_ups(memory_db, within=timedelta(days=4))
    assert soon[-1].complaint_id == c.id and not soon[-1].overdue
    assert soon[-1].customer_name == "Walk-in"
    assert due_follow_ups(memory_db, owner_id=team.manager.id) == []


def test_closing_records_scores_and_closes_the_complaint(memory_db: Database) -> None:
    team = make_team(memory_db)
    complaint = make_complaint(memory_db, team)
    fu = add_promise(memory_db, complaint.id, PromiseInput("Call back", team.supervisor.id),
                     team.clerk.id)
    assert get_complaint(memory_db, complaint.id).status == "promised"
    closed = close_follow_up(memory_db, fu.id, FollowUpClose(
        outcome="Happy again", satisfaction=5, reliability=4, empathy=5, tangibles=3,
        responsiveness=4, would_change="Warmer soup"), team.supervisor.id)
    assert closed.status == "closed" and closed.satisfaction == 5 and closed.tangibles == 3
    assert closed.would_change == "Warmer soup" and not closed.overdue
    assert get_complaint(memory_db, complaint.id).status == "closed"
    assert due_follow_ups(memory_db, within=timedelta(days=30)) == []
    with pytest.raises(ValidationError, match="already closed"):
        close_follow_up(memory_db, fu.id, FollowUpClose("again", 3), team.supervisor.id)


@pytest.mark.parametrize(("data", "field"), [
    (FollowUpClose("", 5), "outcome"),
    (FollowUpClose("ok", 0), "satisfaction"),
    (FollowUpClose("ok", 6), "satisfaction"),
    (FollowUpClose("ok", None), "satisfaction"),  # type: ignore[arg-type]
    (FollowUpClose("ok", 3, reliability=7), "reliability"),
    (FollowUpClose("ok", 3, empathy=0), "empathy"),
    (FollowUpClose("ok", 3, tangibles=-1), "tangibles"),
    (FollowUpClose("ok", 3, responsiveness=9), "responsiveness"),
])
def test_bad_scores_are_refused(memory_db: Database, data: FollowUpClose, field: str) -> None:
    team = make_team(memory_db)
    complaint = make_complaint(memory_db, team,
                               promise=PromiseInput("Call back", team.supervisor.id))
    with pytest.raises(ValidationError) as err:
        close_follow_up(memory_db, complaint.follow_ups[0].id, data, team.supervisor.id)
    assert field in err.value.fields
    assert get_complaint(memory_db, complaint.id).follow_ups[0].status == "open"


def test_demo_history_goes_through_the_api_and_verifies(memory_db: Database) -> None:
    """Built against the demo's staff and a few customers; the chain must verify."""
    from db.customers.records import create_customer
    from db.models import CustomerInput
    from tests.service_data_support import seed_staff

    for name, role, limit in (("Maria Manager", "manager", 0), ("Sami S", "supervisor", 5000),
                              ("Aino Staff", "staff", 0)):
        seed_staff(memory_db, name, role, limit_minor=limit,  # type: ignore[arg-type]
                   pin="9999")
    for i in range(8):
        create_customer(memory_db, CustomerInput(name=f"Customer {i}"))
    memory_db.execute("INSERT INTO products(sku, name, price_minor) VALUES ('B', 'Bun', 390)")
    clock.set_clock(lambda: datetime.fromisoformat("2026-11-23T18:00:00+00:00"))
    try:
        _populate_service_history(memory_db, seed=7, today=date(2026, 11, 23))
        assert clock.utcnow().hour == 18  # the clock is put back
    finally:
        clock.set_clock(None)
    assert audit.verify(memory_db).ok

    def one(sql: str) -> int:
        return int(memory_db.execute(sql).fetchone()[0])

    assert one("SELECT count(DISTINCT kind) FROM complaints") == 3
    assert one("SELECT count(*) FROM authorisations WHERE decision = 'approved'") > 10
    assert one("SELECT count(*) FROM authorisations WHERE decision = 'refused'") >= 1
    assert one("SELECT count(*) FROM vouchers WHERE redeemed_at IS NOT NULL") >= 1
    assert one("SELECT count(*) FROM vouchers WHERE redeemed_at IS NULL") >= 1
    assert one("SELECT count(*) FROM follow_ups WHERE status = 'closed' "
               "AND satisfaction BETWEEN 1 AND 5") >= 1
    assert one("SELECT count(*) FROM follow_ups WHERE status = 'open' "
               "AND due_at < '2026-11-23T18:00:00+00:00'") >= 1
    first, last = memory_db.execute(
        "SELECT min(local_date), max(local_date) FROM complaints").fetchone()
    assert "2026-09-28" <= first <= "2026-10-05" and last == "2026-11-23"
