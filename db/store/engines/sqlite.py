"""The SQLite engine: the embedded default, one file per till (see db.store.connection)."""

from __future__ import annotations

from sqlite_utils import Database

from db.store.connection import open_database, write
from db.store.migrations import migrations

__all__ = ["Database", "migrations", "open_database", "write"]
