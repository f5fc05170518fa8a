"""A known mix of complaints, compensation, vouchers and promises, written with plain SQL.

The report tests check every figure of `build_report` against an independent Python
computation over the raw rows these helpers write (see `test_report_figures.py`).
"""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from db.clock import to_iso
from db.service.models import CAUSES, CRISIS_FLAGS, STEPS

TZ = "Europe/Helsinki"
COMP_KINDS = ("apology", "replacement", "discount_amount", "free_item", "voucher",
              "waived_bill", "refund")
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def add_staff(db: Database, name: str, role: str) -> int:
    cur = db.execute(
        "INSERT INTO staff(name, role, limit_minor, active, created_at) VALUES (?, ?, ?, 1, ?)",
        [name, role, 0 if role == "staff" else 10_000, to_iso(NOW)],
    )
    return int(cur.lastrowid or 0)


def add_customer(db: Database, no: int, name: str) -> int:
    cur = db.execute(
        "INSERT INTO customers(customer_no, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
        [f"C{no:05d}", name, to_iso(NOW), to_iso(NOW)],
    )
    return int(cur.lastrowid or 0)


def local_moment(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), ZoneInfo(TZ)).astimezone(UTC)


def add_entry(
    db: Database, *, kind: str, at: datetime, taken_by: int, customer_id: int | None = None,
    walk_in: str = "", cause: str = "other", real_cause: str | None = None, severity: int = 1,
    flags: list[str] | None = None, steps: list[str] | None = None, on_spot: bool = False,
    status: str = "open", about: int | None = None, chosen: str = "",
) -> int:
    cur = db.execute(
        "INSERT INTO complaints(kind, customer_id, walk_in_name, occurred_at, local_date, "
        "taken_by, about_staff_id, cause, real_cause, problem, severity, flags, steps_done, "
        "status, resolved_on_spot, option_chosen, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?)",
        [kind, customer_id, walk_in, to_iso(at), at.astimezone(ZoneInfo(TZ)).date().isoformat(),
         taken_by, about, cause, real_cause, severity, json.dumps(flags or []),
         json.dumps(steps or []), status, int(on_spot), chosen, to_iso(at), to_iso(at)],
    )
    return int(cur.lastrowid or 0)


def add_decision(
    db: Database, complaint_id: int, by: int, decision: str, lines: list[tuple[str, int]],
    at: datetime, customer_id: int | None = None, reason: str = "",
) -> int:
    total = sum(v for _k, v in lines)
    cur = db.execute(
        "INSERT INTO authorisations(complaint_id, decided_by, decision, total_minor, reason, "
        "decided_at) VALUES (?, ?, ?, ?, ?, ?)",
        [complaint_id, by, decision, total, reason, to_iso(at)],
    )
    auth_id = int(cur.lastrowid or 0)
    status = "approved" if decision == "approved" else "refused"
    for kind, value in lines:
        voucher_id = None
        if kind == "voucher" and decision == "approved":
            vc = db.execute(
                "INSERT INTO vouchers(code, value_minor, expires_on, customer_id, complaint_id, "
                "issued_at, issued_by) VALUES (?, ?, '2027-06-01', ?, ?, ?, ?)",
                [f"V{complaint_id}-{auth_id}-{value}", value, customer_id, complaint_id,
                 to_iso(at), by],
            )
            voucher_id = int(vc.lastrowid or 0)
        db.execute(
            "INSERT INTO compensations(complaint_id, kind, amount_minor, value_minor, "
            "voucher_id, status, authorisation_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [complaint_id, kind, value, value, voucher_id, status, auth_id],
        )
    return auth_id


def add_promise(
    db: Database, complaint_id: int, owner: int, due: datetime, *,
    closed_at: datetime | None = None, scores: tuple[int | None, ...] | None = None,
) -> int:
    s = scores or (None, None, None, None, None)
    cur = db.execute(
        "INSERT INTO follow_ups(complaint_id, promise, due_at, owner_id, status, closed_at, "
        "satisfaction, reliability, empathy, tangibles, responsiveness) "
        "VALUES (?, 'call back', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [complaint_id, to_iso(due), owner, "closed" if closed_at else "open",
         to_iso(closed_at) if closed_at else None, *s],
    )
    return int(cur.lastrowid or 0)


def seed_mix(db: Database, day: date, *, seed: int = 7, days_back: int = 40,
             per_day: int = 12) -> dict[str, int]:
    """Random but reproducible history ending on `day`, with edge cases on `day` itself."""
    rng = random.Random(seed)
    db.execute("INSERT INTO settings(key, value) VALUES ('timezone', ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [json.dumps(TZ)])
    staff = [add_staff(db, n, "staff") for n in ("Aino", "Ben", "陳小華")]
    sups = [add_staff(db, "Sanna", "supervisor"), add_staff(db, "Mika", "supervisor")]
    manager = add_staff(db, "Maria", "manager")
    customers = [add_customer(db, i, n) for i, n in enumerate(
        ["Liisa Virtanen", "王小明", "John <Smith> & Co", "Jukka", "林美玲", "Eva"])]
    causes = [k for k, _t in CAUSES]
    steps = [k for k, _t in STEPS]
    flags = [k for k, _t in CRISIS_FLAGS]
    with db.atomic():
        for back in range(days_back, -1, -1):
            d = day - timedelta(days=back)
            for _i in range(rng.randint(per_day // 2, per_day)):
                at = local_moment(d, rng.randint(8, 22), rng.randint(0, 59))
                kind = rng.choice(["complaint"] * 5 + ["compliment"] * 2 + ["suggestion"])
                cust = rng.choice([*customers, None])
                cid = add_entry(
                    db, kind=kind, at=at, taken_by=rng.choice(staff), customer_id=cust,
                    walk_in="" if cust else rng.choice(["", "Walk-in Wu"]),
                    cause=rng.choice(causes),
                    real_cause=rng.choice([None, None, rng.choice(causes)]),
                    severity=rng.randint(1, 3),
                    flags=rng.sample(flags, rng.choice([0, 0, 0, 1, 2])),
                    steps=sorted(rng.sample(steps, rng.randint(0, len(steps)))),
                    on_spot=rng.random() < 0.5, status=rng.choice(["open", "resolved"]),
                    about=rng.choice([*staff, None]) if kind != "suggestion" else None,
                )
                if kind != "complaint":
                    continue
                roll = rng.random()
                if roll < 0.45:
                    lines = [(k, 0 if k == "apology" else rng.randint(1, 60) * 50)
                             for k in rng.sample(COMP_KINDS, rng.randint(1, 2))]
                    add_decision(db, cid, rng.choice([*sups, manager]), "approved", lines,
                                 at + timedelta(minutes=3), cust)
                elif roll < 0.55:
                    add_decision(db, cid, rng.choice(sups), "refused",
                                 [("refund", rng.randint(1, 40) * 100)],
                                 at + timedelta(minutes=2), cust, reason="too much")
                if rng.random() < 0.3:
                    due = at + timedelta(days=rng.randint(0, 5), hours=rng.randint(0, 5))
                    closed = None
                    scores = None
                    if due < NOW and rng.random() < 0.6:
                        closed = due - timedelta(hours=1)
                        scores = tuple(rng.choice([None, 1, 2, 3, 4, 5]) for _k in range(5))
                    add_promise(db, cid, rng.choice([*sups, manager]), due, closed_at=closed,
                                scores=scores)
        # Edge cases on the day itself: 23:59 local counts today, 00:00 next day does not.
        late = add_entry(db, kind="complaint", at=local_moment(day, 23, 59),
                         taken_by=staff[0], customer_id=customers[1], cause="quality",
                         steps=["acknowledge"])
        add_decision(db, late, manager, "approved", [("voucher", 2500)],
                     local_moment(day, 23, 59), customers[1])
        add_entry(db, kind="complaint", at=local_moment(day + timedelta(days=1), 0, 0),
                  taken_by=staff[0], customer_id=customers[1], cause="quality")
        add_entry(db, kind="compliment", at=local_moment(day, 0, 0), taken_by=staff[1],
                  about=staff[2])
        for vid, issued in db.execute("SELECT id, issued_at FROM vouchers").fetchall():
            if rng.random() < 0.4:
                used = datetime.fromisoformat(issued) + timedelta(days=rng.randint(0, 6),
                                                                  hours=rng.randint(0, 12))
                if used < NOW:
                    db.execute("UPDATE vouchers SET redeemed_at = ?, redeemed_by = ? "
                               "WHERE id = ?", [to_iso(used), staff[1], vid])
    # A draft never counts.
    db.execute("INSERT INTO drafts(console_id, form, payload, updated_at) VALUES "
               "('c1', 'complaint', '{\"kind\": \"complaint\"}', ?)", [to_iso(NOW)])
    return {"manager": manager, "staff": staff[0], "supervisor": sups[0]}
