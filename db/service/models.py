"""Dataclasses and fixed lists of the service side: complaints, compensation, PINs, audit.

The widgets, letters and the end-of-day report code against these; the rules live in
`db.service.complaints`, `db.service.compensation`, `db.service.vouchers`, `db.service.follow_ups`,
`db.security.staff_admin`,
`db.security.lockout` and `db.security.audit`. Labels are marked with `N_()` and translated where
shown
(`_()` outside Qt, or `label()` below).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from db.i18n import N_, _

# ---------------------------------------------------------------- kinds and fixed lists

EntryKind = Literal["complaint", "compliment", "suggestion"]
ENTRY_KINDS: tuple[tuple[EntryKind, str], ...] = (
    ("complaint", N_("Complaint")),
    ("compliment", N_("Compliment")),
    ("suggestion", N_("Suggestion")),
)

ComplaintStatus = Literal["open", "resolved", "promised", "closed"]
STATUSES: tuple[tuple[ComplaintStatus, str], ...] = (
    ("open", N_("Open")),
    ("resolved", N_("Resolved")),
    ("promised", N_("Promised")),  # a promise with a due time is outstanding
    ("closed", N_("Closed")),  # follow-up done
)

# Causes: key, label, where the report routes them.
CAUSES: tuple[tuple[str, str], ...] = (
    ("quality", N_("Product or food quality")),
    ("wrong_item", N_("Wrong or missing item")),
    ("waiting", N_("Waiting time")),
    ("attitude", N_("Staff attitude")),
    ("skill", N_("Staff skill or knowledge")),
    ("promise", N_("Promise not kept")),
    ("billing", N_("Price or billing")),
    ("cleanliness", N_("Cleanliness or environment")),
    ("booking", N_("Booking or reservation")),
    ("other", N_("Other")),
)
CAUSE_ROUTES: dict[str, str] = {
    "quality": N_("Supplier or kitchen"),
    "wrong_item": N_("Kitchen or counter process"),
    "waiting": N_("Staffing and process"),
    "attitude": N_("Training"),
    "skill": N_("Training"),
    "promise": N_("Management"),
    "billing": N_("Management"),
    "cleanliness": N_("Facilities"),
    "booking": N_("Management"),
    "other": N_("Management"),
}

CRISIS_FLAGS: tuple[tuple[str, str], ...] = (
    ("aggressive", N_("Aggressive")),
    ("intoxicated", N_("Intoxicated")),
    ("vulnerable", N_("Vulnerable customer")),
    ("safety", N_("Safety issue")),
    ("health", N_("Health issue")),
)

# Recovery steps in the order the form walks them.
STEPS: tuple[tuple[str, str], ...] = (
    ("acknowledge", N_("Acknowledge and apologise")),
    ("listen", N_("Listen and restate the problem")),
    ("ask", N_("Ask what the customer would like")),
    ("offer", N_("Offer options and let the customer choose")),
    ("compensate", N_("Add value-adding compensation where warranted")),
    ("promise", N_("Promise only what can be kept, with a deadline")),
    ("follow_up", N_("Follow up and confirm the fix worked")),
)

SEVERITIES: tuple[tuple[int, str], ...] = (
    (1, N_("Minor")),
    (2, N_("Serious")),
    (3, N_("Critical")),
)

CompensationKind = Literal[
    "apology", "replacement", "discount_percent", "discount_amount", "free_item", "voucher",
    "waived_bill", "refund",
]
COMPENSATION_KINDS: tuple[tuple[CompensationKind, str], ...] = (
    ("apology", N_("Apology only")),
    ("replacement", N_("Replacement or repair")),
    ("discount_percent", N_("Discount (percent of bill)")),
    ("discount_amount", N_("Discount (amount)")),
    ("free_item", N_("Free item")),
    ("voucher", N_("Voucher for a next visit")),
    ("waived_bill", N_("Waived bill")),
    ("refund", N_("Refund")),
)

LineStatus = Literal["proposed", "approved", "refused"]
Decision = Literal["approved", "refused"]

DEFAULT_PROMISE_DAYS = 7
DEFAULT_VOUCHER_DAYS = 180
MAX_AMOUNT_MINOR = 100_000_000  # 1,000,000.00: anything above is a typing mistake


def label(table: tuple[tuple[object, str], ...], key: object) -> str:
    """Translated label of `key` in one of the tables above (the key itself if unknown)."""
    for k, text in table:
        if k == key:
            return _(text)
    return str(key)


# ---------------------------------------------------------------- compensation


@dataclass(frozen=True)
class CompensationLine:
    """One line of a proposed or decided remedy; `value_minor` is computed, never typed.

    Which fields matter per kind:
    apology - none (no value); replacement - `product_id` (value = catalogue price) or
    `amount_minor` optional (value of the item, may be 0; still needs a supervisor);
    discount_percent - `bill_minor` and `percent` (1-100); discount_amount - `amount_minor`
    (> 0) off a stated `bill_minor`; refund, waived_bill - `amount_minor` (> 0);
    free_item - `product_id`, priced from the catalogue into `unit_price_minor` by
    `db.service.compensation.price_lines`; voucher - `amount_minor` (> 0)
    and `expires_on` (default: 180 days).
    """

    kind: CompensationKind
    description: str = ""
    amount_minor: int | None = None
    bill_minor: int | None = None
    percent: int | None = None
    product_id: int | None = None
    unit_price_minor: int | None = None  # catalogue price of a free item
    expires_on: date | None = None  # voucher expiry (shop-local day, inclusive)
    # Set once stored / decided:
    id: int | None = None
    status: LineStatus = "proposed"
    authorisation_id: int | None = None
    voucher_id: int | None = None
    voucher_code: str | None = None

    @property
    def value_minor(self) -> int:
        """What the line costs the shop, in minor units (0 for an apology)."""
        if self.kind == "apology":
            return 0
        if self.kind == "discount_percent":
            if self.bill_minor is None or self.percent is None:
                return 0
            # round half up, integers only
            return (self.bill_minor * self.percent + 50) // 100
        if self.kind == "free_item":
            return self.unit_price_minor or 0
        if self.kind == "replacement" and self.product_id is not None:
            return self.unit_price_minor or 0  # a catalogue product: its price
        return self.amount_minor or 0

    @property
    def has_value(self) -> bool:
        """The line costs the shop something (shown as such; see `needs_decision`)."""
        return self.value_minor > 0

    @property
    def needs_decision(self) -> bool:
        """Every kind but an apology waits for a supervisor, even when its value is 0.

        Floor staff never grant anything but an apology alone (DESIGN): a replacement whose
        value nobody typed is still goods given away.
        """
        return self.kind != "apology"


def total_value(lines: tuple[CompensationLine, ...] | list[CompensationLine]) -> int:
    return sum(line.value_minor for line in lines)


@dataclass(frozen=True)
class Authorisation:
    """Who approved or refused what, when, at which console."""

    id: int
    complaint_id: int
    decided_by: int
    decided_by_name: str
    decided_by_role: str
    decision: Decision
    total_minor: int
    reason: str
    console_id: str
    decided_at: datetime
    lines: tuple[CompensationLine, ...] = ()
    till: str = ""  # the till it was decided at ("" = unknown, before till names)


@dataclass(frozen=True)
class Voucher:
    id: int
    code: str
    value_minor: int
    expires_on: date
    customer_id: int | None
    complaint_id: int | None
    issued_at: datetime
    issued_by: int | None
    redeemed_at: datetime | None
    redeemed_by: int | None
    till: str = ""  # the till it was issued at
    redeemed_till: str = ""  # the till it was redeemed at
    shop_id: int = 1  # the shop that issued it (`db.shops`)

    @property
    def redeemed(self) -> bool:
        return self.redeemed_at is not None


# ---------------------------------------------------------------- follow-ups


@dataclass(frozen=True)
class PromiseInput:
    """A promise made to the customer: what, by when (default 7 days), who owns it."""

    promise: str
    owner_id: int
    due_at: datetime | None = None


@dataclass(frozen=True)
class FollowUp:
    id: int
    complaint_id: int
    customer_id: int | None
    customer_name: str  # customer's name, or the walk-in name
    promise: str
    due_at: datetime
    owner_id: int
    owner_name: str
    status: Literal["open", "closed"]
    overdue: bool  # open and due before the moment it was read
    closed_at: datetime | None = None
    closed_by: int | None = None
    outcome: str = ""
    satisfaction: int | None = None
    reliability: int | None = None
    empathy: int | None = None
    tangibles: int | None = None
    responsiveness: int | None = None
    would_change: str = ""


@dataclass
class FollowUpClose:
    """What the customer said when we followed up. Scores are 1-5."""

    outcome: str
    satisfaction: int
    reliability: int | None = None
    empathy: int | None = None
    tangibles: int | None = None
    responsiveness: int | None = None
    would_change: str = ""


# ---------------------------------------------------------------- complaints


@dataclass
class ComplaintInput:
    """What the form holds; validated by `db.service.complaints` before anything is written.

    `lines` are the proposed compensation lines (replacing earlier proposed ones on update;
    decided lines are kept). `status` "resolved"/"promised" is refused while a line with
    value waits for authorisation. A `promise` creates a follow-up.
    """

    taken_by: int
    kind: EntryKind = "complaint"
    customer_id: int | None = None
    walk_in_name: str = ""
    occurred_at: datetime | None = None  # None = now
    about_staff_id: int | None = None  # compliment for / complaint about a staff member
    cause: str = "other"
    real_cause: str | None = None
    problem: str = ""
    severity: int = 1
    flags: list[str] = field(default_factory=list)
    staff_account: str = ""
    customer_request: str = ""
    options_offered: str = ""
    option_chosen: str = ""
    resolution: str = ""
    steps_done: list[str] = field(default_factory=list)
    resolved_on_spot: bool = False
    status: ComplaintStatus = "open"
    lines: list[CompensationLine] = field(default_factory=list)
    promise: PromiseInput | None = None
    prevention: str = ""  # what we change so it does not happen again
    letter_words: str = ""  # what the customer reads in the letter, in its language
    client_key: str = ""  # made once per new entry: a retried save returns the first one


@dataclass(frozen=True)
class Complaint:
    id: int
    kind: EntryKind
    customer_id: int | None
    customer_name: str  # customer's name, or the walk-in name
    walk_in_name: str
    occurred_at: datetime
    local_date: date
    taken_by: int
    taken_by_name: str
    about_staff_id: int | None
    cause: str
    real_cause: str | None
    problem: str
    severity: int
    flags: tuple[str, ...]
    staff_account: str
    customer_request: str
    options_offered: str
    option_chosen: str
    resolution: str
    steps_done: tuple[str, ...]
    resolved_on_spot: bool
    status: ComplaintStatus
    lines: tuple[CompensationLine, ...]
    authorisations: tuple[Authorisation, ...]
    follow_ups: tuple[FollowUp, ...]
    created_at: datetime
    updated_at: datetime
    prevention: str = ""
    letter_words: str = ""
    till: str = ""  # the till it was taken at ("" = unknown, before till names)
    version: int = 1  # grows with every edit; a save names the version it was typed on
    updated_by: int | None = None  # who made the last edit (None: unknown)
    updated_by_name: str = ""
    updated_till: str = ""  # where the last edit was made

    @property
    def proposed_lines(self) -> tuple[CompensationLine, ...]:
        return tuple(line for line in self.lines if line.status == "proposed")

    @property
    def approved_minor(self) -> int:
        return total_value([line for line in self.lines if line.status == "approved"])

    @property
    def needs_authorisation(self) -> bool:
        """A proposed line other than an apology waits for a supervisor (even at 0)."""
        return any(line.needs_decision for line in self.proposed_lines)

    def to_input(self) -> ComplaintInput:
        return ComplaintInput(
            taken_by=self.taken_by, kind=self.kind, customer_id=self.customer_id,
            walk_in_name=self.walk_in_name, occurred_at=self.occurred_at,
            about_staff_id=self.about_staff_id, cause=self.cause, real_cause=self.real_cause,
            problem=self.problem, severity=self.severity, flags=list(self.flags),
            staff_account=self.staff_account, customer_request=self.customer_request,
            options_offered=self.options_offered, option_chosen=self.option_chosen,
            resolution=self.resolution, steps_done=list(self.steps_done),
            resolved_on_spot=self.resolved_on_spot, status=self.status,
            lines=list(self.proposed_lines), prevention=self.prevention,
            letter_words=self.letter_words,
        )


@dataclass(frozen=True)
class ComplaintSummary:
    """One row of a customer's history in the profile, with its outcome."""

    id: int
    kind: EntryKind
    occurred_at: datetime
    cause: str
    problem: str
    status: ComplaintStatus
    approved_minor: int
    refused: bool  # some compensation was refused
    outcome: str  # follow-up outcome or resolution text
    satisfaction: int | None
    till: str = ""  # the till it was taken at


@dataclass(frozen=True)
class ServiceFacts:
    """A customer's last 90 days, shown beside an authorisation."""

    complaints: int
    compensation_minor: int
    refusals: int


# ---------------------------------------------------------------- PIN lockout and audit


@dataclass(frozen=True)
class LockoutStatus:
    console_id: str
    failed_count: int
    attempts_left: int
    locked_until: datetime | None  # None = not locked now
    remaining_seconds: int  # 0 when not locked
    shop_wide: bool = False  # locked (or nearer a lock) by the never-cleared shop-wide cap

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor_id: int | None
    action: str
    entity: str
    entity_id: int | None
    details: dict[str, object]
    prev_hash: str
    hash: str

    @property
    def till(self) -> str:
        """The till the entry was written at ("" for entries from before till names)."""
        value = self.details.get("till", "")
        return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of walking the audit chain; `first_bad_id` names the first broken entry."""

    ok: bool
    checked: int
    first_bad_id: int | None = None
    message: str = ""


@dataclass(frozen=True)
class Draft:
    """An unsaved form; it belongs to the person who typed it (`owner_id`, None if unknown)."""

    console_id: str
    form: str
    payload: dict[str, object]
    updated_at: datetime
    owner_id: int | None = None
    owner_name: str = ""
    id: int = 0
