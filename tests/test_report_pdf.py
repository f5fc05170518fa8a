"""The report PDF read back with pypdf: headline figures, headers on every page, languages."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from db.report_queries import ReportData, build_report
from reports.day_report import build_pdf
from reports.report_text import ReportFormat, ReportText
from tests.report_fixtures import NOW, seed_mix

DAY = date(2026, 11, 22)
DETAIL_HEADERS = ("No.", "Time", "Customer", "Cause", "Taken by", "Remedy", "Value",
                  "Authorised by", "Status")


def pages_of(pdf: bytes) -> list[str]:
    """Text of each page; no-break spaces (money, dates) compared as plain spaces."""
    return [(page.extract_text() or "").replace("\xa0", " ").replace("\u202f", " ")
            for page in PdfReader(BytesIO(pdf)).pages]


def set_language(db: Database, lang: str) -> None:
    db.execute("INSERT INTO shop_settings(shop_id, key, value) VALUES (1, 'report_language', ?) "
               "ON CONFLICT(shop_id, key) DO UPDATE SET value = excluded.value",
               [json.dumps(lang)])


@pytest.fixture
def seeded(fresh_db: Database) -> Database:
    seed_mix(fresh_db, DAY)
    return fresh_db


def report(db: Database, start: date, end: date) -> ReportData:
    return build_report(db, start, end, actor=None, now=NOW)


def test_headline_figures_and_headers_on_every_page(seeded: Database) -> None:
    data = report(seeded, DAY - timedelta(days=13), DAY)
    assert len(data.details) > 120  # enough rows for the detail to span pages
    texts = pages_of(build_pdf(data))
    n = len(texts)
    first = texts[0]
    f = ReportFormat(data.shop)
    for label, value in (("Complaints", data.totals.complaints),
                         ("Compliments", data.totals.compliments),
                         ("Suggestions", data.totals.suggestions)):
        assert re.search(rf"{label}\s*{value}\b", first), (label, value)
    assert f.money(data.totals.compensation_minor).replace("\xa0", " ") in first
    detail_pages = 0
    for i, text in enumerate(texts, start=1):
        assert "Counterpart Café" in text and "Complaint report" in text
        assert f"Page {i} of {n}" in text
        assert "Printed by command line on" in text
        if "Detail" in text or detail_pages:
            detail_pages += 1
            for header in DETAIL_HEADERS:
                assert header in text, (i, header)
    assert detail_pages >= 2
    # Every detail row made it into the PDF, in order, with its number.
    numbers = [int(m) for t in texts[n - detail_pages:]
               for m in re.findall(r"^(\d+) ", t, flags=re.M)]
    assert [d.complaint_id for d in data.details] == [x for x in numbers
                                                      if x in {d.complaint_id
                                                               for d in data.details}]


def test_sections_of_a_range_and_the_trend_comparison(seeded: Database) -> None:
    data = report(seeded, DAY - timedelta(days=6), DAY)
    text = "\n".join(pages_of(build_pdf(data)))
    for heading in ("Summary", "Recovery steps done", "Complaints by cause", "Compensation",
                    "By authoriser", "Promises", "Overdue (still open)",
                    "Repeat complainants (last 90 days)", "By staff member",
                    "Trend per day", "Compared with the previous period", "Detail"):
        assert heading in text, heading
    assert "Supplier or kitchen" in text and "Training" in text
    assert "John <Smith> & Co" in text  # person text comes out as typed
    one_day = "\n".join(pages_of(build_pdf(report(seeded, DAY, DAY))))
    assert "Trend per day" not in one_day


def test_an_empty_day_prints_a_short_correct_report(fresh_db: Database) -> None:
    data = report(fresh_db, DAY, DAY)
    texts = pages_of(build_pdf(data))
    assert len(texts) == 1
    assert "No complaints, compliments or suggestions were recorded" in texts[0]
    assert re.search(r"Complaints\s*0\b", texts[0])
    assert "Page 1 of 1" in texts[0]


@pytest.mark.parametrize(("lang", "heading", "page"), [
    ("fi", "Päivän palauteraportti", "Sivu 1/"),
    ("zh-TW", "每日客訴報表", "第 1 頁"),
    ("zh-CN", "每日客诉报表", "第 1 页"),
])
def test_report_language_comes_from_settings(
    seeded: Database, lang: str, heading: str, page: str
) -> None:
    set_language(seeded, lang)
    data = report(seeded, DAY, DAY)
    text = "\n".join(pages_of(build_pdf(data)))
    squashed = re.sub(r"\s+", "", text)  # font runs on the canvas extract as separate lines
    assert heading in text and page.replace(" ", "") in squashed
    t = ReportText(lang)
    assert t("summary") in text and t("detail.taken_by") in text
    assert "王小明" in text  # CJK names render (and extract) in every language


def test_fonts_are_embedded_and_letter_size_is_honoured(seeded: Database) -> None:
    seeded.execute("INSERT INTO shop_settings(shop_id, key, value) "
                   "VALUES (1, 'page_size', '\"Letter\"')")
    pdf = build_pdf(report(seeded, DAY, DAY))
    assert b"/FontFile2" in pdf
    box = PdfReader(BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_money_and_dates_follow_the_shop_locale(seeded: Database) -> None:
    data = report(seeded, DAY, DAY)
    text = pages_of(build_pdf(data))[0]
    assert "22 November 2026" in text  # English report, Finnish shop: English month names
    assert re.search(r"\d+,\d\d\s€", text)  # fi_FI money: decimal comma, sign after
