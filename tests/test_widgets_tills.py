"""Tills on screen: the till name asked once and changed in settings, the complaint form
refusing a save over another till's change (typed text kept; load theirs or keep mine),
and the command line's --till."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cli import main
from console.cmd_run import create_window, install_extras
from console.main_window import MainWindow
from console.options import Options
from console.paths import config_dir
from db.customers.records import get_customer, update_customer
from db.security import audit
from db.service.compensation import authorise
from db.service.complaints import get_complaint, update_complaint
from db.service.drafts import load_draft
from db.service.models import Complaint
from db.store.connection import open_database
from db.tills import set_till, till_of
from tests.service_data_support import (
    CONSOLE,
    SUPERVISOR_PIN,
    Team,
    make_complaint,
    make_team,
    voucher_line,
)
from tests.service_ui_support import make_ctx
from widgets.complaint_form import DRAFT_FORM, ComplaintForm
from widgets.complaint_history_model import TILL, ComplaintHistoryModel
from widgets.customer_form import CustomerForm
from widgets.dialogs import FakeDialogService
from widgets.till_name_panel import TillNamePanel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


# ------------------------------------------------------------------ the complaint form


@pytest.fixture
def shop(tmp_path: Path, fixed_clock: datetime) -> Iterator[tuple[Database, Database]]:
    """This till's connection and another till's, on one database file."""
    here = open_database(tmp_path / "shop.sqlite")
    there = open_database(tmp_path / "shop.sqlite")
    set_till(here, "Bar 🍸")
    set_till(there, "Till 1")
    yield here, there
    here.close()
    there.close()


@pytest.fixture
def team(shop: tuple[Database, Database]) -> Team:
    return make_team(shop[0])


@pytest.fixture
def form(qtbot: QtBot, shop: tuple[Database, Database], team: Team) -> Iterator[ComplaintForm]:
    here, there = shop
    complaint = make_complaint(there, team)
    widget = ComplaintForm(make_ctx(here, team.clerk))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.open_complaint(complaint.id)
    yield widget
    widget.close()


def _changed_at_the_other_till(shop: tuple[Database, Database], team: Team,
                               complaint: Complaint) -> Complaint:
    return update_complaint(shop[1], complaint.id, replace(
        complaint.to_input(), resolution="Replaced the soup"), actor_id=team.supervisor.id,
        expected_version=complaint.version)


def _dialogs(form: ComplaintForm) -> FakeDialogService:
    dialogs = form.ctx.dialogs
    assert isinstance(dialogs, FakeDialogService)
    return dialogs


def _type_and_collide(qtbot: QtBot, form: ComplaintForm, shop: tuple[Database, Database],
                      team: Team) -> Complaint:
    complaint = form.complaint()
    assert complaint is not None
    form.resolution_edit.setFocus()
    qtbot.keyClicks(form.resolution_edit, "Gave a voucher, ")
    form.resolution_edit.insertPlainText("収 ä")  # keyClicks types ASCII only
    form.staff_account_edit.setPlainText("I was at the pass.")
    _changed_at_the_other_till(shop, team, complaint)
    form.keep_open_button.click()
    return complaint


def test_a_save_over_another_tills_change_is_refused_on_the_form_and_keeps_the_text(
        qtbot: QtBot, form: ComplaintForm, shop: tuple[Database, Database], team: Team) -> None:
    assert "Till 1" in form.till_info_label.text()
    complaint = _type_and_collide(qtbot, form, shop, team)
    assert form.conflict_box.isVisible() and form.conflict() is not None
    message = form.conflict_label.text()
    assert "Sami Supervisor" in message and "Till 1" in message and "14:00" in message
    assert "not saved" in message
    assert "not saved" in form.status_label.text().lower()
    assert _dialogs(form).shown == []  # no message box: it is on the form
    assert form.resolution_edit.toPlainText() == "Gave a voucher, 収 ä"
    assert form.staff_account_edit.toPlainText() == "I was at the pass."
    assert form.has_unsaved_changes()
    stored = get_complaint(shop[0], complaint.id)
    assert stored.resolution == "Replaced the soup" and stored.version == 2
    draft = load_draft(shop[0], team.clerk.id, DRAFT_FORM)  # the safety net stays on disk
    assert draft is not None and draft.payload["resolution"] == "Gave a voucher, 収 ä"
    assert draft.payload["complaint_version"] == 1


def test_keep_mine_then_save_replaces_their_change_knowingly(
        qtbot: QtBot, form: ComplaintForm, shop: tuple[Database, Database], team: Team) -> None:
    complaint = _type_and_collide(qtbot, form, shop, team)
    form.keep_mine_button.click()
    assert not form.conflict_box.isVisible()
    assert "save again" in form.status_label.text().lower()
    assert get_complaint(shop[0], complaint.id).resolution == "Replaced the soup"
    assert load_draft(shop[0], team.clerk.id, DRAFT_FORM) is not None
    form.keep_open_button.click()
    saved = get_complaint(shop[0], complaint.id)
    assert saved.resolution == "Gave a voucher, 収 ä" and saved.version == 3
    assert (saved.updated_by_name, saved.updated_till) == ("Aino Staff", "Bar 🍸")
    assert load_draft(shop[0], team.clerk.id, DRAFT_FORM) is None  # saved: draft gone
    assert not form.conflict_box.isVisible() and _dialogs(form).shown == []


def test_load_their_version_asks_first_then_replaces_the_form(
        qtbot: QtBot, form: ComplaintForm, shop: tuple[Database, Database], team: Team) -> None:
    complaint = _type_and_collide(qtbot, form, shop, team)
    dialogs = _dialogs(form)
    dialogs.answers.append(False)  # "no": nothing changes
    assert not form.load_their_version()
    assert form.resolution_edit.toPlainText() == "Gave a voucher, 収 ä"
    assert form.conflict_box.isVisible()
    form.load_theirs_button.click()  # the fake answers yes
    assert [d.kind for d in dialogs.shown] == ["question", "question"]
    assert "Till 1" in dialogs.shown[-1].text
    assert form.resolution_edit.toPlainText() == "Replaced the soup"
    assert form.staff_account_edit.toPlainText() == ""
    assert not form.conflict_box.isVisible() and not form.has_unsaved_changes()
    assert load_draft(shop[0], team.clerk.id, DRAFT_FORM) is None
    assert "last changed by Sami Supervisor at till Till 1" in form.till_info_label.text()
    # a later edit saves on their version without a conflict
    form.resolution_edit.setPlainText("Replaced the soup and apologised")
    form.keep_open_button.click()
    assert get_complaint(shop[0], complaint.id).version == 3
    assert not form.conflict_box.isVisible()


def test_a_restored_draft_still_knows_the_version_it_was_typed_on(
        qtbot: QtBot, form: ComplaintForm, shop: tuple[Database, Database], team: Team) -> None:
    complaint = form.complaint()
    assert complaint is not None
    form.resolution_edit.setPlainText("Typed before the crash")
    form.save_draft_now()
    _changed_at_the_other_till(shop, team, complaint)
    draft = load_draft(shop[0], team.clerk.id, DRAFT_FORM)
    assert draft is not None
    form.restore_draft(draft)
    form.keep_open_button.click()
    assert form.conflict_box.isVisible()
    assert get_complaint(shop[0], complaint.id).resolution == "Replaced the soup"


# ------------------------------------------------------------------ the till name


def test_the_till_name_field_says_what_is_wrong_and_accepts_any_script(qtbot: QtBot) -> None:
    panel = TillNamePanel(first_run=True)
    qtbot.addWidget(panel)
    panel.show()
    named: list[str] = []
    panel.till_named.connect(named.append)
    for bad, says in (("", "Give this till a name"), ("x" * 41, "at most 40"),
                      ("Till\t1", "control characters")):
        panel.set_name(bad)
        panel.save_button.click()
        assert panel.error.isVisible() and says in panel.error.text()
        assert panel.name_edit.text() == bad  # what was typed stays
    panel.name_edit.clear()
    qtbot.keyClicks(panel.name_edit, " 2 ")
    panel.name_edit.home(False)
    panel.name_edit.insert("收銀台")  # typed like an input method: keyClicks is ASCII only
    panel.name_edit.end(False)
    panel.name_edit.insert("🍸")
    assert not panel.error.isVisible()  # put right: the message goes at once
    qtbot.keyClick(panel.name_edit, "\r")
    assert named == ["收銀台 2 🍸"]


def _window(qtbot: QtBot, db: Database, options: Options) -> MainWindow:
    win = create_window(db, dialogs=FakeDialogService(), options=options)
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    return win


def test_first_run_asks_for_the_till_name_then_the_first_manager(
        qtbot: QtBot, tmp_path: Path, fresh_db: Database) -> None:
    options = Options(tmp_path / "options.ini")
    win = _window(qtbot, fresh_db, options)
    till_ui = win.till_ui  # type: ignore[attr-defined]
    panel = win.sign_in_panel
    assert panel.stack.currentWidget() is till_ui.first_run
    assert till_ui.first_run.name_edit.text()  # the host name is suggested
    till_ui.first_run.set_name("Kassa Ääkkönen")
    till_ui.first_run.save_button.click()
    assert options.get("till_name") == "Kassa Ääkkönen"
    assert Options(tmp_path / "options.ini").get("till_name") == "Kassa Ääkkönen"  # on disk
    assert till_of(fresh_db) == "Kassa Ääkkönen"
    assert win.service_ui.first_run is panel.stack.currentWidget()  # type: ignore[attr-defined]
    assert till_ui.header_label.text() == "Till: Kassa Ääkkönen"


def test_a_named_till_is_attached_at_start_and_renamed_in_settings(
        qtbot: QtBot, tmp_path: Path, fresh_db: Database) -> None:
    team = make_team(fresh_db)
    options = Options(tmp_path / "options.ini")
    options.set("till_name", "Till 1")
    win = _window(qtbot, fresh_db, options)
    till_ui = win.till_ui  # type: ignore[attr-defined]
    assert till_of(fresh_db) == "Till 1"
    assert win.sign_in_panel.stack.currentWidget() is not till_ui.first_run  # not asked again
    win.session.sign_in(team.manager, with_pin=True)
    assert win.settings_ui.open_settings()  # type: ignore[attr-defined]
    box = till_ui.settings_box
    assert box.isVisibleTo(win) and box.name_edit.text() == "Till 1"
    box.set_name("x\ny")
    box.save_button.click()
    assert box.error.isVisible() and till_of(fresh_db) == "Till 1"
    box.set_name("Terrace")
    box.save_button.click()
    assert (till_of(fresh_db), options.get("till_name")) == ("Terrace", "Terrace")
    assert "Terrace" in box.done_label.text() and box.done_label.isVisible()
    assert make_complaint(fresh_db, team).till == "Terrace"


def test_without_an_options_store_nothing_is_asked(qtbot: QtBot, fresh_db: Database) -> None:
    win = create_window(fresh_db, dialogs=FakeDialogService())
    qtbot.addWidget(win)
    install_extras(win)
    assert win.sign_in_panel.stack.currentWidget() is not win.till_ui.first_run  # type: ignore[attr-defined]


# ------------------------------------------------------------------ the command line


def _created_till(path: str) -> str:
    db = open_database(path)
    try:
        return next(e.till for e in audit.entries(db, action_prefix="staff.created"))
    finally:
        db.close()


def test_the_command_line_records_its_till(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = str(tmp_path / "shop.sqlite")
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "4821")
    assert main(["--till", "Bar 🍸", "staff", "first-manager", "Maria", "--db", path]) == 0
    assert _created_till(path) == "Bar 🍸"
    capsys.readouterr()
    assert main(["audit", "list", "--db", path, "--limit", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["No.", "When", "Who", "Action", "About", "Till"]
    created = next(line for line in lines if "staff.created" in line)
    assert "Maria" in created and created.rstrip().endswith("Bar 🍸")
    for args, says in ((["--till", "", "audit", "list"], "Give this till a name"),
                       (["audit", "list", "--till", "x" * 41], "at most 40")):
        with pytest.raises(SystemExit) as exit_code:  # argparse: usage and the message
            main([*args, "--db", path])
        assert exit_code.value.code == 2 and says in capsys.readouterr().err


def test_the_command_line_reads_the_options_file_else_says_cli(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "4821")
    first, second = str(tmp_path / "one.sqlite"), str(tmp_path / "two.sqlite")
    assert main(["staff", "first-manager", "Maria", "--db", first]) == 0
    assert _created_till(first) == "cli"  # no options file: the command line's own name
    options = Options(config_dir() / "options.ini")
    options.set("till_name", "收銀台 3")
    options.sync()
    assert main(["staff", "first-manager", "Maria", "--db", second]) == 0
    assert _created_till(second) == "收銀台 3"


def test_the_history_and_the_form_show_the_till(
        qtbot: QtBot, qtmodeltester: ModelTester, shop: tuple[Database, Database],
        team: Team) -> None:
    here, there = shop
    complaint = make_complaint(there, team, voucher_line(1500))
    authorise(there, complaint.id, list(complaint.lines), SUPERVISOR_PIN, CONSOLE)
    model = ComplaintHistoryModel(here, lambda minor: f"{minor / 100:.2f}")
    model.set_customer(team.customer.id)
    qtmodeltester.check(model)
    assert model.headerData(TILL, Qt.Orientation.Horizontal) == "Till"
    assert model.data(model.index(0, TILL)) == "Till 1"
    widget = ComplaintForm(make_ctx(here, team.clerk))
    qtbot.addWidget(widget)
    widget.open_complaint(complaint.id)
    assert "Approved by Sami Supervisor at till Till 1" in widget.status_label.text()
    assert widget.till_info_label.text() == "Till 1"
    widget.start_new(team.customer.id, offer_draft=False)
    assert widget.till_info_label.text() == "Bar 🍸 (this till)"


def test_a_profile_edited_at_two_tills_keeps_the_typing_and_offers_both_ways(
        qtbot: QtBot, shop: tuple[Database, Database], team: Team) -> None:
    here, there = shop
    form = CustomerForm(make_ctx(here, team.clerk))
    qtbot.addWidget(form)
    form.resize(1024, 700)
    form.show()
    customer = team.customer
    form.edit_customer(customer.id)
    form.preferences_edit.setPlainText("Window seat, oat milk")
    update_customer(there, customer.id, replace(customer.to_input(), tags=["regular"]),
                    by=team.supervisor.id, expected_version=customer.version)
    assert form.save() is None
    dialogs = form.ctx.dialogs
    assert isinstance(dialogs, FakeDialogService) and dialogs.shown == []
    assert form.conflict_bar.isVisible()
    message = form.conflict_bar.message.text()
    assert "Sami Supervisor changed this profile at till Till 1" in message
    assert form.preferences_edit.toPlainText() == "Window seat, oat milk"
    assert get_customer(here, customer.id).preferences == ""
    # Load their version (asked first): the form shows the saved profile
    form.conflict_bar.load_theirs_button.click()
    assert dialogs.shown[-1].kind == "question"
    assert form.tags_edit.text() == "regular" and form.preferences_edit.toPlainText() == ""
    assert not form.conflict_bar.isVisible() and not form.has_unsaved_changes()
    # Keep mine: the next save replaces their change knowingly
    form.preferences_edit.setPlainText("Quiet corner")
    form.tags_edit.setText("")
    update_customer(there, customer.id, replace(customer.to_input(), tags=["vip"]),
                    by=team.supervisor.id)
    assert form.save() is None and form.conflict_bar.isVisible()
    form.conflict_bar.keep_mine_button.click()
    assert form.save() == customer.id
    saved = get_customer(here, customer.id)
    assert (saved.preferences, saved.tags, saved.version) == ("Quiet corner", (), 4)
    assert not form.conflict_bar.isVisible()
