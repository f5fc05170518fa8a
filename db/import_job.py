"""An import as one job: read, check, stage, merge; the API the command line and the window
share. (Interface fixed by the lead; the staging engine replaces the bodies.)

A job streams the file (never holds it whole), checks every row, and writes nothing to the
customer tables when any row is refused. Other tills keep saving while it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from db.import_formats import ColumnMap, ImportOptions, MappedCustomer, RefusedRow
from db.import_source import SourceInfo

MAX_PROBLEMS_KEPT = 1_000
"""Refused rows kept in a report; all of them go to the errors file."""
SAMPLE_ROWS = 10


@dataclass(frozen=True)
class ImportProgress:
    stage: str
    """'checking', 'staging', 'merging' or 'removing' (a cancelled import undone)."""
    done: int
    total: int | None
    """Rows in the file when known (bytes read give the checking stage's progress)."""


@dataclass(frozen=True)
class ImportPreview:
    """What a person sees before importing: the file, the format and the mapping."""

    source: SourceInfo
    format_name: str
    format_label: str
    columns: tuple[ColumnMap, ...]
    sample: tuple[MappedCustomer | RefusedRow, ...]


@dataclass
class ImportReport:
    kind: str
    """'customers' or 'purchases'."""
    format_name: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: int = 0
    """Rows with problems; more than 0 means nothing was imported."""
    problems: list[RefusedRow] = field(default_factory=list)
    """The first MAX_PROBLEMS_KEPT refused rows with all their problems."""
    sample: list[MappedCustomer] = field(default_factory=list)
    unrecognised_allergies: list[tuple[int, str]] = field(default_factory=list)
    dry_run: bool = False
    cancelled: bool = False
    errors_written: int = 0
    import_id: int | None = None


Progress = Callable[[ImportProgress], None]
Cancelled = Callable[[], bool]


def preview_customers(db: Database, path: Path, options: ImportOptions) -> ImportPreview:
    """Header, recognised format, mapping and the first SAMPLE_ROWS rows mapped; fast."""
    raise NotImplementedError


def import_customers_file(
    db: Database,
    path: Path,
    options: ImportOptions,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    errors_path: Path | None = None,
) -> ImportReport:
    """Import (or with dry_run only check) a customer file; all or nothing.

    Raises ImportFailed only for a file that cannot be read at all (encoding, header);
    refused rows come back in the report (`refused` > 0: nothing imported). A cancelled job
    removes what it staged or merged and returns with `cancelled` set.
    """
    raise NotImplementedError
