"""The hash-chained audit log: what it records, and tampering with plain SQL is caught."""

from __future__ import annotations

import inspect
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from console.cli import main
from db.security import audit
from db.security.audit import GENESIS, immediate
from db.service.compensation import authorise
from db.service.models import CompensationLine
from db.service.vouchers import redeem_with_pin
from db.store.connection import open_database
from tests.service_data_support import (
    CLERK_PIN,
    CONSOLE,
    SUPERVISOR_PIN,
    count,
    make_complaint,
    make_team,
    voucher_line,
)

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


def _fill(db: Database, n: int = 5) -> None:
    for i in range(n):
        with immediate(db):
            audit.append(db, "test.event", i, "thing", i, {"n": i, "text": "äö 中文"})


def _drop_guards(db: Database) -> None:
    """What an attacker with the sqlite3 shell does first: remove the append-only triggers."""
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("DROP TRIGGER audit_log_no_delete")


def test_an_unbroken_chain_verifies_and_links_each_entry(memory_db: Database) -> None:
    _fill(memory_db)
    result = audit.verify(memory_db)
    assert result.ok and result.checked == 5 and result.first_bad_id is None
    rows = list(memory_db.execute("SELECT id, prev_hash, hash FROM audit_log ORDER BY id"))
    assert rows[0][1] == GENESIS
    for before, after in zip(rows, rows[1:], strict=False):
        assert after[1] == before[2]


def test_append_outside_a_transaction_is_a_bug(memory_db: Database) -> None:
    with pytest.raises(RuntimeError):
        audit.append(memory_db, "x", None)


def test_empty_log_verifies(memory_db: Database) -> None:
    assert audit.verify(memory_db).ok


@pytest.mark.sqlite_only("drops the SQLite audit trigger to forge rows")
def test_an_edited_row_is_named(memory_db: Database) -> None:
    _fill(memory_db)
    _drop_guards(memory_db)
    memory_db.execute("UPDATE audit_log SET details = '{\"n\":99}' WHERE id = 3")
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == 3
    assert "3" in result.message


@pytest.mark.sqlite_only("drops the SQLite audit trigger to forge rows")
def test_an_edit_that_also_recomputes_its_own_hash_breaks_the_next_link(
    memory_db: Database,
) -> None:
    _fill(memory_db)
    _drop_guards(memory_db)
    r = memory_db.execute("SELECT id, at, actor_id, action, entity, entity_id, prev_hash "
                          "FROM audit_log WHERE id = 2").fetchone()
    forged = audit.entry_hash(r[0], r[1], r[2], r[3], r[4], r[5], '{"n":42}', r[6])
    memory_db.execute("UPDATE audit_log SET details = '{\"n\":42}', hash = ? WHERE id = 2",
                      [forged])
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == 3


@pytest.mark.sqlite_only("drops the SQLite audit trigger to forge rows")
def test_a_deleted_row_is_caught_at_the_next(memory_db: Database) -> None:
    _fill(memory_db)
    _drop_guards(memory_db)
    memory_db.execute("DELETE FROM audit_log WHERE id = 2")
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == 3


@pytest.mark.sqlite_only("drops the SQLite audit trigger to forge rows")
def test_rows_deleted_from_the_end_are_caught(memory_db: Database) -> None:
    _fill(memory_db)
    _drop_guards(memory_db)
    memory_db.execute("DELETE FROM audit_log WHERE id >= 4")
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == 4


@pytest.mark.sqlite_only("drops the SQLite audit trigger to forge rows")
def test_an_inserted_row_is_caught(memory_db: Database) -> None:
    _fill(memory_db)
    _drop_guards(memory_db)
    # squeeze a row in between 2 and 3 by renumbering the tail, keeping the stored hashes
    memory_db.execute("UPDATE audit_log SET id = id + 100 WHERE id >= 3")
    memory_db.execute("UPDATE audit_log SET id = id - 99 WHERE id >= 103")
    prev = memory_db.execute("SELECT hash FROM audit_log WHERE id = 2").fetchone()[0]
    memory_db.execute(
        "INSERT INTO audit_log(id, at, actor_id, action, entity, entity_id, details, "
        "prev_hash, hash) VALUES (3, '2026-11-23T12:00:00+00:00', 1, 'voucher.issued', "
        "'voucher', 1, '{}', ?, ?)", [prev, "f" * 64])
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == 3


def test_a_well_forged_row_appended_at_the_end_is_caught(memory_db: Database) -> None:
    _fill(memory_db)
    last = memory_db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC").fetchone()
    at = "2026-11-23T12:00:00+00:00"
    digest = audit.entry_hash(last[0] + 1, at, 1, "voucher.redeemed", "voucher", 1, "{}",
                              last[1])
    memory_db.execute(
        "INSERT INTO audit_log(id, at, actor_id, action, entity, entity_id, details, "
        "prev_hash, hash) VALUES (?, ?, 1, 'voucher.redeemed', 'voucher', 1, '{}', ?, ?)",
        [last[0] + 1, at, last[1], digest])
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == last[0] + 1


def test_a_failed_write_leaves_no_audit_entry(memory_db: Database) -> None:
    _fill(memory_db, 1)
    with pytest.raises(ValueError), immediate(memory_db):
        audit.append(memory_db, "money.changed", 1, "thing", 1, {})
        raise ValueError("later step failed")
    assert count(memory_db, "audit_log") == 1
    assert audit.verify(memory_db).ok


def test_entries_filter_by_entity_and_action(memory_db: Database) -> None:
    _fill(memory_db)
    with immediate(memory_db):
        audit.append(memory_db, "pin.failed", None, "console", None, {"console_id": "c"})
    assert [e.action for e in audit.entries(memory_db, action_prefix="pin.")] == ["pin.failed"]
    assert [e.entity_id for e in audit.entries(memory_db, entity="thing", entity_id=2)] == [2]


def test_cli_audit_verify_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    _fill(db)
    db.close()
    assert main(["audit", "verify", "--db", str(path)]) == 0
    assert "5 entries" in capsys.readouterr().out
    db = open_database(path)
    _drop_guards(db)
    db.execute("UPDATE audit_log SET actor_id = 77 WHERE id = 4")
    db.close()
    assert main(["audit", "verify", "--db", str(path)]) == 1
    assert "entry 4" in capsys.readouterr().err


def test_cli_audit_verify_missing_file(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--db", str(tmp_path / "nope.sqlite")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_demo_database_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    from db.demo import build_demo

    path = tmp_path / "demo.sqlite"
    db = open_database(path)
    build_demo(db, customers=30, seed=3, today=date(2026, 11, 23))
    assert count(db, "complaints") > 100 and count(db, "audit_log") > 300
    db.close()
    assert main(["audit", "verify", "--db", str(path)]) == 0
    db = open_database(path)
    _drop_guards(db)
    db.execute("DELETE FROM audit_log WHERE action = 'voucher.redeemed' AND id = "
               "(SELECT min(id) FROM audit_log WHERE action = 'voucher.redeemed')")
    db.close()
    assert main(["audit", "verify", "--db", str(path)]) == 1
    assert "Audit log broken at entry" in capsys.readouterr().err


# ---------------------------------------------------------------- append-only, and records


def test_plain_sql_cannot_change_or_delete_an_entry(tmp_path: Path) -> None:
    db = open_database(tmp_path / "shop.sqlite")
    _fill(db, 3)
    for sql in ("UPDATE audit_log SET actor_id = 77 WHERE id = 2",
                "UPDATE audit_log SET id = id + 100",
                "DELETE FROM audit_log WHERE id = 3",
                "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(sql)
    assert [r[0] for r in db.execute("SELECT actor_id FROM audit_log ORDER BY id")] == [0, 1, 2]
    assert audit.verify(db).ok
    db.close()


def _shop(path: Path) -> dict[str, str]:
    """Two approved complaints (one with a voucher, later redeemed), on a file.

    Returns the stored chain head as it was after the first decision.
    """
    db = open_database(path)
    team = make_team(db)
    first = make_complaint(db, team, voucher_line(1200))
    authorise(db, first.id, first.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    early_head = db.execute("SELECT value FROM settings WHERE key = ?",
                            [audit.HEAD_KEY]).fetchone()[0]
    second = make_complaint(db, team, CompensationLine(kind="refund", amount_minor=800))
    authorise(db, second.id, second.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    [code] = [r[0] for r in db.execute("SELECT code FROM vouchers")]
    redeem_with_pin(db, code, CLERK_PIN, CONSOLE)
    db.close()
    return {"early_head": early_head}


def _first_id(db: Database, action: str) -> int:
    return int(db.execute("SELECT min(id) FROM audit_log WHERE action = ?",
                          [action]).fetchone()[0])


def _edit(db: Database) -> str:
    bad = _first_id(db, "authorisation.approved")
    db.execute("UPDATE audit_log SET details = replace(details, '1200', '9900') WHERE id = ?",
               [bad])
    return f"entry {bad} "


def _delete(db: Database) -> str:
    gone = _first_id(db, "authorisation.approved")
    db.execute("DELETE FROM audit_log WHERE id = ?", [gone])
    return f"entry {gone + 1} "


def _insert(db: Database) -> str:
    last_id, last_hash = db.execute(
        "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    at = "2026-11-23T12:00:00+00:00"
    details = '{"authorisation_id":9}'
    digest = audit.entry_hash(last_id + 1, at, 1, "authorisation.approved", "complaint", 1,
                              details, last_hash)
    db.execute("INSERT INTO audit_log(id, at, actor_id, action, entity, entity_id, details, "
               "prev_hash, hash) VALUES (?, ?, 1, 'authorisation.approved', 'complaint', 1, "
               "?, ?, ?)", [last_id + 1, at, details, last_hash, digest])
    return f"entry {last_id + 1}"


def _cut_tail_and_forge_head(db: Database, early_head: str) -> str:
    head_id = json.loads(early_head)["id"]
    db.execute("DELETE FROM audit_log WHERE id > ?", [head_id])
    db.execute("UPDATE settings SET value = ? WHERE key = ?", [early_head, audit.HEAD_KEY])
    return "authorisation 2 (approved, complaint 2"


def _delete_everything(db: Database) -> str:
    db.execute("DELETE FROM audit_log")
    db.execute("DELETE FROM settings WHERE key = ?", [audit.HEAD_KEY])
    return "authorisation 1 (approved, complaint 1"


def _delete_the_log_keep_head(db: Database) -> str:
    db.execute("DELETE FROM audit_log")
    return "were deleted from the end"


def _delete_a_redemption_at_the_end(db: Database, early_head: str) -> str:
    last = db.execute("SELECT id, action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert last[1] == "voucher.redeemed"
    before = db.execute("SELECT id, hash FROM audit_log WHERE id = ?",
                        [last[0] - 1]).fetchone()
    db.execute("DELETE FROM audit_log WHERE id = ?", [last[0]])
    db.execute("UPDATE settings SET value = ? WHERE key = ?",
               [json.dumps({"id": before[0], "hash": before[1]}), audit.HEAD_KEY])
    return "the redemption of voucher"


@pytest.mark.parametrize("tamper", [
    _edit, _delete, _insert, _cut_tail_and_forge_head, _delete_everything,
    _delete_the_log_keep_head, _delete_a_redemption_at_the_end,
])
def test_tampering_after_dropping_the_triggers_is_named_by_audit_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tamper: Any,
) -> None:
    path = tmp_path / "shop.sqlite"
    saved = _shop(path)
    assert main(["audit", "verify", "--db", str(path)]) == 0
    capsys.readouterr()
    db = open_database(path)
    _drop_guards(db)
    params = inspect.signature(tamper).parameters
    expected = tamper(db, saved["early_head"]) if len(params) == 2 else tamper(db)
    db.close()
    assert main(["audit", "verify", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert expected in err, err
