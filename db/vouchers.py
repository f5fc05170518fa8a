"""Vouchers for a next visit: a unique code, a value, an expiry; redeemable once.

Codes use 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
``XXXX-XXXX``; typing is forgiving (case, spaces and dashes are ignored). Issue and
redemption are audited. Vouchers are issued by `db.compensation.authorise`, inside the
authorisation's transaction.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from sqlite_utils import Database

from db import audit
from db.clock import from_iso, local_date, to_iso, today_local, utcnow
from db.errors import NotFound, UserError, ValidationError
from db.i18n import _
from db.service_models import MAX_AMOUNT_MINOR, Voucher
from db.settings import load_settings

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


class VoucherExpired(UserError):
    """The voucher's last valid day has passed."""


class VoucherAlreadyUsed(UserError):
    """The voucher was redeemed before."""


def normalise_code(text: str) -> str:
    """What the person typed -> the stored form ``XXXX-XXXX`` (or raise ValidationError)."""
    raw = "".join(ch for ch in text.upper() if ch not in " -\t\u00a0")
    if len(raw) != CODE_LENGTH or any(ch not in ALPHABET for ch in raw):
        raise ValidationError({"code": _("A voucher code has 8 letters and digits, "
                                         "like 7KQ2-M9XD.")})
    return f"{raw[:4]}-{raw[4:]}"


def new_code(db: Database) -> str:
    """A random code not used before (about 8.5e11 possibilities)."""
    while True:
        raw = "".join(secrets.choice(ALPHABET) for _i in range(CODE_LENGTH))
        code = f"{raw[:4]}-{raw[4:]}"
        if db.execute("SELECT 1 FROM vouchers WHERE code = ?", [code]).fetchone() is None:
            return code


def _voucher(r: Any) -> Voucher:
    return Voucher(
        id=r[0], code=r[1], value_minor=r[2], expires_on=date.fromisoformat(r[3]),
        customer_id=r[4], complaint_id=r[5], issued_at=from_iso(r[6]) or utcnow(),
        issued_by=r[7], redeemed_at=from_iso(r[8]), redeemed_by=r[9],
    )


_SELECT = ("SELECT id, code, value_minor, expires_on, customer_id, complaint_id, issued_at, "
           "issued_by, redeemed_at, redeemed_by FROM vouchers")


def validate_voucher(value_minor: int, expires_on: date, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    if value_minor <= 0:
        problems["amount"] = _("A voucher needs a value above zero.")
    elif value_minor > MAX_AMOUNT_MINOR:
        problems["amount"] = _("This amount is beyond any limit. Check the number.")
    if expires_on < today:
        problems["expires_on"] = _("The expiry date is in the past.")
    return problems


def issue(
    db: Database, *, value_minor: int, expires_on: date, issued_by: int | None,
    customer_id: int | None = None, complaint_id: int | None = None,
) -> Voucher:
    """Create a voucher with a fresh code (audited). Inside or outside a transaction."""
    today = today_local(load_settings(db).timezone)
    problems = validate_voucher(value_minor, expires_on, today)
    if problems:
        raise ValidationError(problems)
    with audit.immediate(db):
        code = new_code(db)
        cur = db.execute(
            "INSERT INTO vouchers(code, value_minor, expires_on, customer_id, complaint_id, "
            "issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [code, value_minor, expires_on.isoformat(), customer_id, complaint_id,
             to_iso(utcnow()), issued_by],
        )
        voucher_id = int(cur.lastrowid or 0)
        audit.append(db, "voucher.issued", issued_by, "voucher", voucher_id, {
            "code": code, "value_minor": value_minor, "expires_on": expires_on.isoformat(),
            "customer_id": customer_id, "complaint_id": complaint_id,
        })
    return get_voucher(db, voucher_id)


def get_voucher(db: Database, voucher_id: int) -> Voucher:
    r = db.execute(_SELECT + " WHERE id = ?", [voucher_id]).fetchone()
    if r is None:
        raise NotFound(_("There is no voucher with id {id}.").format(id=voucher_id))
    return _voucher(r)


def find_voucher(db: Database, code: str) -> Voucher:
    """The voucher with this code (forgiving about case and dashes) or NotFound."""
    normal = normalise_code(code)
    r = db.execute(_SELECT + " WHERE code = ?", [normal]).fetchone()
    if r is None:
        raise NotFound(_("No voucher has the code {code}. Check the code on the letter.")
                       .format(code=normal))
    return _voucher(r)


def vouchers_for_customer(db: Database, customer_id: int) -> list[Voucher]:
    return [_voucher(r) for r in db.execute(
        _SELECT + " WHERE customer_id = ? ORDER BY issued_at DESC, id DESC", [customer_id])]


def _redeemer(db: Database, staff_id: int | None) -> int:
    """The active member of staff taking the voucher; a redemption always says who."""
    row = None if staff_id is None else db.execute(
        "SELECT active FROM staff WHERE id = ?", [staff_id]).fetchone()
    if staff_id is None or row is None or not row[0]:
        raise ValidationError({"staff": _("Say which active member of staff takes the "
                                          "voucher.")})
    return staff_id


def redeem(db: Database, code: str, *, staff_id: int | None,
           console_id: str = "") -> Voucher:
    """Mark a voucher used by `staff_id` (an active member of staff, required).

    Unknown, expired or already used codes are refused clearly; "already used on" gives the
    shop's local date.
    """
    normal = normalise_code(code)
    timezone = load_settings(db).timezone
    today = today_local(timezone)
    with audit.immediate(db):
        staff_id = _redeemer(db, staff_id)
        voucher = find_voucher(db, normal)
        if voucher.redeemed_at is not None:
            raise VoucherAlreadyUsed(
                _("Voucher {code} was already used on {when}.").format(
                    code=voucher.code,
                    when=local_date(voucher.redeemed_at, timezone).isoformat()))
        if voucher.expires_on < today:
            raise VoucherExpired(
                _("Voucher {code} expired on {day}.").format(
                    code=voucher.code, day=voucher.expires_on.isoformat()))
        now = to_iso(utcnow())
        updated = db.execute(
            "UPDATE vouchers SET redeemed_at = ?, redeemed_by = ? "
            "WHERE id = ? AND redeemed_at IS NULL",
            [now, staff_id, voucher.id],
        ).rowcount
        if updated != 1:  # cannot happen under the write lock; be safe anyway
            raise VoucherAlreadyUsed(_("Voucher {code} was already used.").format(
                code=voucher.code))
        audit.append(db, "voucher.redeemed", staff_id, "voucher", voucher.id, {
            "code": voucher.code, "value_minor": voucher.value_minor, "console_id": console_id,
        })
    return get_voucher(db, voucher.id)
