"""The import engine: staged, merged in short transactions, undone, resumed after kill -9;
on SQLite and on a PostgreSQL server (`both_engines`, and the `shop` fixture for the
commands)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from console.cli import main
from console.import_bench_data import write_customer_csv
from db.customers.records import create_customer, get_customer, search_customers
from db.errors import ImportFailed
from db.imports import job as import_job
from db.imports import staging as import_staging
from db.imports.formats import ImportOptions, RefusedRow
from db.imports.job import (
    ImportPending,
    ImportProgress,
    abandon_import,
    import_customers_file,
    resume_import,
    unfinished_imports,
)
from db.imports.merge import _rank
from db.store.connection import open_database, write
from tests.import_support import count_mapped, snapshot
from tests.import_support import quick_slices as make_slices_quick

pytestmark = pytest.mark.both_engines

ROOT = Path(__file__).resolve().parent.parent
HEADER = ("external_id,name,phone,email,language,birthday,allergies,preferences,tags,consent,"
          "personality\n")


@pytest.fixture(autouse=True)
def quick_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small slices and no pause: many transactions, quickly (the pause is tested apart)."""
    make_slices_quick(monkeypatch)


def csv_file(tmp_path: Path, body: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def leftover_stages(folder: Path) -> list[Path]:
    """Stage files beside a SQLite database, and in this till's folder for a server's."""
    server = import_staging.server_stage_folder()
    found = [p for p in folder.iterdir() if ".import-" in p.name]
    return found + (list(server.iterdir()) if server.is_dir() else [])


@pytest.fixture(params=["sqlite", "pg"])
def shop(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The shop database a command is given with --db: a SQLite file or a server URL."""
    if request.param == "pg":
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "shop.sqlite")


ROWS = (
    "A1,Päivi Järvinen,040 123 4567,paivi@example.fi,fi,1972-02-29,gluteeni;laktoosi,"
    "Kauramaito,ikkunapaikka,yes,lively\n"
    "A2,陳美玲,0912 808 909,,zh-TW,11-25,花生,拿鐵,常客,yes,\n"
    "A3,Emily Carter,+44 7700 900123,,en,,,,,no,analytical\n"
)


# ------------------------------------------------------------------ all or nothing


def test_a_refused_row_imports_nothing_and_every_problem_is_sunk(
    fresh_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, ROWS + "A4,,bad phone!,x@,xx,,,,,maybe,\n" + "A1,Again,,,,,,,,,\n")
    sunk: list[RefusedRow] = []
    before = snapshot(fresh_db)
    report = import_customers_file(fresh_db, path, ImportOptions(), refused_sink=sunk.append)
    assert report.refused == 2 and report.added == 0
    assert [r.line for r in sunk] == [5, 6]
    assert len(sunk[0].problems) >= 2  # all of its problems at once
    assert "also on line 2" in sunk[1].problems[0]
    assert snapshot(fresh_db) == before
    assert fresh_db.execute("SELECT state FROM imports").fetchall() == [("undone",)]
    assert leftover_stages(tmp_path) == []


def test_a_dry_run_writes_nothing_and_counts_what_would_change(
    fresh_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    import_customers_file(fresh_db, csv_file(tmp_path, ROWS[: ROWS.index("A2")]),
                          ImportOptions())
    before = snapshot(fresh_db)
    changed = ROWS.replace("Kauramaito", "Soijamaito")
    report = import_customers_file(fresh_db, csv_file(tmp_path, changed, "b.csv"),
                                   ImportOptions(), dry_run=True)
    assert (report.rows, report.added, report.updated, report.unchanged) == (3, 2, 1, 0)
    assert [m.data.external_id for m in report.sample] == ["A1", "A2", "A3"]
    assert snapshot(fresh_db) == before
    assert count(fresh_db, "imports") == 1  # the first, real import only
    assert leftover_stages(tmp_path) == []


# ------------------------------------------------------------------ what a customer gets


@pytest.fixture
def second_db(engine: str, tmp_path: Path, request: pytest.FixtureRequest
              ) -> Iterator[Database]:
    """Another database of `fresh_db`'s engine."""
    if engine == "sqlite":
        db = open_database(tmp_path / "second.sqlite")
        yield db
        db.close()
        return
    from tests.pg_support import _drop, _new_database, database_url

    server = request.getfixturevalue("pg_server")[0]
    name = _new_database(server, request.getfixturevalue("pg_template"))
    db = open_database(database_url(server, name))
    try:
        yield db
    finally:
        db.close()
        _drop(server, name)


def test_an_imported_customer_is_exactly_what_create_customer_writes(
    fresh_db: Database, second_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    imported, made = fresh_db, second_db
    report = import_customers_file(imported, csv_file(tmp_path, ROWS), ImportOptions())
    assert report.added == 3
    mapped = import_customers_file(made, csv_file(tmp_path, ROWS, "again.csv"),
                                   ImportOptions(), dry_run=True).sample
    for m in mapped:
        create_customer(made, m.data, method="import")
    for name, rows in snapshot(made).items():
        if name != "hashes":
            assert snapshot(imported)[name] == rows, name
    paivi = get_customer(imported, 1)
    assert (paivi.customer_no, paivi.allergens, paivi.allergies) == (
        "C000001", ("gluten",), ("laktoosi",))
    assert [h.id for h in search_customers(imported, "0401234567")] == [1]
    assert [h.id for h in search_customers(imported, "358401234567")] == [1]
    assert [h.id for h in search_customers(imported, "陳")] == [2]


def test_facts_set_visits_spend_tier_and_the_search_rank(
    memory_db: Database, fixed_clock: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.imports.formats import CustomerFacts, MappedCustomer

    real = import_staging.RowMapper.staged

    def with_facts(self: Any, mapped: MappedCustomer, digest: bytes, sample: Any) -> Any:
        facts = CustomerFacts(visits=60, first_visit_at="2020-01-02T10:00:00+00:00",
                              last_visit_at="2026-11-20T10:00:00+00:00", spend_minor=12_345)
        return real(self, MappedCustomer(mapped.line, mapped.data, mapped.present, facts,
                                         mapped.unrecognised_allergies), digest, sample)

    monkeypatch.setattr(import_staging.RowMapper, "staged", with_facts)
    import_customers_file(memory_db, csv_file(tmp_path, ROWS), ImportOptions())
    emily = get_customer(memory_db, 3)
    assert (emily.visits, emily.total_spend_minor, emily.tier) == (60, 12_345, "gold")
    assert memory_db.execute("SELECT first_visit_at FROM customers WHERE id = 3").fetchone()[
        0] == "2020-01-02T10:00:00+00:00"
    from db.customers.search_index import current_key

    key = current_key(memory_db, 3)
    assert memory_db.execute("SELECT count(*) FROM customer_fts WHERE rowid = ?",
                             [key]).fetchone()[0] == 1
    # Ranked as 60 weekly visits up to the last one (frecency), like create_customer plus
    # the facts; a later edit moves its index entries, leaving none behind.
    from db.customers.records import update_customer
    from db.customers.search_index import estimated_score

    score = memory_db.execute("SELECT search_score FROM customers WHERE id = 3").fetchone()[0]
    assert score == pytest.approx(estimated_score("2026-11-20T10:00:00+00:00", 60))
    update_customer(memory_db, 3, replace(emily.to_input(), name="Emily Carter-Smith"))
    assert [h.id for h in search_customers(memory_db, "carter-smith")] == [3]
    assert count(memory_db, "customer_fts") == 3
    assert memory_db.execute("SELECT count(*) FROM customer_terms WHERE rank_key = ?",
                             [current_key(memory_db, 3)]).fetchone()[0] > 0


# ------------------------------------------------------------------ re-import and update


def test_reimporting_the_unchanged_file_maps_no_row_and_adds_nothing(
    fresh_db: Database, fixed_clock: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.csv"
    write_customer_csv(path, 300)
    assert import_customers_file(fresh_db, path, ImportOptions()).added == 300
    before = snapshot(fresh_db)
    mapped = count_mapped(monkeypatch)
    report = import_customers_file(fresh_db, path, ImportOptions())
    assert (report.rows, report.added, report.updated, report.unchanged) == (300, 0, 0, 300)
    assert sum(mapped) == 0  # the fast path: no row was mapped
    assert snapshot(fresh_db) == before


def test_an_update_changes_only_what_the_file_says(
    fresh_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    import_customers_file(fresh_db, csv_file(tmp_path, ROWS), ImportOptions())
    path = tmp_path / "names.csv"
    path.write_text("external_id,name,consent\nA1,Päivi Virtanen,no\nA3,Emily Carter,no\n",
                    encoding="utf-8")
    report = import_customers_file(fresh_db, path, ImportOptions())
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    paivi = get_customer(fresh_db, 1)
    assert (paivi.name, paivi.phone, paivi.preferences, paivi.consent_contact) == (
        "Päivi Virtanen", "+358 40 1234567", "Kauramaito", False)  # kept (normalised)
    assert [h.id for h in search_customers(fresh_db, "virtanen")] == [1]
    assert search_customers(fresh_db, "järvinen") == []
    methods = fresh_db.execute("SELECT granted, method FROM consents WHERE customer_id = 1 "
                               "ORDER BY id").fetchall()
    assert methods == [(1, "import"), (0, "import")]


# ------------------------------------------------------------------ cancel and undo


def test_cancelling_mid_merge_puts_everything_back(
    fresh_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    import_customers_file(fresh_db, csv_file(tmp_path, ROWS), ImportOptions())
    before = snapshot(fresh_db)
    path = tmp_path / "more.csv"
    write_customer_csv(path, 400)
    with path.open("a", encoding="utf-8") as out:
        out.write("A1,Päivi Virtanen,,,fi,,,,,no,\n")
    seen: list[ImportProgress] = []

    def cancel() -> bool:
        return any(p.stage == "merging" and p.done >= 100 for p in seen)

    report = import_customers_file(fresh_db, path, ImportOptions(), progress=seen.append,
                                   cancelled=cancel)
    assert report.cancelled
    assert {p.stage for p in seen} >= {"checking", "merging", "removing"}
    assert snapshot(fresh_db) == before
    assert fresh_db.execute("SELECT state FROM imports ORDER BY id").fetchall() == [
        ("done",), ("undone",)]
    assert count(fresh_db, "import_undo") == count(fresh_db, "import_added") == 0
    assert leftover_stages(tmp_path) == []


def test_cancelling_keeps_an_added_customer_the_counter_served_meanwhile(
    fresh_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    """Imported customers are visible while the import merges; a till that records a
    purchase for one of them must not lose it when the import is then cancelled."""
    from db.customers.purchases import add_product, record_purchase

    coffee = add_product(fresh_db, "C1", "Coffee", "drinks", 350)
    path = tmp_path / "many.csv"
    write_customer_csv(path, 400)
    served: list[int] = []
    seen: list[ImportProgress] = []

    def at_the_counter(progress: ImportProgress) -> None:
        seen.append(progress)
        if progress.stage == "merging" and not served:
            newest = int(fresh_db.execute("SELECT max(id) FROM customers").fetchone()[0])
            record_purchase(fresh_db, newest, [(coffee.id, 1)])
            served.append(newest)

    def cancel() -> bool:
        return any(p.stage == "merging" and p.done >= 100 for p in seen)

    report = import_customers_file(fresh_db, path, ImportOptions(), progress=at_the_counter,
                                   cancelled=cancel)
    assert report.cancelled and report.kept_in_use == 1
    assert count(fresh_db, "customers") == 1  # the served one, with its purchase
    kept = get_customer(fresh_db, served[0])
    assert fresh_db.execute("SELECT count(*) FROM purchases WHERE customer_id = ?",
                            [kept.id]).fetchone()[0] == 1
    assert [c.id for c in search_customers(fresh_db, kept.name)] == [kept.id]  # still found
    assert fresh_db.execute("SELECT state FROM imports").fetchall() == [("undone",)]
    assert count(fresh_db, "import_added") == 0


def test_an_update_is_undone_from_its_staged_copy(
    fresh_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    import_customers_file(fresh_db, csv_file(tmp_path, ROWS), ImportOptions())
    before = snapshot(fresh_db)
    changed = ROWS.replace("Kauramaito", "Soijamaito").replace("Emily Carter", "Emily Stone")
    steps: list[str] = []

    def progress(step: ImportProgress) -> None:  # fails once every update is merged
        steps.append(step.stage)
        if step.stage == "merging" and step.fraction == 1.0:
            raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError):
        import_customers_file(fresh_db, csv_file(tmp_path, changed, "b.csv"),
                              ImportOptions(), progress=progress)
    assert get_customer(fresh_db, 1).preferences == "Kauramaito"
    assert "removing" in steps
    # as before, but changed and changed back: two versions on (an open profile of either
    # the old or the imported values cannot save over it unawares)
    after = snapshot(fresh_db)
    version = _column(fresh_db, "version")
    assert _without(after, version) == _without(before, version)
    assert [r[version] for r in after["customers"]] == [
        r[version] + (2 if r[0] in (1, 3) else 0) for r in before["customers"]]


def _column(db: Database, name: str) -> int:
    names = [d[0] for d in db.execute("SELECT * FROM customers LIMIT 0").description]
    return names.index(name)


def _without(tables: dict[str, list[Any]], column: int) -> dict[str, list[Any]]:
    return tables | {"customers": [r[:column] + r[column + 1:] for r in tables["customers"]]}


# ------------------------------------------------------------------ other tills keep saving


def test_other_writers_wait_less_than_a_second_during_the_merge(
    shop: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_job, "PAUSE_SECONDS", 0.11)
    monkeypatch.setattr(import_job, "SLICE_SECONDS", 0.1)
    monkeypatch.setattr(import_job, "FIRST_SLICE_ROWS", 500)
    db_path = shop
    db = open_database(db_path)
    path = tmp_path / "big.csv"
    write_customer_csv(path, 4000)
    waits: list[float] = []
    merging = threading.Event()
    done = threading.Event()

    def till() -> None:
        other = open_database(db_path, migrate=False, quick_check_ms=None)
        n = 0
        while not done.is_set():
            started = time.perf_counter()
            with write(other):
                other.execute("INSERT OR REPLACE INTO settings VALUES ('till_test', ?)",
                              [str(n)])
            if merging.is_set():
                waits.append(time.perf_counter() - started)
            n += 1
            time.sleep(0.02)
        other.close()

    thread = threading.Thread(target=till)
    thread.start()

    def progress(step: ImportProgress) -> None:
        if step.stage == "merging":
            merging.set()

    try:
        report = import_customers_file(db, path, ImportOptions(), progress=progress, workers=1)
    finally:
        done.set()
        thread.join()
    assert report.added == 4000
    assert len(waits) > 10
    assert max(waits) < 1.0, max(waits)
    db.close()


# ------------------------------------------------------------------ kill -9, resume, abandon


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "console", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def _kill_when(args: list[str], marker: str) -> None:
    """Start `counterpart ARGS` and kill -9 it when stderr shows `marker`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "console", *args], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, env=env)
    assert proc.stderr is not None
    for line in proc.stderr:
        if marker in line:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the import finished before the kill"


def _full_result(tmp_path: Path, path: Path) -> list[Any]:
    reference = open_database(tmp_path / "reference.sqlite")
    import_customers_file(reference, path, ImportOptions())
    rows = _content(reference)
    reference.close()
    return rows


def _content(db: Database) -> list[Any]:
    rows: list[Any] = db.execute(
        "SELECT c.id, c.customer_no, c.external_id, c.name, c.phone, c.email, c.allergens, "
        f"f.doc FROM customers c JOIN customer_fts f ON f.rowid = {_rank(db, 'c')} "
        "ORDER BY c.id").fetchall()
    rows.append(db.execute("SELECT count(*), count(DISTINCT rank_key) FROM customer_terms")
                .fetchone())
    rows.append(db.execute("SELECT count(*) FROM consents").fetchone())
    return rows


@pytest.mark.parametrize("marker", ["import: checking", "import: merging"])
def test_kill_9_then_resume_gives_exactly_the_full_result(
    shop: str, tmp_path: Path, marker: str
) -> None:
    db_file = shop
    path = tmp_path / "big.csv"
    write_customer_csv(path, 2500)
    _kill_when(["--db", db_file, "import", "customers", str(path)], marker)
    db = open_database(db_file)
    waiting = unfinished_imports(db)
    assert [w.state for w in waiting] == ["staging" if "checking" in marker else "merging"]
    if "merging" in marker:
        assert 0 < count(db, "customers") < 2500  # half: merged slices, each whole
    db.close()
    again = _cli("--db", str(db_file), "import", "customers", str(path))
    assert again.returncode == 2 and "import resume" in again.stderr
    resumed = _cli("--db", str(db_file), "import", "resume")
    assert resumed.returncode == 0, resumed.stderr
    db = open_database(db_file)
    assert _content(db) == _full_result(tmp_path, path)
    assert unfinished_imports(db) == []
    db.close()
    assert leftover_stages(tmp_path) == []
    assert _cli("--db", str(db_file), "check").returncode == 0
    assert _cli("--db", str(db_file), "audit", "verify").returncode == 0


def test_kill_9_mid_merge_then_abandon_leaves_no_trace(shop: str, tmp_path: Path) -> None:
    db_file = shop
    path = tmp_path / "big.csv"
    write_customer_csv(path, 2500)
    _kill_when(["--db", str(db_file), "import", "customers", str(path)], "import: merging")
    if shop.startswith("postgresql://"):  # another till: the stage file is not there
        stages = import_staging.server_stage_folder()
        stages.rename(tmp_path / "the-first-tills-stages")
        resumed = _cli("--db", str(db_file), "import", "resume")
        assert resumed.returncode == 2 and "abandon it" in resumed.stderr
    abandoned = _cli("--db", str(db_file), "import", "abandon")
    assert abandoned.returncode == 0, abandoned.stderr
    db = open_database(db_file)
    for table in ("customers", "customer_fts", "customer_terms", "consents",
                  "import_row_hashes", "import_undo", "import_added"):
        assert count(db, table) == 0, table
    assert unfinished_imports(db) == []
    db.close()
    assert _cli("--db", str(db_file), "import", "abandon").returncode == 2
    assert _cli("--db", str(db_file), "check").returncode == 0
    if shop.startswith("postgresql://"):  # the first till's stage goes at its next import
        (tmp_path / "the-first-tills-stages").rename(stages)
        assert leftover_stages(tmp_path) != []
        assert _cli("--db", str(db_file), "import", "customers",
                    str(csv_file(tmp_path, ROWS))).returncode == 0
    assert leftover_stages(tmp_path) == []


def test_ctrl_c_cancels_the_command_and_removes_what_was_merged(
        shop: str, tmp_path: Path) -> None:
    db_file = shop
    path = tmp_path / "big.csv"
    write_customer_csv(path, 2500)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "--db", str(db_file), "import", "customers",
         str(path)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert proc.stderr is not None
    said = []
    for line in proc.stderr:
        said.append(line)
        if "import: merging" in line:
            proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=120) == 130, said
    assert any("removing" in line for line in said)
    assert "nothing was imported" in said[-1]
    db = open_database(db_file)
    assert count(db, "customers") == count(db, "customer_fts") == count(db, "consents") == 0
    assert unfinished_imports(db) == []
    db.close()
    assert leftover_stages(tmp_path) == []


def test_resume_and_abandon_in_the_api(
    fresh_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, ROWS)

    def crash(step: ImportProgress) -> None:
        if step.stage == "merging":
            raise KeyboardInterrupt  # a second Ctrl-C: stops at once, the import waits

    with pytest.raises(KeyboardInterrupt):
        import_customers_file(fresh_db, path, ImportOptions(), progress=crash)
    with pytest.raises(ImportPending):
        import_customers_file(fresh_db, path, ImportOptions())
    report = resume_import(fresh_db)
    assert (report.added, report.rows) == (3, 3)
    assert count(fresh_db, "customers") == 3
    with pytest.raises(Exception, match="no interrupted import"):
        abandon_import(fresh_db)


def test_a_file_malformed_half_way_leaves_no_import_waiting(
    fresh_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    path = tmp_path / "broken.csv"
    write_customer_csv(path, 2500)
    with path.open("a", encoding="utf-8") as out:
        out.write('Z1,"unclosed quote\n')
    with pytest.raises(ImportFailed):
        import_customers_file(fresh_db, path, ImportOptions())
    assert unfinished_imports(fresh_db) == []
    assert count(fresh_db, "customers") == 0
    assert leftover_stages(tmp_path) == []


# ------------------------------------------------------------------ memory and workers


def test_memory_does_not_grow_with_the_file(
    tmp_path: Path, fixed_clock: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Six times the rows: the peak grows by the bounded caches (phone forms, search
    keys), far less than what holding the rows would take (about 3 kB a row)."""
    monkeypatch.setattr(import_job, "CHUNK_ROWS", 50)
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    write_customer_csv(small, 250)
    write_customer_csv(large, 1500)
    peaks = []
    for path in (small, large):
        db = open_database(":memory:")
        tracemalloc.start()
        import_customers_file(db, path, ImportOptions(), dry_run=True, workers=1)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        db.close()
    assert peaks[1] - peaks[0] < 1_250 * 1_000, peaks


def test_two_worker_processes_stage_the_same_rows(
    tmp_path: Path, fixed_clock: object
) -> None:
    path = tmp_path / "big.csv"
    write_customer_csv(path, 2500)
    with path.open("a", encoding="utf-8") as out:
        out.write("BAD-1,,,,,,,,,,\n")
    results = []
    for workers in (1, 2):
        db = open_database(":memory:")
        refused: list[RefusedRow] = []
        report = import_customers_file(db, path, ImportOptions(), dry_run=True,
                                       workers=workers, refused_sink=refused.append)
        results.append((report.rows, report.refused, [r.line for r in refused],
                        [m.line for m in report.sample], report.unrecognised_total))
        db.close()
    assert results[0] == results[1]
    assert results[0][:3] == (2501, 1, [2502])


# ------------------------------------------------------------------ the command line


def test_the_command_dry_runs_and_writes_the_errors_file(
    shop: str, tmp_path: Path, fixed_clock: object, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = shop
    path = tmp_path / "in.csv"
    path.write_text("external_id,name,phone\nT1,Aino Korhonen,040 111 2222\nT2,,x\n"
                    "T3,Bea,\n", encoding="utf-8")
    assert main(["--db", db_file, "import", "customers", str(path), "--dry-run"]) == 1
    out, err = capsys.readouterr()
    assert "Dry run, nothing was written. 3 rows: 2 customers would be added" in out
    assert "line 3: name: A name is required.; phone: Digits" in err
    assert "line 2: T1 | Aino Korhonen | +358 40 1112222 | fi" in out  # the shop's language
    db = open_database(db_file)
    assert count(db, "customers") == count(db, "imports") == 0
    db.close()
    errors = tmp_path / "errors.csv"
    assert main(["--db", db_file, "import", "customers", str(path), "--errors",
                 str(errors)]) == 1
    assert "nothing was imported" in capsys.readouterr().err
    lines = errors.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "external_id,name,phone,line,reason"
    assert lines[1].startswith("T2,,x,3,")
    path.write_text("external_id,name,phone\nT1,Aino Korhonen,040 111 2222\nT3,Bea,\n",
                    encoding="utf-8")
    assert main(["--db", db_file, "import", "customers", str(path), "--language", "fi"]) == 0
    assert "2 rows: 2 customers added, 0 updated, 0 unchanged." in capsys.readouterr().out
    db = open_database(db_file)
    assert db.execute("SELECT DISTINCT language FROM customers").fetchall() == [("fi",)]
    db.close()


def test_the_command_passes_format_mapping_and_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[ImportOptions] = []

    def fake(db: Any, path: Path, options: ImportOptions, **kwargs: Any) -> Any:
        seen.append(options)
        return import_job.ImportReport("customers", "x")

    monkeypatch.setattr(import_job, "import_customers_file", fake)
    path = csv_file(tmp_path, ROWS)
    db_file = str(tmp_path / "shop.sqlite")
    assert main(["--db", db_file, "import", "customers", str(path), "--map",
                 "Id=external_id,Full name=name", "--language", "zh-TW"]) == 0
    map_file = tmp_path / "map.txt"
    map_file.write_text("# theirs = ours\nId=external_id\nName, full=name\n",
                        encoding="utf-8")
    assert main(["--db", db_file, "import", "customers", str(path), "--map-file",
                 str(map_file), "--format", "square"]) == 0
    assert seen[0].mapping == {"Id": "external_id", "Full name": "name"}
    assert (seen[0].language, seen[0].region, seen[0].default_language) == ("zh-TW", "FI",
                                                                            "fi")
    assert seen[1].mapping == {"Id": "external_id", "Name, full": "name"}
    assert seen[1].format == "square"


def test_the_command_caps_problems_on_screen(
    tmp_path: Path, fixed_clock: object, capsys: pytest.CaptureFixture[str]
) -> None:
    path = csv_file(tmp_path, "".join(f"B{n},,,,,,,,,,\n" for n in range(30)))
    assert main(["--db", str(tmp_path / "s.sqlite"), "import", "customers", str(path)]) == 1
    err = capsys.readouterr().err
    assert "30 rows refused" in err and "and 10 more, see --errors FILE" in err
    assert err.count("name: A name is required.") == 20
    assert main(["--db", str(tmp_path / "s.sqlite"), "import", "customers",
                 str(tmp_path / "nope.csv")]) == 2


def test_the_bench_prints_the_import_figures(tmp_path: Path) -> None:
    from console.import_bench import run_import_bench

    figures = run_import_bench(300, tmp_path)
    assert [f[0] for f in figures] == ["import_1m_s", "import_peak_rss_mb",
                                       "import_max_write_wait_ms", "reimport_1m_s",
                                       "import_write_floor_s"]
    assert all(value > 0 for _name, value, _unit in figures)
    assert figures[2][1] < 1000  # no complaint save waited a second
    assert figures[4][1] < figures[0][1]  # the floor is below what the import took
    assert list(tmp_path.iterdir()) == []  # the file and database are gone


def test_the_write_floor_copies_a_whole_searchable_import(tmp_path: Path) -> None:
    """The floor times the writes an import really makes: its copy is the same shop's
    customers, found by the trigram index and by the short terms."""
    from console.import_bench import write_floor

    source = tmp_path / "c.csv"
    write_customer_csv(source, 120)
    shop = open_database(tmp_path / "shop.sqlite")
    report = import_customers_file(shop, source, ImportOptions(), workers=1)
    assert report.added == 120
    first = shop.execute("SELECT name, phone FROM customers ORDER BY id").fetchone()
    shop.close()
    seconds, count = write_floor(tmp_path / "shop.sqlite", tmp_path / "floor.sqlite")
    assert seconds > 0 and count == 120
    copy = open_database(tmp_path / "floor.sqlite")
    assert snapshot(copy) == snapshot(open_database(tmp_path / "shop.sqlite"))
    assert first[0] in [c.name for c in search_customers(copy, first[0][:2])]
    assert first[0] in [c.name for c in search_customers(copy, first[0])]


def test_staged_columns_are_what_create_customer_writes(tmp_path: Path) -> None:
    from datetime import date

    from db.customers.records import _columns
    from db.imports.formats import customer_mapper
    from db.imports.source import open_rows
    from db.models import CustomerInput, FamilyDate

    path = tmp_path / "many.csv"
    write_customer_csv(path, 400)
    source, rows = open_rows(path)
    mapper = customer_mapper(source.header, ImportOptions())
    mapped = [mapper.map_row(line, cells, date(2026, 1, 1)) for line, cells in rows]
    inputs = [m.data for m in mapped if not isinstance(m, RefusedRow)]
    inputs.append(CustomerInput(name="王小明", allergies=["kiwi"], allergens=["milk"],
                                tags=["常客"], family_dates=[FamilyDate("婚禮", 5, 4)]))
    assert len(inputs) == 401
    for data in inputs:
        assert import_staging.row_columns(data) == tuple(
            _columns(data)[c] for c in import_staging.CONTENT_COLUMNS)
