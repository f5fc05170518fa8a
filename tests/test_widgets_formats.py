"""One date and time format per screen language; plural forms in every language; the window
opens maximised or, with --kiosk, full screen without a frame."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit

from db.i18n import set_language
from db.security import lockout
from db.service.models import LockoutStatus
from widgets import formats
from widgets.labels import format_date as label_format_date
from widgets.plurals import english_plural

ROOT = Path(__file__).resolve().parent.parent
LOCALES = {"en": "en_GB", "fi": "fi_FI", "zh-TW": "zh_TW", "zh-CN": "zh_CN"}


@pytest.fixture
def screen_language() -> object:
    before = QLocale()
    yield lambda language: QLocale.setDefault(QLocale(LOCALES[language]))
    QLocale.setDefault(before)


@pytest.mark.parametrize(("language", "day", "moment", "month_day"), [
    ("en", "05/03/2026", "05/03/2026 14:07", "24/12"),
    ("fi", "5.3.2026", "5.3.2026 14.07", "24.12."),
    ("zh-TW", "2026/3/5", "2026/3/5 下午2:07", "12/24"),
    ("zh-CN", "2026/3/5", "2026/3/5 14:07", "12/24"),
])
def test_one_format_per_language(qapp: QApplication, screen_language: object, language: str,
                                 day: str, moment: str, month_day: str) -> None:
    screen_language(language)  # type: ignore[operator]
    assert formats.format_date(date(2026, 3, 5)) == day
    assert label_format_date(date(2026, 3, 5)) == day  # the older helper gives the same
    helsinki = ZoneInfo("Europe/Helsinki")
    instant = datetime(2026, 3, 5, 12, 7, tzinfo=UTC)  # 14:07 in Helsinki
    assert formats.format_datetime(instant, helsinki) == moment
    assert formats.format_month_day(12, 24) == month_day
    assert label_format_date(date(1985, 12, 24), with_year=False) == month_day
    edit = QDateEdit()
    formats.use_date_format(edit)
    edit.setDate(QDate(2026, 3, 5))
    assert edit.text() == day
    stamp = QDateTimeEdit()
    formats.use_date_format(stamp)
    assert stamp.displayFormat() == formats.datetime_format()


def test_no_date_is_formatted_by_hand_on_screen() -> None:
    """Widgets and the console never build a date pattern or call strftime themselves."""
    hand_made = re.compile(r"strftime\(|setDisplayFormat\(\s*\"|toString\([^)]*\"[dMy]{1,4}[-./]")
    offenders = []
    for folder in ("widgets", "console"):
        for path in (ROOT / folder).glob("*.py"):
            if path.name in ("formats.py", "bench.py"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if hand_made.search(line):
                    offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_no_plural_is_made_by_hand() -> None:
    """"(s)" only ever reaches Qt's numerus tr(text, "", n) or gettext's ngettext."""
    offenders = []
    pattern = re.compile(r"""(\btr\(|_\(|translate\()\s*(["'])[^"']*\(s\)[^"']*\2\s*\)""")
    for folder in ("widgets", "console", "db", "reports"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            offenders += [f"{path.name}: {m.group(0)}" for m in pattern.finditer(text)]
    assert offenders == []


def test_english_plurals(qapp: QApplication) -> None:
    assert english_plural("%n attempt(s) left", 1) == "%n attempt left"
    assert english_plural("%n attempt(s) left", 0) == "%n attempts left"

    class Screen(QObject):
        pass

    screen = Screen()
    assert screen.tr("%n letter(s) to make.", "", 1) == "1 letter to make."
    assert screen.tr("%n letter(s) to make.", "", 12) == "12 letters to make."
    assert QCoreApplication.translate("X", "%n refusal(s)", None, 2) == "2 refusals"


@pytest.mark.parametrize(("language", "one", "five"), [
    ("en", "1 attempt left", "5 attempts left"),
])
def test_wrong_pin_message_counts_properly(language: str, one: str, five: str) -> None:
    set_language(language)
    try:
        def status(left: int) -> LockoutStatus:
            return LockoutStatus("till-1", 5 - left, left, None, 0)

        assert one in str(lockout.WrongPin(status(1)))
        assert five in str(lockout.WrongPin(status(5)))
        locked = LockoutStatus("till-1", 5, 0, datetime(2030, 1, 1, tzinfo=UTC), 60)
        assert "1 minute." in str(lockout.WrongPin(locked))
        assert "(s)" not in str(lockout.PinLocked(locked))
    finally:
        set_language("en")


def test_window_opens_maximised_and_kiosk_is_full_screen_without_frame(
        qapp: QApplication) -> None:
    from PySide6.QtWidgets import QMainWindow

    from console.cmd_run import show_window

    window = QMainWindow()
    show_window(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized
    window.close()
    kiosk = QMainWindow()
    show_window(kiosk, kiosk=True)
    assert kiosk.windowState() & Qt.WindowState.WindowFullScreen
    assert kiosk.windowFlags() & Qt.WindowType.FramelessWindowHint
    kiosk.close()


def test_run_takes_kiosk() -> None:
    from console.cli import build_parser

    args = build_parser().parse_args(["run", "--kiosk"])
    assert args.kiosk is True
    assert build_parser().parse_args(["run"]).kiosk is False
