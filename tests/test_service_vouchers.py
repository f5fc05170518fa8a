"""Vouchers: unique codes, redeemed once, expired and unknown codes refused; the CLI."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from console.cli import main
from db import audit, clock
from db.connection import open_database
from db.errors import NotFound, ValidationError
from db.staff import insert_staff
from db.vouchers import (
    VoucherAlreadyUsed,
    VoucherExpired,
    find_voucher,
    issue,
    new_code,
    normalise_code,
    redeem,
)
from tests.conftest import FIXED_NOW


def test_codes_are_unique_and_readable(memory_db: Database) -> None:
    codes = {issue(memory_db, value_minor=500, expires_on=date(2027, 1, 1),
                   issued_by=None).code for _i in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == 9 and code[4] == "-"
        assert not set(code) & set("01OIL")
    assert new_code(memory_db) not in codes


def test_typing_is_forgiving(memory_db: Database) -> None:
    v = issue(memory_db, value_minor=500, expires_on=date(2027, 1, 1), issued_by=None)
    assert find_voucher(memory_db, " " + v.code.lower().replace("-", " ") + " ").id == v.id
    with pytest.raises(ValidationError, match="8 letters"):
        normalise_code("ABC")


def test_issue_refuses_bad_values(memory_db: Database, fixed_clock: object) -> None:
    with pytest.raises(ValidationError) as err:
        issue(memory_db, value_minor=0, expires_on=date(2026, 11, 22), issued_by=None)
    assert set(err.value.fields) == {"amount", "expires_on"}
    assert memory_db.execute("SELECT count(*) FROM vouchers").fetchone()[0] == 0


def _clerk(db: Database, *, active: bool = True) -> int:
    staff = insert_staff(db, "Aino Staff", "staff")
    if not active:
        db.execute("UPDATE staff SET active = 0 WHERE id = ?", [staff.id])
    return staff.id


def test_redeem_once(memory_db: Database, fixed_clock: object) -> None:
    clerk = _clerk(memory_db)
    v = issue(memory_db, value_minor=1500, expires_on=date(2026, 11, 23), issued_by=None)
    used = redeem(memory_db, v.code, staff_id=clerk, console_id="c1")  # last valid day works
    assert used.redeemed and used.redeemed_at == FIXED_NOW and used.redeemed_by == clerk
    with pytest.raises(VoucherAlreadyUsed, match="already used on 2026-11-23"):
        redeem(memory_db, v.code, staff_id=clerk)
    entries = audit.entries(memory_db)
    assert [e.action for e in entries] == ["voucher.redeemed", "voucher.issued"]
    assert entries[0].actor_id == clerk
    assert audit.verify(memory_db).ok


def test_a_redemption_says_who_took_the_voucher(memory_db: Database,
                                                fixed_clock: object) -> None:
    gone = _clerk(memory_db, active=False)
    v = issue(memory_db, value_minor=1500, expires_on=date(2026, 12, 23), issued_by=None)
    for staff_id in (None, gone, 404):
        with pytest.raises(ValidationError) as err:
            redeem(memory_db, v.code, staff_id=staff_id)
        assert "staff" in err.value.fields
    assert not find_voucher(memory_db, v.code).redeemed


def test_already_used_gives_the_shops_day_not_utcs(memory_db: Database,
                                                   fixed_clock: object) -> None:
    clerk = _clerk(memory_db)
    v = issue(memory_db, value_minor=1500, expires_on=date(2026, 12, 23), issued_by=None)
    # 23:30 UTC on the 23rd is 01:30 on the 24th in Helsinki (the shop's zone)
    clock.set_clock(lambda: FIXED_NOW + timedelta(hours=11, minutes=30))
    redeem(memory_db, v.code, staff_id=clerk)
    with pytest.raises(VoucherAlreadyUsed, match="already used on 2026-11-24"):
        redeem(memory_db, v.code, staff_id=clerk)


def test_expired_and_unknown(memory_db: Database, fixed_clock: object) -> None:
    v = issue(memory_db, value_minor=1500, expires_on=date(2026, 11, 30), issued_by=None)
    clerk = _clerk(memory_db)
    clock.set_clock(lambda: FIXED_NOW + timedelta(days=8))
    with pytest.raises(VoucherExpired, match="expired on 2026-11-30"):
        redeem(memory_db, v.code, staff_id=clerk)
    assert not find_voucher(memory_db, v.code).redeemed
    with pytest.raises(NotFound, match="No voucher"):
        redeem(memory_db, "2222-3333", staff_id=clerk)


def test_cli_redeem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    clerk = str(_clerk(db))
    v = issue(db, value_minor=1250, expires_on=date.today() + timedelta(days=30),
              issued_by=None)
    db.close()
    assert main(["voucher", "show", v.code, "--db", str(path)]) == 0
    assert "not used" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # who takes the voucher is not optional
        main(["voucher", "redeem", v.code, "--db", str(path)])
    assert "--staff" in capsys.readouterr().err
    assert main(["voucher", "redeem", v.code, "--staff", "404", "--db", str(path)]) == 2
    assert "active member of staff" in capsys.readouterr().err
    assert main(["voucher", "redeem", v.code.lower(), "--staff", clerk, "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Redeemed" in out and v.code in out and "12,50" in out
    db = open_database(path)
    assert find_voucher(db, v.code).redeemed_by == int(clerk)
    db.close()
    for code, words in ((v.code, "already used"), ("ZZZZ-ZZZZ", "No voucher"),
                        ("nonsense!", "8 letters")):
        assert main(["voucher", "redeem", code, "--staff", clerk, "--db", str(path)]) == 2
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
