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
zone it is the shop's local time; or ``purchase_date`` with ``purchase_time`` and
``time_zone``) required; ``customer_external_id`` or ``customer_no``, else
``customer_email`` or ``customer_phone`` (all empty for a walk-in); ``sku`` (a catalogue
code) or ``item_name`` with ``unit_price``; ``quantity`` (default 1); ``unit_price`` in
major units, e.g. 4.50 (default: the catalogue price), or ``line_total`` (the line's
amount). Purchases are read by `db.purchase_import`, which also recognises Square's
item-sales and Shopify's orders exports (`db.import_purchase_formats`).
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from db import customers as customer_api
from db.allergens import codes_for
from db.clock import utcnow
from db.connection import write
from db.errors import ImportFailed, ValidationError
from db.i18n import _
from db.models import LANGUAGES, PERSONALITIES, Customer, CustomerInput
from db.text import clean_text

if TYPE_CHECKING:
    from db.import_formats import RefusedRow
    from db.import_job import ImportProgress

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): stage is "checking" or "writing"."""

CUSTOMER_COLUMNS: tuple[str, ...] = (
    "external_id", "name", "phone", "email", "language", "birthday", "allergies",
    "preferences", "tags", "consent", "personality",
)
CUSTOMER_REQUIRED: tuple[str, ...] = ("external_id", "name")
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


def import_purchases(
    db: Database, source: Path | str | bytes, *, progress: Progress | None = None
) -> ImportResult:
    """Add receipts not yet recorded (matched on receipt_id) and update customers' facts.

    A thin wrapper over `db.purchase_import.import_purchases_file` (which also reads
    Square's and Shopify's exports, recognised from the header): raises ImportFailed with
    every (line, reason) when any row is refused, and imports nothing then.
    """
    from db.purchase_import import import_purchases_file, shop_options

    def report_progress(step: ImportProgress) -> None:
        if progress is not None:
            stage = "writing" if step.stage == "merging" else step.stage
            progress(stage, step.done, step.total if step.total is not None else step.done)

    problems: list[tuple[int, str]] = []

    def collect(refused: RefusedRow) -> None:
        problems.extend((refused.line, reason) for reason in refused.problems)

    with _as_file(source) as path:
        report = import_purchases_file(db, path, shop_options(db), progress=report_progress,
                                       refused_sink=collect)
    if problems:
        raise ImportFailed(problems)
    return ImportResult(rows=report.rows, added=report.added, updated=0,
                        unchanged=report.unchanged)


@contextmanager
def _as_file(source: Path | str | bytes) -> Iterator[Path]:
    """The source as a file to stream from (bytes go to a private temporary file)."""
    if not isinstance(source, bytes):
        yield Path(source)
        return
    with tempfile.TemporaryDirectory(prefix="counterpart-import-") as folder:
        path = Path(folder) / "import.csv"
        path.write_bytes(source)
        yield path
