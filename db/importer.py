"""CSV import of customers and purchases: all or nothing, idempotent, every bad row named.

A file is read whole, every row is checked, and only a file without a single problem is
written, in one transaction. The external id (customers) and the receipt id (purchases)
make a second import of the same file add nothing. Files are UTF-8, with or without a
byte-order mark; the first row names the columns (any order, case-insensitive).

Customers: ``external_id`` and ``name`` required; optional ``phone``, ``email``,
``language`` (en, fi, zh-TW, zh-CN), ``birthday`` (YYYY-MM-DD or MM-DD), ``allergies`` and
``tags`` (separated by ``;``), ``preferences``, ``consent`` (yes/no, 1/0, true/false),
``personality`` (lively, decisive, steady, analytical).

Purchases, one row per item: ``receipt_id`` and ``purchased_at`` (ISO 8601; without a
zone it is the shop's local time) required; ``customer_external_id`` or ``customer_no``
(empty for a walk-in); ``sku`` (a catalogue code) or ``item_name`` with ``unit_price``;
``quantity`` (default 1); ``unit_price`` in major units, e.g. 4.50 (default: the catalogue
price).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from db import customers as customer_api
from db.allergens import codes_for
from db.clock import to_iso, utcnow
from db.connection import write
from db.errors import ImportFailed, ValidationError
from db.i18n import _
from db.models import LANGUAGES, PERSONALITIES, Customer, CustomerInput
from db.purchases import MAX_LINES, MAX_QUANTITY
from db.settings import load_settings
from db.text import clean_text

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): stage is "checking" or "writing"."""

CUSTOMER_COLUMNS: tuple[str, ...] = (
    "external_id", "name", "phone", "email", "language", "birthday", "allergies",
    "preferences", "tags", "consent", "personality",
)
CUSTOMER_REQUIRED: tuple[str, ...] = ("external_id", "name")
PURCHASE_COLUMNS: tuple[str, ...] = (
    "receipt_id", "purchased_at", "customer_external_id", "customer_no", "sku", "item_name",
    "quantity", "unit_price",
)
PURCHASE_REQUIRED: tuple[str, ...] = ("receipt_id", "purchased_at")
MAX_FIELD = 10_000
PROGRESS_EVERY = 1_000
_YES = {"1", "yes", "y", "true", "kyllä", "k", "是"}
_NO = {"", "0", "no", "n", "false", "ei", "否"}


@dataclass(frozen=True)
class ImportResult:
    """What an import did; `unchanged` rows were already there exactly as in the file."""

    rows: int
    added: int
    updated: int
    unchanged: int
    unrecognised_allergies: tuple[tuple[int, str], ...] = ()
    """(line, text) of each allergy that names none of the 14 EU allergens: kept as free
    text. Names in en, fi, zh-TW and zh-CN and common spellings ("peanut", "maapähkinä",
    "花生", "wheat") are stored as allergen codes."""


Row = dict[str, str]


# ------------------------------------------------------------------ reading


def read_csv(
    source: Path | str | bytes, allowed: tuple[str, ...], required: tuple[str, ...]
) -> list[tuple[int, Row]]:
    """(line number, row) pairs; raises ImportFailed for an unreadable file or header."""
    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            [(line, _("the file is not UTF-8 text; save it as CSV UTF-8 and try again"))]
        ) from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(cell.strip() for cell in header):
            raise ImportFailed([(1, _("the file is empty; the first row must name the "
                                      "columns"))])
        names = [clean_text(cell).strip().casefold() for cell in header]
        problems: list[tuple[int, str]] = []
        for name in names:
            if name not in allowed:
                problems.append((1, _("unknown column {name!r}; the columns are: "
                                      "{columns}").format(name=name,
                                                          columns=", ".join(allowed))))
        for name in required:
            if name not in names:
                problems.append((1, _("the column {name!r} is missing").format(name=name)))
        duplicates = {n for n in names if names.count(n) > 1}
        for name in sorted(duplicates):
            problems.append((1, _("the column {name!r} appears twice").format(name=name)))
        if problems:
            raise ImportFailed(problems)
        rows: list[tuple[int, Row]] = []
        start = reader.line_num + 1
        for cells in reader:
            line = start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(names):
                problems.append((line, _("{found} fields where the header has {expected}")
                                 .format(found=len(cells), expected=len(names))))
                continue
            rows.append((line, {n: clean_text(c).strip()  # NUL, controls, bidi: dropped
                                for n, c in zip(names, cells, strict=True)}))
    except csv.Error as exc:
        raise ImportFailed([(reader.line_num, _("the CSV is malformed: {reason}")
                             .format(reason=exc))]) from exc
    if problems:
        raise ImportFailed(problems)
    return rows


def _too_long(row: Row) -> str | None:
    for name, value in row.items():
        if len(value) > MAX_FIELD:
            return _("{column}: at most {n} characters").format(column=name, n=MAX_FIELD)
    return None


def _tick(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
        progress(stage, done, total)


# ------------------------------------------------------------------ customers


def parse_birthday(text: str) -> tuple[int | None, int | None, int | None]:
    """(month, day, year) from YYYY-MM-DD, MM-DD or --MM-DD; all None when empty."""
    text = text.strip()
    if not text:
        return None, None, None
    parts = text.lstrip("-").split("-") if text.startswith("--") else text.split("-")
    try:
        if len(parts) == 3 and len(parts[0]) == 4:
            return int(parts[1]), int(parts[2]), int(parts[0])
        if len(parts) == 2:
            return int(parts[0]), int(parts[1]), None
    except ValueError:
        pass
    raise ValueError(text)


def _split_list(text: str) -> list[str]:
    return [p.strip() for p in text.replace("|", ";").split(";") if p.strip()]


def _language(text: str) -> str:
    wanted = text.strip().replace("_", "-").casefold() or "en"
    for language in LANGUAGES:
        if language.casefold() == wanted:
            return language
    return text


def customer_input(row: Row, base: CustomerInput | None = None) -> CustomerInput:
    """One CSV row as form input; a column the file lacks keeps `base`'s value.

    ValidationError names each field that cannot be read.
    """
    base = base or CustomerInput(name="")
    problems: dict[str, str] = {}
    month, day, year = base.birth_month, base.birth_day, base.birth_year
    if "birthday" in row:
        try:
            month, day, year = parse_birthday(row["birthday"])
        except ValueError:
            problems["birthday"] = _("use YYYY-MM-DD, or MM-DD without a year")
    consent = base.consent_contact
    if "consent" in row:
        consent_text = row["consent"].casefold()
        if consent_text not in _YES | _NO:
            problems["consent"] = _("use yes or no")
        consent = consent_text in _YES
    personality = base.personality
    if "personality" in row:
        personality = row["personality"].casefold() or None
        if personality is not None and personality not in PERSONALITIES:
            problems["personality"] = _("one of {choices}").format(
                choices=", ".join(PERSONALITIES))
    language = base.language
    if "language" in row:
        language = _language(row["language"])
        if language not in LANGUAGES:
            problems["language"] = _("one of {choices}").format(choices=", ".join(LANGUAGES))
    if problems:
        raise ValidationError(problems)
    return CustomerInput(
        name=row.get("name", base.name),
        phone=row.get("phone", base.phone),
        email=row.get("email", base.email),
        language=language,
        birth_month=month,
        birth_day=day,
        birth_year=year,
        allergies=_split_list(row["allergies"]) if "allergies" in row else base.allergies,
        preferences=row.get("preferences", base.preferences),
        tags=_split_list(row["tags"]) if "tags" in row else base.tags,
        family_dates=list(base.family_dates),
        consent_contact=consent,
        personality=personality,
        external_id=row.get("external_id", "") or None,
    )


def import_customers(
    db: Database, source: Path | str | bytes, *, progress: Progress | None = None
) -> ImportResult:
    """Add new customers and update changed ones, matched on external_id."""
    rows = read_csv(source, CUSTOMER_COLUMNS, CUSTOMER_REQUIRED)
    today = utcnow().date()
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    checked: list[tuple[CustomerInput, Customer | None]] = []
    unrecognised: list[tuple[int, str]] = []
    for done, (line, row) in enumerate(rows, start=1):
        _tick(progress, "checking", done, len(rows))
        reason = _too_long(row)
        if reason:
            problems.append((line, reason))
            continue
        external_id = row.get("external_id", "")
        if not external_id:
            problems.append((line, _("external_id: required, it makes a re-import safe")))
            continue
        if external_id in seen:
            problems.append((line, _("external_id {id} is also on line {other}")
                             .format(id=external_id, other=seen[external_id])))
            continue
        seen[external_id] = line
        existing = _existing_customer(db, external_id)
        base = existing.to_input() if existing else None
        try:
            clean = customer_api.validate(customer_input(row, base), today)
        except ValidationError as exc:
            problems.extend((line, f"{field}: {message}")
                            for field, message in exc.fields.items())
            continue
        checked.append((clean, existing))
        if "allergies" in row:
            unrecognised.extend((line, text) for text in _split_list(row["allergies"])
                                if not codes_for(text))
    if problems:
        raise ImportFailed(problems)
    added = updated = unchanged = 0
    with write(db):
        for done, (clean, existing) in enumerate(checked, start=1):
            _tick(progress, "writing", done, len(checked))
            if existing is None:
                customer_api.create_customer(db, clean, method="import")
                added += 1
            elif customer_api.validate(existing.to_input(), today) == clean:
                unchanged += 1
            else:
                customer_api.update_customer(db, existing.id, clean, method="import")
                updated += 1
    return ImportResult(rows=len(rows), added=added, updated=updated, unchanged=unchanged,
                        unrecognised_allergies=tuple(unrecognised))


def _existing_customer(db: Database, external_id: str) -> Customer | None:
    row = db.execute("SELECT id FROM customers WHERE external_id = ?", [external_id]).fetchone()
    return customer_api.get_customer(db, row[0]) if row else None


# ------------------------------------------------------------------ purchases


@dataclass
class _Receipt:
    receipt_id: str
    line: int
    purchased_at: str
    customer_key: tuple[str, str]
    customer_id: int | None
    items: list[tuple[int | None, str, int, int]]  # product id, name, quantity, unit price


def parse_moment(text: str, timezone: str) -> datetime:
    """ISO 8601 date and time; without a zone it is the shop's local time."""
    moment = datetime.fromisoformat(text.strip().replace(" ", "T", 1))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(timezone))
    return moment.astimezone(UTC)


def parse_money(text: str, precision: int) -> int:
    """Major units as typed (4.50 or 4,50) to integer minor units; never through float."""
    cleaned = text.strip().replace(" ", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    value = Decimal(cleaned)
    if not value.is_finite():
        raise InvalidOperation(text)
    minor = value.scaleb(precision)
    if minor != minor.to_integral_value():
        raise ValueError(text)
    return int(minor)


def import_purchases(
    db: Database, source: Path | str | bytes, *, progress: Progress | None = None
) -> ImportResult:
    """Add receipts not yet recorded (matched on receipt_id) and update customers' facts."""
    from babel.numbers import get_currency_precision

    rows = read_csv(source, PURCHASE_COLUMNS, PURCHASE_REQUIRED)
    settings = load_settings(db)
    precision = get_currency_precision(settings.currency)
    latest = utcnow() + timedelta(days=1)
    products = {
        sku: (pid, name, price)
        for pid, sku, name, price in db.execute(
            "SELECT id, sku, name, price_minor FROM products"
        )
    }
    customer_ids: dict[tuple[str, str], int | None] = {}
    receipts: dict[str, _Receipt] = {}
    problems: list[tuple[int, str]] = []
    for done, (line, row) in enumerate(rows, start=1):
        _tick(progress, "checking", done, len(rows))
        reason = _too_long(row) or _purchase_row_problem(
            db, row, line, settings.timezone, latest, precision, products, customer_ids,
            receipts,
        )
        if reason:
            problems.append((line, reason))
    if problems:
        raise ImportFailed(problems)
    existing = _existing_receipts(db, list(receipts))
    new = [r for r in receipts.values() if r.receipt_id not in existing]
    created = to_iso(utcnow())
    facts: dict[int, tuple[int, int, str]] = {}
    with write(db):
        for done, receipt in enumerate(new, start=1):
            _tick(progress, "writing", done, len(new))
            total = sum(q * price for _pid, _name, q, price in receipt.items)
            cur = db.execute(
                "INSERT INTO purchases(customer_id, receipt_id, purchased_at, total_minor, "
                "created_at) VALUES (?, ?, ?, ?, ?)",
                [receipt.customer_id, receipt.receipt_id, receipt.purchased_at, total, created],
            )
            purchase_id = int(cur.lastrowid or 0)
            db.conn.executemany(
                "INSERT INTO purchase_items(purchase_id, customer_id, product_id, name, "
                "quantity, unit_price_minor) VALUES (?, ?, ?, ?, ?, ?)",
                [(purchase_id, receipt.customer_id, pid, name, q, price)
                 for pid, name, q, price in receipt.items],
            )
            if receipt.customer_id is not None:
                visits, spend, last = facts.get(receipt.customer_id, (0, 0, ""))
                facts[receipt.customer_id] = (visits + 1, spend + total,
                                              max(last, receipt.purchased_at))
        for customer_id, (visits, spend, last) in facts.items():
            db.execute(
                "UPDATE customers SET visits = visits + ?, "
                "total_spend_minor = total_spend_minor + ?, "
                "last_visit_at = max(coalesce(last_visit_at, ''), ?) WHERE id = ?",
                [visits, spend, last, customer_id],
            )
            customer_api.rerate(db, customer_id)
    return ImportResult(rows=len(rows), added=len(new), updated=0,
                        unchanged=len(receipts) - len(new))


def _existing_receipts(db: Database, receipt_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(receipt_ids), 500):
        chunk = receipt_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in db.execute(
            f"SELECT receipt_id FROM purchases WHERE receipt_id IN ({marks})", chunk))
    return found


def _purchase_row_problem(
    db: Database,
    row: Row,
    line: int,
    timezone: str,
    latest: datetime,
    precision: int,
    products: dict[str, tuple[int, str, int]],
    customer_ids: dict[tuple[str, str], int | None],
    receipts: dict[str, _Receipt],
) -> str | None:
    """The reason this row cannot be imported, or None (and the row joins its receipt)."""
    receipt_id = row.get("receipt_id", "")
    if not receipt_id:
        return _("receipt_id: required, it makes a re-import safe")
    if len(receipt_id) > 100:
        return _("receipt_id: at most {n} characters").format(n=100)
    try:
        moment = parse_moment(row.get("purchased_at", ""), timezone)
    except ValueError:
        return _("purchased_at: use a date and time such as 2026-11-23 14:05")
    if moment > latest:
        return _("purchased_at: {moment} is in the future").format(moment=row["purchased_at"])
    at = to_iso(moment)
    key = (row.get("customer_external_id", ""), row.get("customer_no", ""))
    if key not in customer_ids:
        customer_ids[key] = _customer_for(db, *key)
    customer_id = customer_ids[key]
    if customer_id == -1:
        return _("no customer with external id {ext!r} or number {no!r}; import the "
                 "customers first").format(ext=key[0], no=key[1])
    quantity_text = row.get("quantity", "") or "1"
    try:
        quantity = int(quantity_text)
    except ValueError:
        return _("quantity: a whole number, not {text!r}").format(text=quantity_text)
    if not 1 <= quantity <= MAX_QUANTITY:
        return _("quantity: 1 to {n}").format(n=MAX_QUANTITY)
    sku = row.get("sku", "")
    name = row.get("item_name", "")
    product_id: int | None = None
    price: int | None = None
    if sku:
        if sku not in products:
            return _("sku: no product {sku!r} in the catalogue").format(sku=sku)
        product_id, catalogue_name, price = products[sku]
        name = name or catalogue_name
    elif not name:
        return _("give a sku from the catalogue, or an item_name with a unit_price")
    price_text = row.get("unit_price", "")
    if price_text:
        try:
            price = parse_money(price_text, precision)
        except (ValueError, InvalidOperation):
            return _("unit_price: an amount such as 4.50, not {text!r}").format(text=price_text)
        if price < 0:
            return _("unit_price: cannot be negative")
    if price is None:
        return _("unit_price: required for an item outside the catalogue")
    receipt = receipts.get(receipt_id)
    if receipt is None:
        receipts[receipt_id] = _Receipt(receipt_id, line, at, key, customer_id,
                                        [(product_id, name, quantity, price)])
        return None
    if receipt.purchased_at != at:
        return _("receipt {id}: purchased_at differs from line {other}").format(
            id=receipt_id, other=receipt.line)
    if receipt.customer_key != key:
        return _("receipt {id}: customer differs from line {other}").format(
            id=receipt_id, other=receipt.line)
    if len(receipt.items) >= MAX_LINES:
        return _("receipt {id}: more than {n} items").format(id=receipt_id, n=MAX_LINES)
    receipt.items.append((product_id, name, quantity, price))
    return None


def _customer_for(db: Database, external_id: str, customer_no: str) -> int | None:
    """The customer's id, None for a walk-in, -1 when the reference names nobody."""
    if not external_id and not customer_no:
        return None
    if external_id:
        row = db.execute("SELECT id, customer_no FROM customers WHERE external_id = ?",
                         [external_id]).fetchone()
        if row and (not customer_no or row[1].casefold() == customer_no.casefold()):
            return int(row[0])
        return -1
    row = db.execute("SELECT id FROM customers WHERE customer_no = ?",
                     [customer_no.upper()]).fetchone()
    return int(row[0]) if row else -1
