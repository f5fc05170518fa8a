"""Customer validation rule by rule, the profile's facts, birthdays and duplicate phones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlite_utils import Database

from db.customers.purchases import add_product, record_purchase
from db.customers.records import (
    birthdays_between,
    create_customer,
    customers_with_phone,
    get_customer,
    get_profile,
    update_customer,
    validate,
)
from db.errors import NotFound, ValidationError
from db.models import CustomerInput, FamilyDate

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL

TODAY = date(2026, 11, 23)  # the fixed clock's day


def problems(data: CustomerInput) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        validate(data, TODAY)
    return info.value.fields


def ok(data: CustomerInput) -> CustomerInput:
    return validate(data, TODAY)


def test_name_is_required_and_whitespace_is_tidied() -> None:
    assert "name" in problems(CustomerInput(name=""))
    assert "name" in problems(CustomerInput(name=" \t\n "))
    assert ok(CustomerInput(name="  Päivi   Järvinen ")).name == "Päivi Järvinen"


@pytest.mark.parametrize(
    "name", ["陳美玲", "王伟", "Åsa Öhman", "Anna 🎂 Laine", "<b>Bob</b> & <i>co</i>",
             "O'Brien", "Robert'); DROP TABLE customers;--", "Zoë\u0301"],
)
def test_any_script_emoji_or_markup_is_kept_as_typed(
    memory_db: Database, fixed_clock: object, name: str
) -> None:
    saved = create_customer(memory_db, CustomerInput(name=name))
    assert get_customer(memory_db, saved.id).name == " ".join(name.split())
    assert memory_db.execute("SELECT count(*) FROM customers").fetchone()[0] == 1


def test_huge_fields_are_refused_with_the_limit() -> None:
    assert "200" in problems(CustomerInput(name="x" * 201))["name"]
    ok(CustomerInput(name="x" * 200))
    assert "preferences" in problems(CustomerInput(name="A", preferences="p" * 2001))
    ok(CustomerInput(name="A", preferences="p" * 2000))
    assert "tags" in problems(CustomerInput(name="A", tags=["t" * 101]))
    assert "allergies" in problems(CustomerInput(name="A", allergies=["a" * 101]))
    assert "external_id" in problems(CustomerInput(name="A", external_id="e" * 101))
    assert "email" in problems(CustomerInput(name="A", email="a" * 250 + "@example.com"))


@pytest.mark.parametrize("phone", ["040 123 4567", "+358 (40) 123-4567", "0912.345.678"])
def test_phone_numbers_as_people_write_them(phone: str) -> None:
    assert ok(CustomerInput(name="A", phone=phone)).phone == phone


@pytest.mark.parametrize("phone", ["040 12a 4567", "12345", "1" * 16, "phone", "040/123"])
def test_bad_phone_numbers(phone: str) -> None:
    assert "phone" in problems(CustomerInput(name="A", phone=phone))


@pytest.mark.parametrize("email", ["a@b", "no-at.example.com", "a b@example.com",
                                   "<x>@example.com", "a@example.c"])
def test_bad_email_addresses(email: str) -> None:
    assert "email" in problems(CustomerInput(name="A", email=email))


def test_a_good_email_and_an_empty_one() -> None:
    assert ok(CustomerInput(name="A", email=" mei@example.tw ")).email == "mei@example.tw"
    assert ok(CustomerInput(name="A", email="")).email == ""


def test_language_must_be_one_we_write_letters_in() -> None:
    assert "language" in problems(CustomerInput(name="A", language="sv"))
    for language in ("en", "fi", "zh-TW", "zh-CN"):
        ok(CustomerInput(name="A", language=language))


@pytest.mark.parametrize(
    ("month", "day", "year"),
    [(2, 29, None), (2, 29, 2024), (2, 29, 2000), (12, 31, None), (11, 23, 2026),
     (1, 1, 1900)],
)
def test_valid_birthdays(month: int, day: int, year: int | None) -> None:
    clean = ok(CustomerInput(name="A", birth_month=month, birth_day=day, birth_year=year))
    assert (clean.birth_month, clean.birth_day, clean.birth_year) == (month, day, year)


@pytest.mark.parametrize(
    ("month", "day", "year", "says"),
    [
        (2, 29, 2023, "2023"),  # no 29 February that year
        (2, 30, None, "no such day"),
        (4, 31, None, "no such day"),
        (13, 1, None, "no such day"),
        (0, 10, None, "no such day"),
        (11, 24, 2026, "future"),  # tomorrow
        (1, 1, 2027, "future"),
        (5, 5, 1899, "1900"),
        (5, None, None, "both"),
        (None, 5, None, "both"),
        (None, None, 1980, "year alone"),
    ],
)
def test_invalid_birthdays(month: int | None, day: int | None, year: int | None,
                           says: str) -> None:
    message = problems(CustomerInput(name="A", birth_month=month, birth_day=day,
                                     birth_year=year))["birthday"]
    assert says in message


def test_every_bad_field_is_named_at_once_and_nothing_is_saved(
    memory_db: Database, fixed_clock: object
) -> None:
    bad = CustomerInput(name="", phone="abc", email="nope", language="xx", birth_month=2,
                        birth_day=30, personality="grumpy",
                        family_dates=[FamilyDate("", 1, 1)])
    with pytest.raises(ValidationError) as info:
        create_customer(memory_db, bad)
    assert set(info.value.fields) == {"name", "phone", "email", "language", "birthday",
                                      "personality", "family_dates"}
    assert memory_db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    assert memory_db.execute("SELECT count(*) FROM customer_terms").fetchone()[0] == 0


def test_an_invalid_edit_changes_nothing(memory_db: Database, fixed_clock: object) -> None:
    saved = create_customer(memory_db, CustomerInput(name="Emily Carter", phone="040 1234567"))
    with pytest.raises(ValidationError):
        update_customer(memory_db, saved.id, CustomerInput(name="Emily", phone="x"))
    assert get_customer(memory_db, saved.id) == saved


def test_create_and_read_back_every_field(memory_db: Database, fixed_clock: object) -> None:
    data = CustomerInput(
        name="Päivi Järvinen", phone="040 123 4567", email="paivi@example.fi", language="fi",
        birth_month=2, birth_day=29, birth_year=1972, allergies=["kiivi", "kiivi", " ", "gluteeni"],
        preferences="Kauramaito", tags=["ikkunapaikka"], consent_contact=True,
        personality="lively", family_dates=[FamilyDate("Hääpäivä", 8, 14)], external_id="E1",
    )
    saved = create_customer(memory_db, data)
    assert saved.customer_no == f"C{saved.id:06d}"
    assert saved.allergies == ("kiivi",)  # free text, once
    assert saved.allergens == ("gluten",)  # one of the 14: stored as its code
    assert saved.to_input() == replace(data, allergies=["kiivi"], allergens=["gluten"])
    assert (saved.tier, saved.visits, saved.total_spend_minor, saved.last_visit_at) == (
        "new", 0, 0, None)


def test_unknown_customer(memory_db: Database) -> None:
    with pytest.raises(NotFound):
        get_customer(memory_db, 999)
    with pytest.raises(NotFound):
        get_profile(memory_db, 999)


def test_a_duplicate_phone_is_found_for_a_warning(
    memory_db: Database, fixed_clock: object
) -> None:
    first = create_customer(memory_db, CustomerInput(name="Aino", phone="040 123 4567"))
    second = create_customer(memory_db, CustomerInput(name="Eino", phone="0401234567"))
    assert [h.name for h in customers_with_phone(memory_db, "+040-123 45 67")] == [
        "Aino", "Eino"]
    assert [h.id for h in customers_with_phone(memory_db, "040 123 4567",
                                               exclude_id=first.id)] == [second.id]
    assert customers_with_phone(memory_db, "") == []


def test_the_profile_has_every_fact(memory_db: Database, fixed_clock: object) -> None:
    customer = create_customer(memory_db, CustomerInput(
        name="陳美玲", birth_month=11, birth_day=25, allergies=["花生"]))
    latte = add_product(memory_db, "L", "Latte", "Coffee", 450)
    bun = add_product(memory_db, "B", "Bun", "Bakery", 390)
    tea = add_product(memory_db, "T", "Tea", "Tea", 300)
    pie = add_product(memory_db, "P", "Pie", "Bakery", 480)
    record_purchase(memory_db, customer.id, [(latte.id, 2), (bun.id, 1)])
    record_purchase(memory_db, customer.id, [(latte.id, 1), (tea.id, 2), (pie.id, 1)],
                    purchased_at=datetime(2026, 1, 5, 9, tzinfo=UTC))
    record_purchase(memory_db, None, [(pie.id, 9)])  # a walk-in buys pies: not hers
    profile = get_profile(memory_db, customer.id, today=TODAY)
    assert profile.customer.visits == 2
    assert profile.customer.total_spend_minor == 2 * 450 + 390 + 450 + 600 + 480
    assert profile.customer.last_visit_at == datetime(2026, 11, 23, 12, tzinfo=UTC)
    assert [(f.name, f.quantity) for f in profile.favourites] == [
        ("Latte", 3), ("Tea", 2), ("Bun", 1)]
    assert profile.birthday_in_days == 2
    assert (profile.complaints_90d, profile.compensation_90d_minor) == (0, 0)


def test_profile_birthday_badge(memory_db: Database, fixed_clock: object) -> None:
    today = create_customer(memory_db, CustomerInput(name="A", birth_month=11, birth_day=23))
    leap = create_customer(memory_db, CustomerInput(name="B", birth_month=2, birth_day=29))
    none = create_customer(memory_db, CustomerInput(name="C"))
    assert get_profile(memory_db, today.id, today=TODAY).birthday_in_days == 0
    # 2027 is a common year: 29 February is celebrated on 28 February 2027
    assert get_profile(memory_db, leap.id, today=TODAY).birthday_in_days == (
        date(2027, 2, 28) - TODAY).days
    assert get_profile(memory_db, none.id, today=TODAY).birthday_in_days is None


def _birthday_people(db: Database) -> dict[str, int]:
    rows = {
        "dec30": (12, 30, 1980, True),
        "jan2": (1, 2, None, True),
        "jan9": (1, 9, None, True),
        "no_consent": (12, 31, None, False),
        "leap": (2, 29, 1972, True),
        "feb28": (2, 28, None, True),
        "mar1": (3, 1, None, True),
    }
    return {
        key: create_customer(db, CustomerInput(
            name=key, birth_month=m, birth_day=d, birth_year=y, consent_contact=c)).id
        for key, (m, d, y, c) in rows.items()
    }


def test_birthday_window_across_the_year_end(memory_db: Database, fixed_clock: object) -> None:
    _birthday_people(memory_db)
    entries = birthdays_between(memory_db, date(2026, 12, 29), 7)
    assert [(e.name, e.on, e.age) for e in entries] == [
        ("dec30", date(2026, 12, 30), 46),
        ("jan2", date(2027, 1, 2), None),
    ]
    everyone = birthdays_between(memory_db, date(2026, 12, 29), 7, consenting_only=False)
    assert [e.name for e in everyone] == ["dec30", "no_consent", "jan2"]


def test_29_february_in_a_common_and_a_leap_year(
    memory_db: Database, fixed_clock: object
) -> None:
    _birthday_people(memory_db)
    common = birthdays_between(memory_db, date(2027, 2, 28), 1)
    assert sorted((e.name, e.on, e.age) for e in common) == [
        ("feb28", date(2027, 2, 28), None), ("leap", date(2027, 2, 28), 55)]
    assert [e.name for e in birthdays_between(memory_db, date(2027, 3, 1), 1)] == ["mar1"]
    assert [e.name for e in birthdays_between(memory_db, date(2028, 2, 28), 1)] == ["feb28"]
    leap_day = birthdays_between(memory_db, date(2028, 2, 29), 1)
    assert [(e.name, e.age) for e in leap_day] == [("leap", 56)]
