"""Sign-in in the real window: PIN pad for supervisors (and everyone when the shop asks),
lockout, manager screens only for a manager signed in with a PIN, idle sign-out keeping
the draft for its owner, and the managers' list of stale drafts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cmd_run import create_window
from console.main_window import PAGE_HOME, PAGE_SIGN_IN
from console.report_ui import PAGE_REPORT
from console.service_ui import PAGE_COMPLAINT, PAGE_STAFF_ADMIN
from console.settings_ui import PAGE_SETTINGS
from db import clock
from db.models import Staff
from db.security import lockout
from db.service.drafts import STALE_AFTER, load_draft, save_draft
from db.settings import _seed_settings as save_settings
from db.settings import load_settings
from tests.service_ui_support import (
    MANAGER_PIN,
    STAFF_PIN,
    SUPERVISOR_PIN,
    Team,
    make_customer,
    make_team,
)
from widgets.complaint_form import DRAFT_FORM
from widgets.dialogs import FakeDialogService
from widgets.sign_in_panel import PAGE_PIN

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def team(fresh_db: Database) -> Team:
    return make_team(fresh_db)


@pytest.fixture
def windows(qtbot: QtBot, fresh_db: Database) -> Iterator[list[Any]]:
    """Windows to close before the database closes (drafts are written on hide)."""
    made: list[Any] = []
    yield made
    for win in made:
        win.close()


def _window(qtbot: QtBot, db: Database, windows: list[Any],
            dialogs: FakeDialogService | None = None) -> Any:
    win = create_window(db, dialogs=dialogs or FakeDialogService())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    windows.append(win)
    return win


def _type_pin(qtbot: QtBot, win: Any, pin: str) -> None:
    pad = win.sign_in_panel.pad
    qtbot.keyClicks(pad, pin)
    qtbot.keyClick(pad, Qt.Key.Key_Return)


def _sign_in_with_pin(qtbot: QtBot, win: Any, person: Staff, pin: str) -> None:
    win.sign_in_panel.choose(person)
    assert win.sign_in_panel.asking_pin_of() == person
    _type_pin(qtbot, win, pin)
    assert win.session.staff == person and win.session.with_pin


def _settings(db: Database, **changes: Any) -> None:
    save_settings(db, replace(load_settings(db), **changes))


def test_floor_staff_tap_in_a_supervisor_needs_the_pin(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any]) -> None:
    win = _window(qtbot, fresh_db, windows)
    panel = win.sign_in_panel
    panel.choose(team.clerk)
    assert win.session.staff == team.clerk and not win.session.with_pin
    assert win.current_page() == PAGE_HOME

    win.sign_out()
    panel.choose(team.supervisor)
    assert win.session.staff is None  # not without the PIN
    assert panel.stack.currentWidget() is panel.page(PAGE_PIN)
    assert team.supervisor.name in panel.pin_title.text()
    _type_pin(qtbot, win, SUPERVISOR_PIN)
    assert win.session.staff == team.supervisor and win.session.with_pin
    assert win.current_page() == PAGE_HOME


def test_back_from_the_pin_pad_returns_to_the_names(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any]) -> None:
    win = _window(qtbot, fresh_db, windows)
    panel = win.sign_in_panel
    panel.choose(team.manager)
    qtbot.keyClicks(panel.pad, "90")
    panel.back_button.click()
    assert panel.asking_pin_of() is None and panel.pad.digit_count() == 0
    assert win.session.staff is None and win.current_page() == PAGE_SIGN_IN


def test_floor_staff_need_a_pin_when_the_shop_says_so(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any]) -> None:
    _settings(fresh_db, sign_in_pin="everyone")
    win = _window(qtbot, fresh_db, windows)
    win.sign_in_panel.choose(team.clerk)
    assert win.session.staff is None
    assert win.sign_in_panel.asking_pin_of() == team.clerk
    _type_pin(qtbot, win, STAFF_PIN)
    assert win.session.staff == team.clerk and win.session.with_pin


def test_a_wrong_pin_at_sign_in_counts_and_locks(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any]) -> None:
    _settings(fresh_db, pin_max_attempts=2)
    win = _window(qtbot, fresh_db, windows)
    panel = win.sign_in_panel
    panel.choose(team.supervisor)
    _type_pin(qtbot, win, STAFF_PIN)  # the clerk's PIN: wrong for this name, whose not said
    assert win.session.staff is None
    assert "Wrong PIN" in panel.pad.message()
    assert team.clerk.name not in panel.pad.message()
    assert lockout.status(fresh_db, win.ctx.console_id).failed_count == 1
    _type_pin(qtbot, win, "0000")
    assert panel.pad.is_locked() and "locked" in panel.pad.message()
    _type_pin(qtbot, win, SUPERVISOR_PIN)  # the pad takes nothing while locked
    assert win.session.staff is None
    panel.back_button.click()
    panel.choose(team.manager)  # the next name sees the lock at once
    assert panel.pad.is_locked()


def test_manager_screens_refuse_without_a_manager_signed_in_with_a_pin(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any]) -> None:
    dialogs = FakeDialogService()
    win = _window(qtbot, fresh_db, windows, dialogs)
    openers = {
        PAGE_REPORT: win.report_ui.open_report,
        PAGE_STAFF_ADMIN: win.service_ui.open_staff_admin,
        PAGE_SETTINGS: win.settings_ui.open_settings,
    }
    for person, with_pin in ((team.clerk, False), (team.supervisor, True),
                             (team.manager, False)):
        win.session.sign_in(person, with_pin=with_pin)
        win.go_home()
        for key, open_page in openers.items():
            open_page()
            assert win.current_page() == PAGE_HOME, (person.role, with_pin, key)
            win.show_page(key)  # a stray call is refused too
            assert win.current_page() == PAGE_HOME, (person.role, with_pin, key)
        assert not win.report_ui.button.isVisible()
        assert not win.service_ui.staff_button.isVisible()
        assert not win.settings_ui.button.isVisible()
        win.sign_out()
    assert any("with their PIN" in text for text in dialogs.texts_of("warning")
               + dialogs.texts_of("critical") + dialogs.texts_of("information"))

    _sign_in_with_pin(qtbot, win, team.manager, MANAGER_PIN)
    assert win.report_ui.button.isVisible() and win.settings_ui.button.isVisible()
    for key, open_page in openers.items():
        win.go_home()
        open_page()
        assert win.current_page() == key


def test_idle_sign_out_keeps_the_draft_for_its_owner(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any]) -> None:
    _settings(fresh_db, idle_sign_out_minutes=1)
    customer = make_customer(fresh_db)
    dialogs = FakeDialogService()
    win = _window(qtbot, fresh_db, windows, dialogs)
    win.idle.ms_per_minute = 400  # "one minute" of the setting lasts 0.4 s here
    win.sign_in_panel.choose(team.clerk)
    win.open_customer(customer.id)
    win.service_ui.new_complaint(customer.id)
    assert win.current_page() == PAGE_COMPLAINT
    form = win.service_ui.complaint_form
    qtbot.keyClicks(form.problem_edit, "Soup was cold")
    assert win.idle.timer.isActive()
    qtbot.waitUntil(lambda: win.session.staff is None, timeout=5000)
    assert win.current_page() == PAGE_SIGN_IN
    assert win.sign_in_panel.notice.isVisibleTo(win)
    draft = load_draft(fresh_db, team.clerk.id, DRAFT_FORM)
    assert draft is not None and draft.payload["problem"] == "Soup was cold"

    # Someone else signs in and starts their own entry: never asked about the clerk's draft.
    _sign_in_with_pin(qtbot, win, team.supervisor, SUPERVISOR_PIN)
    assert dialogs.texts_of("question") == []
    win.service_ui.new_complaint(None)
    assert dialogs.texts_of("question") == []
    assert form.problem_edit.toPlainText() == ""
    win.sign_out()
    assert load_draft(fresh_db, team.clerk.id, DRAFT_FORM) is not None

    # The owner comes back: offered at once, with Restore preselected.
    dialogs.answers.append(True)
    win.sign_in_panel.choose(team.clerk)
    questions = [d for d in dialogs.shown if d.kind == "question"]
    assert len(questions) == 1 and questions[0].default_yes
    assert customer.name in questions[0].text
    assert win.current_page() == PAGE_COMPLAINT
    assert form.problem_edit.toPlainText() == "Soup was cold"


def test_another_persons_no_keeps_the_draft(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any]) -> None:
    dialogs = FakeDialogService()
    win = _window(qtbot, fresh_db, windows, dialogs)
    save_draft(fresh_db, team.clerk.id, DRAFT_FORM, {"problem": "Clerk's entry"})
    save_draft(fresh_db, team.supervisor.id, DRAFT_FORM, {"problem": "Supervisor's entry"})
    dialogs.answers.append(False)  # the supervisor says No to the entry offered
    _sign_in_with_pin(qtbot, win, team.supervisor, SUPERVISOR_PIN)
    offered = dialogs.texts_of("question")
    assert len(offered) == 1  # their own only
    assert load_draft(fresh_db, team.supervisor.id, DRAFT_FORM) is None
    kept = load_draft(fresh_db, team.clerk.id, DRAFT_FORM)
    assert kept is not None and kept.payload == {"problem": "Clerk's entry"}


def test_signing_out_by_hand_keeps_the_draft_too(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any]) -> None:
    win = _window(qtbot, fresh_db, windows)
    win.sign_in_panel.choose(team.clerk)
    win.service_ui.new_complaint(None)
    form = win.service_ui.complaint_form
    qtbot.keyClicks(form.problem_edit, "Half-typed")
    win.sign_out_button.click()  # before the draft timer fired
    draft = load_draft(fresh_db, team.clerk.id, DRAFT_FORM)
    assert draft is not None and draft.payload["problem"] == "Half-typed"
    assert not form.is_dirty()


def test_any_input_restarts_the_idle_time(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any]) -> None:
    win = _window(qtbot, fresh_db, windows)
    assert not win.idle.timer.isActive()  # nobody signed in: nothing to time
    win.sign_in_panel.choose(team.clerk)
    timer = win.idle.timer
    assert timer.isActive() and timer.interval() == 10 * 60_000  # the default 10 minutes
    qtbot.wait(300)
    before = timer.remainingTime()
    assert before <= 10 * 60_000 - 250
    qtbot.keyClick(win.search.field, Qt.Key.Key_A)
    assert timer.remainingTime() > before + 200  # counting again from the key press
    win.sign_out()
    assert not timer.isActive()


def test_managers_see_stale_drafts_and_discard_them(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[Any],
        fixed_clock: datetime) -> None:
    clock.set_clock(lambda: fixed_clock - STALE_AFTER - timedelta(minutes=1))
    save_draft(fresh_db, team.clerk.id, DRAFT_FORM, {"problem": "Cold soup\nand more"})
    clock.set_clock(lambda: fixed_clock)
    dialogs = FakeDialogService()
    win = _window(qtbot, fresh_db, windows, dialogs)
    stale = win.drafts_ui.panel

    _sign_in_with_pin(qtbot, win, team.supervisor, SUPERVISOR_PIN)  # not theirs to see
    win.go_home()
    assert not stale.isVisible()
    win.session.sign_in(team.manager)  # a manager who did not type their PIN: not either
    win.go_home()
    assert not stale.isVisible()
    win.sign_out()

    _sign_in_with_pin(qtbot, win, team.manager, MANAGER_PIN)
    win.go_home()
    assert stale.isVisible() and stale.count() == 1
    row = stale.model.index(0, 0)
    assert stale.model.data(row) == team.clerk.name
    assert stale.model.data(stale.model.index(0, 1)) == "Walk-in: Cold soup"
    dialogs.answers.append(False)  # "Throw it away?" No: kept
    stale.discard_button.click()
    assert load_draft(fresh_db, team.clerk.id, DRAFT_FORM) is not None
    dialogs.answers.append(True)
    stale.discard_button.click()
    assert load_draft(fresh_db, team.clerk.id, DRAFT_FORM) is None
    assert not stale.isVisible()


def test_stale_drafts_model_passes_the_model_tester(
        qtbot: QtBot, fresh_db: Database, team: Team, qtmodeltester: Any,
        fixed_clock: datetime) -> None:
    from db.service.drafts import stale_drafts
    from widgets.stale_drafts_panel import StaleDraftsModel

    clock.set_clock(lambda: fixed_clock - STALE_AFTER * 2)
    save_draft(fresh_db, team.clerk.id, DRAFT_FORM, {"problem": "a"})
    save_draft(fresh_db, team.supervisor.id, DRAFT_FORM, {"walk_in_name": "Bo"})
    clock.set_clock(lambda: fixed_clock)
    model = StaleDraftsModel(lambda moment: moment.isoformat(), lambda d: "about")
    model.set_drafts(stale_drafts(fresh_db))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
