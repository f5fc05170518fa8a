"""Phone numbers as staff type them: local or international, found either way.

A number is indexed under the digits as written and, when `phonenumbers` can read it (a
number without a country code is read as the shop's country), also under its international
digits (358401234567) and its national digits with the trunk prefix (0401234567). A query
is then plain digits: 040 123 4567 finds +358 40 123 4567 and back, and pieces of either
form ("040 12", "4567") still match.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import phonenumbers
from sqlite_utils import Database

from db.text import digits

DEFAULT_REGION = "FI"


def region_from_locale(locale: str) -> str:
    """"fi_FI" -> "FI", "zh_Hant_TW" -> "TW", "en-GB" -> "GB"; DEFAULT_REGION when none."""
    parts = locale.replace("-", "_").split("_")
    for part in reversed(parts[1:]):
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return DEFAULT_REGION


def shop_region(db: Database) -> str:
    """The shop's country (from the console's shop's locale setting) for reading local
    numbers."""
    from db.shops import shop_of

    row = db.execute("SELECT value FROM shop_settings WHERE key = 'locale' AND shop_id = ?",
                     [shop_of(db)]).fetchone()
    if row is None:
        return DEFAULT_REGION
    return region_from_locale(str(json.loads(row[0])))  # settings are JSON values


@lru_cache(maxsize=4096)
def phone_variants(phone: str, region: str = DEFAULT_REGION) -> tuple[str, ...]:
    """The digit strings a number is found by: as written, international, national."""
    written = digits(phone)
    if not written:
        return ()
    read = _READINGS.get(phone) or _read_by_shape(phone, written, region)
    if read is None:
        try:
            number = phonenumbers.parse(phone, region)
        except phonenumbers.NumberParseException:
            return (written,)
        if not phonenumbers.is_possible_number(number):
            return (written,)
        if number.country_code is None or number.national_number is None:
            return (written,)
        read = number.country_code, phonenumbers.national_significant_number(number)
    country, national = read
    found = [written]
    for variant in (f"{country}{national}", _trunk_prefix(country) + national):
        if variant not in found:
            found.append(variant)
    return tuple(found)


@lru_cache(maxsize=512)
def _trunk_prefix(country: int) -> str:
    return phonenumbers.ndd_prefix_for_region(
        phonenumbers.region_code_for_country_code(country), True) or ""


MIN_SHAPED_DIGITS = 6
"""Shorter numbers (never a valid phone) are read by phonenumbers itself."""


def _read_by_shape(text: str, written: str, region: str) -> tuple[int, str] | None:
    """(country code, national significant number) as `phonenumbers.parse` reads a plain
    number (`written`: its digits), from the cached reading of its shape; None: read it
    whole."""
    if not _PLAIN_PHONE.match(text) or not _simple_region(region):
        return None
    shape = _shape_of(text, written, region)
    if shape is None:
        return None
    country, drop, _nsn_len = shape
    return country, written[drop:]


def _shape_of(text: str, written: str, region: str) -> tuple[int, int, int] | None:
    if len(written) < MIN_SHAPED_DIGITS:
        return None  # a few digits are read whole (phonenumbers reads "0 1" unlike "01")
    plus = text.lstrip()[:1] == "+"
    # enough leading digits to tell an exit code (00, 990 in Finland...), the country code
    # (up to 3 digits) and a trunk prefix apart
    exit_code = 0 if plus else _exit_code_length(region, written)
    head = 4 if plus else exit_code + 4 if exit_code else 3
    shape = _phone_shape(region, plus, written[:head], len(written))
    if shape is None:
        return None
    if not _simple_country(shape[0]):
        # +86: China strips carrier codes by a pattern; a number it strips nothing from
        # (nor from the stand-in of its shape) reads as its shape all the same
        rule = _prefix_rule(shape[0]) if plus else None
        code = len(str(shape[0]))
        if rule is None or rule.match(written[code:]) or rule.match(
                _example(plus, written[:head], len(written))[1 + code:]):
            return None
        return shape
    longer = _longer_prefixes(region, shape[0])
    if longer and any(p in written for p in longer):
        return None  # it may start so (GB strips 180020): read whole
    return shape


@lru_cache(maxsize=512)
def _prefix_rule(country: int) -> re.Pattern[str] | None:
    """What phonenumbers may strip from the start of a number written with this country
    code (by the metadata of its main region); None when it rewrites the number too."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(
        phonenumbers.region_code_for_country_code(country), None)
    if meta is None or meta.national_prefix_transform_rule is not None:
        return None
    pattern = meta.national_prefix_for_parsing or meta.national_prefix
    return re.compile(pattern) if pattern else re.compile("(?!)")


@lru_cache(maxsize=64)
def _exit_pattern(region: str) -> re.Pattern[str] | None:
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
    prefix = meta.international_prefix if meta is not None else None
    return re.compile(prefix) if prefix else None


def _exit_code_length(region: str, written: str) -> int:
    """How many leading digits dial out of the region (0 when the number does not start so).
    Generous: any longer exit code only makes the cached head longer."""
    pattern = _exit_pattern(region)
    found = pattern.match(written) if pattern is not None else None
    return max(found.end(), 2) + 1 if found else 0


@lru_cache(maxsize=512)
def _simple_country(country: int) -> bool:
    """A number with this country code written with it (+44, 00 44) is read by the
    metadata of the code's main region (GB for +44, whatever Jersey does): simple when
    that region's trunk prefix is plain."""
    region = phonenumbers.region_code_for_country_code(country)
    return region != phonenumbers.UNKNOWN_REGION and _simple_region(region)


def query_digits(text: str) -> str:
    """Digits of a typed number: "+44 7700" -> "447700"; an 00 exit code is dropped."""
    typed = text.strip()
    key = digits(typed)
    if typed.startswith("00") and len(key) > 2:
        return key[2:]
    return key




def normalise_phone(text: str, region: str) -> str:
    """The number in international format ("+358 40 1234567") read with `phonenumbers` for
    the shop's country; the text as written when phonenumbers cannot read it as a possible
    number (db.customers.records.validate then accepts or refuses it).

    Reading a number costs tens of microseconds, too slow for a million rows: the way a
    number is read (how many leading digits are an exit code, country code or trunk
    prefix) and grouped depends only on its first digits and its length, so phonenumbers
    reads the first number of each such shape and the rest reuse that reading.
    """
    if not _PLAIN_PHONE.match(text):
        return _parse_phone(text, region) or text
    if not _simple_region(region):
        return _parse_phone(text, region) or text
    written = _NON_DIGIT.sub("", text)
    shape = _shape_of(text, written, region)
    if shape is None:
        return _parse_phone(text, region) or text
    country, drop, _nsn_len = shape
    nsn = written[drop:]
    head = (_HEAD_BY_START.get((country, nsn[:1], len(nsn)))
            or _HEAD_BY_START.get((country, nsn[:1], 0)) or _HEAD.get(country, 4))
    template = _phone_template(country, nsn[:head], len(nsn))
    if template is None:
        return _parse_phone(text, region) or text
    start = 0
    parts = []
    for piece, length in template:
        parts.append(piece)
        parts.append(nsn[start:start + length])
        start += length
    return _remember("".join(parts), country, nsn)


_READINGS: dict[str, tuple[int, str]] = {}
"""Numbers `normalise_phone` wrote lately -> (country code, national significant number):
an import indexes each number it has just normalised (`phone_variants`), and reading it
a second time cost as much as the first (a phonenumbers parse for a number of China or
the UK). The international format reads back as the same number, so the reading holds."""
_READINGS_KEPT = 4096


def _remember(formatted: str, country: int, nsn: str) -> str:
    rule = _prefix_rule(country)
    if rule is None or rule.match(nsn):
        return formatted  # read back, it would lose a trunk prefix ("+358 0000": 000)
    if len(_READINGS) >= _READINGS_KEPT:
        _READINGS.clear()
    _READINGS[formatted] = (country, nsn)
    return formatted


_PLAIN_PHONE = re.compile(r"^\s*\+?[0-9 \-().]+$")
_NON_DIGIT = re.compile(r"\D+")


def _parse_phone(text: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number) or number.country_code is None:
        return None
    return _remember(
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
        number.country_code, phonenumbers.national_significant_number(number))


@lru_cache(maxsize=64)
def _simple_region(region: str) -> bool:
    """True when the region's trunk prefixes are plain digits (FI "0", US "1", GB "0" or
    "180020"), so the first digits of a number tell how it is read; regions with rewriting
    rules or patterns (CN, AR, MX, JE...) read every number with phonenumbers."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
    if meta is None:
        return False
    if meta.national_prefix_transform_rule is not None:
        return False
    pattern = meta.national_prefix_for_parsing
    return pattern is None or _LITERALS.match(pattern) is not None


_LITERALS = re.compile(r"^[0-9]+(\|[0-9]+)*$")


@lru_cache(maxsize=512)
def _longer_prefixes(region: str, country: int) -> tuple[str, ...]:
    """`_long_prefixes` of the shop's region and of the number's country (its main region),
    once per pair: every imported number asks."""
    return _long_prefixes(region) + _long_prefixes(
        phonenumbers.region_code_for_country_code(country))


@lru_cache(maxsize=64)
def _long_prefixes(region: str) -> tuple[str, ...]:
    """The region's trunk prefixes longer than one digit (a stand-in number of a shape,
    padded with 5s, never holds them): a number holding one is read whole."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region.upper(), None)
    pattern = meta.national_prefix_for_parsing if meta is not None else None
    if not pattern or _LITERALS.match(pattern) is None:
        return ()
    return tuple(p for p in pattern.split("|") if len(p) > 1)


def _example(plus: bool, head: str, length: int) -> str:
    """A stand-in number of this shape (the head followed by 5s)."""
    return ("+" if plus else "") + head + "5" * (length - len(head))


@lru_cache(maxsize=131072)
def _phone_shape(region: str, plus: bool, head: str, length: int
                 ) -> tuple[int, int, int] | None:
    """(country code, leading digits to drop, national number length) for numbers written
    with this start and length, or None when phonenumbers cannot read them."""
    try:
        number = phonenumbers.parse(_example(plus, head, length), region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number) or number.country_code is None:
        return None
    nsn = phonenumbers.national_significant_number(number)
    return number.country_code, length - len(nsn), len(nsn)


@lru_cache(maxsize=65536)
def _phone_template(country: int, head: str, length: int
                    ) -> tuple[tuple[str, int], ...] | None:
    """How a national number of this start and length is grouped: (text before the group,
    group length) pairs, from phonenumbers' international format of one such number."""
    nsn = head + "5" * (length - len(head))
    zeros = len(nsn) - len(nsn.lstrip("0"))
    number = phonenumbers.PhoneNumber(
        country_code=country, national_number=int(nsn),
        italian_leading_zero=zeros > 0 or None, number_of_leading_zeros=zeros or None)
    if not phonenumbers.is_possible_number(number):
        return None
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    prefix = f"+{country}"
    if not formatted.startswith(prefix) or _NON_DIGIT.sub("", formatted[len(prefix):]) != nsn:
        return None
    pieces: list[tuple[str, int]] = []
    for match in _GROUP.finditer(formatted[len(prefix):]):
        pieces.append(((prefix if not pieces else "") + match[1], len(match[2])))
    return tuple(pieces)


_GROUP = re.compile(r"(\D*)(\d+)")
_HEAD: dict[int, int] = {7: 6, 82: 6, 91: 6, 261: 6, 352: 6, 375: 6, 591: 6}
"""Leading national digits that choose a number's grouping, where 4 are not enough."""
_HEAD_BY_START: dict[tuple[int, str, int], int] = {
    (44, "1", 0): 6, (86, "1", 10): 6, (86, "2", 10): 6}
"""The same for the numbers of a country that start with this digit (and have this many
digits; 0: any): UK area codes of five digits (+44 13873 01234) need six, every other UK
number four; Chinese numbers of ten digits that start with 1 or 2 need six (10800...),
mobile numbers four. Checked for every six-digit start of UK numbers of nine and ten
digits and Chinese ones of ten and eleven: with six for every number, a mobile number
cached a grouping per hundred numbers, and a million-row import read most of them
whole."""


__all__ = ["normalise_phone", "phone_variants", "query_digits", "region_from_locale",
           "shop_region"]
