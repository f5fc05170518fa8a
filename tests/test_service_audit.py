"""The hash-chained audit log: what it records, and tampering with plain SQL is caught."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from console.cli import main
from db import audit
from db.audit import GENESIS, immediate
from db.connection import open_database
from tests.service_data_support import count


def _fill(db: Database, n: int = 5) -> None:
    for i in range(n):
        with immediate(db):
            audit.append(db, "test.event", i, "thing", i, {"n": i, "text": "äö 中文"})


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


def test_an_edited_row_is_named(memory_db: Database) -> None:
    _fill(memory_db)
    memory_db.execute("UPDATE audit_log SET details = '{\"n\":99}' WHERE id = 3")
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == 3
    assert "3" in result.message


def test_an_edit_that_also_recomputes_its_own_hash_breaks_the_next_link(
    memory_db: Database,
) -> None:
    _fill(memory_db)
    r = memory_db.execute("SELECT id, at, actor_id, action, entity, entity_id, prev_hash "
                          "FROM audit_log WHERE id = 2").fetchone()
    forged = audit.entry_hash(r[0], r[1], r[2], r[3], r[4], r[5], '{"n":42}', r[6])
    memory_db.execute("UPDATE audit_log SET details = '{\"n\":42}', hash = ? WHERE id = 2",
                      [forged])
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == 3


def test_a_deleted_row_is_caught_at_the_next(memory_db: Database) -> None:
    _fill(memory_db)
    memory_db.execute("DELETE FROM audit_log WHERE id = 2")
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == 3


def test_rows_deleted_from_the_end_are_caught(memory_db: Database) -> None:
    _fill(memory_db)
    memory_db.execute("DELETE FROM audit_log WHERE id >= 4")
    result = audit.verify(memory_db)
    assert not result.ok and result.first_bad_id == 4


def test_an_inserted_row_is_caught(memory_db: Database) -> None:
    _fill(memory_db)
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
    db.execute("DELETE FROM audit_log WHERE action = 'voucher.redeemed' AND id = "
               "(SELECT min(id) FROM audit_log WHERE action = 'voucher.redeemed')")
    db.close()
    assert main(["audit", "verify", "--db", str(path)]) == 1
    assert "Audit log broken at entry" in capsys.readouterr().err
