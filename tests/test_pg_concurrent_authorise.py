"""`concurrent_authorise_p95_ms`: 8 tills (processes) authorising at once on one PostgreSQL
server print their figures, every authorisation lands once and the audit chain verifies."""

from __future__ import annotations

import pytest

from console import concurrent_authorise_bench
from db.security import audit
from db.store.connection import open_database

pytest_plugins = ["tests.pg_support"]  # the server, template and per-test database

TILLS, EACH = 8, 3


def test_eight_tills_authorising_at_once_print_their_p95(
        pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert concurrent_authorise_bench.main([pg_url, str(TILLS), str(EACH)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("concurrent_authorise_p95_ms ")
    assert lines[1].startswith("concurrent_authorise_without_pin_p95_ms ")
    whole, without_pin = (float(line.split()[1]) for line in lines[:2])
    assert 0 < without_pin <= whole
    db = open_database(pg_url)
    try:
        assert db.execute("SELECT count(*) FROM authorisations").fetchone()[0] == TILLS * EACH
        approved = [e for e in audit.entries(db, limit=10_000)
                    if e.action == "authorisation.approved"]
        assert len(approved) == TILLS * EACH  # each once, none missing
        assert {e.details["console_id"] for e in approved} == {
            f"bench-till-{k}" for k in range(TILLS)}
        assert audit.verify(db).ok  # one unbroken chain
    finally:
        db.close()
