"""Changing the shop settings: manager's PIN, lockout, audit with before/after, CLI."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from console.cli import main
from db.errors import ValidationError
from db.models import ShopSettings
from db.security import audit, lockout
from db.settings import SETTINGS_ACTION, change_settings, load_settings
from db.store.connection import open_database
from tests.service_data_support import (
    CLERK_PIN,
    CONSOLE,
    MANAGER_PIN,
    SUPERVISOR_PIN,
    Team,
    make_team,
)

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


@pytest.fixture
def team(memory_db: Database, fixed_clock: datetime) -> Team:
    return make_team(memory_db)


def _settings_rows(db: Database) -> list[tuple[str, str]]:
    return [tuple(r) for r in db.execute(  # type: ignore[misc]
        "SELECT key, value FROM settings WHERE key NOT LIKE 'audit.%' ORDER BY key")]


def test_manager_changes_settings_and_the_change_is_audited(memory_db: Database,
                                                            team: Team) -> None:
    before = load_settings(memory_db)
    wanted = replace(before, shop_name="Kahvila Kulma", manager_limit_minor=75_000,
                     pin_max_attempts=3, pin_lockout_minutes=30)
    after = change_settings(memory_db, wanted, pin=MANAGER_PIN, console_id=CONSOLE)
    assert after == wanted == load_settings(memory_db)
    entry = audit.entries(memory_db, action_prefix=SETTINGS_ACTION)[0]
    assert entry.actor_id == team.manager.id
    assert entry.details["fields"] == {
        "shop_name": [before.shop_name, "Kahvila Kulma"],
        "manager_limit_minor": [50_000, 75_000],
        "pin_max_attempts": [5, 3],
        "pin_lockout_minutes": [15, 30],
    }
    assert MANAGER_PIN not in json.dumps(entry.details)
    assert audit.verify(memory_db).ok


def test_the_new_lockout_values_take_effect(memory_db: Database, team: Team) -> None:
    wanted = replace(load_settings(memory_db), pin_max_attempts=2)
    change_settings(memory_db, wanted, pin=MANAGER_PIN, console_id=CONSOLE)
    with pytest.raises(lockout.WrongPin):
        change_settings(memory_db, wanted, pin="0000", console_id=CONSOLE)
    with pytest.raises(lockout.WrongPin, match="locked"):
        change_settings(memory_db, wanted, pin="0001", console_id=CONSOLE)


@pytest.mark.parametrize("pin", [SUPERVISOR_PIN, CLERK_PIN])
def test_supervisor_and_staff_are_refused(memory_db: Database, team: Team, pin: str) -> None:
    rows = _settings_rows(memory_db)
    wanted = replace(load_settings(memory_db), manager_limit_minor=1)
    with pytest.raises(lockout.WrongPin) as err:  # counted, answered like a wrong PIN
        change_settings(memory_db, wanted, pin=pin, console_id=CONSOLE)
    assert "Sami" not in str(err.value) and "Aino" not in str(err.value)
    assert err.value.status.failed_count == 1
    assert _settings_rows(memory_db) == rows
    assert not audit.entries(memory_db, action_prefix=SETTINGS_ACTION)


def test_wrong_pin_counts_toward_the_lockout(memory_db: Database, team: Team) -> None:
    wanted = replace(load_settings(memory_db), phone="09 123 456")
    for _i in range(4):
        with pytest.raises(lockout.WrongPin):
            change_settings(memory_db, wanted, pin="0000", console_id=CONSOLE)
    assert lockout.status(memory_db, CONSOLE).failed_count == 4
    with pytest.raises(lockout.WrongPin, match="locked"):
        change_settings(memory_db, wanted, pin="0000", console_id=CONSOLE)
    with pytest.raises(lockout.PinLocked):  # even the right PIN, while locked
        change_settings(memory_db, wanted, pin=MANAGER_PIN, console_id=CONSOLE)
    assert load_settings(memory_db).phone == ""
    assert len(audit.entries(memory_db, action_prefix="pin.failed")) == 5
    assert audit.verify(memory_db).ok


@pytest.mark.parametrize(("change", "field"), [
    ({"shop_name": "  "}, "shop_name"),
    ({"currency": "euro"}, "currency"),
    ({"locale": "xx_NOPE"}, "locale"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"page_size": "A5"}, "page_size"),
    ({"report_language": "de"}, "report_language"),
    ({"manager_limit_minor": -1}, "manager_limit_minor"),
    ({"pin_max_attempts": 0}, "pin_max_attempts"),
    ({"pin_lockout_minutes": 24 * 60 + 1}, "pin_lockout_minutes"),
    ({"email": "not-an-address"}, "email"),
])
def test_invalid_values_write_nothing_and_cost_no_pin_attempt(
    memory_db: Database, team: Team, change: dict[str, object], field: str,
) -> None:
    rows = _settings_rows(memory_db)
    wanted = replace(load_settings(memory_db), **{"phone": "050 123", **change})
    with pytest.raises(ValidationError) as caught:
        change_settings(memory_db, wanted, pin=MANAGER_PIN, console_id=CONSOLE)
    assert field in caught.value.fields
    assert _settings_rows(memory_db) == rows
    assert not audit.entries(memory_db, action_prefix=SETTINGS_ACTION)
    assert lockout.status(memory_db, CONSOLE).failed_count == 0


def test_nothing_changed_writes_no_audit_entry(memory_db: Database, team: Team) -> None:
    same = load_settings(memory_db)
    assert change_settings(memory_db, same, pin=MANAGER_PIN, console_id=CONSOLE) == same
    assert not audit.entries(memory_db, action_prefix=SETTINGS_ACTION)


# --- command line ------------------------------------------------------------------------


@pytest.fixture
def db_file(tmp_path: Path, fixed_clock: datetime) -> Path:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    make_team(db)
    db.close()
    return path


def test_cli_show_prints_every_setting(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings", "show", "--db", str(db_file)]) == 0
    out = capsys.readouterr().out
    assert "shop_name\tCounterpart Café" in out
    assert "pin_max_attempts\t5" in out
    assert "manager_limit_minor\t50000\t(500,00" in out
    assert "timezone\tEurope/Helsinki" in out


def test_cli_set_with_pin_on_stdin(db_file: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(MANAGER_PIN + "\n"))
    code = main(["settings", "set", "--db", str(db_file), "--pin-stdin",
                 "shop_name", "Kahvila Kulma", "manager_limit", "750,00",
                 "pin_lockout_minutes", "20"])
    assert code == 0
    out = capsys.readouterr().out
    assert "manager_limit_minor: 50000 -> 75000" in out
    db = open_database(db_file)
    try:
        settings = load_settings(db)
        assert (settings.shop_name, settings.manager_limit_minor,
                settings.pin_lockout_minutes) == ("Kahvila Kulma", 75_000, 20)
        assert audit.entries(db, action_prefix=SETTINGS_ACTION)
        assert audit.verify(db).ok
    finally:
        db.close()


@pytest.mark.parametrize(("argv", "message"), [
    (["colour", "blue"], "colour: Unknown setting"),
    (["pin_max_attempts", "five"], "pin_max_attempts: A whole number"),
    (["manager_limit", "-5"], "cannot be negative"),
    (["timezone", "Nowhere/Here"], "Unknown time zone"),
    (["shop_name"], "A value is missing"),
])
def test_cli_set_refuses_bad_keys_and_values(
    db_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    argv: list[str], message: str,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(MANAGER_PIN + "\n"))
    assert main(["settings", "set", "--db", str(db_file), "--pin-stdin", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Nothing was changed" in err
    db = open_database(db_file)
    try:
        assert load_settings(db) == ShopSettings()
        assert not audit.entries(db, action_prefix=SETTINGS_ACTION)
    finally:
        db.close()


def test_cli_set_with_a_supervisor_pin_is_refused(
    db_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(SUPERVISOR_PIN + "\n"))
    assert main(["settings", "set", "--db", str(db_file), "--pin-stdin",
                 "manager_limit", "9000"]) == 2
    assert "Wrong PIN" in capsys.readouterr().err
