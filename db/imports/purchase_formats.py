"""Purchase exports of other systems, read row by row into purchase lines.

Recognised from the header (or named with ``--format``):

- ``counterpart``: Counterpart's own columns (see `PURCHASE_FIELDS` and ``db.imports.importer``).
- ``square``: Square's item-sales export ("Items detail" CSV, one row per item sold).
  Columns as Square writes them: Date, Time, Time Zone, Category, Item, Qty, Price Point
  Name, SKU, Modifiers Applied, Gross Sales, Discounts, Net Sales, Tax, Transaction ID,
  Payment ID, Device Name, Notes, Details, Event Type, Location, Dining Option, Customer
  ID, Customer Name, Customer Reference ID, Unit, Count, GTIN, Itemization Type,
  Commission, Employee, Fulfillment Note, Channel, Token, Card Brand, PAN Suffix (newer
  exports add columns, older ones lack the last few). Values as written: Date
  ``2026-07-18``, Time ``12:59:30``, Time Zone ``Eastern Time (US & Canada)`` (Rails zone
  names), Qty ``1`` or ``1.0`` (negative on a refund), money ``$8.00`` / ``-$3.00``,
  Event Type ``Payment`` or ``Refund``.
- ``shopify``: Shopify's orders export (Orders > Export), one row per line item; the
  order's first row carries the order fields, its other rows repeat Name (and Email) and
  leave Created at, Financial Status, Id and the like empty. Columns: Name, Email,
  Financial Status, Paid at, Fulfillment Status, Fulfilled at, Accepts Marketing,
  Currency, Subtotal, Shipping, Taxes, Total, Discount Code, Discount Amount, Shipping
  Method, Created at, Lineitem quantity, Lineitem name, Lineitem price, Lineitem compare at
  price, Lineitem sku, Lineitem requires shipping, Lineitem taxable, Lineitem fulfillment
  status, Billing Name ... Billing Phone, Shipping Name ... Shipping Phone, Notes, Note
  Attributes, Cancelled at, Payment Method, Payment Reference, Refunded Amount, Vendor,
  Outstanding Balance, Employee, Location, Device ID, Id, Tags, Risk Level, Source,
  Lineitem discount, Tax 1 Name ... Tax 5 Value, Phone, Receipt Number, Duties, ...
  Created at as ``2024-03-05 14:22:10 +0200``; prices as plain numbers (``12.50``).

What these are based on: published header rows and sample rows of real exports found in
public code (Square: the 35-column "Items Detail CSV" header with values noted from exports
of July-August 2026, and test fixtures of Square importers; Shopify: the orders export
header used by several Shopify CSV importers, with continuation rows that leave the order
fields empty) and the Matrixify/Excelify documentation of Shopify order columns (Name is
the order's name such as ``#1001``, Id its number). Square's zone names are Ruby on Rails'
(ActiveSupport::TimeZone::MAPPING, copied below as `RAILS_ZONES`). Columns a recognised
format has that are not listed in its `PurchaseFormat` are ignored.

Mapping a row is pure (no database): it is done in the reading process or a worker, and
returns a `PurchaseLine` whose customer and product are still references; the importer
(`db.imports.purchases`) resolves them and adds what only the database knows.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from db.customers.purchases import MAX_QUANTITY
from db.errors import ImportFailed
from db.i18n import N_, _
from db.imports.formats import ColumnMap, ImportOptions, RefusedRow
from db.imports.source import MAX_FIELD, strip_spreadsheet_apostrophe

OWN_FORMAT = "counterpart"
SQUARE = "square"
SHOPIFY = "shopify"
MAPPED = "mapped"

MAX_RECEIPT_ID = 100
FUTURE_SLACK = timedelta(days=1)

PURCHASE_FIELDS: tuple[str, ...] = (
    "receipt_id", "purchased_at", "purchase_date", "purchase_time", "time_zone",
    "customer_external_id", "customer_no", "customer_email", "customer_phone",
    "sku", "item_name", "quantity", "unit_price", "line_total",
)
"""Counterpart's own purchase columns, and the fields a ``--map`` may name."""

PURCHASE_FORMATS: dict[str, str] = {
    OWN_FORMAT: "Counterpart",
    SQUARE: "Square item sales",
    SHOPIFY: "Shopify orders",
    MAPPED: N_("your column mapping"),
}
"""Format name -> the name people know it by (MAPPED's label is translated when shown)."""


@dataclass(frozen=True)
class PurchaseFormat:
    name: str
    columns: dict[str, str]
    """Their column, case-folded -> our field (fields beyond PURCHASE_FIELDS: item
    variation, event type, order status, cancelled at, billing phone)."""
    required: tuple[str, ...]
    """Their columns as they write them; all must be in the header."""
    signature: tuple[str, ...]
    """Case-folded columns that together identify the export."""
    continuation: bool = False
    """An order's later rows may leave its time and customer empty (they inherit them)."""


SQUARE_FORMAT = PurchaseFormat(
    name=SQUARE,
    columns={
        "transaction id": "receipt_id", "date": "purchase_date", "time": "purchase_time",
        "time zone": "time_zone", "item": "item_name", "price point name": "variation",
        "qty": "quantity", "sku": "sku", "gross sales": "line_total",
        "customer id": "customer_external_id", "event type": "event_type",
    },
    required=("Date", "Time", "Item", "Qty", "Gross Sales", "Transaction ID"),
    signature=("transaction id", "item", "qty", "gross sales"),
)
SHOPIFY_FORMAT = PurchaseFormat(
    name=SHOPIFY,
    columns={
        "name": "receipt_id", "created at": "purchased_at", "email": "customer_email",
        "phone": "customer_phone", "billing phone": "billing_phone",
        "customer id": "customer_external_id", "lineitem quantity": "quantity",
        "lineitem name": "item_name", "lineitem price": "unit_price", "lineitem sku": "sku",
        "financial status": "order_status", "cancelled at": "cancelled_at",
    },
    required=("Name", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price"),
    signature=("name", "lineitem name", "lineitem quantity"),
    continuation=True,
)
RECOGNISED: tuple[PurchaseFormat, ...] = (SQUARE_FORMAT, SHOPIFY_FORMAT)

SHOPIFY_SKIPPED_STATUS = frozenset({"refunded", "voided"})
"""A Shopify order in one of these financial states (or with Cancelled at) is not imported."""
SQUARE_DEFAULT_VARIATION = "regular"
"""Square's name for an item's only price point; not added to the item's name."""

# ActiveSupport::TimeZone::MAPPING (Ruby on Rails), the zone names Square writes.
RAILS_ZONES: dict[str, str] = {
    "International Date Line West": "Etc/GMT+12", "Midway Island": "Pacific/Midway",
    "American Samoa": "Pacific/Pago_Pago", "Hawaii": "Pacific/Honolulu",
    "Alaska": "America/Juneau", "Pacific Time (US & Canada)": "America/Los_Angeles",
    "Tijuana": "America/Tijuana", "Mountain Time (US & Canada)": "America/Denver",
    "Arizona": "America/Phoenix", "Chihuahua": "America/Chihuahua",
    "Mazatlan": "America/Mazatlan", "Central Time (US & Canada)": "America/Chicago",
    "Saskatchewan": "America/Regina", "Guadalajara": "America/Mexico_City",
    "Mexico City": "America/Mexico_City", "Monterrey": "America/Monterrey",
    "Central America": "America/Guatemala", "Eastern Time (US & Canada)": "America/New_York",
    "Indiana (East)": "America/Indiana/Indianapolis", "Bogota": "America/Bogota",
    "Lima": "America/Lima", "Quito": "America/Lima", "Atlantic Time (Canada)": "America/Halifax",
    "Caracas": "America/Caracas", "La Paz": "America/La_Paz", "Santiago": "America/Santiago",
    "Newfoundland": "America/St_Johns", "Brasilia": "America/Sao_Paulo",
    "Buenos Aires": "America/Argentina/Buenos_Aires", "Montevideo": "America/Montevideo",
    "Georgetown": "America/Guyana", "Puerto Rico": "America/Puerto_Rico",
    "Greenland": "America/Nuuk", "Mid-Atlantic": "Atlantic/South_Georgia",
    "Azores": "Atlantic/Azores", "Cape Verde Is.": "Atlantic/Cape_Verde",
    "Dublin": "Europe/Dublin", "Edinburgh": "Europe/London", "Lisbon": "Europe/Lisbon",
    "London": "Europe/London", "Casablanca": "Africa/Casablanca", "Monrovia": "Africa/Monrovia",
    "UTC": "Etc/UTC", "Belgrade": "Europe/Belgrade", "Bratislava": "Europe/Bratislava",
    "Budapest": "Europe/Budapest", "Ljubljana": "Europe/Ljubljana", "Prague": "Europe/Prague",
    "Sarajevo": "Europe/Sarajevo", "Skopje": "Europe/Skopje", "Warsaw": "Europe/Warsaw",
    "Zagreb": "Europe/Zagreb", "Brussels": "Europe/Brussels", "Copenhagen": "Europe/Copenhagen",
    "Madrid": "Europe/Madrid", "Paris": "Europe/Paris", "Amsterdam": "Europe/Amsterdam",
    "Berlin": "Europe/Berlin", "Bern": "Europe/Zurich", "Zurich": "Europe/Zurich",
    "Rome": "Europe/Rome", "Stockholm": "Europe/Stockholm", "Vienna": "Europe/Vienna",
    "West Central Africa": "Africa/Algiers", "Bucharest": "Europe/Bucharest",
    "Cairo": "Africa/Cairo", "Helsinki": "Europe/Helsinki", "Kyiv": "Europe/Kyiv",
    "Riga": "Europe/Riga", "Sofia": "Europe/Sofia", "Tallinn": "Europe/Tallinn",
    "Vilnius": "Europe/Vilnius", "Athens": "Europe/Athens", "Istanbul": "Europe/Istanbul",
    "Minsk": "Europe/Minsk", "Jerusalem": "Asia/Jerusalem", "Harare": "Africa/Harare",
    "Pretoria": "Africa/Johannesburg", "Kaliningrad": "Europe/Kaliningrad",
    "Moscow": "Europe/Moscow", "St. Petersburg": "Europe/Moscow",
    "Volgograd": "Europe/Volgograd", "Samara": "Europe/Samara", "Kuwait": "Asia/Kuwait",
    "Riyadh": "Asia/Riyadh", "Nairobi": "Africa/Nairobi", "Baghdad": "Asia/Baghdad",
    "Tehran": "Asia/Tehran", "Abu Dhabi": "Asia/Muscat", "Muscat": "Asia/Muscat",
    "Baku": "Asia/Baku", "Tbilisi": "Asia/Tbilisi", "Yerevan": "Asia/Yerevan",
    "Kabul": "Asia/Kabul", "Ekaterinburg": "Asia/Yekaterinburg", "Islamabad": "Asia/Karachi",
    "Karachi": "Asia/Karachi", "Tashkent": "Asia/Tashkent", "Chennai": "Asia/Kolkata",
    "Kolkata": "Asia/Kolkata", "Mumbai": "Asia/Kolkata", "New Delhi": "Asia/Kolkata",
    "Kathmandu": "Asia/Kathmandu", "Astana": "Asia/Dhaka", "Dhaka": "Asia/Dhaka",
    "Sri Jayawardenepura": "Asia/Colombo", "Almaty": "Asia/Almaty",
    "Novosibirsk": "Asia/Novosibirsk", "Rangoon": "Asia/Yangon", "Bangkok": "Asia/Bangkok",
    "Hanoi": "Asia/Bangkok", "Jakarta": "Asia/Jakarta", "Krasnoyarsk": "Asia/Krasnoyarsk",
    "Beijing": "Asia/Shanghai", "Chongqing": "Asia/Chongqing", "Hong Kong": "Asia/Hong_Kong",
    "Urumqi": "Asia/Urumqi", "Kuala Lumpur": "Asia/Kuala_Lumpur",
    "Singapore": "Asia/Singapore", "Taipei": "Asia/Taipei", "Perth": "Australia/Perth",
    "Irkutsk": "Asia/Irkutsk", "Ulaanbaatar": "Asia/Ulaanbaatar", "Seoul": "Asia/Seoul",
    "Osaka": "Asia/Tokyo", "Sapporo": "Asia/Tokyo", "Tokyo": "Asia/Tokyo",
    "Yakutsk": "Asia/Yakutsk", "Darwin": "Australia/Darwin", "Adelaide": "Australia/Adelaide",
    "Canberra": "Australia/Melbourne", "Melbourne": "Australia/Melbourne",
    "Sydney": "Australia/Sydney", "Brisbane": "Australia/Brisbane", "Hobart": "Australia/Hobart",
    "Vladivostok": "Asia/Vladivostok", "Guam": "Pacific/Guam",
    "Port Moresby": "Pacific/Port_Moresby", "Magadan": "Asia/Magadan",
    "Srednekolymsk": "Asia/Srednekolymsk", "Solomon Is.": "Pacific/Guadalcanal",
    "New Caledonia": "Pacific/Noumea", "Fiji": "Pacific/Fiji", "Kamchatka": "Asia/Kamchatka",
    "Marshall Is.": "Pacific/Majuro", "Auckland": "Pacific/Auckland",
    "Wellington": "Pacific/Auckland", "Nuku'alofa": "Pacific/Tongatapu",
    "Tokelau Is.": "Pacific/Fakaofo", "Chatham Is.": "Pacific/Chatham", "Samoa": "Pacific/Apia",
}
_RAILS_FOLDED = {name.casefold(): zone for name, zone in RAILS_ZONES.items()}
_GMT_PREFIX = re.compile(r"^\(\s*(?:GMT|UTC)\s*[+-]?\d{0,2}:?\d{0,2}\s*\)\s*", re.IGNORECASE)


# ------------------------------------------------------------------ values


def parse_amount(text: str, *, grouping_three: bool = True) -> Decimal:
    """An amount as exports and spreadsheets write it, never through float.

    '4.50', '4,50', '€4.50', '4,50 €', '$1,234.50', '1.234,50 €', "1'234.50", 'EUR 4.50',
    '-$3.00', '$-3.00', '(3.00)' (accounting negative), '1 234,50'. A single comma followed
    by exactly three digits is a thousands separator when `grouping_three` (the currency
    has fewer than three decimals), otherwise a decimal comma. Raises ValueError.
    """
    body = strip_spreadsheet_apostrophe(text.strip()).replace("\u2212", "-")
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1]
    # A currency symbol or code before or after the number ("$", "EUR ", " €", " kr").
    body = re.sub(r"^([+-]?)\s*[^\d\s+\-.,]+\s*", r"\1", body)
    body = re.sub(r"\s*[^\d\s.,\-]+$", "", body)
    body = re.sub(r"[\s'\u00a0\u202f]", "", body)  # grouping: spaces, apostrophes
    if body.startswith(("-", "+")):
        negative, body = negative or body[0] == "-", body[1:]
    elif body.endswith("-"):
        negative, body = True, body[:-1]
    if not re.fullmatch(r"\d[\d.,]*|[.,]\d+", body or "x"):
        raise ValueError(text)
    if "." in body and "," in body:
        decimal_mark = "." if body.rfind(".") > body.rfind(",") else ","
        body = body.replace("," if decimal_mark == "." else ".", "")
        if body.count(decimal_mark) > 1:
            raise ValueError(text)
        body = body.replace(decimal_mark, ".")
    elif "," in body or "." in body:
        mark = "," if "," in body else "."
        parts = body.split(mark)
        if len(parts) > 2:
            if not all(len(p) == 3 for p in parts[1:]):
                raise ValueError(text)
            body = "".join(parts)
        elif mark == "," and grouping_three and len(parts[1]) == 3 and parts[0]:
            body = "".join(parts)
        else:
            body = body.replace(mark, ".")
    try:
        value = Decimal(body)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    return -value if negative else value


def to_minor(value: Decimal, precision: int, *, exact: bool = True) -> int:
    """Major units to integer minor units; ValueError when `exact` and it has more decimals
    than the currency (otherwise rounded half to even)."""
    scaled = value.scaleb(precision)
    integral = scaled.to_integral_value(rounding=ROUND_HALF_EVEN)
    if exact and scaled != integral:
        raise ValueError(str(value))
    return int(integral)


def parse_quantity(text: str) -> Decimal:
    """'2', '1.0', '1,0', '0.5', '-1'; ValueError for anything else."""
    body = strip_spreadsheet_apostrophe(text.strip()).replace(",", ".").replace("\u2212", "-")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", body):
        raise ValueError(text)
    return Decimal(body)


def zone_named(text: str, default: str) -> ZoneInfo | None:
    """The zone a system names: a Rails name as Square writes it ("Eastern Time (US &
    Canada)", "Helsinki"), optionally after "(GMT-05:00) ", or an IANA name; empty = the
    shop's `default`. None when unknown."""
    name = _GMT_PREFIX.sub("", text.strip()) or default
    iana = _RAILS_FOLDED.get(name.casefold(), name)
    if iana.casefold() in {"utc", "gmt", "z"}:
        iana = "Etc/UTC"
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def parse_moment(text: str, default_zone: str) -> datetime:
    """A date and time as ISO 8601 or as Shopify writes it ("2024-03-05 14:22:10 +0200");
    without an offset it is the shop's local time. Returns UTC; ValueError."""
    body = strip_spreadsheet_apostrophe(text.strip())
    if body.upper().endswith(" UTC"):
        body = body[:-4] + "+00:00"
    if len(body) < 10 or not body[:4].isdigit():
        raise ValueError(text)
    moment = datetime.fromisoformat(body.replace(" ", "T", 1))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(default_zone))
    return moment.astimezone(UTC)


_TIME_FORMATS = ("%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%I:%M:%S%p", "%I:%M%p")


def parse_date(text: str) -> date:
    body = strip_spreadsheet_apostrophe(text.strip())
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", body):
        raise ValueError(text)
    return date.fromisoformat(body)


def parse_time(text: str) -> time:
    body = strip_spreadsheet_apostrophe(text.strip()).upper()
    for pattern in _TIME_FORMATS:
        try:
            return datetime.strptime(body, pattern).time()
        except ValueError:
            continue
    raise ValueError(text)


# ------------------------------------------------------------------ rows


@dataclass(frozen=True)
class CustomerRef:
    """Who bought, as the file names them; all empty = a walk-in."""

    external_id: str = ""
    customer_no: str = ""
    email: str = ""
    phone: str = ""

    @property
    def empty(self) -> bool:
        return not (self.external_id or self.customer_no or self.email or self.phone)


@dataclass(frozen=True)
class PurchaseLine:
    """One item row of a receipt, read from the file; references not yet resolved."""

    line: int
    receipt_id: str
    purchased_at: str | None
    """UTC ISO 8601; None when the row leaves it to the order's other rows (Shopify)."""
    customer: CustomerRef | None
    """None when the row leaves it to the order's other rows; an empty ref is a walk-in."""
    sku: str
    name: str
    quantity: int
    unit_price_minor: int | None
    """None: the catalogue price of `sku` (own format only)."""
    skip: str | None = None
    """Why this row is not imported (a refund): a notice, not a problem."""
    skip_order: str | None = None
    """Why the row's whole order is not imported (cancelled or refunded in Shopify)."""


@dataclass
class PurchaseMapper:
    """Reads one file's rows; built once per file from its header (picklable)."""

    format_name: str
    columns: tuple[ColumnMap, ...]
    options: ImportOptions = field(default_factory=ImportOptions)
    continuation: bool = False
    strict_sku: bool = True
    """An unknown sku is a problem (own format); otherwise the item is kept by name."""
    quantity_default: bool = True
    """An empty quantity is 1 (own format and mappings)."""

    def __post_init__(self) -> None:
        self._fields = tuple((c.field, at) for at, c in enumerate(self.columns)
                             if c.field is not None)
        self._receipt_at = next((i for i, c in enumerate(self.columns)
                                 if c.field == "receipt_id"), -1)

    def receipt_of(self, cells: list[str]) -> str:
        """The row's receipt id alone (cheap: the merge skips receipts already there)."""
        if len(cells) != len(self.columns) or self._receipt_at < 0:
            return ""
        return strip_spreadsheet_apostrophe(cells[self._receipt_at].strip())

    def label(self, name: str) -> str:
        """The file's column for our field `name` (as a person sees it in the file)."""
        if self.format_name == OWN_FORMAT:
            return name
        for column in self.columns:
            if column.field == name:
                return column.column
        return name

    def has(self, name: str) -> bool:
        return any(c.field == name for c in self.columns)

    def time_label(self) -> str:
        """The column(s) that give a receipt's time, as the file names them."""
        if self.has("purchased_at") or not self.has("purchase_date"):
            return self.label("purchased_at")
        names = ("purchase_date", "purchase_time") if self.has("purchase_time") \
            else ("purchase_date",)
        return ", ".join(self.label(n) for n in names)

    def map_row(self, line: int, cells: list[str], now: datetime) -> PurchaseLine | RefusedRow:
        mapped, problems = self.read(line, cells, now)
        if problems:
            return RefusedRow(line, tuple(cells), problems)
        return mapped

    def read(self, line: int, cells: list[str],
             now: datetime) -> tuple[PurchaseLine, tuple[str, ...]]:
        """The row as a purchase line and every problem the file alone shows."""
        if len(cells) != len(self.columns):
            return _empty_line(line), (
                _("{found} fields where the header has {expected}").format(
                    found=len(cells), expected=len(self.columns)),)
        problems: list[str] = []
        if max(map(len, cells), default=0) <= MAX_FIELD:  # the usual row: no loop in Python
            row = {name: cells[at] for name, at in self._fields}
            return _read(self, line, row, now, problems)
        row = {}
        for column, value in zip(self.columns, cells, strict=True):
            if len(value) > MAX_FIELD:
                problems.append(_("{column}: at most {n} characters").format(
                    column=column.column if self.format_name != OWN_FORMAT
                    else column.column.casefold(), n=MAX_FIELD))
                value = ""
            if column.field is not None:
                row[column.field] = value
        return _read(self, line, row, now, problems)


def _empty_line(line: int) -> PurchaseLine:
    return PurchaseLine(line, "", None, None, "", "", 0, None)


def _read(mapper: PurchaseMapper, line: int, row: dict[str, str], now: datetime,
          problems: list[str]) -> tuple[PurchaseLine, tuple[str, ...]]:
    label = mapper.label
    options = mapper.options

    def ident(name: str) -> str:
        return strip_spreadsheet_apostrophe(row.get(name, "").strip())

    receipt_id = ident("receipt_id")
    if not receipt_id:
        problems.append(_("{column}: required, it makes a re-import safe").format(
            column=label("receipt_id")))
    elif len(receipt_id) > MAX_RECEIPT_ID:
        problems.append(_("{column}: at most {n} characters").format(
            column=label("receipt_id"), n=MAX_RECEIPT_ID))

    skip = skip_order = None
    if mapper.format_name == SQUARE:
        refund = row.get("event_type", "").strip().casefold() == "refund"
        if not refund:
            sold = _quantity(row.get("quantity", "").strip())
            refund = sold is not None and sold < 0
        if refund:
            skip = _("a refund; refunds are not imported and the sale stays as it was")
    if mapper.format_name == SHOPIFY:
        status = row.get("order_status", "").strip().casefold()
        if row.get("cancelled_at", "").strip():
            skip_order = _("the order was cancelled; cancelled orders are not imported")
        elif status in SHOPIFY_SKIPPED_STATUS:
            skip_order = _("the order is {status}; such orders are not imported").format(
                status=status)
    if skip or skip_order:
        # Not imported: only what identifies the row matters.
        return PurchaseLine(line, receipt_id, None, None, "", row.get("item_name", ""), 0,
                            None, skip, skip_order), tuple(problems)

    purchased_at = _moment(mapper, row, now, problems)
    ref = CustomerRef(
        external_id=ident("customer_external_id"),
        customer_no=ident("customer_no").upper(),
        email=row.get("customer_email", "").strip(),
        phone=ident("customer_phone") or ident("billing_phone"),
    )
    customer = None if ref.empty and mapper.continuation else ref

    sku = ident("sku")
    name = row.get("item_name", "").strip()
    variation = row.get("variation", "").strip()
    if name and variation and variation.casefold() != SQUARE_DEFAULT_VARIATION:
        name = f"{name} ({variation})"
    if not name and not sku:
        problems.append(_("give a sku from the catalogue, or an item_name with a unit_price")
                        if mapper.format_name == OWN_FORMAT else
                        _("{column}: required").format(column=label("item_name")))

    quantity_text = row.get("quantity", "").strip()
    quantity: Decimal | None = None
    if not quantity_text and (mapper.quantity_default or not mapper.has("quantity")):
        quantity = Decimal(1)
    else:
        quantity = _quantity(quantity_text)
        if quantity is None:
            problems.append(_("{column}: a number such as 2, not {text!r}").format(
                column=label("quantity"), text=quantity_text))
        else:
            if quantity <= 0 or quantity > MAX_QUANTITY:
                problems.append(_("{column}: 1 to {n}").format(column=label("quantity"),
                                                               n=MAX_QUANTITY))
                quantity = None

    precision = options.currency_precision
    before = len(problems)
    unit = _money(mapper, row, "unit_price", precision, problems)
    line_total = _money(mapper, row, "line_total", precision, problems)
    money_read = len(problems) == before
    unit_minor: int | None = None
    count = 0
    if quantity is not None:
        whole = quantity == quantity.to_integral_value()
        count = int(quantity) if whole else 1
        # A part quantity (0.5 kg) is kept as one item at the line's price.
        if line_total is not None:
            unit_minor = to_minor(line_total / (quantity if whole else 1), precision,
                                  exact=False)
        elif unit is not None:
            unit_minor = to_minor(unit * (1 if whole else quantity), precision, exact=False)
    if line_total is None and unit is None and not sku and name and money_read:
        price = "line_total" if mapper.has("line_total") and not mapper.has("unit_price") \
            else "unit_price"
        problems.append(_("{column}: required for an item outside the catalogue").format(
            column=label(price)))
    return PurchaseLine(line, receipt_id, purchased_at, customer, sku, name, count,
                        unit_minor), tuple(problems)


_CACHE = 1 << 16
"""Distinct cell values remembered per parser: exports repeat prices, dates and times."""


@lru_cache(maxsize=_CACHE)
def _amount(text: str, precision: int) -> Decimal | None:
    """A valid amount in the currency's precision, or None."""
    try:
        value = parse_amount(text, grouping_three=precision < 3)
        to_minor(value, precision)
    except ValueError:
        return None
    return value


def _money(mapper: PurchaseMapper, row: dict[str, str], name: str, precision: int,
           problems: list[str]) -> Decimal | None:
    text = row.get(name, "").strip()
    if not text:
        return None
    value = _amount(text, precision)
    if value is None:
        problems.append(_("{column}: an amount such as 4.50, not {text!r}").format(
            column=mapper.label(name), text=text))
        return None
    if value < 0:
        problems.append(_("{column}: cannot be negative").format(column=mapper.label(name)))
        return None
    return value


@lru_cache(maxsize=_CACHE)
def _moment_at(text: str, zone: str) -> datetime | None:
    try:
        return parse_moment(text, zone)
    except ValueError:
        return None


@lru_cache(maxsize=_CACHE)
def _local_moment(date_text: str, time_text: str, zone_text: str,
                  default_zone: str) -> tuple[datetime | None, bool, bool, bool]:
    """(UTC moment or None, date read, time read, zone known)."""
    day = clock = None
    with suppress(ValueError):
        day = parse_date(date_text)
    with suppress(ValueError):
        clock = parse_time(time_text) if time_text else time(0, 0)
    where = zone_named(zone_text, default_zone)
    if day is None or clock is None or where is None:
        return None, day is not None, clock is not None, where is not None
    return datetime.combine(day, clock, tzinfo=where).astimezone(UTC), True, True, True


def _moment(mapper: PurchaseMapper, row: dict[str, str], now: datetime,
            problems: list[str]) -> str | None:
    label = mapper.label
    zone = mapper.options.timezone
    if "purchase_date" not in row or "purchased_at" in row:
        text = row.get("purchased_at", "").strip()
        if not text and mapper.continuation:
            return None
        moment = _moment_at(text, zone)
        if moment is None:
            problems.append(_("{column}: use a date and time such as 2026-11-23 14:05").format(
                column=label("purchased_at")))
            return None
        shown = text
    else:
        date_text = row.get("purchase_date", "").strip()
        time_text = row.get("purchase_time", "").strip()
        zone_text = row.get("time_zone", "").strip()
        if not date_text and mapper.continuation:
            return None
        local, day_read, time_read, zone_known = _local_moment(date_text, time_text,
                                                               zone_text, zone)
        if not day_read:
            problems.append(_("{column}: use a date such as 2026-11-23, not {text!r}").format(
                column=label("purchase_date"), text=date_text))
        if not time_read:
            problems.append(_("{column}: use a time such as 14:05:00, not {text!r}").format(
                column=label("purchase_time"), text=time_text))
        if not zone_known:
            problems.append(_("{column}: unknown time zone {text!r}").format(
                column=label("time_zone"), text=zone_text))
        if local is None:
            return None
        moment = local
        shown = f"{date_text} {time_text}".strip()
    if moment > now + FUTURE_SLACK:
        problems.append(_("{column}: {moment} is in the future").format(
            column=label("purchased_at") if "purchased_at" in row
            else label("purchase_date"), moment=shown))
        return None
    return _iso(moment)


@lru_cache(maxsize=_CACHE)
def _iso(moment: datetime) -> str:
    from db.clock import to_iso

    return to_iso(moment)


@lru_cache(maxsize=_CACHE)
def _quantity(text: str) -> Decimal | None:
    try:
        return parse_quantity(text)
    except ValueError:
        return None


# ------------------------------------------------------------------ headers


def purchase_mapper(header: tuple[str, ...], options: ImportOptions) -> PurchaseMapper:
    """The mapper for a file with this header; ImportFailed lists every header problem.

    `options.mapping` (their column -> our field, '' = not imported) reads any other
    system's file; `options.format` names one of PURCHASE_FORMATS; otherwise the format is
    recognised from the header (Counterpart's columns, Square's, Shopify's).
    """
    folded = [h.strip().casefold() for h in header]
    if options.mapping:
        return _mapped(header, folded, options)
    wanted = options.format
    if wanted is not None and wanted not in (OWN_FORMAT, SQUARE, SHOPIFY):
        raise ImportFailed([(1, _("unknown format {name!r}; the formats are: {names}").format(
            name=wanted, names=", ".join((OWN_FORMAT, SQUARE, SHOPIFY))))])
    if wanted is None:
        if all(name in PURCHASE_FIELDS for name in folded):
            wanted = OWN_FORMAT
        else:
            for known in RECOGNISED:
                if all(column in folded for column in known.signature):
                    wanted = known.name
                    break
    if wanted in (SQUARE, SHOPIFY):
        known = SQUARE_FORMAT if wanted == SQUARE else SHOPIFY_FORMAT
        return _recognised(header, folded, known, options)
    return _own(header, folded, options, guessed=wanted is None)


def _duplicates(header: tuple[str, ...], folded: list[str],
                relevant: set[str] | None = None) -> list[tuple[int, str]]:
    seen: set[str] = set()
    problems = []
    for column, name in zip(header, folded, strict=True):
        if name in seen and (relevant is None or name in relevant):
            problems.append((1, _("the column {name!r} appears twice").format(name=column)))
        seen.add(name)
    return problems


def _own(header: tuple[str, ...], folded: list[str], options: ImportOptions,
         *, guessed: bool) -> PurchaseMapper:
    problems: list[tuple[int, str]] = []
    for name in folded:
        if name not in PURCHASE_FIELDS:
            problems.append((1, _("unknown column {name!r}; the columns are: {columns}")
                             .format(name=name, columns=", ".join(PURCHASE_FIELDS))))
    problems.extend(_required_own(set(folded)))
    problems.extend(_duplicates(header, folded))
    if problems and guessed and any(n not in PURCHASE_FIELDS for n in folded):
        if "transaction id" in folded and "total collected" in folded:
            problems.append((1, _("this is Square's transactions export, one row per "
                                  "payment; export the item sales (\"Items detail\") "
                                  "instead, one row per item")))
        else:
            problems.append((1, _("this is not a Square item-sales or Shopify orders "
                                  "export either; name its columns with --map 'Their "
                                  "column=our_field'")))
    if problems:
        raise ImportFailed(problems)
    return PurchaseMapper(OWN_FORMAT, tuple(ColumnMap(h, n) for h, n in zip(header, folded,
                                                                             strict=True)),
                          options)


def _required_own(fields: set[str]) -> list[tuple[int, str]]:
    problems = []
    if "receipt_id" not in fields:
        problems.append((1, _("the column {name!r} is missing").format(name="receipt_id")))
    if "purchased_at" not in fields and "purchase_date" not in fields:
        problems.append((1, _("the column {name!r} is missing").format(name="purchased_at")))
    return problems


def _recognised(header: tuple[str, ...], folded: list[str], known: PurchaseFormat,
                options: ImportOptions) -> PurchaseMapper:
    problems: list[tuple[int, str]] = []
    for column in known.required:
        if column.casefold() not in folded:
            problems.append((1, _("the column {name!r} is missing").format(name=column)))
    problems.extend(_duplicates(header, folded, set(known.columns)))
    if problems:
        raise ImportFailed(problems)
    taken: set[str] = set()
    columns = []
    for column, name in zip(header, folded, strict=True):
        ours = known.columns.get(name)
        if ours in taken:
            ours = None
        if ours is not None:
            taken.add(ours)
        columns.append(ColumnMap(column, ours))
    return PurchaseMapper(known.name, tuple(columns), options, continuation=known.continuation,
                          strict_sku=False, quantity_default=False)


def _mapped(header: tuple[str, ...], folded: list[str],
            options: ImportOptions) -> PurchaseMapper:
    assert options.mapping is not None
    problems: list[tuple[int, str]] = []
    mapping = {their.strip().casefold(): ours.strip().casefold()
               for their, ours in options.mapping.items()}
    for their, target in options.mapping.items():
        if their.strip().casefold() not in folded:
            problems.append((1, _("the file has no column {name!r}").format(name=their)))
        if target.strip() and target.strip().casefold() not in PURCHASE_FIELDS:
            problems.append((1, _("{column}: no field {name!r}; the fields are: {fields}")
                             .format(column=their, name=target,
                                     fields=", ".join(PURCHASE_FIELDS))))
    columns: list[ColumnMap] = []
    taken: dict[str, str] = {}
    for column, name in zip(header, folded, strict=True):
        ours = mapping.get(name, name if name in PURCHASE_FIELDS else None)
        if ours not in PURCHASE_FIELDS:
            ours = None
        if ours is not None:
            if ours in taken:
                problems.append((1, _("the columns {first!r} and {second!r} both give "
                                      "{name}").format(first=taken[ours], second=column,
                                                       name=ours)))
            taken[ours] = column
        columns.append(ColumnMap(column, ours))
    problems.extend(_required_own(set(taken)))
    if problems:
        raise ImportFailed(problems)
    return PurchaseMapper(MAPPED, tuple(columns), options, strict_sku=False)


def format_label(name: str) -> str:
    label = PURCHASE_FORMATS.get(name, name)
    return _(label) if name == MAPPED else label


__all__ = [
    "MAPPED", "OWN_FORMAT", "PURCHASE_FIELDS", "PURCHASE_FORMATS", "RAILS_ZONES", "SHOPIFY",
    "SQUARE", "CustomerRef", "PurchaseFormat", "PurchaseLine", "PurchaseMapper",
    "format_label", "parse_amount", "parse_moment", "parse_quantity", "purchase_mapper",
    "to_minor", "zone_named",
]
