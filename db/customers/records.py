"""Customers: validation, create and edit, search, the profile and birthdays."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.customers import search_index, tiers
from db.customers.allergens import CODES as ALLERGEN_CODES
from db.customers.allergens import split_allergies
from db.customers.birthdays import days_until, is_valid_month_day, next_occurrence, occurrence
from db.customers.phones import phone_variants, shop_region
from db.customers.search import SEARCH_LIMIT, search_customers
from db.errors import EditConflict, NotFound, ValidationError
from db.i18n import _
from db.models import (
    LANGUAGES,
    PERSONALITIES,
    BirthdayEntry,
    Customer,
    CustomerInput,
    CustomerProfile,
    FamilyDate,
    FavouriteItem,
    SearchHit,
)
from db.store import changes, edit_conflicts
from db.store.connection import write
from db.text import clean_fields, digits, fold
from db.tills import till_of

MAX_NAME = 200
MAX_PREFERENCES = 2000
MAX_TAG = 100
MAX_ADDRESS = 100  # a form of address: "Ms Williams", "王小姐"
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]{2,}$")
_PHONE_CHARS = re.compile(r"^[0-9 +\-().]+$")


# ---------------------------------------------------------------- validation


def validate(data: CustomerInput, today: date | None = None, *,
             cleaned: bool = False) -> CustomerInput:
    """Return a cleaned copy or raise ValidationError naming each bad field.

    `cleaned`: every text in `data` already went through db.text.clean_text (an import
    cleans each cell as it reads it), so the walk over the record is skipped.
    """
    today = today or utcnow().date()
    if not cleaned:
        data = clean_fields(data)  # no control characters or bidi overrides in any field
    problems: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        problems["name"] = _("A name is required.")
    elif len(name) > MAX_NAME:
        problems["name"] = _("At most {n} characters.").format(n=MAX_NAME)
    phone = data.phone.strip()
    if phone:
        if not _PHONE_CHARS.match(phone):
            problems["phone"] = _("Digits, spaces, +, - and brackets only.")
        elif not 6 <= len(digits(phone)) <= 15:
            problems["phone"] = _("A phone number has 6 to 15 digits.")
    email = data.email.strip()
    if email and (len(email) > 254 or not _EMAIL.match(email)):
        problems["email"] = _("This does not look like an email address.")
    if data.language not in LANGUAGES:
        problems["language"] = _("Choose one of the listed languages.")
    month, day, year = data.birth_month, data.birth_day, data.birth_year
    if (month is None) != (day is None):
        problems["birthday"] = _("Give both month and day, or neither.")
    elif month is not None and day is not None:
        if not is_valid_month_day(month, day):
            problems["birthday"] = _("There is no such day in that month.")
        elif year is not None:
            if year < 1900:
                problems["birthday"] = _("The year must be 1900 or later.")
            else:
                try:
                    born = date(year, month, day)
                except ValueError:
                    problems["birthday"] = _("{year} has no 29 February.").format(year=year)
                else:
                    if born > today:
                        problems["birthday"] = _("A birthday cannot be in the future.")
    elif year is not None:
        problems["birthday"] = _("A year alone is not a birthday; add month and day.")
    if data.personality not in (None, "", *PERSONALITIES):
        problems["personality"] = _("Unknown personality type.")
    preferences = data.preferences.strip()
    if len(preferences) > MAX_PREFERENCES:
        problems["preferences"] = _("At most {n} characters.").format(n=MAX_PREFERENCES)
    unknown = [c for c in data.allergens if c not in ALLERGEN_CODES]
    if unknown:
        problems["allergies"] = _("Unknown allergen code: {codes}").format(
            codes=", ".join(unknown))
    # Free text that names one of the 14 ("peanuts", "maapähkinä", "花生") becomes its code.
    allergens, allergies = split_allergies(_clean_list(data.allergies), data.allergens)
    tags = _clean_list(data.tags)
    if any(len(t) > MAX_TAG for t in allergies):
        problems["allergies"] = _("Each entry at most {n} characters.").format(n=MAX_TAG)
    if any(len(t) > MAX_TAG for t in tags):
        problems["tags"] = _("Each entry at most {n} characters.").format(n=MAX_TAG)
    for fd in data.family_dates:
        if not fd.label.strip() or not is_valid_month_day(fd.month, fd.day):
            problems["family_dates"] = _("Each family date needs a label and a valid day.")
    if data.external_id is not None and len(data.external_id) > 100:
        problems["external_id"] = _("At most 100 characters.")
    form_of_address = " ".join(data.form_of_address.split())
    if len(form_of_address) > MAX_ADDRESS:
        problems["form_of_address"] = _("At most {n} characters.").format(n=MAX_ADDRESS)
    if problems:
        raise ValidationError(problems)
    return CustomerInput(
        name=name,
        phone=phone,
        email=email,
        language=data.language,
        birth_month=month,
        birth_day=day,
        birth_year=year,
        allergies=allergies,
        preferences=preferences,
        tags=tags,
        family_dates=list(data.family_dates),
        consent_contact=bool(data.consent_contact),
        personality=data.personality or None,
        external_id=(data.external_id or None),
        form_of_address=form_of_address,
        allergens=allergens,
    )


def _clean_list(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        text = " ".join(item.split())
        if text and text not in seen:
            seen.append(text)
    return seen


def customers_with_phone(
    db: Database, phone: str, exclude_id: int | None = None
) -> list[SearchHit]:
    """Others with the same number, written locally or internationally (07700 900123 and
    +44 7700 900123 are one number in a UK shop): the form warns, it does not refuse."""
    keys = list(phone_variants(phone, shop_region(db)))
    if not keys:
        return []
    marks = ", ".join("?" for _ in keys)
    cur = db.execute(
        f"SELECT * FROM customers WHERE phone_digits IN ({marks}) AND id IS NOT ? LIMIT 10",
        [*keys, exclude_id],
    )
    names = _names(cur)
    return [_hit(dict(zip(names, r, strict=True))) for r in cur.fetchall()]


# ---------------------------------------------------------------- writes


def _columns(data: CustomerInput) -> dict[str, Any]:
    return {
        "name": data.name,
        "phone": data.phone,
        "phone_digits": digits(data.phone),
        "email": data.email,
        "language": data.language,
        "birth_month": data.birth_month,
        "birth_day": data.birth_day,
        "birth_year": data.birth_year,
        "allergies": json.dumps(data.allergies, ensure_ascii=False),
        "allergens": json.dumps(data.allergens),
        "preferences": data.preferences,
        "tags": json.dumps(data.tags, ensure_ascii=False),
        "family_dates": json.dumps(
            [{"label": f.label, "month": f.month, "day": f.day} for f in data.family_dates],
            ensure_ascii=False,
        ),
        "consent_contact": int(data.consent_contact),
        "personality": data.personality,
        "external_id": data.external_id,
        "form_of_address": data.form_of_address,
    }


def create_customer(db: Database, data: CustomerInput, *, by: int | None = None,
                    method: str = "counter", consents: Mapping[str, bool] | None = None,
                    client_key: str | None = None) -> Customer:
    """Save a new customer; the consents given are recorded with who (`by`) and how.

    `client_key` (made once per new customer by the form): when a customer was saved with
    it already (a retry of a save whose answer was lost with the server's connection), that
    customer is returned and nothing is written again."""
    from db.customers.personal_data import log_consents

    clean = validate(data)
    now = to_iso(utcnow())
    with write(db):
        if client_key:
            saved = db.execute("SELECT id FROM customers WHERE client_key = ?",
                               [client_key]).fetchone()
            if saved is not None:
                return get_customer(db, int(saved[0]))
        new_id = db.execute("SELECT coalesce(max(id), 0) + 1 FROM customers").fetchone()[0]
        values = _columns(clean) | {
            "id": new_id,
            "customer_no": customer_number(new_id),
            "created_at": now,
            "updated_at": now,
        }
        if client_key:
            values["client_key"] = client_key
        _insert(db, values)
        search_index.index_customer(
            db, search_index.key_for_score(new_id, None), clean.name, clean.phone,
            values["customer_no"], clean.email, shop_region(db))
        log_consents(db, new_id, {"contact": clean.consent_contact, **(consents or {})},
                     by=by, method=method)
        changes.record(db, changes.CUSTOMER, new_id)
    return get_customer(db, new_id)


def _insert(db: Database, values: dict[str, Any]) -> None:
    cols = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    db.execute(f"INSERT INTO customers ({cols}) VALUES ({marks})", list(values.values()))


def customer_number(customer_id: int) -> str:
    return f"C{customer_id:06d}"


def update_customer(db: Database, customer_id: int, data: CustomerInput, *,
                    by: int | None = None, method: str = "counter",
                    consents: Mapping[str, bool] | None = None,
                    expected_version: int | None = None) -> Customer:
    """Save changes; a changed consent is recorded with who (`by`) and how.

    `expected_version` is the `Customer.version` the form was filled from: when the profile
    was saved since (at another till), EditConflict names who, where and when, and nothing
    is written (compare-and-set in the write transaction). None skips the check. Each save
    adds one to the version and records `by` and this till as the last editor.
    """
    from db.customers.personal_data import log_consents

    clean = validate(data)
    existing = get_customer(db, customer_id)
    values = _columns(clean) | {"updated_at": to_iso(utcnow()), "updated_by": by,
                                "updated_till": till_of(db)}
    with write(db):
        sets = ", ".join(f"{k} = ?" for k in values)
        check = "" if expected_version is None else " AND version = ?"
        params = [*values.values(), customer_id]
        if expected_version is not None:
            params.append(expected_version)
        cur = db.execute(f"UPDATE customers SET {sets}, version = version + 1 "
                         f"WHERE id = ?{check}", params)
        if cur.rowcount != 1:
            if _already_saved(db, customer_id, values):
                return get_customer(db, customer_id)  # a retry of our own save: nothing to do
            raise _edit_conflict(db, customer_id)
        key = search_index.current_key(db, customer_id)
        assert key is not None  # get_customer found the row
        search_index.unindex_customer(db, key)
        search_index.index_customer(db, key, clean.name, clean.phone, existing.customer_no,
                                    clean.email, shop_region(db))
        log_consents(db, customer_id, {"contact": clean.consent_contact, **(consents or {})},
                     by=by, method=method)
        changes.record(db, changes.CUSTOMER, customer_id)
    return get_customer(db, customer_id)


# ---------------------------------------------------------------- reads


def _names(cur: Any) -> list[str]:
    """The column names of a `SELECT *` as the cursor reports them: always this file's
    columns now (a cache keyed by connection went stale when a connection id was reused
    for a database of another schema version)."""
    return [d[0] for d in cur.description]


def _customer(r: dict[str, Any]) -> Customer:
    created = from_iso(r["created_at"])
    assert created is not None
    return Customer(
        id=r["id"],
        customer_no=r["customer_no"],
        name=r["name"],
        phone=r["phone"],
        email=r["email"],
        language=r["language"],
        birth_month=r["birth_month"],
        birth_day=r["birth_day"],
        birth_year=r["birth_year"],
        allergies=tuple(json.loads(r["allergies"])),
        preferences=r["preferences"],
        tags=tuple(json.loads(r["tags"])),
        family_dates=tuple(FamilyDate(**d) for d in json.loads(r["family_dates"])),
        consent_contact=bool(r["consent_contact"]),
        personality=r["personality"],
        tier=r["tier"],
        visits=r["visits"],
        total_spend_minor=r["total_spend_minor"],
        last_visit_at=from_iso(r["last_visit_at"]),
        external_id=r["external_id"],
        created_at=created,
        form_of_address=r.get("form_of_address") or "",
        allergens=tuple(json.loads(r.get("allergens") or "[]")),
        version=int(r.get("version") or 1),
    )


def _hit(r: dict[str, Any]) -> SearchHit:
    return SearchHit(
        id=r["id"],
        customer_no=r["customer_no"],
        name=r["name"],
        phone=r["phone"],
        tier=r["tier"],
        allergens=tuple(json.loads(r.get("allergens") or "[]")),
        allergies=tuple(json.loads(r["allergies"] or "[]")),
        last_visit_at=r["last_visit_at"],
        visits=r["visits"],
    )


def _already_saved(db: Database, customer_id: int, values: dict[str, Any]) -> bool:
    """A profile save refused for its version that this till and person already made with
    the same words (the first answer was lost with the connection): saved, not a conflict."""
    typed = {k: v for k, v in values.items() if k != "updated_at"}
    row = db.execute(f"SELECT {', '.join(typed)} FROM customers WHERE id = ?",
                     [customer_id]).fetchone()
    return row is not None and [("" if v is None and k == "updated_till" else v)
                                for k, v in zip(typed, row, strict=True)] == list(typed.values())


def _edit_conflict(db: Database, customer_id: int) -> EditConflict:
    """A profile edit typed on an older version: who saved since, at which till, when."""
    row = db.execute(
        "SELECT c.version, coalesce(s.name, ''), c.updated_till, c.updated_at, c.name "
        "FROM customers c LEFT JOIN staff s ON s.id = c.updated_by WHERE c.id = ?",
        [customer_id]).fetchone()
    if row is None:
        raise NotFound(_("There is no customer with id {id}.").format(id=customer_id))
    return edit_conflicts.conflict(
        db, customer_id, tuple(row[:4]),
        _("{name} changed {customer}'s profile at till {till} at {when}, after you opened "
          "it."),
        _("{name} changed {customer}'s profile at {when}, after you opened it."),
        customer=str(row[4]))


def get_customer(db: Database, customer_id: int) -> Customer:
    cur = db.execute("SELECT * FROM customers WHERE id = ?", [customer_id])
    row = cur.fetchone()
    if row is None:
        raise NotFound(_("There is no customer with id {id}.").format(id=customer_id))
    return _customer(dict(zip(_names(cur), row, strict=True)))


def get_profile(db: Database, customer_id: int, today: date | None = None) -> CustomerProfile:
    customer = get_customer(db, customer_id)
    today = today or utcnow().date()
    favourites = tuple(
        FavouriteItem(name=r[0], quantity=r[1])
        for r in db.execute(
            # Running totals kept by triggers on purchase_items (see the schema).
            "SELECT name, quantity FROM customer_items WHERE customer_id = ? AND quantity > 0 "
            "ORDER BY quantity DESC, name LIMIT 3",
            [customer_id],
        )
    )
    since = to_iso(utcnow() - timedelta(days=90))
    complaints_90d = db.execute(
        "SELECT count(*) FROM complaints WHERE customer_id = ? AND kind = 'complaint' "
        "AND occurred_at >= ?",
        [customer_id, since],
    ).fetchone()[0]
    compensations_90d, compensation_90d = db.execute(
        "SELECT count(CASE WHEN cp.value_minor > 0 THEN 1 END), "
        "coalesce(sum(cp.value_minor), 0) FROM compensations cp "
        "JOIN complaints c ON c.id = cp.complaint_id "
        "WHERE c.customer_id = ? AND cp.status = 'approved' AND c.occurred_at >= ?",
        [customer_id, since],
    ).fetchone()
    in_days = (
        days_until(customer.birth_month, customer.birth_day, today)
        if customer.birth_month and customer.birth_day
        else None
    )
    return CustomerProfile(
        customer=customer,
        favourites=favourites,
        complaints_90d=complaints_90d,
        compensation_90d_minor=compensation_90d,
        birthday_in_days=in_days,
        compensations_90d=compensations_90d,
    )


def birthdays_between(
    db: Database, start: date, days: int, *, consenting_only: bool = True
) -> list[BirthdayEntry]:
    """Birthdays falling on start .. start + days - 1, soonest first."""
    wanted: dict[tuple[int, int], date] = {}
    for offset in range(days):
        day = start + timedelta(days=offset)
        wanted[(day.month, day.day)] = day
        if day.month == 2 and day.day == 28 and occurrence(2, 29, day.year) == day:
            wanted[(2, 29)] = day
    if not wanted:
        return []
    pairs = ", ".join("(?, ?)" for _ in wanted)
    params: list[int] = [v for pair in wanted for v in pair]
    consent = "AND consent_contact = 1" if consenting_only else ""
    rows = db.execute(
        "SELECT id, customer_no, name, birth_month, birth_day, birth_year FROM customers "
        f"WHERE (birth_month, birth_day) IN (VALUES {pairs}) {consent}",
        params,
    ).fetchall()
    entries = []
    for cid, number, name, month, day, year in rows:
        on = wanted[(month, day)]
        entries.append(
            BirthdayEntry(
                customer_id=cid, customer_no=number, name=name, month=month, day=day, on=on,
                age=(on.year - year) if year else None,
            )
        )
    entries.sort(key=lambda e: (e.on, fold(e.name)))
    return entries


def rerate(db: Database, customer_id: int) -> str:
    """Recompute a customer's tier from their facts (called inside purchase writes)."""
    spend, visits = db.execute(
        "SELECT total_spend_minor, visits FROM customers WHERE id = ?", [customer_id]
    ).fetchone()
    tier = tiers.rate(spend, visits)
    db.execute(
        "UPDATE customers SET tier = ?, tier_rated_at = ? WHERE id = ?",
        [tier, to_iso(utcnow()), customer_id],
    )
    return tier


__all__ = [
    "SEARCH_LIMIT",
    "birthdays_between",
    "create_customer",
    "customers_with_phone",
    "get_customer",
    "get_profile",
    "next_occurrence",
    "search_customers",
    "update_customer",
    "validate",
]
