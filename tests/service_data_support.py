"""Shared set-up for the service data-layer tests: a team with PINs, a customer, a complaint.

PIN hashes are computed once per test session (scrypt costs ~60 ms each) under a fixed test
PIN key (`use_test_key` puts it in the test's config folder and names it in the database)
and inserted through the internal, audited seeding path, so each test pays only for the PIN
checks it actually makes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from sqlite_utils import Database

from db.clock import to_iso, utcnow
from db.customers.records import create_customer
from db.models import Customer, CustomerInput, Role, Staff
from db.security import pin_key
from db.security.approvals import Approval, _approval_without_pin
from db.security.pins import hash_pin
from db.security.staff_admin import _seed_staff
from db.service.complaints import create_complaint
from db.service.models import CompensationLine, Complaint, ComplaintInput, Voucher
from db.service.vouchers import find_voucher, issue, issue_subject, redeem, redeem_subject
from db.store.connection import write
from tests.conftest import TEST_KEY

MANAGER_PIN = "9999"
SUPERVISOR_PIN = "2468"
CLERK_PIN = "1111"
SUPERVISOR_LIMIT = 5000  # 50.00
CONSOLE = "console-a"


def use_test_key(db: Database) -> None:
    """Make TEST_KEY this database's PIN key (file in the config folder + its id)."""
    if pin_key.stored_key_id(db) is not None:
        return
    with write(db):
        db.execute("INSERT INTO pin_key(id, key_id, created_at) VALUES (1, ?, ?)",
                   [pin_key.key_id(TEST_KEY), to_iso(utcnow())])


@cache
def cached_hash(pin: str) -> str:
    return hash_pin(pin, TEST_KEY)


def seed_staff(db: Database, name: str, role: Role, *, limit_minor: int = 0,
               pin: str | None = None) -> Staff:
    """A staff member for a test (audited seeding path; cached hash under TEST_KEY)."""
    use_test_key(db)
    return _seed_staff(db, name, role, limit_minor=limit_minor,
                       pin_hash=cached_hash(pin) if pin else None)


@dataclass
class Team:
    manager: Staff
    supervisor: Staff
    clerk: Staff
    customer: Customer


def make_team(db: Database) -> Team:
    return Team(
        manager=seed_staff(db, "Maria Manager", "manager", pin=MANAGER_PIN),
        supervisor=seed_staff(db, "Sami Supervisor", "supervisor",
                              limit_minor=SUPERVISOR_LIMIT, pin=SUPERVISOR_PIN),
        clerk=seed_staff(db, "Aino Staff", "staff", pin=CLERK_PIN),
        customer=create_customer(db, CustomerInput(name="Liisa Mäkinen", language="fi")),
    )


def voucher_line(amount: int = 1500) -> CompensationLine:
    return CompensationLine(kind="voucher", amount_minor=amount, description="Next visit")


def make_complaint(db: Database, team: Team, *lines: CompensationLine,
                   **changes: object) -> Complaint:
    data = ComplaintInput(taken_by=team.clerk.id, customer_id=team.customer.id,
                          cause="quality", problem="The soup was cold.", lines=list(lines))
    for key, value in changes.items():
        setattr(data, key, value)
    return create_complaint(db, data)


def count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def internal_approval(db: Database, staff: Staff, action: str, subject: str,
                      amount_minor: int = 0) -> Approval:
    """An approval without a PIN (the demo builder's internal path), for test set-up only."""
    return _approval_without_pin(db, staff, action=action, subject=subject,
                                 amount_minor=amount_minor, console_id=CONSOLE)


def issue_voucher(db: Database, *, value_minor: int, expires_on: date,
                  by: Staff | None = None, customer_id: int | None = None,
                  complaint_id: int | None = None) -> Voucher:
    """A voucher issued with a manager's approval (a seeded manager unless `by`)."""
    staff = by or seed_staff(db, "Voucher Manager", "manager")
    approval = internal_approval(db, staff, "voucher.issue",
                                 issue_subject(customer_id, complaint_id), value_minor)
    return issue(db, approval, value_minor=value_minor, expires_on=expires_on,
                 customer_id=customer_id, complaint_id=complaint_id)


def redeem_by(db: Database, code: str, staff: Staff) -> Voucher:
    """Redeem `code` as `staff` (internal approval, no PIN check): for test set-up only."""
    voucher = find_voucher(db, code)
    approval = internal_approval(db, staff, "voucher.redeem", redeem_subject(voucher),
                                 voucher.value_minor)
    return redeem(db, code, approval, console_id=CONSOLE)
