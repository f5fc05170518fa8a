"""Locale formatting of money, dates and times for letters, reports and the command line.

Babel does the work (CLDR data), so a Finnish letter says ``23. marraskuuta 2026`` and
``12,50 €`` while a Traditional Chinese one says ``2026年11月23日``. Money stays integer minor
units until the last moment and is turned into a ``Decimal``, never a float.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.numbers import format_currency, get_currency_precision

# The app's language codes (db.models.LANGUAGES) -> Babel locale identifiers.
LANGUAGE_LOCALES: dict[str, str] = {
    "en": "en_GB",
    "fi": "fi_FI",
    "zh-TW": "zh_Hant_TW",
    "zh-CN": "zh_Hans_CN",
}


def locale_for(lang: str) -> str:
    """The Babel locale for an app language code, or the code itself if it is already a locale.

    ``en``, ``fi``, ``zh-TW``, ``zh-CN`` are mapped; anything else (``sv_SE``) is passed to Babel
    as it is, and an unknown code falls back to British English.
    """
    if lang in LANGUAGE_LOCALES:
        return LANGUAGE_LOCALES[lang]
    try:
        Locale.parse(lang.replace("-", "_"))
    except (ValueError, TypeError):
        return LANGUAGE_LOCALES["en"]
    return lang.replace("-", "_")


def minor_to_decimal(minor: int, currency: str) -> Decimal:
    """Integer minor units as an exact Decimal in major units (1250 EUR -> 12.50)."""
    if isinstance(minor, bool) or not isinstance(minor, int):
        raise TypeError("money is an int in minor units")
    digits = get_currency_precision(currency)
    return Decimal(minor).scaleb(-digits)


def format_money(minor: int, currency: str, locale: str) -> str:
    """``1250, "EUR", "fi"`` -> ``12,50 €``; `locale` is an app language or a Babel locale."""
    return format_currency(
        minor_to_decimal(minor, currency), currency, locale=locale_for(locale)
    )


def format_date(d: date | datetime, lang: str, fmt: str = "long") -> str:
    """A date as people of `lang` write it in a letter (``fmt``: short/medium/long/full)."""
    if isinstance(d, datetime):
        d = d.date()
    return _babel_date(d, format=fmt, locale=locale_for(lang))


def format_datetime(
    moment: datetime, lang: str, timezone: str | None = None, fmt: str = "medium"
) -> str:
    """An instant in the shop's `timezone` (IANA name), formatted for `lang`."""
    tz = ZoneInfo(timezone) if timezone else None
    return _babel_datetime(moment, format=fmt, tzinfo=tz, locale=locale_for(lang))
