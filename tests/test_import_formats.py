"""Customer exports of other systems: Square, Shopify (current and older columns), our own
columns and any other CSV through a column mapping; end to end through the import job and
row by row through the mapper."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.customers.phones import normalise_phone
from db.customers.records import MAX_PREFERENCES, create_customer, get_customer
from db.errors import ImportFailed, ValidationError
from db.imports.formats import (
    FORMATS,
    MAPPED,
    ImportOptions,
    MappedCustomer,
    RefusedRow,
    customer_mapper,
    join_preferences,
    mapping_from_argument,
    merged_input,
    parse_amount,
    parse_mapping,
    parse_moment,
    recognise,
)
from db.imports.job import import_customers_file, preview_customers
from db.imports.source import open_rows
from db.models import Customer, CustomerInput

DATA = Path(__file__).parent / "data" / "import"
TODAY = date(2026, 11, 23)
FI = ImportOptions(region="FI", timezone="Europe/Helsinki")


def customer(db: Database, external_id: str) -> Customer:
    row = db.execute("SELECT id FROM customers WHERE external_id = ?", [external_id]).fetchone()
    assert row is not None, external_id
    return get_customer(db, row[0])


def mapped_rows(path: Path, options: ImportOptions = FI) -> list[MappedCustomer | RefusedRow]:
    source, rows = open_rows(path)
    mapper = customer_mapper(source.header, options)
    return [mapper.map_row(line, cells, TODAY) for line, cells in rows]


def only_mapped(path: Path, options: ImportOptions = FI) -> list[MappedCustomer]:
    out = mapped_rows(path, options)
    refused = [r for r in out if isinstance(r, RefusedRow)]
    assert not refused, refused
    return [r for r in out if isinstance(r, MappedCustomer)]


# ---------------------------------------------------------------- recognising a file


@pytest.mark.parametrize(("name", "expected"), [
    ("square_customers.csv", "square"),
    ("shopify_customers.csv", "shopify"),
    ("shopify_customers_legacy.csv", "shopify-legacy"),
    ("counterpart_customers.csv", "counterpart"),
    ("other_system.csv", None),
])
def test_each_export_is_recognised_from_its_header(name: str, expected: str | None) -> None:
    source, _rows = open_rows(DATA / name)
    assert recognise(source.header) == expected


def test_other_columns_of_a_known_export_are_listed_as_not_imported(
    memory_db: Database, fixed_clock: object
) -> None:
    preview = preview_customers(memory_db, DATA / "square_customers.csv", FI)
    assert preview.format_name == "square" and preview.format_label == FORMATS["square"]
    fields = {c.column: c.field for c in preview.columns}
    assert fields["Square Customer ID"] == "external_id"
    assert fields["Memo"] == "notes" and fields["Groups"] == "tags"
    for ignored in ("Reference ID", "Nickname", "Company Name", "Street Address 1", "City",
                    "Creation Source", "Instant Profile", "Blocked from online booking"):
        assert fields[ignored] is None
    assert len(preview.sample) == 10


def test_an_unknown_file_is_refused_with_a_way_forward() -> None:
    with pytest.raises(ImportFailed) as info:
        customer_mapper(("Kundnummer", "Förnamn"), FI)
    (line, reason), = info.value.problems
    assert line == 1 and "--map" in reason and "Kundnummer" in reason and "given_name" in reason


def test_a_named_format_missing_its_key_columns_lists_every_header_problem() -> None:
    with pytest.raises(ImportFailed) as info:
        customer_mapper(("Email Address", "Phone Number"), replace(FI, format="square"))
    reasons = " | ".join(r for _line, r in info.value.problems)
    assert len(info.value.problems) == 2
    assert "external_id" in reasons and "name" in reasons
    with pytest.raises(ImportFailed, match="unknown format"):
        customer_mapper(("a",), replace(FI, format="lightspeed"))


# ---------------------------------------------------------------- Square


def test_square_export_imports_end_to_end(memory_db: Database, fixed_clock: object) -> None:
    report = import_customers_file(memory_db, DATA / "square_customers.csv", FI)
    assert (report.rows, report.added, report.refused) == (20, 20, 0)
    paivi = customer(memory_db, "SQ0001ABCDEFGH")
    assert paivi.name == "Päivi Järvinen"
    assert paivi.phone == "+358 40 1234567"  # apostrophe gone, international
    assert (paivi.birth_month, paivi.birth_day, paivi.birth_year) == (2, 29, 1972)
    assert paivi.consent_contact is True
    assert paivi.tags == ("Regulars", "Lunch")
    assert paivi.preferences == "Kauramaito, ikkunapaikka"
    assert paivi.language == "en"  # the shop default; no language column
    wang = customer(memory_db, "SQ0002ABCDEFGH")
    assert wang.name == "王小明"  # family name first, no space
    assert wang.language == "zh-CN"  # never silently en
    assert (wang.birth_month, wang.birth_day, wang.birth_year) == (2, 3, None)
    assert wang.phone == "+86 139 1234 5678"
    assert customer(memory_db, "SQ0009ABCDEFGH").name == "佐藤結衣"
    assert customer(memory_db, "SQ0010ABCDEFGH").name == "김지민"
    obrien = customer(memory_db, "SQ0005ABCDEFGH")
    assert obrien.name == "Tom O'Brien"
    assert obrien.preferences == "<b>Bold</b> & loud"  # markup kept as text
    assert (obrien.birth_month, obrien.birth_day, obrien.birth_year) == (7, 4, None)
    assert customer(memory_db, "SQ0004ABCDEFGH").consent_contact is False
    assert customer(memory_db, "SQ0003ABCDEFGH").consent_contact is False  # Unknown
    assert customer(memory_db, "SQ0014ABCDEFGH").name == "Grace Lee 🎉"
    again = import_customers_file(memory_db, DATA / "square_customers.csv", FI)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 20)


def test_square_rows_carry_their_facts_and_the_guessed_languages() -> None:
    rows = only_mapped(DATA / "square_customers.csv")
    first = rows[0]
    assert first.facts.visits == 3
    assert first.facts.spend_minor == 1_231_500
    assert first.facts.first_visit_at == "2021-02-28T22:00:00+00:00"  # Helsinki midnight
    assert first.facts.last_visit_at == "2024-10-31T22:00:00+00:00"
    assert rows[1].facts.spend_minor == 201_450  # "$2,014.50"
    guessed = [r.data.name for r in rows if r.language_guessed]
    assert guessed == ["王小明", "陳美玲", "佐藤結衣", "김지민", "林建國"]
    assert {r.data.language for r in rows if r.language_guessed} == {"zh-CN"}
    assert all(r.notes_join for r in rows)
    assert "preferences" in rows[0].present and "birth_year" in rows[0].present


def test_a_taiwan_shop_guesses_traditional_chinese_and_an_explicit_language_wins() -> None:
    tw = only_mapped(DATA / "square_customers.csv", replace(FI, region="TW"))
    assert {r.data.language for r in tw if r.language_guessed} == {"zh-TW"}
    chosen = only_mapped(DATA / "square_customers.csv", replace(FI, language="fi"))
    assert not any(r.language_guessed for r in chosen)
    assert {r.data.language for r in chosen} == {"fi"}
    chinese_default = only_mapped(DATA / "square_customers.csv",
                                  replace(FI, default_language="zh-TW"))
    assert not any(r.language_guessed for r in chinese_default)


def test_every_problem_of_every_row_names_the_files_column(
    memory_db: Database, fixed_clock: object
) -> None:
    refused: list[RefusedRow] = []
    report = import_customers_file(memory_db, DATA / "square_customers_with_problems.csv", FI,
                                   refused_sink=refused.append)
    assert report.refused == 6 and len(refused) == 6
    assert int(memory_db.execute("SELECT count(*) FROM customers").fetchone()[0]) == 0
    problems = {r.line: r.problems for r in refused}
    assert [p.split(":")[0] for p in problems[2]] == ["Email Address"]
    assert [p.split(":")[0] for p in problems[3]] == ["Birthday"]
    assert problems[4][0].startswith("Square Customer ID: required")
    assert problems[5][0].startswith("First Name/Last Name:")
    assert problems[6][0].startswith("Email Subscription Status: 'Maybe'")
    assert problems[7][0].startswith("Lifetime Spend: 'lots'")
    assert refused[0].cells[3] == "paivi@@example"  # the row as it was


def test_all_problems_of_one_row_come_at_once() -> None:
    header = ("Square Customer ID", "First Name", "Last Name", "Email Address",
              "Phone Number", "Birthday", "Email Subscription Status", "Transaction Count",
              "Lifetime Spend", "First Visit", "Last Visit")
    mapper = customer_mapper(header, FI)
    row = mapper.map_row(7, ["", "", "", "bad@", "abc", "02-30", "maybe", "-1", "1.234",
                             "2024-05-06", "2024-01-01"], TODAY)
    assert isinstance(row, RefusedRow) and row.line == 7
    named = [p.split(":")[0] for p in row.problems]
    assert sorted(named) == sorted([
        "Square Customer ID", "First Name/Last Name", "Email Address", "Phone Number",
        "Birthday", "Email Subscription Status", "Transaction Count", "Lifetime Spend",
        "First Visit"])


# ---------------------------------------------------------------- Shopify


def test_shopify_export_imports_end_to_end(memory_db: Database, fixed_clock: object) -> None:
    report = import_customers_file(memory_db, DATA / "shopify_customers.csv", FI)
    assert (report.rows, report.added, report.refused) == (8, 8, 0)
    lina = customer(memory_db, "7210448301122")  # the spreadsheet apostrophe stripped
    assert lina.name == "Lina Lund" and lina.tags == ("stamkund", "vip")
    assert lina.phone == "+46 76 123 45 67" and lina.consent_contact  # Phone, not address
    assert customer(memory_db, "7210448301123").phone == "+358 8 76543210"  # address phone
    assert lina.preferences == "Allergic to nuts, ask"
    zhang = customer(memory_db, "7210448301124")
    assert zhang.name == "張偉" and zhang.language == "zh-CN"
    assert zhang.phone == "+86 139 1234 5678"
    assert customer(memory_db, "7210448301126").consent_contact  # SMS yes
    assert not customer(memory_db, "7210448301123").consent_contact
    assert customer(memory_db, "7210448301127").tags == ("a", "b", "c")
    assert customer(memory_db, "7210448301128").name == "Sakura 田中"  # a mixed name: Western
    rows = only_mapped(DATA / "shopify_customers.csv")
    assert rows[0].facts.spend_minor == 124_000 and rows[0].facts.visits == 7
    assert rows[0].facts.first_visit_at is None  # Shopify's export does not say
    assert "birth_month" not in rows[0].present  # no birthday column: an update keeps it


def test_older_shopify_export_uses_the_email_as_the_id(
    memory_db: Database, fixed_clock: object
) -> None:
    report = import_customers_file(memory_db, DATA / "shopify_customers_legacy.csv", FI)
    assert (report.added, report.refused) == (6, 0)
    lina = customer(memory_db, "lina.lund@example.se")  # case-folded
    assert lina.consent_contact and lina.tags == ("stamkund", "vip")
    mapper = customer_mapper(open_rows(DATA / "shopify_customers_legacy.csv")[0].header, FI)
    row = mapper.map_row(9, ["Ann", "Ek", "", "", "", "", "", "", "", "", "", "", "", "no",
                             "", "", "", "", ""], TODAY)
    assert isinstance(row, RefusedRow) and row.problems[0].startswith("Email: required")


# ---------------------------------------------------------------- our own format


def test_own_format_still_imports_with_its_rules(memory_db: Database,
                                                 fixed_clock: object) -> None:
    report = import_customers_file(memory_db, DATA / "counterpart_customers.csv", FI)
    assert (report.added, report.refused) == (4, 0)
    chen = customer(memory_db, "POS-2")
    assert chen.language == "zh-TW" and chen.tags == ("常客", "靠窗")
    assert chen.consent_contact  # "kyllä"
    # a language column: its value wins; an empty cell takes the shop default, except
    # that a Chinese name there gets Chinese, not en
    rows = only_mapped(DATA / "counterpart_customers.csv")
    assert [r.language_guessed for r in rows] == [False, False, False, True]
    assert rows[0].unrecognised_allergies == ("laktoosi",)  # gluteeni became the code
    assert rows[0].data.allergens == ["gluten"]
    assert report.unrecognised_allergies == [(2, "laktoosi")]
    assert customer(memory_db, "POS-4").language == "zh-CN"
    assert customer(memory_db, "POS-3").language == "en"


def test_unknown_columns_of_our_own_format_are_ignored_not_refused() -> None:
    mapper = customer_mapper(("external_id", "name", "favourite colour"), FI)
    assert [c.field for c in mapper.columns] == ["external_id", "name", None]


def test_a_partial_file_updates_only_what_it_says(memory_db: Database,
                                                  fixed_clock: object, tmp_path: Path) -> None:
    create_customer(memory_db, CustomerInput(
        name="Old Name", external_id="SQ1", birth_month=5, birth_day=6, birth_year=1980,
        consent_contact=True, preferences="Window seat", tags=["vip"], language="fi"))
    path = tmp_path / "partial.csv"
    path.write_text("Square Customer ID,First Name,Last Name,Phone Number\n"
                    "SQ1,New,Name,'040 555 6666\n", encoding="utf-8")
    report = import_customers_file(memory_db, path, FI)
    assert report.updated == 1
    kept = customer(memory_db, "SQ1")
    assert kept.name == "New Name" and kept.phone == "+358 40 5556666"
    assert (kept.birth_month, kept.birth_day, kept.birth_year) == (5, 6, 1980)
    assert kept.consent_contact and kept.preferences == "Window seat"
    assert kept.tags == ("vip",) and kept.language == "fi"


# ---------------------------------------------------------------- mappings


def test_a_mapping_file_maps_any_other_csv(memory_db: Database, fixed_clock: object) -> None:
    mapping = parse_mapping((DATA / "other_system.map").read_text(encoding="utf-8"))
    assert mapping["Butik"] == "" and mapping["Förnamn"] == "given_name"
    options = replace(FI, mapping=mapping, region="SE", timezone="Europe/Stockholm")
    report = import_customers_file(memory_db, DATA / "other_system.csv", options)
    assert (report.format_name, report.added, report.refused) == (MAPPED, 3, 0)
    lina = customer(memory_db, "K-100")
    assert lina.name == "Lina Lund" and lina.phone == "+46 70 123 45 67"
    assert (lina.birth_month, lina.birth_day, lina.birth_year) == (5, 17, 1990)
    assert lina.consent_contact and lina.preferences == "Gillar havremjölk"
    erik = customer(memory_db, "K-101")
    assert (erik.birth_month, erik.birth_day, erik.birth_year) == (2, 3, None)
    assert customer(memory_db, "K-102").name == "陳美玲"
    rows = only_mapped(DATA / "other_system.csv", options)
    assert rows[0].facts.spend_minor == 123_450 and rows[0].facts.visits == 12
    assert rows[0].facts.last_visit_at == "2024-10-01T10:30:00+00:00"
    preview = preview_customers(memory_db, DATA / "other_system.csv", options)
    assert {c.column: c.field for c in preview.columns}["Butik"] is None


def test_the_command_line_mapping_and_its_errors() -> None:
    assert parse_mapping("Customer Number=external_id, Full Name=name,Shop=") == {
        "Customer Number": "external_id", "Full Name": "name", "Shop": ""}
    with pytest.raises(ImportFailed) as info:
        parse_mapping("A=external_id,B=nickname,C,D=birth_date")
    reasons = [r for _line, r in info.value.problems]
    assert len(reasons) == 3
    assert "'nickname'" in reasons[0] and "given_name" in reasons[0]
    assert "'C'" in reasons[1] and "'birth_date'" in reasons[2]
    with pytest.raises(ImportFailed) as info:
        parse_mapping("# a file\nA=external_id\n\nB=nickname  # no such field\n")
    assert [line for line, _r in info.value.problems] == [4]


def test_a_mapping_names_every_header_problem_at_once() -> None:
    options = replace(FI, mapping={"Nimi": "name", "Puuttuu": "email", "Nimi2": "name"})
    with pytest.raises(ImportFailed) as info:
        customer_mapper(("Nimi", "Nimi2", "Muu"), options)
    reasons = " | ".join(r for _line, r in info.value.problems)
    assert "'Puuttuu'" in reasons  # not in the file
    assert "all mapped to 'name'" in reasons
    assert "external_id" in reasons
    assert len(info.value.problems) == 3


# ---------------------------------------------------------------- values


def test_too_long_cells_are_refused_naming_the_column() -> None:
    mapper = customer_mapper(("external_id", "name", "preferences"), FI)
    row = mapper.map_row(2, ["X1", "Ann", "x" * 10_001], TODAY)
    assert isinstance(row, RefusedRow)
    assert row.problems == ("preferences: at most 10000 characters",)
    long_prefs = mapper.map_row(3, ["X1", "Ann", "x" * (MAX_PREFERENCES + 1)], TODAY)
    assert isinstance(long_prefs, RefusedRow)
    assert long_prefs.problems[0].startswith("preferences: At most 2000")


def test_phone_numbers_are_normalised_or_kept_or_refused() -> None:
    assert normalise_phone("040 123 4567", "FI") == "+358 40 1234567"
    assert normalise_phone("0912 808 909", "TW") == "+886 912 808 909"
    assert normalise_phone("(212) 555-1234", "US") == "+1 212-555-1234"
    assert normalise_phone("00358401234567", "FI") == "+358 40 1234567"
    assert normalise_phone("+44 (0)20 7946 0958", "FI") == "+44 20 7946 0958"
    assert normalise_phone("12 34", "FI") == "12 34"  # not a possible number: as written
    mapper = customer_mapper(("external_id", "name", "phone"), FI)
    kept = mapper.map_row(2, ["X", "Ann", "123 456 789 012 34"], TODAY)
    assert isinstance(kept, MappedCustomer) and kept.data.phone == "123 456 789 012 34"
    refused = mapper.map_row(3, ["X", "Ann", "call me"], TODAY)
    assert isinstance(refused, RefusedRow) and refused.problems[0].startswith("phone:")


@pytest.mark.parametrize(("text", "minor"), [
    ("$1,234.50", 123_450), ("1 234,50 €", 123_450), ("12.5", 1250), ("0", 0),
    ("1.234.567,00", 123_456_700), ("1,234", 123_400), ("12,50", 1250)])
def test_amounts_become_minor_units_through_decimal(text: str, minor: int) -> None:
    assert parse_amount(text, 2) == minor


@pytest.mark.parametrize("text", ["-5", "1.234", "abc", "NaN", "1,2,3.4.5"])
def test_bad_amounts_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text, 2)


def test_moments_become_utc_in_iso_with_the_shop_zone() -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Asia/Taipei")
    assert parse_moment("2024-03-05", zone) == "2024-03-04T16:00:00+00:00"
    assert parse_moment("2024-03-05 14:05", zone) == "2024-03-05T06:05:00+00:00"
    assert parse_moment("2024-03-05T14:05:00Z", zone) == "2024-03-05T14:05:00+00:00"
    assert parse_moment("3/5/2024 2:05 PM", zone) == "2024-03-05T06:05:00+00:00"
    assert parse_moment("Mar 5, 2024", zone) == "2024-03-04T16:00:00+00:00"
    with pytest.raises(ValueError):
        parse_moment("yesterday", zone)


@pytest.mark.parametrize(("text", "expected"), [
    ("1990-02-03", (2, 3, 1990)), ("02-03", (2, 3, None)), ("--02-29", (2, 29, None)),
    ("0000-02-03", (2, 3, None)), ("02-03-1990", (2, 3, 1990)), ("2/3/1990", (2, 3, 1990)),
    ("Feb 29", (2, 29, None)), ("February 3, 1990", (2, 3, 1990)), ("", (None, None, None))])
def test_square_birthdays_with_or_without_a_year(
    text: str, expected: tuple[int | None, int | None, int | None]
) -> None:
    mapper = customer_mapper(("Square Customer ID", "First Name", "Birthday"), FI)
    row = mapper.map_row(2, ["S1", "Ann", text], TODAY)
    assert isinstance(row, MappedCustomer), row
    assert (row.data.birth_month, row.data.birth_day, row.data.birth_year) == expected


def test_notes_join_the_stored_preferences_sensibly() -> None:
    assert join_preferences("", "Oat milk") == "Oat milk"
    assert join_preferences("Window seat", "Oat milk") == "Window seat\nOat milk"
    assert join_preferences("Window seat\nOat milk", "Oat milk") == "Window seat\nOat milk"
    stored = CustomerInput(name="Ann", preferences="Window seat", external_id="X")
    mapper = customer_mapper(("Square Customer ID", "First Name", "Memo"), FI)
    row = mapper.map_row(2, ["X", "Ann", "Oat milk"], TODAY)
    assert isinstance(row, MappedCustomer)
    assert merged_input(stored, row).preferences == "Window seat\nOat milk"
    full = replace(stored, preferences="y" * (MAX_PREFERENCES - 3))
    with pytest.raises(ValidationError) as info:
        merged_input(full, row)
    assert "preferences" in info.value.fields
    own = customer_mapper(("external_id", "name", "preferences"), FI).map_row(
        2, ["X", "Ann", "Oat milk"], TODAY)
    assert isinstance(own, MappedCustomer) and not own.notes_join
    assert merged_input(stored, own).preferences == "Oat milk"  # our own column replaces


def test_mappers_and_results_cross_process_boundaries() -> None:
    source, rows = open_rows(DATA / "square_customers.csv")
    mapper = customer_mapper(source.header, FI)
    results = [mapper.map_row(line, cells, TODAY) for line, cells in rows]
    again = pickle.loads(pickle.dumps(results))
    assert again == results
    rebuilt = pickle.loads(pickle.dumps(mapper))
    _source, rows_again = open_rows(DATA / "square_customers.csv")
    assert [rebuilt.map_row(line, cells, TODAY) for line, cells in rows_again] == results
    worker = customer_mapper(source.header, FI)  # what a worker process builds
    assert worker.columns == mapper.columns
    bad = mapper.map_row(2, ["too", "few"], TODAY)
    assert pickle.loads(pickle.dumps(bad)) == bad


# ---------------------------------------------------------------- letters


def test_first_visit_year_is_the_earlier_of_purchases_and_the_imported_fact(
    memory_db: Database, fixed_clock: object
) -> None:
    from datetime import UTC, datetime

    from db.customers.purchases import add_product, record_purchase
    from reports.letter_service import first_visit_year

    made = create_customer(memory_db, CustomerInput(name="Olli Oja", external_id="SQ9"))
    assert first_visit_year(memory_db, made, "Europe/Helsinki") is None
    bagel = add_product(memory_db, "BAGEL", "salmon bagel", "food", 650).id
    record_purchase(memory_db, made.id, [(bagel, 1)],
                    purchased_at=datetime(2024, 3, 5, 9, tzinfo=UTC))
    assert first_visit_year(memory_db, made, "Europe/Helsinki") == 2024
    memory_db.execute("UPDATE customers SET first_visit_at = ? WHERE id = ?",
                      ["2018-12-31T22:30:00+00:00", made.id])  # an import's fact
    assert first_visit_year(memory_db, made, "Europe/Helsinki") == 2019  # local new year
    assert first_visit_year(memory_db, made, "UTC") == 2018
    memory_db.execute("UPDATE customers SET first_visit_at = ? WHERE id = ?",
                      ["2025-01-01T00:00:00+00:00", made.id])  # later than a purchase
    assert first_visit_year(memory_db, made, "UTC") == 2024


def test_cells_given_straight_to_the_mapper_are_cleaned_of_hostile_characters() -> None:
    mapper = customer_mapper(("external_id", "name", "preferences", "tags"), FI)
    row = mapper.map_row(2, ["X\x00", "Ann\u202e nna", "a\x07b", "x;\u2066y"], TODAY)
    assert isinstance(row, MappedCustomer)
    assert (row.data.external_id, row.data.name, row.data.preferences) == ("X", "Ann nna",
                                                                           "ab")
    assert row.data.tags == ["x", "y"]


def test_map_argument_is_a_file_or_the_pairs(tmp_path: Path) -> None:
    assert mapping_from_argument(str(DATA / "other_system.map"))["Mobil"] == "phone"
    one = tmp_path / "one.map"
    one.write_bytes(b"\xef\xbb\xbfKunde, Nummer #=external_id  # the id\n")
    assert mapping_from_argument(str(one)) == {"Kunde, Nummer #": "external_id"}
    assert mapping_from_argument("Id=external_id,Nimi=name") == {"Id": "external_id",
                                                                 "Nimi": "name"}
    with pytest.raises(ImportFailed, match="cannot be read"):
        mapping_from_argument(str(tmp_path / "missing.map"))
