"""Birthday arithmetic; 29 February is celebrated on 28 February in common years."""

from __future__ import annotations

import calendar
from datetime import date


def occurrence(month: int, day: int, year: int) -> date:
    """The date a birthday falls on in `year`."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def next_occurrence(month: int, day: int, today: date) -> date:
    this_year = occurrence(month, day, today.year)
    return this_year if this_year >= today else occurrence(month, day, today.year + 1)


def days_until(month: int, day: int, today: date) -> int:
    return (next_occurrence(month, day, today) - today).days


def is_valid_month_day(month: int, day: int) -> bool:
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(2000, month)[1]  # 2000 is leap: 29 Feb allowed
