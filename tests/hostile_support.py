"""Shared by the hostile-file tests: a small shop database, file digests, injected faults."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from db.demo import build_demo
from db.store.connection import open_database

DISK_FULL = "database or disk is full"
IO_ERROR = "disk I/O error"
WRITES = r"^\s*(INSERT|UPDATE|DELETE|REPLACE|COMMIT)\b"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_shop(path: Path, customers: int = 60) -> Path:
    """A demo shop (staff, customers, purchases, complaints, vouchers), checkpointed so the
    whole database is in the one file and its bytes can be compared. Its PINs (the demo's
    documented ones) are hashed with the test PIN key, which every test's config folder
    holds, so a command in any test can check them."""
    from tests.service_data_support import use_test_key

    db = open_database(path)
    use_test_key(db)
    build_demo(db, customers=customers, seed=3)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def damage_middle_pages(path: Path, pages: int = 6) -> None:
    """Overwrite `pages` pages in the middle of the file with noise, as a bad disk would."""
    data = bytearray(path.read_bytes())
    size = 4096
    middle = len(data) // size // 2
    noise = bytes((i * 131 + 17) % 251 for i in range(size))
    for page in range(middle - pages // 2, middle + pages // 2):
        data[page * size:(page + 1) * size] = noise
    path.write_bytes(bytes(data))


@contextmanager
def faulty_sqlite(
    monkeypatch: pytest.MonkeyPatch, message: str, when: str,
    armed: Callable[[], bool] = lambda: True,
) -> Iterator[None]:
    """Every new SQLite connection raises OperationalError(`message`) for SQL matching the
    regular expression `when` (while `armed()`), as SQLite does on a full disk or a
    failing one."""
    pattern = re.compile(when, re.IGNORECASE)

    class Faulty(sqlite3.Connection):
        def _check(self, sql: str) -> None:
            if armed() and pattern.search(sql):
                raise sqlite3.OperationalError(message)

        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
            self._check(sql)
            return super().execute(sql, *args)

        def executemany(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
            self._check(sql)
            return super().executemany(sql, *args)

        def executescript(self, sql: str) -> sqlite3.Cursor:  # type: ignore[override]
            self._check(sql)
            return super().executescript(sql)

    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs.setdefault("factory", Faulty)
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    yield
    monkeypatch.setattr(sqlite3, "connect", real_connect)


def one_sentence(err: str, path: Path | str) -> str:
    """The error is one line starting with counterpart:, naming the file (progress lines
    such as "import: writing 1/1" may come before it)."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("counterpart: ")]
    assert len(lines) == 1, err
    assert err.rstrip().endswith(lines[0])
    assert str(path) in lines[0]
    return lines[0]
