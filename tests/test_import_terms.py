"""A file database merges an import's short search terms in batches after the customers
(`db.imports.merge.merge_terms`): an import cut short between the two is resumed or
abandoned as completely as one cut anywhere else, and a finished import is searchable by
one and two letters as a customer added by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from console.import_bench_data import write_customer_csv
from db.customers.records import search_customers
from db.imports import job as import_job
from db.imports import merge as import_merge
from db.imports.formats import ImportOptions
from db.imports.job import abandon_import, import_customers_file, resume_import
from db.store.connection import open_database
from tests.import_support import snapshot

ROWS = 1_500


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_job, "TERMS_BATCH_ROWS", 300)
    monkeypatch.setattr(import_job, "FIRST_SLICE_ROWS", 100)
    monkeypatch.setattr(import_job, "PAUSE_SECONDS", 0.0)


def _cut_short(tmp_path: Path, path: Path, monkeypatch: pytest.MonkeyPatch,
               call: int) -> Database:
    """The shop's database after an import of `path` stopped at the `call`-th batch of
    short terms (a second Ctrl-C); the crash is undone for what follows."""
    db = open_database(tmp_path / "shop.sqlite")
    _crash_at_terms(monkeypatch, call)
    with pytest.raises(KeyboardInterrupt):
        import_customers_file(db, path, ImportOptions())
    monkeypatch.undo()
    return db


def _crash_at_terms(monkeypatch: pytest.MonkeyPatch, call: int) -> None:
    real = import_merge.merge_terms
    calls = []

    def crashing(*args: Any) -> None:
        calls.append(args)
        if len(calls) == call:
            raise KeyboardInterrupt  # a second Ctrl-C: stops at once, the import waits
        real(*args)

    monkeypatch.setattr(import_merge, "merge_terms", crashing)


def test_terms_cut_short_are_completed_by_resume(
        tmp_path: Path, fixed_clock: object, small_batches: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "customers.csv"
    write_customer_csv(path, ROWS)
    whole = open_database(tmp_path / "whole.sqlite")
    assert import_customers_file(whole, path, ImportOptions()).added == ROWS
    db = _cut_short(tmp_path, path, monkeypatch, call=2)
    cut = snapshot(db)
    assert 0 < len(cut["terms"]) < len(snapshot(whole)["terms"])
    assert resume_import(db).added == ROWS
    assert snapshot(db) == snapshot(whole)
    # one and two letters find an imported customer as they find one added by hand
    name = db.execute("SELECT name FROM customers WHERE language = 'fi' LIMIT 1").fetchone()[0]
    assert any(h.name == name for h in search_customers(db, name[:2], limit=ROWS))


def test_terms_cut_short_are_removed_by_abandon(
        tmp_path: Path, fixed_clock: object, small_batches: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "customers.csv"
    write_customer_csv(path, ROWS)
    db = _cut_short(tmp_path, path, monkeypatch, call=3)
    abandon_import(db)
    assert {name: rows for name, rows in snapshot(db).items() if rows} == {}
