"""Complaints, compliments and suggestions: validation, create and update, history, facts.

One record per entry, for a customer or a walk-in. The form saves it (status "open") with
the proposed compensation lines, the supervisor decides them (`db.service.compensation`), then
the form saves it again as resolved or promised. A complaint with a proposed line of value
cannot be saved as resolved: it needs a decision first. Nothing is written unless all of
it validates.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from db.clock import from_iso, local_date, to_iso, utcnow
from db.errors import EditConflict, NotFound, ValidationError
from db.i18n import _
from db.security import audit
from db.service.compensation import authorisations_for, lines_for, store_proposed, validate_lines
from db.service.follow_ups import follow_ups_for, insert_promise, validate_promise
from db.service.models import (
    CAUSES,
    CRISIS_FLAGS,
    ENTRY_KINDS,
    STATUSES,
    STEPS,
    Complaint,
    ComplaintInput,
    ComplaintSummary,
    ServiceFacts,
    total_value,
)
from db.settings import load_settings
from db.shops import shop_of
from db.store import changes, edit_conflicts
from db.text import clean_fields
from db.tills import till_of

MAX_TEXT = 4000
MAX_NAME = 200
EXTRA_CAUSES_KEY = "complaints.extra_causes"


def causes(db: Database) -> list[tuple[str, str]]:
    """The fixed causes (labels translated) plus any the shop added in settings.

    Extra causes are stored under the settings key ``complaints.extra_causes`` as a JSON
    list of ``[key, label]`` pairs.
    """
    result = [(key, _(text)) for key, text in CAUSES]
    row = db.execute("SELECT value FROM settings WHERE key = ?", [EXTRA_CAUSES_KEY]).fetchone()
    if row is not None:
        try:
            extra = json.loads(row[0])
            result[-1:-1] = [(str(k), str(v)) for k, v in extra
                             if str(k) not in {c for c, _t in result}]
        except (TypeError, ValueError):
            pass
    return result


def _exists(db: Database, table: str, row_id: int, active_only: bool = False) -> bool:
    extra = " AND active = 1" if active_only else ""
    return db.execute(f"SELECT 1 FROM {table} WHERE id = ?{extra}", [row_id]).fetchone() \
        is not None


def validate(db: Database, data: ComplaintInput, *, existing_id: int | None = None
             ) -> ComplaintInput:
    """Return a cleaned copy (lines priced) or raise ValidationError naming each field."""
    data = clean_fields(data)  # no control characters or bidi overrides in any text
    problems: dict[str, str] = {}
    kinds = {k for k, _t in ENTRY_KINDS}
    if data.kind not in kinds:
        problems["kind"] = _("Choose complaint, compliment or suggestion.")
    if existing_id is None and not _exists(db, "staff", data.taken_by, active_only=True):
        problems["taken_by"] = _("Sign in as an active staff member first.")
    if data.customer_id is not None and not _exists(db, "customers", data.customer_id):
        problems["customer"] = _("There is no customer with id {id}.").format(
            id=data.customer_id)
    walk_in = " ".join(data.walk_in_name.split())
    if len(walk_in) > MAX_NAME:
        problems["walk_in_name"] = _("At most {n} characters.").format(n=MAX_NAME)
    if data.about_staff_id is not None and not _exists(db, "staff", data.about_staff_id):
        problems["about_staff"] = _("There is no staff member with id {id}.").format(
            id=data.about_staff_id)
    cause_keys = {k for k, _t in causes(db)}
    if data.cause not in cause_keys:
        problems["cause"] = _("Choose a cause from the list.")
    real_cause = data.real_cause or None
    if real_cause is not None and real_cause not in cause_keys:
        problems["real_cause"] = _("Choose a cause from the list.")
    problem = data.problem.strip()
    if not problem:
        problems["problem"] = _("Write down what the customer said.")
    texts = {"problem": problem, "staff_account": data.staff_account,
             "customer_request": data.customer_request, "options_offered": data.options_offered,
             "option_chosen": data.option_chosen, "resolution": data.resolution,
             "prevention": data.prevention, "letter_words": data.letter_words}
    for name, text in texts.items():
        if len(text) > MAX_TEXT:
            problems[name] = _("At most {n} characters.").format(n=MAX_TEXT)
    if not isinstance(data.severity, int) or not 1 <= data.severity <= 3:
        problems["severity"] = _("Severity is 1, 2 or 3.")
    flag_keys = {k for k, _t in CRISIS_FLAGS}
    if any(f not in flag_keys for f in data.flags):
        problems["flags"] = _("Unknown crisis flag.")
    step_keys = [k for k, _t in STEPS]
    if any(s not in step_keys for s in data.steps_done):
        problems["steps_done"] = _("Unknown recovery step.")
    if data.status not in {k for k, _t in STATUSES}:
        problems["status"] = _("Unknown status.")
    now = utcnow()
    occurred = data.occurred_at or now
    if occurred.tzinfo is None:
        problems["occurred_at"] = _("The time needs a time zone.")
    elif occurred > now + timedelta(minutes=5):
        problems["occurred_at"] = _("The time is in the future.")
    lines = data.lines
    if data.kind != "complaint" and lines:
        problems["lines"] = _("Only a complaint can have compensation.")
        lines = []
    cleaned_lines = []
    if lines:
        try:
            cleaned_lines = validate_lines(db, lines)
        except ValidationError as exc:
            problems.update(exc.fields)
    if data.promise is not None:
        problems.update(validate_promise(db, data.promise))
    status = data.status
    if data.promise is not None and status == "resolved":
        status = "promised"
    if status != "open" and any(line.needs_decision for line in cleaned_lines):
        problems["status"] = _("Compensation other than an apology needs a supervisor's "
                               "authorisation before this can be saved as resolved.")
    if problems:
        raise ValidationError(problems)
    order = {k: i for i, k in enumerate(step_keys)}
    return ComplaintInput(
        taken_by=data.taken_by, kind=data.kind, customer_id=data.customer_id,
        walk_in_name=walk_in if data.customer_id is None else "", occurred_at=occurred,
        about_staff_id=data.about_staff_id, cause=data.cause, real_cause=real_cause,
        problem=problem, severity=data.severity,
        flags=[k for k, _t in CRISIS_FLAGS if k in set(data.flags)],
        staff_account=data.staff_account.strip(),
        customer_request=data.customer_request.strip(),
        options_offered=data.options_offered.strip(), option_chosen=data.option_chosen.strip(),
        resolution=data.resolution.strip(),
        steps_done=sorted(set(data.steps_done), key=order.__getitem__),
        resolved_on_spot=bool(data.resolved_on_spot), status=status, lines=cleaned_lines,
        promise=data.promise, prevention=data.prevention.strip(),
        letter_words=data.letter_words.strip(),
    )


def _values(db: Database, data: ComplaintInput) -> dict[str, Any]:
    assert data.occurred_at is not None
    tz = load_settings(db).timezone
    return {
        "kind": data.kind, "customer_id": data.customer_id, "walk_in_name": data.walk_in_name,
        "occurred_at": to_iso(data.occurred_at),
        "local_date": local_date(data.occurred_at, tz).isoformat(),
        "about_staff_id": data.about_staff_id, "cause": data.cause,
        "real_cause": data.real_cause, "problem": data.problem, "severity": data.severity,
        "flags": json.dumps(data.flags), "staff_account": data.staff_account,
        "customer_request": data.customer_request, "options_offered": data.options_offered,
        "option_chosen": data.option_chosen, "resolution": data.resolution,
        "steps_done": json.dumps(data.steps_done),
        "resolved_on_spot": int(data.resolved_on_spot), "status": data.status,
        "prevention": data.prevention, "letter_words": data.letter_words,
    }


def create_complaint(db: Database, data: ComplaintInput) -> Complaint:
    """Validate and save a new entry with its proposed lines and promise, in one go.

    With a `client_key` already saved (a retry of a save whose answer was lost, e.g. with
    the server connection), nothing is written and the entry saved then is returned."""
    clean = validate(db, data)
    values = _values(db, clean)
    now = to_iso(utcnow())
    till = till_of(db)
    key = data.client_key or None
    with audit.immediate(db):
        found = None if key is None else db.execute(
            "SELECT id FROM complaints WHERE client_key = ?", [key]).fetchone()
        if found is not None:
            complaint_id = int(found[0])  # saved already: this is a retry
        else:
            complaint_id = _insert_complaint(db, clean, values, now, till, key)
    return get_complaint(db, complaint_id)


def _insert_complaint(db: Database, clean: ComplaintInput, values: dict[str, Any], now: str,
                      till: str, key: str | None) -> int:
    """The new entry's rows, audit entry and change rows (inside the caller's write)."""
    columns = ["taken_by", *values, "created_at", "updated_at", "till", "updated_by",
               "updated_till", "client_key", "shop_id"]
    cur = db.execute(
        f"INSERT INTO complaints({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _c in columns)})",
        [clean.taken_by, *values.values(), now, now, till, clean.taken_by, till, key,
         shop_of(db)],
    )
    complaint_id = int(cur.lastrowid or 0)
    store_proposed(db, complaint_id, clean.lines)
    if clean.promise is not None:
        insert_promise(db, complaint_id, clean.promise)
    audit.append(db, f"{clean.kind}.created", clean.taken_by, "complaint", complaint_id, {
        "customer_id": clean.customer_id, "cause": clean.cause, "status": clean.status,
        "proposed_minor": total_value(clean.lines),
    })
    changes.record_complaint(db, complaint_id)
    return complaint_id


def update_complaint(
    db: Database, complaint_id: int, data: ComplaintInput, *, actor_id: int | None = None,
    expected_version: int | None = None,
) -> Complaint:
    """Save changes (real cause found later, steps done, status...). Who took it stays.

    Proposed lines are replaced by `data.lines`; decided lines are kept as they are. A
    `promise` updates the open promise, or adds one if there is none.

    `expected_version` is the `Complaint.version` the changes were typed on. When someone
    (another till, another person) saved the complaint since, the stored version differs
    and EditConflict is raised naming who, at which till and when; nothing is written.
    The check and the write are one compare-and-set inside the write transaction, so two
    tills saving at the same moment cannot both win. None skips the check (a caller that
    did not show the record to anyone, such as the demo data). Each save adds one to the
    version and records `actor_id` and this till (`db.tills.till_of`) as the last editor.
    """
    current = get_complaint(db, complaint_id)
    clean = validate(db, data, existing_id=complaint_id)
    if clean.kind != current.kind and current.authorisations:
        raise ValidationError({"kind": _("This entry has decided compensation; its kind "
                                         "cannot change.")})
    values = _values(db, clean)
    with audit.immediate(db):
        if db.execute("SELECT status FROM complaints WHERE id = ?", [complaint_id]).fetchone()[
                0] == "closed" and clean.status != "closed":
            values["status"] = "closed"
        sets = ", ".join(f"{name} = ?" for name in values)
        params = [*values.values(), to_iso(utcnow()), actor_id, till_of(db), complaint_id]
        check = ""
        if expected_version is not None:
            check = " AND version = ?"
            params.append(expected_version)
        cur = db.execute(
            f"UPDATE complaints SET {sets}, updated_at = ?, updated_by = ?, "
            f"updated_till = ?, version = version + 1 WHERE id = ?{check}", params)
        if cur.rowcount != 1:
            if _already_saved(db, complaint_id, values, clean, actor_id):
                return get_complaint(db, complaint_id)  # a retry of our own save: nothing to do
            raise edit_conflict(db, complaint_id)
        store_proposed(db, complaint_id, clean.lines)
        if clean.promise is not None:
            open_row = db.execute(
                "SELECT id FROM follow_ups WHERE complaint_id = ? AND status = 'open' "
                "ORDER BY id LIMIT 1", [complaint_id]).fetchone()
            if open_row is None:
                insert_promise(db, complaint_id, clean.promise)
            else:
                due = clean.promise.due_at
                db.execute(
                    "UPDATE follow_ups SET promise = ?, owner_id = ?, "
                    "due_at = coalesce(?, due_at) WHERE id = ?",
                    [clean.promise.promise.strip(), clean.promise.owner_id,
                     to_iso(due) if due else None, open_row[0]])
        audit.append(db, f"{clean.kind}.updated", actor_id, "complaint", complaint_id, {
            "status": values["status"], "proposed_minor": total_value(clean.lines),
        })
        changes.record_complaint(db, complaint_id)
    return get_complaint(db, complaint_id)


_SELECT = (
    "SELECT c.id, c.kind, c.customer_id, coalesce(cu.name, c.walk_in_name), c.walk_in_name, "
    "c.occurred_at, c.local_date, c.taken_by, s.name, c.about_staff_id, c.cause, c.real_cause, "
    "c.problem, c.severity, c.flags, c.staff_account, c.customer_request, c.options_offered, "
    "c.option_chosen, c.resolution, c.steps_done, c.resolved_on_spot, c.status, c.created_at, "
    "c.updated_at, c.prevention, c.letter_words, c.till, c.version, c.updated_by, "
    "coalesce(u.name, ''), c.updated_till FROM complaints c "
    "LEFT JOIN customers cu ON cu.id = c.customer_id "
    "JOIN staff s ON s.id = c.taken_by "
    "LEFT JOIN staff u ON u.id = c.updated_by"
)


def _already_saved(db: Database, complaint_id: int, values: dict[str, Any],
                   clean: ComplaintInput, actor_id: int | None) -> bool:
    """A save refused for its version that this till and person already made, word for word:
    the answer to the first try was lost with the connection (the server went away) and the
    till saved again. Then it is saved, not a conflict with oneself. Anything different
    (another till, another person, another word, line or promise) stays a conflict."""
    row = db.execute(f"SELECT {', '.join(values)}, updated_by, updated_till FROM complaints "
                     "WHERE id = ?", [complaint_id]).fetchone()
    if row is None or list(row[:len(values)]) != list(values.values()):
        return False
    if (row[-2], row[-1] or "") != (actor_id, till_of(db)):
        return False
    stored = [tuple(r) for r in db.execute(
        "SELECT kind, description, amount_minor, bill_minor, percent, product_id, "
        "unit_price_minor, expires_on, value_minor FROM compensations "
        "WHERE complaint_id = ? AND status = 'proposed' ORDER BY id", [complaint_id])]
    typed = [(line.kind, line.description, line.amount_minor, line.bill_minor, line.percent,
              line.product_id, line.unit_price_minor,
              line.expires_on.isoformat() if line.expires_on else None, line.value_minor)
             for line in clean.lines]
    if stored != typed:
        return False
    if clean.promise is None:
        return True
    promise = db.execute(
        "SELECT promise, owner_id FROM follow_ups WHERE complaint_id = ? AND status = 'open' "
        "ORDER BY id LIMIT 1", [complaint_id]).fetchone()
    return promise is not None and (promise[0], promise[1]) == (
        clean.promise.promise.strip(), clean.promise.owner_id)


def edit_conflict(db: Database, complaint_id: int) -> EditConflict:
    """The error for a save typed on an older version: who saved since, where and when."""
    row = db.execute(
        "SELECT c.version, coalesce(u.name, ''), c.updated_till, c.updated_at "
        "FROM complaints c LEFT JOIN staff u ON u.id = c.updated_by WHERE c.id = ?",
        [complaint_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no complaint with id {id}.").format(id=complaint_id))
    return edit_conflicts.conflict(
        db, complaint_id, tuple(row),
        _("{name} changed complaint {id} at till {till} at {when}, after you opened it."),
        _("{name} changed complaint {id} at {when}, after you opened it."),
        id=str(complaint_id))


def get_complaint(db: Database, complaint_id: int) -> Complaint:
    """The whole record: lines, decisions and follow-ups included."""
    r = db.execute(_SELECT + " WHERE c.id = ?", [complaint_id]).fetchone()
    if r is None:
        raise NotFound(_("There is no complaint with id {id}.").format(id=complaint_id))
    return Complaint(
        id=r[0], kind=r[1], customer_id=r[2], customer_name=r[3] or "", walk_in_name=r[4],
        occurred_at=from_iso(r[5]) or utcnow(), local_date=date.fromisoformat(r[6]),
        taken_by=r[7], taken_by_name=r[8], about_staff_id=r[9], cause=r[10],
        real_cause=r[11], problem=r[12], severity=r[13], flags=tuple(json.loads(r[14])),
        staff_account=r[15], customer_request=r[16], options_offered=r[17],
        option_chosen=r[18], resolution=r[19], steps_done=tuple(json.loads(r[20])),
        resolved_on_spot=bool(r[21]), status=r[22],
        lines=tuple(lines_for(db, complaint_id)),
        authorisations=tuple(authorisations_for(db, complaint_id)),
        follow_ups=tuple(follow_ups_for(db, complaint_id)),
        created_at=from_iso(r[23]) or utcnow(), updated_at=from_iso(r[24]) or utcnow(),
        prevention=r[25] or "", letter_words=r[26] or "", till=r[27] or "",
        version=int(r[28]), updated_by=r[29], updated_by_name=r[30] or "",
        updated_till=r[31] or "",
    )


def history_for_customer(db: Database, customer_id: int, *, limit: int = 100
                         ) -> list[ComplaintSummary]:
    """The customer's complaints, compliments and suggestions, newest first, with outcomes."""
    rows = db.execute(
        "SELECT c.id, c.kind, c.occurred_at, c.cause, c.problem, c.status, c.resolution, "
        "(SELECT coalesce(sum(value_minor), 0) FROM compensations "
        " WHERE complaint_id = c.id AND status = 'approved'), "
        "(SELECT count(*) FROM compensations WHERE complaint_id = c.id AND status = 'refused'), "
        "(SELECT outcome FROM follow_ups WHERE complaint_id = c.id AND status = 'closed' "
        " ORDER BY closed_at DESC LIMIT 1), "
        "(SELECT satisfaction FROM follow_ups WHERE complaint_id = c.id AND status = 'closed' "
        " ORDER BY closed_at DESC LIMIT 1), c.till "
        "FROM complaints c WHERE c.customer_id = ? ORDER BY c.occurred_at DESC, c.id DESC "
        "LIMIT ?",
        [customer_id, limit],
    )
    return [
        ComplaintSummary(
            id=r[0], kind=r[1], occurred_at=from_iso(r[2]) or utcnow(), cause=r[3],
            problem=r[4], status=r[5], approved_minor=r[7], refused=bool(r[8]),
            outcome=r[9] or r[6] or "", satisfaction=r[10], till=r[11] or "",
        )
        for r in rows
    ]


def facts_90d(db: Database, customer_id: int | None, *, now: datetime | None = None
              ) -> ServiceFacts:
    """Complaints, approved compensation and refusals in the last 90 days (0 for walk-ins)."""
    if customer_id is None:
        return ServiceFacts(0, 0, 0)
    since = to_iso((now or utcnow()) - timedelta(days=90))
    complaints = db.execute(
        "SELECT count(*) FROM complaints WHERE customer_id = ? AND kind = 'complaint' "
        "AND occurred_at >= ?", [customer_id, since]).fetchone()[0]
    value, refusals = db.execute(
        "SELECT coalesce(sum(CASE WHEN cp.status = 'approved' THEN cp.value_minor END), 0), "
        "count(DISTINCT CASE WHEN cp.status = 'refused' THEN cp.authorisation_id END) "
        "FROM compensations cp JOIN complaints c ON c.id = cp.complaint_id "
        "WHERE c.customer_id = ? AND c.occurred_at >= ?", [customer_id, since]).fetchone()
    return ServiceFacts(complaints=complaints, compensation_minor=value, refusals=refusals)
