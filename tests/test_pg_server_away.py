"""When the server is away: stop the throwaway PostgreSQL server under a running console,
then start it again. The window says so in a banner with the time it was lost and never
freezes; a save fails with a clear message, what was typed stays on screen and in this
till's own draft file; once the server is back (same URL, no restart of the console) the
same save works and is written once. A retried save (its reply lost) is recognised."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cmd_run import create_window
from console.service_ui import PAGE_COMPLAINT
from db.complaints import create_complaint
from db.connection import open_database, write
from db.errors import ServerUnavailable
from db.local_drafts import load_local
from db.purchases import add_product, record_purchase
from db.service_models import ComplaintInput
from tests.service_ui_support import make_customer, make_team
from widgets.dialogs import FakeDialogService

pytest_plugins = ["tests.pg_support"]  # the server, template and per-test database

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


ROOT = Path(__file__).resolve().parent.parent


def run_script(command: str, pg_dir: str) -> subprocess.CompletedProcess[str]:
    """scripts/pg-local.sh on the session's cluster (as tests.pg_support runs it)."""
    return subprocess.run(["bash", str(ROOT / "scripts" / "pg-local.sh"), command],
                          capture_output=True, text=True, env={**os.environ, "PG_DIR": pg_dir},
                          timeout=600, check=False)


@pytest.fixture
def server(pg_server: tuple[str, str]) -> Iterator[str]:
    """The cluster's folder; the server is running again after the test, whatever happens."""
    yield pg_server[1]
    started = run_script("start", pg_server[1])
    assert started.returncode == 0, started.stderr


def _halt(pg_dir: str) -> None:
    halted = run_script("halt", pg_dir)
    assert halted.returncode == 0, halted.stderr


def _start(pg_dir: str) -> None:
    started = run_script("start", pg_dir)
    assert started.returncode == 0, started.stderr


def _count(url: str, problem: str) -> int:
    db = open_database(url)
    try:
        return int(db.execute("SELECT count(*) FROM complaints WHERE problem = ?",
                              [problem]).fetchone()[0])
    finally:
        db.close()


def test_a_console_rides_out_a_server_restart(
        qtbot: QtBot, pg_url: str, server: str, fixed_clock: object) -> None:
    db = open_database(pg_url)
    team = make_team(db)
    customer = make_customer(db)
    dialogs = FakeDialogService()
    win = create_window(db, dialogs=dialogs)
    qtbot.addWidget(win)
    try:
        win.resize(1440, 900)
        win.show()
        banner = win.server_banner
        assert banner.isHidden()
        win.session.sign_in(team.clerk)
        win.open_customer(customer.id)
        win.service_ui.new_complaint(customer.id)
        assert win.current_page() == PAGE_COMPLAINT
        form = win.service_ui.complaint_form
        form.cause_box.setCurrentIndex(form.cause_box.findData("quality"))
        problem = "The soup was cold while the server was away"
        qtbot.keyClicks(form.problem_edit, problem)

        _halt(server)
        qtbot.waitUntil(banner.isVisible, timeout=3000)
        assert banner.lost_at is not None
        assert "cannot be reached since" in banner.label.text()
        # the window stays responsive: a check while away returns at once
        start = time.perf_counter()
        for _n in range(10):
            win.change_watcher.check_now()
        assert time.perf_counter() - start < 0.5

        assert form.save("open") is None  # refused with a clear message
        assert dialogs.shown and "cannot be reached" in dialogs.shown[-1].text
        assert "nothing was read or saved" in dialogs.shown[-1].text
        assert form.problem_edit.toPlainText() == problem  # still on screen
        folder = Path(os.environ["COUNTERPART_DATA_DIR"]) / "drafts"
        draft = load_local(folder, team.clerk.id, "complaint")  # and on this till's disk
        assert draft is not None and draft.payload["problem"] == problem

        _start(server)  # same URL; the console is not restarted
        qtbot.waitUntil(banner.isHidden, timeout=5000)
        saved = form.save("open")
        assert saved is not None and saved.problem == problem
        assert _count(pg_url, problem) == 1
        assert load_local(folder, team.clerk.id, "complaint") is None  # saved: draft gone
        assert form.save("open") is not None  # saving again updates, never a second row
        assert _count(pg_url, problem) == 1
    finally:
        win.change_watcher.stop()
        win.close()
        db.close()


def test_a_read_while_away_says_so_and_the_connection_comes_back(
        pg_url: str, server: str, fixed_clock: object) -> None:
    db = open_database(pg_url)
    try:
        make_customer(db)
        _halt(server)
        with pytest.raises(ServerUnavailable, match="cannot be reached"):
            db.execute("SELECT count(*) FROM customers").fetchone()
        with pytest.raises(ServerUnavailable):  # still away: a quick refusal each time
            db.execute("SELECT count(*) FROM customers").fetchone()
        _start(server)
        assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 1
    finally:
        db.close()


@pytest.fixture(params=["sqlite", "pg"])
def till(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same data API on both engines."""
    where = tmp_path / "till.sqlite" if request.param == "sqlite" \
        else request.getfixturevalue("pg_url")
    db = open_database(where)
    yield db
    db.close()


def test_a_retried_save_is_recognised_not_written_twice(
        till: Database, fixed_clock: object) -> None:
    team = make_team(till)
    customer = make_customer(till)
    data = ComplaintInput(taken_by=team.clerk.id, customer_id=customer.id, cause="quality",
                          problem="Cold soup", client_key="k-1")
    first = create_complaint(till, data)
    again = create_complaint(till, data)  # the answer to the first was lost: pressed again
    assert again.id == first.id
    assert till.execute("SELECT count(*) FROM complaints").fetchone()[0] == 1
    other = create_complaint(till, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer.id, cause="quality", problem="Cold soup"))
    assert other.id != first.id  # no key: a new entry each time

    product = add_product(till, "SOUP", "Soup", "food", 900)
    bought = record_purchase(till, customer.id, [(product.id, 2)], client_key="p-1")
    retried = record_purchase(till, customer.id, [(product.id, 2)], client_key="p-1")
    assert retried == bought
    assert till.execute("SELECT count(*) FROM purchases").fetchone()[0] == 1
    visits = till.execute("SELECT visits FROM customers WHERE id = ?",
                          [customer.id]).fetchone()[0]
    assert visits == 1  # the visit counted once


def _cut(db: Database) -> None:
    """Drop `db`'s connection from the server side (as a restart or a network cut does)."""
    pid = db.conn.raw.info.backend_pid  # type: ignore[attr-defined]
    with psycopg.connect(db.url, autocommit=True) as admin:  # type: ignore[attr-defined]
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_connection_lost_inside_a_write_leaves_nothing_half_written(
        pg_url: str, fixed_clock: object) -> None:
    db = open_database(pg_url)
    try:
        make_customer(db)
        with pytest.raises(ServerUnavailable), write(db):
            db.execute("UPDATE customers SET name = 'Half' WHERE id = 1")
            _cut(db)
            with contextlib.suppress(ServerUnavailable):  # even if a caller swallows it,
                db.execute("UPDATE customers SET phone = '040 1' WHERE id = 1")
            # ... the rest of the dead transaction is refused, never run on a new connection
            db.execute("UPDATE customers SET name = 'Other half' WHERE id = 1")
        # the next statement outside it reconnects; nothing of the transaction was kept
        assert db.execute("SELECT name FROM customers WHERE id = 1").fetchone()[0] == \
            "Aino Virtanen"
        with write(db):  # and writing works again
            db.execute("UPDATE customers SET name = 'Aino V.' WHERE id = 1")
        assert db.execute("SELECT name FROM customers WHERE id = 1").fetchone()[0] == "Aino V."
    finally:
        db.close()
