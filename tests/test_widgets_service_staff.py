"""First run, staff management with the manager's PIN inline, and voucher redemption."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.security import audit
from db.security.staff import get_staff, list_staff
from db.security.staff_admin import needs_first_manager
from db.service.vouchers import find_voucher
from tests.service_data_support import issue_voucher
from tests.service_ui_support import (
    MANAGER_PIN,
    STAFF_PIN,
    SUPERVISOR_PIN,
    Team,
    make_ctx,
    make_team,
)
from widgets.first_run_panel import FirstRunPanel
from widgets.staff_admin_panel import StaffAdminPanel, StaffTableModel
from widgets.voucher_redeem_panel import VoucherRedeemPanel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def _pin(qtbot: QtBot, pad: object, pin: str) -> None:
    qtbot.keyClicks(pad, pin)  # type: ignore[arg-type]
    qtbot.keyClick(pad, Qt.Key.Key_Return)  # type: ignore[arg-type]


# --- first run ---------------------------------------------------------------------------


def test_first_run_creates_the_manager_after_the_pin_twice(qtbot: QtBot,
                                                           fresh_db: Database) -> None:
    assert needs_first_manager(fresh_db)
    ctx = make_ctx(fresh_db, None)
    panel = FirstRunPanel(ctx)
    qtbot.addWidget(panel)
    _pin(qtbot, panel.pad, "4321")  # no name yet
    assert "name is required" in panel.name_error.text()
    panel.name_edit.setText("Maija Mäkinen")  # keyClicks is ASCII-only
    _pin(qtbot, panel.pad, "4321")
    assert "again" in panel.step_label.text()
    _pin(qtbot, panel.pad, "4322")  # a slip
    assert "differ" in panel.pad.message()
    assert needs_first_manager(fresh_db)
    _pin(qtbot, panel.pad, "4321")
    with qtbot.waitSignal(panel.manager_created) as blocker:
        _pin(qtbot, panel.pad, "4321")
    manager = blocker.args[0]
    assert manager.name == "Maija Mäkinen" and manager.role == "manager"
    assert not needs_first_manager(fresh_db)
    assert audit.verify(fresh_db).ok


# --- staff admin -------------------------------------------------------------------------


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


@pytest.fixture
def admin(qtbot: QtBot, fresh_db: Database, team: Team) -> StaffAdminPanel:
    panel = StaffAdminPanel(make_ctx(fresh_db, team.manager))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_staff_table_model(qtmodeltester: ModelTester, fresh_db: Database, team: Team) -> None:
    model = StaffTableModel(lambda minor: f"{minor / 100:.2f}")
    model.set_staff(list_staff(fresh_db, active_only=False))
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_adding_staff_asks_the_manager_pin_inline(qtbot: QtBot, fresh_db: Database,
                                                  admin: StaffAdminPanel, team: Team) -> None:
    admin.select(team.clerk.id)
    admin.new_button.click()
    assert admin.name_edit.text() == "" and admin.selected_staff() is None
    qtbot.keyClicks(admin.name_edit, "Liu Wei")
    admin.role_box.setCurrentIndex(admin.role_box.findData("supervisor"))
    admin.limit_edit.setText("35,00")
    qtbot.keyClicks(admin.pin_edit, "5678")
    admin.add_button.click()
    assert not admin.confirm_box.isHidden()
    assert "Liu Wei" in admin.confirm_label.text()
    assert len(list_staff(fresh_db)) == 3  # nothing yet
    with qtbot.waitSignal(admin.staff_changed) as blocker:
        _pin(qtbot, admin.pad, MANAGER_PIN)
    added = blocker.args[0]
    assert (added.name, added.role, added.limit_minor) == ("Liu Wei", "supervisor", 3500)
    assert admin.confirm_box.isHidden()
    assert admin.model.row_of(added.id) >= 0


def test_supervisor_pin_cannot_confirm_and_nothing_changes(
        qtbot: QtBot, fresh_db: Database, admin: StaffAdminPanel, team: Team) -> None:
    admin.select(team.clerk.id)
    admin.prepare_deactivate()
    with qtbot.assertNotEmitted(admin.staff_changed):
        _pin(qtbot, admin.pad, SUPERVISOR_PIN)
    # answered like a wrong PIN: never tells whose PIN it was
    assert "Wrong PIN" in admin.pad.message() and "Sam" not in admin.pad.message()
    assert "4 attempt" in admin.pad.message()
    _pin(qtbot, admin.pad, "0001")
    assert "3 attempt" in admin.pad.message()
    assert get_staff(fresh_db, team.clerk.id).active


def test_bad_input_is_shown_next_to_fields_and_kept(qtbot: QtBot, admin: StaffAdminPanel,
                                                     team: Team) -> None:
    admin.new_button.click()
    qtbot.keyClicks(admin.pin_edit, "12")
    admin.add_button.click()
    assert admin.confirm_box.isHidden()
    assert admin.errors["name"].text() and admin.errors["pin"].text()
    admin.select(team.supervisor.id)
    admin.role_box.setCurrentIndex(admin.role_box.findData("supervisor"))
    admin.limit_edit.setText("-5")
    admin.change_button.click()
    assert "negative" in admin.errors["limit"].text()
    assert admin.limit_edit.text() == "-5"


def test_change_limit_deactivate_and_reset_pin(qtbot: QtBot, fresh_db: Database,
                                               admin: StaffAdminPanel, team: Team) -> None:
    admin.select(team.supervisor.id)
    assert admin.name_edit.text() == "Sam Supervisor"
    admin.limit_edit.setText("40")
    admin.change_button.click()
    with qtbot.waitSignal(admin.staff_changed):
        _pin(qtbot, admin.pad, MANAGER_PIN)
    assert get_staff(fresh_db, team.supervisor.id).limit_minor == 4000

    admin.select(team.clerk.id)
    admin.pin_edit.setText("8642")
    admin.reset_pin_button.click()
    with qtbot.waitSignal(admin.staff_changed):
        _pin(qtbot, admin.pad, MANAGER_PIN)

    admin.select(team.clerk.id)
    admin.deactivate_button.click()
    with qtbot.waitSignal(admin.staff_changed):
        _pin(qtbot, admin.pad, MANAGER_PIN)
    assert not get_staff(fresh_db, team.clerk.id).active
    assert audit.verify(fresh_db).ok


# --- vouchers ----------------------------------------------------------------------------


def test_voucher_redeem_field(qtbot: QtBot, fresh_db: Database, team: Team,
                              fixed_clock: datetime) -> None:
    today = fixed_clock.date()
    good = issue_voucher(fresh_db, value_minor=1500, expires_on=today + timedelta(days=30),
                         by=team.supervisor)
    old = issue_voucher(fresh_db, value_minor=500, expires_on=date(2026, 12, 31),
                        by=team.supervisor)
    fresh_db.execute("UPDATE vouchers SET expires_on = '2026-01-01' WHERE id = ?", [old.id])
    panel = VoucherRedeemPanel(make_ctx(fresh_db, team.clerk))
    qtbot.addWidget(panel)

    qtbot.keyClicks(panel.code_edit, "ZZZZ-ZZZZ")
    panel.pin_edit.setText(STAFF_PIN)
    panel.redeem_button.click()
    assert panel.message() and panel.code_edit.text() == "ZZZZ-ZZZZ"

    panel.code_edit.setText(good.code.lower().replace("-", ""))
    panel.redeem_button.click()  # no PIN: nothing happens but a message
    assert "PIN" in panel.message() and not find_voucher(fresh_db, good.code).redeemed
    panel.pin_edit.setText("0000")
    panel.redeem_button.click()
    assert "Wrong PIN" in panel.message() and panel.pin_edit.text() == ""
    panel.pin_edit.setText(STAFF_PIN)
    with qtbot.waitSignal(panel.voucher_redeemed):
        panel.redeem_button.click()
    assert "redeemed" in panel.message()
    assert panel.code_edit.text() == ""

    panel.code_edit.setText(good.code)
    panel.pin_edit.setText(STAFF_PIN)
    panel.redeem_button.click()
    assert "already used" in panel.message()

    panel.code_edit.setText(old.code)
    panel.pin_edit.setText(STAFF_PIN)
    panel.redeem_button.click()
    assert "expired" in panel.message()
