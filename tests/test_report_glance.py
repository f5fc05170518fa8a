"""The report a manager reads at a glance (issue 13): page 1 and 2, figures that say what
they count, columns of their own, plurals, headings kept with what follows, the report in
the language asked for, and CSV for a spreadsheet of the shop's locale."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from console.cli import main
from db.report_queries import build_report
from db.settings import load_settings
from reports.day_report import build_pdf
from reports.report_csv import default_delimiter, detail_csv, summary_csv
from reports.report_text import ReportText, report_locale
from tests.report_fixtures import (
    NOW,
    add_customer,
    add_decision,
    add_entry,
    add_promise,
    add_staff,
    local_moment,
    seed_mix,
)
from tests.test_report_pdf import pages_of
from widgets.report_panel import make_report

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL

DAY = date(2026, 11, 22)


@pytest.fixture
def seeded(fresh_db: Database) -> Database:
    seed_mix(fresh_db, DAY)
    return fresh_db


def test_page_one_at_a_glance_page_two_by_cause_and_staff_detail_after(seeded: Database) -> None:
    data = build_report(seeded, DAY - timedelta(days=13), DAY, actor=None, now=NOW)
    assert data.promises_overdue and data.by_staff
    pages = pages_of(build_pdf(data))
    first, second = pages[0], pages[1]
    for text in ("Summary", "Complaints", "Compensation given", "Promises overdue",
                 "Overdue (still open)", "Compared with the previous period"):
        assert text in first, text
    assert re.search(r"\+\d+ \(\+\d+ %\) vs previous\s+period", first)
    assert re.search(rf"Promises overdue\s*{len(data.promises_overdue)}\b", first)
    more = len(data.promises_overdue) - 6
    assert f"{more} more overdue promises are listed under Promises." in first
    for text in ("Complaints by cause", "By staff member", "Complaints about them",
                 "Complaints taken"):
        assert re.search(text.replace(" ", r"\s+"), second), text
    for text in ("Recovery steps done", "Repeat complainants", "\nDetail\n"):
        assert text not in first + second, text
    rest = "\n".join(pages[2:])
    assert "Recovery steps done" in rest and "\nDetail\n" in rest
    # the day-by-day chart opens page 3 with its heading, never cut from it
    assert "Trend per day" in pages[2] and "Trend per day" not in first + second
    staff = second.split("By staff member")[1]
    for row in data.by_staff:
        assert re.search(rf"{re.escape(row.name)}\s*{row.about}\s*{row.taken}\s*"
                         rf"{row.compliments}\b", staff), row


def _one_complaint_day(db: Database) -> dict[str, int]:
    db.execute("INSERT INTO shop_settings(shop_id, key, value) VALUES (1, 'timezone', ?) "
               "ON CONFLICT(shop_id, key) DO UPDATE SET value = excluded.value",
               [json.dumps("Europe/Helsinki")])
    ben = add_staff(db, "Ben", "staff")
    sanna = add_staff(db, "Sanna", "supervisor")
    liisa = add_customer(db, 1, "Liisa")
    complaint = add_entry(db, kind="complaint", at=local_moment(DAY, 10), taken_by=ben,
                          customer_id=liisa, cause="quality", real_cause="attitude",
                          steps=["acknowledge"], about=ben)
    add_promise(db, complaint, ben, local_moment(DAY, 12), closed_at=local_moment(DAY, 13),
                scores=(5, 5, 5, 5, 5))
    add_decision(db, complaint, sanna, "refused", [("refund", 500)], local_moment(DAY, 10, 5),
                 reason="too much")
    add_entry(db, kind="compliment", at=local_moment(DAY, 11), taken_by=ben, about=None)
    return {"ben": ben, "sanna": sanna, "complaint": complaint}


def test_a_closed_follow_up_counts_as_the_step_done(fresh_db: Database) -> None:
    _one_complaint_day(fresh_db)
    data = build_report(fresh_db, DAY, DAY, actor=None, now=NOW)
    steps = {s.key: s.count for s in data.steps}
    assert steps["follow_up"] == 1 and steps["promise"] == 1 and steps["acknowledge"] == 1
    text = "\n".join(pages_of(build_pdf(data)))
    assert re.search(r"Follow up\s*1\s*100 %", text)
    assert not re.search(r"Follow up\s*0\s*0 %", text)


def test_cause_and_real_cause_have_their_own_columns(fresh_db: Database) -> None:
    _one_complaint_day(fresh_db)
    data = build_report(fresh_db, DAY, DAY, actor=None, now=NOW)
    detail = "\n".join(pages_of(build_pdf(data))).split("\nDetail\n")[1]
    assert re.search(r"Cause\s*Real cause", detail)
    # both on the row, each in its column ("quality" wraps onto the row's second line)
    assert re.search(r"Product or food\s+Staff attitude", detail)
    rows = list(csv.reader(io.StringIO(detail_csv(data, ","))))
    header, row = rows[0], rows[1]
    assert row[header.index("Cause")] == "Product or food quality"
    assert row[header.index("Real cause")] == "Staff attitude"


@pytest.mark.parametrize(("lang", "one", "two"), [
    ("en", "1 compliment named no one.", "2 compliments named no one."),
    ("fi", "1 kiitos ei nimennyt ketään.", "2 kiitosta ei nimennyt ketään."),
    ("zh-TW", "1 則讚美未指名員工。", "2 則讚美未指名員工。"),
])
def test_counts_take_the_plural_form_of_the_language(lang: str, one: str, two: str) -> None:
    t = ReportText(lang)
    assert t.n("staff.nobody", 1, count=1) == one
    assert t.n("staff.nobody", 2, count=2) == two
    assert "remedies" not in ReportText("en").n("summary.lines", 1, count=1, all=1)
    assert "With a value" not in ReportText("fi").n("summary.lines", 3, count=1, all=3)


def test_the_report_says_1_compliment(fresh_db: Database) -> None:
    _one_complaint_day(fresh_db)
    data = build_report(fresh_db, DAY, DAY, actor=None, now=NOW)
    text = "\n".join(pages_of(build_pdf(data)))
    assert "1 compliment named no one." in text
    assert "1 compliments" not in text


HEADINGS = ("Summary", "Overdue (still open)", "Compared with the previous period",
            "Trend per day", "Complaints by cause", "By staff member", "Recovery steps done",
            "By real cause", "Routing (real cause where known)", "Compensation",
            "By type (approved)", "By authoriser", "Refusals", "Largest single compensations",
            "Promises", "Due in this period", "Closed in this period",
            "Repeat complainants (last 90 days)", "Detail")


def test_a_heading_never_stands_alone_at_the_foot_of_a_page(fresh_db: Database) -> None:
    seed_mix(fresh_db, DAY, days_back=70, per_day=14)
    data = build_report(fresh_db, DAY - timedelta(days=29), DAY, actor=None, now=NOW)
    pages = pages_of(build_pdf(data))
    assert len(pages) > 8
    shop = data.shop.shop_name
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        body = lines[:max(i for i, line in enumerate(lines) if line == shop)]  # header after
        assert body, number
        assert body[-1] not in HEADINGS, (number, body[-3:])


@pytest.mark.sqlite_only("copies the database with VACUUM INTO")
def test_report_in_the_language_asked_for(seeded: Database, tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    seeded.execute("VACUUM INTO ?", [str(path)])
    out = tmp_path / "day.pdf"
    assert main(["report", "--db", str(path), "--date", DAY.isoformat(), "--lang", "zh-TW",
                 "--out", str(out)]) == 0
    first = pages_of(out.read_bytes())[0]
    assert "每日客訴報表" in first and "2026年11月22日" in first
    assert re.search(r"€\d+\.\d\d", first)  # zh-TW money: decimal point, sign first
    assert main(["report", "--db", str(path), "--date", DAY.isoformat(), "--lang", "fi",
                 "--out", str(out)]) == 0
    first = pages_of(out.read_bytes())[0]
    assert "Päivän palauteraportti" in first or "Palauteraportti" in first
    assert re.search(r"\d+,\d\d €", first)
    # the window: the screen's language
    data, pdf = make_report(seeded, DAY, DAY, _manager(seeded), lambda _p: None, "zh-CN")
    assert data.shop.report_language == "zh-CN"
    assert "每日客诉报表" in pages_of(pdf)[0]


def _manager(db: Database):  # type: ignore[no-untyped-def]
    from db.security.staff import get_staff

    row = db.execute("SELECT id FROM staff WHERE role = 'manager' LIMIT 1").fetchone()
    return get_staff(db, int(row[0]))


def test_amounts_and_dates_follow_the_report_language() -> None:
    from db.models import ShopSettings

    fi_shop = ShopSettings(locale="fi_FI", report_language="en")
    assert report_locale(fi_shop) == "en_FI"
    assert report_locale(replace(fi_shop, report_language="fi")) == "fi_FI"
    assert report_locale(replace(fi_shop, report_language="zh-TW")) == "zh_Hant_TW"


@pytest.mark.sqlite_only("copies the database with VACUUM INTO")
def test_csv_delimiter_follows_the_shop_locale_or_the_option(
    seeded: Database, tmp_path: Path
) -> None:
    data = build_report(seeded, DAY, DAY, actor=None, now=NOW)
    assert data.shop.locale.startswith("fi")
    assert default_delimiter(data.shop) == ";"
    rows = list(csv.reader(io.StringIO(detail_csv(data)), delimiter=";"))
    value = rows[0].index("Value")
    assert all(re.fullmatch(r"\d+,\d\d", r[value]) for r in rows[1:])
    english = replace(data, shop=replace(data.shop, locale="en_GB"))
    assert default_delimiter(english.shop) == ","
    rows = list(csv.reader(io.StringIO(detail_csv(english))))
    assert all(re.fullmatch(r"\d+\.\d\d", r[rows[0].index("Value")]) for r in rows[1:])
    path = tmp_path / "shop.sqlite"
    seeded.execute("VACUUM INTO ?", [str(path)])
    sheet = tmp_path / "day.csv"
    assert main(["report", "--db", str(path), "--date", DAY.isoformat(), "--out",
                 str(tmp_path / "day.pdf"), "--csv", str(sheet), "--delimiter", "tab"]) == 0
    header = sheet.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("No.\tDate\tTime")


def test_summary_csv_keeps_refused_counts_per_authoriser(seeded: Database) -> None:
    data = build_report(seeded, DAY - timedelta(days=13), DAY, actor=None, now=NOW)
    refused = {a.name: a.refusals for a in data.by_authoriser}
    assert any(refused.values())
    rows = list(csv.reader(io.StringIO(summary_csv(data, ","))))
    got = {r[1]: int(r[2]) for r in rows if r[0] == "Refusals"}
    assert got == refused


def test_settings_language_is_kept_without_an_option(seeded: Database) -> None:
    assert load_settings(seeded).report_language == "en"
    data, _pdf = make_report(seeded, DAY, DAY, _manager(seeded), lambda _p: None)
    assert data.shop.report_language == "en"



def test_report_prints_arabic_names_joined_and_chinese_headings_in_bold(
    fresh_db: Database,
) -> None:
    from io import BytesIO

    import arabic_reshaper
    from pypdf import PdfReader

    ids = _one_complaint_day(fresh_db)
    fresh_db.execute("UPDATE customers SET name = 'محمد علي'")
    fresh_db.execute("INSERT INTO shop_settings(shop_id, key, value) "
                     "VALUES (1, 'report_language', ?)",
                     [json.dumps("zh-TW")])
    data = build_report(fresh_db, DAY, DAY, actor=None, now=NOW)
    assert ids["complaint"] in {d.complaint_id for d in data.details}
    pdf = build_pdf(data)
    text = "\n".join(pages_of(pdf))
    assert arabic_reshaper.reshape("محمد علي") in text and "محمد" not in text
    fonts = {str(f["/BaseFont"]) for page in PdfReader(BytesIO(pdf)).pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("NotoSansCJKtc-Bold" in f for f in fonts), fonts


def test_a_long_table_keeps_its_columns_and_type_size_on_every_page(seeded: Database) -> None:
    from reports.day_report import FastTable, _Builder
    from reports.fonts import register_fonts

    register_fonts()
    data = build_report(seeded, DAY - timedelta(days=13), DAY, actor=None, now=NOW)
    builder = _Builder(data)
    table = next(f for f in builder.details() if isinstance(f, FastTable))
    first, rest = table.split(builder.width, 300)  # a page end after a few rows
    second, _more = rest.split(builder.width, 300)
    assert first.col_w == second.col_w == table.col_w  # the same widths on each page
    assert first.columns == second.columns and first.header == second.header
    assert first.count and second.count  # (one type size: FastTable draws every row alike)
