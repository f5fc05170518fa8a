"""Phone numbers as staff type them: local or international, found either way.

A number is indexed under the digits as written and, when `phonenumbers` can read it (a
number without a country code is read as the shop's country), also under its international
digits (358401234567) and its national digits with the trunk prefix (0401234567). A query
is then plain digits: 040 123 4567 finds +358 40 123 4567 and back, and pieces of either
form ("040 12", "4567") still match.
"""

from __future__ import annotations

import json
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
    """The shop's country (from the shop locale setting) for reading local numbers."""
    row = db.execute("SELECT value FROM settings WHERE key = 'locale'").fetchone()
    if row is None:
        return DEFAULT_REGION
    return region_from_locale(str(json.loads(row[0])))  # settings are JSON values


@lru_cache(maxsize=4096)
def phone_variants(phone: str, region: str = DEFAULT_REGION) -> tuple[str, ...]:
    """The digit strings a number is found by: as written, international, national."""
    written = digits(phone)
    if not written:
        return ()
    found = [written]
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return tuple(found)
    if not phonenumbers.is_possible_number(number):
        return tuple(found)
    if number.country_code is None or number.national_number is None:
        return tuple(found)
    national = str(number.national_number)
    international = f"{number.country_code}{national}"
    prefix = phonenumbers.ndd_prefix_for_region(
        phonenumbers.region_code_for_country_code(number.country_code), True) or ""
    for variant in (international, prefix + national):
        if variant not in found:
            found.append(variant)
    return tuple(found)


def query_digits(text: str) -> str:
    """Digits of a typed number: "+44 7700" -> "447700"; an 00 exit code is dropped."""
    typed = text.strip()
    key = digits(typed)
    if typed.startswith("00") and len(key) > 2:
        return key[2:]
    return key


__all__ = ["phone_variants", "query_digits", "region_from_locale", "shop_region"]
