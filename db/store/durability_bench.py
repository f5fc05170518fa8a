"""Benchmark figures for durability and the check at open (`counterpart bench` prints them).

- `commit_full_ms` / `commit_normal_ms`: median wall time of one small write transaction
  (a form draft saved and removed, the size of a complaint or an authorisation) with
  `synchronous=FULL` (what the console uses: a committed write survives a power cut) and
  with `NORMAL` (the WAL default, which can lose the last commits on a power cut).
- `open_check_ms`: median time `open_database` spends on its bounded page check.
"""

from __future__ import annotations

import statistics
import time

from sqlite_utils import Database

from db.store.connection import QUICK_CHECK_MS, database_path, open_database, quick_check, write

ROUNDS = 40
_CONSOLE = "_bench_durability"


def _commit_ms(db: Database, synchronous: str) -> float:
    db.execute(f"PRAGMA synchronous = {synchronous}")
    samples = []
    for n in range(ROUNDS):
        start = time.perf_counter()
        with write(db):
            db.execute(  # a draft-sized row, removed again below
                "INSERT INTO drafts(owner_id, form, console_id, payload, updated_at) "
                "VALUES (NULL, ?, ?, ?, ?)", ["bench", _CONSOLE, f"{n:04d}" * 250, str(n)])
        samples.append((time.perf_counter() - start) * 1000)
    with write(db):
        db.execute("DELETE FROM drafts WHERE console_id = ? AND form = 'bench'", [_CONSOLE])
    return statistics.median(samples)


def bench_figures(db: Database) -> list[tuple[str, float, str]]:
    figures = [("commit_full_ms", _commit_ms(db, "FULL"), "ms"),
               ("commit_normal_ms", _commit_ms(db, "NORMAL"), "ms")]
    db.execute("PRAGMA synchronous = FULL")
    path = database_path(db)
    if path != ":memory:":
        samples = []
        for _ in range(3):
            other = open_database(path, quick_check_ms=None)
            try:
                samples.append(quick_check(other, QUICK_CHECK_MS).elapsed_ms)
            finally:
                other.close()
        figures.append(("open_check_ms", statistics.median(samples), "ms"))
    return figures
