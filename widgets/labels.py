"""Translatable display names for codes stored in the database (tiers, languages, ...).

The database keeps stable codes ("gold", "zh-TW", "steady"); these turn them into what a
person reads, through Qt's translation catalogue.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

_CTX = "Labels"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark `text` for extraction; it is translated when shown."""
    return text

TIER_NAMES = {
    "new": QT_TRANSLATE_NOOP("Labels", "New"),
    "bronze": QT_TRANSLATE_NOOP("Labels", "Bronze"),
    "silver": QT_TRANSLATE_NOOP("Labels", "Silver"),
    "gold": QT_TRANSLATE_NOOP("Labels", "Gold"),
    "platinum": QT_TRANSLATE_NOOP("Labels", "Platinum"),
}

# Language names are written in the language itself, so a customer can point at theirs.
LANGUAGE_NAMES = {
    "en": "English",
    "fi": "Suomi",
    "zh-TW": "繁體中文",
    "zh-CN": "简体中文",
}

PERSONALITY_NAMES = {
    "lively": QT_TRANSLATE_NOOP("Labels", "Lively"),
    "decisive": QT_TRANSLATE_NOOP("Labels", "Decisive"),
    "steady": QT_TRANSLATE_NOOP("Labels", "Steady"),
    "analytical": QT_TRANSLATE_NOOP("Labels", "Analytical"),
}

SERVING_TIPS = {
    "lively": QT_TRANSLATE_NOOP(
        "Labels", "Enjoys a chat: be warm, share what is new, keep it light."),
    "decisive": QT_TRANSLATE_NOOP(
        "Labels", "Values time: be brief, give the options, let them choose."),
    "steady": QT_TRANSLATE_NOOP(
        "Labels", "Likes the familiar: be calm and friendly, no pressure, remember the usual."),
    "analytical": QT_TRANSLATE_NOOP(
        "Labels", "Wants facts: give precise details, ingredients and prices; do not rush."),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def tier_name(tier: str) -> str:
    return _t(TIER_NAMES[tier]) if tier in TIER_NAMES else tier


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def personality_name(code: str | None) -> str:
    return _t(PERSONALITY_NAMES[code]) if code in PERSONALITY_NAMES else ""


def serving_tip(code: str | None) -> str:
    return _t(SERVING_TIPS[code]) if code in SERVING_TIPS else ""


def month_names() -> list[str]:
    """January..December in the current UI locale (QLocale does the translating)."""
    locale = QLocale()
    return [locale.monthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13)]


def date_format(locale: QLocale | None = None, *, with_year: bool = True) -> str:
    """The screen language's one date pattern (`widgets.formats`), or its month and day."""
    from widgets import formats

    return formats.date_format(locale) if with_year else formats.month_day_format(locale)


def format_date(day: date, locale: QLocale | None = None, *, with_year: bool = True) -> str:
    """A date in the screen language's one format (`widgets.formats`); birthdays without
    the year show the month and day only."""
    from widgets import formats

    if with_year:
        return formats.format_date(day, locale)
    return formats.format_month_day(day.month, day.day, locale)
