"""One authorisation path: every write that grants value or power needs a single-use approval.

Each case the issue found is a test here, written the way it was found: a 99,999 € voucher
for floor staff, a manager inserted with no PIN who approved 490 €, the manager limit raised
unaudited, `_approve_verified` callable, floor staff's own PIN resetting the lockout count,
"Aino Staff is a staff" naming whose PIN it was, a fresh config folder per try. A last test
enumerates the data API's public functions and shows that every one that writes the tables
of value and power refuses without an approval.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import io
import pkgutil
import re
import textwrap
import types
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

import db as db_package
from console.cli import main
from db import clock
from db.errors import PermissionDenied, UserError
from db.models import Staff
from db.security import approvals, audit, lockout, pin_key
from db.security.approvals import Approval, ApprovalRequired, consume, grant
from db.security.pins import LEGACY, verify_pin
from db.security.staff import get_staff
from db.security.staff_admin import add_staff, authenticate, create_first_manager
from db.service.compensation import approve_with, authorise, refuse_with
from db.service.models import CompensationLine
from db.service.vouchers import issue, issue_subject, redeem, redeem_with_pin
from db.settings import change_settings, load_settings
from db.store.connection import open_database, write
from tests.conftest import FIXED_NOW, TEST_KEY
from tests.service_data_support import (
    CLERK_PIN,
    CONSOLE,
    MANAGER_PIN,
    SUPERVISOR_PIN,
    Team,
    count,
    internal_approval,
    issue_voucher,
    make_complaint,
    make_team,
    seed_staff,
    voucher_line,
)

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL

# ---------------------------------------------------------------- the cases the issue found


def test_floor_staff_cannot_issue_a_99999_euro_voucher(memory_db: Database) -> None:
    team = make_team(memory_db)
    huge = 9_999_900
    with pytest.raises(ApprovalRequired):  # what the issue did: no PIN at all
        issue(memory_db, None, value_minor=huge, expires_on=date(2027, 1, 1),
              customer_id=team.customer.id)
    with pytest.raises(lockout.WrongPin):  # floor staff's own PIN gives no approval
        grant(memory_db, CLERK_PIN, CONSOLE, action="voucher.issue",
              subject=issue_subject(team.customer.id, None), amount_minor=huge)
    # a manager's approval for 15 € is not one for 99,999 €, nor for another customer
    small = grant(memory_db, MANAGER_PIN, CONSOLE, action="voucher.issue",
                  subject=issue_subject(team.customer.id, None), amount_minor=1500)
    with pytest.raises(ApprovalRequired, match="something else"):
        issue(memory_db, small, value_minor=huge, expires_on=date(2027, 1, 1),
              customer_id=team.customer.id)
    assert count(memory_db, "vouchers") == 0
    voucher = issue(memory_db, small, value_minor=1500, expires_on=date(2027, 1, 1),
                    customer_id=team.customer.id)
    assert voucher.issued_by == team.manager.id
    entry = audit.entries(memory_db, entity="voucher", entity_id=voucher.id)[0]
    assert entry.details["approval_id"] == small.id
    with pytest.raises(ApprovalRequired, match="already used"):  # single use
        issue(memory_db, small, value_minor=1500, expires_on=date(2027, 1, 1),
              customer_id=team.customer.id)
    assert count(memory_db, "vouchers") == 1


def test_no_manager_without_pin_and_audit_then_approving_490(memory_db: Database) -> None:
    import db.security.staff as staff_module

    team = make_team(memory_db)
    assert not hasattr(staff_module, "insert_staff")  # the public insert is gone
    with pytest.raises(PermissionDenied):  # first-run creation only while no manager exists
        create_first_manager(memory_db, "Mallory", "4321")
    with pytest.raises(lockout.WrongPin):  # a supervisor cannot add a manager
        add_staff(memory_db, SUPERVISOR_PIN, CONSOLE, name="Mallory", role="manager",
                  pin="4321")
    assert count(memory_db, "staff") == 3
    complaint = make_complaint(memory_db, team,
                               CompensationLine(kind="refund", amount_minor=49_000))
    with pytest.raises(lockout.WrongPin):  # nobody approves 490 € without the right PIN
        authorise(memory_db, complaint.id, complaint.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    assert count(memory_db, "authorisations") == 0
    # a manager added the proper way is audited with the approving manager
    lin = add_staff(memory_db, MANAGER_PIN, CONSOLE, name="Lin", role="manager", pin="86420")
    entry = audit.entries(memory_db, entity="staff", entity_id=lin.id)[0]
    assert (entry.action, entry.actor_id) == ("staff.created", team.manager.id)
    assert audit.verify(memory_db).ok


def test_the_manager_limit_cannot_be_raised_without_a_manager(memory_db: Database) -> None:
    import db.settings as settings_module

    make_team(memory_db)
    assert not hasattr(settings_module, "save_settings")
    before = load_settings(memory_db)
    raised = replace(before, manager_limit_minor=99_999_900)
    for pin in (SUPERVISOR_PIN, CLERK_PIN, "0000"):
        with pytest.raises(lockout.WrongPin):
            change_settings(memory_db, raised, pin=pin, console_id=CONSOLE)
    assert load_settings(memory_db) == before
    change_settings(memory_db, raised, pin=MANAGER_PIN, console_id=CONSOLE)
    entry = audit.entries(memory_db, action_prefix="settings.changed")[0]
    assert entry.details["fields"]["manager_limit_minor"] == [50_000, 99_999_900]


def test_approve_verified_is_gone_and_approvals_are_single_use(memory_db: Database) -> None:
    import db.service.compensation as compensation

    assert not hasattr(compensation, "_approve_verified")
    team = make_team(memory_db)
    complaint = make_complaint(memory_db, team, voucher_line(1500))
    other = make_complaint(memory_db, team, voucher_line(1500))
    lines = complaint.proposed_lines
    with pytest.raises(ApprovalRequired):
        approve_with(memory_db, None, complaint.id, lines)
    approval = grant(memory_db, SUPERVISOR_PIN, CONSOLE, action="compensation.approve",
                     subject=approvals.subject("complaint", complaint.id), amount_minor=1500)
    forged = replace(approval, token="guessed-token")
    with pytest.raises(ApprovalRequired, match="not valid"):
        approve_with(memory_db, forged, complaint.id, lines)
    with pytest.raises(ApprovalRequired, match="something else"):  # another complaint
        approve_with(memory_db, approval, other.id, other.proposed_lines)
    with pytest.raises(ApprovalRequired, match="something else"):  # another action
        refuse_with(memory_db, approval, complaint.id, "no")
    assert count(memory_db, "authorisations") == 0
    result = approve_with(memory_db, approval, complaint.id, lines)
    assert result.decided_by == team.supervisor.id
    with pytest.raises(ApprovalRequired, match="already used"):
        approve_with(memory_db, approval, other.id, other.proposed_lines)


def test_an_approval_expires_after_a_few_minutes(memory_db: Database,
                                                 fixed_clock: object) -> None:
    team = make_team(memory_db)
    complaint = make_complaint(memory_db, team, voucher_line(1500))
    approval = grant(memory_db, SUPERVISOR_PIN, CONSOLE, action="compensation.refuse",
                     subject=approvals.subject("complaint", complaint.id))
    clock.set_clock(lambda: FIXED_NOW + timedelta(minutes=approvals.APPROVAL_MINUTES,
                                                  seconds=1))
    with pytest.raises(ApprovalRequired, match="ran out"):
        refuse_with(memory_db, approval, complaint.id, "Too much")
    assert count(memory_db, "authorisations") == 0


def test_a_deactivated_approvers_approval_is_void(memory_db: Database) -> None:
    team = make_team(memory_db)
    complaint = make_complaint(memory_db, team, voucher_line(1500))
    approval = grant(memory_db, SUPERVISOR_PIN, CONSOLE, action="compensation.approve",
                     subject=approvals.subject("complaint", complaint.id), amount_minor=1500)
    memory_db.execute("UPDATE staff SET active = 0 WHERE id = ?", [team.supervisor.id])
    with pytest.raises(ApprovalRequired, match="no longer"):
        approve_with(memory_db, approval, complaint.id, complaint.proposed_lines)


# ---------------------------------------------------------------- a PIN without the right


def test_floor_staffs_own_pin_never_resets_the_count(memory_db: Database) -> None:
    """Today's trick: four supervisor guesses, then your own PIN, forever."""
    team = make_team(memory_db)
    complaint = make_complaint(memory_db, team, voucher_line(1500))
    lines = complaint.proposed_lines
    for _i in range(4):
        with pytest.raises(lockout.WrongPin):
            authorise(memory_db, complaint.id, lines, "0000", CONSOLE)
    with pytest.raises(lockout.WrongPin, match="locked") as err:  # the 5th try, not a reset
        authorise(memory_db, complaint.id, lines, CLERK_PIN, CONSOLE)
    assert err.value.status.locked
    with pytest.raises(lockout.PinLocked):  # even the supervisor waits now
        authorise(memory_db, complaint.id, lines, SUPERVISOR_PIN, CONSOLE)


def test_a_supervisor_over_their_limit_counts_as_a_wrong_try(memory_db: Database) -> None:
    team = make_team(memory_db)
    complaint = make_complaint(memory_db, team, CompensationLine(kind="refund",
                                                                 amount_minor=9000))
    with pytest.raises(lockout.WrongPin) as err:
        authorise(memory_db, complaint.id, complaint.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    assert err.value.status.failed_count == 1
    authorise(memory_db, complaint.id, complaint.proposed_lines, MANAGER_PIN, CONSOLE)


def test_the_message_never_says_whose_pin_it_was(memory_db: Database) -> None:
    """Not "Aino Staff is a staff": the answer to her PIN is the answer to a wrong one."""
    team = make_team(memory_db)
    complaint = make_complaint(memory_db, team, voucher_line(1500))
    with pytest.raises(lockout.WrongPin) as wrong:
        authorise(memory_db, complaint.id, complaint.proposed_lines, "0000", "till-1")
    authenticate(memory_db, CLERK_PIN, "till-1")  # a right sign-in there: the count restarts
    with pytest.raises(lockout.WrongPin) as hers:
        authorise(memory_db, complaint.id, complaint.proposed_lines, CLERK_PIN, "till-1")
    assert str(hers.value) == str(wrong.value)
    assert "Aino" not in str(hers.value) and "is a staff" not in str(hers.value)


def test_sign_in_with_roles_counts_other_roles_as_wrong(memory_db: Database) -> None:
    team = make_team(memory_db)
    assert authenticate(memory_db, CLERK_PIN, CONSOLE) == team.clerk  # plain sign-in
    with pytest.raises(lockout.WrongPin):
        authenticate(memory_db, CLERK_PIN, CONSOLE, roles=("supervisor", "manager"))
    assert lockout.status(memory_db, CONSOLE).failed_count == 1


# ---------------------------------------------------------------- lockout cannot be sidestepped


def test_another_console_id_per_try_gives_no_more_tries(
    memory_db: Database, fixed_clock: object
) -> None:
    make_team(memory_db)
    max_attempts = load_settings(memory_db).pin_max_attempts
    for n in range(max_attempts):
        with pytest.raises(lockout.WrongPin):
            authenticate(memory_db, "0000", f"made-up-{n}")
    with pytest.raises(lockout.PinLocked, match="every till") as err:
        authenticate(memory_db, MANAGER_PIN, "yet-another-id")
    assert not err.value.status.shop_wide
    assert lockout.status(memory_db, "made-up-0").locked
    clock.set_clock(lambda: FIXED_NOW + timedelta(minutes=15, seconds=1))
    assert authenticate(memory_db, MANAGER_PIN, "yet-another-id").role == "manager"


def test_a_right_pin_does_not_reset_the_shop_wide_count(memory_db: Database,
                                                        fixed_clock: object) -> None:
    make_team(memory_db)
    settings = load_settings(memory_db)
    tries = 0
    with pytest.raises(lockout.PinLocked):
        while tries < 100:
            for _i in range(settings.pin_max_attempts - 1):
                authenticate(memory_db, CLERK_PIN, CONSOLE)  # own PIN: signs in fine
                with pytest.raises(lockout.WrongPin):
                    authenticate(memory_db, f"{1000 + tries:04d}", CONSOLE)
                tries += 1
    assert tries == settings.pin_shop_max_attempts


def test_a_fresh_config_folder_per_try_gives_no_more_tries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """`COUNTERPART_CONFIG_DIR=$(mktemp -d)` before each try (so a new console id each time,
    and even with the shop's key copied along); deleting `console-id` is the same."""
    path = tmp_path / "shop.sqlite"
    shop = open_database(path)
    make_team(shop)
    max_attempts = load_settings(shop).pin_max_attempts
    shop.close()

    def try_pin(n: int, pin: str, *, with_key: bool = True) -> int:
        folder = tmp_path / f"config-{n}"
        if with_key:
            pin_key.write_key_file(TEST_KEY, folder)
        monkeypatch.setenv("COUNTERPART_CONFIG_DIR", str(folder))
        monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
        return main(["settings", "set", "--db", str(path), "--pin-stdin",
                     "manager_limit", "9000"])

    assert try_pin(999, "0000", with_key=False) == 2  # no key: said so, not counted
    assert "PIN key file" in capsys.readouterr().err
    for n in range(max_attempts):
        assert try_pin(n, f"{n:04d}") == 2
        assert "Wrong PIN" in capsys.readouterr().err
    assert try_pin(max_attempts, MANAGER_PIN) == 2
    assert "locked at every till" in capsys.readouterr().err
    shop = open_database(path)
    assert load_settings(shop).manager_limit_minor == 50_000
    assert count(shop, "pin_failures") == max_attempts
    shop.close()


# ---------------------------------------------------------------- a copied file alone


def test_a_copied_database_file_alone_does_not_verify_pins(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    shop = open_database(path)
    manager = create_first_manager(shop, "Maria", "4821")  # creates the shop's key
    kid = pin_key.stored_key_id(shop)
    assert kid is not None
    key_file = pin_key.key_path(kid)
    assert key_file.stat().st_mode & 0o777 == 0o600
    key = pin_key.shop_key(shop)
    assert key is not None
    stored = shop.execute("SELECT pin_hash FROM staff WHERE id = ?", [manager.id]).fetchone()[0]
    shop.close()
    raw = path.read_bytes()
    assert key not in raw and key.hex().encode() not in raw  # only the key's id is kept
    assert verify_pin("4821", stored, key)
    assert not verify_pin("4821", stored)  # the right PIN, without the key: no match
    assert not verify_pin("4821", stored, bytes(32))


def test_a_console_without_the_key_file_says_so_and_counts_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    shop = open_database(path)
    create_first_manager(shop, "Maria", "4821")
    kid = pin_key.stored_key_id(shop)
    assert kid is not None
    key_file = pin_key.key_path(kid)
    saved = key_file.read_bytes()
    key_file.unlink()
    with pytest.raises(pin_key.PinKeyMissing, match="lacks the shop's PIN key file") as err:
        authenticate(shop, "4821", CONSOLE)
    assert str(key_file) in str(err.value)
    key_file.write_text("00" * 32)  # somebody else's key
    with pytest.raises(pin_key.PinKeyMissing, match="not this shop's key"):
        authenticate(shop, "4821", CONSOLE)
    assert lockout.status(shop, CONSOLE).failed_count == 0
    key_file.write_bytes(saved)  # restored from the first till
    assert authenticate(shop, "4821", CONSOLE).name == "Maria"
    shop.close()


def test_a_pin_hash_from_before_the_key_verifies_and_is_rehashed(memory_db: Database) -> None:
    import hashlib
    import secrets

    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(b"4821", salt=salt, n=2**14, r=8, p=1, dklen=32)
    legacy = f"{LEGACY}$16384$8$1$" + salt.hex() + "$" + digest.hex()
    old = seed_staff(memory_db, "Maria", "manager")
    memory_db.execute("UPDATE staff SET pin_hash = ? WHERE id = ?", [legacy, old.id])
    assert authenticate(memory_db, "4821", CONSOLE).id == old.id
    stored = memory_db.execute("SELECT pin_hash FROM staff WHERE id = ?",
                               [old.id]).fetchone()[0]
    assert stored.startswith("kscrypt$")
    assert verify_pin("4821", stored, pin_key.shop_key(memory_db))
    assert audit.entries(memory_db, entity="staff", entity_id=old.id)[0].action == \
        "staff.pin_rehashed"
    assert audit.verify(memory_db).ok
    assert authenticate(memory_db, "4821", CONSOLE).id == old.id


def test_longer_pins_per_role(memory_db: Database) -> None:
    from db.security.staff_admin import reset_pin
    from db.settings import _seed_settings

    team = make_team(memory_db)
    _seed_settings(memory_db, replace(load_settings(memory_db), pin_min_length_manager=8,
                                      pin_min_length_supervisor=6))
    with pytest.raises(UserError, match="8 to 12 digits"):
        add_staff(memory_db, MANAGER_PIN, CONSOLE, name="Lin", role="manager", pin="135792")
    with pytest.raises(UserError, match="6 to 12 digits"):
        reset_pin(memory_db, MANAGER_PIN, CONSOLE, team.supervisor.id, "13579")
    assert lockout.status(memory_db, CONSOLE).failed_count == 0  # checked before the PIN
    lin = add_staff(memory_db, MANAGER_PIN, CONSOLE, name="Lin", role="manager",
                    pin="135792468024")
    assert authenticate(memory_db, "135792468024", CONSOLE).id == lin.id
    add_staff(memory_db, MANAGER_PIN, CONSOLE, name="Ville", role="staff", pin="2580")


# ---------------------------------------------------------------- the whole class

PROTECTED = re.compile(
    r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"
    r"(staff|settings|vouchers|authorisations|approvals|compensations|pin_key|shops|"
    r"shop_settings|staff_shops)\b", re.I)


def _public_functions() -> dict[str, types.FunctionType]:
    found: dict[str, types.FunctionType] = {}
    # every module, in db's part packages too: "security.approvals.grant"
    for info in pkgutil.walk_packages(db_package.__path__, "db."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if not name.startswith("_") and inspect.isfunction(obj) \
                    and obj.__module__ == module.__name__:
                found[f"{info.name.removeprefix('db.')}.{name}"] = obj
    return found


def _callees(fn: Callable[..., Any]) -> list[Callable[..., Any]]:
    """Functions of the db package that `fn` names (globals, module attributes, and
    imports inside its body)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    scope = dict(fn.__globals__)  # type: ignore[attr-defined]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "db":
            module = importlib.import_module(str(node.module))
            for alias in node.names:
                scope[alias.asname or alias.name] = getattr(module, alias.name, None)
    found = []
    for node in ast.walk(tree):
        obj = None
        if isinstance(node, ast.Name):
            obj = scope.get(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            base = scope.get(node.value.id)
            if isinstance(base, types.ModuleType):
                obj = getattr(base, node.attr, None)
        if inspect.isfunction(obj) and obj.__module__.split(".")[0] == "db":
            found.append(obj)
    return found


def _protected_writes(fn: Callable[..., Any]) -> set[str]:
    """Tables of value and power that `fn` or anything it calls writes with SQL.

    `db.security.audit` is not followed: `audit.append` writes the log and its chain head (a key in
    the settings table that is not a shop setting and that `audit verify` checks).
    """
    seen: set[Any] = set()
    stack, tables = [fn], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if current is not fn and current.__module__ == "db.security.audit":
            continue
        tables |= {m.lower() for m in PROTECTED.findall(inspect.getsource(current))}
        stack.extend(_callees(current))
    return tables


def _snapshot(db: Database) -> dict[str, list[Any]]:
    return {
        "staff": db.execute("SELECT * FROM staff ORDER BY id").fetchall(),
        "settings": db.execute("SELECT * FROM settings WHERE key <> ? ORDER BY key",
                               [audit.HEAD_KEY]).fetchall(),
        "shop settings": db.execute("SELECT * FROM shop_settings ORDER BY shop_id, key"
                                    ).fetchall(),
        "shops": db.execute("SELECT * FROM shops ORDER BY id").fetchall(),
        "staff shops": db.execute("SELECT * FROM staff_shops ORDER BY staff_id, shop_id"
                                  ).fetchall(),
        "vouchers": db.execute("SELECT * FROM vouchers ORDER BY id").fetchall(),
        "authorisations": db.execute("SELECT * FROM authorisations ORDER BY id").fetchall(),
        "approvals": db.execute("SELECT * FROM approvals ORDER BY id").fetchall(),
        "pin_key": db.execute("SELECT * FROM pin_key").fetchall(),
        "decided lines": db.execute("SELECT * FROM compensations WHERE status <> 'proposed' "
                                    "ORDER BY id").fetchall(),
    }


def _forged(team: Team) -> Approval:
    return Approval(id=1, token="guessed", staff=team.manager, action="settings.change",
                    subject="settings", amount_minor=0, console_id=CONSOLE,
                    expires_at=FIXED_NOW + timedelta(days=1))


def _without_approval(db: Database, team: Team) -> dict[str, Callable[[], object]]:
    """For each public writer: a call with no approval, a forged one, or a PIN without the
    right. Each must raise and change nothing."""
    from db import demo, settings, shops
    from db.customers import personal_data
    from db.security import audit as audit_module
    from db.security import sign_in, staff_admin
    from db.service import compensation, complaints, vouchers

    decided = make_complaint(db, team, voucher_line(1000))
    authorise(db, decided.id, decided.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    open_one = make_complaint(db, team, voucher_line(1500))
    voucher = issue_voucher(db, value_minor=700, expires_on=date(2099, 1, 1), by=team.manager)
    raise_limit = replace(load_settings(db), manager_limit_minor=99_999_900)
    # a "proposal" that tries to pass decided lines, with values multiplied by 100
    stored = get_complaint_lines(db, decided.id)
    smuggled = [replace(line, status="approved", amount_minor=(line.amount_minor or 0) * 100)
                for line in stored]
    data = make_complaint(db, team).to_input()

    def in_write(fn: Callable[[], object]) -> Callable[[], object]:
        def call() -> object:
            with write(db):
                return fn()
        return call

    def proposal_update() -> object:
        update = decided_input(db, decided.id)
        update.lines = smuggled
        return complaints.update_complaint(db, decided.id, update)

    def proposal_create() -> object:
        new = replace(data, lines=smuggled)
        return complaints.create_complaint(db, new)

    return {
        "security.approvals.grant": lambda: approvals.grant(
            db, CLERK_PIN, CONSOLE, action="settings.change", subject="settings"),
        "security.approvals.consume": in_write(lambda: approvals.consume(
            db, _forged(team), action="settings.change", subject="settings")),
        "security.approvals.authenticate": lambda: approvals.authenticate(db, "0000", CONSOLE),
        "security.approvals.check_pin": lambda: approvals.check_pin(db, "0000", CONSOLE, "test"),
        "security.staff_admin.authenticate": lambda: staff_admin.authenticate(db, "0000", CONSOLE),
        # signing in as the manager with the clerk's PIN: someone else's PIN is a wrong try
        "security.sign_in.sign_in_with_pin": lambda: sign_in.sign_in_with_pin(
            db, team.manager.id, CLERK_PIN, CONSOLE),
        "security.audit.append": in_write(lambda: (audit_module.append(db, "test", None), 1 / 0)),
        "service.compensation.authorise": lambda: compensation.authorise(
            db, open_one.id, open_one.proposed_lines, CLERK_PIN, CONSOLE),
        "service.compensation.approve_with": lambda: compensation.approve_with(
            db, None, open_one.id, open_one.proposed_lines),
        "service.compensation.refuse": lambda: compensation.refuse(
            db, open_one.id, CLERK_PIN, CONSOLE, "no"),
        "service.compensation.refuse_with": lambda: compensation.refuse_with(
            db, _forged(team), open_one.id, "no"),
        "service.compensation.store_proposed": in_write(lambda: (
            compensation.store_proposed(db, decided.id, smuggled), 1 / 0)),
        "service.complaints.create_complaint": lambda: (proposal_create(), 1 / 0),
        "service.complaints.update_complaint": lambda: (proposal_update(), 1 / 0),
        "demo.build_demo": lambda: demo.build_demo(db, customers=1),
        "security.pin_key.ensure_shop_key": in_write(lambda: (pin_key.ensure_shop_key(db), 1 / 0)),
        "customers.personal_data.erase_customer": lambda: personal_data.erase_customer(
            db, team.customer.id, reason="asked", manager_pin=SUPERVISOR_PIN,
            console_id=CONSOLE),
        "customers.personal_data.erase_customers": lambda: personal_data.erase_customers(
            db, [team.customer.id], reason="asked", manager_pin=CLERK_PIN, console_id=CONSOLE),
        "customers.personal_data.erase_with": lambda: personal_data.erase_with(
            db, _forged(team), [team.customer.id], reason="asked"),
        "settings.change_settings": lambda: settings.change_settings(
            db, raise_limit, pin=SUPERVISOR_PIN, console_id=CONSOLE),
        "security.staff_admin.add_staff": lambda: staff_admin.add_staff(
            db, SUPERVISOR_PIN, CONSOLE, name="Mallory", role="manager", pin="4321"),
        "security.staff_admin.change_staff": lambda: staff_admin.change_staff(
            db, CLERK_PIN, CONSOLE, team.clerk.id, role="manager"),
        "security.staff_admin.create_first_manager": lambda: staff_admin.create_first_manager(
            db, "Mallory", "4321"),
        "security.staff_admin.deactivate_staff": lambda: staff_admin.deactivate_staff(
            db, SUPERVISOR_PIN, CONSOLE, team.manager.id),
        "security.staff_admin.reset_pin": lambda: staff_admin.reset_pin(
            db, "0000", CONSOLE, team.manager.id, "4321"),
        "service.vouchers.issue": lambda: vouchers.issue(
            db, None, value_minor=9_999_900, expires_on=date(2099, 1, 1)),
        "service.vouchers.redeem": lambda: vouchers.redeem(db, voucher.code, _forged(team)),
        "service.vouchers.redeem_with_pin": lambda: vouchers.redeem_with_pin(
            db, voucher.code, "0000", CONSOLE),
        "shops.add_shop": lambda: shops.add_shop(
            db, "Second shop", pin=SUPERVISOR_PIN, console_id=CONSOLE),
        "shops.change_company_settings": lambda: shops.change_company_settings(
            db, shops.CompanySettings(vouchers_any_shop=True), pin=CLERK_PIN,
            console_id=CONSOLE),
        "shops.change_staff_shops": lambda: shops.change_staff_shops(
            db, SUPERVISOR_PIN, CONSOLE, team.clerk.id, remove=(1,)),
    }


def get_complaint_lines(db: Database, complaint_id: int) -> list[CompensationLine]:
    from db.service.compensation import lines_for

    return lines_for(db, complaint_id)


def decided_input(db: Database, complaint_id: int) -> Any:
    from db.service.complaints import get_complaint

    return get_complaint(db, complaint_id).to_input()


def test_every_public_writer_of_value_or_power_refuses_without_an_approval(
    memory_db: Database,
) -> None:
    functions = _public_functions()
    # schema steps (migrations) run when the file is opened, before anyone signs in
    writers = {name for name, fn in functions.items()
               if _protected_writes(fn) and not name.startswith("store.migrations.")}
    from db.settings import _seed_settings

    team = make_team(memory_db)
    # room for every wrong try below, so each refusal is about the approval, not a lockout
    _seed_settings(memory_db, replace(load_settings(memory_db), pin_max_attempts=20,
                                      pin_shop_max_attempts=200))
    calls = _without_approval(memory_db, team)
    unclassified = writers - set(calls)
    assert not unclassified, f"new writers of value or power: add a refusal case {unclassified}"
    assert set(calls) <= set(functions)  # no stale names
    assert {"service.vouchers.issue", "settings.change_settings", "security.staff_admin.add_staff",
            "service.compensation.approve_with", "service.compensation.authorise"} <= writers
    for name, call in calls.items():
        before = _snapshot(memory_db)
        with pytest.raises((ApprovalRequired, lockout.WrongPin, PermissionDenied,
                            ZeroDivisionError)) as err:
            call()
        assert not isinstance(err.value, lockout.PinLocked), name
        assert _snapshot(memory_db) == before, name
    # every public class is a value or an exception: none has a method taking a database
    for info in pkgutil.walk_packages(db_package.__path__, "db."):
        module = importlib.import_module(info.name)
        for cls_name, cls in vars(module).items():
            if inspect.isclass(cls) and cls.__module__ == module.__name__ \
                    and not cls_name.startswith("_"):
                for method_name, method in vars(cls).items():
                    if inspect.isfunction(method) and not method_name.startswith("__"):
                        assert "db" not in inspect.signature(method).parameters, \
                            f"{cls_name}.{method_name}"


def test_the_seeding_paths_write_audit_entries(memory_db: Database) -> None:
    from db.settings import _seed_settings

    staff: Staff = seed_staff(memory_db, "Demo Manager", "manager", pin="9999")
    entry = audit.entries(memory_db, entity="staff", entity_id=staff.id)[0]
    assert entry.action == "staff.created" and entry.details["seeded"] is True
    _seed_settings(memory_db, replace(load_settings(memory_db), manager_limit_minor=1))
    assert audit.entries(memory_db, action_prefix="settings.")[0].details["seeded"] is True
    assert get_staff(memory_db, staff.id).has_pin
    assert internal_approval(memory_db, staff, "settings.change", "settings").staff == staff
    assert audit.verify(memory_db).ok


def test_voucher_redemption_consumes_the_takers_approval(memory_db: Database) -> None:
    team = make_team(memory_db)
    voucher = issue_voucher(memory_db, value_minor=700, expires_on=date(2099, 1, 1))
    with pytest.raises(ApprovalRequired):
        redeem(memory_db, voucher.code, None)
    used = redeem_with_pin(memory_db, voucher.code, CLERK_PIN, CONSOLE)
    assert used.redeemed_by == team.clerk.id
    entry = audit.entries(memory_db, action_prefix="voucher.redeemed")[0]
    assert entry.details["approval_id"]
    with pytest.raises(ApprovalRequired), write(memory_db):  # `consume` itself checks it
        consume(memory_db, None, action="voucher.redeem", subject="voucher:1")


def test_a_pin_key_that_cannot_be_written_sets_no_pin(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be")
    monkeypatch.setenv("COUNTERPART_CONFIG_DIR", str(blocker))
    shop = open_database(tmp_path / "shop.sqlite")
    with pytest.raises(UserError, match="Cannot write the shop's PIN key file"):
        create_first_manager(shop, "Maria", "4821")
    assert count(shop, "staff") == 0 and pin_key.stored_key_id(shop) is None
    shop.close()


def test_old_wrong_tries_are_forgotten_after_two_days(memory_db: Database,
                                                      fixed_clock: object) -> None:
    make_team(memory_db)
    for _i in range(3):
        with pytest.raises(lockout.WrongPin):
            authenticate(memory_db, "0000", CONSOLE)
    clock.set_clock(lambda: FIXED_NOW + timedelta(days=3))
    with pytest.raises(lockout.WrongPin, match="4 attempt"):
        authenticate(memory_db, "0000", CONSOLE)
    assert count(memory_db, "pin_failures") == 1
    assert len(audit.entries(memory_db, action_prefix="pin.failed")) == 4  # the log keeps all


def test_a_pin_check_tries_the_likely_owners_first_and_answers_the_same(
        fresh_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each stored PIN hash costs one scrypt: twelve floor staff with PINs added before the
    supervisor must not cost the supervisor's approval thirteen hashes. Those with the right
    for the action are tried first (the one signing in, for sign-in); a wrong PIN still tries
    everyone and is counted and audited as before, and a floor staff PIN asking for
    compensation is still found and answered as a wrong PIN."""
    from db.security.sign_in import sign_in_with_pin

    db = fresh_db
    clerks = [seed_staff(db, f"Clerk {n}", "staff", pin=f"{5100 + n}") for n in range(12)]
    supervisor = seed_staff(db, "Sami Supervisor", "supervisor", limit_minor=5000,
                            pin=SUPERVISOR_PIN)
    tried: list[str] = []
    real_verify = approvals.verify_pin

    def counting_verify(pin: str, stored: str | None, key: bytes | None = None) -> bool:
        tried.append(str(stored))
        return real_verify(pin, stored, key)

    monkeypatch.setattr(approvals, "verify_pin", counting_verify)
    approval = grant(db, SUPERVISOR_PIN, CONSOLE, action="compensation.approve",
                     subject="complaint:1", amount_minor=500)
    assert approval.staff.id == supervisor.id
    assert len(tried) == 1  # not 13

    tried.clear()
    assert sign_in_with_pin(db, clerks[7].id, "5107", CONSOLE).staff.id == clerks[7].id
    assert len(tried) == 1

    tried.clear()
    with pytest.raises(lockout.WrongPin):
        grant(db, "9999", CONSOLE, action="compensation.approve", subject="complaint:1",
              amount_minor=500)
    assert len(tried) == 13  # a wrong PIN: everyone, as before

    tried.clear()
    with pytest.raises(lockout.WrongPin):
        grant(db, "5103", CONSOLE, action="compensation.approve", subject="complaint:1",
              amount_minor=500)
    failed = audit.entries(db, action_prefix="pin.failed", limit=1)[0]
    assert (failed.actor_id, failed.details["why"]) == (clerks[3].id, "no_right")
    assert len(tried) == 1 + 4  # the supervisor, then clerks 0 to 3 in order
