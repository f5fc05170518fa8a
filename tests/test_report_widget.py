"""The report screen: managers only; made in a worker thread; preview, print and save."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.errors import PermissionDenied
from db.models import Staff
from db.report_queries import build_report
from db.security.sign_in import SignIn
from db.security.staff import get_staff
from db.settings import load_settings
from tests.report_fixtures import seed_mix
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService
from widgets.report_panel import ReportPanel, preset_range

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

DAY = date(2026, 11, 22)


def make_panel(qtbot: QtBot, db: Database, who: Staff | None, *, with_pin: bool = True
               ) -> tuple[ReportPanel, FakeDialogService]:
    dialogs = FakeDialogService()
    signed = SignIn(staff=who, with_pin=with_pin) if who is not None else None
    ctx = AppContext(db=db, current_staff=lambda: who, current_sign_in=lambda: signed,
                     dialogs=dialogs, settings=load_settings(db))
    panel = ReportPanel(ctx)
    qtbot.addWidget(panel)
    return panel, dialogs


@pytest.mark.parametrize("role", ["staff", "supervisor"])
def test_a_non_manager_cannot_open_or_make_the_report(
    qtbot: QtBot, fresh_db: Database, fixed_clock: datetime, role: str
) -> None:
    ids = seed_mix(fresh_db, DAY)
    who = get_staff(fresh_db, ids[role])
    panel, dialogs = make_panel(qtbot, fresh_db, who)
    assert not panel.can_open()
    assert not panel.open()
    assert any("Only a manager" in t for t in dialogs.texts_of("warning") +
               dialogs.texts_of("critical") + dialogs.texts_of("information"))
    panel.set_range(DAY, DAY)
    panel.generate()  # the button bypassed: still refused, nothing made
    assert not panel.is_running() and panel.pdf == b"" and panel.data is None
    assert not panel.print_button.isEnabled() and not panel.save_button.isEnabled()
    with pytest.raises(PermissionDenied):  # and the data API refuses on its own
        build_report(fresh_db, DAY, DAY, actor=who)


def test_nobody_signed_in_cannot_open_it(qtbot: QtBot, fresh_db: Database) -> None:
    panel, _dialogs = make_panel(qtbot, fresh_db, None)
    assert not panel.can_open() and not panel.open()


def test_a_manager_who_tapped_in_without_a_pin_cannot_open_it(
    qtbot: QtBot, fresh_db: Database, fixed_clock: datetime
) -> None:
    ids = seed_mix(fresh_db, DAY)
    manager = get_staff(fresh_db, ids["manager"])
    panel, dialogs = make_panel(qtbot, fresh_db, manager, with_pin=False)
    assert not panel.can_open() and not panel.open()
    assert any("signed in with their PIN" in t for t in dialogs.texts_of("warning") +
               dialogs.texts_of("critical") + dialogs.texts_of("information"))
    panel.set_range(DAY, DAY)
    panel.generate()  # the button bypassed: still refused, nothing made
    assert not panel.is_running() and panel.pdf == b"" and panel.data is None


def test_manager_makes_previews_prints_and_saves_the_report(
    qtbot: QtBot, qapp: QApplication, fresh_db: Database, fixed_clock: datetime,
    tmp_path: Path,
) -> None:
    ids = seed_mix(fresh_db, DAY)
    manager = get_staff(fresh_db, ids["manager"])
    panel, dialogs = make_panel(qtbot, fresh_db, manager)
    assert panel.can_open() and panel.open()
    panel.set_range(DAY.replace(day=1), DAY)
    seen: list[int] = []
    panel.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(panel.report_ready, timeout=60_000):
        panel.generate()
        assert panel.is_running()  # generate() returned while the worker is still busy
        assert not panel.generate_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=10_000)
    assert seen == sorted(seen) and seen[-1] == 100 and len(set(seen)) > 2
    assert panel.data is not None and panel.data.start == DAY.replace(day=1)
    assert panel.preview.page_count() == len(PdfReader(_bytes_io(panel.pdf)).pages) > 1
    assert "complaints" in panel.status.text()

    # Print through the dialog service onto a PDF "printer".
    printed = tmp_path / "printed.pdf"

    def file_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    panel.make_printer = file_printer
    assert panel.print_report()
    assert len(PdfReader(printed).pages) == panel.preview.page_count()
    dialogs.print_accepts.append(False)
    assert not panel.print_report()  # cancelled in the print dialog: nothing happens

    saved = tmp_path / "saved.pdf"
    dialogs.paths.append(str(saved))
    assert panel.save_pdf() == saved and saved.read_bytes() == panel.pdf
    sheet = tmp_path / "saved.csv"
    dialogs.paths.append(str(sheet))
    assert panel.save_csv() == sheet
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) - 1 == len(panel.data.details)


def test_a_reversed_custom_range_is_a_clear_message(
    qtbot: QtBot, fresh_db: Database, fixed_clock: datetime
) -> None:
    ids = seed_mix(fresh_db, DAY, days_back=1)
    panel, dialogs = make_panel(qtbot, fresh_db, get_staff(fresh_db, ids["manager"]))
    panel.set_range(DAY, DAY.replace(day=1))
    panel.generate()
    assert not panel.is_running()
    assert "before it starts" in panel.status.text()


def test_presets_cover_the_expected_days() -> None:
    today = date(2026, 3, 10)
    assert preset_range("today", today) == (today, today)
    assert preset_range("yesterday", today) == (date(2026, 3, 9), date(2026, 3, 9))
    assert preset_range("last7", today) == (date(2026, 3, 4), today)
    assert preset_range("this_month", today) == (date(2026, 3, 1), today)
    assert preset_range("last_month", today) == (date(2026, 2, 1), date(2026, 2, 28))


def _bytes_io(data: bytes):  # type: ignore[no-untyped-def]
    from io import BytesIO

    return BytesIO(data)
