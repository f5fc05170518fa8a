"""Customer exports of other systems, mapped row by row to what the customer form takes.

A format is recognised from the header (Square's and Shopify's customer exports, and
Counterpart's own columns), named with ``--format``, or given as a column mapping
(``--map 'Their column=our_field,...'``). Mapping a row checks every field and returns all
of the row's problems at once, so a person fixes a row once, not once per try.

The other systems' column names are those of their dashboards' customer exports:

* Square (Customers > Import/Export > Export): "Reference ID", "First Name", "Last Name",
  "Email Address", "Phone Number", "Nickname", "Company Name", "Street Address 1/2",
  "City", "State", "Postal Code", "Birthday", "Memo", "Square Customer ID", "Creation
  Source", "First Visit", "Last Visit", "Transaction Count", "Lifetime Spend", "Email
  Subscription Status", "Instant Profile", "Blocked from online booking" (and "Groups" in
  newer exports). Based on the column list of a Square data migration tool's
  ``CustomerImportRow`` (public code, "exact header names from export") and Square's help
  article 6632 "Import Customers Online" (birthdays MM-DD, YYYY-MM-DD or MM-DD-YYYY; "Email
  Subscription Status" is Subscribed, Unsubscribed or Unknown).
* Shopify (Customers > Export), current: "Customer ID", "First Name", "Last Name", "Email",
  "Accepts Email Marketing", "Default Address Company", "Default Address Address1/2",
  "Default Address City", "Default Address Province Code", "Default Address Country
  Code", "Default Address Zip", "Default Address Phone", "Phone", "Accepts SMS Marketing",
  "Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags"; older exports: "First Name",
  "Last Name", "Email", "Company", "Address1", "Address2", "City", "Province", "Province
  Code", "Country", "Country Code", "Zip", "Phone", "Accepts Marketing", "Total Spent",
  "Total Orders", "Tags", "Note", "Tax Exempt" (no customer id: the e-mail is the id).
  Based on headers written by public Shopify CSV converters and tests (e.g. a conversion
  script writing the current header, an OpenCart-to-Shopify script documenting the older
  one). Tags are one cell, comma-separated; the "Customer ID" often carries a spreadsheet
  apostrophe ('7210448301122). Shopify's customers export has no birthday column.

Other columns of a recognised export (addresses, company, tax exemption...) are listed as
not imported, never a reason to refuse the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from db.customers import records as customer_api
from db.customers.phones import normalise_phone
from db.errors import ImportFailed, ValidationError
from db.i18n import _
from db.imports.source import MAX_FIELD
from db.models import LANGUAGES, PERSONALITIES, CustomerInput, ShopSettings
from db.text import clean_text, has_cjk

OWN_FORMAT = "counterpart"
SQUARE = "square"
SHOPIFY = "shopify"
SHOPIFY_LEGACY = "shopify-legacy"
MAPPED = "mapped"

CUSTOMER_FIELDS: tuple[str, ...] = (
    "external_id", "name", "phone", "email", "language", "birthday", "allergies",
    "preferences", "tags", "consent", "personality",
    # for files of other systems (and --map):
    "given_name", "family_name", "notes", "visits", "first_visit", "last_visit", "spend",
)
"""The fields a column may be mapped to. `notes` is joined with the preferences already
stored (see `merged_input`); `preferences` replaces them. `visits`, `first_visit`,
`last_visit` and `spend` are the other system's facts (`CustomerFacts`)."""

_MULTI_FIELDS = frozenset({"phone", "email", "tags", "consent", "notes", "preferences"})
"""Fields several columns may feed: phone and email take the first non-empty one, tags
and notes are joined, consent is yes when any column says yes."""

_LIST_SPLIT_OWN = re.compile(r"[;|]")
_LIST_SPLIT_ANY = re.compile(r"[;|,]")
_LIST_SPLIT_COMMA = re.compile(r",")
_YES = frozenset({"1", "yes", "y", "true", "subscribed", "opted_in", "opted in",
                  "confirmed_opt_in", "single_opt_in", "kyllä", "k", "ja", "j", "是"})
_NO = frozenset({"", "0", "no", "n", "false", "unsubscribed", "not_subscribed",
                 "not subscribed", "unknown", "pending", "redacted", "invalid", "bounced",
                 "never_subscribed", "ei", "nej", "否"})


@dataclass(frozen=True)
class ImportOptions:
    """How to read a file: what the person chose, and the shop's defaults."""

    format: str | None = None
    """A name from `FORMATS`; None = recognise it from the header."""
    mapping: dict[str, str] | None = None
    """Their column -> our field ('' = not imported); for files of any other system."""
    language: str | None = None
    """The language of rows without a language column; None = the shop's default."""
    default_language: str = "en"
    region: str = "FI"
    """The shop's country, for reading local phone numbers."""
    currency_precision: int = 2
    timezone: str = "Europe/Helsinki"


@dataclass(frozen=True)
class CustomerFacts:
    """What the other system knew about the customer's visits; kept as facts, never turned
    into invented purchases. None = the file does not say."""

    visits: int | None = None
    first_visit_at: str | None = None
    last_visit_at: str | None = None
    spend_minor: int | None = None


@dataclass(frozen=True)
class MappedCustomer:
    line: int
    data: CustomerInput
    """Validated (`db.customers.records.validate`); `data.external_id` is set."""
    present: frozenset[str]
    """CustomerInput fields the file supplies; an update keeps the stored value of others."""
    facts: CustomerFacts = CustomerFacts()
    unrecognised_allergies: tuple[str, ...] = ()
    """Allergies naming none of the 14 EU allergens: kept as free text, and reported."""
    language_guessed: bool = False
    """True when the row names no language (no column, or an empty cell), no --language
    was given, the shop's language is not Chinese and the name is written in Chinese,
    Japanese or Korean characters: the row got zh-TW (shops in TW, HK, MO) or zh-CN rather
    than the shop's language. The import reports how many rows did."""
    notes_join: bool = False
    """True when `data.preferences` is the other system's note: `merged_input` joins it
    with the preferences already stored instead of replacing them."""


@dataclass(frozen=True)
class RefusedRow:
    line: int
    cells: tuple[str, ...]
    problems: tuple[str, ...]
    """Every problem of the row, each as 'field: reason'."""


@dataclass(frozen=True)
class ColumnMap:
    column: str
    field: str | None
    """Our field, or None when the column is not imported."""


# ---------------------------------------------------------------- formats


@dataclass(frozen=True)
class _Format:
    label: str
    columns: dict[str, str]
    """Their column, case-folded -> our field."""
    signature: tuple[str, ...]
    """Case-folded columns whose presence recognises the format."""
    split_tags: re.Pattern[str]
    birthday: Callable[[str], tuple[int | None, int | None, int | None]]
    id_from_email: bool = False
    """Older Shopify exports name no id: the e-mail (case-folded) is the external id."""


def _own_columns() -> dict[str, str]:
    return {name: name for name in CUSTOMER_FIELDS}


FORMATS: dict[str, str] = {
    OWN_FORMAT: "Counterpart",
    SQUARE: "Square (customer export)",
    SHOPIFY: "Shopify (customers export)",
    SHOPIFY_LEGACY: "Shopify (customers export, older columns)",
    MAPPED: "Other (columns mapped by hand)",
}
"""Format name -> the name people know it by."""


# ---------------------------------------------------------------- birthdays


_ISO_DAY = re.compile(r"^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$")
_US_DAY = re.compile(r"^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{4}))?$")
_EU_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})?$")


def _birthday_iso(text: str) -> tuple[int | None, int | None, int | None]:
    """YYYY-MM-DD, MM-DD, --MM-DD, or 0000-MM-DD (a year-less birthday as Square's API
    writes it); ValueError for anything else."""
    if not text:
        return None, None, None
    match = _ISO_DAY.match(text[2:] if text.startswith("--") else text)
    if match is None:
        raise ValueError(text)
    year = int(match[1]) if match[1] else None
    return int(match[2]), int(match[3]), (year or None)


def _birthday_square(text: str) -> tuple[int | None, int | None, int | None]:
    """Square's forms: YYYY-MM-DD, MM-DD, MM-DD-YYYY, M/D/YYYY, M/D (and the ISO ones)."""
    try:
        return _birthday_iso(text)
    except ValueError:
        pass
    match = _US_DAY.match(text)
    if match is not None:
        return int(match[1]), int(match[2]), int(match[3]) if match[3] else None
    for form in ("%b %d, %Y", "%B %d, %Y", "%b %d", "%B %d"):  # "Feb 3, 1990", "Feb 3"
        try:
            # a leap year stands in for a missing one, so "Feb 29" reads
            read = datetime.strptime(text if "%Y" in form else f"{text} 2000",
                                     form if "%Y" in form else f"{form} %Y")
        except ValueError:
            continue
        return read.month, read.day, read.year if "%Y" in form else None
    raise ValueError(text)


def _birthday_any(text: str) -> tuple[int | None, int | None, int | None]:
    """For mapped files: the ISO forms, or DD.MM.YYYY / DD.MM. (never the ambiguous 3/4)."""
    try:
        return _birthday_iso(text)
    except ValueError:
        pass
    match = _EU_DAY.match(text)
    if match is None:
        raise ValueError(text)
    return int(match[2]), int(match[1]), int(match[3]) if match[3] else None


_SPECS: dict[str, _Format] = {
    OWN_FORMAT: _Format(FORMATS[OWN_FORMAT], _own_columns(), ("external_id",),
                        _LIST_SPLIT_OWN, _birthday_iso),
    SQUARE: _Format(
        FORMATS[SQUARE],
        {"square customer id": "external_id", "first name": "given_name",
         "last name": "family_name", "email address": "email", "phone number": "phone",
         "birthday": "birthday", "memo": "notes", "groups": "tags",
         "first visit": "first_visit", "last visit": "last_visit",
         "transaction count": "visits", "lifetime spend": "spend",
         "email subscription status": "consent"},
        ("square customer id",), _LIST_SPLIT_COMMA, _birthday_square),
    SHOPIFY: _Format(
        FORMATS[SHOPIFY],
        {"customer id": "external_id", "first name": "given_name", "last name": "family_name",
         "email": "email", "phone": "phone", "default address phone": "phone",
         "accepts email marketing": "consent", "accepts sms marketing": "consent",
         "total spent": "spend", "total orders": "visits", "note": "notes", "tags": "tags"},
        ("customer id", "accepts email marketing"), _LIST_SPLIT_COMMA, _birthday_iso),
    SHOPIFY_LEGACY: _Format(
        FORMATS[SHOPIFY_LEGACY],
        {"first name": "given_name", "last name": "family_name", "email": "email",
         "phone": "phone", "accepts marketing": "consent", "total spent": "spend",
         "total orders": "visits", "note": "notes", "tags": "tags"},
        ("accepts marketing", "total spent"), _LIST_SPLIT_COMMA, _birthday_iso,
        id_from_email=True),
    MAPPED: _Format(FORMATS[MAPPED], {}, (), _LIST_SPLIT_ANY, _birthday_any),
}


def recognise(header: Iterable[str]) -> str | None:
    """The format whose export has this header, or None."""
    names = {h.strip().casefold() for h in header}
    for name in (SQUARE, SHOPIFY, SHOPIFY_LEGACY):
        if all(column in names for column in _SPECS[name].signature):
            return name
    if "external_id" in names or "name" in names:
        return OWN_FORMAT
    return None


# ---------------------------------------------------------------- mappings


def parse_mapping(text: str) -> dict[str, str]:
    """A column mapping from ``--map`` or a mapping file -> {their column: our field}.

    On the command line: ``Their column=our_field,Other=,...`` (pairs separated by commas).
    In a file: one ``Their column=our_field`` a line (a column name may then hold commas
    and ``#``); a line starting with ``#`` and anything after ``#`` following the field
    are comments. An empty field means the column is not imported. Raises
    ImportFailed naming every unknown field and every piece that is not ``column=field``
    (with its line in a file).
    """
    multi_line = "\n" in text
    mapping: dict[str, str] = {}
    problems: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines() or [text], start=1):
        if multi_line and line.lstrip().startswith("#"):
            continue
        pieces = [line] if multi_line else line.split(",")
        for piece in pieces:
            if not piece.strip():
                continue
            if "=" not in piece:
                problems.append((number, _("{pair!r} is not 'Their column=our_field'")
                                 .format(pair=piece.strip())))
                continue
            column, _sep, wanted = piece.rpartition("=")
            column = column.strip().lstrip("\ufeff")
            wanted = wanted.split("#", 1)[0].strip().casefold()  # "=phone  # a comment"
            if not column:
                problems.append((number, _("{pair!r} names no column").format(
                    pair=piece.strip())))
            elif wanted and wanted not in CUSTOMER_FIELDS:
                problems.append((number, _("unknown field {field!r} for the column "
                                           "{column!r}; the fields are: {fields}").format(
                    field=wanted, column=column, fields=", ".join(CUSTOMER_FIELDS))))
            else:
                mapping[column] = wanted
    if problems:
        raise ImportFailed(problems)
    if not mapping:
        raise ImportFailed([(1, _("the mapping names no column; write "
                                  "'Their column=our_field, ...'"))])
    return mapping


def mapping_from_argument(value: str) -> dict[str, str]:
    """``--map`` as given: the name of a mapping file (one pair a line), or the pairs
    themselves. ImportFailed for an unreadable file or a bad mapping."""
    path = Path(value)
    if "=" not in value or (len(value) < 4096 and path.is_file()):
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ImportFailed([(1, _("the mapping file {path} cannot be read ({reason}); "
                                      "give 'Their column=our_field,...' or a UTF-8 file "
                                      "with one pair a line").format(path=value,
                                                                     reason=exc))]) from exc
        return parse_mapping(text + "\n")
    return parse_mapping(value)


# ---------------------------------------------------------------- the mapper


@dataclass
class CustomerMapper:
    """Maps one file's rows; built once per file from its header (cheap: a worker process
    builds its own from the header and the options)."""

    format_name: str
    columns: tuple[ColumnMap, ...]
    options: ImportOptions = field(default_factory=ImportOptions)
    conventions: str = ""
    """Whose value conventions (tag separator, birthday forms) a mapped file follows: a
    name from `FORMATS` (``--format`` with ``--map``); '' = the format's own."""

    def __post_init__(self) -> None:
        spec = _SPECS.get(self.conventions or self.format_name, _SPECS[MAPPED])
        if self.format_name == MAPPED:
            spec = replace(spec, id_from_email=False)
        self._spec = spec
        self._width = len(self.columns)
        indexes: dict[str, list[int]] = {}
        for i, column in enumerate(self.columns):
            if column.field is not None:
                indexes.setdefault(column.field, []).append(i)
        # several columns for one field: the format's preferred column first (Shopify's
        # "Phone" before "Default Address Phone"), else the file's order
        order = {name: rank for rank, name in enumerate(spec.columns)}
        self._indexes = {
            k: tuple(sorted(v, key=lambda i: order.get(self.columns[i].column.strip()
                                                       .casefold(), len(order) + i)))
            for k, v in indexes.items()}
        self._mapped = tuple(i for v in self._indexes.values() for i in v)
        self._labels = {k: "/".join(self.columns[i].column for i in v)
                        for k, v in self._indexes.items()}
        language = self.options.language or self.options.default_language
        self._language = _language_code(language, self.options.region) or language
        self._has_language = "language" in self._indexes
        self._guess = self.options.language is None and not self._language.startswith("zh")
        self._cjk_language = ("zh-TW" if self.options.region.upper() in ("TW", "HK", "MO")
                              else "zh-CN")
        self._present = self._present_fields()
        self._has_facts = any(n in self._indexes for n in ("visits", "spend",
                                                           "first_visit", "last_visit"))
        try:
            self._zone: ZoneInfo | None = ZoneInfo(self.options.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self._zone = None

    def _present_fields(self) -> frozenset[str]:
        present = {"external_id"}
        for name in self._indexes:
            if name in ("name", "given_name", "family_name"):
                present.add("name")
            elif name == "birthday":
                present.update(("birth_month", "birth_day", "birth_year"))
            elif name == "consent":
                present.add("consent_contact")
            elif name == "allergies":
                present.update(("allergies", "allergens"))
            elif name in ("notes", "preferences"):
                present.add("preferences")
            elif name in ("phone", "email", "language", "tags", "personality"):
                present.add(name)
        if self._spec.id_from_email:
            present.add("email")
        return frozenset(present)

    def _label(self, name: str) -> str:
        """How a problem names a field: the file's column(s), as written."""
        label = self._labels.get(name)
        if label is not None:
            return label
        if name == "name":
            return self._labels.get("given_name", "") + (
                "/" + self._labels["family_name"] if "family_name" in self._labels else ""
            ) or "name"
        if name in ("birth_month", "birth_day", "birth_year"):
            return self._labels.get("birthday", "birthday")
        if name == "consent_contact":
            return self._labels.get("consent", "consent")
        if name == "preferences":
            return self._labels.get("notes", "preferences")
        if name == "external_id" and self._spec.id_from_email:
            return self._labels.get("email", "email")
        return name

    def _one(self, cells: list[str], name: str) -> str | None:
        """The first non-empty cell of the field's columns (apostrophe stripped); None when
        the file has no such column."""
        found = self._indexes.get(name)
        if found is None:
            return None
        for i in found:
            value = cells[i]
            if value[:1] == "'":
                value = value[1:].strip()
            if value:
                return clean_text(value)
        return ""

    def _all(self, cells: list[str], name: str) -> list[str]:
        values = []
        for i in self._indexes.get(name, ()):
            value = cells[i]
            if value[:1] == "'":
                value = value[1:].strip()
            if value:
                values.append(clean_text(value))
        return values

    def identity(self, cells: list[str]) -> str:
        """The external id `map_row` gives this row ('' when it has none or the row has the
        wrong number of fields): what the re-import fast path looks the row up by."""
        if len(cells) != self._width:
            return ""
        if self._spec.id_from_email:
            return (self._one(cells, "email") or "").casefold()
        return self._one(cells, "external_id") or ""

    def map_row(self, line: int, cells: list[str], today: date) -> MappedCustomer | RefusedRow:
        if len(cells) != self._width:
            return RefusedRow(line, tuple(cells), (
                _("{found} fields where the header has {expected}").format(
                    found=len(cells), expected=self._width),))
        problems: dict[str, str] = {}
        for i in self._mapped:
            if len(cells[i]) > MAX_FIELD:
                problems[self.columns[i].column] = _("at most {n} characters").format(
                    n=MAX_FIELD)
        if problems:
            return RefusedRow(line, tuple(cells), tuple(f"{k}: {v}"
                                                        for k, v in problems.items()))
        one = self._one
        spec = self._spec

        # identity
        email = one(cells, "email") or ""
        external_id = (email.casefold() if spec.id_from_email
                       else one(cells, "external_id") or "")
        if not external_id:
            problems[self._label("external_id")] = (
                _("required: older Shopify exports have no customer id, so the e-mail "
                  "recognises the customer again") if spec.id_from_email
                else _("required, it makes a re-import safe"))

        # name
        name = one(cells, "name") or ""
        if not name:
            name = _join_name(one(cells, "given_name") or "", one(cells, "family_name") or "")

        # language
        guessed = False
        language = self._language
        text = one(cells, "language") if self._has_language else ""
        if text:
            code = _language_code(text, self.options.region)
            if code is None:
                problems[self._label("language")] = _("one of {choices}").format(
                    choices=", ".join(LANGUAGES))
            else:
                language = code
        elif self._guess and not name.isascii() and has_cjk(name):
            # no language for this row: a Chinese, Japanese or Korean name is not "en"
            language = self._cjk_language
            guessed = True

        # birthday
        month = day = year = None
        if "birthday" in self._indexes:
            text = one(cells, "birthday") or ""
            try:
                month, day, year = spec.birthday(text)
            except ValueError:
                problems[self._label("birthday")] = _(
                    "{text!r} is not a birthday; use YYYY-MM-DD, or MM-DD without a "
                    "year").format(text=text)

        # consent
        consent = False
        if "consent" in self._indexes:
            for i in self._indexes["consent"]:
                word = cells[i].lstrip("'").strip().casefold()
                if word in _YES:
                    consent = True
                elif word not in _NO:
                    problems[self.columns[i].column] = _(
                        "{text!r}: use yes or no (subscribed or unsubscribed)").format(
                            text=cells[i])

        # personality
        personality = None
        if "personality" in self._indexes:
            personality = (one(cells, "personality") or "").casefold() or None
            if personality is not None and personality not in PERSONALITIES:
                problems[self._label("personality")] = _("one of {choices}").format(
                    choices=", ".join(PERSONALITIES))

        # lists and text
        split = spec.split_tags
        tags = [t for text in self._all(cells, "tags") for t in split.split(text)]
        allergies = [a for text in self._all(cells, "allergies")
                     for a in _LIST_SPLIT_OWN.split(text)]
        notes_join = "notes" in self._indexes
        preferences = "\n".join(self._all(cells, "preferences") + self._all(cells, "notes"))

        # phone
        phone = one(cells, "phone") or ""
        if phone:
            phone = normalise_phone(phone, self.options.region)

        facts = self._facts(cells, problems)

        data = CustomerInput(
            name=name, phone=phone, email=email, language=language, birth_month=month,
            birth_day=day, birth_year=year, allergies=allergies, preferences=preferences,
            tags=tags, consent_contact=consent, personality=personality,
            external_id=external_id or None)
        try:
            data = customer_api.validate(data, today, cleaned=True)  # cells cleaned above
        except ValidationError as exc:
            for name_, message in exc.fields.items():
                problems.setdefault(self._label(name_), message)
        if problems:
            return RefusedRow(line, tuple(cells), tuple(f"{k}: {v}"
                                                        for k, v in problems.items()))
        # validate turned every allergy naming one of the 14 into its code: what stays
        # free text is what the import reports
        unrecognised = tuple(data.allergies)
        return MappedCustomer(line, data, self._present, facts, unrecognised, guessed,
                              notes_join)

    def _facts(self, cells: list[str], problems: dict[str, str]) -> CustomerFacts:
        if not self._has_facts:
            return _NO_FACTS
        one = self._one
        visits = None
        text = one(cells, "visits")
        if text:
            try:
                visits = int(text.replace(",", "").replace(" ", "").replace("\u00a0", ""))
                if visits < 0:
                    raise ValueError(text)
            except ValueError:
                problems[self._label("visits")] = _("{text!r}: a whole number of visits, "
                                                    "0 or more").format(text=text)
        spend = None
        text = one(cells, "spend")
        if text:
            try:
                spend = parse_amount(text, self.options.currency_precision)
            except ValueError:
                problems[self._label("spend")] = _(
                    "{text!r}: an amount such as 1234.50, 0 or more, with at most {n} "
                    "decimals").format(text=text, n=self.options.currency_precision)
        first = self._moment(one(cells, "first_visit"), "first_visit", problems)
        last = self._moment(one(cells, "last_visit"), "last_visit", problems)
        if first and last and first > last:
            problems[self._label("first_visit")] = _("after the last visit ({last})").format(
                last=one(cells, "last_visit"))
        return CustomerFacts(visits, first, last, spend)

    def _moment(self, text: str | None, name: str, problems: dict[str, str]) -> str | None:
        if not text:
            return None
        try:
            return _moment_cached(text, self._zone)
        except ValueError:
            problems[self._label(name)] = _(
                "{text!r}: use a date such as 2024-03-05 (a time may follow)").format(
                    text=text)
            return None


_NO_FACTS = CustomerFacts()


def customer_mapper(header: tuple[str, ...], options: ImportOptions) -> CustomerMapper:
    """The mapper for a file with this header; ImportFailed lists every header problem."""
    if options.mapping is not None:
        return _mapped(header, options)
    folded = [h.strip().casefold() for h in header]
    problems: list[tuple[int, str]] = []
    name = options.format
    if name is not None and name not in _SPECS:
        raise ImportFailed([(1, _("unknown format {name!r}; the formats are: {names}")
                             .format(name=name, names=", ".join(FORMATS)))])
    if name is None:
        name = recognise(header)
    if name is None or name == MAPPED:
        raise ImportFailed([(1, _(
            "the columns are not those of a known export (Counterpart, Square, Shopify); "
            "name the columns to import with --map 'Their column=our_field,...' (fields: "
            "{fields}); the file's columns are: {columns}").format(
                fields=", ".join(CUSTOMER_FIELDS), columns=", ".join(header)))])
    spec = _SPECS[name]
    fields: list[str | None] = []
    for column in folded:
        wanted = spec.columns.get(column)
        if wanted is None and name == OWN_FORMAT and column in CUSTOMER_FIELDS:
            wanted = column
        fields.append(wanted)
    problems.extend(_field_problems(header, fields, spec))
    if problems:
        raise ImportFailed(problems)
    return CustomerMapper(name, tuple(ColumnMap(h, f) for h, f in zip(header, fields,
                                                                      strict=True)),
                          options)


def _mapped(header: tuple[str, ...], options: ImportOptions) -> CustomerMapper:
    assert options.mapping is not None
    problems: list[tuple[int, str]] = []
    by_column = {h.strip().casefold(): i for i, h in enumerate(header)}
    fields: list[str | None] = [None] * len(header)
    for column, wanted in options.mapping.items():
        index = by_column.get(column.strip().casefold())
        wanted = wanted.strip().casefold()
        if index is None:
            problems.append((1, _("the mapping names the column {column!r}, which the file "
                                  "does not have; its columns are: {columns}").format(
                column=column, columns=", ".join(header))))
        elif wanted and wanted not in CUSTOMER_FIELDS:
            problems.append((1, _("unknown field {field!r} for the column {column!r}; the "
                                  "fields are: {fields}").format(
                field=wanted, column=column, fields=", ".join(CUSTOMER_FIELDS))))
        else:
            fields[index] = wanted or None
    conventions = options.format if options.format in _SPECS else MAPPED
    if options.format is not None and options.format not in _SPECS:
        problems.append((1, _("unknown format {name!r}; the formats are: {names}")
                         .format(name=options.format, names=", ".join(FORMATS))))
    spec = replace(_SPECS[conventions], id_from_email=False)
    problems.extend(_field_problems(header, fields, spec))
    if problems:
        raise ImportFailed(problems)
    return CustomerMapper(MAPPED, tuple(ColumnMap(h, f) for h, f in zip(header, fields,
                                                                        strict=True)),
                          options, conventions)


def _field_problems(header: tuple[str, ...], fields: list[str | None],
                    spec: _Format) -> list[tuple[int, str]]:
    problems: list[tuple[int, str]] = []
    chosen = [f for f in fields if f is not None]
    for wanted in sorted({f for f in chosen if chosen.count(f) > 1} - _MULTI_FIELDS):
        columns = [h for h, f in zip(header, fields, strict=True) if f == wanted]
        problems.append((1, _("the columns {columns} are all mapped to {field!r}; map "
                              "one").format(columns=", ".join(map(repr, columns)),
                                            field=wanted)))
    if "name" in chosen and ("given_name" in chosen or "family_name" in chosen):
        problems.append((1, _("map either name or given_name/family_name, not both")))
    if spec.id_from_email:
        if "email" not in chosen:
            problems.append((1, _("the column 'Email' is missing; older Shopify exports "
                                  "name customers by it")))
    elif "external_id" not in chosen:
        problems.append((1, _("no column gives the external_id (the other system's "
                              "customer id), which makes a re-import safe")))
    if not ({"name", "given_name", "family_name"} & set(chosen)):
        problems.append((1, _("no column gives the name (name, or given_name and "
                              "family_name)")))
    return problems


# ---------------------------------------------------------------- values


def _join_name(given: str, family: str) -> str:
    """Given and family names as the script expects: "Anna Virtanen", but "王小明" (family
    name first, no space) when the name is written in Chinese, Japanese or Korean."""
    if not family:
        return given
    if not given:
        return family
    if (not given.isascii() or not family.isascii()) and has_cjk(family) and (
            has_cjk(given)):
        return family + given
    return f"{given} {family}"


def _language_code(text: str, region: str) -> str | None:
    return _LANGUAGE_CODES.get(text.strip().replace("_", "-").casefold()) or (
        ("zh-TW" if region.upper() in ("TW", "HK", "MO") else "zh-CN")
        if text.strip().casefold() in ("zh", "chinese", "中文") else None)


_LANGUAGE_CODES: dict[str, str] = {
    **{code.casefold(): code for code in LANGUAGES},
    "english": "en", "en-gb": "en", "en-us": "en", "finnish": "fi", "suomi": "fi",
    "fi-fi": "fi", "zh-hant": "zh-TW", "zh-hk": "zh-TW", "zh-mo": "zh-TW",
    "zh-hant-tw": "zh-TW", "zh-hans": "zh-CN", "zh-sg": "zh-CN", "zh-hans-cn": "zh-CN",
    "繁體中文": "zh-TW", "简体中文": "zh-CN",
}


_AMOUNT_JUNK = re.compile(r"[^\d.,\-]")
_PLAIN_AMOUNT = re.compile(r"\d+(?:\.\d+)?$")


def parse_amount(text: str, precision: int) -> int:
    """A money amount as exports write it ("$1,234.50", "1 234,50 €", "12.5") in integer
    minor units, through Decimal (never float). ValueError for anything else, a negative
    amount, or more decimals than the currency has.

    With both separators the last one is the decimal point; a lone comma followed by
    three digits ("1,234") groups thousands, otherwise it is a decimal comma ("12,50").
    """
    cleaned = text if _PLAIN_AMOUNT.match(text) else _AMOUNT_JUNK.sub("", text)
    commas, dots = cleaned.count(","), cleaned.count(".")
    if commas and dots:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif commas:
        tail = cleaned.rpartition(",")[2]
        if commas > 1 or (len(tail) == 3 and cleaned[0] != ","):
            cleaned = cleaned.replace(",", "")
        else:
            cleaned = cleaned.replace(",", ".")
    elif dots > 1:
        cleaned = cleaned.replace(".", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite() or value < 0:
        raise ValueError(text)
    minor = value.scaleb(precision)
    if minor != minor.to_integral_value():
        raise ValueError(text)
    return int(minor)


_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:[ ,T]+(.*))?$")


def parse_moment(text: str, zone: ZoneInfo | None) -> str:
    """A date or date and time as exports write it, as ISO 8601 UTC (db.clock.to_iso).

    2024-03-05, 2024-03-05 14:05[:00], ISO 8601 with an offset, 3/5/2024 [2:05 PM]; a time
    without an offset (or a date alone, taken as its midnight) is the shop's local time.
    """
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        match = _US_DATE.match(text)
        if match is None:
            return _named_month_moment(text, zone)
        year = int(match[3])
        year += 2000 if year < 100 else 0
        moment = datetime(year, int(match[1]), int(match[2]))
        if match[4]:
            clock = datetime.strptime(match[4].strip().upper().replace(".", ""),
                                      "%I:%M %p" if match[4].strip()[-1:].isalpha()
                                      else "%H:%M")
            moment = moment.replace(hour=clock.hour, minute=clock.minute)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _named_month_moment(text: str, zone: ZoneInfo | None) -> str:
    """ "Mar 5, 2024" or "5 Mar 2024" (a date alone, its local midnight); ValueError else."""
    for form in ("%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y"):
        try:
            moment = datetime.strptime(text, form)
        except ValueError:
            continue
        return moment.replace(tzinfo=zone or UTC).astimezone(UTC).isoformat(
            timespec="seconds")
    raise ValueError(text)


@lru_cache(maxsize=65536)
def _moment_cached(text: str, zone: ZoneInfo | None) -> str:
    """`parse_moment` for a file's rows: visit dates repeat (a busy day has many)."""
    return parse_moment(text, zone)


# ---------------------------------------------------------------- merging


def join_preferences(stored: str, note: str) -> str:
    """The stored preferences with the other system's note: unchanged when the note is
    already there (a re-import), the note alone when nothing is stored, else both on
    their own lines."""
    stored, note = stored.strip(), note.strip()
    if not note or note in stored:
        return stored
    if not stored or stored in note:
        return note
    return f"{stored}\n{note}"


def merged_input(stored: CustomerInput, mapped: MappedCustomer) -> CustomerInput:
    """What an update saves: the stored customer with the fields the file supplies.

    A note of another system (`notes_join`) is joined with the stored preferences (see
    `join_preferences`); ValidationError names preferences when the two together are
    longer than db.customers.records.MAX_PREFERENCES.
    """
    changes = {f: getattr(mapped.data, f) for f in mapped.present if hasattr(stored, f)}
    if mapped.notes_join and "preferences" in changes:
        joined = join_preferences(stored.preferences, mapped.data.preferences)
        if len(joined) > customer_api.MAX_PREFERENCES:
            raise ValidationError({"preferences": _(
                "the stored preferences and the imported note together are longer than "
                "{n} characters; shorten one").format(n=customer_api.MAX_PREFERENCES)})
        changes["preferences"] = joined
    return replace(stored, **changes)


__all__ = [
    "CUSTOMER_FIELDS",
    "FORMATS",
    "ColumnMap",
    "CustomerFacts",
    "CustomerMapper",
    "ImportOptions",
    "MappedCustomer",
    "RefusedRow",
    "customer_mapper",
    "join_preferences",
    "mapping_from_argument",
    "merged_input",
    "normalise_phone",
    "parse_amount",
    "parse_mapping",
    "parse_moment",
    "recognise",
]


def shop_language(settings: ShopSettings) -> str:
    """The shop's language, from its locale (fi_FI -> fi, zh_TW -> zh-TW), else English."""
    code = settings.locale.replace("-", "_")
    language, _sep, country = code.partition("_")
    if language == "zh":
        return "zh-CN" if country.upper() in ("CN", "SG") or "Hans" in code else "zh-TW"
    return language if language in LANGUAGES else "en"


def options_for_shop(settings: ShopSettings, *, format: str | None = None,
                     mapping: dict[str, str] | None = None,
                     language: str | None = None) -> ImportOptions:
    """What a person chose (format, mapping, language) with the shop's defaults: its
    language, country (for phone numbers), currency decimals and time zone. The command
    line, the window and code all read files the same way through this."""
    from babel.numbers import get_currency_precision

    from db.customers.phones import region_from_locale

    return ImportOptions(format=format, mapping=mapping, language=language,
                         default_language=shop_language(settings),
                         region=region_from_locale(settings.locale),
                         currency_precision=get_currency_precision(settings.currency),
                         timezone=settings.timezone)
