"""The 14 EU allergens as codes: names in four languages, import mapping, migration."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from db.customers import allergens
from db.customers.records import create_customer, get_customer, search_customers
from db.errors import ValidationError
from db.i18n import set_language
from db.imports.importer import import_customers
from db.models import CustomerInput
from db.store.migrations import migrations


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("peanut", ("peanuts",)), ("Peanuts", ("peanuts",)), ("maapähkinä", ("peanuts",)),
        ("maapahkina", ("peanuts",)), ("花生", ("peanuts",)), ("peanut allergy", ("peanuts",)),
        ("gluten", ("gluten",)), ("wheat", ("gluten",)), ("gluteeni", ("gluten",)),
        ("麩質", ("gluten",)), ("麸质", ("gluten",)), ("egg", ("eggs",)),
        ("kananmuna", ("eggs",)), ("雞蛋", ("eggs",)), ("鸡蛋", ("eggs",)),
        ("tree nuts", ("nuts",)), ("pähkinäallergia", ("nuts",)), ("soya", ("soybeans",)),
        ("sulfites", ("sulphites",)), ("SO2", ("sulphites",)), ("äyriäiset", ("crustaceans",)),
        ("甲殼類", ("crustaceans",)), ("shellfish", ("crustaceans", "molluscs")),
        ("lupine", ("lupin",)), ("nilviäiset", ("molluscs",)), ("芝麻", ("sesame",)),
        ("milk", ("milk",)), ("maito", ("milk",)), ("乳製品", ("milk",)),
        ("lactose", ()), ("laktoosi", ()), ("kiwi", ()), ("", ()),
    ],
)
def test_names_in_four_languages_and_common_spellings_map_to_codes(
    text: str, codes: tuple[str, ...]
) -> None:
    assert allergens.codes_for(text) == codes


def test_every_code_has_a_name_in_each_language_that_maps_back() -> None:
    assert len(allergens.CODES) == 14
    for language, names in allergens.NAMES.items():
        assert set(names) == set(allergens.CODES), language
        for code, name in names.items():
            assert allergens.codes_for(name) == (code,), (language, name)


def test_split_keeps_annex_order_and_free_text() -> None:
    codes, free = allergens.split_allergies(["sesame", "kiwi", "花生", "Kiwi ", "wheat"],
                                            ["milk"])
    assert codes == ["gluten", "peanuts", "milk", "sesame"]
    assert free == ["kiwi", "Kiwi"]


def test_names_are_shown_in_the_screens_language() -> None:
    try:
        set_language("fi")
        # the refreshed catalogue's translation wins over the built-in NAMES fallback
        assert allergens.name("peanuts") == "Maapähkinä"
        set_language("en")
        assert allergens.name("peanuts") == "Peanuts"
        set_language("zh-TW")
        assert allergens.name("peanuts") == "花生"
        assert allergens.name("milk") == "乳"
        set_language("zh_CN")
        assert allergens.name("milk") == "奶类"
        assert allergens.name("made-up") == "made-up"
    finally:
        set_language("en")
    assert allergens.names(["eggs", "fish"], "fi") == ["kananmuna", "kala"]


def test_the_form_stores_codes_and_refuses_unknown_ones(
    memory_db: Database, fixed_clock: object
) -> None:
    saved = create_customer(memory_db, CustomerInput(
        name="Allergic Anna", allergens=["sesame", "peanuts"], allergies=["maapähkinä", "kiwi"]))
    assert saved.allergens == ("peanuts", "sesame")
    assert saved.allergies == ("kiwi",)
    with pytest.raises(ValidationError) as error:
        create_customer(memory_db, CustomerInput(name="B", allergens=["plutonium"]))
    assert "allergies" in error.value.fields


def test_search_hits_carry_the_allergens(memory_db: Database, fixed_clock: object) -> None:
    create_customer(memory_db, CustomerInput(name="Allergic Anna", allergies=["花生", "kiwi"]))
    create_customer(memory_db, CustomerInput(name="Annika Fine"))
    hits = {h.name: h for h in search_customers(memory_db, "ann")}
    assert hits["Allergic Anna"].allergens == ("peanuts",)
    assert hits["Allergic Anna"].allergies == ("kiwi",)
    assert hits["Allergic Anna"].has_allergies
    assert not hits["Annika Fine"].has_allergies


def test_import_maps_names_to_codes_and_reports_the_rest(
    memory_db: Database, fixed_clock: object
) -> None:
    data = (
        "external_id,name,allergies\n"
        "A1,Aino,maapähkinä; gluteeni; laktoosi\n"
        "A2,Wei,花生|鸡蛋\n"
        "A3,Emily,Peanut; tree nuts; kiwi\n"
        "A4,Nobody,\n"
    ).encode()
    result = import_customers(memory_db, data)
    assert result.added == 4
    assert result.unrecognised_allergies == ((2, "laktoosi"), (4, "kiwi"))
    by_name = {}
    for (cid,) in memory_db.execute("SELECT id FROM customers"):
        customer = get_customer(memory_db, cid)
        by_name[customer.name] = (customer.allergens, customer.allergies)
    assert by_name == {
        "Aino": (("gluten", "peanuts"), ("laktoosi",)),
        "Wei": (("eggs", "peanuts"), ()),
        "Emily": (("peanuts", "nuts"), ("kiwi",)),
        "Nobody": ((), ()),
    }
    again = import_customers(memory_db, data)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)


def test_an_existing_database_is_migrated_to_codes() -> None:
    """A database from before the codes: free text mapped, the rest kept, search rebuilt."""
    db = Database(memory=True)
    migrations.apply(db, stop_before="m002_allergen_codes")
    db.execute("INSERT INTO settings VALUES ('locale', '\"en_GB\"')")
    rows = [
        (1, "Päivi Järvinen", "040 123 4567", ["gluteeni", "laktoosi"]),
        (2, "陳美玲", "", ["花生"]),
        (3, "Emily Carter", "07700 900123", ["Shellfish", "kiwi", "peanut"]),
        (4, "No Allergies", "", []),
    ]
    for cid, name, phone, typed in rows:
        db.execute(
            "INSERT INTO customers (id, customer_no, name, phone, phone_digits, allergies, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, '2026-01-01', '2026-01-01')",
            [cid, f"C{cid:06d}", name, phone, json.dumps(typed, ensure_ascii=False)],
        )
        db.execute("INSERT INTO customer_fts(rowid, doc) VALUES (?, ?)", [cid, name.lower()])
    migrations.apply(db)
    stored = {r[0]: (json.loads(r[1]), json.loads(r[2])) for r in db.execute(
        "SELECT id, allergens, allergies FROM customers")}
    assert stored == {
        1: (["gluten"], ["laktoosi"]),
        2: (["peanuts"], []),
        3: (["crustaceans", "peanuts", "molluscs"], ["kiwi"]),
        4: ([], []),
    }
    assert [h.id for h in search_customers(db, "carter emily")] == [3]
    assert [h.id for h in search_customers(db, "+44 7700 900123")] == [3]
    assert [h.id for h in search_customers(db, "陳")] == [2]
    assert search_customers(db, "pa")[0].allergens == ("gluten",)
