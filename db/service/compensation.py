"""Compensation lines, their value, and the supervisor's authorisation or refusal.

Rules enforced here (so a call that bypasses the form is refused the same way):
- staff cannot authorise; a supervisor may approve up to their own limit per complaint
  (everything approved on that complaint counts); above it a manager must, up to
  `manager_limit_minor` from settings; beyond that nobody can;
- a refusal needs a reason;
- two consoles deciding the same complaint at once: the second gets AuthorisationConflict
  (the check runs inside a BEGIN IMMEDIATE transaction);
- every decision, every voucher issued and every refused attempt is audited;
- each decision consumes a single-use approval (`db.security.approvals`) in its own transaction: a
  PIN of someone without the right (floor staff, a supervisor over their limit) is answered
  and counted like a wrong PIN.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.core import UnknownLocaleError
from babel.numbers import (
    NumberFormatError,
    format_currency,
    get_currency_precision,
    get_decimal_symbol,
    parse_decimal,
)
from sqlite_utils import Database

from db.clock import from_iso, to_iso, today_local, utcnow
from db.errors import NotFound, PermissionDenied, UserError, ValidationError
from db.i18n import _
from db.models import Staff
from db.security import approvals, audit
from db.security.approvals import Approval
from db.security.approvals import limit_for as limit_for  # re-exported: callers used it from here
from db.service.models import (
    COMPENSATION_KINDS,
    DEFAULT_VOUCHER_DAYS,
    MAX_AMOUNT_MINOR,
    Authorisation,
    CompensationLine,
    total_value,
)
from db.settings import load_settings
from db.store import changes
from db.store.connection import concurrent_write
from db.text import clean_fields, clean_text
from db.tills import till_of

MAX_DESCRIPTION = 500
MAX_REASON = 1000
_KINDS = {k for k, _label in COMPENSATION_KINDS}


class OverLimit(PermissionDenied):
    """The total is above what this person may authorise; `limit_minor` says their limit."""

    def __init__(self, message: str, *, staff: Staff, limit_minor: int, total_minor: int):
        self.staff = staff
        self.limit_minor = limit_minor
        self.total_minor = total_minor
        super().__init__(message)


class AuthorisationConflict(UserError):
    """Someone else decided this complaint a moment ago (another console)."""


# ---------------------------------------------------------------- amounts


def parse_amount(text: str, locale: str = "en", currency: str = "EUR") -> int:
    """Money typed by a person -> minor units: "12,50", "12.50", "1 234,5", "€12" -> int.

    Both "," and "." are accepted as the decimal mark when followed by at most the
    currency's number of decimals; with both present the last one is the decimal mark.
    Negative, empty, non-numeric, too many decimals or absurdly large -> ValidationError.
    """
    locale = _babel_locale(locale)
    digits = get_currency_precision(currency)
    cleaned = text.strip()
    for ch in (" ", "\u00a0", "\u202f", "'", "€", "$", "£", "¥"):
        cleaned = cleaned.replace(ch, "")
    if cleaned.upper().endswith(currency.upper()):
        cleaned = cleaned[: -len(currency)]
    if not cleaned:
        raise ValidationError({"amount": _("Type an amount, such as 12.50.")})
    if cleaned.startswith(("-", "\u2212")) or cleaned.endswith("-"):
        raise ValidationError({"amount": _("An amount cannot be negative.")})
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    if not re.fullmatch(r"[0-9.,]+", cleaned) or not re.search(r"[0-9]", cleaned):
        raise ValidationError({"amount": _("An amount has digits and one decimal mark only, "
                                           "such as 12.50.")})
    normal = _normalise_number(cleaned, digits, get_decimal_symbol(locale))
    try:
        value = parse_decimal(normal, locale="en", strict=False)
    except (NumberFormatError, InvalidOperation, ValueError) as exc:
        raise ValidationError({"amount": _("This is not an amount. Type it like 12.50.")}) \
            from exc
    minor = value * (Decimal(10) ** digits)
    if minor != minor.to_integral_value():
        raise ValidationError({"amount": _("At most {n} decimals.").format(n=digits)})
    result = int(minor)
    if result > MAX_AMOUNT_MINOR:
        raise ValidationError({"amount": _("This amount is beyond any limit. Check the "
                                           "number.")})
    return result


def _babel_locale(name: str) -> str:
    """Qt and Babel spell locales differently ("fi-FI", "fi_FI"); unknown ones fall back."""
    candidate = (name or "en").replace("-", "_")
    try:
        get_decimal_symbol(candidate)
    except (ValueError, TypeError, UnknownLocaleError):
        return "en"
    return candidate


def _normalise_number(text: str, digits: int, locale_decimal: str) -> str:
    """Decide which of "," and "." is the decimal mark; return plain "1234.56"."""
    last_comma, last_dot = text.rfind(","), text.rfind(".")
    if last_comma >= 0 and last_dot >= 0:
        decimal_mark = "," if last_comma > last_dot else "."
    elif last_comma < 0 and last_dot < 0:
        return text
    else:
        mark = "," if last_comma >= 0 else "."
        tail = text[text.rfind(mark) + 1:]
        if text.count(mark) > 1:
            decimal_mark = ""  # "1.234.567": grouping only
        elif (len(tail) == 3 and mark != locale_decimal
              and re.fullmatch(r"[1-9][0-9]{0,2}", text[:text.rfind(mark)])):
            decimal_mark = ""  # "1,234" in English: a thousand (but "0.001" is not)
        else:
            decimal_mark = mark
    not_amount = ValidationError({"amount": _("This is not an amount. Type it like 12.50.")})
    if decimal_mark:
        whole, frac = text.rsplit(decimal_mark, 1)
        if "," in frac or "." in frac or decimal_mark in whole:
            raise not_amount
    else:
        whole, frac = text, ""
    groups = re.split(r"[.,]", whole)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3
                            or any(len(g) != 3 for g in groups[1:])):
        raise not_amount  # "12.5.0", "1,23": separators where no thousands are
    whole = "".join(groups)
    if len(frac) > digits:
        raise ValidationError({"amount": _("At most {n} decimals.").format(n=digits)})
    return f"{whole or '0'}.{frac}" if frac else whole


def format_money(db: Database, minor: int) -> str:
    """Money in the shop's currency and locale, for messages from this layer."""
    settings = load_settings(db)
    digits = get_currency_precision(settings.currency)
    amount = Decimal(minor) / (Decimal(10) ** digits)
    return str(format_currency(amount, settings.currency, locale=settings.locale))


# ---------------------------------------------------------------- lines


def price_lines(db: Database, lines: Sequence[CompensationLine]) -> list[CompensationLine]:
    """Fill the catalogue price of each free item or replacement product; others unchanged."""
    priced: list[CompensationLine] = []
    for line in lines:
        if line.kind in ("free_item", "replacement") and line.product_id is not None:
            row = db.execute("SELECT price_minor, name FROM products WHERE id = ?",
                             [line.product_id]).fetchone()
            if row is not None:
                line = replace(line, unit_price_minor=int(row[0]),
                               description=line.description or str(row[1]))
        priced.append(line)
    return priced


def validate_lines(db: Database, lines: Sequence[CompensationLine]) -> list[CompensationLine]:
    """Check and price proposed lines; ValidationError keys are "line{n}.{field}" (n from 1).

    Lines already decided (status approved/refused) are left out: a decision is never
    re-proposed or counted twice, even if a caller passes `complaint.lines` back.
    """
    today = today_local(load_settings(db).timezone)
    lines = clean_fields(list(lines))  # no control characters or bidi overrides
    problems: dict[str, str] = {}
    cleaned: list[CompensationLine] = []
    fresh = [replace(line, id=None, authorisation_id=None, voucher_id=None, voucher_code=None)
             for line in lines if line.status == "proposed"]
    for n, line in enumerate(price_lines(db, fresh), start=1):
        key = f"line{n}."
        if line.kind not in _KINDS:
            problems[key + "kind"] = _("Unknown kind of compensation.")
            continue
        description = " ".join(line.description.split())
        if len(description) > MAX_DESCRIPTION:
            problems[key + "description"] = _("At most {n} characters.").format(
                n=MAX_DESCRIPTION)
        for name in ("amount_minor", "bill_minor"):
            value = getattr(line, name)
            if value is not None and not isinstance(value, int):
                problems[key + name] = _("An amount in whole minor units (cents).")
        if any(k.startswith(key) for k in problems):
            continue
        _check_line(line, key, today, problems)
        expires = line.expires_on
        if line.kind == "voucher" and expires is None:
            expires = today + timedelta(days=DEFAULT_VOUCHER_DAYS)
        cleaned.append(replace(
            line, description=description, expires_on=expires if line.kind == "voucher" else None,
            amount_minor=line.amount_minor if line.kind not in (
                "apology", "discount_percent", "free_item") and not (
                line.kind == "replacement" and line.product_id is not None) else None,
            bill_minor=line.bill_minor if line.kind in ("discount_percent", "discount_amount",
                                                        "waived_bill")
            else None,
            percent=line.percent if line.kind == "discount_percent" else None,
            product_id=line.product_id if line.kind in ("free_item", "replacement") else None,
            unit_price_minor=line.unit_price_minor if line.kind in ("free_item", "replacement")
            and line.product_id is not None else None,
        ))
    if problems:
        raise ValidationError(problems)
    return cleaned


def _check_line(line: CompensationLine, key: str, today: date,
                problems: dict[str, str]) -> None:
    def amount(name: str, value: int | None, *, required: bool) -> None:
        if value is None:
            if required:
                problems[key + name] = _("Type an amount.")
        elif value < 0:
            problems[key + name] = _("An amount cannot be negative.")
        elif value == 0 and required:
            problems[key + name] = _("The amount must be above zero.")
        elif value > MAX_AMOUNT_MINOR:
            problems[key + name] = _("This amount is beyond any limit. Check the number.")

    kind = line.kind
    if kind == "replacement":
        if line.product_id is not None and line.unit_price_minor is None:
            problems[key + "product"] = _("That item is not in the catalogue.")
        elif line.product_id is None:
            amount("amount", line.amount_minor, required=False)
    elif kind in ("discount_amount", "refund", "voucher", "waived_bill"):
        amount("amount", line.amount_minor, required=True)
    if kind == "discount_amount":  # like a percentage, a discount is off a stated bill
        amount("bill", line.bill_minor, required=True)
    elif kind == "discount_percent":
        amount("bill", line.bill_minor, required=True)
        if line.percent is None:
            problems[key + "percent"] = _("Type a percentage from 1 to 100.")
        elif not isinstance(line.percent, int) or line.percent <= 0:
            problems[key + "percent"] = _("A discount must be above 0 %.")
        elif line.percent > 100:
            problems[key + "percent"] = _("A discount cannot be more than 100 %.")
    elif kind == "free_item":
        if line.product_id is None:
            problems[key + "product"] = _("Choose the item from the catalogue.")
        elif line.unit_price_minor is None:
            problems[key + "product"] = _("That item is not in the catalogue.")
    if kind == "discount_amount" and key + "bill" not in problems \
            and line.bill_minor is not None and line.amount_minor \
            and line.amount_minor > line.bill_minor:
        problems[key + "amount"] = _("The discount is larger than the bill.")
    if kind == "voucher" and line.expires_on is not None and line.expires_on < today:
        problems[key + "expires_on"] = _("The expiry date is in the past.")


def store_proposed(db: Database, complaint_id: int,
                   lines: Sequence[CompensationLine]) -> None:
    """Replace the complaint's proposed lines (decided ones stay). Caller's transaction."""
    db.execute("DELETE FROM compensations WHERE complaint_id = ? AND status = 'proposed'",
               [complaint_id])
    for line in lines:
        _insert_line(db, complaint_id, line, "proposed", None, None)


def _insert_line(db: Database, complaint_id: int, line: CompensationLine, status: str,
                 authorisation_id: int | None, voucher_id: int | None) -> int:
    cur = db.execute(
        "INSERT INTO compensations(complaint_id, kind, description, amount_minor, bill_minor, "
        "percent, product_id, unit_price_minor, expires_on, value_minor, voucher_id, status, "
        "authorisation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [complaint_id, line.kind, line.description, line.amount_minor, line.bill_minor,
         line.percent, line.product_id, line.unit_price_minor,
         line.expires_on.isoformat() if line.expires_on else None, line.value_minor,
         voucher_id, status, authorisation_id],
    )
    return int(cur.lastrowid or 0)


_LINE_SELECT = (
    "SELECT cp.id, cp.kind, cp.description, cp.amount_minor, cp.bill_minor, cp.percent, "
    "cp.product_id, cp.unit_price_minor, cp.expires_on, cp.status, cp.authorisation_id, "
    "cp.voucher_id, v.code FROM compensations cp LEFT JOIN vouchers v ON v.id = cp.voucher_id"
)


def _line(r: Any) -> CompensationLine:
    return CompensationLine(
        id=r[0], kind=r[1], description=r[2], amount_minor=r[3], bill_minor=r[4], percent=r[5],
        product_id=r[6], unit_price_minor=r[7],
        expires_on=date.fromisoformat(r[8]) if r[8] else None, status=r[9],
        authorisation_id=r[10], voucher_id=r[11], voucher_code=r[12],
    )


def lines_for(db: Database, complaint_id: int) -> list[CompensationLine]:
    return [_line(r) for r in db.execute(
        _LINE_SELECT + " WHERE cp.complaint_id = ? ORDER BY cp.id", [complaint_id])]


def authorisations_for(db: Database, complaint_id: int) -> list[Authorisation]:
    """Decisions on a complaint, oldest first, each with the lines it decided."""
    lines = lines_for(db, complaint_id)
    result = []
    for r in db.execute(
        "SELECT a.id, a.complaint_id, a.decided_by, s.name, s.role, a.decision, a.total_minor, "
        "a.reason, a.console_id, a.decided_at, a.till FROM authorisations a "
        "JOIN staff s ON s.id = a.decided_by WHERE a.complaint_id = ? ORDER BY a.id",
        [complaint_id],
    ):
        result.append(Authorisation(
            id=r[0], complaint_id=r[1], decided_by=r[2], decided_by_name=r[3],
            decided_by_role=r[4], decision=r[5], total_minor=r[6], reason=r[7],
            console_id=r[8], decided_at=from_iso(r[9]) or utcnow(), till=r[10] or "",
            lines=tuple(line for line in lines if line.authorisation_id == r[0]),
        ))
    return result


# ---------------------------------------------------------------- limits and decisions


def _complaint_row(db: Database, complaint_id: int) -> tuple[str, str, int | None]:
    row = db.execute("SELECT kind, status, customer_id FROM complaints WHERE id = ?",
                     [complaint_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no complaint with id {id}.").format(id=complaint_id))
    kind, status, customer_id = row
    if kind != "complaint":
        raise ValidationError({"lines": _("Only a complaint can have compensation.")})
    if status == "closed":
        raise ValidationError({"lines": _("This complaint is closed.")})
    return str(kind), str(status), customer_id


def _check_not_decided(db: Database, complaint_id: int, seen_decisions: int | None) -> None:
    decided = db.execute("SELECT count(*) FROM authorisations WHERE complaint_id = ?",
                         [complaint_id]).fetchone()[0]
    proposed = db.execute(
        "SELECT count(*) FROM compensations WHERE complaint_id = ? AND status = 'proposed'",
        [complaint_id],
    ).fetchone()[0]
    conflict = decided != seen_decisions if seen_decisions is not None else (
        decided > 0 and proposed == 0)
    if conflict:
        last = db.execute(
            "SELECT s.name, a.decision, a.console_id, a.till FROM authorisations a "
            "JOIN staff s ON s.id = a.decided_by WHERE a.complaint_id = ? "
            "ORDER BY a.id DESC LIMIT 1", [complaint_id]).fetchone()
        if last[3]:  # the till it was decided at, when known
            raise AuthorisationConflict(
                _("{name} has just {decision} this compensation at till {till}. "
                  "Reload the complaint to see it.").format(
                    name=last[0], decision=_(last[1]), till=last[3]))
        raise AuthorisationConflict(
            _("{name} has just {decision} this compensation (console {console}). "
              "Reload the complaint to see it.").format(
                name=last[0], decision=_(last[1]), console=last[2] or "?"))


def _audit_denied(db: Database, staff: Staff, complaint_id: int, console_id: str,
                  why: str, total: int) -> None:
    with audit.immediate(db):
        audit.append(db, "authorisation.denied", staff.id, "complaint", complaint_id,
                     {"why": why, "role": staff.role, "total_minor": total,
                      "console_id": console_id})


def _deciding(db: Database, complaint_id: int) -> AbstractContextManager[Database]:
    """The transaction of one decision on a complaint. Tills deciding other complaints
    write at the same time (on a server); a second decision on this complaint waits for
    the first and then sees it (AuthorisationConflict). What it relies on is the
    complaint's own rows (status, decisions, lines, what was approved), the approval's
    row (used once: a conditional update) and the settings (limits; changed only by a
    whole-database write); the audit entry and change rows are appended in turn."""
    return concurrent_write(db, f"complaint:{complaint_id}", records_changes=True)


def _subject(complaint_id: int) -> str:
    return approvals.subject("complaint", complaint_id)


def authorise(
    db: Database, complaint_id: int, lines: Sequence[CompensationLine], pin: str,
    console_id: str, *, seen_decisions: int | None = None,
) -> Authorisation:
    """Approve `lines` (the proposed ones, or changed ones) by the person whose PIN this is.

    The PIN becomes a single-use approval for this complaint and total (`db.security.approvals`),
    consumed by `approve_with`. A PIN of floor staff, or of a supervisor whose limit the
    total (with what was already approved on the complaint) exceeds, counts as a wrong PIN
    and is answered like one. `seen_decisions` (len(complaint.authorisations) as shown on
    screen) lets a console detect that another console decided meanwhile. Raises
    ValidationError, PinLocked, WrongPin, PinKeyMissing, OverLimit, AuthorisationConflict,
    NotFound - each with a message for the screen.
    """
    cleaned = validate_lines(db, lines)
    if not cleaned:
        raise ValidationError({"lines": _("Add at least one compensation line.")})
    _complaint_row(db, complaint_id)
    # decided since the screen was drawn (at another till, or this very approval retried
    # after its answer was lost with the server): said before the PIN is even checked, so
    # a retry is recognised and never counted as a wrong PIN (checked again when writing)
    _check_not_decided(db, complaint_id, seen_decisions)
    approval = approvals.grant(db, pin, console_id, action="compensation.approve",
                               subject=_subject(complaint_id),
                               amount_minor=total_value(cleaned))
    return approve_with(db, approval, complaint_id, cleaned, seen_decisions=seen_decisions)


def approve_with(
    db: Database, approval: Approval | None, complaint_id: int,
    lines: Sequence[CompensationLine], *, seen_decisions: int | None = None,
) -> Authorisation:
    """Approve `lines`, consuming a "compensation.approve" approval for this complaint and
    exactly this total; role, limit, conflict, vouchers and audit all apply, in one
    transaction."""
    cleaned = validate_lines(db, lines)
    if not cleaned:
        raise ValidationError({"lines": _("Add at least one compensation line.")})
    total = total_value(cleaned)
    over: OverLimit | None = None
    with _deciding(db, complaint_id):
        staff = approvals.consume(db, approval, action="compensation.approve",
                                  subject=_subject(complaint_id), amount_minor=total)
        assert approval is not None
        console_id = approval.console_id
        limit = limit_for(db, staff)
        _kind, _status, customer_id = _complaint_row(db, complaint_id)
        _check_not_decided(db, complaint_id, seen_decisions)
        already = approvals.approved_on(db, complaint_id)
        if already + total > limit:
            over = _over_limit(db, staff, limit, already + total)
        else:
            auth_id = _record(db, complaint_id, staff, "approved", total, "", console_id)
            db.execute("DELETE FROM compensations WHERE complaint_id = ? "
                       "AND status = 'proposed'", [complaint_id])
            stored = []
            for line in cleaned:
                voucher_id = None
                if line.kind == "voucher":
                    from db.service.vouchers import _insert_voucher

                    assert line.amount_minor is not None and line.expires_on is not None
                    voucher_id = _insert_voucher(
                        db, value_minor=line.amount_minor, expires_on=line.expires_on,
                        issued_by=staff.id, customer_id=customer_id,
                        complaint_id=complaint_id, approval_id=approval.id)
                _insert_line(db, complaint_id, line, "approved", auth_id, voucher_id)
                stored.append({"kind": line.kind, "value_minor": line.value_minor,
                               "voucher_id": voucher_id})
            _touch(db, complaint_id)
            audit.append(db, "authorisation.approved", staff.id, "complaint", complaint_id, {
                "authorisation_id": auth_id, "total_minor": total, "lines": stored,
                "console_id": console_id, "limit_minor": limit, "approval_id": approval.id,
            })
    if over is not None:
        _audit_denied(db, staff, complaint_id, console_id, "over_limit", over.total_minor)
        raise over
    return _authorisation(db, auth_id)


def _over_limit(db: Database, staff: Staff, limit: int, total: int) -> OverLimit:
    if staff.role == "manager":
        message = _("{total} is above the manager limit of {limit}. Reduce the "
                    "compensation.").format(total=format_money(db, total),
                                            limit=format_money(db, limit))
    else:
        message = _("{total} is above {name}'s limit of {limit}. A manager must authorise "
                    "it.").format(total=format_money(db, total), name=staff.name,
                                  limit=format_money(db, limit))
    return OverLimit(message, staff=staff, limit_minor=limit, total_minor=total)


def refuse(
    db: Database, complaint_id: int, pin: str, console_id: str, reason: str, *,
    lines: Sequence[CompensationLine] | None = None, seen_decisions: int | None = None,
) -> Authorisation:
    """Refuse the proposed lines (or `lines`) with a reason; any supervisor or manager.

    The PIN becomes a single-use "compensation.refuse" approval, consumed by `refuse_with`.
    """
    reason = _check_reason(reason)
    cleaned = validate_lines(db, lines) if lines is not None else None
    _complaint_row(db, complaint_id)
    approval = approvals.grant(db, pin, console_id, action="compensation.refuse",
                               subject=_subject(complaint_id))
    return refuse_with(db, approval, complaint_id, reason, lines=cleaned,
                       seen_decisions=seen_decisions)


def _check_reason(reason: str) -> str:
    reason = clean_text(reason).strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the compensation is refused.")})
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": _("At most {n} characters.").format(n=MAX_REASON)})
    return reason


def refuse_with(
    db: Database, approval: Approval | None, complaint_id: int, reason: str, *,
    lines: Sequence[CompensationLine] | None = None, seen_decisions: int | None = None,
) -> Authorisation:
    """Refuse, consuming a "compensation.refuse" approval for this complaint; audited."""
    reason = _check_reason(reason)
    cleaned = validate_lines(db, lines) if lines is not None else None
    with _deciding(db, complaint_id):
        staff = approvals.consume(db, approval, action="compensation.refuse",
                                  subject=_subject(complaint_id))
        assert approval is not None
        console_id = approval.console_id
        _complaint_row(db, complaint_id)
        _check_not_decided(db, complaint_id, seen_decisions)
        if cleaned is None:
            cleaned = [line for line in lines_for(db, complaint_id)
                       if line.status == "proposed"]
        if not cleaned:
            raise ValidationError({"lines": _("There is no proposed compensation to "
                                              "refuse.")})
        total = total_value(cleaned)
        auth_id = _record(db, complaint_id, staff, "refused", total, reason, console_id)
        db.execute("DELETE FROM compensations WHERE complaint_id = ? AND status = 'proposed'",
                   [complaint_id])
        for line in cleaned:
            _insert_line(db, complaint_id, replace(line, voucher_id=None), "refused", auth_id,
                         None)
        _touch(db, complaint_id)
        audit.append(db, "authorisation.refused", staff.id, "complaint", complaint_id, {
            "authorisation_id": auth_id, "total_minor": total, "reason": reason,
            "console_id": console_id, "approval_id": approval.id,
        })
    return _authorisation(db, auth_id)


def _record(db: Database, complaint_id: int, staff: Staff, decision: str, total: int,
            reason: str, console_id: str) -> int:
    cur = db.execute(
        "INSERT INTO authorisations(complaint_id, decided_by, decision, total_minor, reason, "
        "console_id, decided_at, till) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [complaint_id, staff.id, decision, total, reason, console_id, to_iso(utcnow()),
         till_of(db)],
    )
    return int(cur.lastrowid or 0)


def _touch(db: Database, complaint_id: int) -> None:
    db.execute("UPDATE complaints SET updated_at = ? WHERE id = ?",
               [to_iso(utcnow()), complaint_id])
    changes.record_complaint(db, complaint_id)


def _authorisation(db: Database, auth_id: int) -> Authorisation:
    row = db.execute("SELECT complaint_id FROM authorisations WHERE id = ?",
                     [auth_id]).fetchone()
    for item in authorisations_for(db, int(row[0])):
        if item.id == auth_id:
            return item
    raise NotFound(_("There is no authorisation with id {id}.").format(id=auth_id))
