"""PostgreSQL for tests: a throwaway cluster per session (scripts/pg-local.sh) and a new
database per test, copied from a template that `db init` made once (CREATE DATABASE ...
TEMPLATE takes ~0.1 s, a full init ~1 s).

Use from a test module with `from tests.pg_support import pg_server, pg_template, ...`
(fixtures), or, to run a whole data-API suite on both engines, parametrise `fresh_db` in
tests/conftest.py with `request.getfixturevalue("pg_database")` (see docs/postgresql-plan.md).
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from db.store.engines.pg_pool import close_pools
from db.store.engines.postgres_schema import init_database

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "pg-local.sh"


def run_script(command: str, pg_dir: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), command], capture_output=True, text=True,
                          env={**os.environ, "PG_DIR": pg_dir}, timeout=600, check=False)


def database_url(server_url: str, name: str) -> str:
    return server_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def pg_server() -> Iterator[tuple[str, str]]:
    """A throwaway cluster for the session: (its URL, its folder). Skipped only when this
    machine cannot install PostgreSQL's server (the script says why)."""
    # Not under pytest's 0700 tmp folder: as root the server runs as another user. Under
    # scripts/test.sh the folder is inside the run's own, which it stops and removes at the
    # end even when a worker was killed.
    root = os.environ.get("COUNTERPART_PG_TEST_ROOT", "/tmp")
    pg_dir = f"{root}/counterpart-pg-test-{os.getpid()}"
    started = run_script("start", pg_dir)
    if started.returncode != 0:
        if "not installed" in started.stderr or "apt-get" in started.stderr:
            pytest.skip(f"no PostgreSQL server on this machine: {started.stderr.strip()}")
        raise AssertionError(f"pg-local.sh start failed: {started.stderr}")
    try:
        yield started.stdout.strip(), pg_dir
    finally:
        run_script("stop", pg_dir)


@pytest.fixture(scope="session")
def pg_template(pg_server: tuple[str, str]) -> str:
    """The name of a database `db init` made once, to copy for each test."""
    name = "counterpart_template"
    with psycopg.connect(pg_server[0], autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    init_database(database_url(pg_server[0], name))
    return name


def _new_database(server_url: str, template: str | None) -> str:
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return name


def _drop(server_url: str, name: str) -> None:
    close_pools(database_url(server_url, name))  # this process's idle connections to it
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def empty_url(pg_server: tuple[str, str]) -> Iterator[str]:
    """A new, empty database on the session's server, dropped afterwards."""
    name = _new_database(pg_server[0], None)
    try:
        yield database_url(pg_server[0], name)
    finally:
        _drop(pg_server[0], name)


@pytest.fixture
def pg_url(pg_server: tuple[str, str], pg_template: str) -> Iterator[str]:
    """A new Counterpart database (schema and roles made), dropped afterwards."""
    name = _new_database(pg_server[0], pg_template)
    try:
        yield database_url(pg_server[0], name)
    finally:
        _drop(pg_server[0], name)
