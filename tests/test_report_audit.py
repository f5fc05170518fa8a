"""QA audit of the report: nothing cut, fonts embedded, symbols and emoji, consistent counts,
all-or-nothing files, and who printed it."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from console.cli import main
from db.report_queries import build_report
from reports.day_report import build_pdf
from tests.report_fixtures import (
    NOW,
    TZ,
    add_customer,
    add_decision,
    add_entry,
    add_staff,
    local_moment,
    seed_mix,
)

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL

DAY = date(2026, 11, 22)
LONG_STAFF = "Sami Supervisor-Lindqvist Koskenniemi"
SYMBOL_NAME = "Anna ✓★ Öberg 🍕 王小明"


def text_of(pdf: bytes) -> str:
    return "\n".join((p.extract_text() or "").replace("\xa0", " ").replace("\u202f", " ")
                     for p in PdfReader(BytesIO(pdf)).pages)


def detail_section(text: str) -> str:
    return text[text.rindex("Detail"):]


def in_order(words: list[str], text: str) -> bool:
    """Every word of `words` occurs in `text`, in this order (a wrapped cell's lines are
    interleaved with the other cells' lines, but never reordered or cut)."""
    at = 0
    for word in words:
        found = text.find(word, at)
        if found < 0:
            return False
        at = found + len(word)
    return True


@pytest.fixture
def small_day(fresh_db: Database) -> Database:
    """Six entries; one complaint with a long staff name, cause label and remedy."""
    db = fresh_db
    db.execute("INSERT INTO settings(key, value) VALUES ('timezone', ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [json.dumps(TZ)])
    long_staff = add_staff(db, LONG_STAFF, "staff")
    other = add_staff(db, "Ben", "staff")
    manager = add_staff(db, "Maria", "manager")
    symbol = add_customer(db, 1, SYMBOL_NAME)
    plain = add_customer(db, 2, "Liisa Virtanen")
    cid = add_entry(db, kind="complaint", at=local_moment(DAY, 12), taken_by=long_staff,
                    customer_id=symbol, cause="quality", severity=2)
    add_decision(db, cid, manager, "approved",
                 [("apology", 0), ("voucher", 1500), ("replacement", 700)],
                 local_moment(DAY, 12, 5), symbol)
    second = add_entry(db, kind="complaint", at=local_moment(DAY, 13), taken_by=other,
                       customer_id=symbol, cause="waiting")
    add_decision(db, second, manager, "approved", [("apology", 0)], local_moment(DAY, 13, 1),
                 symbol)
    add_entry(db, kind="complaint", at=local_moment(DAY, 14), taken_by=other,
              customer_id=plain, cause="billing")
    add_entry(db, kind="compliment", at=local_moment(DAY, 15), taken_by=other,
              about=long_staff)
    add_entry(db, kind="suggestion", at=local_moment(DAY, 16), taken_by=other)
    add_entry(db, kind="complaint", at=local_moment(DAY, 17), taken_by=long_staff,
              cause="cleanliness")
    return db


def test_detail_wraps_long_cells_instead_of_cutting_them(small_day: Database) -> None:
    data = build_report(small_day, DAY, DAY, actor=None, now=NOW)
    assert len(data.details) == 6
    detail = detail_section(text_of(build_pdf(data)))
    assert "…" not in detail
    for words in (["Sami", "Supervisor-", "Lindqvist", "Koskenniemi"],
                  ["Product", "or", "food", "quality"],
                  ["Apology", "only,", "Voucher,", "Replacement", "or", "repair"]):
        assert in_order(words, detail), words


def test_long_table_rows_wrap_and_repeat_the_header(small_day: Database) -> None:
    """The fast table splits wrapped rows across pages with the header on each page."""
    from reports import day_report

    header = ["No.", "Remedy"]
    long = "Replacement or repair, Voucher, Apology only " * 3
    rows = [[str(i), long] for i in range(300)]
    table = day_report.FastTable(header, rows, [40.0, 120.0], right=(0,))
    assert table.height > 300 * day_report.DETAIL_ROW_H  # rows have several lines
    first, rest = table.split(160.0, 400.0)
    assert isinstance(first, day_report.FastTable) and first.count > 0
    assert first.count + rest.count == 300 and first.height <= 400.0
    assert rest.head_h == first.head_h == table.head_h


def fonts_of(pdf: bytes) -> list[dict]:
    fonts = []
    for page in PdfReader(BytesIO(pdf)).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).get_object().values():
            fonts.append(font.get_object())
    return fonts


@pytest.mark.parametrize("lang", ["en", "zh-TW"])
def test_every_font_is_embedded(fresh_db: Database, lang: str) -> None:
    seed_mix(fresh_db, DAY, days_back=8)
    fresh_db.execute("INSERT INTO settings(key, value) VALUES ('report_language', ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [json.dumps(lang)])
    data = build_report(fresh_db, DAY - timedelta(days=6), DAY, actor=None, now=NOW)
    fonts = fonts_of(build_pdf(data))  # a range: cause chart, trend chart, tables, detail
    assert fonts
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        assert descriptor is not None, font.get("/BaseFont")
        assert "/FontFile2" in descriptor.get_object(), font.get("/BaseFont")


def test_symbols_and_emoji_in_a_name_print_as_typed(small_day: Database) -> None:
    data = build_report(small_day, DAY, DAY, actor=None, now=NOW)
    pdf = build_pdf(data)
    text = text_of(pdf)
    detail = detail_section(text)
    assert "✓★" in detail and "🍕" in detail and "王小明" in detail
    repeat = text[text.index("Repeat complainants"):text.rindex("Detail")]
    assert "✓★" in repeat and "🍕" in repeat  # a platypus table (mixed_markup)
    names = {str(f.get("/BaseFont")) for f in fonts_of(pdf)}
    assert any("Symbola" in n for n in names), names  # the emoji has a real glyph, not a box


def test_a_till_named_with_an_emoji_and_chinese_prints_as_typed(small_day: Database) -> None:
    small_day.execute("UPDATE complaints SET till = 'Kassa 🍕 王'")
    pdf = build_pdf(build_report(small_day, DAY, DAY, actor=None, now=NOW))
    text = text_of(pdf)
    by_till = text[text.index("By till"):]
    # as typed: a character no shipped font has would print as its name in brackets
    assert "Kassa 🍕 王" in by_till


def test_compensation_counts_agree_and_say_what_they_count(small_day: Database) -> None:
    lines = small_day.execute(
        "SELECT m.value_minor FROM compensations m JOIN complaints c ON c.id = m.complaint_id "
        "WHERE c.local_date = ? AND m.status = 'approved'", [DAY.isoformat()]).fetchall()
    with_value = sum(1 for (v,) in lines if v > 0)
    assert (with_value, len(lines)) == (2, 4)  # two apologies: the counts differ
    data = build_report(small_day, DAY, DAY, actor=None, now=NOW)
    assert data.totals.compensation_count == with_value
    assert data.totals.remedy_count == len(lines)
    assert sum(m.count for m in data.compensation_by_kind) == len(lines)
    assert data.totals.compensation_minor == sum(v for (v,) in lines)
    text = text_of(build_pdf(data))
    assert re.search(rf"With a value: {with_value} of {len(lines)}\s+remedies", text)
    assert re.search(rf"Total \(all remedies\)\s*{len(lines)}\b", text)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    from db.store.connection import open_database

    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    seed_mix(db, DAY, days_back=2)
    db.close()
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "shop.sqlite"
                  and not p.name.startswith("shop.sqlite"))


def test_a_folder_in_the_summary_csvs_place_writes_nothing(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "day-summary.csv").mkdir()  # a folder where the summary CSV would go
    code = main(["report", "--db", str(db_file), "--date", DAY.isoformat(),
                 "--out", str(out / "day.pdf"), "--csv", str(out / "day.csv")])
    assert code == 2
    assert "day-summary.csv" in capsys.readouterr().err
    assert leftovers(out) == ["day-summary.csv"]


def test_an_unwritable_csv_leaves_no_pdf_and_old_files_alone(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "day.pdf").write_bytes(b"yesterday")
    target = Path("/proc/counterpart-report-test.csv")  # even root cannot create files here
    code = main(["report", "--db", str(db_file), "--date", DAY.isoformat(),
                 "--out", str(out / "day.pdf"), "--csv", str(target)])
    assert code == 2
    err = capsys.readouterr().err
    assert str(target) in err and "Nothing was written" in err
    assert leftovers(out) == ["day.pdf"]  # no temporary file left behind
    assert (out / "day.pdf").read_bytes() == b"yesterday"


def test_a_successful_run_writes_all_three_files(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert main(["report", "--db", str(db_file), "--date", DAY.isoformat(),
                 "--out", str(out / "day.pdf"), "--csv", str(out / "day.csv")]) == 0
    assert leftovers(out) == ["day-summary.csv", "day.csv", "day.pdf"]
    assert "Printed by command line on" in text_of((out / "day.pdf").read_bytes())


def test_manager_option_documented_and_used_by_the_cron_line(
    capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--manager STAFF_ID" in help_text
    assert 'without it the report says it was printed by "command line"' in help_text
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    cron = [line for line in readme.splitlines() if line.startswith("30 23 * * *")]
    assert cron and all("--manager" in line for line in cron)


def test_a_remedy_longer_than_a_page_continues_on_the_next(small_day: Database) -> None:
    words = [f"step{i}" for i in range(700)]
    add_entry(small_day, kind="complaint", at=local_moment(DAY, 18), taken_by=1,
              cause="other", chosen=" ".join(words))
    data = build_report(small_day, DAY, DAY, actor=None, now=NOW)
    pages = [p.extract_text() or "" for p in PdfReader(BytesIO(build_pdf(data))).pages]
    detail = detail_section("\n".join(pages))
    assert "…" not in detail and in_order(words, detail)
    continued = [p for p in pages if "step699" in p or "step0 " in p or "step0\n" in p]
    assert len(pages) >= 3 and all("Remedy" in p for p in continued)


def test_bench_reports_the_median_of_several_runs(
    fresh_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reports import report_bench

    timings = iter([1.0, 900.0, 100.0, 300.0, 9000.0, 2000.0, 4000.0])  # warm-up first
    monkeypatch.setattr(report_bench, "seed_month", lambda db: 0)
    monkeypatch.setattr(report_bench, "time_report", lambda *args: next(timings))
    figures = dict((name, value) for name, value, _unit in
                   report_bench.bench_figures(fresh_db, runs=3))
    assert figures == {"report_day_ms": 300.0, "report_month_ms": 4000.0}


def test_a_cause_named_with_an_emoji_is_drawn_in_the_chart(small_day: Database) -> None:
    add_entry(small_day, kind="complaint", at=local_moment(DAY, 19), taken_by=1,
              cause="Pizza 🍕 oven")  # a cause added in settings, shown as stored
    data = build_report(small_day, DAY, DAY, actor=None, now=NOW)
    text = text_of(build_pdf(data))
    chart = text[text.index("Complaints by cause"):text.index("Route to")]
    assert "Pizza🍕oven" in "".join(chart.split())  # runs in three fonts, drawn in turn
