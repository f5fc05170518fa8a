"""Headings and labels of the end-of-day report, and its locale formatting.

The report's language is the one asked for (``counterpart report --lang``, the screen's
language in the window), else ``ShopSettings.report_language`` (en, fi, zh-TW, zh-CN): the
texts live in ``assets/report/<lang>.json`` (one flat catalogue per language, English as the
fallback for any missing key; plural forms as ``key.one``/``key.other``). Amounts, dates and
times are formatted by Babel in that language (`report_locale`), in the shop's currency.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from datetime import time as clock
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_date
from babel.dates import format_datetime as babel_datetime
from babel.dates import format_skeleton
from babel.dates import format_time as babel_time
from babel.numbers import format_decimal

import assets
from db.models import ShopSettings
from reports.formatting import format_money, locale_for, minor_to_decimal

CATALOGUE_DIR = Path(assets.__file__).resolve().parent / "report"


@lru_cache(maxsize=8)
def _load(lang: str) -> dict[str, str]:
    path = CATALOGUE_DIR / f"{lang}.json"
    if not path.exists():
        return {}
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    data.pop("_comment", None)
    return data


class ReportText:
    """The catalogue of one report language: ``text("summary")``, ``text.label("cause", k)``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if _load(lang) else "en"
        self._texts = {**_load("en"), **_load(self.lang)}
        self._labels: dict[tuple[str, object], str] = {}

    def __call__(self, key: str, **values: object) -> str:
        text = self._texts.get(key, key)
        return text.format(**values) if values else text

    def n(self, key: str, number: int, **values: object) -> str:
        """The plural form of `key` for `number` ("1 compliment", "2 compliments").

        Looks up ``key.one``, ``key.other``... by the report language's plural rules
        (Babel), then ``key.other``, then `key` itself.
        """
        form = Locale.parse(locale_for(self.lang)).plural_form(number)
        candidates = (f"{key}.{form}", f"{key}.other", key)
        own = _load(self.lang)  # the language's own forms before English ones
        text = next((own[c] for c in candidates if c in own), None) or next(
            (self._texts[c] for c in candidates if c in self._texts), key)
        return text.format(**values) if values else text

    def label(self, prefix: str, key: object) -> str:
        """Translated label of a stored key (cause, step, kind...); unknown keys as stored."""
        memo = (prefix, key)
        text = self._labels.get(memo)
        if text is None:
            text = self._labels[memo] = self._texts.get(f"{prefix}.{key}", str(key))
        return text


def report_locale(shop: ShopSettings) -> str:
    """The locale amounts and dates of the report are written in: the report's language.

    The shop's own locale when it speaks the report's language; else that language in the
    shop's region where CLDR knows the pair (an English report of a Finnish shop: ``en_FI``,
    "22 Nov 2026", "1 234,50 €"); else the language's usual locale (``zh_Hant_TW``).
    """
    shop_locale = Locale.parse(locale_for(shop.locale))
    wanted = Locale.parse(locale_for(shop.report_language))
    if wanted.language == shop_locale.language:
        return str(shop_locale)
    if shop_locale.territory and not wanted.script:
        try:
            return str(Locale.parse(f"{wanted.language}_{shop_locale.territory}"))
        except (ValueError, TypeError, UnknownLocaleError):
            pass
    return str(wanted)


class ReportFormat:
    """Money, numbers, dates and times for one shop and report language.

    Babel is exact but slow per call, and a month's report formats tens of thousands of
    values; results are memoised per value (money by amount, times by local minute).
    """

    def __init__(self, shop: ShopSettings) -> None:
        self.currency = shop.currency
        self.money_locale = report_locale(shop)
        self.tz = ZoneInfo(shop.timezone)
        self.date_locale = self.money_locale
        self._money: dict[int, str] = {}
        self._times: dict[tuple[int, int], str] = {}
        self._days: dict[date, str] = {}
        self._stamps: dict[tuple[datetime, str], str] = {}
        self._short_dates: dict[date, str] = {}
        self._dates: dict[tuple[date, str], str] = {}
        pattern = Locale.parse(self.date_locale).datetime_formats["short"]
        self._datetime_pattern = str(pattern).replace("'", "")

    def money(self, minor: int) -> str:
        text = self._money.get(minor)
        if text is None:
            text = self._money[minor] = format_money(minor, self.currency, self.money_locale)
        return text

    def plain_money(self, minor: int) -> str:
        """Major units without the currency sign (for narrow columns and CSV)."""
        return str(minor_to_decimal(minor, self.currency))

    def number(self, value: float | int, digits: int = 0) -> str:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.money_locale)

    def fmt_date(self, d: date, fmt: str = "medium") -> str:
        key = (d, fmt)
        text = self._dates.get(key)
        if text is None:
            text = self._dates[key] = babel_date(d, format=fmt, locale=self.date_locale)
        return text

    def day_short(self, d: date) -> str:
        """Day and month only (chart labels, multi-day detail rows)."""
        text = self._days.get(d)
        if text is None:
            text = self._days[d] = format_skeleton("Md", d, locale=self.date_locale)
        return text

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def time(self, moment: datetime) -> str:
        """Hours and minutes in the shop's zone."""
        local = moment.astimezone(self.tz)
        key = (local.hour, local.minute)
        text = self._times.get(key)
        if text is None:
            # A plain clock time: the same text, without Babel's time-zone handling.
            text = self._times[key] = babel_time(clock(local.hour, local.minute),
                                                 format="short", locale=self.date_locale)
        return text

    def fmt_datetime(self, moment: datetime, fmt: str = "short") -> str:
        local = moment.astimezone(self.tz)
        if fmt == "short":
            # Babel's own composition (the locale's "{1} {0}" pattern of date and time),
            # from the date memoised per day and the time per minute: a month's promises
            # would otherwise cost a full Babel call each.
            day = local.date()
            short_date = self._short_dates.get(day)
            if short_date is None:
                short_date = self._short_dates[day] = babel_date(
                    day, format="short", locale=self.date_locale)
            return self._datetime_pattern.replace("{0}", self.time(moment)).replace(
                "{1}", short_date)
        key = (local, fmt)
        text = self._stamps.get(key)
        if text is None:
            text = self._stamps[key] = babel_datetime(local, format=fmt,
                                                      locale=self.date_locale)
        return text
