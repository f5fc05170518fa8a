"""Letters in the running window: from the profile, about a complaint, listed and reprinted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.app import configure
from console.cmd_run import create_window
from console.letters_ui import PAGE_BIRTHDAY_LETTERS, PAGE_LETTER
from console.main_window import PAGE_PROFILE
from db.security.staff import get_staff
from reports.letter_service import letter_pdf, list_letters
from tests.letters_support import make_complaint, make_customer, make_shop
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.e2e, pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def _printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_letter_from_the_profile_is_listed_and_reprinted(
    qtbot: QtBot, qapp: QApplication, fresh_db: Database, fixed_clock: datetime,
    tmp_path: Path, qtmodeltester: ModelTester,
) -> None:
    shop = make_shop(fresh_db)
    customer = make_customer(fresh_db, "陳美玲", "zh-TW")
    complaint = make_complaint(fresh_db, shop, customer, problem="Soup cold",
                               letter_words="湯是冷的")
    configure(qapp, language="en")
    dialogs = FakeDialogService()
    win = create_window(fresh_db, dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.session.sign_in(get_staff(fresh_db, shop.clerk_id))
    win.open_customer(customer)
    assert win.current_page() == PAGE_PROFILE
    ui = win.letters_ui
    assert ui.history.isHidden()  # no letters yet

    ui.letter_button.click()
    assert win.current_page() == PAGE_LETTER
    preview = ui.preview
    assert preview.language() == "zh-TW"
    assert preview.kind() == "thank-you"  # nothing selected: a letter to the customer
    preview.about_box.setCurrentIndex(preview.about_box.findData(complaint))
    preview.kind_box.setCurrentIndex(preview.KINDS.index("apology"))
    assert preview.data is not None and preview.data.complaint_id == complaint
    ui.back_to_profile()

    # From the complaint selected in the profile's history: an apology about it.
    win.service_ui.history_view.selectRow(0)
    ui.letter_button.click()
    assert preview.kind() == "apology"
    assert preview.about_box.currentData() == complaint
    assert preview.data is not None and preview.data.voucher is not None
    preview.make_printer = lambda: _printer(tmp_path / "first.pdf")
    record = preview.print_letter()
    assert record is not None
    assert win.current_page() == PAGE_PROFILE  # back on the profile after printing

    assert not ui.history.isHidden()
    qtmodeltester.check(ui.history.model)
    assert ui.history.model.rowCount() == 1
    assert ui.history.model.index(0, 3).data() == f"#{complaint}"
    ui.history.view.selectRow(0)
    ui.history.make_printer = lambda: _printer(tmp_path / "again.pdf")
    assert ui.history.reprint_selected()
    assert (tmp_path / "again.pdf").exists()
    copy = tmp_path / "copy.pdf"
    dialogs.paths.append(str(copy))
    assert ui.history.save_selected() == str(copy)
    assert copy.read_bytes() == letter_pdf(fresh_db, record.id)
    assert len(list_letters(fresh_db, customer)) == 1  # a reprint is not a new letter

    ui.batch_button.click()
    assert win.current_page() == PAGE_BIRTHDAY_LETTERS
