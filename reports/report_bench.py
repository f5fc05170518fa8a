"""Benchmark figures of the end-of-day report, for `counterpart bench` (via EXTRA_FIGURES).

`report_day_ms`: figures and PDF of a day with 500 complaints (and 124 compliments and
suggestions); `report_month_ms`: the same for a month with 15,000 complaints (18,724
entries). The complaints (with compensation, authorisations, vouchers and
promises in realistic shares) are bulk-inserted into March 2025 of the bench database the
first time, so the figures measure the report rather than the data API. Each figure is the
median of `RUNS` runs.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from statistics import median
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from db.clock import to_iso
from db.report_queries import build_report
from db.settings import load_settings
from reports.day_report import build_pdf
from reports.fonts import register_fonts

MONTH_START = date(2025, 3, 1)
MONTH_END = date(2025, 3, 31)
BUSY_DAY = date(2025, 3, 15)
DAY_COUNT = 500
MONTH_COUNT = 15_000
RUNS = 3  # each figure is the median of this many runs

_CAUSES = ("quality", "wrong_item", "waiting", "attitude", "skill", "promise", "billing",
           "cleanliness", "booking", "other")
_STEPS = ("acknowledge", "listen", "ask", "offer", "compensate", "promise", "follow_up")
_KINDS = ("apology", "replacement", "discount_amount", "free_item", "voucher", "waived_bill",
          "refund")


def _count(db: Database) -> int:
    return int(db.execute(
        "SELECT count(*) FROM complaints WHERE local_date BETWEEN ? AND ? "
        "AND kind = 'complaint'",
        [MONTH_START.isoformat(), MONTH_END.isoformat()]).fetchone()[0])


def _staff(db: Database, name: str, role: str) -> int:
    row = db.execute("SELECT id FROM staff WHERE name = ?", [name]).fetchone()
    if row:
        return int(row[0])
    cur = db.execute(
        "INSERT INTO staff(name, role, limit_minor, active, created_at) VALUES (?, ?, ?, 1, ?)",
        [name, role, 0 if role == "staff" else 20_000, to_iso(datetime.now(UTC))])
    return int(cur.lastrowid or 0)


def seed_month(db: Database, *, seed: int = 2025) -> int:
    """Bulk-insert the month's complaints if they are not there yet; returns how many exist."""
    if _count(db) >= MONTH_COUNT:
        return _count(db)
    rng = random.Random(seed)
    tz = ZoneInfo(load_settings(db).timezone)
    (max_customer,) = db.execute("SELECT coalesce(max(id), 0) FROM customers").fetchone()
    with db.atomic():
        staff = [_staff(db, f"Bench staff {i}", "staff") for i in range(1, 9)]
        deciders = [_staff(db, f"Bench supervisor {i}", "supervisor") for i in range(1, 4)]
        deciders.append(_staff(db, "Bench manager", "manager"))
        (next_id,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM complaints").fetchone()
        (next_auth,) = db.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM authorisations").fetchone()
        (next_voucher,) = db.execute("SELECT coalesce(max(id), 0) + 1 FROM vouchers").fetchone()
        days = (MONTH_END - MONTH_START).days + 1
        others = MONTH_COUNT - DAY_COUNT
        per_day = [DAY_COUNT if MONTH_START + timedelta(days=i) == BUSY_DAY
                   else others // (days - 1) + (1 if i < others % (days - 1) else 0)
                   for i in range(days)]
        complaints, auths, comps, vouchers, follow_ups = [], [], [], [], []
        for i, n in enumerate(per_day):
            day = MONTH_START + timedelta(days=i)
            # n complaints, and compliments and suggestions on top (a sixth, a twelfth).
            kinds = ["complaint"] * n + ["compliment"] * (n // 6) + ["suggestion"] * (n // 12)
            rng.shuffle(kinds)
            for j, kind in enumerate(kinds):
                seconds = 8 * 3600 + (j * 14 * 3600) // len(kinds) + rng.randint(0, 59)
                local = datetime(day.year, day.month, day.day, tzinfo=tz) + timedelta(
                    seconds=seconds)
                at = to_iso(local)
                customer = rng.randint(1, max_customer) if max_customer and rng.random() < 0.7 \
                    else None
                cid = next_id
                next_id += 1
                complaints.append((
                    cid, kind, customer, "" if customer else "Walk-in", at, day.isoformat(),
                    rng.choice(staff), rng.choice(staff) if kind == "compliment" else None,
                    rng.choice(_CAUSES), rng.choice((None, None, rng.choice(_CAUSES))),
                    "Bench complaint", rng.randint(1, 3),
                    json.dumps(["safety"] if rng.random() < 0.03 else []),
                    json.dumps(sorted(rng.sample(_STEPS, rng.randint(1, 5)))),
                    rng.choice(("open", "resolved", "promised", "closed")),
                    int(rng.random() < 0.5), at, at,
                ))
                if kind != "complaint":
                    continue
                roll = rng.random()
                if roll < 0.5:
                    decision = "approved" if roll < 0.45 else "refused"
                    line_kind = rng.choice(_KINDS)
                    value = 0 if line_kind == "apology" else rng.randint(1, 40) * 50
                    voucher_id = None
                    if line_kind == "voucher" and decision == "approved":
                        voucher_id = next_voucher
                        next_voucher += 1
                        vouchers.append((voucher_id, f"BENCH-{voucher_id}", value, "2025-12-31",
                                         customer, cid, at, deciders[0]))
                    auths.append((next_auth, cid, rng.choice(deciders), decision, value,
                                  "" if decision == "approved" else "Too much", at))
                    comps.append((cid, line_kind, value, value, voucher_id,
                                  decision, next_auth))
                    next_auth += 1
                if rng.random() < 0.2:
                    due = to_iso(local + timedelta(days=rng.randint(0, 7)))
                    closed = rng.random() < 0.6
                    follow_ups.append((cid, "Call back", due, rng.choice(deciders),
                                       "closed" if closed else "open", due if closed else None,
                                       rng.randint(1, 5) if closed else None))
        db.conn.executemany(
            "INSERT INTO complaints(id, kind, customer_id, walk_in_name, occurred_at, "
            "local_date, taken_by, about_staff_id, cause, real_cause, problem, severity, flags, "
            "steps_done, status, resolved_on_spot, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", complaints)
        db.conn.executemany(
            "INSERT INTO authorisations(id, complaint_id, decided_by, decision, total_minor, "
            "reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)", auths)
        db.conn.executemany(
            "INSERT INTO vouchers(id, code, value_minor, expires_on, customer_id, complaint_id, "
            "issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", vouchers)
        db.conn.executemany(
            "INSERT INTO compensations(complaint_id, kind, amount_minor, value_minor, "
            "voucher_id, status, authorisation_id) VALUES (?, ?, ?, ?, ?, ?, ?)", comps)
        db.conn.executemany(
            "INSERT INTO follow_ups(complaint_id, promise, due_at, owner_id, status, closed_at, "
            "satisfaction) VALUES (?, ?, ?, ?, ?, ?, ?)", follow_ups)
    return _count(db)


def time_report(db: Database, start: date, end: date, out: Path) -> float:
    """Milliseconds for the figures and the written PDF of `start`..`end`."""
    t0 = time.perf_counter()
    data = build_report(db, start, end, actor=None)
    build_pdf(data, out)
    return (time.perf_counter() - t0) * 1000


def bench_figures(db: Database, *, runs: int = RUNS) -> list[tuple[str, float, str]]:
    """Median of `runs` timings each (one run is at the mercy of whatever else is running)."""
    seed_month(db)
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        # Warm up (fonts, Babel's locale data) on an empty day, as a running console is.
        quiet = MONTH_START - timedelta(days=1)
        time_report(db, quiet, quiet, Path(tmp) / "warm.pdf")
        day_ms = median(time_report(db, BUSY_DAY, BUSY_DAY, Path(tmp) / "day.pdf")
                        for _ in range(runs))
        month_ms = median(time_report(db, MONTH_START, MONTH_END, Path(tmp) / "month.pdf")
                          for _ in range(runs))
    return [("report_day_ms", round(day_ms, 1), "ms"),
            ("report_month_ms", round(month_ms, 1), "ms")]
