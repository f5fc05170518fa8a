"""scripts/pg-server-setup.sh, the README's one command for a shop's server, driven against the
session's throwaway cluster (PGHOST set: psql runs as the caller, nothing is installed)."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "pg-server-setup.sh"


def _run(server_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    parts = urlsplit(server_url)
    env = {**os.environ, "PGHOST": parts.hostname or "", "PGPORT": str(parts.port),
           "PGUSER": parts.username or ""}
    return subprocess.run(["bash", str(SCRIPT), "--no-install", *args], capture_output=True,
                          text=True, env=env, timeout=300, check=False)


def test_one_command_makes_database_roles_and_till_urls(pg_server: tuple[str, str]) -> None:
    from db.customers.records import create_customer
    from db.models import CustomerInput
    from db.store.connection import open_database

    suffix = uuid.uuid4().hex[:8]
    name, till, office = f"shop_{suffix}", f"till_{suffix}", f"office_{suffix}"
    done = _run(pg_server[0], "--db", name, "--till", till, "--manager", office)
    assert done.returncode == 0, done.stderr
    urls = done.stdout.split()
    assert [urlsplit(u).username for u in urls] == [till, office]
    assert all(urlsplit(u).path == f"/{name}" and "sslmode=require" in u for u in urls)
    # The till's URL (TLS off here: the throwaway cluster has no certificate) opens the shop.
    till_url = urls[0].replace("sslmode=require", "sslmode=disable")
    db = open_database(till_url)
    try:
        customer = create_customer(db, CustomerInput(name="Aino Virtanen", language="fi"))
        assert customer.id > 0
    finally:
        db.close()
    # The tills' role may add to the audit log, never change it: a privilege, not a trigger.
    with psycopg.connect(till_url) as raw, pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw.execute("UPDATE audit_log SET action = action")
    # Again: nothing is recreated, no password is printed or changed.
    again = _run(pg_server[0], "--db", name, "--till", till)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == ""
    assert "already has Counterpart's schema" in again.stderr


def test_bad_names_are_refused_before_anything_is_made(pg_server: tuple[str, str]) -> None:
    done = _run(pg_server[0], "--db", "shop; DROP DATABASE postgres", "--till", "t1")
    assert done.returncode == 1
    assert "use lower-case letters" in done.stderr
    with psycopg.connect(pg_server[0], autocommit=True) as admin:
        assert admin.execute("SELECT count(*) FROM pg_roles WHERE rolname = 't1'"
                             ).fetchone() == (0,)
