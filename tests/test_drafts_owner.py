"""Drafts belong to whoever typed them: keyed by owner, old drafts migrated, stale ones
listed for managers, discarded only by a manager (or the owner)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import clock
from db.errors import NotFound, PermissionDenied
from db.service.drafts import (
    STALE_AFTER,
    clear_draft,
    discard_draft,
    load_draft,
    save_draft,
    stale_drafts,
)
from db.store.connection import open_database
from db.store.migrations import migrations
from tests.service_data_support import Team, make_team


@pytest.fixture
def team(memory_db: Database) -> Team:
    return make_team(memory_db)


def test_another_persons_answer_never_touches_my_draft(memory_db: Database, team: Team) -> None:
    save_draft(memory_db, team.clerk.id, "complaint", {"problem": "Cold soup"}, console_id="a")
    save_draft(memory_db, team.supervisor.id, "complaint", {"problem": "Noise"},
               console_id="a")
    clear_draft(memory_db, team.supervisor.id, "complaint")  # the supervisor's "No"
    mine = load_draft(memory_db, team.clerk.id, "complaint")
    assert mine is not None and mine.payload == {"problem": "Cold soup"}
    assert mine.owner_name == "Aino Staff"
    assert load_draft(memory_db, team.supervisor.id, "complaint") is None


def test_a_draft_follows_its_owner_to_another_console(memory_db: Database, team: Team) -> None:
    save_draft(memory_db, team.clerk.id, "complaint", {"problem": "a"}, console_id="till-1")
    save_draft(memory_db, team.clerk.id, "complaint", {"problem": "ab"}, console_id="till-2")
    draft = load_draft(memory_db, team.clerk.id, "complaint")
    assert draft is not None and draft.payload == {"problem": "ab"}
    assert draft.console_id == "till-2"
    assert memory_db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 1


def test_stale_drafts_for_managers(memory_db: Database, team: Team,
                                   fixed_clock: datetime) -> None:
    clock.set_clock(lambda: fixed_clock - STALE_AFTER - timedelta(minutes=5))
    save_draft(memory_db, team.clerk.id, "complaint", {"problem": "left at lunch"})
    clock.set_clock(lambda: fixed_clock)
    save_draft(memory_db, team.supervisor.id, "complaint", {"problem": "being typed"})
    memory_db.execute(
        "INSERT INTO drafts(owner_id, form, console_id, payload, updated_at) "
        "VALUES (NULL, 'complaint', 'old-console', 'not json', ?)", [clock.to_iso(fixed_clock)])
    found = stale_drafts(memory_db)
    assert [(d.owner_id, d.payload) for d in found] == [
        (team.clerk.id, {"problem": "left at lunch"}),  # oldest first
        (None, {}),  # no owner (from before drafts had one), unreadable: still listed
    ]
    # the owner left the shop: their fresh draft is stale at once
    memory_db.execute("UPDATE staff SET active = 0 WHERE id = ?", [team.supervisor.id])
    assert team.supervisor.id in [d.owner_id for d in stale_drafts(memory_db)]


def test_only_a_manager_or_the_owner_discards_a_draft(memory_db: Database, team: Team) -> None:
    save_draft(memory_db, team.clerk.id, "complaint", {"problem": "x"})
    draft = load_draft(memory_db, team.clerk.id, "complaint")
    assert draft is not None
    with pytest.raises(PermissionDenied):
        discard_draft(memory_db, draft.id, team.supervisor)
    assert load_draft(memory_db, team.clerk.id, "complaint") is not None
    discard_draft(memory_db, draft.id, team.manager)
    assert load_draft(memory_db, team.clerk.id, "complaint") is None
    with pytest.raises(NotFound):
        discard_draft(memory_db, draft.id, team.manager)
    save_draft(memory_db, team.clerk.id, "complaint", {"problem": "y"})
    own = load_draft(memory_db, team.clerk.id, "complaint")
    assert own is not None
    discard_draft(memory_db, own.id, team.clerk)
    assert load_draft(memory_db, team.clerk.id, "complaint") is None


def test_old_console_keyed_drafts_are_migrated_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = Database(str(path))
    migrations.apply(old, stop_before="m002_drafts_by_owner")
    old.execute("INSERT INTO staff(id, name, role, active, created_at) VALUES "
                "(7, 'Aino', 'staff', 1, '2026-11-01T00:00:00+00:00')")
    rows = [
        ("till-1", json.dumps({"taken_by": 7, "problem": "newer"}), "2026-11-20T10:00:00+00:00"),
        ("till-2", json.dumps({"taken_by": 7, "problem": "older"}), "2026-11-19T10:00:00+00:00"),
        ("till-3", json.dumps({"taken_by": 99, "problem": "gone"}), "2026-11-18T10:00:00+00:00"),
        ("till-4", "not json", "2026-11-17T10:00:00+00:00"),
    ]
    for console, payload, at in rows:
        old.execute("INSERT INTO drafts(console_id, form, payload, updated_at) "
                    "VALUES (?, 'complaint', ?, ?)", [console, payload, at])
    old.close()

    db = open_database(path)
    try:
        mine = load_draft(db, 7, "complaint")
        assert mine is not None and mine.payload["problem"] == "newer"
        kept = {(r[0], r[1]) for r in db.execute("SELECT owner_id, console_id FROM drafts")}
        assert kept == {(7, "till-1"), (None, "till-2"), (None, "till-3"), (None, "till-4")}
        assert len(stale_drafts(db, now=clock.from_iso("2026-11-20T10:30:00+00:00"))) == 3
    finally:
        db.close()
