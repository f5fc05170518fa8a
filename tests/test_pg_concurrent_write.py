"""`concurrent_write` on PostgreSQL: tills deciding different complaints write at the same
time, a second decision on the same complaint waits for the first, a whole-database write
(`write`, BEGIN IMMEDIATE) still has the database to itself, and the audit chain and the
change feed are appended one till at a time (the tail lock), so the chain stays unbroken
and change numbers commit in order."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlite_utils import Database

from db.errors import DatabaseLocked
from db.security import audit
from db.security.approvals import Approval
from db.service.models import CompensationLine
from db.store import changes
from db.store.connection import concurrent_write, open_database, write

pytest_plugins = ["tests.pg_support"]  # the server, template and per-test database


@pytest.fixture
def tills(pg_url: str) -> Iterator[tuple[Database, Database]]:
    """Two tills' connections; the second gives up on a lock after 0.2 s, not 5."""
    first, second = open_database(pg_url), open_database(pg_url)
    second.conn.raw.execute("SET lock_timeout = 200")  # type: ignore[attr-defined]
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def _setting(db: Database, key: str) -> None:
    db.execute("INSERT INTO settings (key, value) VALUES (?, '1')", [key])


def test_writes_about_different_complaints_run_at_once_the_same_one_waits(
        tills: tuple[Database, Database]) -> None:
    one, two = tills
    with concurrent_write(one, "complaint:1"):
        _setting(one, "one")
        with concurrent_write(two, "complaint:2"):  # no wait: another complaint
            _setting(two, "two")
        with pytest.raises(DatabaseLocked), concurrent_write(two, "complaint:1"):
            _setting(two, "three")
        assert not two.conn.in_transaction  # nothing left open by the refused BEGIN
    with concurrent_write(two, "complaint:1"):  # free once the first committed
        _setting(two, "three")
    assert [r[0] for r in one.execute("SELECT key FROM settings WHERE value = '1' "
                                      "ORDER BY key")] == ["one", "three", "two"]


def test_a_whole_database_write_and_concurrent_writes_exclude_each_other(
        tills: tuple[Database, Database]) -> None:
    one, two = tills
    with concurrent_write(one, "complaint:1"), pytest.raises(DatabaseLocked), write(two):
        _setting(two, "whole")
    with write(one), pytest.raises(DatabaseLocked), concurrent_write(two, "complaint:2"):
        _setting(two, "beside")
    with concurrent_write(two):
        _setting(two, "beside")


def test_appends_to_the_audit_chain_and_change_feed_take_turns(
        tills: tuple[Database, Database]) -> None:
    one, two = tills
    with concurrent_write(one, "complaint:1"):
        audit.append(one, "test.first", None, "till", 1)
        worked = []
        with pytest.raises(DatabaseLocked), concurrent_write(two, "complaint:2"):
            _setting(two, "work")  # the till's own work runs beside the first's append
            worked.append(True)
            changes.record(two, changes.COMPLAINT, 2)  # its append waits its turn
        assert worked
    with concurrent_write(two, "complaint:2"):
        changes.record(two, changes.COMPLAINT, 2)
        audit.append(two, "test.second", None, "till", 2)
    assert [e.action for e in audit.entries(one)] == ["test.second", "test.first"]
    assert audit.verify(one).ok


def test_tills_appending_at_once_beside_each_other_keep_one_chain_and_change_order(
        pg_url: str) -> None:
    """4 tills x 25 concurrent writes (each its own complaint key), each appending an audit
    entry and a change row: one unbroken chain, every entry there, and the change rows
    numbered in the order their transactions committed (the audit ids' order)."""

    def till(number: int) -> None:
        db = open_database(pg_url)
        try:
            for i in range(25):
                with concurrent_write(db, f"complaint:{number * 100 + i}"):
                    changes.record(db, changes.COMPLAINT, number * 100 + i)
                    audit.append(db, "test.append", None, "complaint", number * 100 + i)
        finally:
            db.close()

    with ThreadPoolExecutor(4) as pool:
        for done in [pool.submit(till, n) for n in range(4)]:
            done.result()
    db = open_database(pg_url)
    try:
        assert db.execute("SELECT count(*), max(id) FROM audit_log").fetchone() == (100, 100)
        assert audit.verify(db).ok
        by_entry = [r[0] for r in db.execute("SELECT entity_id FROM audit_log ORDER BY id")]
        by_change = [r[0] for r in db.execute(
            "SELECT entity_id FROM changes WHERE entity = 'complaint' ORDER BY seq")]
        assert by_change == by_entry  # committed in number order
    finally:
        db.close()


def test_two_tills_deciding_one_complaint_the_second_waits_then_sees_the_first(
        tills: tuple[Database, Database]) -> None:
    """Tills approving other complaints write beside each other, but a second decision on
    the same complaint waits for the first (here past its busy timeout) and, once the first
    committed, is refused with who decided it and where."""
    from db.service.compensation import AuthorisationConflict, approve_with, lines_for
    from tests.service_data_support import (
        internal_approval,
        make_complaint,
        make_team,
    )

    one, two = tills
    team = make_team(one)
    line = CompensationLine(kind="refund", amount_minor=400)
    first, other = make_complaint(one, team, line), make_complaint(one, team, line)

    def approval(db: Database, complaint_id: int) -> Approval:
        return internal_approval(db, team.supervisor, "compensation.approve",
                                 f"complaint:{complaint_id}", 400)

    proposed = [ln for ln in lines_for(one, first.id) if ln.status == "proposed"]
    theirs = approval(two, first.id)
    with concurrent_write(one, f"complaint:{first.id}"):  # till 1 is deciding `first`
        approve_with(two, approval(two, other.id), other.id,  # another complaint: at once
                     [ln for ln in lines_for(two, other.id) if ln.status == "proposed"],
                     seen_decisions=0)
        with pytest.raises(DatabaseLocked):
            approve_with(two, theirs, first.id, proposed, seen_decisions=0)
        approve_with(one, approval(one, first.id), first.id, proposed, seen_decisions=0)
    with pytest.raises(AuthorisationConflict, match="Sami Supervisor has just"):
        approve_with(two, theirs, first.id, proposed, seen_decisions=0)
    assert one.execute("SELECT count(*) FROM authorisations").fetchone()[0] == 2
    assert audit.verify(one).ok
