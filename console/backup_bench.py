"""Backup figures for `counterpart bench`: how long a checked backup takes, and what it costs
the counter (search p95 while another process backs up, against the quiet figure)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

from db.store import backup

Figure = tuple[str, float, str]


def _search_p95(db: Database, queries: list[str]) -> float:
    from console.bench import bench_search

    return bench_search(db, queries)[0]


def bench_figures(db: Database) -> list[Figure]:
    from console.bench import search_queries

    path = backup.database_file(db)
    if path is None:
        return []
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="counterpart-bench-backup-") as folder:
        start = time.perf_counter()
        made = backup.make_backup(path, Path(folder))
        figures.append(("backup_s", time.perf_counter() - start, "s"))
        made.path.unlink()
        queries = search_queries(db, count=600, seed=9)
        figures.append(("search_quiet_p95_ms", _search_p95(db, queries), "ms"))
        env = dict(os.environ)
        child = subprocess.Popen(
            [sys.executable, "-m", "console", "backup", "--db", str(path), "--to", folder],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        try:
            time.sleep(0.3)  # the child's start-up, so the searches overlap the copy
            figures.append(("search_during_backup_p95_ms", _search_p95(db, queries), "ms"))
        finally:
            child.wait()
    return figures
