"""Register the shipped TTF fonts with ReportLab, and mark up mixed Latin/CJK text.

The fonts come from ``assets/fonts`` (found next to the installed ``assets`` package), so a PDF
looks the same on every machine: ReportLab embeds a subset of each TrueType font it uses
(``/FontFile2`` in the PDF). DejaVu covers Latin, Finnish diacritics and common symbols;
Droid Sans Fallback covers Traditional and Simplified Chinese; Symbola (monochrome outlines,
free licence, from Debian's fonts-symbola) covers emoji. Paragraph text from people is run
through :func:`mixed_markup`, which escapes it and picks a font per character (body font,
DejaVu Sans, CJK, Symbola), so a name like ``Anna <王小明> & "Co" ★😀`` prints as typed with
no missing-glyph boxes; a character no shipped font has prints as its name in brackets.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

import assets

FONTS_DIR = Path(assets.__file__).resolve().parent / "fonts"

# Family names used in paragraph styles (``fontName``); the bold face is used for <b>.
SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"
CJK = "DroidSansFallback"
# A real bold Chinese face (Noto Sans CJK Bold, subset to the common characters of Big5 and
# GB 2312 and converted to TrueType outlines): headings and names. A character outside the
# subset falls back to the regular CJK face.
CJK_BOLD = "NotoSansCJK-Bold"
SYMBOLS = "Symbola"  # emoji and rare symbols; registered on first use
SYMBOLS_FILE = "Symbola.ttf"

_FILES: dict[str, str] = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    CJK_BOLD: "NotoSansCJK-Bold-subset.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register every shipped font and its family once per process (safe to call often).

    Families: ``DejaVuSans`` and ``DejaVuSerif`` with their bold faces (no italic is shipped, so
    italic maps to the upright face); ``DroidSansFallback`` for CJK, with the Noto Sans CJK
    Bold subset as its bold.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FILES.items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename)))
        for regular, bold in ((SANS, SANS_BOLD), (SERIF, SERIF_BOLD), (CJK, CJK_BOLD)):
            addMapping(regular, 0, 0, regular)
            addMapping(regular, 1, 0, bold)
            addMapping(regular, 0, 1, regular)
            addMapping(regular, 1, 1, bold)
            if bold != regular:
                # So that <b> inside an already-bold style stays bold.
                addMapping(bold, 0, 0, bold)
                addMapping(bold, 1, 0, bold)
                addMapping(bold, 0, 1, bold)
                addMapping(bold, 1, 1, bold)
        _allow_hanging_punctuation()
        _fix_astral_to_unicode()
        _registered = True


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def _fix_astral_to_unicode() -> None:
    """Make copied or searched emoji read back right from the PDF.

    ReportLab 4/5 writes a font's ToUnicode entry as ``<%04X>``, which for a character beyond
    U+FFFF (😀 is U+1F600) gives the odd-length ``<1F600>`` that readers reject; the PDF
    specification wants UTF-16BE, i.e. the surrogate pair ``<D83DDE00>``. Drawing is not
    affected, only text extraction; this wraps ReportLab's CMap maker to write the pair.
    """
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_counterpart_fixed", False):
        return

    def make(fontname: str, subset: list[int]) -> str:
        cmap: str = original(fontname, subset)
        for i, code in enumerate(subset):
            if code > 0xFFFF:
                cmap = cmap.replace(f"<{i:02X}> <{code:04X}>", f"<{i:02X}> <{_utf16_hex(code)}>")
        return cmap

    make._counterpart_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make


# Chinese punctuation that must not start a line. ReportLab's CJK line breaking knows the
# Japanese set; these full-width marks are added so "，" or "：" hang at the end of the line.
_CJK_CANNOT_START = "，、。．：；？！）》〉」』】〕］｝"


def _allow_hanging_punctuation() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):  # one-font and mixed-font paragraphs
        missing = "".join(c for c in _CJK_CANNOT_START if c not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


@lru_cache(maxsize=16)
def _charmap(font_name: str) -> frozenset[int]:
    if font_name == SYMBOLS:
        _register_symbols()
    else:
        register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph.keys())


def _register_symbols() -> None:
    """Register Symbola on first need: it is large and most text never reaches it."""
    register_fonts()
    with _lock:
        if SYMBOLS not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(SYMBOLS, str(FONTS_DIR / SYMBOLS_FILE)))
            addMapping(SYMBOLS, 0, 0, SYMBOLS)
            addMapping(SYMBOLS, 1, 0, SYMBOLS)
            addMapping(SYMBOLS, 0, 1, SYMBOLS)
            addMapping(SYMBOLS, 1, 1, SYMBOLS)


def has_glyph(font_name: str, char: str) -> bool:
    """True when the registered TrueType font `font_name` can draw `char`."""
    return ord(char) in _charmap(font_name)


def fallback_fonts(body_font: str, cjk_font: str = CJK) -> tuple[str, ...]:
    """The fonts tried, in order, for a character of text set in `body_font`.

    The body font first, then DejaVu Sans (most symbols: ✓ ✗ ★ ❤ ☕; bold when the body is
    bold), then the CJK font, then Symbola (emoji and the remaining symbols). A character
    none of them has is replaced by :func:`substitute`.
    """
    bold = body_font.endswith("-Bold")
    chain = [body_font, SANS_BOLD if bold else SANS, SANS, cjk_font, CJK, SYMBOLS]
    return tuple(dict.fromkeys(chain))  # drop repeats, keep order


def _is_invisible(char: str) -> bool:
    """Format and control characters (ZWJ, variation selectors, BOM): nothing to draw."""
    return unicodedata.category(char) in ("Cc", "Cf") or 0xFE00 <= ord(char) <= 0xFE0F or (
        0xE0100 <= ord(char) <= 0xE01EF)


def substitute(char: str) -> str:
    """The visible stand-in for a character no shipped font has: its Unicode name in brackets.

    ``𠮷`` becomes ``[CJK UNIFIED IDEOGRAPH-20BB7]``, ``🥰`` ``[SMILING FACE WITH SMILING EYES
    AND THREE HEARTS]``; a character without a name becomes ``[U+XXXX]``. Never a silent box.
    """
    name = unicodedata.name(char, "")
    return f"[{name}]" if name else f"[U+{ord(char):04X}]"


def font_runs(text: str, body_font: str = SANS, cjk_font: str = CJK) -> list[tuple[str, str]]:
    """Split `text` into ``(font, text)`` runs so that every character has a glyph in its font.

    Text is NFC-normalised (a name typed as ``e`` + combining accent becomes ``é``); invisible
    format characters are dropped; each other character takes the first font of
    :func:`fallback_fonts` that has it, or becomes :func:`substitute` in the body font.
    Spaces and line breaks stay in the current run. Used by :func:`mixed_markup`, and by tests
    to check glyph coverage.
    """
    chain = fallback_fonts(body_font, cjk_font)
    runs: list[tuple[str, list[str]]] = []

    def add(font: str, piece: str) -> None:
        if runs and runs[-1][0] == font:
            runs[-1][1].append(piece)
        else:
            runs.append((font, [piece]))

    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    for char in text:
        if char in "\n\t ":
            font = runs[-1][0] if runs and (char == "\n" or has_glyph(runs[-1][0], char)) \
                else body_font
            add(font, char)
            continue
        if _is_invisible(char):
            continue
        for font in chain:
            if has_glyph(font, char):
                add(font, char)
                break
        else:
            add(body_font, substitute(char))
    return [(font, "".join(parts)) for font, parts in runs]


def mixed_markup(text: str, latin_font: str = SANS, cjk_font: str = CJK) -> str:
    """Escape `text` for a ReportLab Paragraph, switching font per character where needed.

    Returns paragraph markup: ``&``, ``<``, ``>`` and quotes are entities, line breaks become
    ``<br/>``; runs that `latin_font` (the paragraph's own font) cannot draw are wrapped in
    ``<font name="...">`` of the first fallback font that can (see :func:`font_runs`): DejaVu
    Sans for symbols, `cjk_font` for Chinese, Symbola for emoji. Characters no shipped font
    has print as their Unicode name in brackets, never as a missing-glyph box.
    """
    if not text:
        return ""
    out: list[str] = []
    for font, chunk in font_runs(text, latin_font, cjk_font):
        markup = escape(chunk, {'"': "&quot;", "'": "&#39;"}).replace("\n", "<br/>")
        out.append(markup if font == latin_font else f'<font name="{font}">{markup}</font>')
    return "".join(out)
