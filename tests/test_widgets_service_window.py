"""The service screens inside the real main window: first run, manager-only staff page,
walk-ins from home, the profile's complaint history, and a draft offered after a restart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cmd_run import create_window
from console.main_window import PAGE_HOME, PAGE_PROFILE
from console.service_ui import PAGE_COMPLAINT, PAGE_STAFF_ADMIN
from db.security.staff_admin import needs_first_manager
from db.service.complaints import create_complaint
from db.service.models import ComplaintInput
from tests.service_ui_support import Team, make_customer, make_team
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def windows(qtbot: QtBot, fresh_db: Database) -> Iterator[list]:
    """Windows to close before the database closes (drafts are written on hide)."""
    made: list = []
    yield made
    for win in made:
        win.close()


def _window(qtbot: QtBot, db: Database, windows: list,
            dialogs: FakeDialogService | None = None):  # type: ignore[no-untyped-def]
    win = create_window(db, dialogs=dialogs or FakeDialogService())
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    windows.append(win)
    return win


def test_first_run_asks_for_a_manager_before_anything_else(
        qtbot: QtBot, fresh_db: Database, windows: list, fixed_clock: datetime) -> None:
    win = _window(qtbot, fresh_db, windows)
    panel = win.service_ui.first_run
    assert win.sign_in_panel.stack.currentWidget() is panel
    assert not win.search.field.isEnabled()
    panel.name_edit.setText("Maija Manager")
    for _ in range(2):
        qtbot.keyClicks(panel.pad, "8642")
        qtbot.keyClick(panel.pad, Qt.Key.Key_Return)
    assert not needs_first_manager(fresh_db)
    assert win.session.staff is not None and win.session.staff.role == "manager"
    assert win.current_page() == PAGE_HOME
    assert win.service_ui.staff_button.isVisible()
    win.service_ui.staff_button.click()
    assert win.current_page() == PAGE_STAFF_ADMIN


def test_staff_page_is_for_managers_only(qtbot: QtBot, fresh_db: Database, windows: list,
                                         fixed_clock: datetime) -> None:
    team = make_team(fresh_db)
    win = _window(qtbot, fresh_db, windows)
    assert win.sign_in_panel.stack.currentWidget() is not win.service_ui.first_run
    win.session.sign_in(team.clerk)
    assert not win.service_ui.staff_button.isVisible()
    win.service_ui.open_staff_admin()
    assert win.current_page() == PAGE_HOME


def test_walk_in_from_home_and_history_on_the_profile(
        qtbot: QtBot, fresh_db: Database, windows: list, fixed_clock: datetime) -> None:
    team: Team = make_team(fresh_db)
    customer = make_customer(fresh_db)
    create_complaint(fresh_db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer.id, kind="compliment",
        problem="Lovely cinnamon buns", status="resolved"))
    win = _window(qtbot, fresh_db, windows)
    win.session.sign_in(team.clerk)
    win.service_ui.walk_in_button.click()
    assert win.current_page() == PAGE_COMPLAINT
    assert win.service_ui.complaint_form.customer() is None
    win.service_ui.complaint_form.discard()
    assert win.current_page() == PAGE_HOME

    win.open_customer(customer.id)
    assert win.current_page() == PAGE_PROFILE
    history = win.service_ui.history_model
    assert history.rowCount() == 1
    assert history.data(history.index(0, 3)) == "Lovely cinnamon buns"
    assert win.service_ui.history_view.isVisible()


def test_unsaved_complaint_is_offered_back_after_a_restart(
        qtbot: QtBot, fresh_db: Database, windows: list, fixed_clock: datetime) -> None:
    team = make_team(fresh_db)
    customer = make_customer(fresh_db)
    first = _window(qtbot, fresh_db, windows)
    first.session.sign_in(team.clerk)
    first.service_ui.new_complaint(customer.id)
    form = first.service_ui.complaint_form
    qtbot.keyClicks(form.problem_edit, "Wrong order, twice")
    form.save_draft_now()
    first.hide()  # power cut: the window is gone, nothing was saved

    dialogs = FakeDialogService()
    dialogs.answers.append(True)
    again = _window(qtbot, fresh_db, windows, dialogs)
    again.session.sign_in(team.clerk)
    assert again.current_page() == PAGE_COMPLAINT
    restored = again.service_ui.complaint_form
    assert restored.problem_edit.toPlainText() == "Wrong order, twice"
    assert restored.customer() is not None and restored.customer().id == customer.id
