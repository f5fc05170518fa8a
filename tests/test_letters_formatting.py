"""Money, dates and template filling for letters; markup escaping as a property."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from db.store.connection import open_database
from reports.fonts import CJK, SANS, mixed_markup, register_fonts
from reports.formatting import format_date, format_datetime, format_money, minor_to_decimal
from reports.letter_templates import LetterFacts, VoucherInfo, compose, normalise_language
from reports.letters_bench import bench_figures, letter_batch_s, letter_ms


@pytest.mark.parametrize(
    ("lang", "money", "day"),
    [
        ("en", "€1,234.50", "23 November 2026"),
        ("fi", "1\xa0234,50\xa0€", "23. marraskuuta 2026"),
        ("zh-TW", "€1,234.50", "2026年11月23日"),
        ("zh-CN", "€1,234.50", "2026年11月23日"),
    ],
)
def test_money_and_dates_per_language(lang: str, money: str, day: str) -> None:
    assert format_money(123_450, "EUR", lang) == money
    assert format_date(date(2026, 11, 23), lang) == day


def test_money_is_exact_and_never_float() -> None:
    assert minor_to_decimal(1, "EUR") == Decimal("0.01")
    assert minor_to_decimal(1000, "JPY") == Decimal("1000")
    with pytest.raises(TypeError):
        minor_to_decimal(12.5, "EUR")  # type: ignore[arg-type]


def test_datetime_in_the_shops_timezone() -> None:
    moment = datetime(2026, 11, 23, 22, 30, tzinfo=UTC)  # already the 24th in Helsinki
    assert format_datetime(moment, "fi", "Europe/Helsinki").startswith("24.11.2026")


def test_language_codes_are_normalised() -> None:
    assert [normalise_language(x) for x in ("zh_TW", "zh-Hant", "zh-CN", "FI", "sv")] == [
        "zh-TW", "zh-TW", "zh-CN", "fi", "en"]


def test_values_are_never_parsed_as_templates() -> None:
    facts = LetterFacts(customer_name="{shop} {voucher_value}", shop_name="Onni",
                        voucher=VoucherInfo("ABCD-EFGH", 500, date(2027, 1, 31)))
    body = compose("birthday", "en", facts).body
    assert body.startswith("Dear {shop} {voucher_value},")
    assert "€5.00" in body and "31 January 2027" in body


def test_optional_paragraphs_follow_the_facts() -> None:
    plain = compose("birthday", "fi", LetterFacts(customer_name="Aino", shop_name="Onni")).body
    assert "lahjakortti" not in plain
    chinese = compose("thank-you", "zh-TW", LetterFacts(
        customer_name="Anna Virtanen", shop_name="Onni", visits=12, since_year=2020))
    assert "親愛的 Anna Virtanen：" in chinese.body  # space where Han meets Latin
    assert "自2020年以來，您已光臨本店 12 次" in chinese.body


_STYLE = ParagraphStyle("p", fontName=SANS, fontSize=10)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab <>&"\'/王美玲，。;=#{}')), max_size=40))
def test_markup_prints_exactly_what_was_typed(text: str) -> None:
    register_fonts()
    paragraph = Paragraph(mixed_markup(text, SANS, CJK), _STYLE)
    assert " ".join(paragraph.getPlainText().split()) == " ".join(text.split())


def test_bench_figures_have_names_and_units() -> None:
    from db.customers.records import create_customer
    from db.models import CustomerInput

    db = open_database(":memory:")
    try:
        assert letter_batch_s(db, count=3) != letter_batch_s(db, count=3)  # nan: no customers
        # not agreed to be contacted: no birthday letter, so still no figure
        create_customer(db, CustomerInput(name="Anna Virtanen", language="fi"))
        assert letter_batch_s(db, count=3) != letter_batch_s(db, count=3)
        create_customer(db, CustomerInput(name="陳美玲", language="zh-TW", consent_contact=True))
        figures = bench_figures(db, runs=2, batch=3)
        assert [(name, unit) for name, _value, unit in figures] == [
            ("letter_ms", "ms"), ("letter_batch_100_s", "s")]
        assert all(value > 0 for _name, value, _unit in figures)
        assert letter_ms(db, runs=1) > 0
    finally:
        db.close()


@pytest.mark.parametrize("code", ["7KQ2-M9XD", "R8VF-SXFP", "A" * 40])
def test_voucher_qr_matches_an_independent_encoder(code: str) -> None:
    """The letter draws its own QR modules; the `qrcode` package must agree module by module."""
    import qrcode

    from reports.letters import qr_matrix

    reference = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    reference.add_data(code)
    reference.make(fit=True)
    assert qr_matrix(code) == reference.get_matrix()
