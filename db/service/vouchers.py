"""Vouchers for a next visit: a unique code, a value, an expiry; redeemable once.

Codes use 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
``XXXX-XXXX``; typing is forgiving (case, spaces and dashes are ignored). Issue and
redemption are audited and each consumes a single-use approval (`db.security.approvals`): issuing
needs a supervisor (within their limit) or a manager, redeeming the PIN of the member of
staff who takes the voucher. Vouchers for a complaint are issued by
`db.service.compensation.authorise`, inside the authorisation's transaction and approval.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from sqlite_utils import Database

from db.clock import from_iso, local_date, to_iso, today_local, utcnow
from db.errors import NotFound, UserError, ValidationError
from db.i18n import _
from db.security import audit
from db.security.approvals import Approval, consume, grant, subject
from db.service.models import MAX_AMOUNT_MINOR, Voucher
from db.settings import load_settings
from db.shops import check_voucher_shop, shop_of
from db.store import changes
from db.tills import till_of

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
        issued_by=r[7], redeemed_at=from_iso(r[8]), redeemed_by=r[9], till=r[10] or "",
        redeemed_till=r[11] or "", shop_id=int(r[12]),
    )


_SELECT = ("SELECT id, code, value_minor, expires_on, customer_id, complaint_id, issued_at, "
           "issued_by, redeemed_at, redeemed_by, till, redeemed_till, shop_id FROM vouchers")


def validate_voucher(value_minor: int, expires_on: date, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    if value_minor <= 0:
        problems["amount"] = _("A voucher needs a value above zero.")
    elif value_minor > MAX_AMOUNT_MINOR:
        problems["amount"] = _("This amount is beyond any limit. Check the number.")
    if expires_on < today:
        problems["expires_on"] = _("The expiry date is in the past.")
    return problems


def issue_subject(customer_id: int | None, complaint_id: int | None) -> str:
    """What an approval to issue a voucher names: the complaint, else the customer."""
    if complaint_id is not None:
        return subject("complaint", complaint_id)
    return subject("customer", customer_id if customer_id is not None else "none")


def issue(
    db: Database, approval: Approval | None, *, value_minor: int, expires_on: date,
    customer_id: int | None = None, complaint_id: int | None = None,
) -> Voucher:
    """Create a voucher with a fresh code, consuming a "voucher.issue" approval for this
    value and subject (see `issue_subject`): a supervisor within their limit or a manager.
    """
    today = today_local(load_settings(db).timezone)
    problems = validate_voucher(value_minor, expires_on, today)
    if problems:
        raise ValidationError(problems)
    with audit.immediate(db):
        who = consume(db, approval, action="voucher.issue",
                      subject=issue_subject(customer_id, complaint_id), amount_minor=value_minor)
        assert approval is not None
        voucher_id = _insert_voucher(db, value_minor=value_minor, expires_on=expires_on,
                                     issued_by=who.id, customer_id=customer_id,
                                     complaint_id=complaint_id, approval_id=approval.id)
    return get_voucher(db, voucher_id)


def _insert_voucher(
    db: Database, *, value_minor: int, expires_on: date, issued_by: int,
    customer_id: int | None, complaint_id: int | None, approval_id: int,
) -> int:
    """Internal: the insert and its audit entry, inside a transaction whose approval was
    consumed (`issue`, or `db.service.compensation` approving a voucher line)."""
    code = new_code(db)
    cur = db.execute(
        "INSERT INTO vouchers(code, value_minor, expires_on, customer_id, complaint_id, "
        "issued_at, issued_by, till, shop_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [code, value_minor, expires_on.isoformat(), customer_id, complaint_id,
         to_iso(utcnow()), issued_by, till_of(db), shop_of(db)],
    )
    voucher_id = int(cur.lastrowid or 0)
    audit.append(db, "voucher.issued", issued_by, "voucher", voucher_id, {
        "code": code, "value_minor": value_minor, "expires_on": expires_on.isoformat(),
        "customer_id": customer_id, "complaint_id": complaint_id, "approval_id": approval_id,
    })
    changes.record_all(db, [(changes.VOUCHER, voucher_id)]
                       + ([(changes.CUSTOMER, customer_id)] if customer_id else []))
    return voucher_id


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


def _check_usable(voucher: Voucher, timezone: str) -> None:
    if voucher.redeemed_at is not None:
        raise VoucherAlreadyUsed(
            _("Voucher {code} was already used on {when}.").format(
                code=voucher.code,
                when=local_date(voucher.redeemed_at, timezone).isoformat()))
    if voucher.expires_on < today_local(timezone):
        raise VoucherExpired(
            _("Voucher {code} expired on {day}.").format(
                code=voucher.code, day=voucher.expires_on.isoformat()))


def redeem_subject(voucher: Voucher) -> str:
    return subject("voucher", voucher.id)


def redeem_with_pin(db: Database, code: str, pin: str, console_id: str) -> Voucher:
    """Redeem by the member of staff whose PIN this is (anyone active may take a voucher).

    Unknown, expired or already used codes are refused before the PIN is checked, so a
    typo in the code costs no PIN attempt.
    """
    voucher = find_voucher(db, code)
    _check_usable(voucher, load_settings(db).timezone)
    check_voucher_shop(db, voucher.shop_id)
    approval = grant(db, pin, console_id, action="voucher.redeem",
                     subject=redeem_subject(voucher), amount_minor=voucher.value_minor)
    return redeem(db, code, approval, console_id=console_id)


def redeem(db: Database, code: str, approval: Approval | None, *,
           console_id: str = "") -> Voucher:
    """Mark a voucher used, consuming a "voucher.redeem" approval for it (who takes it).

    Unknown, expired or already used codes are refused clearly; "already used on" gives the
    shop's local date. A voucher of another shop is refused (`db.shops.WrongShop`) unless
    the company setting `vouchers_any_shop` allows it.
    """
    normal = normalise_code(code)
    timezone = load_settings(db).timezone
    with audit.immediate(db):
        voucher = find_voucher(db, normal)
        _check_usable(voucher, timezone)
        check_voucher_shop(db, voucher.shop_id)
        staff = consume(db, approval, action="voucher.redeem",
                        subject=redeem_subject(voucher), amount_minor=voucher.value_minor)
        now = to_iso(utcnow())
        updated = db.execute(
            "UPDATE vouchers SET redeemed_at = ?, redeemed_by = ?, redeemed_till = ? "
            "WHERE id = ? AND redeemed_at IS NULL",
            [now, staff.id, till_of(db), voucher.id],
        ).rowcount
        if updated != 1:  # cannot happen under the write lock; be safe anyway
            raise VoucherAlreadyUsed(_("Voucher {code} was already used.").format(
                code=voucher.code))
        audit.append(db, "voucher.redeemed", staff.id, "voucher", voucher.id, {
            "code": voucher.code, "value_minor": voucher.value_minor, "console_id": console_id,
            "approval_id": approval.id if approval is not None else None,
        })
        changes.record_all(db, [(changes.VOUCHER, voucher.id)] + (
            [(changes.CUSTOMER, voucher.customer_id)] if voucher.customer_id else []))
    return get_voucher(db, voucher.id)
