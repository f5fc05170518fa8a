"""Birthday batch: this week's consenting customers, made in a worker thread, one PDF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db import clock
from reports.letter_service import list_letters
from tests.conftest import FIXED_NOW
from tests.letters_support import make_customer, pdf_text, squash
from tests.service_data_support import seed_staff
from widgets.birthday_batch import BirthdayBatchPanel
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    clock.set_clock(lambda: FIXED_NOW)  # Monday 23 November 2026
    yield
    clock.set_clock(None)


def _panel(qtbot: QtBot, db: Database) -> tuple[BirthdayBatchPanel, FakeDialogService, int]:
    staff = seed_staff(db, "Aino Staff", "staff")
    dialogs = FakeDialogService()
    ctx = AppContext(db=db, current_staff=lambda: staff, dialogs=dialogs)
    panel = BirthdayBatchPanel(ctx)
    qtbot.addWidget(panel)
    return panel, dialogs, staff.id


def test_batch_of_this_weeks_consenting_birthdays(
    qtbot: QtBot, fresh_db: Database, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    sunday = make_customer(fresh_db, "Päivi Järvinen", "fi", birthday=(11, 29))
    wednesday = make_customer(fresh_db, "陳美玲", "zh-TW", birthday=(11, 25))
    make_customer(fresh_db, "王伟", "zh-CN", birthday=(11, 26), consent=False)
    make_customer(fresh_db, "Emily Carter", "en", birthday=(11, 30))  # next week
    panel, dialogs, staff_id = _panel(qtbot, fresh_db)
    panel.reload()
    qtmodeltester.check(panel.model)
    assert panel.customer_ids() == [wednesday, sunday]

    with qtbot.waitSignal(panel.batch_ready, timeout=20_000) as ready:
        panel.make_button.click()
        assert panel.stop_button.isEnabled()  # working in the background, window alive
    assert ready.args == [2]
    assert panel.progress.value() == panel.progress.maximum() == 4
    panel.wait()
    text = squash(pdf_text(panel.pdf))
    assert "陳美玲" in text and "生日快樂" in text
    assert squash("Hyvä Päivi Järvinen,") in text and "Hyvääsyntymäpäivää!" in text
    assert len(PdfReader(__import__("io").BytesIO(panel.pdf)).pages) == 2

    out = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    panel.make_printer = printer
    records = panel.print_batch()
    assert records is not None and len(records) == 2
    assert out.exists()
    for customer in (wednesday, sunday):
        (letter,) = list_letters(fresh_db, customer)
        assert letter.kind == "birthday" and letter.created_by == staff_id


def test_stopping_a_batch_keeps_nothing(qtbot: QtBot, fresh_db: Database) -> None:
    for i in range(30):
        make_customer(fresh_db, f"Asiakas {i}", "fi", birthday=(11, 24))
    panel, _dialogs, _staff = _panel(qtbot, fresh_db)
    panel.reload()
    with qtbot.waitSignal(panel.batch_stopped, timeout=20_000):
        panel.make_button.click()
        panel.stop_button.click()
    panel.wait()
    assert panel.letters == [] and not panel.print_button.isEnabled()
    count = fresh_db.execute("SELECT count(*) FROM letters").fetchone()[0]
    assert count == 0


def test_no_birthdays_says_so(qtbot: QtBot, fresh_db: Database) -> None:
    panel, _dialogs, _staff = _panel(qtbot, fresh_db)
    panel.reload()
    panel.make_button.click()
    assert "No birthdays" in panel.status.text()
    assert not panel.print_button.isEnabled()
