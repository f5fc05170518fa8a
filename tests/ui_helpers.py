"""Shared builders for the widget tests: a context with a fake dialog service, a few
customers in every script, a small catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from db.customers.purchases import add_product, record_purchase
from db.customers.records import create_customer
from db.models import Customer, CustomerInput, FamilyDate, Product, Staff
from tests.service_data_support import seed_staff
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService


@dataclass
class Holder:
    """A mutable "who is signed in" for tests."""

    staff: Staff | None = None

    def current(self) -> Staff | None:
        return self.staff


def make_ctx(db: Database, staff: Staff | None = None) -> tuple[AppContext, FakeDialogService]:
    dialogs = FakeDialogService()
    holder = Holder(staff)
    ctx = AppContext(db=db, current_staff=holder.current, dialogs=dialogs)
    return ctx, dialogs


def add_staff(db: Database) -> Staff:
    return seed_staff(db, "Aino Staff", "staff")


def add_customers(db: Database) -> dict[str, Customer]:
    """Customers the tests search for (fixed clock: today is 2026-11-23)."""
    people = [
        CustomerInput(
            name="Päivi Järvinen", phone="040 123 4567", email="paivi@example.fi",
            language="fi", birth_month=11, birth_day=23, birth_year=1972,
            allergies=["gluteeni", "laktoosi"], preferences="Kauramaito, ei sokeria.",
            tags=["kanta-asiakas", "ikkunapaikka"], consent_contact=True,
            personality="lively", family_dates=[FamilyDate("Hääpäivä", 8, 14)],
        ),
        CustomerInput(
            name="陳美玲", phone="0912 345 678", language="zh-TW",
            birth_month=11, birth_day=26, allergies=["花生"], preferences="拿鐵要燕麥奶",
            tags=["常客"], consent_contact=True, personality="steady",
        ),
        CustomerInput(name="王伟", phone="+86 138 1234 5678", language="zh-CN",
                      birth_month=11, birth_day=25, consent_contact=False),
        CustomerInput(name="Emily Carter", phone="+44 7700 900123", language="en",
                      consent_contact=True, birth_month=12, birth_day=31),
        CustomerInput(name="Pekka Virtanen", phone="050 555 0101", language="fi"),
    ]
    made = [create_customer(db, p) for p in people]
    return {
        "paivi": made[0], "chen": made[1], "wang": made[2], "emily": made[3],
        "pekka": made[4],
    }


def add_products(db: Database) -> list[Product]:
    return [
        add_product(db, "LAT", "Caffè latte", "coffee", 450),
        add_product(db, "BUN", "Cinnamon bun (korvapuusti)", "bakery", 390),
        add_product(db, "EGG", "Egg tart 蛋撻", "bakery", 300),
    ]


def add_purchases(db: Database, customer_id: int, product: Product, count: int,
                  start: datetime) -> None:
    """`count` one-item purchases, one a day going back from `start`."""
    for n in range(count):
        record_purchase(db, customer_id, [(product.id, 1 + n % 3)],
                        purchased_at=start - timedelta(days=n))
