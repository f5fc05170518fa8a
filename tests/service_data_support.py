"""Shared set-up for the service data-layer tests: a team with PINs, a customer, a complaint.

PIN hashes are computed once per test session (scrypt costs ~60 ms each) and inserted
directly, so each test pays only for the PIN checks it actually makes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlite_utils import Database

from db.complaints import create_complaint
from db.customers import create_customer
from db.models import Customer, CustomerInput, Staff
from db.pins import hash_pin
from db.service_models import CompensationLine, Complaint, ComplaintInput
from db.staff import insert_staff

MANAGER_PIN = "9999"
SUPERVISOR_PIN = "2468"
CLERK_PIN = "1111"
SUPERVISOR_LIMIT = 5000  # 50.00
CONSOLE = "console-a"


@cache
def cached_hash(pin: str) -> str:
    return hash_pin(pin)


@dataclass
class Team:
    manager: Staff
    supervisor: Staff
    clerk: Staff
    customer: Customer


def make_team(db: Database) -> Team:
    return Team(
        manager=insert_staff(db, "Maria Manager", "manager", pin_hash=cached_hash(MANAGER_PIN)),
        supervisor=insert_staff(db, "Sami Supervisor", "supervisor",
                                limit_minor=SUPERVISOR_LIMIT,
                                pin_hash=cached_hash(SUPERVISOR_PIN)),
        clerk=insert_staff(db, "Aino Staff", "staff", pin_hash=cached_hash(CLERK_PIN)),
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
