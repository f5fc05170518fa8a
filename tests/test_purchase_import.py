"""Purchases from Square's item-sales and Shopify's orders exports, end to end."""

from __future__ import annotations

import codecs
import shutil
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.customers.purchases import add_product, record_purchase
from db.customers.records import create_customer, get_customer
from db.errors import ImportFailed
from db.imports.formats import ImportOptions, RefusedRow
from db.imports.job import ImportProgress
from db.imports.purchase_formats import (
    RAILS_ZONES,
    PurchaseLine,
    parse_amount,
    parse_moment,
    purchase_mapper,
    zone_named,
)
from db.imports.purchases import (
    PurchaseImportReport,
    import_purchases_file,
    preview_purchases,
    shop_options,
)
from db.models import CustomerInput

DATA = Path(__file__).parent / "data" / "import"
SQUARE = DATA / "square_item_sales.csv"
SHOPIFY = DATA / "shopify_orders.csv"
SQUARE_BAD = DATA / "square_item_sales_bad.csv"

pytestmark = pytest.mark.both_engines


@pytest.fixture
def shop(memory_db: Database, fixed_clock: object) -> dict[str, int]:
    """A catalogue and the customers the exports name, imported before their purchases."""
    add_product(memory_db, "COF-LAT", "Caffè latte", "Coffee", 450)
    add_product(memory_db, "BAK-KOR", "Korvapuusti", "Bakery", 390)
    people = {
        "paivi": CustomerInput(name="Päivi Järvinen", phone="040 123 4567",
                               external_id="SQCUST-PAIVI"),
        "mei": CustomerInput(name="陳美玲", external_id="SQCUST-MEI", language="zh-TW"),
        "emily": CustomerInput(name="Emily Carter", email="emily@example.com",
                               external_id="SHOP-1"),
    }
    return {key: create_customer(memory_db, data).id for key, data in people.items()}


def run(db: Database, path: Path, **kwargs: object) -> PurchaseImportReport:
    return import_purchases_file(db, path, shop_options(db), **kwargs)  # type: ignore[arg-type]


def rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in db.execute(sql).fetchall()]


def count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def facts(db: Database) -> list[tuple[object, ...]]:
    return rows(db, "SELECT id, visits, total_spend_minor, last_visit_at, tier FROM customers "
                    "ORDER BY id")


# ------------------------------------------------------------------ Square


def test_square_item_sales_import_as_purchases_with_their_items(
    memory_db: Database, shop: dict[str, int]
) -> None:
    report = run(memory_db, SQUARE)
    assert (report.kind, report.format_name) == ("purchases", "square")
    assert (report.rows, report.added, report.unchanged, report.refused) == (7, 3, 0, 0)
    # the refund row is skipped with a notice, not refused and not subtracted
    assert report.skipped == 1
    assert report.notices == [(6, "珍珠奶茶 🧋 on receipt TX-B2: a refund; refunds are not "
                                  "imported and the sale stays as it was")]
    # Date + Time + Time Zone (Rails' "Paris", UTC+1 in November) -> UTC
    assert rows(memory_db, "SELECT receipt_id, customer_id, purchased_at, total_minor "
                           "FROM purchases ORDER BY id") == [
        ("TX-A1", shop["paivi"], "2026-11-20T09:02:11+00:00", 2 * 450 + 390),
        ("TX-B2", shop["mei"], "2026-11-21T14:30:00+00:00", 520 + 3 * 250),
        ("TX-C3", None, "2026-11-22T07:15:00+00:00", 450 + 123450),
    ]
    # SKU in the catalogue -> the product (the apostrophe before 'BAK-KOR stripped);
    # unknown SKU -> kept by name; unit price = Gross Sales / Qty; price point in the name
    assert rows(memory_db, "SELECT p.receipt_id, i.customer_id, i.product_id IS NOT NULL, "
                           "i.name, i.quantity, i.unit_price_minor FROM purchase_items i "
                           "JOIN purchases p ON p.id = i.purchase_id ORDER BY i.id") == [
        ("TX-A1", shop["paivi"], 1, "Caffè latte", 2, 450),
        ("TX-A1", shop["paivi"], 1, "Korvapuusti", 1, 390),
        ("TX-B2", shop["mei"], 0, "珍珠奶茶 🧋 (Large)", 1, 520),
        ("TX-B2", shop["mei"], 0, "O'Brien's scone", 3, 250),
        ("TX-C3", None, 1, "Caffè latte", 1, 450),
        ("TX-C3", None, 0, "Catering platter 🥐", 1, 123450),
    ]
    paivi = get_customer(memory_db, shop["paivi"])
    assert (paivi.visits, paivi.total_spend_minor) == (1, 1290)
    assert paivi.last_visit_at == datetime(2026, 11, 20, 9, 2, 11, tzinfo=UTC)
    mei = get_customer(memory_db, shop["mei"])
    assert (mei.visits, mei.total_spend_minor) == (1, 1270)
    assert get_customer(memory_db, shop["emily"]).visits == 0


def test_imported_purchases_belong_to_the_shop_and_till_that_imported_them(
    memory_db: Database, shop: dict[str, int]
) -> None:
    """An import run at the second shop's back-office till files its orders there, as a
    purchase recorded at that till would be: the shop's report and lists count them."""
    from db.shops import set_shop
    from db.tills import set_till

    memory_db.execute("INSERT INTO shops(id, name, created_at) VALUES "
                      "(2, 'Kamppi', '2026-11-01T00:00:00+00:00')")
    set_shop(memory_db, 2)
    set_till(memory_db, "Back office")
    run(memory_db, SQUARE)
    assert set(rows(memory_db, "SELECT shop_id, till FROM purchases")) == {(2, "Back office")}


def test_square_reimport_adds_nothing_and_counts_no_visit_twice(
    memory_db: Database, shop: dict[str, int]
) -> None:
    run(memory_db, SQUARE)
    before = (facts(memory_db), count(memory_db, "purchases"), count(memory_db, "purchase_items"))
    again = run(memory_db, SQUARE)
    assert (again.added, again.unchanged, again.refused) == (0, 3, 0)
    assert (facts(memory_db), count(memory_db, "purchases"),
            count(memory_db, "purchase_items")) == before


def test_a_bad_row_lists_every_problem_at_once_and_nothing_is_imported(
    memory_db: Database, shop: dict[str, int]
) -> None:
    sunk: list[RefusedRow] = []
    report = run(memory_db, SQUARE_BAD, refused_sink=sunk.append)
    assert report.refused == 2 and report.problems == sunk
    assert (report.added, report.unchanged) == (0, 0)
    bad, conflict = sunk
    assert bad.line == 3 and bad.cells[0] == "23.11.2026"
    assert bad.problems == (
        "Date: use a date such as 2026-11-23, not '23.11.2026'",
        "Time Zone: unknown time zone 'Mars/Olympus'",
        "Qty: a number such as 2, not 'two'",
        "Gross Sales: an amount such as 4.50, not 'abc'",
        "no customer with Customer ID 'SQCUST-NOBODY'; import the customers first",
    )
    # a transaction whose rows disagree: refused, naming both lines
    assert conflict.line == 4
    assert conflict.problems == ("receipt TX-OK: Date, Time differs from line 2",
                                 "receipt TX-OK: customer differs from line 2")
    assert count(memory_db, "purchases") == count(memory_db, "purchase_items") == 0
    assert get_customer(memory_db, shop["paivi"]).visits == 0


def test_an_order_naming_a_customer_not_imported_yet_is_refused(
    memory_db: Database, fixed_clock: object
) -> None:
    add_product(memory_db, "COF-LAT", "Caffè latte", "Coffee", 450)
    report = run(memory_db, SQUARE)
    reasons = {reason for row in report.problems for reason in row.problems}
    assert reasons == {
        "no customer with Customer ID 'SQCUST-PAIVI'; import the customers first",
        "no customer with Customer ID 'SQCUST-MEI'; import the customers first",
    }
    assert [row.line for row in report.problems] == [2, 3, 4, 5]
    assert count(memory_db, "purchases") == 0


# ------------------------------------------------------------------ Shopify


def test_shopify_orders_import_with_their_line_items(
    memory_db: Database, shop: dict[str, int]
) -> None:
    report = run(memory_db, SHOPIFY)
    assert report.format_name == "shopify"
    assert (report.rows, report.added, report.unchanged, report.refused) == (6, 3, 0, 0)
    assert report.skipped == 1
    assert report.notices == [(5, "order #1003: the order is refunded; such orders are not "
                                  "imported")]
    # Name is the receipt id; "2026-11-05 14:22:10 +0200" kept as the moment it names;
    # the buyer found by e-mail (any case) or, without one, by phone; no buyer: a walk-in
    assert rows(memory_db, "SELECT receipt_id, customer_id, purchased_at, total_minor "
                           "FROM purchases ORDER BY id") == [
        ("#1001", shop["emily"], "2026-11-05T12:22:10+00:00", 2 * 2450 + 890),
        ("#1002", shop["paivi"], "2026-11-06T07:00:00+00:00", 450),
        ("#1004", None, "2026-11-07T16:45:00+00:00", 520 + 200),
    ]
    # an order's later rows (Created at empty) join it
    assert rows(memory_db, "SELECT p.receipt_id, i.product_id IS NOT NULL, i.name, "
                           "i.quantity, i.unit_price_minor FROM purchase_items i "
                           "JOIN purchases p ON p.id = i.purchase_id ORDER BY i.id") == [
        ("#1001", 0, "Gift box 禮盒 🎁", 2, 2450),
        ("#1001", 0, "Earl Grey 'Lady' blend", 1, 890),
        ("#1002", 1, "Caffè latte", 1, 450),
        ("#1004", 0, "珍珠奶茶 🧋", 1, 520),
        ("#1004", 0, "Macaron ✨", 1, 200),
    ]
    emily = get_customer(memory_db, shop["emily"])
    assert (emily.visits, emily.total_spend_minor) == (1, 5790)
    assert emily.last_visit_at == datetime(2026, 11, 5, 12, 22, 10, tzinfo=UTC)


def test_shopify_reimport_adds_nothing(memory_db: Database, shop: dict[str, int]) -> None:
    run(memory_db, SHOPIFY)
    before = facts(memory_db)
    again = run(memory_db, SHOPIFY)
    assert (again.added, again.unchanged, again.skipped) == (0, 3, 1)
    assert facts(memory_db) == before and count(memory_db, "purchase_items") == 5


def test_both_exports_and_a_receipt_recorded_at_the_counter(
    memory_db: Database, shop: dict[str, int]
) -> None:
    record_purchase(memory_db, shop["paivi"], [(1, 1)], receipt_id="TX-A1")
    report = run(memory_db, SQUARE)
    assert (report.added, report.unchanged) == (2, 1)
    run(memory_db, SHOPIFY)
    paivi = get_customer(memory_db, shop["paivi"])
    assert (paivi.visits, paivi.total_spend_minor) == (2, 450 + 450)  # counter + #1002


# ------------------------------------------------------------------ the job


def test_dry_run_writes_nothing_and_returns_counts_and_a_sample(
    memory_db: Database, shop: dict[str, int]
) -> None:
    report = run(memory_db, SQUARE, dry_run=True)
    assert report.dry_run and (report.added, report.unchanged, report.skipped) == (3, 0, 1)
    assert count(memory_db, "purchases") == 0 and get_customer(
        memory_db, shop["paivi"]).visits == 0
    first = report.receipts[0]
    assert (first.receipt_id, first.purchased_at, first.customer) == (
        "TX-A1", "2026-11-20T09:02:11+00:00", "Päivi Järvinen (C000001)")
    assert first.items == (("Caffè latte", 2, 450), ("Korvapuusti", 1, 390))
    assert [r.receipt_id for r in report.receipts] == ["TX-A1", "TX-B2", "TX-C3"]
    assert report.receipts[2].customer == ""  # a walk-in


def test_cancelling_while_writing_leaves_nothing(
    memory_db: Database, shop: dict[str, int]
) -> None:
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 7 + 4  # the whole check, then four rows into the merge

    report = run(memory_db, SQUARE, cancelled=cancelled)
    assert report.cancelled and report.added == 0
    assert count(memory_db, "purchases") == count(memory_db, "purchase_items") == 0
    assert facts(memory_db)[0][1] == 0
    assert run(memory_db, SQUARE).added == 3  # and a later import works


def test_cancelling_while_checking_returns_at_once(
    memory_db: Database, shop: dict[str, int]
) -> None:
    report = run(memory_db, SQUARE, cancelled=lambda: True)
    assert report.cancelled and report.rows == 0 and count(memory_db, "purchases") == 0


def test_progress_for_checking_and_merging(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    text = "receipt_id,purchased_at,item_name,unit_price\n" + "".join(
        f"R{n // 2},2026-11-20 10:00,Item {n},1.00\n" for n in range(2500))
    path = tmp_path / "many.csv"
    path.write_text(text, encoding="utf-8")
    seen: list[ImportProgress] = []
    report = run(memory_db, path, progress=seen.append)
    assert report.added == 1250 and count(memory_db, "purchase_items") == 2500
    assert ImportProgress("checking", 1000, None) in seen
    assert ImportProgress("checking", 2500, None) in seen
    assert ImportProgress("merging", 2000, 2500) in seen
    assert seen[-1] == ImportProgress("merging", 2500, 2500)


def test_a_file_changed_between_checking_and_writing_imports_nothing(
    memory_db: Database, shop: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "square.csv"
    shutil.copy(SQUARE, path)

    def edit(step: ImportProgress) -> None:
        if step.stage == "checking":
            with path.open("a", encoding="utf-8") as file:
                file.write("\n")

    with pytest.raises(ImportFailed, match="changed while it was being imported"):
        run(memory_db, path, progress=edit)
    assert count(memory_db, "purchases") == 0


def test_rows_of_one_receipt_need_not_be_next_to_each_other(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("receipt_id,purchased_at,item_name,quantity,unit_price\n"
                    "A,2026-11-20 10:00,Tea,1,3.00\n"
                    "B,2026-11-20 11:00,Cake,1,4.00\n"
                    "A,2026-11-20 10:00,Scone,2,2.50\n", encoding="utf-8")
    report = run(memory_db, path)
    assert report.added == 2
    assert rows(memory_db, "SELECT receipt_id, total_minor FROM purchases ORDER BY id") == [
        ("A", 300 + 500), ("B", 400)]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_utf16_and_semicolon_exports_read_the_same(
    memory_db: Database, shop: dict[str, int], tmp_path: Path, encoding: str
) -> None:
    text = SQUARE.read_text(encoding="utf-8")
    # Excel's "Unicode text" and European spreadsheets: another encoding, ';' between cells
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(
        csv.reader(io.StringIO(text, newline="")))
    path = tmp_path / "square.csv"
    path.write_bytes(out.getvalue().encode(encoding))
    if encoding == "utf-16-le":
        assert not path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    report = run(memory_db, path)
    assert (report.format_name, report.added, report.refused) == ("square", 3, 0)


def test_a_mapping_reads_any_other_system(
    memory_db: Database, shop: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "other.csv"
    path.write_text("Bon,Zeit,Kunde,Artikel,Menge,Summe,Kasse\n"
                    "K-1,2026-11-21 12:00,emily@example.com,Apfelstrudel,2,\"9,00 €\",1\n",
                    encoding="utf-8")
    mapping = {"Bon": "receipt_id", "Zeit": "purchased_at", "Kunde": "customer_email",
               "Artikel": "item_name", "Menge": "quantity", "Summe": "line_total"}
    options = shop_options(memory_db, mapping=mapping)
    preview = preview_purchases(memory_db, path, options)
    assert preview.format_name == "mapped"
    assert [(c.column, c.field) for c in preview.columns][-1] == ("Kasse", None)
    report = import_purchases_file(memory_db, path, options)
    assert (report.added, report.refused) == (1, 0)
    assert rows(memory_db, "SELECT customer_id, total_minor FROM purchases") == [
        (shop["emily"], 900)]
    assert rows(memory_db, "SELECT name, quantity, unit_price_minor FROM purchase_items") == [
        ("Apfelstrudel", 2, 450)]


def test_mapping_problems_are_listed_together(memory_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("Bon,Artikel\nK-1,Tea\n", encoding="utf-8")
    options = ImportOptions(mapping={"Bon": "receipt_id", "Preis": "unit_price",
                                     "Artikel": "colour"})
    with pytest.raises(ImportFailed) as info:
        import_purchases_file(memory_db, path, options)
    assert [reason for _line, reason in info.value.problems] == [
        "the file has no column 'Preis'",
        "Artikel: no field 'colour'; the fields are: " + ", ".join((
            "receipt_id", "purchased_at", "purchase_date", "purchase_time", "time_zone",
            "customer_external_id", "customer_no", "customer_email", "customer_phone", "sku",
            "item_name", "quantity", "unit_price", "line_total")),
        "the column 'purchased_at' is missing",
    ]


def test_a_named_format_lists_the_columns_it_misses(memory_db: Database) -> None:
    with pytest.raises(ImportFailed) as info:
        import_purchases_file(memory_db, SQUARE, ImportOptions(format="shopify"))
    assert [reason for _line, reason in info.value.problems] == [
        "the column 'Name' is missing", "the column 'Created at' is missing",
        "the column 'Lineitem quantity' is missing", "the column 'Lineitem name' is missing",
        "the column 'Lineitem price' is missing"]


def test_an_unknown_export_says_what_to_do(memory_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Order,When,What\n1,2026-11-20,Tea\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        import_purchases_file(memory_db, path, ImportOptions())
    assert "--map" in info.value.problems[-1][1]


def test_preview_shows_the_format_and_checked_rows(
    memory_db: Database, shop: dict[str, int]
) -> None:
    preview = preview_purchases(memory_db, SQUARE_BAD, shop_options(memory_db))
    assert (preview.format_name, preview.format_label) == ("square", "Square item sales")
    assert ("Gross Sales", "line_total") in [(c.column, c.field) for c in preview.columns]
    assert ("Discounts", None) in [(c.column, c.field) for c in preview.columns]
    good, bad, conflict = preview.sample
    assert isinstance(good, PurchaseLine) and good.unit_price_minor == 450
    assert isinstance(bad, RefusedRow) and len(bad.problems) == 5
    assert isinstance(conflict, RefusedRow)
    assert count(memory_db, "purchases") == 0


# ------------------------------------------------------------------ values


@pytest.mark.parametrize(
    ("text", "value"),
    [("4.50", "4.50"), ("4,50", "4.50"), ("€4.50", "4.50"), ("4,50 €", "4.50"),
     ("$1,234.50", "1234.50"), ("1.234,50 €", "1234.50"), ("1 234,50", "1234.50"),
     ("-$3.00", "-3.00"), ("(3.00)", "-3.00"), ("EUR 12", "12"), ("'4.50", "4.50"),
     ("HK$12.00", "12.00")],
)
def test_amounts_as_exports_write_them(text: str, value: str) -> None:
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["abc", "", "$", "4.5.6", "1E5", "4O.50"])
def test_amounts_that_are_not(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text)


def test_quantities_and_prices_that_need_care(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    path = tmp_path / "q.csv"
    path.write_text("receipt_id,purchased_at,item_name,quantity,unit_price,line_total\n"
                    "Q,2026-11-20 10:00,Coffee beans,0.5,18.00,\n"   # by weight: 1 x 9.00
                    "Q,2026-11-20 10:00,Tea,1.0,3.00,\n"
                    "Q,2026-11-20 10:00,Buns,3,,10.00\n", encoding="utf-8")  # 3.333 -> 3.33
    assert run(memory_db, path).added == 1
    assert rows(memory_db, "SELECT name, quantity, unit_price_minor FROM purchase_items") == [
        ("Coffee beans", 1, 900), ("Tea", 1, 300), ("Buns", 3, 333)]


def test_square_zone_names_are_known() -> None:
    assert all(zone_named(name, "UTC") is not None for name in RAILS_ZONES)
    assert str(zone_named("Eastern Time (US & Canada)", "UTC")) == "America/New_York"
    assert str(zone_named("(GMT-05:00) Eastern Time (US & Canada)", "UTC")) == \
        "America/New_York"
    assert str(zone_named("", "Europe/Helsinki")) == "Europe/Helsinki"
    assert zone_named("Mars/Olympus", "UTC") is None


def test_shopify_times_keep_their_offset() -> None:
    assert parse_moment("2024-03-05 14:22:10 +0200", "UTC") == datetime(
        2024, 3, 5, 12, 22, 10, tzinfo=UTC)
    assert parse_moment("2024-03-05 14:22", "Europe/Helsinki") == datetime(
        2024, 3, 5, 12, 22, tzinfo=UTC)


def test_the_mapper_works_without_a_database() -> None:
    import pickle

    header = tuple(SQUARE.read_text(encoding="utf-8").splitlines()[0].split(","))
    mapper = pickle.loads(pickle.dumps(purchase_mapper(header, ImportOptions())))
    cells = SQUARE.read_text(encoding="utf-8").splitlines()[1].split(",")
    line = mapper.map_row(2, cells, datetime(2026, 11, 23, tzinfo=UTC))
    assert isinstance(line, PurchaseLine)
    assert (line.receipt_id, line.quantity, line.unit_price_minor, line.customer) == (
        "TX-A1", 2, 450, line.customer)
    assert line.customer is not None and line.customer.external_id == "SQCUST-PAIVI"



def test_a_failure_while_writing_leaves_nothing(
    memory_db: Database, shop: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.imports.purchases as purchase_import

    def broken(db: Database, customer_id: int) -> str:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(purchase_import, "rerate", broken)
    with pytest.raises(RuntimeError):
        run(memory_db, SQUARE)
    assert count(memory_db, "purchases") == count(memory_db, "purchase_items") == 0
    assert [row[1:3] for row in facts(memory_db)] == [(0, 0)] * 3


def test_an_order_whose_rows_name_different_buyers_is_refused(
    memory_db: Database, shop: dict[str, int], tmp_path: Path
) -> None:
    lines = SHOPIFY.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[2].split(",")  # the order's second row
    cells[header.index("Email")] = ""
    cells[header.index("Phone")] = "'040 123 4567"  # Päivi, not Emily
    lines[2] = ",".join(cells)
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run(memory_db, path)
    assert [(r.line, r.problems) for r in report.problems] == [
        (3, ("receipt #1001: customer differs from line 2",))]
    assert count(memory_db, "purchases") == 0


def test_a_cell_too_long_is_one_of_the_row_problems(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    path = tmp_path / "long.csv"
    path.write_text("receipt_id,purchased_at,item_name,quantity,unit_price\n"
                    f"R1,2026-11-20 10:00,{'x' * 10_001},many,1.00\n", encoding="utf-8")
    [refused] = run(memory_db, path).problems
    assert refused.problems == ("item_name: at most 10000 characters",
                                "give a sku from the catalogue, or an item_name with a "
                                "unit_price",
                                "quantity: a number such as 2, not 'many'")


def test_customers_found_by_id_with_an_apostrophe_email_or_phone(
    memory_db: Database, shop: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "own.csv"
    path.write_text("receipt_id,purchased_at,customer_external_id,customer_email,"
                    "customer_phone,item_name,unit_price\n"
                    "A,2026-11-20 10:00,'SQCUST-MEI,,,Tea,3.00\n"
                    "B,2026-11-20 11:00,,EMILY@example.com,,Tea,3.00\n"
                    "C,2026-11-20 12:00,,,+358401234567,Tea,3.00\n"
                    "D,2026-11-20 13:00,,nobody@example.com,,Tea,3.00\n", encoding="utf-8")
    report = run(memory_db, path)
    assert [(r.line, r.problems) for r in report.problems] == [
        (5, ("no customer with customer_email 'nobody@example.com'; import the customers "
             "first",))]
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:-1]) + "\n",
                    encoding="utf-8")
    assert run(memory_db, path).added == 3
    assert rows(memory_db, "SELECT receipt_id, customer_id FROM purchases ORDER BY id") == [
        ("A", shop["mei"]), ("B", shop["emily"]), ("C", shop["paivi"])]


def test_square_transactions_export_is_named_as_the_wrong_one(
    memory_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text("Date,Time,Time Zone,Gross Sales,Discounts,Net Sales,Tax,Tip,"
                    "Total Collected,Transaction ID,Payment ID\n"
                    "2026-11-20,10:00:00,Helsinki,€4.50,€0.00,€4.50,€0.00,€0.00,€4.50,T1,P1\n",
                    encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        import_purchases_file(memory_db, path, ImportOptions())
    assert "Items detail" in info.value.problems[-1][1]


def test_the_old_entry_point_reads_square_too(
    memory_db: Database, shop: dict[str, int]
) -> None:
    from db.imports.importer import import_purchases

    result = import_purchases(memory_db, SQUARE.read_bytes())  # bytes, as before
    assert (result.rows, result.added, result.unchanged) == (7, 3, 0)
    with pytest.raises(ImportFailed) as info:
        import_purchases(memory_db, SQUARE_BAD)
    assert len(info.value.problems) == 7 and str(info.value).startswith("2 bad rows")
    assert count(memory_db, "purchases") == 3


@pytest.mark.parametrize(
    ("text", "precision", "minor"),
    [("¥1,200", 0, 1200), ("1.250", 3, 1250), ("4,50 €", 2, 450), ("$1,234.50", 2, 123450)],
)
def test_amounts_in_the_currency_precision(text: str, precision: int, minor: int) -> None:
    from db.imports.purchase_formats import to_minor

    assert to_minor(parse_amount(text, grouping_three=precision < 3), precision) == minor


@pytest.mark.parametrize("text", ["13:05:09", "13:05", "1:05:09 PM", "1:05 pm"])
def test_times_as_square_writes_them(text: str) -> None:
    from db.imports.purchase_formats import parse_time

    assert parse_time(text).strftime("%H:%M") == "13:05"


# ------------------------------------------------------------------ the command line


@pytest.mark.parametrize("where", ["sqlite", "pg"])
def test_the_command_imports_square_purchases_dry_run_errors_file_and_again(
    where: str, tmp_path: Path, fixed_clock: object, capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    """`counterpart import purchases` reads Square's export: the dry run writes nothing
    and shows the receipts; the import adds them once; a bad file exits 1 with every
    refused row in the --errors file; the same with --db postgresql://..."""
    import csv

    from console.cli import main
    from db.store.connection import open_database

    db_file = (str(request.getfixturevalue("pg_url")) if where == "pg"
               else tmp_path / "shop.sqlite")
    db = open_database(db_file)
    add_product(db, "COF-LAT", "Caffè latte", "Coffee", 450)
    add_product(db, "BAK-KOR", "Korvapuusti", "Bakery", 390)
    for name, ext in (("Päivi Järvinen", "SQCUST-PAIVI"), ("陳美玲", "SQCUST-MEI")):
        create_customer(db, CustomerInput(name=name, external_id=ext))
    db.close()
    base = ["--db", str(db_file), "import", "purchases"]
    assert main([*base, str(SQUARE), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "3 receipts would be added" in out and "receipt TX-C3: walk-in:" in out
    db = open_database(db_file)
    assert count(db, "purchases") == 0
    db.close()
    assert main([*base, str(SQUARE)]) == 0
    assert "3 receipts added, 0 already imported, 1 rows skipped" in capsys.readouterr().out
    assert main([*base, str(SQUARE)]) == 0
    assert "0 receipts added, 3 already imported" in capsys.readouterr().out
    errors = tmp_path / "refused.csv"
    assert main([*base, str(SQUARE_BAD), "--errors", str(errors)]) == 1
    assert "nothing was imported" in capsys.readouterr().err
    with errors.open(encoding="utf-8-sig", newline="") as handle:
        refused = list(csv.DictReader(handle))
    assert [r["line"] for r in refused] == ["3", "4"]  # line 2 is fine on its own
    assert any("Qty: a number such as 2, not 'two'" in r["reason"] for r in refused)
    db = open_database(db_file)
    assert count(db, "purchases") == 3
    db.close()
