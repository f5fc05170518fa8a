"""Vouchers: unique codes, redeemed once, expired and unknown codes refused; the CLI."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from console.cli import main
from db import clock
from db.errors import NotFound, ValidationError
from db.security import audit
from db.security.approvals import ApprovalRequired
from db.security.lockout import WrongPin
from db.service.vouchers import (
    VoucherAlreadyUsed,
    VoucherExpired,
    find_voucher,
    issue,
    new_code,
    normalise_code,
    redeem,
    redeem_with_pin,
)
from db.store.connection import open_database
from tests.conftest import FIXED_NOW
from tests.service_data_support import CLERK_PIN, issue_voucher, seed_staff

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


def test_codes_are_unique_and_readable(memory_db: Database) -> None:
    manager = seed_staff(memory_db, "Maria Manager", "manager")
    codes = {issue_voucher(memory_db, value_minor=500, expires_on=date(2027, 1, 1),
                           by=manager).code for _i in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == 9 and code[4] == "-"
        assert not set(code) & set("01OIL")
    assert new_code(memory_db) not in codes


def test_typing_is_forgiving(memory_db: Database) -> None:
    v = issue_voucher(memory_db, value_minor=500, expires_on=date(2027, 1, 1))
    assert find_voucher(memory_db, " " + v.code.lower().replace("-", " ") + " ").id == v.id
    with pytest.raises(ValidationError, match="8 letters"):
        normalise_code("ABC")


def test_issue_refuses_bad_values(memory_db: Database, fixed_clock: object) -> None:
    with pytest.raises(ValidationError) as err:
        issue(memory_db, None, value_minor=0, expires_on=date(2026, 11, 22))
    assert set(err.value.fields) == {"amount", "expires_on"}
    assert memory_db.execute("SELECT count(*) FROM vouchers").fetchone()[0] == 0


def _clerk(db: Database, *, active: bool = True) -> int:
    staff = seed_staff(db, "Aino Staff", "staff", pin=CLERK_PIN)
    if not active:
        db.execute("UPDATE staff SET active = 0 WHERE id = ?", [staff.id])
    return staff.id


def test_redeem_once(memory_db: Database, fixed_clock: object) -> None:
    clerk = _clerk(memory_db)
    v = issue_voucher(memory_db, value_minor=1500, expires_on=date(2026, 11, 23))
    used = redeem_with_pin(memory_db, v.code, CLERK_PIN, "c1")  # last valid day works
    assert used.redeemed and used.redeemed_at == FIXED_NOW and used.redeemed_by == clerk
    with pytest.raises(VoucherAlreadyUsed, match="already used on 2026-11-23"):
        redeem_with_pin(memory_db, v.code, CLERK_PIN, "c1")
    entries = audit.entries(memory_db, action_prefix="voucher.")
    assert [e.action for e in entries] == ["voucher.redeemed", "voucher.issued"]
    assert entries[0].actor_id == clerk
    assert audit.verify(memory_db).ok


def test_a_redemption_needs_the_takers_pin(memory_db: Database,
                                           fixed_clock: object) -> None:
    gone = _clerk(memory_db, active=False)
    assert gone
    v = issue_voucher(memory_db, value_minor=1500, expires_on=date(2026, 12, 23))
    with pytest.raises(ApprovalRequired):
        redeem(memory_db, v.code, None)
    with pytest.raises(WrongPin):  # a deactivated person's PIN works no more
        redeem_with_pin(memory_db, v.code, CLERK_PIN, "c1")
    assert not find_voucher(memory_db, v.code).redeemed


def test_already_used_gives_the_shops_day_not_utcs(memory_db: Database,
                                                   fixed_clock: object) -> None:
    clerk = _clerk(memory_db)
    assert clerk
    v = issue_voucher(memory_db, value_minor=1500, expires_on=date(2026, 12, 23))
    # 23:30 UTC on the 23rd is 01:30 on the 24th in Helsinki (the shop's zone)
    clock.set_clock(lambda: FIXED_NOW + timedelta(hours=11, minutes=30))
    redeem_with_pin(memory_db, v.code, CLERK_PIN, "c1")
    with pytest.raises(VoucherAlreadyUsed, match="already used on 2026-11-24"):
        redeem_with_pin(memory_db, v.code, CLERK_PIN, "c1")


def test_expired_and_unknown(memory_db: Database, fixed_clock: object) -> None:
    v = issue_voucher(memory_db, value_minor=1500, expires_on=date(2026, 11, 30))
    _clerk(memory_db)
    clock.set_clock(lambda: FIXED_NOW + timedelta(days=8))
    with pytest.raises(VoucherExpired, match="expired on 2026-11-30"):
        redeem_with_pin(memory_db, v.code, CLERK_PIN, "c1")
    assert not find_voucher(memory_db, v.code).redeemed
    with pytest.raises(NotFound, match="No voucher"):
        redeem_with_pin(memory_db, "2222-3333", CLERK_PIN, "c1")


def test_cli_redeem(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                    monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    clerk = _clerk(db)
    v = issue_voucher(db, value_minor=1250, expires_on=date.today() + timedelta(days=30))
    db.close()

    def redeem_cli(code: str, pin: str) -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
        return main(["voucher", "redeem", code, "--pin-stdin", "--db", str(path)])

    assert main(["voucher", "show", v.code, "--db", str(path)]) == 0
    assert "not used" in capsys.readouterr().out
    assert redeem_cli(v.code, "0000") == 2  # who takes the voucher is not optional
    assert "Wrong PIN" in capsys.readouterr().err
    assert redeem_cli(v.code.lower(), CLERK_PIN) == 0
    out = capsys.readouterr().out
    assert "Redeemed" in out and v.code in out and "12,50" in out
    db = open_database(path)
    assert find_voucher(db, v.code).redeemed_by == clerk
    db.close()
    for code, words in ((v.code, "already used"), ("ZZZZ-ZZZZ", "No voucher"),
                        ("nonsense!", "8 letters")):
        assert redeem_cli(code, CLERK_PIN) == 2
        assert words in capsys.readouterr().err


def test_cli_staff_first_manager_and_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "shop.sqlite")
    answers = iter(["4821", "4822"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["staff", "first-manager", "Maria", "--db", path]) == 2
    assert "differ" in capsys.readouterr().err
    answers = iter(["4821", "4821"])
    assert main(["staff", "first-manager", "Maria", "--db", path]) == 0
    assert "Maria is the manager" in capsys.readouterr().out
    assert main(["staff", "first-manager", "Mallory", "--db", path]) == 2
    assert main(["staff", "list", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "Maria" in out and "manager" in out and "500,00" in out and "4821" not in out
