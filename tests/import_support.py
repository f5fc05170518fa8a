"""What several import test modules share: everything an import writes, and a count of
the rows the mappers were asked to map (the re-import fast path maps none)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlite_utils import Database

from db.imports import staging as import_staging


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
