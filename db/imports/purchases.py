"""Importing purchases from a file: check every row, then write all receipts or none.

The file is read twice, a row at a time (`db.imports.source.open_rows`), never held whole:

1. *checking*: every row is mapped (`db.imports.purchase_formats`), its customer and
   product resolved, and its receipt compared with the receipt's other rows; every problem
   of a row is reported at once, each refused row goes to `refused_sink`. Nothing is
   written, so a dry run stops here.
2. *merging* (only when no row was refused): the rows are read again and written in one
   transaction; a receipt already in the database (imported before, or recorded at the
   counter) is left as it is, so its customer's visits and spend are not counted twice.

Memory: besides the rows being read, the check keeps one small record per receipt in the
file (its first line, time, customer id, item count: about 400 bytes with its id, so a file
of 1,000,000 receipts needs about 400 MB) and a cache of up to `CUSTOMER_CACHE` customer
look-ups; rows of one receipt need not be next to each other.

Customers: matched by the other system's customer id as `external_id` (Square "Customer
ID" is the Square Customer ID the customer import keeps as external_id), else by e-mail
(case-insensitive), else by phone number (any form `db.customers.phones` knows). A row naming a
customer who is not in the database is refused ("import the customers first"); a row with
no customer is a walk-in. Products: matched by SKU when the catalogue has it, else kept
by name (in Counterpart's own format an unknown SKU is refused, as before).

Refunds: a Square row with Event Type "Refund" (or a negative Qty) and a Shopify order that
was cancelled, refunded or voided are not imported; each is counted in `skipped` with a
notice. The sale a refund undoes stays as it was (purchases hold no negative quantities).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from db.clock import to_iso, utcnow
from db.customers.phones import phone_variants
from db.customers.purchases import MAX_LINES
from db.customers.records import rerate
from db.errors import ImportFailed
from db.i18n import _
from db.imports.formats import ImportOptions, RefusedRow
from db.imports.job import MAX_PROBLEMS_KEPT, ImportPreview, ImportProgress, ImportReport
from db.imports.purchase_formats import (
    CustomerRef,
    PurchaseLine,
    PurchaseMapper,
    format_label,
    purchase_mapper,
)
from db.imports.source import open_rows
from db.store import changes
from db.store.connection import write

SAMPLE_RECEIPTS = 10
SAMPLE_ROWS = 10
PROGRESS_EVERY = 1_000
CUSTOMER_CACHE = 100_000
"""Customer look-ups remembered; beyond that the cache starts again (still correct)."""
ITEM_BATCH = 500

Progress = Callable[[ImportProgress], None]
Cancelled = Callable[[], bool]
RefusedSink = Callable[[RefusedRow], None]


@dataclass(frozen=True)
class SampleReceipt:
    """A receipt as it will be stored: what a person checks in a dry run."""

    receipt_id: str
    purchased_at: str
    """UTC ISO 8601."""
    customer_id: int | None
    customer: str
    """The customer's name and number, '' for a walk-in."""
    items: tuple[tuple[str, int, int], ...]
    """(name, quantity, unit price in minor units)."""
    already_imported: bool = False


@dataclass
class PurchaseImportReport(ImportReport):
    """ImportReport(kind='purchases'): `added` receipts added (in a dry run: would be),
    `unchanged` receipts already in the database, `rows` item rows read."""

    skipped: int = 0
    """Rows not imported by design (refunds, cancelled or refunded orders)."""
    notices: list[tuple[int, str]] = field(default_factory=list)
    """(line, text) for each skipped row or order; the first MAX_PROBLEMS_KEPT."""
    receipts: list[SampleReceipt] = field(default_factory=list)
    """The first SAMPLE_RECEIPTS receipts of the file, grouped."""


PurchasePreview = ImportPreview[PurchaseLine]
"""The first SAMPLE_ROWS rows are checked against the database too."""


def shop_options(db: Database, *, format: str | None = None,
                 mapping: dict[str, str] | None = None) -> ImportOptions:
    """ImportOptions for a purchase file: the shop's currency precision, time zone and
    country (settings), with the format or column mapping a person chose."""
    from db.imports.formats import options_for_shop
    from db.settings import load_settings

    return options_for_shop(load_settings(db), format=format, mapping=mapping)


def preview_purchases(db: Database, path: Path | str, options: ImportOptions) -> PurchasePreview:
    """Header, recognised format, mapping and the first SAMPLE_ROWS rows checked; fast.

    Raises ImportFailed for a file that cannot be read or a header that cannot be mapped.
    """
    source, rows = open_rows(path)
    try:
        mapper = purchase_mapper(source.header, options)
        check = _Check(db, mapper, utcnow())
        sample: list[PurchaseLine | RefusedRow] = []
        for line, cells in rows:
            sample.append(check.row(line, cells)[0])
            if len(sample) >= SAMPLE_ROWS:
                break
    finally:
        _close(rows)
    return PurchasePreview(source, mapper.format_name, format_label(mapper.format_name),
                           mapper.columns, tuple(sample))


def import_purchases_file(
    db: Database,
    path: Path | str,
    options: ImportOptions,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    refused_sink: RefusedSink | None = None,
) -> PurchaseImportReport:
    """Import (or with `dry_run` only check) a purchase file; all or nothing, idempotent.

    Raises ImportFailed only for a file that cannot be read at all (encoding, header, a
    malformed CSV line, or a file changed between checking and writing). Refused rows come
    back in the report (`refused` > 0: nothing imported; the first MAX_PROBLEMS_KEPT in
    `problems`) and each goes to `refused_sink`. `progress` gets ImportProgress('checking',
    rows, None) and ('merging', rows, total rows) every PROGRESS_EVERY rows and at the end
    of each stage. When `cancelled()` turns true the job stops, writes nothing (a merge in
    progress is rolled back) and returns with `cancelled` set.
    """
    path = Path(path)
    stamp = _stamp(path)
    source, rows = open_rows(path)
    try:
        mapper = purchase_mapper(source.header, options)
        report = PurchaseImportReport("purchases", mapper.format_name, dry_run=dry_run)
        check = _Check(db, mapper, utcnow())
        for line, cells in rows:
            if cancelled is not None and cancelled():
                report.cancelled = True
                return report
            report.rows += 1
            result, notice = check.row(line, cells)
            if notice is not None:
                report.skipped += 1
                if notice and len(report.notices) < MAX_PROBLEMS_KEPT:
                    report.notices.append((line, notice))
            if isinstance(result, RefusedRow):
                _refuse(report, result, refused_sink)
            if progress is not None and report.rows % PROGRESS_EVERY == 0:
                progress(ImportProgress("checking", report.rows, None))
    finally:
        _close(rows)
    for refused in check.finish():
        _refuse(report, refused, refused_sink)
    if progress is not None:
        progress(ImportProgress("checking", report.rows, None))
    report.receipts = check.samples()
    if report.refused:
        return report  # nothing is imported: no receipt is added or found unchanged
    report.added, report.unchanged = check.counts()
    if dry_run:
        return report
    if _stamp(path) != stamp:
        raise _changed()
    try:
        report.added, report.unchanged = _merge(db, path, source.header, check, report.rows,
                                                progress, cancelled)
    except _Cancelled:
        report.cancelled = True
        report.added = report.unchanged = 0
    return report


# ------------------------------------------------------------------ checking


_UNSET = -1
"""A receipt's customer before any row named one (rows may leave it to others)."""


class _Receipt:
    """What the check keeps per receipt: small, one per receipt in the file."""

    __slots__ = ("at", "at_line", "customer", "customer_line", "existing", "items", "line",
                 "skip")

    def __init__(self, line: int, existing: bool) -> None:
        self.line = line
        self.at: str | None = None
        self.at_line = 0
        self.customer: int | None = _UNSET
        self.customer_line = 0
        self.items = 0
        self.existing = existing
        self.skip = False

    def customer_id(self) -> int | None:
        return None if self.customer == _UNSET else self.customer


class _Check:
    def __init__(self, db: Database, mapper: PurchaseMapper, now: datetime) -> None:
        self.db = db
        self.mapper = mapper
        self.now = now
        self.products: dict[str, tuple[int, str, int]] = {
            sku: (pid, name, price) for pid, sku, name, price in db.execute(
                "SELECT id, sku, name, price_minor FROM products")
        }
        self.receipts: dict[str, _Receipt] = {}
        self.customers: dict[CustomerRef, int | None] = {}
        self.sample_order: list[str] = []
        self.sample_items: dict[str, list[tuple[str, int, int]]] = {}

    def row(self, line: int, cells: list[str]) -> tuple[PurchaseLine | RefusedRow, str | None]:
        """The checked row, and a notice ('' for a silent one) when it is skipped."""
        mapped, found = self.mapper.read(line, cells, self.now)
        problems = list(found)
        receipt = self.receipts.get(mapped.receipt_id) if mapped.receipt_id else None
        if mapped.receipt_id and receipt is None:
            receipt = self.receipts[mapped.receipt_id] = _Receipt(
                line, self._exists(mapped.receipt_id))
        if mapped.skip_order or mapped.skip or (receipt is not None and receipt.skip):
            if problems:
                return RefusedRow(line, tuple(cells), tuple(problems)), None
            assert receipt is not None
            notice = ""
            if mapped.skip_order and not receipt.skip:
                receipt.skip = True
                notice = _("order {id}: {reason}").format(id=mapped.receipt_id,
                                                          reason=mapped.skip_order)
            elif mapped.skip:
                notice = _("{item} on receipt {id}: {reason}").format(
                    item=mapped.name or "?", id=mapped.receipt_id, reason=mapped.skip)
            return mapped, notice
        customer_id = self._customer(mapped.customer, problems)
        self._item(mapped, problems)
        if receipt is not None:
            self._join(receipt, mapped, customer_id, problems)
        if problems:
            return RefusedRow(line, tuple(cells), tuple(problems)), None
        assert receipt is not None
        receipt.items += 1
        self._sample(mapped)
        return mapped, None

    def _exists(self, receipt_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM purchases WHERE receipt_id = ?",
                               [receipt_id]).fetchone() is not None

    def _customer(self, ref: CustomerRef | None, problems: list[str]) -> int | None:
        """The customer's id; None for a walk-in or when the row leaves it to others
        (`_UNSET` then); a problem when nobody matches."""
        if ref is None:
            return _UNSET
        if ref.empty:
            return None
        if ref not in self.customers:
            if len(self.customers) >= CUSTOMER_CACHE:
                self.customers.clear()
            self.customers[ref] = find_customer(self.db, ref, self.mapper.options.region)
        found = self.customers[ref]
        if found is None:
            problems.append(_("no customer with {who}; import the customers first").format(
                who=self._who(ref)))
            return _UNSET
        return found

    def _who(self, ref: CustomerRef) -> str:
        label = self.mapper.label
        parts = []
        if ref.external_id:
            parts.append(f"{label('customer_external_id')} {ref.external_id!r}")
        if ref.customer_no:
            parts.append(f"{label('customer_no')} {ref.customer_no!r}")
        if ref.email:
            parts.append(f"{label('customer_email')} {ref.email!r}")
        if ref.phone:
            parts.append(f"{label('customer_phone')} {ref.phone!r}")
        return _(" or ").join(parts)

    def _item(self, mapped: PurchaseLine, problems: list[str]) -> None:
        if not mapped.sku or mapped.sku in self.products:
            return
        label = self.mapper.label
        if self.mapper.strict_sku:
            problems.append(_("{column}: no product {sku!r} in the catalogue").format(
                column=label("sku"), sku=mapped.sku))
        elif not mapped.name:
            problems.append(_("{column}: no product {sku!r} in the catalogue, and the row "
                              "names no item").format(column=label("sku"), sku=mapped.sku))
        elif mapped.unit_price_minor is None and mapped.quantity:
            price = "unit_price" if self.mapper.has("unit_price") else "line_total"
            problems.append(_("{column}: required for an item outside the catalogue").format(
                column=label(price)))

    def _join(self, receipt: _Receipt, mapped: PurchaseLine, customer_id: int | None,
              problems: list[str]) -> None:
        """Check the row against its receipt's other rows and record what it says."""
        rid = mapped.receipt_id
        if mapped.purchased_at is not None:
            if receipt.at is None:
                receipt.at, receipt.at_line = mapped.purchased_at, mapped.line
            elif receipt.at != mapped.purchased_at:
                problems.append(_("receipt {id}: {column} differs from line {other}").format(
                    id=rid, column=self.mapper.time_label(), other=receipt.at_line))
        if customer_id != _UNSET:
            if receipt.customer == _UNSET:
                receipt.customer, receipt.customer_line = customer_id, mapped.line
            elif receipt.customer != customer_id:
                problems.append(_("receipt {id}: customer differs from line {other}").format(
                    id=rid, other=receipt.customer_line))
        if receipt.items >= MAX_LINES:
            problems.append(_("receipt {id}: more than {n} items").format(id=rid, n=MAX_LINES))

    def item(self, mapped: PurchaseLine) -> tuple[int | None, str, int]:
        """(product id, name, unit price) of a checked row."""
        product = self.products.get(mapped.sku) if mapped.sku else None
        if product is None:
            assert mapped.unit_price_minor is not None
            return None, mapped.name, mapped.unit_price_minor
        price = mapped.unit_price_minor
        return product[0], mapped.name or product[1], product[2] if price is None else price

    def _sample(self, mapped: PurchaseLine) -> None:
        rid = mapped.receipt_id
        if rid not in self.sample_items:
            if len(self.sample_order) >= SAMPLE_RECEIPTS:
                return
            self.sample_order.append(rid)
            self.sample_items[rid] = []
        items = self.sample_items[rid]
        if len(items) < MAX_LINES:
            _pid, name, price = self.item(mapped)
            items.append((name, mapped.quantity, price))

    def finish(self) -> Iterator[RefusedRow]:
        """Problems only the whole file shows: an order whose rows never say when."""
        column = self.mapper.time_label()
        for rid, receipt in self.receipts.items():
            if receipt.items and not receipt.skip and receipt.at is None:
                yield RefusedRow(receipt.line, (), (
                    _("receipt {id}: no row gives its {column}").format(id=rid,
                                                                         column=column),))

    def counts(self) -> tuple[int, int]:
        """(receipts to add, receipts already in the database)."""
        added = unchanged = 0
        for receipt in self.receipts.values():
            if receipt.items and not receipt.skip:
                if receipt.existing:
                    unchanged += 1
                else:
                    added += 1
        return added, unchanged

    def importable(self) -> int:
        return sum(1 for r in self.receipts.values() if r.items and not r.skip)

    def samples(self) -> list[SampleReceipt]:
        result = []
        for rid in self.sample_order:
            receipt = self.receipts[rid]
            if receipt.skip or not receipt.items or receipt.at is None:
                continue
            customer_id = receipt.customer_id()
            who = ""
            if customer_id is not None:
                row = self.db.execute("SELECT name, customer_no FROM customers WHERE id = ?",
                                      [customer_id]).fetchone()
                who = f"{row[0]} ({row[1]})" if row else ""
            result.append(SampleReceipt(rid, receipt.at, customer_id, who,
                                        tuple(self.sample_items[rid]), receipt.existing))
        return result


def find_customer(db: Database, ref: CustomerRef, region: str) -> int | None:
    """The customer a file names: by external id (and customer number when both are
    given), else by e-mail, else by phone; the lowest id when several share an e-mail or
    a number. None when nobody matches."""
    if ref.external_id:
        row = db.execute("SELECT id, customer_no FROM customers WHERE external_id = ?",
                         [ref.external_id]).fetchone()
        if row and (not ref.customer_no or str(row[1]).casefold() == ref.customer_no.casefold()):
            return int(row[0])
    elif ref.customer_no:
        row = db.execute("SELECT id FROM customers WHERE customer_no = ?",
                         [ref.customer_no]).fetchone()
        if row:
            return int(row[0])
    if ref.email:
        row = db.execute("SELECT id FROM customers WHERE email = ? COLLATE NOCASE "
                         "ORDER BY id LIMIT 1", [ref.email]).fetchone()
        if row:
            return int(row[0])
    if ref.phone:
        keys = list(phone_variants(ref.phone, region))
        if keys:
            marks = ",".join("?" * len(keys))
            row = db.execute(f"SELECT id FROM customers WHERE phone_digits IN ({marks}) "
                             "ORDER BY id LIMIT 1", keys).fetchone()
            if row:
                return int(row[0])
    return None


# ------------------------------------------------------------------ writing


class _Cancelled(Exception):
    pass


def _merge(db: Database, path: Path, header: tuple[str, ...], check: _Check, total: int,
           progress: Progress | None, cancelled: Cancelled | None) -> tuple[int, int]:
    """Write every new receipt in one transaction; (added, already there)."""
    source, rows = open_rows(path)
    try:
        if source.header != header:
            raise _changed()
        created = to_iso(utcnow())
        with write(db):
            first_new = int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM purchases")
                            .fetchone()[0])
            current: tuple[str, int | None] = ("", None)
            batch: list[tuple[int, int | None, int | None, str, int, int]] = []
            done = 0
            for done, (line, cells) in enumerate(rows, start=1):
                if cancelled is not None and cancelled():
                    raise _Cancelled
                if progress is not None and done % PROGRESS_EVERY == 0:
                    progress(ImportProgress("merging", done, total))
                if done > total:
                    raise _changed()
                receipt = check.receipts.get(check.mapper.receipt_of(cells))
                if receipt is not None and (receipt.skip or receipt.existing):
                    continue  # not written: no need to read the row again
                mapped, problems = check.mapper.read(line, cells, check.now)
                receipt = check.receipts.get(mapped.receipt_id)
                if receipt is None:
                    raise _changed()
                if mapped.skip or mapped.skip_order or receipt.skip:
                    continue
                if problems:
                    raise _changed()
                if mapped.receipt_id != current[0]:
                    current = (mapped.receipt_id,
                               _purchase_for(db, mapped.receipt_id, receipt, first_new,
                                             created))
                purchase_id = current[1]
                if purchase_id is None:
                    continue
                product_id, name, price = check.item(mapped)
                batch.append((purchase_id, receipt.customer_id(), product_id, name,
                              mapped.quantity, price))
                if len(batch) >= ITEM_BATCH:
                    _insert_items(db, batch)
            _insert_items(db, batch)
            if done != total:
                raise _changed()
            _totals_and_facts(db, first_new)
            changes.record_all(db, [(changes.PURCHASE, changes.ANY_ID),
                                    (changes.CUSTOMER, changes.ANY_ID)])
            added = int(db.execute("SELECT count(*) FROM purchases WHERE id >= ?",
                                   [first_new]).fetchone()[0])
        if progress is not None:
            progress(ImportProgress("merging", total, total))
    finally:
        _close(rows)
    return added, check.importable() - added


def _purchase_for(db: Database, receipt_id: str, receipt: _Receipt, first_new: int,
                  created: str) -> int | None:
    """The purchase this import writes the receipt's items to; None when the receipt was
    already in the database before (imported earlier or recorded at the counter)."""
    row = db.execute("SELECT id FROM purchases WHERE receipt_id = ?", [receipt_id]).fetchone()
    if row is not None:
        return int(row[0]) if int(row[0]) >= first_new else None
    from db.shops import shop_of
    from db.tills import till_of

    # the shop and till that imported it, as a purchase recorded at this till would have
    cursor = db.execute(
        "INSERT INTO purchases(customer_id, receipt_id, purchased_at, total_minor, "
        "created_at, till, shop_id) VALUES (?, ?, ?, 0, ?, ?, ?)",
        [receipt.customer_id(), receipt_id, receipt.at, created, till_of(db), shop_of(db)])
    return int(cursor.lastrowid or 0)


def _insert_items(db: Database,
                  batch: list[tuple[int, int | None, int | None, str, int, int]]) -> None:
    if batch:
        db.conn.executemany(
            "INSERT INTO purchase_items(purchase_id, customer_id, product_id, name, quantity, "
            "unit_price_minor) VALUES (?, ?, ?, ?, ?, ?)", batch)
        batch.clear()


def _totals_and_facts(db: Database, first_new: int) -> None:
    """Receipt totals from their items; each customer's visits, spend and last visit."""
    db.execute(
        "UPDATE purchases SET total_minor = (SELECT coalesce(sum(quantity * unit_price_minor), "
        "0) FROM purchase_items WHERE purchase_id = purchases.id) WHERE id >= ?", [first_new])
    facts = db.execute(
        "SELECT customer_id, count(*), sum(total_minor), max(purchased_at) FROM purchases "
        "WHERE id >= ? AND customer_id IS NOT NULL GROUP BY customer_id", [first_new]
    ).fetchall()
    for customer_id, visits, spend, last in facts:
        db.execute(
            "UPDATE customers SET visits = visits + ?, "
            "total_spend_minor = total_spend_minor + ?, "
            "last_visit_at = max(coalesce(last_visit_at, ''), ?) WHERE id = ?",
            [visits, spend, last, customer_id])
        rerate(db, customer_id)


# ------------------------------------------------------------------ helpers


def _refuse(report: ImportReport, refused: RefusedRow, sink: RefusedSink | None) -> None:
    report.refused += 1
    if len(report.problems) < MAX_PROBLEMS_KEPT:
        report.problems.append(refused)
    if sink is not None:
        sink(refused)


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


def _changed() -> ImportFailed:
    return ImportFailed([(1, _("the file changed while it was being imported; nothing was "
                               "imported. Import it again."))])


def _close(rows: Iterator[tuple[int, list[str]]]) -> None:
    close = getattr(rows, "close", None)
    if close is not None:
        close()


__all__ = [
    "PurchaseImportReport", "PurchasePreview", "SampleReceipt", "find_customer",
    "import_purchases_file", "preview_purchases", "shop_options",
]
