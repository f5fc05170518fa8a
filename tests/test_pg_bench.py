"""`counterpart bench --db postgresql://...` at a tiny size: the same shop as the SQLite
build, every figure printed with a number, `--compare FILE` with both engines' columns, and
a database that is not a benchmark build never touched."""

from __future__ import annotations

import math
from pathlib import Path

import psycopg
import pytest

from console import bench
from console.cli import main
from db.store.connection import open_database

pytest_plugins = ["tests.pg_support"]  # the server, template and per-test database

CUSTOMERS, ITEMS = 120, 1500
FIGURES = ["search_p95_ms", "find_keystrokes_median", "find_top5_pct", "profile_open_p95_ms",
           "peak_rss_mb", "till_refresh_p95_ms", "concurrent_authorise_p95_ms"]
SIZES = ["--customers", str(CUSTOMERS), "--purchase-items", str(ITEMS), "--no-startup"]


def _number(text: str) -> float:
    value = float(text)
    assert math.isfinite(value) and value >= 0, text
    return value


@pytest.fixture(autouse=True)
def few_authorisations(monkeypatch: pytest.MonkeyPatch) -> None:
    """8 tills as in the full run, 2 authorisations each instead of 20 (real scrypt)."""
    monkeypatch.setattr(bench, "AUTHORISATIONS_EACH", 2)


def test_the_server_bench_builds_the_same_shop_and_prints_every_figure(
        empty_url: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--db", empty_url, *SIZES]) == 0
    out, err = capfd.readouterr()
    assert "built the benchmark shop" in err
    lines = [line.split() for line in out.splitlines()]
    assert [line[0] for line in lines] == FIGURES
    for _name, value, unit in lines:
        _number(value)
        assert unit in ("ms", "letters", "%", "MB")
    assert _number(lines[FIGURES.index("concurrent_authorise_p95_ms")][1]) > 0

    sqlite_file = tmp_path / "bench.sqlite"
    bench.build_bench_db(sqlite_file, CUSTOMERS, ITEMS)
    on_file, on_server = open_database(sqlite_file), open_database(empty_url)
    try:
        for sql in (  # the bench's customers (the till figures add one with purchases)
                "SELECT id, name, phone, search_score, visits FROM customers "
                f"WHERE id <= {CUSTOMERS} ORDER BY id",
                f"SELECT count(*), sum(quantity) FROM purchase_items "
                f"WHERE customer_id <= {CUSTOMERS}",
                "SELECT customer_id, item_key, quantity FROM customer_items "
                f"WHERE customer_id <= {CUSTOMERS} ORDER BY 1, 2",
                "SELECT rowid, doc FROM customer_fts WHERE doc NOT LIKE '%bench refresh%' "
                "ORDER BY rowid"):
            assert on_server.execute(sql).fetchall() == on_file.execute(sql).fetchall(), sql
    finally:
        on_file.close()
        on_server.close()

    capfd.readouterr()
    assert main(["bench", "--db", empty_url, "--compare", str(sqlite_file), *SIZES]) == 0
    out, err = capfd.readouterr()
    assert "reusing" in err and "building" not in err  # both builds reused
    header, *rows = [line.split() for line in out.splitlines()]
    assert header == ["figure", "postgresql", "sqlite", "unit"]
    assert [row[0] for row in rows] == FIGURES
    for _name, on_pg, on_sqlite, _unit in rows:
        _number(on_pg)
        _number(on_sqlite)


def test_a_database_that_is_not_a_benchmark_build_is_refused(
        pg_url: str, capfd: pytest.CaptureFixture[str]) -> None:
    """`db init`'s tables (a shop's, as far as the bench can tell) stay as they were."""
    with psycopg.connect(pg_url) as raw:
        before = raw.execute("SELECT count(*) FROM information_schema.tables "
                             "WHERE table_schema = 'public'").fetchone()
    assert main(["bench", "--db", pg_url, *SIZES]) != 0
    assert "not a benchmark database" in capfd.readouterr().err
    with psycopg.connect(pg_url) as raw:
        assert raw.execute("SELECT count(*) FROM information_schema.tables "
                           "WHERE table_schema = 'public'").fetchone() == before
        assert raw.execute("SELECT to_regclass('_bench_meta')").fetchone() == (None,)


def test_compare_needs_a_server(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "--db", str(tmp_path / "a.sqlite"), "--compare",
                 str(tmp_path / "b.sqlite"), *SIZES]) == 2
    assert "--compare needs a PostgreSQL server" in capfd.readouterr().err


def test_a_server_that_cannot_be_reached_is_one_clear_sentence(
        capfd: pytest.CaptureFixture[str]) -> None:
    url = "postgresql://nobody@127.0.0.1:1/nothing"  # no server listens on port 1
    assert main(["bench", "--db", url, *SIZES]) == 2
    err = capfd.readouterr().err
    assert "cannot be reached" in err and "Traceback" not in err
