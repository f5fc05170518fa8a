"""Letters to customers: gather what a letter says from the database, and keep what was sent.

`prepare_letter` reads the customer, the complaint (cause, problem, resolution), its approved
voucher and who authorised it, and fills the template of the customer's language into a
`reports.letters.LetterData`. Staff may edit its body; `record_letter` then keeps the body and
the exact PDF bytes that were printed or saved, so `letter_pdf` reprints it identically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Literal

from sqlite_utils import Database

from db.clock import from_iso, to_iso, today_local, utcnow
from db.customers.records import get_customer
from db.errors import NotFound, UserError, ValidationError
from db.i18n import _
from db.models import Customer, ShopSettings
from db.security.staff import get_staff
from db.settings import load_settings
from db.store import changes
from db.store.connection import write
from db.text import clean_text
from db.tills import till_of
from reports.letter_templates import (
    KINDS,
    THANK_YOU_REASONS,
    LetterData,
    LetterFacts,
    RemedyInfo,
    VoucherInfo,
    compose,
    normalise_language,
    role_title,
    team_signer,
)

LetterKind = Literal["apology", "thank-you", "birthday"]


# A "you helped us improve" thank-you is for a complaint that is settled: not "open", and not
# "promised" (a promise with a due time is still outstanding).
RESOLVED_STATUSES: tuple[str, ...] = ("resolved", "closed")


class LetterNotPossible(UserError):
    """The kind of letter does not fit what was chosen (an apology without a complaint)."""


@dataclass(frozen=True)
class LetterRecord:
    """A letter that was printed or saved, as listed on the customer's profile."""

    id: int
    kind: str
    customer_id: int | None
    complaint_id: int | None
    language: str
    body: str
    created_by: int | None
    created_by_name: str
    created_at: datetime
    pdf_size: int
    till: str = ""  # the till it was printed or saved at


class VoucherNotUsable(LetterNotPossible):
    """The voucher chosen for the letter expired, was redeemed or was cancelled."""


def _voucher_status(v: Any, day: date) -> str:
    """'' when the voucher may be enclosed; else why not, in one sentence."""
    cancelled = getattr(v, "cancelled_at", None) or getattr(v, "status", "") == "cancelled"
    if cancelled:
        return _("Voucher {code} was cancelled and cannot be enclosed.").format(code=v.code)
    if v.redeemed_at is not None:
        return _("Voucher {code} was already redeemed on {date} and cannot be enclosed."
                 ).format(code=v.code, date=v.redeemed_at.date().isoformat())
    if v.expires_on < day:
        return _("Voucher {code} expired on {date} and cannot be enclosed.").format(
            code=v.code, date=v.expires_on.isoformat())
    return ""


def _voucher_info(db: Database, voucher_id: int, customer_id: int | None,
                  day: date) -> VoucherInfo:
    """The voucher to enclose; refused (VoucherNotUsable) when it is no longer valid."""
    from db.service.vouchers import get_voucher

    v = get_voucher(db, voucher_id)
    if v.customer_id is not None and v.customer_id != customer_id:
        raise LetterNotPossible(_("Voucher {code} belongs to another customer.").format(
            code=v.code))
    why = _voucher_status(v, day)
    if why:
        # Only why: the screen then offers "no voucher or a valid one" in its voucher box,
        # and `counterpart letter` adds its own options (--no-voucher).
        raise VoucherNotUsable(why)
    return VoucherInfo(code=v.code, value_minor=v.value_minor, expires_on=v.expires_on)


def offer_vouchers(db: Database, customer_id: int, today: date | None = None) -> list[Any]:
    """The customer's vouchers a letter may carry: not used and not expired, newest first."""
    from db.service.vouchers import vouchers_for_customer

    day = today or today_local(load_settings(db).timezone)
    return [v for v in vouchers_for_customer(db, customer_id) if not _voucher_status(v, day)]


def _complaint_voucher(complaint: Any) -> int | None:
    """The approved voucher of a complaint (the last one approved, if several)."""
    ids = [line.voucher_id for line in complaint.lines
           if line.status == "approved" and line.kind == "voucher" and line.voucher_id]
    return ids[-1] if ids else None


def _signer(db: Database, lang: str, settings: ShopSettings, complaint: Any | None,
            signer_id: int | None) -> tuple[str, str]:
    """Name and role of a named, responsible person: the letters speak in the first person.

    An explicit signer, else who authorised the remedy, else the shop's manager (the
    longest-serving active one), else who took the complaint; the shop team only when the
    shop has no staff at all.
    """
    if signer_id is not None:
        staff = get_staff(db, signer_id)
        return staff.name, role_title(lang, staff.role)
    if complaint is not None:
        approved = [a for a in complaint.authorisations if a.decision == "approved"]
        if approved:
            last = approved[-1]
            return last.decided_by_name, role_title(lang, last.decided_by_role)
    row = db.execute(
        "SELECT name, role FROM staff WHERE active = 1 AND role = 'manager' ORDER BY id LIMIT 1"
    ).fetchone()
    if row is not None:
        return str(row[0]), role_title(lang, str(row[1]))
    if complaint is not None:
        taker = get_staff(db, complaint.taken_by)
        return taker.name, role_title(lang, taker.role)
    return team_signer(lang, settings.shop_name), ""


def signer_contact(settings: ShopSettings) -> str:
    """How to reach the signer: the shop's phone and e-mail on one line."""
    return "  ·  ".join(x for x in (settings.phone.strip(), settings.email.strip()) if x)


def first_visit_year(db: Database, customer: Customer, timezone: str) -> int | None:
    """The year of the customer's first recorded visit, not of the record: the earlier of
    the first purchase and the first visit another system knew (customers.first_visit_at,
    kept by an import).

    None when neither is recorded (an imported visit count alone): the letter then leaves
    the year out rather than name the year of the import.
    """
    from db.clock import local_date

    row = db.execute(
        "SELECT (SELECT min(purchased_at) FROM purchases WHERE customer_id = ?), "
        "(SELECT first_visit_at FROM customers WHERE id = ?)",
        [customer.id, customer.id]).fetchone()
    moments = [m for m in (from_iso(row[0]), from_iso(row[1])) if m is not None] if row else []
    return local_date(min(moments), timezone).year if moments else None


def favourite_item(db: Database, customer_id: int) -> str:
    """The item the customer has bought most ('' when none)."""
    row = db.execute(
        "SELECT name FROM customer_items WHERE customer_id = ? AND quantity > 0 "
        "ORDER BY quantity DESC, name LIMIT 1", [customer_id]).fetchone()
    return str(row[0]) if row else ""


def _remedies(db: Database, complaint: Any) -> tuple[RemedyInfo, ...]:
    """The complaint's approved remedies, each with its product's name and its value."""
    out: list[RemedyInfo] = []
    for line in complaint.lines:
        if line.status != "approved":
            continue
        item = ""
        if line.product_id is not None:
            row = db.execute("SELECT name FROM products WHERE id = ?",
                             [line.product_id]).fetchone()
            item = str(row[0]) if row else ""
        expires = line.expires_on
        code = line.voucher_code or ""
        if line.kind == "voucher" and line.voucher_id is not None:
            from db.service.vouchers import get_voucher

            v = get_voucher(db, line.voucher_id)
            code, expires = v.code, v.expires_on
        out.append(RemedyInfo(kind=line.kind, value_minor=line.value_minor, item=item,
                              percent=line.percent, code=code, expires_on=expires))
    return tuple(out)


def prepare_letter(
    db: Database,
    kind: str,
    *,
    customer_id: int | None = None,
    complaint_id: int | None = None,
    language: str | None = None,
    reason: str | None = None,
    voucher_id: int | None = None,
    with_voucher: bool = True,
    signer_id: int | None = None,
    today: date | None = None,
) -> LetterData:
    """Everything one letter needs, worded from the templates in the customer's language.

    An apology needs a complaint. A thank-you from a complaint thanks for the compliment (or,
    for a complaint, for helping us improve: only once it is resolved or closed); from a
    customer alone it thanks a loyal customer, which needs at least one recorded visit.
    The voucher is the complaint's approved voucher unless `voucher_id` names another of the
    customer's; `with_voucher=False` leaves it out. The signer is `signer_id`, else the
    person who authorised the remedy, else the shop team. Raises NotFound for unknown ids
    and LetterNotPossible when the kind does not fit.
    """
    if kind not in KINDS:
        raise ValidationError({"kind": _("Choose apology, thank-you or birthday.")})
    if reason is not None and reason not in THANK_YOU_REASONS:
        raise ValidationError({"reason": _("Choose loyal, compliment, resolved or suggestion.")})
    if customer_id is None and complaint_id is None:
        raise LetterNotPossible(_("Choose a customer or a complaint for the letter."))
    settings = load_settings(db)
    complaint = None
    if complaint_id is not None:
        from db.service.complaints import get_complaint

        complaint = get_complaint(db, complaint_id)
        if customer_id is not None and complaint.customer_id not in (None, customer_id):
            raise LetterNotPossible(
                _("Complaint {complaint} belongs to another customer.").format(
                    complaint=complaint_id)
            )
        customer_id = complaint.customer_id if complaint.customer_id is not None else customer_id
    customer = get_customer(db, customer_id) if customer_id is not None else None
    if kind == "apology":
        if complaint is None:
            raise LetterNotPossible(_(
                "An apology letter needs a complaint. Choose the complaint it is about."))
        if complaint.kind != "complaint":
            raise LetterNotPossible(_(
                "Entry {id} is a {kind}, not a complaint; write a thank-you letter instead."
            ).format(id=complaint.id, kind=_(complaint.kind)))
    if kind == "thank-you" and reason is None:
        if complaint is None:
            reason = "loyal"
        else:
            reason = {"compliment": "compliment", "suggestion": "suggestion"}.get(
                complaint.kind, "resolved")
    if (kind == "thank-you" and reason == "resolved" and complaint is not None
            and complaint.status not in RESOLVED_STATUSES):
        if complaint.status == "promised":
            raise LetterNotPossible(_(
                "Complaint {id} still has a promise to keep. Thank the customer for helping us "
                "improve once the promise is kept and the complaint is resolved or closed."
            ).format(id=complaint.id))
        raise LetterNotPossible(_(
            "Complaint {id} is still open. Thank the customer for helping us improve once it "
            "is resolved.").format(id=complaint.id))
    if kind == "thank-you" and reason == "loyal" and (customer is None or customer.visits < 1):
        # Refused rather than reworded: "you have visited us 0 times" is not a thank-you, and
        # a loyal-customer letter to someone who has never bought anything reads as a mistake.
        raise LetterNotPossible(_(
            "{name} has no recorded visits yet, so a thank-you for being a loyal customer "
            "does not fit. Choose another letter, or write it after their first visit."
        ).format(name=customer.name if customer else _("This customer")))
    if kind == "birthday" and customer is None:
        raise LetterNotPossible(_("A birthday letter needs a customer, not a walk-in."))
    if kind == "birthday" and customer is not None and not customer.consent_contact:
        raise LetterNotPossible(_(
            "{name} has not agreed to be contacted, so no birthday letter can be sent. Ask "
            "them and record their consent on their profile first.").format(name=customer.name))
    name = customer.name if customer else (complaint.customer_name if complaint else "")
    if not name.strip():
        raise LetterNotPossible(_("The letter needs the customer's name."))
    lang = normalise_language(
        language or (customer.language if customer else settings.report_language))
    if voucher_id is None and complaint is not None:
        voucher_id = _complaint_voucher(complaint)
    letter_date = today or today_local(settings.timezone)
    voucher = None
    if with_voucher and voucher_id is not None:
        voucher = _voucher_info(db, voucher_id, customer.id if customer else None, letter_date)
    staff_name = ""
    if complaint is not None and complaint.about_staff_id and complaint.kind == "compliment":
        try:
            staff_name = get_staff(db, complaint.about_staff_id).name
        except NotFound:
            staff_name = ""
    facts = LetterFacts(
        customer_name=name,
        shop_name=settings.shop_name,
        currency=settings.currency,
        phone=settings.phone,
        email=settings.email,
        visit_date=complaint.local_date if complaint else None,
        cause=complaint.cause if complaint else "",
        real_cause=(complaint.real_cause or "") if complaint else "",
        letter_words=complaint.letter_words if complaint else "",
        prevention=complaint.prevention if complaint else "",
        remedies=_remedies(db, complaint) if complaint else (),
        staff_name=staff_name,
        since_year=first_visit_year(db, customer, settings.timezone) if customer else None,
        visits=customer.visits if customer else 0,
        favourite=favourite_item(db, customer.id) if customer else "",
        voucher=voucher,
        form_of_address=customer.form_of_address if customer else "",
    )
    text = compose(kind, lang, facts, reason)
    signer_name, signer_role = _signer(db, lang, settings, complaint, signer_id)
    return LetterData(
        kind=kind,
        language=lang,
        shop=settings,
        customer_name=name,
        letter_date=letter_date,
        subject=text.subject,
        body=text.body,
        closing=text.closing,
        signer_name=signer_name,
        signer_role=signer_role,
        customer_no=customer.customer_no if customer else "",
        complaint_id=complaint.id if complaint else None,
        complaint_date=complaint.local_date if complaint else None,
        complaint_kind=complaint.kind if complaint else "complaint",
        voucher=voucher,
        reason=reason or "",
        customer_id=customer.id if customer else None,
        signer_contact=signer_contact(settings),
        notes=_notes(kind, reason, complaint),
    )


def _notes(kind: str, reason: str | None, complaint: Any | None) -> tuple[str, ...]:
    """What the preview tells the person: which parts were worded by default."""
    if complaint is None or complaint.kind != "complaint":
        return ()
    notes: list[str] = []
    if kind == "apology" and not complaint.letter_words.strip():
        notes.append(_(
            "Nothing was written for the customer on the complaint form, so the letter says "
            "what happened with the cause's own sentence. Write “Words for the letter” on the "
            "complaint form, or edit the text here."))
    if (kind == "apology" or reason == "resolved") and not complaint.prevention.strip():
        notes.append(_(
            "No change was recorded on the complaint form, so “what we change” is the usual "
            "sentence for the cause. Record “What we change so it does not happen again”, or "
            "edit the text here."))
    return tuple(notes)


def with_body(data: LetterData, body: str) -> LetterData:
    """The letter with the staff member's edited body (what is printed and kept)."""
    if not body.strip():
        raise ValidationError({"body": _("The letter has no text.")})
    return replace(data, body=body)


def render(data: LetterData) -> bytes:
    from reports.letters import build_letter_pdf

    return build_letter_pdf(replace(data, body=clean_text(data.body)))


_SELECT = (
    "SELECT l.id, l.kind, l.customer_id, l.complaint_id, l.language, l.body, l.created_by, "
    "coalesce(s.name, ''), l.created_at, length(l.pdf), l.till FROM letters l "
    "LEFT JOIN staff s ON s.id = l.created_by"
)


def _record(r: Any) -> LetterRecord:
    return LetterRecord(
        id=r[0], kind=r[1], customer_id=r[2], complaint_id=r[3], language=r[4], body=r[5],
        created_by=r[6], created_by_name=r[7], created_at=from_iso(r[8]) or utcnow(),
        pdf_size=r[9] or 0, till=r[10] or "",
    )


def record_letter(
    db: Database, data: LetterData, pdf: bytes, *, created_by: int | None = None
) -> LetterRecord:
    """Keep a printed or saved letter: its kind, customer, complaint, language, body and PDF."""
    if not pdf.startswith(b"%PDF"):
        raise ValueError("not a PDF")
    with write(db):
        cur = db.execute(
            "INSERT INTO letters(kind, customer_id, complaint_id, language, body, pdf, "
            "created_by, created_at, till) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [data.kind, data.customer_id, data.complaint_id, data.language,
             clean_text(data.body), pdf,
             created_by, to_iso(utcnow()), till_of(db)],
        )
        changes.record_all(db, [(changes.LETTER, int(cur.lastrowid or 0))] + (
            [(changes.CUSTOMER, data.customer_id)] if data.customer_id else []))
    return get_letter(db, int(cur.lastrowid or 0))


def get_letter(db: Database, letter_id: int) -> LetterRecord:
    r = db.execute(_SELECT + " WHERE l.id = ?", [letter_id]).fetchone()
    if r is None:
        raise NotFound(_("There is no letter with id {id}.").format(id=letter_id))
    return _record(r)


def list_letters(db: Database, customer_id: int) -> list[LetterRecord]:
    """A customer's letters, newest first (for the profile)."""
    return [_record(r) for r in db.execute(
        _SELECT + " WHERE l.customer_id = ? ORDER BY l.created_at DESC, l.id DESC",
        [customer_id])]


def letter_pdf(db: Database, letter_id: int) -> bytes:
    """The stored PDF of a letter, byte for byte, to reprint it exactly as it was sent."""
    r = db.execute("SELECT pdf FROM letters WHERE id = ?", [letter_id]).fetchone()
    if r is None:
        raise NotFound(_("There is no letter with id {id}.").format(id=letter_id))
    if r[0] is None:
        raise NotFound(_("Letter {id} was kept without its PDF.").format(id=letter_id))
    return bytes(r[0])


def birthday_customers(db: Database, start: date, days: int = 7) -> list[int]:
    """Consenting customers whose birthday falls in start .. start + days - 1."""
    from db.customers.records import birthdays_between

    return [e.customer_id for e in birthdays_between(db, start, days, consenting_only=True)]


def week_start(day: date) -> date:
    """Monday of the week `day` is in ("this week's birthdays")."""
    from datetime import timedelta

    return day - timedelta(days=day.weekday())


class BatchCancelled(UserError):
    """The person stopped a batch before it finished; nothing was recorded."""


@dataclass(frozen=True)
class PreparedLetter:
    """A letter ready to print: its data and its own PDF (kept when it is printed)."""

    data: LetterData
    pdf: bytes


def birthday_batch(
    db: Database,
    customer_ids: Sequence[int],
    *,
    language: str | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[PreparedLetter], bytes]:
    """Birthday letters for `customer_ids`: each one's own PDF, and all of them in one PDF.

    `progress(done, total)` reports each step (total = twice the letters: each letter, then
    the combined document); `cancelled()` is polled between letters and raises
    BatchCancelled. Nothing is recorded here: call `record_letters` once they are printed.
    """
    from reports.letters import build_letters_pdf

    total = 2 * len(customer_ids)
    prepared: list[PreparedLetter] = []
    for i, customer_id in enumerate(customer_ids):
        if cancelled is not None and cancelled():
            raise BatchCancelled(_("The batch was stopped; no letters were kept."))
        data = prepare_letter(db, "birthday", customer_id=customer_id, language=language,
                              today=today)
        prepared.append(PreparedLetter(data, render(data)))
        if progress is not None:
            progress(i + 1, total)
    if not prepared:
        raise LetterNotPossible(_("There are no birthdays to write to."))
    n = len(prepared)

    def combined_progress(done: int, _total: int) -> None:
        if progress is not None:
            progress(n + done, total)

    combined = build_letters_pdf([p.data for p in prepared], progress=combined_progress)
    return prepared, combined


def record_letters(
    db: Database, letters: Sequence[PreparedLetter], *, created_by: int | None = None
) -> list[LetterRecord]:
    """Record printed letters (a batch) in one transaction: all of them or none."""
    ids: list[int] = []
    now = to_iso(utcnow())
    with write(db):
        for item in letters:
            d = item.data
            cur = db.execute(
                "INSERT INTO letters(kind, customer_id, complaint_id, language, body, pdf, "
                "created_by, created_at, till) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [d.kind, d.customer_id, d.complaint_id, d.language, clean_text(d.body), item.pdf,
                 created_by, now, till_of(db)],
            )
            ids.append(int(cur.lastrowid or 0))
        changes.record_all(db, [(changes.LETTER, letter_id) for letter_id in ids] + [
            (changes.CUSTOMER, item.data.customer_id) for item in letters
            if item.data.customer_id])
    return [get_letter(db, i) for i in ids]
