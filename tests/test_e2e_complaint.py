"""End to end on the demo database: a cold-food complaint from the profile to the follow-up.

Staff opens a profile, records a cold-food complaint, proposes a voucher; a supervisor's
wrong PIN is refused, the right one approves; the promise appears on home, is closed with
a satisfaction score, and the audit chain still verifies.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.app import configure
from console.cmd_run import create_window
from console.main_window import PAGE_HOME, PAGE_PROFILE
from console.service_ui import PAGE_COMPLAINT
from db.demo import STAFF, build_demo
from db.security import audit
from db.security.staff import list_staff
from db.service.complaints import get_complaint
from db.service.vouchers import find_voucher
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.e2e, pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

SUPERVISOR = next((name, pin) for name, role, pin, _limit in STAFF if role == "supervisor")


def test_cold_food_complaint_voucher_pin_follow_up_and_audit(
    qtbot: QtBot, qapp: QApplication, fresh_db: Database, fixed_clock: datetime
) -> None:
    build_demo(fresh_db, customers=40, seed=3)
    configure(qapp, language="en")
    dialogs = FakeDialogService()
    win = create_window(fresh_db, dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # window shortcuts need an active window
    service = win.service_ui

    # Floor staff signs in and opens a profile from the search (typed without diacritics).
    clerk = next(s for s in list_staff(fresh_db) if s.role == "staff")
    win.session.sign_in(clerk)
    assert win.current_page() == PAGE_HOME
    win.search.field.setFocus()
    qtbot.keyClicks(win.search.field, "jarvinen")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(win.search.results, Qt.Key.Key_Return)
    assert win.current_page() == PAGE_PROFILE
    customer_id = win.profile_panel.customer_id
    assert win.profile_panel.name_label.text() == "Päivi Järvinen"

    # New complaint from the profile (Ctrl+K).
    qtbot.keyClick(win.profile_panel, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert win.current_page() == PAGE_COMPLAINT
    form = service.complaint_form
    assert form.customer().id == customer_id
    assert form.phrases.language() == "fi"  # the customer's language
    form.cause_box.setCurrentIndex(form.cause_box.findData("quality"))
    qtbot.keyClicks(form.problem_edit, "The salmon soup was cold")
    form.checklist.box("acknowledge").setChecked(True)
    form.checklist.box("listen").setChecked(True)
    qtbot.keyClicks(form.request_edit, "A hot soup or something for next time")
    form.line_kind_box.setCurrentIndex(form.line_kind_box.findData("voucher"))
    qtbot.keyClicks(form.line_amount_edit, "10,00")
    qtbot.keyClick(form.line_amount_edit, Qt.Key.Key_Return)
    assert form.lines_model.total_minor() == 1000
    form.promise_group.setChecked(True)
    qtbot.keyClicks(form.promise_edit, "Call to ask how the next visit went")
    form._set_when(form.promise_due_edit, fixed_clock + timedelta(hours=3))

    # The supervisor comes over: a wrong PIN first, then the right one.
    form.ask_button.click()
    assert form.authorisation_open()
    panel = form.auth_panel
    assert "Päivi Järvinen" in panel.customer_label.text()
    assert "10" in panel.total_label.text()
    qtbot.keyClicks(panel.pad, "0000")
    qtbot.keyClick(panel.pad, Qt.Key.Key_Return)
    assert "Wrong PIN" in panel.pad.message()
    assert form.authorisation_open()
    qtbot.keyClicks(panel.pad, SUPERVISOR[1])
    with qtbot.waitSignal(panel.decided) as blocker:
        qtbot.keyClick(panel.pad, Qt.Key.Key_Return)
    approval = blocker.args[0]
    assert approval.decision == "approved" and approval.decided_by_name == SUPERVISOR[0]

    # Finish: back on the profile, the history shows it with its outcome.
    with qtbot.waitSignal(form.complaint_saved) as saved:
        form.finish_button.click()
    complaint = get_complaint(fresh_db, saved.args[0].id)
    assert complaint.status == "promised"
    assert complaint.steps_done == ("acknowledge", "listen", "compensate")
    voucher = find_voucher(fresh_db, complaint.lines[0].voucher_code or "")
    assert voucher.value_minor == 1000 and voucher.customer_id == customer_id
    assert win.current_page() == PAGE_PROFILE
    history = service.history_model
    row = next(r for r in range(history.rowCount()) if history.summary_at(r).id == complaint.id)
    assert "Promised" in history.data(history.index(row, 4))

    # Home lists the promise; closing it records the customer's satisfaction.
    win.go_home()
    follow_ups = service.follow_ups
    model = follow_ups.model
    row = next(r for r in range(model.rowCount())
               if model.follow_up_at(r).complaint_id == complaint.id)
    assert model.data(model.index(row, 1)) == "Päivi Järvinen"
    follow_ups.table.setCurrentIndex(model.index(row, 0))
    follow_ups.close_button.click()
    close_form = follow_ups.close_form
    qtbot.keyClicks(close_form.outcome_edit, "Came back, loved the soup")
    close_form.scores["satisfaction"].buttons[5].click()
    close_form.scores["responsiveness"].buttons[4].click()
    with qtbot.waitSignal(follow_ups.follow_up_closed):
        close_form.save_button.click()
    assert all(model.follow_up_at(r).complaint_id != complaint.id
               for r in range(model.rowCount()))
    closed = get_complaint(fresh_db, complaint.id)
    assert closed.status == "closed"
    assert closed.follow_ups[0].satisfaction == 5

    result = audit.verify(fresh_db)
    assert result.ok, result.message
    assert dialogs.texts_of("critical") == []
