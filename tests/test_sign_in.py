"""Sign-in rules in the data API: who types a PIN, wrong PINs count, manager screens' rule."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlite_utils import Database

from console.cmd_settings import parse_pairs
from db.errors import PermissionDenied, ValidationError
from db.models import ShopSettings
from db.security import lockout
from db.security.sign_in import (
    SignIn,
    needs_pin,
    require_manager_with_pin,
    sign_in_by_tap,
    sign_in_with_pin,
)
from db.settings import _seed_settings as save_settings
from db.settings import load_settings, settings_problems
from tests.service_data_support import (
    CLERK_PIN,
    CONSOLE,
    MANAGER_PIN,
    SUPERVISOR_PIN,
    Team,
    make_team,
)
from tests.service_data_support import seed_staff as insert_staff

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


@pytest.fixture
def team(memory_db: Database) -> Team:
    return make_team(memory_db)


def _everyone(db: Database) -> None:
    save_settings(db, replace(load_settings(db), sign_in_pin="everyone"))


def test_by_default_supervisors_and_managers_type_a_pin_floor_staff_tap(team: Team) -> None:
    settings = ShopSettings()
    assert settings.sign_in_pin == "supervisors" and settings.idle_sign_out_minutes == 10
    assert not needs_pin(settings, team.clerk)
    assert needs_pin(settings, team.supervisor) and needs_pin(settings, team.manager)
    everyone = replace(settings, sign_in_pin="everyone")
    assert all(needs_pin(everyone, s) for s in (team.clerk, team.supervisor, team.manager))


def test_floor_staff_tap_in_a_supervisor_cannot(memory_db: Database, team: Team) -> None:
    signed = sign_in_by_tap(memory_db, team.clerk.id)
    assert signed == SignIn(staff=team.clerk, with_pin=False)
    for person in (team.supervisor, team.manager):
        with pytest.raises(PermissionDenied, match="signs in with a PIN"):
            sign_in_by_tap(memory_db, person.id)


def test_when_the_shop_asks_floor_staff_type_their_pin_too(
        memory_db: Database, team: Team) -> None:
    _everyone(memory_db)
    with pytest.raises(PermissionDenied, match="signs in with a PIN"):
        sign_in_by_tap(memory_db, team.clerk.id)
    signed = sign_in_with_pin(memory_db, team.clerk.id, CLERK_PIN, CONSOLE)
    assert signed.staff.id == team.clerk.id and signed.with_pin


def test_a_supervisor_signs_in_with_their_own_pin(memory_db: Database, team: Team) -> None:
    signed = sign_in_with_pin(memory_db, team.supervisor.id, SUPERVISOR_PIN, CONSOLE)
    assert signed.staff == team.supervisor and signed.with_pin


def test_a_wrong_pin_at_sign_in_counts_towards_the_lockout(
        memory_db: Database, team: Team) -> None:
    save_settings(memory_db, replace(load_settings(memory_db), pin_max_attempts=3))
    with pytest.raises(lockout.WrongPin) as wrong:
        sign_in_with_pin(memory_db, team.supervisor.id, "0000", CONSOLE)
    assert wrong.value.status.failed_count == 1 and wrong.value.status.attempts_left == 2
    # Someone else's PIN is a wrong PIN for this name, and the message does not say whose.
    with pytest.raises(lockout.WrongPin) as other:
        sign_in_with_pin(memory_db, team.supervisor.id, MANAGER_PIN, CONSOLE)
    assert team.manager.name not in str(other.value)
    assert "manager" not in str(other.value).lower()
    assert lockout.status(memory_db, CONSOLE).failed_count == 2  # counted, never reset
    with pytest.raises(lockout.WrongPin) as last:
        sign_in_with_pin(memory_db, team.supervisor.id, "0001", CONSOLE)
    assert last.value.status.locked
    with pytest.raises(lockout.PinLocked):  # even the right PIN waits now
        sign_in_with_pin(memory_db, team.supervisor.id, SUPERVISOR_PIN, CONSOLE)
    failed = memory_db.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'pin.failed' "
        "AND details LIKE '%sign_in%'").fetchone()[0]
    assert failed == 3


def test_a_malformed_pin_is_not_counted(memory_db: Database, team: Team) -> None:
    with pytest.raises(ValidationError):
        sign_in_with_pin(memory_db, team.supervisor.id, "12a4", CONSOLE)
    assert lockout.status(memory_db, CONSOLE).failed_count == 0


def test_no_pin_yet_or_no_longer_active_is_a_clear_refusal(
        memory_db: Database, team: Team) -> None:
    _everyone(memory_db)
    newcomer = insert_staff(memory_db, "Nina New", "staff")
    with pytest.raises(PermissionDenied, match="no PIN yet"):
        sign_in_with_pin(memory_db, newcomer.id, "4321", CONSOLE)
    memory_db.execute("UPDATE staff SET active = 0 WHERE id = ?", [team.supervisor.id])
    with pytest.raises(PermissionDenied, match="can no longer sign in"):
        sign_in_with_pin(memory_db, team.supervisor.id, SUPERVISOR_PIN, CONSOLE)


def test_manager_screens_need_a_manager_signed_in_with_a_pin(team: Team) -> None:
    with pytest.raises(PermissionDenied, match="Nobody is signed in"):
        require_manager_with_pin(None)
    with pytest.raises(PermissionDenied, match="Only a manager"):
        require_manager_with_pin(SignIn(team.supervisor, with_pin=True))
    with pytest.raises(PermissionDenied, match="with their PIN"):
        require_manager_with_pin(SignIn(team.manager, with_pin=False))
    assert require_manager_with_pin(SignIn(team.manager, with_pin=True)) == team.manager


def test_the_new_settings_are_checked() -> None:
    assert settings_problems(ShopSettings()) == {}
    bad = replace(ShopSettings(), sign_in_pin="nobody", idle_sign_out_minutes=0)
    assert set(settings_problems(bad)) == {"sign_in_pin", "idle_sign_out_minutes"}
    assert "idle_sign_out_minutes" in settings_problems(
        replace(ShopSettings(), idle_sign_out_minutes=8 * 60 + 1))


def test_the_command_line_sets_the_idle_minutes_as_a_number() -> None:
    current = ShopSettings()
    changed = parse_pairs(current, ["idle_sign_out_minutes", "5", "sign_in_pin", "everyone"],
                          current.locale, current.currency)
    assert changed.idle_sign_out_minutes == 5 and changed.sign_in_pin == "everyone"
    with pytest.raises(ValidationError):
        parse_pairs(current, ["idle_sign_out_minutes", "ten"], current.locale,
                    current.currency)
