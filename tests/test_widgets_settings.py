"""The manager's settings page: errors beside the field, PIN pad inline, manager-only button."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cmd_run import create_window
from console.main_window import PAGE_HOME
from console.settings_ui import PAGE_SETTINGS
from db.models import ShopSettings
from db.security import audit, lockout
from db.settings import SETTINGS_ACTION, load_settings
from tests.service_ui_support import MANAGER_PIN, SUPERVISOR_PIN, Team, make_ctx, make_team
from widgets.dialogs import FakeDialogService
from widgets.settings_panel import SettingsPanel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


@pytest.fixture
def panel(qtbot: QtBot, fresh_db: Database, team: Team) -> SettingsPanel:
    widget = SettingsPanel(make_ctx(fresh_db, team.manager))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _pin(qtbot: QtBot, panel: SettingsPanel, pin: str) -> None:
    qtbot.keyClicks(panel.pad, pin)
    qtbot.keyClick(panel.pad, Qt.Key.Key_Return)


def test_shows_the_stored_settings(panel: SettingsPanel) -> None:
    assert panel.edits["shop_name"].text() == "Counterpart Café"
    assert panel.edits["manager_limit_minor"].text() == "500,00"  # fi_FI decimal mark
    assert panel.edits["pin_max_attempts"].text() == "5"
    assert panel.page_size_box.currentData() == "A4"
    assert panel.confirm_box.isHidden()


def test_errors_appear_beside_each_field_and_nothing_is_asked(panel: SettingsPanel,
                                                              fresh_db: Database) -> None:
    panel.edits["shop_name"].clear()
    panel.edits["manager_limit_minor"].setText("lots")
    panel.edits["pin_max_attempts"].setText("0")
    panel.edits["timezone"].setText("Europe/Atlantis")
    panel.save_button.click()
    assert "needs a name" in panel.field_error("shop_name")
    assert panel.field_error("manager_limit_minor")
    assert "Between 1 and 20" in panel.field_error("pin_max_attempts")
    assert "time zone" in panel.field_error("timezone")
    assert panel.field_error("phone") == ""
    assert panel.confirm_box.isHidden()
    assert panel.edits["timezone"].text() == "Europe/Atlantis"  # what was typed stays
    assert load_settings(fresh_db) == ShopSettings()


def test_saved_only_after_the_managers_pin(qtbot: QtBot, panel: SettingsPanel,
                                           fresh_db: Database, team: Team) -> None:
    panel.edits["shop_name"].setText("Kahvila Kulma")
    panel.edits["manager_limit_minor"].setText("750,00")
    panel.edits["pin_lockout_minutes"].setText("30")
    panel.save_button.click()
    assert panel.confirm_box.isVisible()
    text = panel.confirm_label.text()
    assert "Shop name: Counterpart Café → Kahvila Kulma" in text and "750,00" in text
    assert load_settings(fresh_db) == ShopSettings()  # nothing yet

    _pin(qtbot, panel, SUPERVISOR_PIN)  # a supervisor's PIN: a wrong try, says nothing more
    assert "Wrong PIN" in panel.pad.message()
    assert load_settings(fresh_db) == ShopSettings()
    _pin(qtbot, panel, "0000")
    assert "Wrong PIN" in panel.pad.message()
    assert lockout.status(fresh_db, panel.ctx.console_id).failed_count == 2

    with qtbot.waitSignal(panel.settings_saved) as blocker:
        _pin(qtbot, panel, MANAGER_PIN)
    saved = blocker.args[0]
    assert (saved.shop_name, saved.manager_limit_minor, saved.pin_lockout_minutes) == (
        "Kahvila Kulma", 75_000, 30)
    assert load_settings(fresh_db) == saved == panel.ctx.settings
    assert panel.confirm_box.isHidden()
    assert "saved" in panel.status_label.text()
    entry = audit.entries(fresh_db, action_prefix=SETTINGS_ACTION)[0]
    assert entry.actor_id == team.manager.id
    assert entry.details["fields"]["manager_limit_minor"] == [50_000, 75_000]
    assert audit.verify(fresh_db).ok


def test_nothing_changed_asks_no_pin(panel: SettingsPanel) -> None:
    panel.save_button.click()
    assert panel.confirm_box.isHidden()
    assert "Nothing to save" in panel.status_label.text()


# --- in the window -------------------------------------------------------------------------


@pytest.fixture
def windows(qtbot: QtBot, fresh_db: Database) -> Iterator[list]:
    made: list = []
    yield made
    for win in made:
        win.close()


def test_settings_button_is_for_managers_only(qtbot: QtBot, fresh_db: Database, team: Team,
                                              windows: list) -> None:
    win = create_window(fresh_db, dialogs=FakeDialogService())
    qtbot.addWidget(win)
    win.show()
    windows.append(win)
    ui = win.settings_ui
    win.session.sign_in(team.supervisor)
    win.go_home()
    assert not ui.button.isVisible()
    assert not ui.open_settings()
    assert win.current_page() == PAGE_HOME

    win.session.sign_in(team.manager)  # tapped in without a PIN (not possible by hand)
    win.go_home()
    assert not ui.button.isVisible()
    assert not ui.open_settings()
    win.show_page(PAGE_SETTINGS)  # a stray call: refused with a message, page unchanged
    assert win.current_page() == PAGE_HOME

    win.session.sign_in(team.manager, with_pin=True)
    win.go_home()
    assert ui.button.isVisible()
    ui.button.click()
    assert win.current_page() == PAGE_SETTINGS


def test_backup_folders_and_retention_are_set_on_the_settings_screen(
        qtbot: QtBot, panel: SettingsPanel, fresh_db: Database, tmp_path: Path) -> None:
    panel.edits["backup_second_folder"].setText(str(tmp_path / "usb"))
    panel.edits["retention_months"].setText("0")
    panel.save_button.click()
    assert "Between 1 and 240" in panel.field_error("retention_months")
    panel.edits["retention_months"].setText("24")
    panel.save_button.click()
    with qtbot.waitSignal(panel.settings_saved):
        _pin(qtbot, panel, MANAGER_PIN)
    saved = load_settings(fresh_db)
    assert (saved.backup_second_folder, saved.retention_months) == (str(tmp_path / "usb"), 24)
