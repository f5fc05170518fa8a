"""The complaint form, the follow-up close form and the first-run panel write through
`widgets.ops.run_op`: a known error is shown once (next to the fields when it is about
them, else in a dialog), what was typed stays, nothing is announced on the data bus; a
success announces exactly what changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

import widgets.complaint_form
from db.errors import DatabaseError
from db.security.staff_admin import create_first_manager, needs_first_manager
from db.service.complaints import create_complaint, history_for_customer
from db.service.follow_ups import close_follow_up, due_follow_ups
from db.service.models import Complaint, ComplaintInput, FollowUpClose, PromiseInput
from tests.service_ui_support import Team, make_ctx, make_customer, make_team
from widgets.complaint_form import ComplaintForm
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService
from widgets.first_run_panel import FirstRunPanel
from widgets.follow_up_list import FollowUpList

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


def _bus_log(ctx: AppContext) -> list[tuple[str, int]]:
    log: list[tuple[str, int]] = []
    ctx.bus.data_changed.connect(lambda entity, entity_id: log.append((entity, entity_id)))
    return log


def _dialogs(ctx: AppContext) -> FakeDialogService:
    assert isinstance(ctx.dialogs, FakeDialogService)
    return ctx.dialogs


@pytest.fixture
def complaint_form(qtbot: QtBot, fresh_db: Database, team: Team) -> Iterator[ComplaintForm]:
    form = ComplaintForm(make_ctx(fresh_db, team.clerk))
    qtbot.addWidget(form)
    form.resize(1400, 880)
    form.show()
    yield form
    form.close()  # before the database closes: the draft timer writes


def test_a_failed_complaint_save_shows_one_message_and_keeps_the_text(
        qtbot: QtBot, complaint_form: ComplaintForm, fresh_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    customer = make_customer(fresh_db)
    form = complaint_form
    form.start_new(customer.id)
    bus = _bus_log(form.ctx)
    qtbot.keyClicks(form.problem_edit, "Cold soup")

    def locked(*_args: object, **_kwargs: object) -> None:
        raise DatabaseError("The database is busy. Try again in a moment.")

    monkeypatch.setattr(widgets.complaint_form, "create_complaint", locked)
    saved: list[object] = []
    form.complaint_saved.connect(saved.append)
    form.finish_button.click()
    shown = _dialogs(form.ctx).shown
    assert [(d.kind, d.title) for d in shown] == [("warning", "Database problem")]
    assert "busy" in shown[0].text
    assert form.problem_edit.toPlainText() == "Cold soup"
    assert saved == [] and bus == []
    assert history_for_customer(fresh_db, customer.id) == []

    monkeypatch.undo()  # the database answers again: the same click saves it
    with qtbot.waitSignal(form.complaint_saved) as blocker:
        form.finish_button.click()
    complaint = blocker.args[0]
    assert ("complaint", complaint.id) in bus and ("customer", customer.id) in bus
    assert len(_dialogs(form.ctx).shown) == 1


def _filled_close_form(qtbot: QtBot, db: Database, team: Team, customer_id: int | None,
                       due: datetime) -> tuple[Complaint, FollowUpList]:
    """A promised complaint, its follow-up opened from the list and the close form filled in."""
    complaint = create_complaint(db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer_id, walk_in_name="Walk-in",
        problem="Cold", status="promised",
        promise=PromiseInput("Call back", team.supervisor.id, due_at=due)))
    panel = FollowUpList(make_ctx(db, team.supervisor))
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.close_form.outcome_edit, "Happy now")
    panel.close_form.scores["satisfaction"].buttons[4].click()
    return complaint, panel


def test_a_follow_up_closed_meanwhile_is_said_on_the_form_and_the_text_stays(
        qtbot: QtBot, fresh_db: Database, team: Team, fixed_clock: datetime) -> None:
    complaint, panel = _filled_close_form(qtbot, fresh_db, team, None,
                                          fixed_clock + timedelta(hours=2))
    form = panel.close_form
    # Another console closes it first.
    close_follow_up(fresh_db, complaint.follow_ups[-1].id, FollowUpClose("Done", 5),
                    team.manager.id)
    bus = _bus_log(panel.ctx)
    form.save_button.click()
    assert "already closed" in form.errors["general"].text()
    assert form.errors["general"].isVisible()
    assert form.outcome_edit.toPlainText() == "Happy now"
    assert bus == [] and _dialogs(panel.ctx).shown == []
    assert due_follow_ups(fresh_db) == []


def test_closing_a_follow_up_announces_it_its_complaint_and_customer(
        qtbot: QtBot, fresh_db: Database, team: Team, fixed_clock: datetime) -> None:
    customer = make_customer(fresh_db)
    complaint, panel = _filled_close_form(qtbot, fresh_db, team, customer.id,
                                          fixed_clock + timedelta(hours=2))
    bus = _bus_log(panel.ctx)
    with qtbot.waitSignal(panel.follow_up_closed):
        panel.close_form.save_button.click()
    follow_up_id = complaint.follow_ups[-1].id
    assert bus[:3] == [("follow_up", follow_up_id), ("complaint", complaint.id),
                       ("customer", customer.id)]


def _enter_pin_twice(qtbot: QtBot, panel: FirstRunPanel, pin: str) -> None:
    for _ in range(2):
        qtbot.keyClicks(panel.pad, pin)
        qtbot.keyClick(panel.pad, Qt.Key.Key_Return)


def test_first_run_when_another_console_made_the_manager_says_so_and_starts_over(
        qtbot: QtBot, fresh_db: Database) -> None:
    ctx = make_ctx(fresh_db, None)
    panel = FirstRunPanel(ctx)
    qtbot.addWidget(panel)
    panel.name_edit.setText("Maija")
    bus = _bus_log(ctx)
    created: list[object] = []
    panel.manager_created.connect(created.append)
    create_first_manager(fresh_db, "Other Manager", "9876")  # the other console, meanwhile
    _enter_pin_twice(qtbot, panel, "4321")
    shown = _dialogs(ctx).shown
    assert [d.kind for d in shown] == ["warning"] and "already has a manager" in shown[0].text
    assert created == [] and bus == []
    assert panel.step_label.text() == "Choose a PIN"  # the used PINs are not kept
    assert panel.name_edit.text() == "Maija"


def test_first_run_with_a_pin_someone_has_says_it_on_the_pad_then_succeeds(
        qtbot: QtBot, fresh_db: Database) -> None:
    from tests.service_data_support import seed_staff

    seed_staff(fresh_db, "Aino Staff", "staff", pin="4321")  # imported, no manager yet
    ctx = make_ctx(fresh_db, None)
    panel = FirstRunPanel(ctx)
    qtbot.addWidget(panel)
    panel.name_edit.setText("Maija")
    bus = _bus_log(ctx)
    _enter_pin_twice(qtbot, panel, "4321")
    assert "different one" in panel.pad.message()
    assert panel.step_label.text() == "Choose a PIN"
    assert _dialogs(ctx).shown == [] and bus == [] and needs_first_manager(fresh_db)
    with qtbot.waitSignal(panel.manager_created) as blocker:
        _enter_pin_twice(qtbot, panel, "5678")
    assert bus == [("staff", blocker.args[0].id)]
    assert _dialogs(ctx).shown == []
