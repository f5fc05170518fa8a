"""Register the shipped TTF fonts with ReportLab, and mark up mixed Latin/CJK text.

The fonts come from ``assets/fonts`` (found next to the installed ``assets`` package), so a PDF
looks the same on every machine: ReportLab embeds a subset of each TrueType font it uses
(``/FontFile2`` in the PDF). DejaVu covers Latin, Finnish diacritics and common symbols;
Droid Sans Fallback covers Traditional and Simplified Chinese. Paragraph text from people is
run through :func:`mixed_markup`, which escapes it and switches font per run of characters, so
a name like ``Anna <王小明> & "Co"`` prints as typed with no missing-glyph boxes.
"""

from __future__ import annotations

import threading
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

_FILES: dict[str, str] = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register every shipped font and its family once per process (safe to call often).

    Families: ``DejaVuSans`` and ``DejaVuSerif`` with their bold faces (no italic is shipped, so
    italic maps to the upright face); ``DroidSansFallback`` for CJK, whose bold is itself.
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
        for regular, bold in ((SANS, SANS_BOLD), (SERIF, SERIF_BOLD), (CJK, CJK)):
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
        _registered = True


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
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph.keys())


def has_glyph(font_name: str, char: str) -> bool:
    """True when the registered TrueType font `font_name` can draw `char`."""
    return ord(char) in _charmap(font_name)


def _needs_fallback(char: str, latin: frozenset[int]) -> bool:
    code = ord(char)
    if char in "\n\t ":
        return False
    return code not in latin


def mixed_markup(text: str, latin_font: str = SANS, cjk_font: str = CJK) -> str:
    """Escape `text` for a ReportLab Paragraph and wrap runs the Latin font lacks in `cjk_font`.

    Returns paragraph markup: ``&``, ``<``, ``>`` and quotes are entities, line breaks become
    ``<br/>``; every run of characters that `latin_font` has no glyph for (Chinese, fullwidth
    punctuation) is wrapped in ``<font name="cjk_font">``. Characters neither font has are left
    in the Latin run (they would be a box in any font we ship).
    """
    if not text:
        return ""
    latin = _charmap(latin_font)
    cjk = _charmap(cjk_font)
    out: list[str] = []
    run: list[str] = []
    run_is_cjk = False

    def flush() -> None:
        if not run:
            return
        chunk = escape("".join(run), {'"': "&quot;", "'": "&#39;"}).replace("\n", "<br/>")
        if run_is_cjk:
            out.append(f'<font name="{cjk_font}">{chunk}</font>')
        else:
            out.append(chunk)
        run.clear()

    for char in text.replace("\r\n", "\n").replace("\r", "\n"):
        is_cjk = _needs_fallback(char, latin) and ord(char) in cjk
        if char == " " and run_is_cjk:
            is_cjk = True  # keep a space inside a CJK run rather than splitting it
        if is_cjk != run_is_cjk:
            flush()
            run_is_cjk = is_cjk
        run.append(char)
    flush()
    return "".join(out)
