"""Figures of the end-of-day complaint report, computed in SQL for a range of local days.

A day is the shop's local day: complaints are counted by ``complaints.local_date`` (written
when the complaint is saved), and events that only carry a UTC time (promises due or closed,
vouchers issued or redeemed) are compared against the UTC bounds of the local-day range.
Drafts live in their own table and never reach these queries.

Only managers may build the report (`PermissionDenied` otherwise); a scheduled command-line
job passes ``actor=None``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.errors import PermissionDenied, ValidationError
from db.i18n import _
from db.models import ShopSettings, Staff
from db.security import audit
from db.service.models import STEPS
from db.settings import load_settings
from db.shops import list_shops, shop_of

#: The longest range a report covers (a year, with a leap day).
MAX_DAYS = 366

#: Days back (including the last day of the range) for "repeat complainants".
REPEAT_WINDOW_DAYS = 90

#: How many single compensations the "largest" table lists.
LARGEST_COUNT = 5

#: Where the report routes a cause (the same teams as `db.service.models.CAUSE_ROUTES`):
#: quality toward the supplier or kitchen, attitude and skill toward training.
ROUTE_SUPPLIER_KITCHEN = "supplier_kitchen"
ROUTE_TRAINING = "training"
ROUTE_MANAGEMENT = "management"
ROUTING: dict[str, str] = {
    "quality": ROUTE_SUPPLIER_KITCHEN,
    "wrong_item": "kitchen_process",
    "waiting": "staffing",
    "attitude": ROUTE_TRAINING,
    "skill": ROUTE_TRAINING,
    "promise": ROUTE_MANAGEMENT,
    "billing": ROUTE_MANAGEMENT,
    "cleanliness": "facilities",
    "booking": ROUTE_MANAGEMENT,
    "other": ROUTE_MANAGEMENT,
}
ROUTE_ORDER: tuple[str, ...] = (
    ROUTE_SUPPLIER_KITCHEN, ROUTE_TRAINING, "kitchen_process", "staffing", "facilities",
    ROUTE_MANAGEMENT,
)

#: Recovery steps in the order the form walks them (keys as stored in ``steps_done``).
STEP_ORDER: tuple[str, ...] = tuple(key for key, _label in STEPS)


def route_of(cause: str) -> str:
    """The team a cause is routed to; causes added in settings go to management."""
    return ROUTING.get(cause, ROUTE_MANAGEMENT)


@dataclass(frozen=True)
class CountRow:
    key: str
    count: int


@dataclass(frozen=True)
class CauseRow:
    cause: str
    count: int
    routing: str  # a key of ROUTE_ORDER


@dataclass(frozen=True)
class MoneyRow:
    key: str
    count: int
    total_minor: int


@dataclass(frozen=True)
class AuthoriserRow:
    staff_id: int
    name: str
    role: str
    approvals: int
    refusals: int
    lines: int
    total_minor: int


@dataclass(frozen=True)
class RefusalRow:
    complaint_id: int
    decided_at: datetime
    decided_by: str
    customer: str
    total_minor: int
    reason: str


@dataclass(frozen=True)
class VoucherFigures:
    issued_count: int
    issued_minor: int
    redeemed_count: int
    redeemed_minor: int


@dataclass(frozen=True)
class LargeCompensation:
    compensation_id: int
    complaint_id: int
    occurred_at: datetime
    customer: str
    kind: str
    value_minor: int
    authorised_by: str


@dataclass(frozen=True)
class PromiseRow:
    follow_up_id: int
    complaint_id: int
    customer: str
    promise: str
    due_at: datetime
    owner: str
    status: str
    closed_at: datetime | None
    satisfaction: int | None


@dataclass(frozen=True)
class SatisfactionFigures:
    """Promises closed in the range, with the averages of the scores given."""

    closed: int
    scored: int
    satisfaction: float | None
    reliability: float | None
    empathy: float | None
    tangibles: float | None
    responsiveness: float | None


@dataclass(frozen=True)
class RepeatCustomer:
    customer_id: int
    customer_no: str
    name: str
    complaints_90d: int
    compensations_90d: int
    compensation_90d_minor: int
    last_complaint_at: datetime
    causes: tuple[str, ...]


@dataclass(frozen=True)
class StaffCompliments:
    staff_id: int | None  # None: the compliment named nobody
    name: str
    count: int


@dataclass(frozen=True)
class StaffRow:
    """One staff member's part in the period: complaints about them, taken by them,
    compliments for them."""

    staff_id: int
    name: str
    about: int
    taken: int
    compliments: int


@dataclass(frozen=True)
class TillRow:
    shop: str  # the shop's name (the company report lists the tills of every shop)
    till: str  # '' for entries from before tills were named
    complaints: int
    compliments: int
    approvals: int  # authorisations decided at this till
    refusals: int
    compensation_count: int  # approved lines with a value, authorised at this till
    compensation_minor: int


@dataclass(frozen=True)
class ShopRow:
    shop_id: int
    name: str
    complaints: int
    compliments: int
    suggestions: int
    approvals: int
    refusals: int
    compensation_count: int
    compensation_minor: int


@dataclass(frozen=True)
class DayTrend:
    day: date
    complaints: int
    compliments: int
    suggestions: int
    compensation_minor: int


@dataclass(frozen=True)
class PeriodTotals:
    start: date
    end: date
    complaints: int
    compliments: int
    suggestions: int
    compensation_count: int  # approved lines with a value (apologies have none)
    compensation_minor: int
    refusals: int
    remedy_count: int = 0  # every approved remedy line, apologies included


@dataclass(frozen=True)
class DetailRow:
    complaint_id: int
    occurred_at: datetime
    kind: str
    customer: str  # '' for an anonymous walk-in
    cause: str
    real_cause: str
    severity: int
    crisis: bool
    taken_by: str
    remedy_kinds: tuple[str, ...]
    remedy_text: str
    value_minor: int
    authorised_by: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class ReportData:
    """Everything the PDF and CSV show; built by `build_report`."""

    shop: ShopSettings
    start: date
    end: date
    generated_at: datetime
    printed_by: str  # '' when printed from the command line
    totals: PeriodTotals
    previous: PeriodTotals
    resolved_on_spot: int
    resolved_with_promise: int
    crisis_count: int
    steps: tuple[CountRow, ...]
    by_cause: tuple[CauseRow, ...]
    by_real_cause: tuple[CauseRow, ...]
    real_cause_unknown: int
    routing: tuple[CountRow, ...]
    compensation_by_kind: tuple[MoneyRow, ...]
    by_authoriser: tuple[AuthoriserRow, ...]
    refusals: tuple[RefusalRow, ...]
    vouchers: VoucherFigures
    largest: tuple[LargeCompensation, ...]
    promises_due: tuple[PromiseRow, ...]
    promises_overdue: tuple[PromiseRow, ...]
    promises_closed: tuple[PromiseRow, ...]
    satisfaction: SatisfactionFigures
    repeat_customers: tuple[RepeatCustomer, ...]
    compliments_by_staff: tuple[StaffCompliments, ...]
    trend: tuple[DayTrend, ...]
    details: tuple[DetailRow, ...]
    # (entry number, hash) of the audit log's last entry when the report was made; printed
    # in the footer so `counterpart audit verify --head` can check the log against paper.
    audit_head: tuple[int, str] | None = None
    by_staff: tuple[StaffRow, ...] = ()
    # per till (complaints, authorisations, compensation), and for the company report
    # (`company`, `--shop all`) per shop
    by_till: tuple[TillRow, ...] = ()
    by_shop: tuple[ShopRow, ...] = ()
    company: bool = False

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_empty(self) -> bool:
        t = self.totals
        return t.complaints + t.compliments + t.suggestions == 0


def check_range(start: date, end: date) -> None:
    """Refuse a reversed or overlong range with a message a person can act on."""
    if end < start:
        raise ValidationError(
            {"range": _("The range ends ({end}) before it starts ({start}).").format(
                start=start.isoformat(), end=end.isoformat())}
        )
    if (end - start).days + 1 > MAX_DAYS:
        raise ValidationError(
            {"range": _("A report covers at most {n} days.").format(n=MAX_DAYS)}
        )


def check_can_report(actor: Staff | None) -> None:
    """Only managers see the report; None is the command line (trusted like the file)."""
    if actor is not None and (actor.role != "manager" or not actor.active):
        raise PermissionDenied(_("Only a manager can open the end-of-day report."))


def utc_bounds(start: date, end: date, timezone: str) -> tuple[str, str]:
    """UTC ISO strings of local midnight at `start` and local midnight after `end`."""
    tz = ZoneInfo(timezone)
    lo = datetime.combine(start, time(0), tz).astimezone(UTC)
    hi = datetime.combine(end + timedelta(days=1), time(0), tz).astimezone(UTC)
    return to_iso(lo), to_iso(hi)


def build_report(
    db: Database,
    start: date,
    end: date,
    *,
    actor: Staff | None,
    now: datetime | None = None,
    settings: ShopSettings | None = None,
    all_shops: bool = False,
) -> ReportData:
    """Read every figure of the report for the local days `start`..`end` (inclusive).

    The figures are the console's shop's (`db.shops.shop_of`), with a table per till; with
    `all_shops` they are the whole company's, with a table per shop (and per till of each
    shop), under the first shop's settings (time zone, currency, language) and the company
    as the shop's name. Shops with different currencies cannot be added up: refused.
    """
    check_can_report(actor)
    check_range(start, end)
    ids = [s.id for s in list_shops(db)] if all_shops else [shop_of(db)]
    shop = settings or (company_report_settings(db) if all_shops else load_settings(db))
    sc = ", ".join(str(int(i)) for i in ids)  # ids from the database: integers only
    now = now or utcnow()
    lo, hi = utc_bounds(start, end, shop.timezone)
    as_of = min(now, from_iso(hi) or now)
    d0, d1 = start.isoformat(), end.isoformat()
    length = (end - start).days + 1
    prev_end = start - timedelta(days=1)
    prev_start = prev_end - timedelta(days=length - 1)

    on_spot, with_promise, crisis = db.execute(
        f"""
        SELECT coalesce(sum(resolved_on_spot = 1), 0),
               coalesce(sum(c.id IN (SELECT complaint_id FROM follow_ups)), 0),
               coalesce(sum(flags NOT IN ('', '[]')), 0)
        FROM complaints c
        WHERE shop_id IN ({sc}) AND local_date BETWEEN ? AND ? AND kind = 'complaint'
        """,
        [d0, d1],
    ).fetchone()

    by_cause, by_real, unknown, routing = _causes(db, sc, d0, d1)
    return ReportData(
        shop=shop,
        start=start,
        end=end,
        generated_at=now,
        printed_by=actor.name if actor is not None else "",
        totals=_period_totals(db, sc, start, end),
        previous=_period_totals(db, sc, prev_start, prev_end),
        resolved_on_spot=int(on_spot),
        resolved_with_promise=int(with_promise),
        crisis_count=int(crisis),
        steps=_steps(db, sc, d0, d1),
        by_cause=by_cause,
        by_real_cause=by_real,
        real_cause_unknown=unknown,
        routing=routing,
        compensation_by_kind=_compensation_by_kind(db, sc, d0, d1),
        by_authoriser=_by_authoriser(db, sc, d0, d1),
        refusals=_refusals(db, sc, d0, d1),
        vouchers=_vouchers(db, sc, lo, hi),
        largest=_largest(db, sc, d0, d1),
        promises_due=_promises(db, sc, "f.due_at >= ? AND f.due_at < ?", [lo, hi], "f.due_at"),
        promises_overdue=_promises(
            db, sc, "f.status = 'open' AND f.due_at < ?", [to_iso(as_of)], "f.due_at"
        ),
        promises_closed=_promises(
            db, sc, "f.status = 'closed' AND f.closed_at >= ? AND f.closed_at < ?", [lo, hi],
            "f.closed_at",
        ),
        satisfaction=_satisfaction(db, sc, lo, hi),
        repeat_customers=_repeat_customers(db, sc, start, end),
        compliments_by_staff=_compliments(db, sc, d0, d1),
        trend=_trend(db, sc, start, end),
        details=_details(db, sc, d0, d1),
        audit_head=audit.head(db),
        by_staff=_by_staff(db, sc, d0, d1),
        by_till=_by_till(db, sc, d0, d1),
        by_shop=_by_shop(db, sc, d0, d1) if all_shops else (),
        company=all_shops,
    )


def company_report_settings(db: Database) -> ShopSettings:
    """The company report's settings: the first shop's, named for the company; refused
    when the shops keep their money in different currencies."""
    every = [load_settings(db, shop.id) for shop in list_shops(db)]
    currencies = sorted({s.currency for s in every})
    if len(currencies) > 1:
        raise ValidationError({"shop": _(
            "The shops use different currencies ({currencies}), so their amounts cannot be "
            "added up: make the report of each shop with --shop.").format(
                currencies=", ".join(currencies))})
    names = ", ".join(s.shop_name for s in every)
    return replace(every[0], shop_name=_("All shops: {names}").format(names=names),
                   address="", phone="", email="")


def _by_till(db: Database, sc: str, d0: str, d1: str) -> tuple[TillRow, ...]:
    """Per till (of each shop): complaints taken there, authorisations decided there and
    the compensation those approved."""
    rows: dict[tuple[int, str], list[int]] = {}
    for shop_id, till, complaints, compliments in db.execute(
        f"""
        SELECT shop_id, till, coalesce(sum(kind = 'complaint'), 0),
               coalesce(sum(kind = 'compliment'), 0)
        FROM complaints WHERE shop_id IN ({sc}) AND local_date BETWEEN ? AND ?
        GROUP BY shop_id, till
        """,
        [d0, d1],
    ):
        rows.setdefault((int(shop_id), str(till)), [0] * 6)[0:2] = [int(complaints),
                                                                   int(compliments)]
    for shop_id, till, approved, refused in db.execute(
        f"""
        SELECT c.shop_id, a.till, coalesce(sum(a.decision = 'approved'), 0),
               coalesce(sum(a.decision = 'refused'), 0)
        FROM complaints c JOIN authorisations a ON a.complaint_id = c.id
        WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ?
        GROUP BY c.shop_id, a.till
        """,
        [d0, d1],
    ):
        rows.setdefault((int(shop_id), str(till)), [0] * 6)[2:4] = [int(approved),
                                                                   int(refused)]
    for shop_id, till, count, value in db.execute(
        f"""
        SELECT c.shop_id, a.till, count(*), coalesce(sum(m.value_minor), 0)
        FROM complaints c JOIN compensations m ON m.complaint_id = c.id
        JOIN authorisations a ON a.id = m.authorisation_id
        WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ?
          AND m.status = 'approved' AND m.value_minor > 0
        GROUP BY c.shop_id, a.till
        """,
        [d0, d1],
    ):
        rows.setdefault((int(shop_id), str(till)), [0] * 6)[4:6] = [int(count), int(value)]
    names = {s.id: s.name for s in list_shops(db)}
    out = [TillRow(shop=names.get(shop_id, str(shop_id)), till=till, complaints=v[0],
                   compliments=v[1], approvals=v[2], refusals=v[3], compensation_count=v[4],
                   compensation_minor=v[5])
           for (shop_id, till), v in rows.items()]
    out.sort(key=lambda r: (r.shop.casefold(), r.till == "", r.till.casefold()))
    return tuple(out)


def _by_shop(db: Database, sc: str, d0: str, d1: str) -> tuple[ShopRow, ...]:
    """Per shop of the company: the entries, decisions and compensation of the range."""
    out = []
    for shop in list_shops(db):
        one = str(int(shop.id))
        if one not in sc.split(", "):
            continue
        start, end = date.fromisoformat(d0), date.fromisoformat(d1)
        t = _period_totals(db, one, start, end)
        (approvals,) = db.execute(
            f"""
            SELECT count(*) FROM complaints c JOIN authorisations a ON a.complaint_id = c.id
            WHERE c.shop_id IN ({one}) AND c.local_date BETWEEN ? AND ?
              AND a.decision = 'approved'
            """,
            [d0, d1],
        ).fetchone()
        out.append(ShopRow(shop_id=shop.id, name=shop.name, complaints=t.complaints,
                           compliments=t.compliments, suggestions=t.suggestions,
                           approvals=int(approvals), refusals=t.refusals,
                           compensation_count=t.compensation_count,
                           compensation_minor=t.compensation_minor))
    return tuple(out)


def _period_totals(db: Database, sc: str, start: date, end: date) -> PeriodTotals:
    d0, d1 = start.isoformat(), end.isoformat()
    complaints, compliments, suggestions = db.execute(
        f"""
        SELECT coalesce(sum(kind = 'complaint'), 0), coalesce(sum(kind = 'compliment'), 0),
               coalesce(sum(kind = 'suggestion'), 0)
        FROM complaints WHERE shop_id IN ({sc}) AND local_date BETWEEN ? AND ?
        """,
        [d0, d1],
    ).fetchone()
    # Both counts over the same approved lines: "with value" (what cost money) and all
    # remedies (the by-type table's total, apologies included).
    comp_count, comp_minor, remedy_count = db.execute(
        f"""
        SELECT coalesce(sum(m.value_minor > 0), 0), coalesce(sum(m.value_minor), 0), count(*)
        FROM complaints c JOIN compensations m ON m.complaint_id = c.id
        WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND m.status = 'approved'
        """,
        [d0, d1],
    ).fetchone()
    (refusals,) = db.execute(
        f"""
        SELECT count(*) FROM complaints c JOIN authorisations a ON a.complaint_id = c.id
        WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND a.decision = 'refused'
        """,
        [d0, d1],
    ).fetchone()
    return PeriodTotals(
        start=start, end=end, complaints=int(complaints), compliments=int(compliments),
        suggestions=int(suggestions), compensation_count=int(comp_count),
        compensation_minor=int(comp_minor), refusals=int(refusals),
        remedy_count=int(remedy_count),
    )


def _steps(db: Database, sc: str, d0: str, d1: str) -> tuple[CountRow, ...]:
    rows = db.execute(
        f"""
        SELECT j.value, count(*)
        FROM complaints c, json_each(CASE WHEN json_valid(c.steps_done) THEN c.steps_done
                                          ELSE '[]' END) j
        WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND c.kind = 'complaint'
        GROUP BY j.value
        """,
        [d0, d1],
    ).fetchall()
    counts = {str(r[0]): int(r[1]) for r in rows}
    # A promise made or a follow-up closed is the step done, ticked on the form or not:
    # "Follow up 0 %" beside 36 closed follow-ups was wrong.
    evidence = {
        "promise": "EXISTS (SELECT 1 FROM follow_ups f WHERE f.complaint_id = c.id)",
        "follow_up": "EXISTS (SELECT 1 FROM follow_ups f WHERE f.complaint_id = c.id "
                     "AND f.status = 'closed')",
    }
    for key, exists in evidence.items():
        (counted,) = db.execute(
            f"""
            SELECT count(*) FROM complaints c
            WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND c.kind = 'complaint'
              AND ({exists} OR EXISTS (
                  SELECT 1 FROM json_each(CASE WHEN json_valid(c.steps_done)
                                               THEN c.steps_done ELSE '[]' END) j
                  WHERE j.value = ?))
            """,
            [d0, d1, key],
        ).fetchone()
        counts[key] = int(counted)
    known = [CountRow(k, counts.pop(k, 0)) for k in STEP_ORDER]
    extra = [CountRow(k, n) for k, n in sorted(counts.items())]
    return tuple(known + extra)


def _causes(db: Database, sc: str, d0: str, d1: str
) -> tuple[tuple[CauseRow, ...], tuple[CauseRow, ...], int, tuple[CountRow, ...]]:
    params = [d0, d1]
    by_cause = tuple(
        CauseRow(str(r[0]), int(r[1]), route_of(str(r[0])))
        for r in db.execute(
            f"""
            SELECT cause, count(*) FROM complaints
            WHERE shop_id IN ({sc}) AND local_date BETWEEN ? AND ? AND kind = 'complaint'
            GROUP BY cause ORDER BY count(*) DESC, cause
            """,
            params,
        )
    )
    by_real = tuple(
        CauseRow(str(r[0]), int(r[1]), route_of(str(r[0])))
        for r in db.execute(
            f"""
            SELECT real_cause, count(*) FROM complaints
            WHERE shop_id IN ({sc}) AND local_date BETWEEN ? AND ? AND kind = 'complaint'
              AND coalesce(real_cause, '') != ''
            GROUP BY real_cause ORDER BY count(*) DESC, real_cause
            """,
            params,
        )
    )
    (unknown,) = db.execute(
        f"""
        SELECT count(*) FROM complaints
        WHERE shop_id IN ({sc}) AND local_date BETWEEN ? AND ? AND kind = 'complaint'
          AND coalesce(real_cause, '') = ''
        """,
        params,
    ).fetchone()
    # Routing follows the real cause once known, the stated cause until then.
    cases = " ".join("WHEN ? THEN ?" for _c in ROUTING)
    counted = {
        str(r[0]): int(r[1])
        for r in db.execute(
            f"""
            SELECT CASE eff {cases} ELSE ? END AS route, count(*)
            FROM (SELECT coalesce(nullif(real_cause, ''), cause) AS eff FROM complaints
                  WHERE shop_id IN ({sc}) AND local_date BETWEEN ? AND ? AND kind = 'complaint')
            GROUP BY route
            """,
            [*[x for pair in ROUTING.items() for x in pair], ROUTE_MANAGEMENT, d0, d1],
        )
    }
    routing = tuple(CountRow(key, counted.get(key, 0)) for key in ROUTE_ORDER)
    return by_cause, by_real, int(unknown), routing


def _compensation_by_kind(db: Database, sc: str, d0: str, d1: str) -> tuple[MoneyRow, ...]:
    return tuple(
        MoneyRow(str(r[0]), int(r[1]), int(r[2]))
        for r in db.execute(
            f"""
            SELECT m.kind, count(*), coalesce(sum(m.value_minor), 0)
            FROM complaints c JOIN compensations m ON m.complaint_id = c.id
            WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND m.status = 'approved'
            GROUP BY m.kind ORDER BY 3 DESC, m.kind
            """,
            [d0, d1],
        )
    )


def _by_authoriser(db: Database, sc: str, d0: str, d1: str) -> tuple[AuthoriserRow, ...]:
    decisions = db.execute(
        f"""
        SELECT s.id, s.name, s.role, coalesce(sum(a.decision = 'approved'), 0),
               coalesce(sum(a.decision = 'refused'), 0)
        FROM complaints c JOIN authorisations a ON a.complaint_id = c.id
        JOIN staff s ON s.id = a.decided_by
        WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ?
        GROUP BY s.id
        """,
        [d0, d1],
    ).fetchall()
    values = {
        int(r[0]): (int(r[1]), int(r[2]))
        for r in db.execute(
            f"""
            SELECT a.decided_by, count(*), coalesce(sum(m.value_minor), 0)
            FROM complaints c JOIN compensations m ON m.complaint_id = c.id
            JOIN authorisations a ON a.id = m.authorisation_id
            WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND m.status = 'approved'
              AND a.decision = 'approved'
            GROUP BY a.decided_by
            """,
            [d0, d1],
        )
    }
    rows = [
        AuthoriserRow(
            staff_id=int(r[0]), name=str(r[1]), role=str(r[2]), approvals=int(r[3]),
            refusals=int(r[4]), lines=values.get(int(r[0]), (0, 0))[0],
            total_minor=values.get(int(r[0]), (0, 0))[1],
        )
        for r in decisions
    ]
    rows.sort(key=lambda a: (-a.total_minor, -a.approvals, a.name.casefold()))
    return tuple(rows)


_CUSTOMER = "coalesce(cu.name, c.walk_in_name, '')"


def _refusals(db: Database, sc: str, d0: str, d1: str) -> tuple[RefusalRow, ...]:
    return tuple(
        RefusalRow(
            complaint_id=int(r[0]), decided_at=_when(r[1]), decided_by=str(r[2]),
            customer=str(r[3]), total_minor=int(r[4]), reason=str(r[5]),
        )
        for r in db.execute(
            f"""
            SELECT c.id, a.decided_at, s.name, {_CUSTOMER}, a.total_minor, a.reason
            FROM complaints c JOIN authorisations a ON a.complaint_id = c.id
            JOIN staff s ON s.id = a.decided_by
            LEFT JOIN customers cu ON cu.id = c.customer_id
            WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND a.decision = 'refused'
            ORDER BY a.decided_at, a.id
            """,
            [d0, d1],
        )
    )


def _vouchers(db: Database, sc: str, lo: str, hi: str) -> VoucherFigures:
    issued_n, issued_v, redeemed_n, redeemed_v = db.execute(
        f"""
        SELECT coalesce(sum(issued_at >= :lo AND issued_at < :hi), 0),
               coalesce(sum(CASE WHEN issued_at >= :lo AND issued_at < :hi
                                 THEN value_minor END), 0),
               coalesce(sum(redeemed_at >= :lo AND redeemed_at < :hi), 0),
               coalesce(sum(CASE WHEN redeemed_at >= :lo AND redeemed_at < :hi
                                 THEN value_minor END), 0)
        FROM vouchers
        WHERE shop_id IN ({sc}) AND ((issued_at >= :lo AND issued_at < :hi)
                                     OR (redeemed_at >= :lo AND redeemed_at < :hi))
        """,
        {"lo": lo, "hi": hi},
    ).fetchone()
    return VoucherFigures(int(issued_n), int(issued_v), int(redeemed_n), int(redeemed_v))


def _largest(db: Database, sc: str, d0: str, d1: str) -> tuple[LargeCompensation, ...]:
    return tuple(
        LargeCompensation(
            compensation_id=int(r[0]), complaint_id=int(r[1]), occurred_at=_when(r[2]),
            customer=str(r[3]), kind=str(r[4]), value_minor=int(r[5]),
            authorised_by=str(r[6] or ""),
        )
        for r in db.execute(
            f"""
            SELECT m.id, c.id, c.occurred_at, {_CUSTOMER}, m.kind, m.value_minor, s.name
            FROM complaints c JOIN compensations m ON m.complaint_id = c.id
            LEFT JOIN authorisations a ON a.id = m.authorisation_id
            LEFT JOIN staff s ON s.id = a.decided_by
            LEFT JOIN customers cu ON cu.id = c.customer_id
            WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND m.status = 'approved'
              AND m.value_minor > 0
            ORDER BY m.value_minor DESC, m.id
            LIMIT ?
            """,
            [d0, d1, LARGEST_COUNT],
        )
    )


def _promises(db: Database, sc: str, where: str, params: list[str], order: str
              ) -> tuple[PromiseRow, ...]:
    return tuple(
        PromiseRow(
            follow_up_id=int(r[0]), complaint_id=int(r[1]), customer=str(r[2]),
            promise=str(r[3]), due_at=_when(r[4]), owner=str(r[5]), status=str(r[6]),
            closed_at=from_iso(r[7]), satisfaction=r[8],
        )
        for r in db.execute(
            f"""
            SELECT f.id, c.id, {_CUSTOMER}, f.promise, f.due_at, o.name, f.status,
                   f.closed_at, f.satisfaction
            FROM follow_ups f JOIN complaints c ON c.id = f.complaint_id
            JOIN staff o ON o.id = f.owner_id
            LEFT JOIN customers cu ON cu.id = c.customer_id
            WHERE c.shop_id IN ({sc}) AND {where}
            ORDER BY {order}, f.id
            """,
            params,
        )
    )


def _satisfaction(db: Database, sc: str, lo: str, hi: str) -> SatisfactionFigures:
    r = db.execute(
        f"""
        SELECT count(*), count(f.satisfaction), avg(f.satisfaction), avg(f.reliability),
               avg(f.empathy), avg(f.tangibles), avg(f.responsiveness)
        FROM follow_ups f JOIN complaints c ON c.id = f.complaint_id
        WHERE c.shop_id IN ({sc}) AND f.status = 'closed' AND f.closed_at >= ?
          AND f.closed_at < ?
        """,
        [lo, hi],
    ).fetchone()
    return SatisfactionFigures(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5], r[6])


def _repeat_customers(db: Database, sc: str, start: date, end: date) -> tuple[RepeatCustomer, ...]:
    """Customers with a complaint in the range and several in the 90 days up to its end."""
    w0 = (end - timedelta(days=REPEAT_WINDOW_DAYS - 1)).isoformat()
    d0, d1 = start.isoformat(), end.isoformat()
    rows = db.execute(
        f"""
        WITH inrange AS (
            SELECT DISTINCT customer_id FROM complaints
            WHERE shop_id IN ({sc}) AND local_date BETWEEN :d0 AND :d1 AND kind = 'complaint'
              AND customer_id IS NOT NULL
        ), w AS (
            SELECT c.customer_id, count(*) AS n, max(c.occurred_at) AS last,
                   json_group_array(DISTINCT c.cause) AS causes
            FROM complaints c JOIN inrange USING (customer_id)
            WHERE c.kind = 'complaint' AND c.shop_id IN ({sc}) AND c.local_date BETWEEN :w0 AND :d1
            GROUP BY c.customer_id
        ), comp AS (
            SELECT c.customer_id, count(*) AS n, sum(m.value_minor) AS v
            FROM complaints c JOIN inrange USING (customer_id)
            JOIN compensations m ON m.complaint_id = c.id
            WHERE m.status = 'approved' AND m.value_minor > 0
              AND c.shop_id IN ({sc}) AND c.local_date BETWEEN :w0 AND :d1
            GROUP BY c.customer_id
        )
        SELECT cu.id, cu.customer_no, cu.name, w.n, coalesce(comp.n, 0), coalesce(comp.v, 0),
               w.last, w.causes
        FROM w JOIN customers cu ON cu.id = w.customer_id
        LEFT JOIN comp ON comp.customer_id = w.customer_id
        WHERE w.n >= 2 OR coalesce(comp.n, 0) >= 2
        ORDER BY w.n DESC, coalesce(comp.v, 0) DESC, cu.name
        """,
        {"d0": d0, "d1": d1, "w0": w0},
    ).fetchall()
    return tuple(
        RepeatCustomer(
            customer_id=int(r[0]), customer_no=str(r[1]), name=str(r[2]),
            complaints_90d=int(r[3]), compensations_90d=int(r[4]),
            compensation_90d_minor=int(r[5]), last_complaint_at=_when(r[6]),
            causes=tuple(sorted(json.loads(r[7]))),
        )
        for r in rows
    )


def _compliments(db: Database, sc: str, d0: str, d1: str) -> tuple[StaffCompliments, ...]:
    return tuple(
        StaffCompliments(None if r[0] is None else int(r[0]), str(r[1] or ""), int(r[2]))
        for r in db.execute(
            f"""
            SELECT c.about_staff_id, s.name, count(*)
            FROM complaints c LEFT JOIN staff s ON s.id = c.about_staff_id
            WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND c.kind = 'compliment'
            GROUP BY c.about_staff_id, s.name
            ORDER BY count(*) DESC, c.about_staff_id IS NULL, s.name
            """,
            [d0, d1],
        )
    )


def _by_staff(db: Database, sc: str, d0: str, d1: str) -> tuple[StaffRow, ...]:
    """Per staff member: complaints about them, complaints they took, compliments for them."""
    rows = db.execute(
        f"""
        WITH rc AS (SELECT kind, taken_by, about_staff_id FROM complaints
                    WHERE shop_id IN ({sc}) AND local_date BETWEEN ? AND ?),
        parts AS (
            SELECT about_staff_id AS sid, 1 AS about, 0 AS taken, 0 AS liked FROM rc
            WHERE kind = 'complaint' AND about_staff_id IS NOT NULL
            UNION ALL
            SELECT taken_by, 0, 1, 0 FROM rc WHERE kind = 'complaint'
            UNION ALL
            SELECT about_staff_id, 0, 0, 1 FROM rc
            WHERE kind = 'compliment' AND about_staff_id IS NOT NULL
        )
        SELECT s.id, s.name, sum(about), sum(taken), sum(liked)
        FROM parts JOIN staff s ON s.id = parts.sid
        GROUP BY s.id
        ORDER BY sum(about) DESC, sum(liked) DESC, sum(taken) DESC, s.name
        """,
        [d0, d1],
    ).fetchall()
    return tuple(StaffRow(int(r[0]), str(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows)


def _trend(db: Database, sc: str, start: date, end: date) -> tuple[DayTrend, ...]:
    d0, d1 = start.isoformat(), end.isoformat()
    kinds = {
        str(r[0]): (int(r[1]), int(r[2]), int(r[3]))
        for r in db.execute(
            f"""
            SELECT local_date, sum(kind = 'complaint'), sum(kind = 'compliment'),
                   sum(kind = 'suggestion')
            FROM complaints WHERE shop_id IN ({sc}) AND local_date BETWEEN ? AND ?
            GROUP BY local_date
            """,
            [d0, d1],
        )
    }
    money = {
        str(r[0]): int(r[1])
        for r in db.execute(
            f"""
            SELECT c.local_date, sum(m.value_minor)
            FROM complaints c JOIN compensations m ON m.complaint_id = c.id
            WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ? AND ? AND m.status = 'approved'
            GROUP BY c.local_date
            """,
            [d0, d1],
        )
    }
    out = []
    day = start
    while day <= end:
        key = day.isoformat()
        a, b, c = kinds.get(key, (0, 0, 0))
        out.append(DayTrend(day, a, b, c, money.get(key, 0)))
        day += timedelta(days=1)
    return tuple(out)


def _details(db: Database, sc: str, d0: str, d1: str) -> tuple[DetailRow, ...]:
    rows = db.execute(
        f"""
        WITH rc AS (
            SELECT * FROM complaints WHERE shop_id IN ({sc}) AND local_date BETWEEN ?1 AND ?2
        ), comp AS (
            -- The range's complaints joined to their lines directly: the planner may go by
            -- complaints_day and compensations_complaint instead of materialising rc twice.
            SELECT m.complaint_id, sum(m.value_minor) AS v, json_group_array(m.kind) AS kinds
            FROM complaints c JOIN compensations m ON m.complaint_id = c.id
            WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ?1 AND ?2 AND m.status = 'approved'
            GROUP BY m.complaint_id
        ), auth AS (
            SELECT a.complaint_id, json_group_array(DISTINCT s.name) AS names
            FROM complaints c JOIN authorisations a ON a.complaint_id = c.id
            JOIN staff s ON s.id = a.decided_by
            WHERE c.shop_id IN ({sc}) AND c.local_date BETWEEN ?1 AND ?2 AND a.decision = 'approved'
            GROUP BY a.complaint_id
        )
        SELECT rc.id, rc.occurred_at, rc.kind, coalesce(cu.name, rc.walk_in_name, ''), rc.cause,
               coalesce(rc.real_cause, ''), rc.severity, rc.flags NOT IN ('', '[]'), t.name,
               comp.kinds, CASE WHEN rc.option_chosen != '' THEN rc.option_chosen
                                ELSE rc.resolution END,
               coalesce(comp.v, 0), auth.names, rc.status
        FROM rc JOIN staff t ON t.id = rc.taken_by
        LEFT JOIN customers cu ON cu.id = rc.customer_id
        LEFT JOIN comp ON comp.complaint_id = rc.id
        LEFT JOIN auth ON auth.complaint_id = rc.id
        ORDER BY rc.occurred_at, rc.id
        """,
        [d0, d1],
    ).fetchall()
    return tuple(
        DetailRow(
            complaint_id=int(r[0]), occurred_at=_when(r[1]), kind=str(r[2]), customer=str(r[3]),
            cause=str(r[4]), real_cause=str(r[5]), severity=int(r[6]), crisis=bool(r[7]),
            taken_by=str(r[8]), remedy_kinds=tuple(json.loads(r[9])) if r[9] else (),
            remedy_text=str(r[10] or ""), value_minor=int(r[11]),
            authorised_by=tuple(json.loads(r[12])) if r[12] else (), status=str(r[13]),
        )
        for r in rows
    )


def _when(text: str | None) -> datetime:
    moment = from_iso(text)
    if moment is None:  # the schema forbids it; a readable default beats a crash
        return datetime(1970, 1, 1, tzinfo=UTC)
    return moment
