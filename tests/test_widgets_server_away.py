"""The window's side of a database server that is away, without a server: the banner, the
quiet "not available" state of reads (no error box each time), and the crash hook's silence
for a stray refresh. (Stopping a real server under a window: tests/test_pg_server_away.py.)"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMainWindow, QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.errors import ServerUnavailable
from tests.service_ui_support import make_ctx, make_team
from widgets.follow_up_list import FollowUpList
from widgets.home_view import HomeView
from widgets.server_away import away_text, show_read_error
from widgets.server_banner import ServerBanner
from widgets.status_line import StatusLine

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

AWAY = ServerUnavailable("The database server postgresql://till1@db/shop cannot be reached.")


def _away(*_args: object, **_kw: object) -> object:
    raise AWAY


def test_the_banner_says_since_when_and_keeps_the_first_time(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    banner = ServerBanner(ZoneInfo("Europe/Helsinki"), window)
    window.show()
    assert banner.isHidden()  # hidden while the server can be reached
    banner.show_lost(datetime(2026, 11, 23, 12, 2, tzinfo=UTC))  # 14:02 in Helsinki
    assert not banner.isHidden()
    assert "cannot be reached since 14:02" in banner.label.text()
    banner.show_lost(datetime(2026, 11, 23, 12, 9, tzinfo=UTC))  # still the first loss
    assert "since 14:02" in banner.label.text()
    banner.show_back()
    assert banner.isHidden() and banner.lost_at is None


def test_home_shows_a_quiet_note_while_away_and_its_lists_when_back(
        qtbot: QtBot, fresh_db: Database, fixed_clock: datetime,
        monkeypatch: pytest.MonkeyPatch) -> None:
    team = make_team(fresh_db)
    ctx = make_ctx(fresh_db, team.clerk)
    home = HomeView(ctx)
    qtbot.addWidget(home)
    home.show()
    with monkeypatch.context() as away:
        away.setattr("widgets.home_view.birthdays_between", _away)
        home.refresh()
    assert home.away_note.isVisible() and home.week_away_note.isVisible()
    assert home.away_note.text() == away_text()
    assert not home.today_empty.isVisible()  # never "no birthdays today": unknown
    assert ctx.dialogs.shown == []  # type: ignore[attr-defined]  # no box
    assert home.greeting.text() == "Hello, Chen Clerk."
    home.refresh()  # the server is back
    assert not home.away_note.isVisible() and home.today_empty.isVisible()


def test_follow_ups_say_unavailable_and_keep_a_close_being_typed(
        qtbot: QtBot, fresh_db: Database, fixed_clock: datetime,
        monkeypatch: pytest.MonkeyPatch) -> None:
    team = make_team(fresh_db)
    panel = FollowUpList(make_ctx(fresh_db, team.clerk))
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    with monkeypatch.context() as away, qtbot.waitSignal(panel.unavailable, timeout=1000):
        away.setattr("widgets.follow_up_list.due_follow_ups", _away)
        panel.refresh()
    assert panel.away_note.isVisible()
    assert not panel.empty_label.isVisible()  # not "no promises due": unknown
    assert not panel.close_button.isEnabled()
    panel.refresh()
    assert not panel.away_note.isVisible() and panel.empty_label.isVisible()


def test_a_read_error_while_away_is_a_status_line_not_a_box(
        qtbot: QtBot, fresh_db: Database) -> None:
    ctx = make_ctx(fresh_db, None)
    window = QMainWindow()
    qtbot.addWidget(window)
    central = QWidget()
    line = StatusLine(central)
    child = QWidget(central)
    window.setCentralWidget(central)
    show_read_error(child, AWAY)
    assert line.current_message() == away_text()
    assert ctx.dialogs.shown == []  # type: ignore[attr-defined]
    alone = QWidget()  # no window to say it in: the box after all
    qtbot.addWidget(alone)
    show_read_error(alone, AWAY)
    assert [d.kind for d in ctx.dialogs.shown] == ["warning"]  # type: ignore[attr-defined]
    assert "cannot be reached" in ctx.dialogs.shown[0].text  # type: ignore[attr-defined]


def test_a_stray_refresh_while_away_never_reaches_the_crash_dialog(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from console import app

    monkeypatch.setattr(app.QMessageBox, "warning", lambda *_a: pytest.fail("a box"))
    monkeypatch.setattr(app.QMessageBox, "critical", lambda *_a: pytest.fail("bug dialog"))
    app._crash_hook(ServerUnavailable, AWAY, None)
