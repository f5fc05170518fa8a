"""One date format and one date-and-time format per screen language, everywhere on screen.

Every date a widget shows or edits goes through here, so a date reads the same on the
profile, in the complaint history, in a date field and on the report screen. The formats are
QLocale's short ones for the screen language (`QLocale()`, which `console.app` sets from
the language): en "05/03/2026 14:07", fi "5.3.2026 14.07", zh-TW "2026/3/5 下午2:07",
zh-CN "2026/3/5 14:07". A month and day without a year (birthdays, family dates) is the
same date format with the year taken out: "05/03", "5.3.", "3/5".

Money keeps the shop's locale (`AppContext.format_money`); dates follow the screen.
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit


def screen_locale() -> QLocale:
    """The locale of the screen language (set once by the application)."""
    return QLocale()


def date_format(locale: QLocale | None = None) -> str:
    """The one date pattern of the screen language, always with a four-digit year."""
    fmt = (locale or screen_locale()).dateFormat(QLocale.FormatType.ShortFormat)
    return re.sub(r"(?<!y)yy(?!y)", "yyyy", fmt)


def time_format(locale: QLocale | None = None) -> str:
    return (locale or screen_locale()).timeFormat(QLocale.FormatType.ShortFormat)


def datetime_format(locale: QLocale | None = None) -> str:
    return f"{date_format(locale)} {time_format(locale)}"


def month_day_format(locale: QLocale | None = None) -> str:
    """The date pattern without the year: "dd/MM", "d.M.", "M/d"."""
    fmt = date_format(locale)
    fmt = re.sub(r"^y+[^dMy]*", "", fmt)  # year first (zh): "yyyy/M/d" -> "M/d"
    fmt = re.sub(r"[^dMy.]*y+", "", fmt)  # year last: "dd/MM/yyyy" -> "dd/MM", "d.M.yyyy" -> "d.M."
    return fmt.strip(" /-") or "d.M."


def _qdate(day: date | QDate) -> QDate:
    if isinstance(day, QDate):
        return day
    return QDate(day.year, day.month, day.day)  # from its parts: no time zone can shift it


def format_date(day: date | QDate, locale: QLocale | None = None) -> str:
    loc = locale or screen_locale()
    return loc.toString(_qdate(day), date_format(loc))


def format_month_day(month: int, day: int, locale: QLocale | None = None) -> str:
    loc = locale or screen_locale()
    return loc.toString(QDate(2000, month, day), month_day_format(loc))  # 2000: 29 Feb exists


def format_time(moment: datetime, zone: tzinfo | None = None,
                locale: QLocale | None = None) -> str:
    local = moment.astimezone(zone) if zone is not None else moment
    loc = locale or screen_locale()
    return loc.toString(QTime(local.hour, local.minute), time_format(loc))


def format_datetime(moment: datetime, zone: tzinfo | None = None,
                    locale: QLocale | None = None) -> str:
    """An instant as wall-clock time in `zone` (the shop's), in the screen language."""
    local = moment.astimezone(zone) if zone is not None else moment
    loc = locale or screen_locale()
    value = QDateTime(QDate(local.year, local.month, local.day),
                      QTime(local.hour, local.minute))
    return loc.toString(value, datetime_format(loc))


def use_date_format(edit: QDateTimeEdit) -> None:
    """A date or date-and-time field shows the same format as the rest of the screen."""
    if isinstance(edit, QDateEdit):
        edit.setDisplayFormat(date_format())
    else:
        edit.setDisplayFormat(datetime_format())
