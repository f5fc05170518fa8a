"""What several import test modules share: everything an import writes, and a count of
the rows the mappers were asked to map (the re-import fast path maps none)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from db.imports import staging as import_staging
from db.imports.job import ImportInterrupted
from db.store.connection import open_database


def snapshot(db: Database) -> dict[str, list[Any]]:
    """Everything an import writes, to compare before and after."""
    tables = {
        "customers": "SELECT * FROM customers ORDER BY id",
        "fts": "SELECT rowid, doc FROM customer_fts ORDER BY rowid",
        "terms": "SELECT term, rank_key FROM customer_terms ORDER BY 1, 2",
        "consents": "SELECT * FROM consents ORDER BY id",
        "hashes": "SELECT hash, external_id FROM import_row_hashes ORDER BY 1",
    }
    return {name: db.execute(sql).fetchall() for name, sql in tables.items()}


def count_mapped(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """From now on, the size of each batch of rows a mapper maps (in this process)."""
    mapped: list[int] = []
    real = import_staging.RowMapper.map_rows

    def counting(self: Any, rows: Any, samples: int = 0) -> Any:
        mapped.append(len(rows))
        return real(self, rows, samples)

    monkeypatch.setattr(import_staging.RowMapper, "map_rows", counting)
    return mapped


def customer_count(path: Path) -> int:
    """Customers in the database file `path` (opened and closed again)."""
    db = open_database(path)
    try:
        return int(db.execute("SELECT count(*) FROM customers").fetchone()[0])
    finally:
        db.close()


def quick_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small merge slices and no pause: many transactions, quickly."""
    from db.imports import job as import_job

    monkeypatch.setattr(import_job, "PAUSE_SECONDS", 0.0)
    monkeypatch.setattr(import_job, "FIRST_SLICE_ROWS", 40)
    monkeypatch.setattr(import_job, "SLICE_SECONDS", 0.002)


def interrupt_with_full_disk(monkeypatch: pytest.MonkeyPatch, shop: Path, source: Path,
                             after: int = 80) -> ImportInterrupted:
    """Import `source` into the database file `shop` until about `after` customers are
    merged, then fill the disk: every write fails from then on, the undo's as well, so the
    import waits (`ImportInterrupted`, returned) with some of its customers in the shop."""
    from db.imports.formats import ImportOptions
    from db.imports.job import ImportProgress, import_customers_file
    from tests.hostile_support import DISK_FULL, WRITES, faulty_sqlite

    quick_slices(monkeypatch)
    full = {"on": False}

    def progress(p: ImportProgress) -> None:
        full["on"] = full["on"] or (p.stage == "merging" and p.done >= after)

    with faulty_sqlite(monkeypatch, DISK_FULL, WRITES, armed=lambda: full["on"]):
        db = open_database(shop)
        try:
            with pytest.raises(ImportInterrupted) as info:
                import_customers_file(db, source, ImportOptions(), workers=1,
                                      progress=progress)
        finally:
            db.close()
    return info.value
