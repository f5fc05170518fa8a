"""Eight weeks of service history for the demo shop, entered through the service data API.

Complaints, compliments and suggestions; compensation approved (by a supervisor, or a
manager above the supervisor's limit) and refused; vouchers, some redeemed; promises,
some kept and closed with scores, some overdue. Each event runs with the clock set to its
own moment, so times look real; everything goes through the same functions the console
uses, so the audit chain of a demo database verifies. Deterministic for a seed and a day
(except voucher codes, which are random by design).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from db import clock
from db.errors import PermissionDenied
from db.models import Staff
from db.security import audit
from db.security.approvals import _approval_without_pin, subject
from db.security.staff import list_staff
from db.service.compensation import approve_with, refuse_with, validate_lines
from db.service.complaints import create_complaint, get_complaint, update_complaint
from db.service.follow_ups import close_follow_up
from db.service.models import (
    CompensationLine,
    ComplaintInput,
    EntryKind,
    FollowUpClose,
    PromiseInput,
    total_value,
)
from db.service.vouchers import find_voucher, redeem, redeem_subject
from db.settings import load_settings
from db.tills import as_till

DAYS = 56
COUNTER = "demo-counter"  # the console id demo events happen at
DEMO_TILLS = ("Till 1", "Till 2")  # the tills demo events happen at

# cause -> (problem stated, what the staff member saw, real cause found later or None)
PROBLEMS: dict[str, tuple[tuple[str, str, str | None], ...]] = {
    "quality": (
        ("The soup was cold when it reached the table.", "Soup waited at the pass.", None),
        ("The cinnamon bun was dry and stale.", "Yesterday's batch was still out.", None),
        ("Beef noodle soup too salty.", "New cook, new stock.", "skill"),
        ("Coffee tasted burnt.", "The filter jug stood on the plate too long.", None),
    ),
    "wrong_item": (
        ("Ordered oat milk, got dairy.", "Order slip said oat; barista missed it.", None),
        ("The sandwich was missing from the takeaway bag.", "Bag packed in a rush.", None),
    ),
    "waiting": (
        ("Waited 25 minutes for two coffees.", "Espresso machine was being descaled.", None),
        ("Nobody took our order for a long time.", "Two staff off sick.", "attitude"),
    ),
    "attitude": (
        ("The clerk rolled her eyes at my question.", "Busy lunch queue.", None),
        ("We were told to hurry up and leave.", "Table was booked for 13:00.", "booking"),
    ),
    "skill": (
        ("Staff could not say if the cake has nuts.", "Allergen list not at the till.", None),
    ),
    "promise": (
        ("The birthday cake we ordered was not ready.", "Order not passed to the kitchen.",
         None),
    ),
    "billing": (
        ("Charged twice for the latte.", "Card terminal timed out and was retried.", None),
        ("Loyalty discount was not applied.", "Till did not find the card.", None),
    ),
    "cleanliness": (
        ("Sticky table and crumbs on the chair.", "Table not wiped after the last guests.",
         None),
        ("The toilet had no paper.", "Checklist skipped during the rush.", None),
    ),
    "booking": (
        ("Our reservation for six was lost.", "Booked by phone; not in the book.", None),
    ),
    "other": (
        ("Music far too loud.", "Evening playlist started early.", None),
    ),
}
CAUSE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("quality", 30), ("wrong_item", 12), ("waiting", 15), ("attitude", 10), ("skill", 6),
    ("promise", 4), ("billing", 8), ("cleanliness", 8), ("booking", 4), ("other", 3),
)
COMPLIMENTS: tuple[str, ...] = (
    "{staff} remembered my usual order - lovely!",
    "Best bubble tea in town, and {staff} was so kind.",
    "{staff} helped my mother with her wheelchair. Thank you.",
    "Kiitos, {staff} oli todella ystävällinen.",
    "{staff}服務很親切，謝謝！",
    "{staff}服务很周到，下次还来。",
)
SUGGESTIONS: tuple[str, ...] = (
    "Please offer a gluten-free cake.",
    "More power sockets near the window seats would be great.",
    "Could you open at 7 on weekdays?",
    "A quieter corner for reading, please.",
)
OUTCOMES: tuple[tuple[str, int], ...] = (
    ("Customer happy; came back on Saturday.", 5),
    ("Satisfied with the voucher; will visit again.", 4),
    ("Accepted the apology, still a bit disappointed.", 3),
    ("Not happy: expected a refund.", 2),
)
WOULD_CHANGE: tuple[str, ...] = (
    "Check the soup temperature before serving.", "More staff at lunch.",
    "Label allergens clearly.", "", "Faster service at the counter.",
)
REFUSAL_REASONS: tuple[str, ...] = (
    "Food was eaten in full; an apology and a replacement drink are enough.",
    "Third claim this month; offered an apology instead.",
)


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _w in pairs], weights=[w for _k, w in pairs])[0]


def _populate_service_history(
    db: Database, *, seed: int, today: date, progress: Callable[[str], None] | None = None
) -> None:
    """Write the last eight weeks (up to now on `today`) in one transaction.

    Internal to `db.demo.build_demo` (which refuses a database holding data): it decides
    compensation through approvals given without a PIN.
    """
    rng = random.Random(seed * 7919 + 3)
    settings = load_settings(db)
    tz = ZoneInfo(settings.timezone)
    staff = list_staff(db)
    floor = [s for s in staff if s.role == "staff"] or staff
    supervisors = [s for s in staff if s.role == "supervisor"]
    managers = [s for s in staff if s.role == "manager"]
    if not staff or not managers:
        return
    deciders = supervisors or managers
    customers = [int(r[0]) for r in db.execute("SELECT id FROM customers ORDER BY id")]
    products = [int(r[0]) for r in db.execute(
        "SELECT id FROM products WHERE active = 1 ORDER BY id")]
    repeaters = rng.sample(customers, min(4, len(customers))) if customers else []
    end_of_today = datetime.combine(today + timedelta(days=1), time(0), tz).astimezone(UTC)
    real_now = min(clock.utcnow(), end_of_today)  # nothing happens after `today`
    previous = clock._now
    pending_vouchers: list[tuple[datetime, str, int]] = []
    pending_follow_ups: list[tuple[datetime, int, Staff]] = []
    say = progress or (lambda _m: None)
    try:
        with audit.immediate(db):
            for offset in range(DAYS, -1, -1):
                day = today - timedelta(days=offset)
                if offset % 7 == 0:
                    say(f"service history {day.isoformat()}")
                for moment in _moments(rng, day, tz, real_now):
                    # two tills take turns (by the minute, so the seeded story is unchanged)
                    with as_till(db, DEMO_TILLS[moment.minute % len(DEMO_TILLS)]):
                        _one_moment(db, rng, moment, staff, floor, deciders, managers,
                                    customers, repeaters, products, pending_vouchers,
                                    pending_follow_ups)
            _run_due(real_now, pending_vouchers, pending_follow_ups, db, rng)
    finally:
        clock.set_clock(previous)


def _one_moment(
    db: Database, rng: random.Random, moment: datetime, staff: list[Staff],
    floor: list[Staff], deciders: list[Staff], managers: list[Staff], customers: list[int],
    repeaters: list[int], products: list[int],
    pending_vouchers: list[tuple[datetime, str, int]],
    pending_follow_ups: list[tuple[datetime, int, Staff]],
) -> None:
    """What happens at one moment of the demo history: promises and vouchers then due, and
    one complaint, compliment or suggestion."""
    _run_due(moment, pending_vouchers, pending_follow_ups, db, rng)
    _set_clock(moment)
    kinds: tuple[EntryKind, ...] = ("complaint", "compliment", "suggestion")
    kind = rng.choices(kinds, weights=(60, 28, 12))[0]
    customer_id = _customer(rng, customers, repeaters, kind)
    taken_by = rng.choice(floor)
    if kind == "complaint":
        _complaint(db, rng, moment, customer_id, taken_by, deciders, managers,
                   products, pending_vouchers, pending_follow_ups)
    else:
        about = rng.choice(staff)
        text = (rng.choice(COMPLIMENTS).format(staff=about.name.split()[0])
                if kind == "compliment" else rng.choice(SUGGESTIONS))
        create_complaint(db, ComplaintInput(
            taken_by=taken_by.id, kind=kind, customer_id=customer_id,
            walk_in_name="" if customer_id else "Walk-in guest",
            occurred_at=moment, cause="other", problem=text,
            about_staff_id=about.id if kind == "compliment" else None,
            status="closed"))


def _set_clock(moment: datetime) -> None:
    clock.set_clock(lambda: moment)


def _moments(rng: random.Random, day: date, tz: ZoneInfo, now: datetime) -> list[datetime]:
    count = rng.choice((2, 3, 3, 4, 5, 6)) + (2 if day.weekday() >= 5 else 0)
    result = []
    for _i in range(count):
        local = datetime.combine(day, time(rng.randint(8, 20), rng.randint(0, 59)), tz)
        moment = local.astimezone(UTC)
        if moment < now - timedelta(minutes=10):
            result.append(moment)
    return sorted(result)


def _customer(rng: random.Random, customers: list[int], repeaters: list[int],
              kind: str) -> int | None:
    if not customers or rng.random() < 0.2:
        return None
    if kind == "complaint" and repeaters and rng.random() < 0.12:
        return rng.choice(repeaters)
    return rng.choice(customers)


def _lines(rng: random.Random, products: list[int], moment: datetime,
           tz: ZoneInfo) -> list[CompensationLine]:
    choice = rng.choices(
        ("apology", "voucher", "free_item", "discount_percent", "refund", "waived_bill",
         "big_refund"), weights=(25, 30, 15, 12, 8, 6, 4))[0]
    apology = CompensationLine(kind="apology", description="Sincere apology")
    if choice == "apology":
        return [apology]
    if choice == "voucher":
        expires = moment.astimezone(tz).date() + timedelta(days=rng.choice((30, 60, 90)))
        return [apology, CompensationLine(kind="voucher", amount_minor=rng.choice(
            (500, 1000, 1500, 2000)), expires_on=expires, description="Next-visit voucher")]
    if choice == "free_item" and products:
        return [CompensationLine(kind="free_item", product_id=rng.choice(products))]
    if choice == "discount_percent":
        return [CompensationLine(kind="discount_percent", bill_minor=rng.randint(800, 6000),
                                 percent=rng.choice((10, 20, 25, 50)))]
    if choice == "waived_bill":
        return [CompensationLine(kind="waived_bill", amount_minor=rng.randint(600, 3500))]
    if choice == "big_refund":
        return [CompensationLine(kind="refund", amount_minor=rng.randint(6000, 12000),
                                 description="Refund of a group order")]
    return [CompensationLine(kind="refund", amount_minor=rng.randint(300, 1500))]


def _complaint(
    db: Database, rng: random.Random, moment: datetime, customer_id: int | None,
    taken_by: Staff, deciders: list[Staff], managers: list[Staff], products: list[int],
    pending_vouchers: list[tuple[datetime, str, int]],
    pending_follow_ups: list[tuple[datetime, int, Staff]],
) -> None:
    tz = ZoneInfo(load_settings(db).timezone)
    cause = _weighted(rng, CAUSE_WEIGHTS)
    problem, account, real_cause = rng.choice(PROBLEMS[cause])
    lines = _lines(rng, products, moment, tz)
    flags = ["aggressive"] if rng.random() < 0.04 else []
    if cause == "quality" and rng.random() < 0.1:
        flags.append("health")
    data = ComplaintInput(
        taken_by=taken_by.id, kind="complaint", customer_id=customer_id,
        walk_in_name="" if customer_id else "Walk-in guest", occurred_at=moment, cause=cause,
        real_cause=real_cause if rng.random() < 0.6 else None, problem=problem,
        severity=rng.choices((1, 2, 3), weights=(60, 30, 10))[0], flags=flags,
        staff_account=account, customer_request="Wants it put right.",
        options_offered="Replacement, voucher or refund.", option_chosen="",
        steps_done=["acknowledge", "listen", "ask", "offer"], lines=lines,
    )
    complaint = create_complaint(db, data)
    outcome = "none"
    if complaint.needs_authorisation:
        _set_clock(moment + timedelta(minutes=rng.randint(2, 9)))
        decider = rng.choice(deciders)
        about = subject("complaint", complaint.id)
        if rng.random() < 0.12:
            refuse_with(db, _approval_without_pin(
                db, decider, action="compensation.refuse", subject=about,
                console_id=COUNTER), complaint.id, rng.choice(REFUSAL_REASONS))
            outcome = "refused"
        else:
            total = total_value(validate_lines(db, lines))
            try:
                approval = _approval_without_pin(
                    db, decider, action="compensation.approve", subject=about,
                    amount_minor=total, console_id=COUNTER)
            except PermissionDenied:  # above the supervisor's limit: the manager decides
                approval = _approval_without_pin(
                    db, rng.choice(managers), action="compensation.approve", subject=about,
                    amount_minor=total, console_id=COUNTER)
            approve_with(db, approval, complaint.id, lines)
            outcome = "approved"
    complaint = get_complaint(db, complaint.id)
    for line in complaint.lines:
        if line.voucher_code and rng.random() < 0.45:
            # taken back at the counter by the person who took the complaint
            pending_vouchers.append((moment + timedelta(days=rng.randint(3, 25)),
                                     line.voucher_code, taken_by.id))
    promise = None
    if complaint.severity >= 2 or rng.random() < 0.3:
        due = moment + (timedelta(days=7) if rng.random() < 0.8 else timedelta(hours=2))
        owner = rng.choice(deciders)
        promise = PromiseInput("Call the customer back to check the fix worked.", owner.id,
                               due)
    update = complaint.to_input()
    update.option_chosen = {"approved": "Compensation as approved",
                            "refused": "Apology"}.get(outcome, "Apology")
    update.resolution = "Apologised; " + ("compensation given." if outcome == "approved"
                                          else "explained what we will change.")
    update.steps_done = ["acknowledge", "listen", "ask", "offer"] + (
        ["compensate"] if outcome == "approved" else []) + (["promise"] if promise else [])
    update.status = "resolved"
    update.resolved_on_spot = promise is None
    update.promise = promise
    update.lines = []
    _set_clock(moment + timedelta(minutes=12))
    complaint = update_complaint(db, complaint.id, update, actor_id=taken_by.id)
    if promise is not None and promise.due_at is not None and rng.random() < 0.75:
        fu = complaint.follow_ups[0]
        when = max(promise.due_at - timedelta(hours=rng.randint(0, 30)),
                   moment + timedelta(minutes=40))
        pending_follow_ups.append((when, fu.id, rng.choice(deciders)))


def _run_due(
    moment: datetime, pending_vouchers: list[tuple[datetime, str, int]],
    pending_follow_ups: list[tuple[datetime, int, Staff]], db: Database, rng: random.Random,
) -> None:
    """Redeem vouchers and close follow-ups whose moment has come (in time order)."""
    for when, code, staff_id in sorted(v for v in pending_vouchers if v[0] <= moment):
        pending_vouchers.remove((when, code, staff_id))
        _set_clock(when)
        voucher = find_voucher(db, code)
        taker = next(s for s in list_staff(db) if s.id == staff_id)
        redeem(db, code, _approval_without_pin(
            db, taker, action="voucher.redeem", subject=redeem_subject(voucher),
            amount_minor=voucher.value_minor, console_id=COUNTER), console_id=COUNTER)
    for when, fu_id, owner in sorted((f for f in pending_follow_ups if f[0] <= moment),
                                     key=lambda f: (f[0], f[1])):
        pending_follow_ups.remove((when, fu_id, owner))
        _set_clock(when)
        text, score = rng.choice(OUTCOMES)
        close_follow_up(db, fu_id, FollowUpClose(
            outcome=text, satisfaction=score, reliability=max(1, score - rng.randint(0, 1)),
            empathy=min(5, score + rng.randint(0, 1)), tangibles=rng.randint(3, 5),
            responsiveness=max(1, score - rng.randint(0, 1)),
            would_change=rng.choice(WOULD_CHANGE)), owner.id)
