"""The audit log also covers the values of the rows it is about, and the head on paper.

Found as: compensation, authorisation and voucher values multiplied by 100 with plain SQL
passed `counterpart audit verify`. Now each entry records a hash of the rows it is about
and verify compares the latest entry per row with the row now. And a log re-chained from
the start is caught against the head printed in the footer of the end-of-day report.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from console.cli import main
from db.security import audit
from db.security.audit import immediate
from db.security.staff_admin import change_staff
from db.service.compensation import authorise, refuse
from db.service.models import CompensationLine
from db.service.vouchers import redeem_with_pin
from db.settings import change_settings, load_settings
from db.store.connection import open_database
from db.store.migrations import migrations
from tests.service_data_support import (
    CLERK_PIN,
    CONSOLE,
    MANAGER_PIN,
    SUPERVISOR_PIN,
    make_complaint,
    make_team,
    voucher_line,
)


@dataclass
class Shop:
    path: Path
    db: Database
    supervisor: int
    manager: int
    clerk: int
    code: str


@pytest.fixture
def shop(tmp_path: Path) -> Shop:
    """An approved voucher (complaint 1), a refused refund (complaint 2), a supervisor's
    limit changed and the manager limit changed: each through the application."""
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    team = make_team(db)
    first = make_complaint(db, team, voucher_line(1200))
    authorise(db, first.id, first.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    second = make_complaint(db, team, CompensationLine(kind="refund", amount_minor=800,
                                                       description="Refund"))
    refuse(db, second.id, SUPERVISOR_PIN, CONSOLE, "The meal was eaten.")
    change_staff(db, MANAGER_PIN, CONSOLE, team.supervisor.id, limit_minor=6000)
    change_settings(db, replace(load_settings(db), manager_limit_minor=40_000),
                    pin=MANAGER_PIN, console_id=CONSOLE)
    code = str(db.execute("SELECT code FROM vouchers").fetchone()[0])
    assert audit.verify(db).ok
    return Shop(path, db, team.supervisor.id, team.manager.id, team.clerk.id, code)


def _verify_cli(shop: Shop, capsys: pytest.CaptureFixture[str], *extra: str
                ) -> tuple[int, str]:
    shop.db.close()
    status = main(["audit", "verify", "--db", str(shop.path), *extra])
    captured = capsys.readouterr()
    shop.db = open_database(shop.path)
    return status, captured.out + captured.err


TAMPERING: list[tuple[str, str, str]] = [
    ("compensation value x100",
     "UPDATE compensations SET value_minor = value_minor * 100, "
     "amount_minor = amount_minor * 100 WHERE status = 'approved'",
     "compensation line 1 of complaint 1 was changed"),
    ("authorisation total x100",
     "UPDATE authorisations SET total_minor = total_minor * 100 WHERE decision = 'approved'",
     "authorisation 1 of complaint 1 was changed"),
    ("voucher value x100", "UPDATE vouchers SET value_minor = value_minor * 100",
     "voucher 1 was changed"),
    ("voucher expiry", "UPDATE vouchers SET expires_on = '2099-12-31'",
     "voucher 1 was changed"),
    ("refusal turned approval",
     "UPDATE compensations SET status = 'approved' WHERE status = 'refused'",
     "compensation line 2 of complaint 2 was changed"),
    ("decided line deleted", "DELETE FROM compensations WHERE status = 'refused'",
     "compensation line 2 of complaint 2 was deleted"),
    ("approved line slipped in",
     "INSERT INTO compensations(complaint_id, kind, amount_minor, value_minor, status, "
     "authorisation_id) VALUES (2, 'refund', 90000, 90000, 'approved', 2)",
     "compensation line 3 of complaint 2 was added"),
    ("supervisor limit", "UPDATE staff SET limit_minor = 9999999 WHERE id = 2",
     "staff member 2 was changed"),
    ("supervisor made manager", "UPDATE staff SET role = 'manager' WHERE id = 2",
     "staff member 2 was changed"),
    ("PIN hash copied", "UPDATE staff SET pin_hash = (SELECT pin_hash FROM staff WHERE id = 1)"
     " WHERE id = 2", "staff member 2 was changed"),
    ("manager limit setting",
     "UPDATE shop_settings SET value = '99999999' WHERE key = 'manager_limit_minor'",
     "the shop setting manager_limit_minor was changed"),
]


@pytest.mark.parametrize(("name", "sql", "named"), TAMPERING, ids=[t[0] for t in TAMPERING])
def test_a_value_changed_with_sql_fails_verify_naming_it(
    shop: Shop, capsys: pytest.CaptureFixture[str], name: str, sql: str, named: str,
) -> None:
    shop.db.execute(sql)
    result = audit.verify(shop.db)
    assert not result.ok
    assert named in result.message and "outside Counterpart" in result.message
    assert result.first_bad_id is not None
    status, text = _verify_cli(shop, capsys)
    assert status == 1 and named in text


def test_all_three_values_multiplied_by_100_at_once(shop: Shop) -> None:
    """The case as it was found: the first of them is named."""
    shop.db.execute("UPDATE compensations SET value_minor = value_minor * 100, "
                    "amount_minor = amount_minor * 100")
    shop.db.execute("UPDATE authorisations SET total_minor = total_minor * 100")
    shop.db.execute("UPDATE vouchers SET value_minor = value_minor * 100")
    result = audit.verify(shop.db)
    assert not result.ok
    assert "voucher 1 was changed" in result.message  # its entry comes first in the log
    assert "value, expiry or redemption" in result.message


def test_legitimate_later_changes_go_through_new_entries_and_verify(shop: Shop) -> None:
    redeem_with_pin(shop.db, shop.code, CLERK_PIN, CONSOLE)  # the clerk takes it
    change_staff(shop.db, MANAGER_PIN, CONSOLE, shop.supervisor, limit_minor=7000)
    change_settings(shop.db, replace(load_settings(shop.db), manager_limit_minor=45_000),
                    pin=MANAGER_PIN, console_id=CONSOLE)
    result = audit.verify(shop.db)
    assert result.ok, result.message
    rows = shop.db.execute("SELECT row_hash FROM audit_log WHERE entity = 'voucher' "
                           "ORDER BY id DESC LIMIT 1").fetchone()
    assert json.loads(rows[0]).keys() == {"vouchers/1"}
    # after redeeming, un-redeeming it with SQL (to use it twice) is caught
    shop.db.execute("UPDATE vouchers SET redeemed_at = NULL, redeemed_by = NULL")
    result = audit.verify(shop.db)
    assert not result.ok and "voucher 1 was changed" in result.message


def test_the_row_hash_is_part_of_the_entry_hash(shop: Shop) -> None:
    """Rewriting an entry's row hash to match a changed row breaks the chain there."""
    shop.db.execute("DROP TRIGGER audit_log_no_update")
    shop.db.execute("UPDATE vouchers SET value_minor = value_minor * 100")
    entry = shop.db.execute("SELECT id FROM audit_log WHERE entity = 'voucher' "
                            "ORDER BY id DESC LIMIT 1").fetchone()[0]
    with immediate(shop.db):
        shop.db.execute("UPDATE audit_log SET row_hash = ? WHERE id = ?",
                        [audit.row_hash(shop.db, "voucher", 1), entry])
    result = audit.verify(shop.db)
    assert not result.ok and result.first_bad_id == entry
    assert "contents were changed" in result.message


def test_no_personal_data_in_row_hashes(shop: Shop) -> None:
    """Hashes only, one per row; names are not among the columns hashed."""
    for (text,) in shop.db.execute("SELECT row_hash FROM audit_log WHERE row_hash IS NOT NULL"):
        for key, digest in json.loads(text).items():
            assert re.fullmatch(r"[a-z_]+/[\w.]+", key) and re.fullmatch(r"[0-9a-f]{32}", digest)
    shop.db.execute("UPDATE staff SET name = 'Someone Else' WHERE id = 2")
    assert audit.verify(shop.db).ok


def _old_style_entry(db: Database, action: str, entity: str, entity_id: int | None) -> None:
    """An entry as Counterpart wrote it before row hashes: no row_hash column at all."""
    last = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_id, prev_hash = (last[0], last[1]) if last else (0, audit.GENESIS)
    at = "2026-11-01T10:00:00+00:00"
    digest = audit.entry_hash(prev_id + 1, at, None, action, entity, entity_id, "{}",
                              prev_hash)
    db.execute("INSERT INTO audit_log(id, at, actor_id, action, entity, entity_id, details, "
               "prev_hash, hash) VALUES (?, ?, NULL, ?, ?, ?, '{}', ?, ?)",
               [prev_id + 1, at, action, entity, entity_id, prev_hash, digest])
    db.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
               "SET value = excluded.value",
               [audit.HEAD_KEY, json.dumps({"id": prev_id + 1, "hash": digest})])


def test_an_existing_chain_without_row_hashes_still_verifies(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = open_database(path, migrate=False)
    migrations.apply(old, stop_before="m003_audit_row_hash")
    assert "row_hash" not in {c[1] for c in old.execute("PRAGMA table_info(audit_log)")}
    old.execute("INSERT INTO staff(name, role, limit_minor, active, created_at) "
                "VALUES ('Maria', 'manager', 0, 1, '2026-11-01T09:00:00+00:00')")
    old.execute("INSERT INTO vouchers(code, value_minor, expires_on, issued_at, issued_by) "
                "VALUES ('OLD1-CODE', 1500, '2027-05-01', '2026-11-01T10:00:00+00:00', 1)")
    _old_style_entry(old, "staff.created", "staff", 1)
    _old_style_entry(old, "voucher.issued", "voucher", 1)
    old.close()

    db = open_database(path)  # migrates: the column is added, old entries keep NULL
    try:
        assert {c[1] for c in db.execute("PRAGMA table_info(audit_log)")} >= {"row_hash"}
        result = audit.verify(db)
        assert result.ok and result.checked == 2, result.message
        # old entries carry no row hash, so they vouch for no values ...
        db.execute("UPDATE vouchers SET value_minor = 2000")
        assert audit.verify(db).ok
        # ... but the first new entry about the row does
        with immediate(db):
            db.execute("UPDATE vouchers SET redeemed_at = '2026-11-02T10:00:00+00:00', "
                       "redeemed_by = 1")
            audit.append(db, "voucher.redeemed", 1, "voucher", 1, {})
        assert audit.verify(db).ok
        db.execute("UPDATE vouchers SET value_minor = value_minor * 100")
        result = audit.verify(db)
        assert not result.ok and "voucher 1 was changed" in result.message
    finally:
        db.close()


# ------------------------------------------------------------------ the head on the report

HEAD = re.compile(r"Audit log (\d+:[0-9a-f]{16})")


def _printed_head(pdf: Path) -> str:
    pages = [page.extract_text() or "" for page in PdfReader(pdf).pages]
    heads = [HEAD.search(text.replace("\n", " ")) for text in pages]
    assert all(heads), "every page's footer shows the audit log head"
    found = {h.group(1) for h in heads if h}
    assert len(found) == 1
    return found.pop()


def _rechain_from_start(db: Database) -> None:
    """A dishonest rewrite: every entry's hash recomputed from the first, head forged too."""
    db.execute("DROP TRIGGER audit_log_no_update")
    prev = audit.GENESIS
    rows = db.execute("SELECT id, at, actor_id, action, entity, entity_id, details, row_hash "
                      "FROM audit_log ORDER BY id").fetchall()
    latest: dict[tuple[str, int | None], int] = {}
    for r in rows:
        if r[7] is not None:
            latest[(r[4], r[5])] = r[0]
    for entry_id, at, actor, action, entity, entity_id, details, rows_text in rows:
        if rows_text is not None and latest[(entity, entity_id)] == entry_id:
            rows_text = audit.row_hash(db, entity, entity_id)  # match the changed values
        digest = audit.entry_hash(entry_id, at, actor, action, entity, entity_id, details,
                                  prev, rows_text)
        db.execute("UPDATE audit_log SET prev_hash = ?, hash = ?, row_hash = ? WHERE id = ?",
                   [prev, digest, rows_text, entry_id])
        prev = digest
    db.execute("UPDATE settings SET value = ? WHERE key = ?",
               [json.dumps({"id": rows[-1][0], "hash": prev}), audit.HEAD_KEY])


def test_the_report_footer_carries_the_head_and_verify_checks_it(
    shop: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    shop.db.close()
    out = tmp_path / "day.pdf"
    assert main(["report", "--db", str(shop.path), "--date", date.today().isoformat(),
                 "--out", str(out)]) == 0
    capsys.readouterr()
    shop.db = open_database(shop.path)
    printed = _printed_head(out)
    last_id, last_hash = audit.head(shop.db) or (0, "")
    assert printed == f"{last_id}:{last_hash[:16]}"

    status, text = _verify_cli(shop, capsys, "--head", printed)
    assert status == 0 and "passes through" in text
    # the log grows after printing: it still passes through the printed head
    redeem_with_pin(shop.db, shop.code, CLERK_PIN, CONSOLE)  # the clerk takes it
    assert _verify_cli(shop, capsys, "--head", printed)[0] == 0
    assert _verify_cli(shop, capsys, "--head", printed.split(":")[1])[0] == 0

    # someone raises the approved compensation and re-chains the whole log from the start:
    # the log is consistent in itself, but no longer passes through the paper's head
    shop.db.execute("UPDATE compensations SET value_minor = value_minor * 100, "
                    "amount_minor = amount_minor * 100 WHERE status = 'approved'")
    shop.db.execute("UPDATE authorisations SET total_minor = total_minor * 100")
    _rechain_from_start(shop.db)
    assert audit.verify(shop.db).ok
    status, text = _verify_cli(shop, capsys, "--head", printed)
    assert status == 1
    assert f"does not pass through {printed}" in text and "rewritten" in text
    status, text = _verify_cli(shop, capsys, "--head", printed.split(":")[1])
    assert status == 1 and "no entry has that hash" in text


@pytest.mark.parametrize("bad", ["nonsense", "12:xyz", "1234", "a:3fa9c2d1"])
def test_a_malformed_head_is_a_usage_error(
    shop: Shop, capsys: pytest.CaptureFixture[str], bad: str,
) -> None:
    status, text = _verify_cli(shop, capsys, "--head", bad)
    assert status == 2 and "not an audit log head" in text


def test_the_head_of_an_empty_log_and_a_removed_entry(
    shop: Shop, capsys: pytest.CaptureFixture[str],
) -> None:
    last_id, last_hash = audit.head(shop.db) or (0, "")
    label = audit.head_label(last_id + 5, last_hash)
    status, text = _verify_cli(shop, capsys, "--head", label)
    assert status == 1 and f"has no entry {last_id + 5}" in text
    empty = open_database(":memory:")
    assert audit.head(empty) is None


def test_report_data_and_pdf_in_each_language_show_the_head(shop: Shop) -> None:
    from db.report_queries import build_report
    from reports.day_report import build_pdf

    data = build_report(shop.db, date.today(), date.today(), actor=None)
    assert data.audit_head == audit.head(shop.db)
    for language, word in (("fi", "Tapahtumaloki"), ("zh-TW", "稽核紀錄"),
                           ("zh-CN", "审计日志"), ("en", "Audit log")):
        shop_settings = replace(data.shop, report_language=language)
        pdf = build_pdf(replace(data, shop=shop_settings))
        text = _pdf_text(pdf)
        assert word in text and audit.head_label(*data.audit_head) in text  # type: ignore[misc]
    empty = build_pdf(replace(data, audit_head=None))
    assert "Audit log empty" in _pdf_text(empty)


def _pdf_text(pdf: bytes) -> str:
    import io

    return " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)

