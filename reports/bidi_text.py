"""Right-to-left names (Hebrew, Arabic) in the order and shapes a PDF needs.

ReportLab draws characters in the order they are stored and never joins Arabic letters, so a
name like ``محمد علي`` would print reversed and as isolated letters. `visual` shapes Arabic
into its joined presentation forms (``arabic-reshaper``) and reorders each line from logical
to visual order with the Unicode bidirectional algorithm (``python-bidi``), the paragraph
running left to right as the letters and the report do. Text without a right-to-left
character is returned unchanged, so Latin and Chinese cost nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

import arabic_reshaper
from bidi import get_display

# Hebrew, Arabic, Syriac, Thaana, NKo..., and the Hebrew/Arabic presentation forms.
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def has_rtl(text: str) -> bool:
    return bool(_RTL.search(text))


@lru_cache(maxsize=4096)
def _line(line: str) -> str:
    if not has_rtl(line):
        return line
    shaped = arabic_reshaper.reshape(line)
    return str(get_display(shaped, base_dir="L"))


def visual(text: str) -> str:
    """`text` with each line's right-to-left runs shaped and in visual order."""
    if not has_rtl(text):
        return text
    return "\n".join(_line(line) for line in text.split("\n"))
