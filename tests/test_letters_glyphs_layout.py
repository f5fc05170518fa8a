"""QA fixes: no missing-glyph boxes, letterhead/footer text never crosses a rule.

Glyph coverage is checked per character against the font the markup gives it (has_glyph), and
the PDF is read back with pypdf: the text is there, the fallback fonts are embedded, and every
letterhead or footer text line sits clear of the rules the page callback drew.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from db.models import ShopSettings
from reports.fonts import (
    CJK,
    SANS,
    SERIF,
    SERIF_BOLD,
    SYMBOLS,
    font_runs,
    has_glyph,
    mixed_markup,
    substitute,
)
from reports.letter_templates import LetterData, VoucherInfo
from reports.letters import (
    RULE_GAP,
    LetterheadLayout,
    build_letter_pdf,
    build_letters_pdf,
    letterhead_layout,
)

SYMBOL_TEXT = "Kiitos ✓ ✔ ✗ ★ ☆ ❤ ☕ ja 😀 👍 🍜"
LONG_NAME = "Kahvila Counterpart Tampere"


def _png(path: Path, w: int = 48, h: int = 48) -> Path:
    """A small valid RGB PNG (a wine-red square) written with zlib, no image library."""
    row = b"\x00" + b"\x7a\x2e\x3a" * w
    raw = row * h

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    path.write_bytes(png)
    return path


def _shop(tmp_path: Path, **changes: Any) -> ShopSettings:
    base = ShopSettings(
        shop_name=LONG_NAME, address="Hämeenkatu 12 A, 33100 Tampere",
        phone="+358 3 123 4567", email="asiakaspalvelu@counterpart-kahvila.fi",
        logo_path=str(_png(tmp_path / "logo.png")),
    )
    return replace(base, **changes)


def _letter(shop: ShopSettings, lang: str = "fi", body: str = "Hyvä asiakas,\n\nKiitos.",
            name: str = "Liisa Laine") -> LetterData:
    return LetterData(
        kind="thank-you", language=lang, shop=shop, customer_name=name,
        letter_date=date(2026, 11, 23), subject="Kiitos", body=body,
        closing="Lämpimin terveisin", signer_name="Maija Mäkinen", signer_role="Päällikkö",
        voucher=VoucherInfo("CP-7H3K-9QWE", 1500, date(2027, 2, 28)),
    )


def _text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() or "" for page in reader.pages)


def _assert_covered(markup_source: str, body_font: str) -> None:
    """Every character of the text is drawn by a font that has it (or is a named stand-in)."""
    for font, chunk in font_runs(markup_source, body_font, CJK):
        for char in chunk:
            if char != "\n":
                assert has_glyph(font, char), f"{char!r} (U+{ord(char):04X}) not in {font}"


@pytest.mark.parametrize("body_font", [SERIF, SERIF_BOLD, SANS])
def test_symbols_and_emoji_each_get_a_font_that_has_them(body_font: str) -> None:
    text = SYMBOL_TEXT + " 王小明 ∑ → € ♪ ✂ 🤩 🏽"
    assert not all(has_glyph(SERIF, c) for c in "✓★❤☕")  # why a fallback is needed at all
    _assert_covered(text, body_font)
    runs = font_runs(text, body_font, CJK)
    joined = "".join(chunk for _, chunk in runs)
    assert joined == text  # nothing dropped or replaced: every character has a real glyph
    fonts = {font for font, _ in runs}
    assert CJK in fonts and SYMBOLS in fonts


def test_characters_no_font_has_become_their_name_not_a_box() -> None:
    assert not any(has_glyph(f, "𠮷") for f in (SERIF, SANS, CJK, SYMBOLS))
    text = "吉田 𠮷野 🥰"
    runs = font_runs(text, SERIF, CJK)
    joined = "".join(chunk for _, chunk in runs)
    assert "[CJK UNIFIED IDEOGRAPH-20BB7]" in joined
    assert "[SMILING FACE WITH SMILING EYES AND THREE HEARTS]" in joined
    assert substitute("\U000f0001") == "[U+F0001]"  # private use: no name
    _assert_covered(text, SERIF)


def test_invisible_joiners_are_dropped_and_decomposed_accents_composed() -> None:
    runs = font_runs("👍\ufe0f\u200dJose\u0301", SERIF, CJK)
    assert "".join(c for _, c in runs) == "👍José"
    assert mixed_markup('A<b>&"王"', SANS, CJK) == (
        f'A&lt;b&gt;&amp;&quot;<font name="{CJK}">王</font>&quot;')


def test_letter_with_symbols_and_emoji_prints_them_with_embedded_fonts(tmp_path: Path) -> None:
    body = f"Hyvä Liisa ★,\n\n{SYMBOL_TEXT}\n\nTerveisin 𠮷"
    pdf = build_letter_pdf(_letter(_shop(tmp_path), body=body, name="Liisa ❤ Laine"))
    text = _text_of(pdf)
    for symbol in "✓✔✗★☆❤☕😀👍🍜":
        assert symbol in text
    assert "[CJK UNIFIED IDEOGRAPH-20BB7]" in text
    reader = PdfReader(io.BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("Symbola" in f for f in fonts) and any("DejaVuSans" in f for f in fonts)


# --------------------------------------------------------------------- letterhead geometry

def _text_lines(pdf: bytes) -> list[tuple[str, float, float]]:
    """(text, baseline y, font size) of every text piece on page one, in page coordinates."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    out: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((text.strip(), y, size * (tm[3] or 1.0)))

    page.extract_text(visitor_text=visit)
    return out


def _horizontal_rules(pdf: bytes) -> list[float]:
    """y of each stroked straight line drawn directly on page one ("x y m x y l S")."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    data = page.get_contents().get_data().decode("latin-1")
    found = re.findall(
        r"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S", data)
    return [float(y1) for x1, y1, x2, y2 in found if abs(float(y1) - float(y2)) < 0.01
            and float(x2) - float(x1) > 300]


def _check_clear_of_rules(pdf: bytes, lay: LetterheadLayout) -> None:
    rules = _horizontal_rules(pdf)
    # the PDF has the rules the layout says (thick, thin, footer)
    for y in (lay.rule_y, lay.rule_y - RULE_GAP, lay.footer_rule_y):
        assert any(abs(r - y) < 0.05 for r in rules), (y, rules)
    lines = _text_lines(pdf)
    height = 841.89
    # the body frame lies between the margins, so anything outside it is letterhead or footer
    head = [t for t in lines if t[1] > height - lay.top_margin]
    foot = [t for t in lines if t[1] < lay.bottom_margin]
    head_text = " ".join(t[0] for t in head)
    foot_text = " ".join(t[0] for t in foot)
    for word in ("Kahvila", "Counterpart", "Tampere", "Hämeenkatu",
                 "asiakaspalvelu@counterpart-kahvila.fi"):
        assert word in head_text, (word, head)
        assert word in foot_text, (word, foot)
    for text, y, size in head:
        descent = 0.25 * size
        assert y - descent > lay.rule_y + 0.8, f"{text!r} at {y:.1f} crosses rule {lay.rule_y}"
    for text, y, size in foot:
        ascent = 0.8 * size
        assert y + ascent < lay.footer_rule_y - 0.25, (
            f"{text!r} at {y:.1f} crosses the footer rule {lay.footer_rule_y}")
    # the body starts below the letterhead and ends above the footer
    assert height - lay.top_margin < lay.rule_y - RULE_GAP
    assert lay.bottom_margin > lay.footer_rule_y


@pytest.mark.parametrize("lang", ["fi", "en", "zh-TW"])
def test_long_name_with_logo_and_long_footer_stay_clear_of_the_rules(
    tmp_path: Path, lang: str
) -> None:
    shop = _shop(tmp_path)
    drawn: list[LetterheadLayout] = []
    pdf = build_letters_pdf([_letter(shop, lang)], drawn=drawn)
    assert drawn
    lay = drawn[0]
    assert lay.logo_box is not None
    assert len(lay.footer.blPara.lines) == 2  # the case QA saw: a footer of two lines
    # the name, beside the logo, is measured and placed entirely above the rule
    x, y, w, h = lay.name_box
    assert y >= lay.rule_y + 3 * 2.83 and x >= lay.logo_box[0] + lay.logo_box[2]
    assert max(lay.name.getActualLineWidths0()) <= w + 0.01
    _check_clear_of_rules(pdf, lay)


def test_short_name_keeps_the_full_size_on_one_line(tmp_path: Path) -> None:
    lay = letterhead_layout(_shop(tmp_path, shop_name="Onni", logo_path=""), "fi")
    assert lay.name_size == 19 and len(lay.name.blPara.lines) == 1


def test_very_long_name_reserves_more_space_rather_than_crossing(tmp_path: Path) -> None:
    name = "Kahvila ja Leipomo Counterpart Tampereen Keskustori Hämeenkadun Kulmassa"
    shop = _shop(tmp_path, shop_name=name,
                 address="Hämeenkatu 12 A\nKauppakeskus Koskikeskus, 2. kerros\n33100 Tampere")
    drawn: list[LetterheadLayout] = []
    pdf = build_letters_pdf([_letter(shop)], drawn=drawn)
    lay = drawn[0]
    assert len(lay.name.blPara.lines) >= 2
    normal = letterhead_layout(_shop(tmp_path, shop_name="Onni"), "fi")
    assert lay.rule_y < normal.rule_y  # the letterhead grew downwards, the body moved too
    assert lay.name_box[1] >= lay.rule_y + 3 * 2.83
    assert lay.name_box[1] + lay.name_box[3] <= 841.89 - 5 * 2.83
    rules = _horizontal_rules(pdf)
    assert any(abs(r - lay.rule_y) < 0.05 for r in rules)
    for text, y, size in _text_lines(pdf):
        if y > 841.89 - lay.top_margin:
            assert y - 0.25 * size > lay.rule_y + 0.8, text
