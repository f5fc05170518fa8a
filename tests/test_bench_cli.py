"""The benchmark: the synthetic build is exact and consistent, figures are printed, reused."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from console import bench
from db.customers.records import search_customers
from db.errors import UserError
from db.store.connection import open_database
from db.text import has_cjk

CUSTOMERS = 400
ITEMS = 6000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "bench.sqlite"
    bench.build_bench_db(path, CUSTOMERS, ITEMS)
    return path


def test_p95_is_the_nearest_rank() -> None:
    assert bench.p95([float(n) for n in range(1, 101)]) == 95.0
    assert bench.p95([5.0, 1.0, 3.0]) == 5.0
    assert bench.p95([]) == 0.0


def test_the_build_has_the_requested_sizes_and_consistent_facts(built: Path) -> None:
    db = open_database(built)

    def one(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    assert one("SELECT count(*) FROM customers") == CUSTOMERS
    assert one("SELECT count(*) FROM purchase_items") == ITEMS
    heavy = bench.heavy_customer_id(CUSTOMERS)
    assert one(f"SELECT count(*) FROM purchases WHERE customer_id = {heavy}") == ITEMS // 4
    mismatched = one(
        """SELECT count(*) FROM (
             SELECT c.id FROM customers c LEFT JOIN purchases p ON p.customer_id = c.id
             GROUP BY c.id
             HAVING count(p.id) != max(c.visits)
                 OR coalesce(sum(p.total_minor), 0) != max(c.total_spend_minor)
                 OR coalesce(max(p.purchased_at), '') != coalesce(max(c.last_visit_at), ''))"""
    )
    assert mismatched == 0
    totals = db.execute(
        "SELECT customer_id, 'p' || product_id, sum(quantity) FROM purchase_items "
        "GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
    assert totals == db.execute(
        "SELECT customer_id, item_key, quantity FROM customer_items ORDER BY 1, 2").fetchall()
    assert one("SELECT count(*) FROM customer_fts") == CUSTOMERS
    db.close()


def test_the_build_restores_every_index_and_trigger_of_the_schema(
    built: Path, tmp_path: Path
) -> None:
    def schema(path: Path) -> set[tuple[str, str]]:
        raw = sqlite3.connect(path)
        rows = raw.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger', 'table') "
            "AND name NOT LIKE 'sqlite_stat%' AND tbl_name != '_bench_meta'").fetchall()
        raw.close()
        return set(rows)

    open_database(tmp_path / "fresh.sqlite").close()
    assert schema(built) == schema(tmp_path / "fresh.sqlite")
    db = open_database(built)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_queries_are_the_realistic_mix(built: Path) -> None:
    db = open_database(built)
    queries = bench.search_queries(db, count=1000)
    db.close()
    assert len(queries) == 1000
    assert sum(1 for q in queries if has_cjk(q)) > 150
    assert sum(1 for q in queries if q.replace(" ", "").isdigit()) > 100
    assert sum(1 for q in queries if q.isascii() and q.isalpha()) > 150
    assert {len(q) for q in queries if has_cjk(q)} >= {1, 2, 3}


def test_synthetic_customers_are_found_by_the_real_search(built: Path) -> None:
    db = open_database(built)
    name, phone = db.execute("SELECT name, phone FROM customers WHERE phone != '' "
                             "ORDER BY id LIMIT 1").fetchone()
    assert any(h.name == name for h in search_customers(db, name, limit=200))
    assert search_customers(db, phone.split()[-1])
    db.close()


def test_run_prints_figures_and_reuses_the_build(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "extra_figures_for_test.py"
    extra.write_text(
        "def bench_figures(db):\n"
        "    n = db.execute('SELECT count(*) FROM customers').fetchone()[0]\n"
        "    return [('extra_customers', float(n), 'rows')]\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(bench, "EXTRA_FIGURES", ["extra_figures_for_test", "no_such_module"])
    out, err = io.StringIO(), io.StringIO()
    figures = bench.run_bench(built, CUSTOMERS, ITEMS, out=out, err=err, startup=False)
    assert "reusing" in err.getvalue()
    names = [f[0] for f in figures]
    assert names == ["search_p95_ms", "find_keystrokes_median", "find_top5_pct",
                     "profile_open_p95_ms", "peak_rss_mb", "extra_customers"]
    lines = out.getvalue().splitlines()
    assert len(lines) == 6
    for line, (name, value, unit) in zip(lines, figures, strict=True):
        shown_name, shown_value, shown_unit = line.split()
        assert (shown_name, shown_unit) == (name, unit)
        assert float(shown_value) == pytest.approx(value, abs=0.05)
    assert all(value > 0 for _n, value, _u in figures)
    sys.modules.pop("extra_figures_for_test", None)


def test_other_sizes_mean_a_rebuild_and_a_shop_database_is_never_overwritten(
    built: Path, tmp_path: Path
) -> None:
    assert not bench.needs_build(built, CUSTOMERS, ITEMS)
    assert bench.needs_build(built, CUSTOMERS + 1, ITEMS)
    assert bench.needs_build(tmp_path / "none.sqlite", CUSTOMERS, ITEMS)
    shop = tmp_path / "shop.sqlite"
    db = open_database(shop)
    db.execute("INSERT INTO customers (id, customer_no, name, created_at, updated_at) "
               "VALUES (1, 'C000001', 'Real Customer', 'x', 'x')")
    db.close()
    with pytest.raises(UserError, match="not a benchmark database"):
        bench.needs_build(shop, CUSTOMERS, ITEMS)


def test_bench_command_builds_in_a_child_and_prints_figures(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.cli import main

    monkeypatch.setattr(bench, "EXTRA_FIGURES", [])  # letters and report time themselves

    path = tmp_path / "small.sqlite"
    assert main(["bench", "--db", str(path), "--customers", "50", "--purchase-items", "300",
                 "--no-startup"]) == 0
    out, err = capfd.readouterr()
    assert "built" in err and "50 customers" in err
    assert [line.split()[0] for line in out.splitlines()][:5] == [
        "search_p95_ms", "find_keystrokes_median", "find_top5_pct", "profile_open_p95_ms",
        "peak_rss_mb"]


def test_names_have_a_realistic_spread() -> None:
    """Many distinct names, a few common ones: not 2,928 names shared by a million."""
    import collections
    import random

    from console.bench_names import realistic_name

    rng = random.Random(3)
    names = [realistic_name(rng, language)
             for language in ("fi", "en", "zh-TW", "zh-CN") for _ in range(5000)]
    counts = collections.Counter(names)
    assert len(counts) > 12_000  # of 20,000
    assert counts.most_common(1)[0][1] >= 5  # and some names are common
    assert any(has_cjk(n) and len(n) == 2 for n in names)
    assert any(has_cjk(n) and len(n) == 3 for n in names)


def test_find_figures_type_a_recent_visitors_name_letter_by_letter(built: Path) -> None:
    db = open_database(built)
    sample = bench.find_sample(db, 50)
    assert sample
    from datetime import UTC, datetime, timedelta

    ids = ",".join(str(s[0]) for s in sample)
    oldest = db.execute(f"SELECT min(last_visit_at) FROM customers WHERE id IN ({ids})"
                        ).fetchone()[0]
    assert oldest >= (datetime.now(UTC) - timedelta(days=31)).isoformat()  # recent only
    cid, name, phone = sample[0]
    strokes = bench.keystrokes_to_find(db, cid, name)
    assert 1 <= strokes <= len(name)
    hits = search_customers(db, name[: int(strokes)], limit=bench.FIND_TOP)
    assert cid in [h.id for h in hits]
    if strokes > 1:
        earlier = search_customers(db, name[: int(strokes) - 1], limit=bench.FIND_TOP)
        assert cid not in [h.id for h in earlier] or name[int(strokes) - 2].isspace()
    median, top5, sampled = bench.bench_find(db, 50)
    assert sampled == len(sample)
    assert 1 <= median <= 12
    assert top5 >= 90.0
    db.close()


def test_the_find_floor_is_what_any_order_of_recent_visitors_can_reach(
    memory_db: Database,
) -> None:
    """Twelve recent visitors share "Aino K": after six letters only five of them can be in
    the top five, whatever the ranking; the seventh letter splits Kivi from Korhonen."""
    from datetime import UTC, datetime, timedelta

    from db.customers.records import create_customer
    from db.models import CustomerInput

    db = memory_db
    now = datetime.now(UTC)
    names = ["Aino Korhonen"] * 7 + ["Aino Kivi"] * 5
    for days_ago, name in enumerate(names):
        cid = create_customer(db, CustomerInput(name=name)).id
        with db.conn:
            db.execute("UPDATE customers SET visits = 1, last_visit_at = ? WHERE id = ?",
                       [(now - timedelta(days=days_ago)).isoformat(), cid])
    old = create_customer(db, CustomerInput(name="Aino Kivi")).id
    with db.conn:
        db.execute("UPDATE customers SET visits = 40, last_visit_at = ? WHERE id = ?",
                   [(now - timedelta(days=400)).isoformat(), old])
    sample = bench.find_sample(db)
    assert len(sample) == 12 and old not in {cid for cid, _n, _p in sample}
    floor, within_six = bench.find_floor(db, sample)
    assert floor == 7.0
    assert within_six == pytest.approx(100 * 5 / 12)
    median, _top5, _n = bench.bench_find(db)
    assert median == floor
