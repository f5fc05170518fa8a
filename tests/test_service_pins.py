"""PINs: format, lockout (and that it survives a restart), first manager, staff admin."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from db import clock
from db.errors import PermissionDenied, ValidationError
from db.models import Staff
from db.security import audit, lockout
from db.security.pins import check_pin_format, verify_pin
from db.security.staff import get_staff
from db.security.staff_admin import (
    add_staff,
    authenticate,
    change_staff,
    create_first_manager,
    deactivate_staff,
    needs_first_manager,
    reset_pin,
)
from db.store.connection import open_database
from tests.conftest import FIXED_NOW
from tests.service_data_support import (
    CLERK_PIN,
    CONSOLE,
    MANAGER_PIN,
    SUPERVISOR_PIN,
    cached_hash,
    count,
    make_team,
    seed_staff,
)

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL

# ---------------------------------------------------------------- format (property-based)


@settings(max_examples=300, deadline=None)
@given(pin=st.text(alphabet="0123456789", min_size=4, max_size=12))
def test_four_to_twelve_digits_are_a_valid_pin(pin: str) -> None:
    check_pin_format(pin)


@settings(max_examples=300, deadline=None)
@given(pin=st.one_of(
    st.text(alphabet="0123456789", max_size=3),
    st.text(alphabet="0123456789", min_size=13, max_size=20),
    st.text(min_size=1, max_size=10).filter(lambda s: any(not c.isdigit() for c in s)),
    st.text(alphabet="٠١٢٣٤٥٦٧٨٩０１２３", min_size=4, max_size=8),  # non-ASCII digits
))
def test_anything_else_is_refused_without_echoing_the_pin(pin: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_pin_format(pin)
    message = err.value.fields["pin"]
    assert "PIN" in message
    assert message in ("A PIN has digits only.", "A PIN has 4 to 12 digits.")  # fixed text
    if len(pin) >= 3:  # ("12" is in "4 to 12 digits" by coincidence, not as an echo)
        assert pin not in message


@settings(max_examples=200, deadline=None)
@given(pin=st.text(alphabet="0123456789", min_size=4, max_size=12),
       tail=st.sampled_from(["\n", "\r\n", "\r", " ", "\t", "\x00", "\u2028"]),
       front=st.booleans())
def test_a_valid_pin_with_a_line_break_or_space_around_it_is_refused(
    pin: str, tail: str, front: bool,
) -> None:
    # "^[0-9]{4,8}$" with re.match let "1234\n" through: "$" also matches before a final \n
    typed = tail + pin if front else pin + tail
    with pytest.raises(ValidationError):
        check_pin_format(typed)


@pytest.mark.parametrize("pin", ["١٢٣٤", "۱۲۳۴", "१२३४", "１２３４", "１２３４５６", "12３4",
                                 "1234\n"])
def test_only_ascii_digits_make_a_pin(pin: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_pin_format(pin)
    assert pin.strip() not in err.value.fields["pin"]
    assert not verify_pin(pin, cached_hash("1234"))


# ---------------------------------------------------------------- lockout

def _solo(db: Database) -> Staff:
    """One supervisor: each PIN check costs one scrypt, keeping these tests quick."""
    return seed_staff(db, "Sami Supervisor", "supervisor", limit_minor=5000,
                      pin=SUPERVISOR_PIN)




def test_five_wrong_pins_lock_every_till_for_fifteen_minutes(
    memory_db: Database, fixed_clock: object
) -> None:
    _solo(memory_db)
    for left in (4, 3, 2, 1):
        with pytest.raises(lockout.WrongPin) as err:
            authenticate(memory_db, "0000", CONSOLE)
        assert err.value.status.attempts_left == left
    with pytest.raises(lockout.WrongPin, match="locked for 15"):
        authenticate(memory_db, "0000", CONSOLE)
    # even the right PIN is not checked while locked
    with pytest.raises(lockout.PinLocked, match="15 more minute"):
        authenticate(memory_db, SUPERVISOR_PIN, CONSOLE)
    # walking to another till does not help: the count is the shop's
    with pytest.raises(lockout.PinLocked, match="every till"):
        authenticate(memory_db, SUPERVISOR_PIN, "console-b")
    clock.set_clock(lambda: FIXED_NOW + timedelta(minutes=15, seconds=1))
    assert authenticate(memory_db, SUPERVISOR_PIN, CONSOLE).role == "supervisor"
    assert lockout.status(memory_db, CONSOLE).attempts_left == 5


def test_wrong_pins_split_across_two_tills_lock_both(
    memory_db: Database, fixed_clock: object
) -> None:
    _solo(memory_db)
    for till in ("till-1", "till-2", "till-1", "till-2"):
        with pytest.raises(lockout.WrongPin):
            authenticate(memory_db, "0000", till)
    assert lockout.status(memory_db, "till-1").attempts_left == 1
    assert lockout.status(memory_db, "till-2").failed_count == 4
    with pytest.raises(lockout.WrongPin, match="locked for 15"):
        authenticate(memory_db, "0000", "till-2")  # the fifth, at till 2
    for till in ("till-1", "till-2", "till-3"):
        with pytest.raises(lockout.PinLocked):
            authenticate(memory_db, SUPERVISOR_PIN, till)
        assert lockout.status(memory_db, till).locked
    # each wrong try is kept with its till, for the audit log's explanation
    tills = [e.details["console_id"] for e in audit.entries(memory_db, action_prefix="pin.failed")]
    assert sorted(tills) == ["till-1", "till-1", "till-2", "till-2", "till-2"]
    clock.set_clock(lambda: FIXED_NOW + timedelta(minutes=15, seconds=1))
    assert authenticate(memory_db, SUPERVISOR_PIN, "till-1").role == "supervisor"


def test_a_right_pin_clears_its_own_tills_wrong_pins_only(memory_db: Database) -> None:
    _solo(memory_db)
    for till in ("till-1", "till-1", "till-2"):
        with pytest.raises(lockout.WrongPin):
            authenticate(memory_db, "0000", till)
    authenticate(memory_db, SUPERVISOR_PIN, "till-1")  # the supervisor's typos at till 1
    assert lockout.status(memory_db, "till-1").failed_count == 1  # till 2's still counts
    assert lockout.status(memory_db, "till-2").attempts_left == 4


def test_a_right_pin_resets_the_count(memory_db: Database) -> None:
    _solo(memory_db)
    for _i in range(4):
        with pytest.raises(lockout.WrongPin):
            authenticate(memory_db, "0000", CONSOLE)
    authenticate(memory_db, SUPERVISOR_PIN, CONSOLE)
    assert lockout.status(memory_db, CONSOLE).failed_count == 0


def test_lockout_survives_closing_and_reopening_the_database(
    tmp_path: Path, fixed_clock: object
) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    _solo(db)
    for _i in range(5):
        with pytest.raises(lockout.WrongPin):
            authenticate(db, "0000", CONSOLE)
    db.close()
    db = open_database(path)
    clock.set_clock(lambda: FIXED_NOW + timedelta(minutes=10))
    with pytest.raises(lockout.PinLocked) as err:
        authenticate(db, SUPERVISOR_PIN, CONSOLE)
    assert err.value.status.remaining_seconds == 5 * 60
    db.close()


def test_counts_persist_too(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    _solo(db)
    for _i in range(3):
        with pytest.raises(lockout.WrongPin):
            authenticate(db, "0000", CONSOLE)
    db.close()
    db = open_database(path)
    with pytest.raises(lockout.WrongPin, match="1 attempt"):
        authenticate(db, "0000", CONSOLE)
    db.close()


def test_lockout_follows_the_settings(memory_db: Database, fixed_clock: object) -> None:
    from db.settings import _seed_settings, load_settings

    _solo(memory_db)
    s = load_settings(memory_db)
    _seed_settings(memory_db, s.__class__(pin_max_attempts=2, pin_lockout_minutes=1))
    with pytest.raises(lockout.WrongPin):
        authenticate(memory_db, "0000", CONSOLE)
    with pytest.raises(lockout.WrongPin, match="locked for 1 minute"):
        authenticate(memory_db, "0000", CONSOLE)
    assert lockout.status(memory_db, CONSOLE).remaining_seconds == 60


def test_every_failed_attempt_is_audited_without_the_pin(memory_db: Database) -> None:
    _solo(memory_db)
    for _i in range(2):
        with pytest.raises(lockout.WrongPin):
            authenticate(memory_db, "80417", CONSOLE, "authorise")
    failed = audit.entries(memory_db, action_prefix="pin.failed")
    assert len(failed) == 2
    assert failed[0].details["failed_in_window"] == 2
    assert failed[0].details["console_id"] == CONSOLE
    dump = "".join(str(row) for row in memory_db.execute("SELECT * FROM audit_log"))
    assert "80417" not in dump
    assert audit.verify(memory_db).ok


def test_malformed_pin_is_a_message_not_an_attempt(memory_db: Database) -> None:
    _solo(memory_db)
    with pytest.raises(ValidationError, match="digits only"):
        authenticate(memory_db, "12a4", CONSOLE)
    assert lockout.status(memory_db, CONSOLE).failed_count == 0


def test_inactive_staff_pin_does_not_work(memory_db: Database) -> None:
    solo = _solo(memory_db)
    memory_db.execute("UPDATE staff SET active = 0 WHERE id = ?", [solo.id])
    with pytest.raises(lockout.WrongPin):
        authenticate(memory_db, SUPERVISOR_PIN, CONSOLE)


# ---------------------------------------------------------------- first run and staff admin


def test_first_manager_once(memory_db: Database) -> None:
    assert needs_first_manager(memory_db)
    with pytest.raises(ValidationError):
        create_first_manager(memory_db, "Maria", "12")
    assert count(memory_db, "staff") == 0
    manager = create_first_manager(memory_db, "  Maria Manager ", MANAGER_PIN)
    assert manager.role == "manager" and manager.name == "Maria Manager" and manager.has_pin
    assert not needs_first_manager(memory_db)
    with pytest.raises(PermissionDenied):
        create_first_manager(memory_db, "Mallory", "4321")
    stored = memory_db.execute("SELECT pin_hash FROM staff").fetchone()[0]
    assert MANAGER_PIN not in stored and stored.startswith("kscrypt$")
    assert audit.entries(memory_db)[0].action == "staff.created"


def test_a_manager_adds_changes_resets_and_deactivates_staff(memory_db: Database) -> None:
    team = make_team(memory_db)
    new = add_staff(memory_db, MANAGER_PIN, CONSOLE, name="Lin Supervisor", role="supervisor",
                    pin="1357", limit_minor=3000)
    assert (new.role, new.limit_minor) == ("supervisor", 3000)
    changed = change_staff(memory_db, MANAGER_PIN, CONSOLE, new.id, limit_minor=4500)
    assert changed.limit_minor == 4500
    reset_pin(memory_db, MANAGER_PIN, CONSOLE, new.id, "8642")
    assert authenticate(memory_db, "8642", CONSOLE) == get_staff(memory_db, new.id)
    with pytest.raises(lockout.WrongPin):
        authenticate(memory_db, "1357", CONSOLE)
    gone = deactivate_staff(memory_db, MANAGER_PIN, CONSOLE, team.clerk.id)
    assert not gone.active
    actions = [e.action for e in audit.entries(memory_db, action_prefix="staff.")]
    assert actions[:4] == ["staff.deactivated", "staff.pin_reset", "staff.changed",
                           "staff.created"]
    assert audit.verify(memory_db).ok


def test_only_a_manager_with_the_right_pin_manages_staff(memory_db: Database) -> None:
    team = make_team(memory_db)
    with pytest.raises(lockout.WrongPin):  # answered like a wrong PIN
        add_staff(memory_db, SUPERVISOR_PIN, CONSOLE, name="X", role="staff", pin="5555")
    with pytest.raises(lockout.WrongPin):
        change_staff(memory_db, "0000", CONSOLE, team.clerk.id, role="supervisor")
    assert get_staff(memory_db, team.clerk.id).role == "staff"
    assert count(memory_db, "staff") == 3


def test_pins_are_unique_among_active_staff(memory_db: Database) -> None:
    team = make_team(memory_db)
    with pytest.raises(ValidationError, match="Another active staff member"):
        add_staff(memory_db, MANAGER_PIN, CONSOLE, name="X", role="staff", pin=CLERK_PIN)
    with pytest.raises(ValidationError, match="Another active staff member"):
        reset_pin(memory_db, MANAGER_PIN, CONSOLE, team.clerk.id, SUPERVISOR_PIN)
    # a deactivated person's PIN may be given to someone else
    memory_db.execute("UPDATE staff SET active = 0 WHERE id = ?", [team.clerk.id])
    add_staff(memory_db, MANAGER_PIN, CONSOLE, name="X", role="staff", pin=CLERK_PIN)


def test_the_last_manager_cannot_be_removed_or_demoted(memory_db: Database) -> None:
    team = make_team(memory_db)
    with pytest.raises(PermissionDenied, match="last active manager"):
        deactivate_staff(memory_db, MANAGER_PIN, CONSOLE, team.manager.id)
    with pytest.raises(PermissionDenied, match="last active manager"):
        change_staff(memory_db, MANAGER_PIN, CONSOLE, team.manager.id, role="supervisor")


def test_bad_staff_input_is_refused_before_the_pin(memory_db: Database) -> None:
    make_team(memory_db)
    with pytest.raises(ValidationError) as err:
        add_staff(memory_db, "0000", CONSOLE, name=" ", role="chef", pin="12",  # type: ignore[arg-type]
                  limit_minor=-1)
    assert {"name", "role", "limit"} <= set(err.value.fields)
    assert lockout.status(memory_db, CONSOLE).failed_count == 0


def test_staff_without_pin_and_first_manager_detection(memory_db: Database) -> None:
    seed_staff(memory_db, "No Pin Manager", "manager")
    assert needs_first_manager(memory_db)
    seed_staff(memory_db, "Real", "manager", pin=MANAGER_PIN)
    assert not needs_first_manager(memory_db)
