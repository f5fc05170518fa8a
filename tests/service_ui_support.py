"""Shared set-up for the complaint-screen widget tests: staff with PINs, a customer."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from db.customers.records import create_customer
from db.models import Customer, CustomerInput, Staff
from tests.service_data_support import seed_staff
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService

MANAGER_PIN = "9000"
SUPERVISOR_PIN = "2468"
STAFF_PIN = "1357"
SUPERVISOR_LIMIT = 2000  # 20.00


@dataclass
class Team:
    manager: Staff
    supervisor: Staff
    clerk: Staff


def make_team(db: Database) -> Team:
    """Three people, one per role; one scrypt hash each (fast enough for widget tests)."""
    return Team(
        manager=seed_staff(db, "Maija Manager", "manager", pin=MANAGER_PIN),
        supervisor=seed_staff(db, "Sam Supervisor", "supervisor",
                              limit_minor=SUPERVISOR_LIMIT, pin=SUPERVISOR_PIN),
        clerk=seed_staff(db, "Chen Clerk", "staff", pin=STAFF_PIN),
    )


def make_ctx(db: Database, signed_in: Staff | None) -> AppContext:
    """A context with a fake dialog service (no real modal box) and `signed_in` at the till."""
    return AppContext(db=db, current_staff=lambda: signed_in, dialogs=FakeDialogService(),
                      console_id="test-console")


def make_customer(db: Database, name: str = "Aino Virtanen", language: str = "fi") -> Customer:
    return create_customer(db, CustomerInput(name=name, phone="040 123 4567",
                                             language=language))
