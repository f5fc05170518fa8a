"""Managers see a failed or overdue backup on home until it is fixed; "Back up now" runs in the
background and clears the notice."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from db import clock
from db.models import Staff
from db.security.sign_in import SignIn
from db.store import backup
from db.store.connection import open_database
from tests.ui_helpers import make_ctx
from widgets.backup_status import BackupStatusPanel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

MANAGER = Staff(id=1, name="Maria Manager", role="manager", limit_minor=0, active=True,
                has_pin=True)
CLERK = Staff(id=2, name="Aino Staff", role="staff", limit_minor=0, active=True, has_pin=True)


_KEEP: list[QWidget] = []  # the home pages stay alive for the test's length


def panel_for(qtbot: QtBot, tmp_path: Path, staff: Staff) -> BackupStatusPanel:
    db = open_database(tmp_path / "shop.sqlite")
    ctx, _dialogs = make_ctx(db, staff)
    signed = SignIn(staff=staff, with_pin=True)
    ctx.current_sign_in = lambda: signed
    home = QWidget()  # the home page the notice sits on
    QVBoxLayout(home)
    panel = BackupStatusPanel(ctx, tmp_path / "shop.sqlite", home)
    home.layout().addWidget(panel)
    qtbot.addWidget(home)
    _KEEP.append(home)
    home.show()
    panel.refresh()
    return panel


def test_a_manager_sees_that_no_backup_exists_and_backs_up_without_waiting(
        qtbot: QtBot, tmp_path: Path) -> None:
    panel = panel_for(qtbot, tmp_path, MANAGER)
    assert panel.isVisible() and "No backup" in panel.message.text()
    with qtbot.waitSignal(panel.backup_finished, timeout=20000) as finished:
        panel.back_up_now.click()
        assert not panel.back_up_now.isEnabled()  # the window goes on meanwhile
    assert finished.args == [""]
    assert not panel.isVisible()
    assert backup.list_backups(backup.default_folder(tmp_path / "shop.sqlite"))


def test_floor_staff_are_not_shown_the_backup_notice(qtbot: QtBot, tmp_path: Path) -> None:
    panel = panel_for(qtbot, tmp_path, CLERK)
    assert not panel.isVisible()


def test_a_failed_backup_stays_on_home_with_its_reason(qtbot: QtBot, tmp_path: Path) -> None:
    panel = panel_for(qtbot, tmp_path, MANAGER)
    ctx = panel.ctx
    ctx.settings = type(ctx.settings)(backup_second_folder=str(tmp_path / "usb-unplugged"))
    with qtbot.waitSignal(panel.backup_finished, timeout=20000) as finished:
        panel.start_backup()
    assert "usb-unplugged" in finished.args[0]
    assert panel.isVisible() and "failed" in panel.message.text()
    assert "usb-unplugged" in panel.message.text()


def test_an_overdue_backup_is_named_with_its_date(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    open_database(path).close()
    made = backup.make_backup(path, backup.default_folder(path), create_folder=True)
    clock.set_clock(lambda: made.created_at + timedelta(days=3))
    try:
        panel = panel_for(qtbot, tmp_path, MANAGER)
        assert panel.isVisible() and "overdue" in panel.message.text()
    finally:
        clock.set_clock(None)


def test_a_server_database_is_backed_up_from_the_window_too(
        qtbot: QtBot, pg_url: str) -> None:
    """On a server the notice and "Back up now" work the same: the backup is the server
    database's snapshot in this till's data folder (`counterpart backup --db URL`)."""
    from db.store.location import ServerUrl

    db = open_database(pg_url)
    try:
        ctx, _dialogs = make_ctx(db, MANAGER)
        signed = SignIn(staff=MANAGER, with_pin=True)
        ctx.current_sign_in = lambda: signed
        home = QWidget()
        QVBoxLayout(home)
        panel = BackupStatusPanel(ctx, ServerUrl(pg_url), home)
        home.layout().addWidget(panel)
        qtbot.addWidget(home)
        home.show()
        panel.refresh()
        assert panel.isVisible() and "No backup" in panel.message.text()
        with qtbot.waitSignal(panel.backup_finished, timeout=30000) as finished:
            panel.back_up_now.click()
        assert finished.args == [""]
        assert not panel.isVisible()
        [made] = backup.list_backups(backup.default_folder(ServerUrl(pg_url)))
        assert made.kind == "daily" and made.verified
    finally:
        db.close()
