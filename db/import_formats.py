"""Customer exports of other systems, mapped row by row to what the customer form takes.

A format is recognised from the header (Square's and Shopify's customer exports, and
Counterpart's own columns), named with ``--format``, or given as a column mapping
(``--map 'Their column=our_field,...'``). Mapping a row checks every field and returns all
of the row's problems at once, so a person fixes a row once, not once per try.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from db import customers as customer_api
from db.allergens import codes_for
from db.errors import ImportFailed, ValidationError
from db.i18n import _
from db.models import CustomerInput

OWN_FORMAT = "counterpart"
CUSTOMER_FIELDS: tuple[str, ...] = (
    "external_id", "name", "phone", "email", "language", "birthday", "allergies",
    "preferences", "tags", "consent", "personality",
)
"""The fields a mapping may name (more arrive with the other systems' formats)."""


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
    """Validated (`db.customers.validate`); `data.external_id` is set."""
    present: frozenset[str]
    """CustomerInput fields the file supplies; an update keeps the stored value of others."""
    facts: CustomerFacts = CustomerFacts()
    unrecognised_allergies: tuple[str, ...] = ()
    """Allergies naming none of the 14 EU allergens: kept as free text, and reported."""


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


@dataclass
class CustomerMapper:
    """Maps one file's rows; built once per file from its header."""

    format_name: str
    columns: tuple[ColumnMap, ...]
    options: ImportOptions = field(default_factory=ImportOptions)

    def map_row(self, line: int, cells: list[str], today: date) -> MappedCustomer | RefusedRow:
        if len(cells) != len(self.columns):
            return RefusedRow(line, tuple(cells), (
                _("{found} fields where the header has {expected}").format(
                    found=len(cells), expected=len(self.columns)),))
        row = {c.field: value for c, value in zip(self.columns, cells, strict=True)
               if c.field is not None}
        return _map_own(line, row, tuple(cells), today, self.options)


FORMATS: dict[str, str] = {OWN_FORMAT: "Counterpart"}
"""Format name -> the name people know it by."""


def customer_mapper(header: tuple[str, ...], options: ImportOptions) -> CustomerMapper:
    """The mapper for a file with this header; ImportFailed lists every header problem."""
    names = [h.strip().casefold() for h in header]
    problems: list[tuple[int, str]] = []
    for name in names:
        if name not in CUSTOMER_FIELDS:
            problems.append((1, _("unknown column {name!r}; the columns are: {columns}")
                             .format(name=name, columns=", ".join(CUSTOMER_FIELDS))))
    for name in ("external_id", "name"):
        if name not in names:
            problems.append((1, _("the column {name!r} is missing").format(name=name)))
    if problems:
        raise ImportFailed(problems)
    return CustomerMapper(OWN_FORMAT, tuple(ColumnMap(h, n) for h, n in zip(header, names,
                                                                             strict=True)),
                          options)


def _map_own(line: int, row: dict[str, str], cells: tuple[str, ...], today: date,
             options: ImportOptions) -> MappedCustomer | RefusedRow:
    from db.importer import _split_list, customer_input

    problems: list[str] = []
    if not row.get("external_id"):
        problems.append(_("external_id: required, it makes a re-import safe"))
    if "language" not in row:
        row = {**row, "language": options.language or options.default_language}
    try:
        data = customer_api.validate(customer_input(row), today)
    except ValidationError as exc:
        problems.extend(f"{name}: {message}" for name, message in exc.fields.items())
        return RefusedRow(line, cells, tuple(problems))
    if problems:
        return RefusedRow(line, cells, tuple(problems))
    unrecognised = tuple(t for t in _split_list(row.get("allergies", "")) if not codes_for(t))
    present = frozenset(_PRESENT.get(name, name) for name in row)
    return MappedCustomer(line, data, present, CustomerFacts(), unrecognised)


_PRESENT = {"birthday": "birth_month", "consent": "consent_contact"}
