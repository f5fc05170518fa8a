"""Plural forms through Qt's own mechanism: `self.tr("%n letter(s) to make.", "", n)`.

Qt picks the right form from the language's catalogue (Finnish has two forms, Chinese one).
English is the source language and has no catalogue, so `EnglishPlurals`, installed first
(Qt asks it last), turns a source text's "(s)" into the English singular or plural: the
screen says "1 attempt" and "3 attempts", never "attempt(s)". Write plural source texts
with "%n" and "(s)" on the counted word only.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QTranslator

_MARK = re.compile(r"\(s\)")


def english_plural(text: str, n: int) -> str:
    """"%n letter(s)" -> "%n letter" for 1, "%n letters" otherwise (the %n stays for Qt)."""
    return _MARK.sub("" if n == 1 else "s", text)


class EnglishPlurals(QTranslator):
    """Answers only numerus texts with "(s)"; everything else is left to the others."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterpartEnglishPlurals")

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1,
    ) -> str | None:
        if n is None or n < 0 or "(s)" not in source_text:
            return None  # a null string: "no translation here"
        return english_plural(source_text, n)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False
