"""CSV import: columns, BOM or not, idempotent, every kind of bad row, all or nothing."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from console.cli import main
from db.customers.purchases import add_product, record_purchase
from db.customers.records import create_customer, get_customer, get_profile
from db.errors import ImportFailed
from db.imports.importer import import_customers, import_purchases
from db.models import CustomerInput, FamilyDate

CUSTOMERS = (
    "external_id,name,phone,email,language,birthday,allergies,preferences,tags,consent,"
    "personality\n"
    "POS-1,Päivi Järvinen,040 123 4567,paivi@example.fi,fi,1972-02-29,gluteeni; laktoosi,"
    "Kauramaito,ikkunapaikka,yes,lively\n"
    "POS-2,陳美玲,0912 808 909,,zh-tw,11-25,花生,\"拿鐵, 燕麥奶\",常客|靠窗,kyllä,\n"
    "POS-3,Emily Carter,,,EN,--02-29,,,,no,analytical\n"
    'POS-4,"O\'Brien, Tom",,,,,,"Line one\nline two",,,\n'
)


def write(tmp_path: Path, text: str, *, bom: bool = False, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def by_external(db: Database, external_id: str) -> int:
    return int(db.execute("SELECT id FROM customers WHERE external_id = ?",
                          [external_id]).fetchone()[0])


def problems_of(db: Database, path: Path, kind: str = "customers") -> list[tuple[int, str]]:
    run = import_customers if kind == "customers" else import_purchases
    with pytest.raises(ImportFailed) as info:
        run(db, path)
    return info.value.problems


# ------------------------------------------------------------------ customers


@pytest.mark.parametrize("bom", [False, True])
def test_customers_import_reads_every_column(
    memory_db: Database, fixed_clock: object, tmp_path: Path, bom: bool
) -> None:
    result = import_customers(memory_db, write(tmp_path, CUSTOMERS, bom=bom))
    assert (result.rows, result.added, result.updated, result.unchanged) == (4, 4, 0, 0)
    paivi = get_customer(memory_db, by_external(memory_db, "POS-1"))
    assert (paivi.name, paivi.phone, paivi.email, paivi.language) == (
        "Päivi Järvinen", "+358 40 1234567", "paivi@example.fi", "fi")  # phones normalised
    assert (paivi.birth_month, paivi.birth_day, paivi.birth_year) == (2, 29, 1972)
    assert (paivi.allergens, paivi.allergies) == (("gluten",), ("laktoosi",))
    assert (paivi.preferences, paivi.tags, paivi.consent_contact, paivi.personality) == (
        "Kauramaito", ("ikkunapaikka",), True, "lively")
    mei = get_customer(memory_db, by_external(memory_db, "POS-2"))
    assert (mei.language, mei.birth_month, mei.birth_day, mei.birth_year) == (
        "zh-TW", 11, 25, None)
    assert (mei.preferences, mei.tags, mei.consent_contact) == (
        "拿鐵, 燕麥奶", ("常客", "靠窗"), True)
    emily = get_customer(memory_db, by_external(memory_db, "POS-3"))
    assert (emily.language, emily.birth_month, emily.birth_day, emily.consent_contact) == (
        "en", 2, 29, False)
    tom = get_customer(memory_db, by_external(memory_db, "POS-4"))
    assert (tom.name, tom.preferences) == ("O'Brien, Tom", "Line one\nline two")
    # imported customers are searchable straight away
    from db.customers.records import search_customers

    assert [h.name for h in search_customers(memory_db, "jarvinen")] == ["Päivi Järvinen"]
    assert [h.name for h in search_customers(memory_db, "美玲")] == ["陳美玲"]


def test_importing_the_same_file_twice_adds_nothing(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    path = write(tmp_path, CUSTOMERS)
    import_customers(memory_db, path)
    before = memory_db.execute("SELECT * FROM customers ORDER BY id").fetchall()
    again = import_customers(memory_db, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert memory_db.execute("SELECT * FROM customers ORDER BY id").fetchall() == before
    assert count(memory_db, "customer_fts") == 4


def test_a_changed_row_updates_and_missing_columns_keep_their_values(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    existing = create_customer(memory_db, CustomerInput(
        name="Aino Virtanen", phone="040 1111111", preferences="Window seat",
        family_dates=[FamilyDate("Hääpäivä", 6, 1)], external_id="POS-9"))
    result = import_customers(memory_db, write(
        tmp_path, "external_id,name,phone\nPOS-9,Aino Mäkelä,040 2222222\n"))
    assert (result.added, result.updated) == (0, 1)
    after = get_customer(memory_db, existing.id)
    assert (after.name, after.phone) == ("Aino Mäkelä", "+358 40 2222222")
    assert after.preferences == "Window seat"
    assert after.family_dates == (FamilyDate("Hääpäivä", 6, 1),)
    from db.customers.records import search_customers

    assert [h.name for h in search_customers(memory_db, "makela")] == ["Aino Mäkelä"]
    assert search_customers(memory_db, "virtanen") == []


def test_crlf_line_endings_and_blank_lines(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    text = "external_id,name\r\nA1,Anna\r\n\r\nA2,Bea\r\n"
    assert import_customers(memory_db, write(tmp_path, text)).added == 2


def test_a_header_only_file_imports_nothing_without_error(
    memory_db: Database, tmp_path: Path
) -> None:
    result = import_customers(memory_db, write(tmp_path, "external_id,name\n"))
    assert (result.rows, result.added) == (0, 0)


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("X1,,,,,,,", "name"),
        (",Anna,,,,,,", "external_id"),
        ("X1,Anna,abc,,,,,", "phone"),
        ("X1,Anna,123,,,,,", "phone"),
        ("X1,Anna,,not-an-email,,,,", "email"),
        ("X1,Anna,,,sv,,,", "language"),
        ("X1,Anna,,,,23.11.1980,,", "birthday"),
        ("X1,Anna,,,,2023-02-29,,", "2023 has no 29 February"),
        ("X1,Anna,,,,2030-01-01,,", "future"),
        ("X1,Anna,,,,04-31,,", "no such day"),
        ("X1,Anna,,,,,maybe,", "consent"),
        ("X1,Anna,,,,,,grumpy", "personality"),
        ("X1,Anna,,,,,", "7 fields where the header has 8"),
        ("X1," + "A" * 10_001 + ",,,,,,", "at most 10000"),
        ("X1," + "A" * 201 + ",,,,,,", "name: At most 200"),
    ],
)
def test_each_kind_of_bad_customer_row_is_named_with_its_line(
    memory_db: Database, fixed_clock: object, tmp_path: Path, row: str, says: str
) -> None:
    header = "external_id,name,phone,email,language,birthday,consent,personality\n"
    good = "G1,Good One,,,,,,\n"
    problems = problems_of(memory_db, write(tmp_path, header + good + row + "\n"))
    assert [line for line, _reason in problems] == [3] * len(problems)
    assert any(says in reason for _line, reason in problems), problems
    assert count(memory_db, "customers") == 0  # the good row was not imported either


def test_a_duplicate_external_id_in_the_file(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    problems = problems_of(memory_db, write(
        tmp_path, "external_id,name\nA1,Anna\nA2,Bea\nA1,Anna again\n"))
    assert problems == [(4, "external_id: A1 is also on line 2")]


def test_line_numbers_count_physical_lines(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    text = 'external_id,name,preferences\nA1,Anna,"two\nlines"\nA2,,x\n'
    assert [line for line, _ in problems_of(memory_db, write(tmp_path, text))] == [4]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("name,phone\nAnna,\n", "no column gives the external_id"),
        ("external_id,name,name\n", "the columns 'name', 'name' are all mapped to 'name'"),
    ],
)
def test_header_problems(memory_db: Database, tmp_path: Path, text: str, says: str) -> None:
    """(A column the import does not know is listed as not imported, not refused:
    exports of other systems carry many.)"""
    problems = problems_of(memory_db, write(tmp_path, text))
    assert problems[0][0] == 1 and says in problems[0][1], problems


def test_a_file_that_is_not_utf8_names_the_line(
    memory_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("external_id,name\nA1,Anna\nA2,Päivi\n".encode("latin-1"))
    [(line, reason)] = problems_of(memory_db, path)
    assert line == 3 and "UTF-8" in reason
    assert count(memory_db, "customers") == 0


def test_progress_is_reported_for_both_stages(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    rows = "".join(f"E{n},Customer {n}\n" for n in range(2500))
    calls: list[tuple[str, int, int]] = []
    import_customers(memory_db, write(tmp_path, "external_id,name\n" + rows),
                     progress=lambda *a: calls.append(a))
    assert [c for c in calls if c[0] == "checking"][-1] == ("checking", 2500, 2500)
    writing = [c for c in calls if c[0] == "writing"]
    assert len(writing) > 1 and writing[-1] == ("writing", 2500, 2500)
    assert count(memory_db, "customers") == 2500


# ------------------------------------------------------------------ purchases


@pytest.fixture
def shop(memory_db: Database, fixed_clock: object) -> dict[str, int]:
    add_product(memory_db, "COF-LAT", "Caffè latte", "Coffee", 450)
    add_product(memory_db, "BAK-KOR", "Korvapuusti", "Bakery", 390)
    ids = {}
    for ext, name in (("POS-1", "Päivi Järvinen"), ("POS-2", "陳美玲")):
        ids[ext] = create_customer(memory_db, CustomerInput(name=name, external_id=ext)).id
    return ids


PURCHASES = (
    "receipt_id,purchased_at,customer_external_id,customer_no,sku,item_name,quantity,"
    "unit_price\n"
    "R1,2026-11-20 10:00,POS-1,,COF-LAT,,2,\n"
    "R1,2026-11-20 10:00,POS-1,,BAK-KOR,,1,\"3,50\"\n"
    "R2,2026-11-21T09:15:00+00:00,,C000002,,Birthday cake 生日蛋糕,1,25.00\n"
    "R3,2026-10-01 08:00,,,COF-LAT,,1,\n"
)


@pytest.mark.parametrize("bom", [False, True])
def test_purchases_import_groups_receipts_and_updates_facts(
    memory_db: Database, shop: dict[str, int], tmp_path: Path, bom: bool
) -> None:
    result = import_purchases(memory_db, write(tmp_path, PURCHASES, bom=bom))
    assert (result.rows, result.added, result.unchanged) == (4, 3, 0)
    paivi = get_profile(memory_db, shop["POS-1"]).customer
    assert (paivi.visits, paivi.total_spend_minor, paivi.tier) == (1, 2 * 450 + 350, "bronze")
    # a time without a zone is the shop's (Europe/Helsinki, UTC+2 in November)
    assert paivi.last_visit_at == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    mei = get_profile(memory_db, shop["POS-2"])
    assert (mei.customer.visits, mei.customer.total_spend_minor) == (1, 2500)
    assert [(f.name, f.quantity) for f in mei.favourites] == [("Birthday cake 生日蛋糕", 1)]
    walk_in = memory_db.execute(
        "SELECT customer_id, total_minor FROM purchases WHERE receipt_id = 'R3'").fetchone()
    assert walk_in == (None, 450)
    lines = memory_db.execute(
        "SELECT name, product_id IS NOT NULL, quantity, unit_price_minor FROM purchase_items "
        "ORDER BY id").fetchall()
    assert lines == [("Caffè latte", 1, 2, 450), ("Korvapuusti", 1, 1, 350),
                     ("Birthday cake 生日蛋糕", 0, 1, 2500), ("Caffè latte", 1, 1, 450)]


def test_purchases_import_twice_adds_nothing(
    memory_db: Database, shop: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path, PURCHASES)
    import_purchases(memory_db, path)
    facts = memory_db.execute(
        "SELECT visits, total_spend_minor, last_visit_at, tier FROM customers").fetchall()
    again = import_purchases(memory_db, path)
    assert (again.added, again.unchanged) == (0, 3)
    assert count(memory_db, "purchases") == 3 and count(memory_db, "purchase_items") == 4
    assert memory_db.execute(
        "SELECT visits, total_spend_minor, last_visit_at, tier FROM customers"
    ).fetchall() == facts


def test_a_receipt_recorded_at_the_counter_is_not_imported_again(
    memory_db: Database, shop: dict[str, int], tmp_path: Path
) -> None:
    record_purchase(memory_db, shop["POS-1"], [(1, 1)], receipt_id="R1")
    result = import_purchases(memory_db, write(tmp_path, PURCHASES))
    assert (result.added, result.unchanged) == (2, 1)
    assert get_customer(memory_db, shop["POS-1"]).visits == 1


@pytest.mark.parametrize(
    ("row", "says"),
    [
        (",2026-11-20 10:00,,COF-LAT,,1,", "receipt_id"),
        ("R9,yesterday,,COF-LAT,,1,", "purchased_at"),
        ("R9,2027-01-01 10:00,,COF-LAT,,1,", "future"),
        ("R9,2026-11-20 10:00,NOBODY,COF-LAT,,1,", "import the customers first"),
        ("R9,2026-11-20 10:00,,NOPE,,1,", "no product 'NOPE'"),
        ("R9,2026-11-20 10:00,,COF-LAT,,two,", "quantity"),
        ("R9,2026-11-20 10:00,,COF-LAT,,0,", "quantity: 1 to 999"),
        ("R9,2026-11-20 10:00,,COF-LAT,,1,abc", "unit_price"),
        ("R9,2026-11-20 10:00,,COF-LAT,,1,-1.00", "negative"),
        ("R9,2026-11-20 10:00,,COF-LAT,,1,4.555", "unit_price"),
        ("R9,2026-11-20 10:00,,,Cake,1,", "required for an item outside"),
        ("R9,2026-11-20 10:00,,,,1,2.00", "give a sku"),
        ("R1,2026-11-20 11:00,POS-1,COF-LAT,,1,", "purchased_at differs from line 2"),
        ("R1,2026-11-20 10:00,POS-2,COF-LAT,,1,", "customer differs from line 2"),
    ],
)
def test_each_kind_of_bad_purchase_row(
    memory_db: Database, shop: dict[str, int], tmp_path: Path, row: str, says: str
) -> None:
    header = "receipt_id,purchased_at,customer_external_id,sku,item_name,quantity,unit_price\n"
    good = "R1,2026-11-20 10:00,POS-1,COF-LAT,,1,\n"
    problems = problems_of(memory_db, write(tmp_path, header + good + row + "\n"), "purchases")
    assert len(problems) == 1 and problems[0][0] == 3, problems
    assert says in problems[0][1], problems
    assert count(memory_db, "purchases") == 0
    assert get_customer(memory_db, shop["POS-1"]).visits == 0


def test_purchase_header_needs_receipt_and_time(
    memory_db: Database, tmp_path: Path
) -> None:
    problems = problems_of(memory_db, write(tmp_path, "sku,quantity\nCOF-LAT,1\n"), "purchases")
    assert [reason for _l, reason in problems] == [
        "the column 'receipt_id' is missing", "the column 'purchased_at' is missing"]


# ------------------------------------------------------------------ the command


def test_import_command(
    tmp_path: Path, fixed_clock: object, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "shop.sqlite"
    path = write(tmp_path, CUSTOMERS)
    assert main(["import", "customers", str(path), "--db", str(db_file)]) == 0
    out, err = capsys.readouterr()
    assert "4 customers added" in out and "checking 4/4" in err
    assert main(["--db", str(db_file), "import", "customers", str(path)]) == 0
    assert "0 customers added, 0 updated, 4 unchanged" in capsys.readouterr().out
    bad = write(tmp_path, "external_id,name\nZ1,\n", name="bad.csv")
    assert main(["import", "customers", str(bad), "--db", str(db_file)]) == 1  # refused rows
    err = capsys.readouterr().err
    assert "nothing was imported" in err and "line 2: name: A name is required." in err
    assert main(["import", "purchases", str(tmp_path / "missing.csv"),
                 "--db", str(db_file)]) == 2
    assert "is not a file" in capsys.readouterr().err


def test_the_message_counts_rows_not_problems(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    path = write(tmp_path, "external_id,name,email\nA1,,bad\nA2,Bea,\nA3,,\n")
    with pytest.raises(ImportFailed) as info:
        import_customers(memory_db, path)
    assert len(info.value.problems) == 3
    assert str(info.value).startswith("2 bad rows; nothing was imported.")
