"""Every figure of the report checked against an independent computation in Python.

`seed_mix` writes a random (seeded) mix of six weeks of complaints, compliments, suggestions,
approved and refused compensation, vouchers (some redeemed) and promises (some overdue, some
closed with scores). The tests read the raw rows back and recompute each figure in plain
Python - loops and dicts, no SQL aggregation - then compare with `build_report`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from db.errors import PermissionDenied, ValidationError
from db.report_queries import REPEAT_WINDOW_DAYS, ROUTE_ORDER, build_report, route_of
from db.security.staff import get_staff
from tests.report_fixtures import NOW, TZ, add_entry, local_moment, seed_mix

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL

DAY = date(2026, 11, 22)


def rows(db: Database, table: str) -> list[dict[str, Any]]:
    cur = db.execute(f"SELECT * FROM {table}")
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def local_day(iso: str) -> date:
    return datetime.fromisoformat(iso).astimezone(ZoneInfo(TZ)).date()


def in_days(iso: str | None, start: date, end: date) -> bool:
    return iso is not None and start <= local_day(iso) <= end


class Expected:
    """The figures recomputed from raw rows, for the local days start..end."""

    def __init__(self, db: Database, start: date, end: date) -> None:
        self.c = rows(db, "complaints")
        self.m = rows(db, "compensations")
        self.a = rows(db, "authorisations")
        self.v = rows(db, "vouchers")
        self.f = rows(db, "follow_ups")
        self.staff = {s["id"]: s for s in rows(db, "staff")}
        self.start, self.end = start, end
        # Recomputed from occurred_at, not from the stored local_date.
        self.inr = [c for c in self.c if in_days(c["occurred_at"], start, end)]
        self.ids = {c["id"] for c in self.inr}
        self.complaints = [c for c in self.inr if c["kind"] == "complaint"]

    def kinds(self) -> Counter[str]:
        return Counter(c["kind"] for c in self.inr)

    def approved(self) -> list[dict[str, Any]]:
        return [m for m in self.m if m["complaint_id"] in self.ids and m["status"] == "approved"]


@pytest.fixture
def seeded(fresh_db: Database) -> tuple[Database, dict[str, int]]:
    ids = seed_mix(fresh_db, DAY)
    return fresh_db, ids


@pytest.mark.parametrize(("start", "end"), [(DAY, DAY), (DAY - timedelta(days=13), DAY)])
def test_every_figure_matches_an_independent_computation(
    seeded: tuple[Database, dict[str, int]], start: date, end: date
) -> None:
    db, ids = seeded
    manager = get_staff(db, ids["manager"])
    r = build_report(db, start, end, actor=manager, now=NOW)
    e = Expected(db, start, end)
    assert e.complaints, "the fixture must put complaints in the range"

    kinds = e.kinds()
    assert (r.totals.complaints, r.totals.compliments, r.totals.suggestions) == (
        kinds["complaint"], kinds["compliment"], kinds["suggestion"])
    assert r.resolved_on_spot == sum(c["resolved_on_spot"] for c in e.complaints)
    promised = {f["complaint_id"] for f in e.f}
    assert r.resolved_with_promise == sum(c["id"] in promised for c in e.complaints)
    assert r.crisis_count == sum(bool(json.loads(c["flags"])) for c in e.complaints)

    # a promise made or a follow-up closed counts as the step done, ticked or not
    closed = {f["complaint_id"] for f in e.f if f["status"] == "closed"}
    steps: Counter[str] = Counter()
    for c in e.complaints:
        done = set(json.loads(c["steps_done"]))
        done |= {"promise"} if c["id"] in promised else set()
        done |= {"follow_up"} if c["id"] in closed else set()
        steps.update(done)
    assert {s.key: s.count for s in r.steps} == {k: steps.get(k, 0) for k in
                                                   {s.key for s in r.steps}}
    assert sum(s.count for s in r.steps) == sum(steps.values())
    # per staff member: about them, taken by them, compliments for them
    about = Counter(c["about_staff_id"] for c in e.complaints if c["about_staff_id"])
    taken = Counter(c["taken_by"] for c in e.complaints)
    liked = Counter(c["about_staff_id"] for c in e.inr
                    if c["kind"] == "compliment" and c["about_staff_id"])
    assert {x.staff_id: (x.about, x.taken, x.compliments) for x in r.by_staff} == {
        sid: (about[sid], taken[sid], liked[sid]) for sid in set(about) | set(taken) | set(liked)}

    assert {x.cause: x.count for x in r.by_cause} == Counter(c["cause"] for c in e.complaints)
    assert {x.cause: x.count for x in r.by_real_cause} == Counter(
        c["real_cause"] for c in e.complaints if c["real_cause"])
    assert r.real_cause_unknown == sum(not c["real_cause"] for c in e.complaints)
    routes = Counter(route_of(c["real_cause"] or c["cause"]) for c in e.complaints)
    assert {x.key: x.count for x in r.routing} == {k: routes.get(k, 0) for k in ROUTE_ORDER}
    assert all(x.routing == "training" for x in r.by_cause if x.cause in ("attitude", "skill"))
    assert all(x.routing == "supplier_kitchen" for x in r.by_cause if x.cause == "quality")

    approved = e.approved()
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m in approved:
        by_kind[m["kind"]][0] += 1
        by_kind[m["kind"]][1] += m["value_minor"]
    assert {x.key: [x.count, x.total_minor] for x in r.compensation_by_kind} == dict(by_kind)
    valued = [m for m in approved if m["value_minor"] > 0]
    assert r.totals.compensation_count == len(valued)
    assert r.totals.compensation_minor == sum(m["value_minor"] for m in valued)

    auths = [a for a in e.a if a["complaint_id"] in e.ids]
    auth_by_id = {a["id"]: a for a in auths}
    per: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for a in auths:
        per[a["decided_by"]][0 if a["decision"] == "approved" else 1] += 1
    for m in approved:
        if m["authorisation_id"] in auth_by_id:
            per[auth_by_id[m["authorisation_id"]]["decided_by"]][2] += m["value_minor"]
    assert {x.staff_id: [x.approvals, x.refusals, x.total_minor] for x in r.by_authoriser} \
        == dict(per)
    refused = [a for a in auths if a["decision"] == "refused"]
    assert r.totals.refusals == len(refused) == len(r.refusals)
    assert sorted(x.total_minor for x in r.refusals) == sorted(a["total_minor"] for a in refused)

    issued = [v for v in e.v if in_days(v["issued_at"], start, end)]
    redeemed = [v for v in e.v if in_days(v["redeemed_at"], start, end)]
    assert (r.vouchers.issued_count, r.vouchers.issued_minor) == (
        len(issued), sum(v["value_minor"] for v in issued))
    assert (r.vouchers.redeemed_count, r.vouchers.redeemed_minor) == (
        len(redeemed), sum(v["value_minor"] for v in redeemed))

    top = sorted(valued, key=lambda m: (-m["value_minor"], m["id"]))[:5]
    assert [x.compensation_id for x in r.largest] == [m["id"] for m in top]

    due = [f for f in e.f if in_days(f["due_at"], start, end)]
    assert sorted(x.follow_up_id for x in r.promises_due) == sorted(f["id"] for f in due)
    cutoff = min(NOW, datetime.combine(end + timedelta(days=1), time(0), ZoneInfo(TZ)))
    overdue = [f for f in e.f if f["status"] == "open"
               and datetime.fromisoformat(f["due_at"]) < cutoff]
    assert [x.follow_up_id for x in r.promises_overdue] == [
        f["id"] for f in sorted(overdue, key=lambda f: (f["due_at"], f["id"]))]
    assert all(x.owner == e.staff[f["owner_id"]]["name"] for x, f in zip(
        r.promises_overdue, sorted(overdue, key=lambda f: (f["due_at"], f["id"])), strict=True))
    closed = [f for f in e.f if f["status"] == "closed" and in_days(f["closed_at"], start, end)]
    assert len(r.promises_closed) == r.satisfaction.closed == len(closed)
    for dim in ("satisfaction", "reliability", "empathy", "tangibles", "responsiveness"):
        scores = [f[dim] for f in closed if f[dim] is not None]
        expected = sum(scores) / len(scores) if scores else None
        assert getattr(r.satisfaction, dim) == pytest.approx(expected)
    assert r.satisfaction.scored == sum(f["satisfaction"] is not None for f in closed)

    window0 = end - timedelta(days=REPEAT_WINDOW_DAYS - 1)
    recent = [c for c in e.c if c["kind"] == "complaint" and c["customer_id"] is not None
              and in_days(c["occurred_at"], window0, end)]
    recent_ids = {c["id"]: c["customer_id"] for c in recent}
    n_complaints = Counter(c["customer_id"] for c in recent)
    n_comp: Counter[int] = Counter()
    v_comp: Counter[int] = Counter()
    for m in e.m:
        if m["complaint_id"] in recent_ids and m["status"] == "approved" and m["value_minor"]:
            n_comp[recent_ids[m["complaint_id"]]] += 1
            v_comp[recent_ids[m["complaint_id"]]] += m["value_minor"]
    today_customers = {c["customer_id"] for c in e.complaints if c["customer_id"]}
    repeat = {cid: (n_complaints[cid], n_comp[cid], v_comp[cid]) for cid in today_customers
              if n_complaints[cid] >= 2 or n_comp[cid] >= 2}
    assert {x.customer_id: (x.complaints_90d, x.compensations_90d, x.compensation_90d_minor)
            for x in r.repeat_customers} == repeat

    compliments = Counter(c["about_staff_id"] for c in e.inr if c["kind"] == "compliment")
    assert {x.staff_id: x.count for x in r.compliments_by_staff} == dict(compliments)

    assert [t.day for t in r.trend] == [start + timedelta(days=i) for i in range(r.days)]
    for t in r.trend:
        day_rows = [c for c in e.inr if local_day(c["occurred_at"]) == t.day]
        assert t.complaints == sum(c["kind"] == "complaint" for c in day_rows)
        assert t.compliments == sum(c["kind"] == "compliment" for c in day_rows)
        day_ids = {c["id"] for c in day_rows}
        assert t.compensation_minor == sum(m["value_minor"] for m in approved
                                           if m["complaint_id"] in day_ids)
    length = (end - start).days + 1
    p0, p1 = start - timedelta(days=length), start - timedelta(days=1)
    before = Expected(db, p0, p1)
    assert (r.previous.start, r.previous.end) == (p0, p1)
    assert r.previous.complaints == before.kinds()["complaint"]
    assert r.previous.compensation_minor == sum(m["value_minor"] for m in before.approved())

    assert [d.complaint_id for d in r.details] == [
        c["id"] for c in sorted(e.inr, key=lambda c: (c["occurred_at"], c["id"]))]
    values = defaultdict(int)
    for m in approved:
        values[m["complaint_id"]] += m["value_minor"]
    assert {d.complaint_id: d.value_minor for d in r.details} == {
        c["id"]: values[c["id"]] for c in e.inr}


def test_a_complaint_at_2359_local_counts_on_that_day(
    seeded: tuple[Database, dict[str, int]]
) -> None:
    db, _ids = seeded
    r = build_report(db, DAY, DAY, actor=None, now=NOW)
    last = r.details[-1]
    assert last.occurred_at == local_moment(DAY, 23, 59)
    assert last.occurred_at.astimezone(UTC).date() == DAY  # 21:59 UTC the same day (EET)
    assert last.remedy_kinds == ("voucher",) and last.value_minor == 2500
    midnight = build_report(db, DAY + timedelta(days=1), DAY + timedelta(days=1),
                            actor=None, now=NOW)
    assert [d.occurred_at for d in midnight.details] == [
        local_moment(DAY + timedelta(days=1), 0, 0)]


def test_summer_time_day_boundary_uses_the_shop_zone(fresh_db: Database) -> None:
    from tests.report_fixtures import add_staff

    fresh_db.execute("INSERT INTO settings(key, value) VALUES ('timezone', ?)", [json.dumps(TZ)])
    who = add_staff(fresh_db, "Aino", "staff")
    summer = date(2026, 7, 1)
    add_entry(fresh_db, kind="complaint", at=local_moment(summer, 23, 59), taken_by=who)
    add_entry(fresh_db, kind="complaint", at=local_moment(summer, 0, 1), taken_by=who)
    r = build_report(fresh_db, summer, summer, actor=None, now=NOW)
    assert r.totals.complaints == 2


def test_drafts_never_count(seeded: tuple[Database, dict[str, int]]) -> None:
    db, _ids = seeded
    before = build_report(db, DAY, DAY, actor=None, now=NOW).totals
    db.execute("INSERT INTO drafts(console_id, form, payload, updated_at) VALUES "
               "('c2', 'complaint', '{}', ?)", ["2026-11-22T10:00:00+00:00"])
    assert build_report(db, DAY, DAY, actor=None, now=NOW).totals == before


def test_only_a_manager_may_build_the_report(seeded: tuple[Database, dict[str, int]]) -> None:
    db, ids = seeded
    for who in ("staff", "supervisor"):
        with pytest.raises(PermissionDenied):
            build_report(db, DAY, DAY, actor=get_staff(db, ids[who]), now=NOW)


def test_reversed_or_overlong_range_is_refused(fresh_db: Database) -> None:
    with pytest.raises(ValidationError, match="before it starts"):
        build_report(fresh_db, DAY, DAY - timedelta(days=1), actor=None, now=NOW)
    with pytest.raises(ValidationError, match="at most"):
        build_report(fresh_db, DAY - timedelta(days=400), DAY, actor=None, now=NOW)


def test_an_empty_day_has_zero_figures(fresh_db: Database) -> None:
    r = build_report(fresh_db, DAY, DAY, actor=None, now=NOW)
    assert r.is_empty and r.details == () and r.totals.compensation_minor == 0
    assert r.satisfaction.satisfaction is None
