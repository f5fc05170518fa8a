"""Schema steps for a PostgreSQL database made by an earlier Counterpart (`db upgrade URL`).

A SQLite file runs its missing steps (db/store/migrations.py) when it is opened. A server is
shared by every till and only its owner may change tables, so there the steps run once, by
`counterpart db upgrade URL` as the database's owner, and tills refuse an older schema until
then. The steps are the same functions as on SQLite: each statement goes through the
PostgreSQL facade (the dialect translator), except CREATE TABLE and CREATE INDEX, which
take the schema generator's form (identity keys, PostgreSQL types, foreign keys added after).
All missing steps, their records and the roles' grants on new tables commit together or not
at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from db.store.engines.postgres import PgDatabase, open_postgres
from db.store.engines.postgres_schema import (
    FTS_HEAD_INDEX_SQL,
    FTS_TOP_SQL,
    ForeignKey,
    _index,
    _roles_sql,
    _table,
)

_CREATE_TABLE = re.compile(r"^\s*CREATE\s+TABLE\b", re.IGNORECASE)
_CREATE_INDEX = re.compile(r"^\s*CREATE\s+(UNIQUE\s+)?INDEX\b", re.IGNORECASE)


class _StepDatabase:
    """What a schema step sees: the server database, with DDL in PostgreSQL's form."""

    def __init__(self, db: PgDatabase) -> None:
        self._db = db
        self.keys: list[ForeignKey] = []

    def execute(self, sql: str, params: Any = None) -> Any:
        if _CREATE_TABLE.match(sql):
            statement = _table(sql, self.keys)[1]
            self._db.conn.raw_execute(statement)
            self._db.refresh_schema()
            return None
        if _CREATE_INDEX.match(sql):
            self._db.conn.raw_execute(_index(sql))
            return None
        result = self._db.execute(sql, params)
        if re.match(r"^\s*ALTER\s+TABLE\b", sql, re.IGNORECASE):
            self._db.refresh_schema()
        return result

    def executescript(self, script: str) -> None:
        for statement in _statements(script):
            self.execute(statement)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)


def _statements(script: str) -> list[str]:
    """A script's statements (the steps' scripts hold no semicolons inside strings)."""
    return [s.strip() for s in script.split(";") if s.strip()]


def pending_steps(db: PgDatabase, steps: Sequence[Any] | None = None) -> list[Any]:
    from db.store.migrations import migrations

    applied = {str(r[0]) for r in db.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name])}
    return [m for m in (steps if steps is not None else migrations._migrations)
            if m.name not in applied]


def upgrade_database(url: str, steps: Iterable[Any] | None = None) -> list[str]:
    """Run the schema steps the database at `url` lacks, in one transaction; returns their
    names (empty when it is up to date). `steps` defaults to every Counterpart step."""
    from db.clock import to_iso, utcnow
    from db.store.migrations import migrations

    db = open_postgres(url, migrate=False)
    try:
        todo = pending_steps(db, list(steps) if steps is not None else None)
        if not todo:
            _engine_objects(db)
            return []
        step_db = _StepDatabase(db)
        with db.atomic():
            for step in todo:
                step.fn(step_db)
                db.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                           "VALUES (?, ?, ?)", [migrations.name, step.name, to_iso(utcnow())])
            for key in step_db.keys:
                db.conn.raw_execute(
                    f'ALTER TABLE "{key.table}" ADD FOREIGN KEY ({key.column}) '
                    f"REFERENCES {key.target}({key.target_column}) {key.actions}".rstrip())
            _engine_objects(db)
            for statement in _roles_sql():  # grants on the new tables (idempotent)
                db.conn.raw_execute(statement)
        return [step.name for step in todo]
    finally:
        db.close()


def _engine_objects(db: PgDatabase) -> None:
    """The search's function and index as this version has them (idempotent), also for a
    database whose steps are all there but which an earlier build of this version made."""
    db.conn.raw_execute(FTS_TOP_SQL)
    db.conn.raw_execute(FTS_HEAD_INDEX_SQL)
