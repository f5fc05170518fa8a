"""Text folding and search keys.

Staff type Finnish names without diacritics, phone numbers in pieces, and Chinese names
that are two or three characters long; these helpers turn names and queries into keys that
one index can serve.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, TypeVar

T = TypeVar("T")

_NON_DIGIT = re.compile(r"\D+")


# ---------------------------------------------------------------- hostile text

# Characters no field may hold: C0 and C1 controls (NUL included) except tab and newline,
# DEL, the bidi embeddings, overrides and isolates that can make a name read backwards on
# screen and paper (U+202A..U+202E, U+2066..U+2069) and the bidi marks, the interlinear
# annotation controls, and lone surrogates (which cannot even be stored as UTF-8).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufff9-\ufffb\ud800-\udfff]"
)
_NEWLINES = re.compile("\r\n?|[\u2028\u2029]")
# Zero-width characters: kept in what is stored (joiners matter in some scripts and emoji)
# but ignored by search, so "anna" finds "Ann\u200ba".
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SEARCH_DROP = re.compile("[" + ZERO_WIDTH + _FORBIDDEN.pattern[1:])  # one character class


def clean_text(text: str) -> str:
    """`text` without control characters, bidi overrides and lone surrogates.

    Line breaks become a newline (CR LF, CR and the Unicode line and paragraph
    separators) and tabs stay; everything else that is forbidden is removed. Every text a
    person or an import file gives the data API goes through here (see `clean_fields`).
    """
    if text.isascii() and text.isprintable():
        return text  # the common case, fast
    return _FORBIDDEN.sub("", _NEWLINES.sub("\n", text))


_CHANGED = re.compile(_FORBIDDEN.pattern[:-1] + "\u2028\u2029]")


def needs_cleaning(text: str) -> bool:
    """Whether `clean_text` would change `text` at all: one scan of a whole file row
    instead of a call per cell."""
    if text.isascii() and text.isprintable():
        return False
    return _CHANGED.search(text) is not None


def has_forbidden(text: str) -> bool:
    """True when `clean_text` would change more than line endings."""
    return _FORBIDDEN.search(_NEWLINES.sub("\n", text)) is not None


def clean_fields(value: T) -> T:
    """A copy of `value` with `clean_text` applied to every string in it.

    Strings, lists, tuples, dicts and (frozen or not) dataclasses are walked recursively,
    so one call at the top of a validation function cleans a whole input record with its
    lines and promise. Other values are returned as they are.
    """
    return _clean(value)  # type: ignore[no-any-return]


_SCALARS = (int, float, bool, type(None))
_INIT_FIELDS: dict[type, tuple[str, ...]] = {}
"""A dataclass type's init fields, looked up once per type (an import validates a
million customers)."""


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_clean(v) for v in value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    kind = type(value)
    names = _INIT_FIELDS.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return value
        names = _INIT_FIELDS[kind] = tuple(
            f.name for f in dataclasses.fields(value) if f.init)
    return dataclasses.replace(value, **{n: _clean(getattr(value, n)) for n in names})


def forbidden_problem() -> str:
    """The message for a field that holds characters `clean_text` removes (refused)."""
    from db.i18n import _

    return _("Remove the invisible control or text-direction characters (they can hide or "
             "reverse text); retype the text if in doubt.")


# ---------------------------------------------------------------- search keys


def fold(text: str) -> str:
    """Lower-case, strip diacritics (ä->a, ö->o, å->a), keep CJK as is; zero-width and
    forbidden characters are dropped, so they neither hide a name nor break a query."""
    if text.isascii() and text.isprintable():  # most names and queries: much faster
        return text.casefold()
    text = _SEARCH_DROP.sub("", text)
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
