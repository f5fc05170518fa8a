"""Text folding and search keys.

Staff type Finnish names without diacritics, phone numbers in pieces, and Chinese names
that are two or three characters long; these helpers turn names and queries into keys that
one index can serve.
"""

from __future__ import annotations

import re
import unicodedata

_NON_DIGIT = re.compile(r"\D+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, strip diacritics (ä->a, ö->o, å->a), keep CJK as is."""
    if text.isascii():  # most names and every phone query: the same result, much faster
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).casefold()


def digits(text: str | None) -> str:
    return _NON_DIGIT.sub("", text or "")


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
        or 0x3040 <= code <= 0x30FF  # kana
        or 0xAC00 <= code <= 0xD7AF  # hangul
    )


def has_cjk(text: str) -> bool:
    return any(is_cjk(c) for c in text)


_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc`\u00b4")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_.,/@]+")


def search_key(text: str) -> str:
    """`fold`, then apostrophes dropped and hyphens, dots and the like made spaces, so
    O'Brien is found as "obrien" and Anna-Liisa as "anna liisa" (the query gets the same)."""
    return _SEPARATORS.sub(" ", fold(text).translate(_APOSTROPHES)).strip()


def search_document(name: str, phone_digits: str, customer_no: str, email: str | None) -> str:
    """The text the trigram index holds for one customer."""
    parts = [search_key(name), phone_digits, customer_no.casefold(), search_key(email or "")]
    return " ".join(p for p in parts if p)


def short_terms(name: str) -> set[str]:
    """Keys for queries shorter than a trigram: folded words, CJK characters and pairs."""
    terms: set[str] = set()
    folded = search_key(name)
    for word in _WORD.findall(folded):
        if has_cjk(word):
            chars = [c for c in word if is_cjk(c)]
            terms.update(chars)
            terms.update(a + b for a, b in zip(chars, chars[1:], strict=False))
            latin = "".join(c for c in word if not is_cjk(c))
            if latin:
                terms.add(latin)
        else:
            terms.add(word)
    return terms
