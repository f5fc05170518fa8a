"""The import as one call for code and tests: `import_customers` and `import_purchases`
take a path or the file's bytes and raise ImportFailed with every (line, reason) when any
row is refused (nothing is imported then).

Both are thin wrappers over the import jobs the command line and the window use
(`db.imports.job` for customers: staged, merged in short transactions; `db.imports.purchases`
for purchases), so formats, checks and guarantees are the same everywhere: Square's and
Shopify's exports are recognised, the external id and the receipt id make a second import
of the same file add nothing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from db.errors import ImportFailed

if TYPE_CHECKING:
    from db.imports.formats import RefusedRow
    from db.imports.job import ImportProgress, ImportReport

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): stage is "checking" or "writing"."""


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


def import_customers(
    db: Database, source: Path | str | bytes, *, progress: Progress | None = None
) -> ImportResult:
    """Add new customers and update changed ones, matched on external_id (through
    `db.imports.job.import_customers_file`: staged, merged in short transactions)."""
    from db.imports.job import import_customers_file

    report = _run_job(db, source, import_customers_file, progress)
    return ImportResult(rows=report.rows, added=report.added, updated=report.updated,
                        unchanged=report.unchanged,
                        unrecognised_allergies=tuple(report.unrecognised_allergies))


def import_purchases(
    db: Database, source: Path | str | bytes, *, progress: Progress | None = None
) -> ImportResult:
    """Add receipts not yet recorded (matched on receipt_id) and update customers' facts
    (through `db.imports.purchases.import_purchases_file`)."""
    from db.imports.purchases import import_purchases_file

    report = _run_job(db, source, import_purchases_file, progress)
    return ImportResult(rows=report.rows, added=report.added, updated=0,
                        unchanged=report.unchanged)


def _run_job(db: Database, source: Path | str | bytes, job: Callable[..., ImportReport],
             progress: Progress | None) -> ImportReport:
    """Run an import job with the shop's options; ImportFailed with every (line, reason)
    when any row is refused (nothing is imported then)."""
    from db.imports.formats import options_for_shop
    from db.settings import load_settings

    def report_progress(step: ImportProgress) -> None:
        if progress is not None:
            stage = "writing" if step.stage == "merging" else step.stage
            progress(stage, step.done, step.total if step.total is not None else step.done)

    problems: list[tuple[int, str]] = []

    def collect(refused: RefusedRow) -> None:
        problems.extend((refused.line, reason) for reason in refused.problems)

    with _as_file(source) as path:
        report = job(db, path, options_for_shop(load_settings(db)), progress=report_progress,
                     refused_sink=collect)
    if problems:
        raise ImportFailed(problems)
    return report


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
