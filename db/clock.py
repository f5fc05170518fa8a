"""The one place the data layer asks for the time, so tests can set it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

_now: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731


def utcnow() -> datetime:
    return _now()


def set_clock(fn: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests); None restores the real one."""
    global _now
    _now = fn if fn is not None else (lambda: datetime.now(UTC))


def to_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_date(moment: datetime, timezone: str) -> date:
    """The shop's local day of an instant (a complaint at 23:59 local counts that day)."""
    return moment.astimezone(ZoneInfo(timezone)).date()


def today_local(timezone: str) -> date:
    return local_date(utcnow(), timezone)


_BABEL_LOCALES = {"en": "en_GB", "fi": "fi_FI", "zh-TW": "zh_Hant_TW", "zh-CN": "zh_Hans_CN"}


def format_local(moment: datetime, timezone: str, lang: str | None = None) -> str:
    """An instant as the shop's wall-clock date and time, written the way `lang` (default:
    the current UI language) writes it: "30/11/2026, 14:05", "30.11.2026 klo 14.05",
    "2026/11/30 下午2:05". For messages of the data layer (the screen has its own)."""
    from babel.dates import format_datetime

    from db.i18n import current_language

    locale = _BABEL_LOCALES.get(lang or current_language(), "en_GB")
    return format_datetime(moment, format="short", tzinfo=ZoneInfo(timezone), locale=locale)
