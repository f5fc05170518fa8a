"""Import figures for `counterpart bench`: a customer file as large as the bench's customer
count (1,000,000 by default) imported into a new database by `counterpart import`, while
another process saves a complaint every 100 ms.

- ``import_1m_s``: wall time of `counterpart import customers FILE` (start to exit);
- ``import_peak_rss_mb``: the highest resident memory of the import and its worker
  processes together (psutil, sampled every 50 ms);
- ``import_max_write_wait_ms``: the longest complaint save (from calling
  `create_complaint` until it returned) while the import ran;
- ``reimport_1m_s``: the same file imported again (every row unchanged);
- ``import_write_floor_s``: what SQLite alone takes to write the rows that import wrote
  (the customers, their trigram documents and short search terms, consents and row hashes)
  into an empty database in one transaction, in the import's page cache: no file read, no
  row checked, no slices or pauses. No import of that file can be faster on this machine,
  which is what makes ``import_1m_s`` comparable across machines.

The file and the database are made in a temporary folder beside the bench database and
removed afterwards.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

from db.store.connection import database_path, open_database

Figure = tuple[str, float, str]
TILL_EVERY_S = 0.1


def bench_figures(db: Database) -> list[Figure]:
    rows = int(db.execute("SELECT count(*) FROM customers").fetchone()[0])
    folder = Path(database_path(db)).parent
    return run_import_bench(rows, folder)


def _say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run_import_bench(rows: int, folder: Path | None = None) -> list[Figure]:
    from console.import_bench_data import write_customer_csv

    with tempfile.TemporaryDirectory(prefix="import-bench-", dir=folder) as temp:
        work = Path(temp)
        source = work / "customers.csv"
        _say(f"import: writing a file of {rows:,} customers")
        write_customer_csv(source, rows)
        target = work / "import.sqlite"
        shop = open_database(target)
        staff_id = shop.execute(
            "INSERT INTO staff (name, role, created_at) VALUES ('Bench till', 'staff', "
            "'2026-01-01T00:00:00+00:00')").lastrowid
        shop.close()
        _say("import: importing it while another process saves a complaint every 100 ms")
        seconds, peak, waits = _timed_import(target, source, work, int(staff_id or 0))
        _say(f"import: {len(waits)} complaints saved during the import")
        _say("import: importing the same file again")
        again, _peak, _waits = _timed_import(target, source, work, None)
        _say("import: writing its rows again into an empty database in one transaction")
        floor, _rows = write_floor(target, work / "floor.sqlite")
    return [("import_1m_s", seconds, "s"), ("import_peak_rss_mb", peak, "MB"),
            ("import_max_write_wait_ms", max(waits, default=0.0) * 1000, "ms"),
            ("reimport_1m_s", again, "s"), ("import_write_floor_s", floor, "s")]


FLOOR_TABLES: tuple[tuple[str, str], ...] = (
    ("customers", ""),  # every column, filled in from the schema
    ("customer_fts", "rowid, doc"),
    ("customer_terms", "term, rank_key"),
    ("consents", ""),
    ("import_row_hashes", ""),
)
"""What an import writes, in the order the merge writes it."""


def write_floor(imported: Path, empty: Path) -> tuple[float, int]:
    """Seconds SQLite takes to copy what `imported` holds of `FLOOR_TABLES` into the new
    database `empty` in one transaction (the customers' count comes back, to check it)."""
    from db.imports.job import JOB_CACHE_KB

    open_database(empty).close()  # the schema, as a shop has it
    conn = sqlite3.connect(str(empty), isolation_level=None)
    try:
        conn.execute(f"PRAGMA cache_size = -{JOB_CACHE_KB}")
        conn.execute("PRAGMA synchronous = NORMAL")  # as the merge's slices
        conn.execute("ATTACH DATABASE ? AS imported", [str(imported)])
        started = time.perf_counter()
        conn.execute("BEGIN")
        for table, given in FLOOR_TABLES:
            columns = given or ", ".join(
                f'"{row[1]}"' for row in conn.execute(f"PRAGMA main.table_info({table})"))
            conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} "
                         f"FROM imported.{table} ORDER BY 1")
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
        count = int(conn.execute("SELECT count(*) FROM main.customers").fetchone()[0])
    finally:
        conn.close()
    return seconds, count


def _timed_import(target: Path, source: Path, work: Path,
                  staff_id: int | None) -> tuple[float, float, list[float]]:
    import psutil  # type: ignore[import-untyped]

    stop = work / "stop"
    stop.unlink(missing_ok=True)
    waits_file = work / "waits.json"
    till = None
    if staff_id is not None:
        till = subprocess.Popen([sys.executable, "-m", "console.import_bench", "till",
                                 str(target), str(staff_id), str(stop), str(waits_file)])
        time.sleep(1.0)  # the till is saving before the import starts
    started = time.perf_counter()
    began = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "--db", str(target), "import", "customers",
         str(source)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            total = watched.memory_info().rss + sum(
                c.memory_info().rss for c in watched.children(recursive=True))
            peak = max(peak, total)
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    ended = time.time()
    waits: list[float] = []
    if till is not None:
        stop.touch()
        till.wait(timeout=60)
        waits = [took for at, took in json.loads(waits_file.read_text())
                 if at + took >= began and at <= ended]
    if proc.returncode != 0:
        from db.errors import UserError

        raise UserError(f"the benchmark import failed (exit status {proc.returncode})")
    return seconds, peak / (1024 * 1024), waits


def _till(target: str, staff_id: int, stop: str, out: str) -> int:
    """Save a complaint every 100 ms until `stop` exists; write how long each took."""
    from db.service.complaints import create_complaint
    from db.service.models import ComplaintInput

    db = open_database(target, migrate=False, quick_check_ms=None)
    waits: list[tuple[float, float]] = []
    while not os.path.exists(stop):
        at, started = time.time(), time.perf_counter()
        create_complaint(db, ComplaintInput(taken_by=staff_id, problem="Cold coffee"))
        waits.append((at, time.perf_counter() - started))
        time.sleep(TILL_EVERY_S)
    db.close()
    Path(out).write_text(json.dumps(waits))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["till"]:
        sys.exit(_till(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]))
    print("usage: python -m console.import_bench till DB STAFF_ID STOP_FILE OUT_FILE",
          file=sys.stderr)
    sys.exit(2)
