"""The storage engines behind the data API: SQLite (one till, the default) and PostgreSQL
(several tills and shops on one server).

The data layer writes SQLite's SQL; `dialect` translates it for PostgreSQL in one place,
`postgres.PgDatabase` runs it behind the part of sqlite-utils' `Database` that db/ uses, and
`postgres_schema` makes the schema and roles (`counterpart db init URL`). `sqlite` names
what the SQLite engine is made of today, for code that wants to say which engine it means.
"""

from __future__ import annotations

from db.store.engines.postgres import POSTGRES_SCHEMES, is_postgres_url

__all__ = ["POSTGRES_SCHEMES", "is_postgres_url"]
