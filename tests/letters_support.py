"""Shared setup for the letter tests: a shop, staff, customers and complaints via the real API."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date

from pypdf import PdfReader
from sqlite_utils import Database

from db.customers.records import create_customer
from db.models import CustomerInput
from db.security.staff_admin import add_staff, create_first_manager
from db.service.compensation import authorise
from db.service.complaints import create_complaint
from db.service.models import CompensationLine, ComplaintInput
from db.settings import _seed_settings, load_settings
from tests.service_data_support import use_test_key

MANAGER_PIN = "4821"
SUPERVISOR_PIN = "7395"
CLERK_PIN = "1357"
CONSOLE = "test-console"


@dataclass
class Shop:
    manager_id: int
    supervisor_id: int
    clerk_id: int


def make_shop(db: Database) -> Shop:
    settings = replace(
        load_settings(db), shop_name="Kahvila Onni & Co", address="Esplanadi 12\n00130 Helsinki",
        phone="+358 9 123 4567", email="hello@onni.example", currency="EUR",
    )
    _seed_settings(db, settings)
    use_test_key(db)  # module-scoped databases: the key file is in every test's folder
    manager = create_first_manager(db, "Maija Mäkinen", MANAGER_PIN)
    supervisor = add_staff(db, MANAGER_PIN, CONSOLE, name="陳志明", role="supervisor",
                           pin=SUPERVISOR_PIN, limit_minor=5_000)
    clerk = add_staff(db, MANAGER_PIN, CONSOLE, name="Ville Virtanen", role="staff",
                      pin=CLERK_PIN)
    return Shop(manager.id, supervisor.id, clerk.id)


def make_customer(db: Database, name: str, language: str = "en", *, consent: bool = True,
                  birthday: tuple[int, int] | None = None) -> int:
    data = CustomerInput(name=name, language=language, consent_contact=consent,
                         phone="040 123 4567")
    if birthday is not None:
        data.birth_month, data.birth_day = birthday
    return create_customer(db, data).id


def add_visits(db: Database, customer_id: int, visits: int) -> None:
    """Record `visits` purchases (a loyal thank-you needs at least one visit)."""
    from db.customers.purchases import add_product, list_products, record_purchase

    products = [p for p in list_products(db) if p.sku == "LETTER-TEST"]
    product = products[0] if products else add_product(db, "LETTER-TEST", "Kahvi", "drink", 350)
    for _ in range(visits):
        record_purchase(db, customer_id, [(product.id, 1)])


def make_complaint(
    db: Database, shop: Shop, customer_id: int | None, *, problem: str,
    cause: str = "waiting", resolution: str = "", voucher_minor: int | None = 1500,
    kind: str = "complaint", about_staff_id: int | None = None,
    letter_words: str = "", prevention: str = "", real_cause: str | None = None,
    extra_lines: list[CompensationLine] | None = None,
) -> int:
    lines = list(extra_lines or [])
    if voucher_minor:
        lines.append(CompensationLine(kind="voucher", amount_minor=voucher_minor,
                                      expires_on=date(2027, 2, 28)))
    complaint = create_complaint(db, ComplaintInput(
        taken_by=shop.clerk_id, kind=kind,  # type: ignore[arg-type]
        customer_id=customer_id, cause=cause, problem=problem,
        resolution=resolution, lines=lines, about_staff_id=about_staff_id,
        letter_words=letter_words, prevention=prevention, real_cause=real_cause,
    ))
    if lines:
        authorise(db, complaint.id, lines, SUPERVISOR_PIN, CONSOLE)
    return complaint.id


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    """Text without whitespace: PDF extraction puts line breaks where the lines wrapped."""
    return "".join(text.split())
