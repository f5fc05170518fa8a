"""An import as one job: read, check, stage, merge; the API the command line and the window
share. (Interface fixed by the lead; the staging engine replaces the baseline body.)

A job streams the file (never holds it whole), checks every row, and writes nothing to the
customer tables when any row is refused. Other tills keep saving while it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from db import customers as customer_api
from db.clock import utcnow
from db.connection import write
from db.import_formats import (
    FORMATS,
    ColumnMap,
    ImportOptions,
    MappedCustomer,
    RefusedRow,
    customer_mapper,
)
from db.import_source import SourceInfo, open_rows

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
    source, rows = open_rows(path)
    mapper = customer_mapper(source.header, options)
    today = utcnow().date()
    sample: list[MappedCustomer | RefusedRow] = []
    for line, cells in rows:
        sample.append(mapper.map_row(line, cells, today))
        if len(sample) >= SAMPLE_ROWS:
            break
    return ImportPreview(source, mapper.format_name, FORMATS.get(mapper.format_name, ""),
                         mapper.columns, tuple(sample))


def import_customers_file(
    db: Database,
    path: Path,
    options: ImportOptions,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    refused_sink: Callable[[RefusedRow], None] | None = None,
) -> ImportReport:
    """Import (or with dry_run only check) a customer file; all or nothing.

    Raises ImportFailed only for a file that cannot be read at all (encoding, header);
    refused rows come back in the report (`refused` > 0: nothing imported) and each goes to
    `refused_sink` (the command line writes them to the --errors file). A cancelled job
    removes what it staged or merged and returns with `cancelled` set.

    Baseline: checks everything, then writes in one transaction (the staging engine
    replaces this with short transactions that never block other tills).
    """
    source, rows = open_rows(path)
    mapper = customer_mapper(source.header, options)
    report = ImportReport("customers", mapper.format_name, dry_run=dry_run)
    today = utcnow().date()
    checked: list[MappedCustomer] = []
    for line, cells in rows:
        if cancelled is not None and cancelled():
            report.cancelled = True
            return report
        report.rows += 1
        mapped = mapper.map_row(line, cells, today)
        if isinstance(mapped, RefusedRow):
            report.refused += 1
            if len(report.problems) < MAX_PROBLEMS_KEPT:
                report.problems.append(mapped)
            if refused_sink is not None:
                refused_sink(mapped)
            continue
        report.unrecognised_allergies.extend((line, t) for t in mapped.unrecognised_allergies)
        if len(report.sample) < SAMPLE_ROWS:
            report.sample.append(mapped)
        checked.append(mapped)
        if progress is not None and report.rows % 1000 == 0:
            progress(ImportProgress("checking", report.rows, None))
    if report.refused or dry_run:
        return report
    with write(db):
        for done, mapped in enumerate(checked, start=1):
            if cancelled is not None and cancelled():
                raise _Cancelled
            _merge_one(db, mapped, today, report)
            if progress is not None and done % 1000 == 0:
                progress(ImportProgress("merging", done, len(checked)))
    return report


class _Cancelled(Exception):
    pass


def _merge_one(db: Database, mapped: MappedCustomer, today: date,
               report: ImportReport) -> None:
    row = db.execute("SELECT id FROM customers WHERE external_id = ?",
                     [mapped.data.external_id]).fetchone()
    if row is None:
        customer_api.create_customer(db, mapped.data, method="import")
        report.added += 1
        return
    existing = customer_api.get_customer(db, row[0])
    stored = existing.to_input()
    merged = replace(stored, **{f: getattr(mapped.data, f) for f in mapped.present
                               if hasattr(stored, f)})
    clean = customer_api.validate(merged, today)
    if customer_api.validate(stored, today) == clean:
        report.unchanged += 1
    else:
        customer_api.update_customer(db, existing.id, clean, method="import")
        report.updated += 1
