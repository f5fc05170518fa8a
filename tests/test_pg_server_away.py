"""When the server is away: stop the throwaway PostgreSQL server under a running console,
then start it again. The window says so in a banner with the time it was lost and never
freezes; a save fails with a clear message, what was typed stays on screen and in this
till's own draft file; once the server is back (same URL, no restart of the console) the
same save works and is written once. A retried save (its reply lost) is recognised."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cmd_run import create_window
from console.service_ui import PAGE_COMPLAINT
from db.customers.purchases import add_product, record_purchase
from db.customers.records import create_customer
from db.errors import ServerUnavailable, ValidationError
from db.models import CustomerInput
from db.service.compensation import AuthorisationConflict, authorise
from db.service.complaints import create_complaint, get_complaint
from db.service.follow_ups import close_follow_up
from db.service.local_drafts import load_local, save_local
from db.service.models import (
    CompensationLine,
    ComplaintInput,
    FollowUpClose,
    PromiseInput,
)
from db.store.connection import open_database, write
from db.store.engines.postgres import CONNECT_TIMEOUT_S, RECONNECT_WAIT_S
from tests.service_ui_support import SUPERVISOR_PIN, make_customer, make_team
from widgets.dialogs import FakeDialogService
from widgets.local_draft_keeper import CUSTOMER_FORM, PURCHASE_ENTRY
from widgets.server_away import away_text

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


def test_other_retried_writes_are_recognised(till: Database, fixed_clock: object) -> None:
    """A new customer, a follow-up's closing and a supervisor's authorisation, each saved
    again after its answer was lost: the first one stands, nothing is written twice."""
    team = make_team(till)
    data = CustomerInput(name="Li Na", phone="040 765 4321")
    first = create_customer(till, data, client_key="c-1")
    assert create_customer(till, data, client_key="c-1").id == first.id
    customers = _rows(till, "customers")

    promised = create_complaint(till, ComplaintInput(
        taken_by=team.clerk.id, customer_id=first.id, cause="waiting", problem="Late",
        status="resolved", promise=PromiseInput(promise="Call back", owner_id=team.clerk.id)))
    follow_up_id = promised.follow_ups[0].id
    closing = FollowUpClose(outcome="Happy again", satisfaction=5)
    closed = close_follow_up(till, follow_up_id, closing, team.clerk.id)
    again = close_follow_up(till, follow_up_id, closing, team.clerk.id)  # the retry
    assert again == closed
    audit_rows = _rows(till, "audit_log")
    with pytest.raises(ValidationError, match="already closed"):  # a different closing
        close_follow_up(till, follow_up_id, FollowUpClose("Other words", 2), team.clerk.id)

    complaint = create_complaint(till, ComplaintInput(
        taken_by=team.clerk.id, customer_id=first.id, cause="quality", problem="Cold soup",
        lines=[CompensationLine(kind="voucher", amount_minor=1500, description="Next visit")]))
    lines = get_complaint(till, complaint.id).lines
    authorise(till, complaint.id, lines, SUPERVISOR_PIN, "till-1", seen_decisions=0)
    vouchers = _rows(till, "vouchers")
    with pytest.raises(AuthorisationConflict, match="Sam Supervisor"):  # the retry: known
        authorise(till, complaint.id, lines, SUPERVISOR_PIN, "till-1", seen_decisions=0)
    assert _rows(till, "vouchers") == vouchers == 1  # one voucher, never two
    assert _rows(till, "authorisations") == 1
    assert _rows(till, "customers") == customers
    assert _rows(till, "audit_log") > audit_rows  # the one authorisation (and its denial)


def _rows(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_statement_waits_at_most_a_moment_for_a_server_that_does_not_answer(
        pg_url: str) -> None:
    """Reconnecting runs in the background: a host that takes the connection and never
    answers (a remote server gone quiet) costs the window's thread RECONNECT_WAIT_S, not
    CONNECT_TIMEOUT_S; the connection made later is used by the next statement."""
    db = open_database(pg_url)
    silent = socket.socket()
    try:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the kernel completes the handshake; nobody ever answers
        real = db.conn.url  # type: ignore[attr-defined]
        _cut(db)
        db.conn.url = f"postgresql://nobody@127.0.0.1:{silent.getsockname()[1]}/x"  # type: ignore[attr-defined]
        for _attempt in range(3):
            start = time.perf_counter()
            with pytest.raises(ServerUnavailable):
                db.execute("SELECT 1").fetchone()
            assert time.perf_counter() - start < RECONNECT_WAIT_S + 0.5 < CONNECT_TIMEOUT_S
        db.conn.url = real  # type: ignore[attr-defined]  # the server answers again
        deadline = time.monotonic() + CONNECT_TIMEOUT_S + 3
        while True:  # the quiet attempt runs out (2 s); the next one gets through
            try:
                assert db.execute("SELECT 1").fetchone() == (1,)
                break
            except ServerUnavailable:
                assert time.monotonic() < deadline
                time.sleep(0.1)
    finally:
        silent.close()
        db.close()


def test_a_connection_that_died_while_idle_is_replaced_without_an_error(
        pg_url: str, server: str, fixed_clock: object) -> None:
    """The server restarted between two statements: the next read, and the next write
    (its BEGIN), run on a new connection as if nothing happened."""
    db = open_database(pg_url)
    try:
        make_customer(db)
        _halt(server)
        _start(server)
        assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 1
        _halt(server)
        _start(server)
        with write(db):
            db.execute("UPDATE customers SET name = 'Aino V.' WHERE id = 1")
        assert db.execute("SELECT name FROM customers WHERE id = 1").fetchone()[0] == "Aino V."
    finally:
        db.close()


def _window(qtbot: QtBot, db: Database, dialogs: FakeDialogService) -> Any:
    win = create_window(db, dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    return win


def test_reads_while_away_are_quiet_and_fill_again_when_back(
        qtbot: QtBot, pg_url: str, server: str, fixed_clock: datetime) -> None:
    db = open_database(pg_url)
    team = make_team(db)
    customer = make_customer(db)
    create_complaint(db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer.id, cause="waiting", problem="Late",
        status="resolved", promise=PromiseInput(promise="Call back", owner_id=team.clerk.id,
                                                due_at=fixed_clock + timedelta(hours=2))))
    dialogs = FakeDialogService()
    win = _window(qtbot, db, dialogs)
    try:
        win.session.sign_in(team.clerk)
        assert win.current_page() == "home"
        summary = win.service_ui.follow_ups_summary
        assert summary.text() == "1 due"

        _halt(server)
        qtbot.waitUntil(win.server_banner.isVisible, timeout=3000)
        boxes = len(dialogs.shown)
        win.go_home()  # home's lists: a quiet note, not "no birthdays", not "none due"
        assert win.home_view.away_note.isVisible()
        assert not win.home_view.today_empty.isVisible()
        assert summary.text() == away_text()
        win.search.field.setText("Aino")  # a search: the note in place of the results
        win.search.run_search()
        assert win.search.summary.text() == away_text()
        assert win.search.model.rowCount() == 0
        win.search.clear()
        win.open_customer(customer.id)  # opening a profile: a line in the status line
        assert win.current_page() == "home"
        assert win.status_line.current_message() == away_text()
        assert len(dialogs.shown) == boxes  # no box for any of these reads

        _start(server)
        qtbot.waitUntil(win.server_banner.isHidden, timeout=5000)
        qtbot.waitUntil(lambda: not win.home_view.away_note.isVisible(), timeout=3000)
        assert summary.text() == "1 due"  # filled again by itself
        assert win.home_view.today_empty.isVisible()
        win.open_customer(customer.id)
        assert win.current_page() == "profile"
        assert len(dialogs.shown) == boxes
    finally:
        win.change_watcher.stop()
        db.close()


def test_a_crash_while_the_server_is_away_loses_no_complaint(
        qtbot: QtBot, pg_url: str, server: str, fixed_clock: object) -> None:
    db = open_database(pg_url)
    team = make_team(db)
    customer = make_customer(db)
    win = _window(qtbot, db, FakeDialogService())
    problem = "Cold soup, typed just before the server went"
    try:
        win.session.sign_in(team.clerk)
        win.service_ui.new_complaint(customer.id)
        form = win.service_ui.complaint_form
        form.cause_box.setCurrentIndex(form.cause_box.findData("quality"))
        qtbot.keyClicks(form.problem_edit, problem)
        _halt(server)
        qtbot.waitUntil(win.server_banner.isVisible, timeout=3000)
        assert form.save("open") is None  # refused; kept on this till's disk
    finally:
        win.change_watcher.stop()  # ... and the till crashes: nothing else runs
        db.close()

    _start(server)
    folder = Path(os.environ["COUNTERPART_DATA_DIR"]) / "drafts"
    again = open_database(pg_url)  # the console started again
    soup = add_product(again, "SOUP", "Soup", "food", 900)
    save_local(folder, team.clerk.id, PURCHASE_ENTRY,  # an order left from earlier, too
               {"customer_id": customer.id, "client_key": "k-order", "lines": [[soup.id, 1]]})
    dialogs = FakeDialogService()
    restarted = _window(qtbot, again, dialogs)
    try:
        restarted.session.sign_in(team.clerk)
        asked = [d for d in dialogs.shown if d.kind == "question"]
        assert len(asked) == 1  # one entry offered per sign-in: the complaint first
        assert "Aino Virtanen" in asked[0].text and "Restore" in asked[0].text
        assert restarted.current_page() == PAGE_COMPLAINT
        form = restarted.service_ui.complaint_form
        assert form.problem_edit.toPlainText() == problem
        saved = form.save("open")
        assert saved is not None and _count(pg_url, problem) == 1
        assert load_local(folder, team.clerk.id, "complaint") is None
        restarted.session.sign_out()
        restarted.session.sign_in(team.clerk)  # the next sign-in offers the order
        assert "An order for Aino Virtanen" in dialogs.shown[-1].text
        assert restarted.current_page() == "purchase"
        assert restarted.purchase_entry.lines.items() == [(soup.id, 1)]
    finally:
        restarted.change_watcher.stop()
        again.close()


def test_a_crash_while_the_server_is_away_loses_no_new_customer_or_order(
        qtbot: QtBot, pg_url: str, server: str, fixed_clock: object) -> None:
    db = open_database(pg_url)
    team = make_team(db)
    customer = make_customer(db)
    soup = add_product(db, "SOUP", "Soup", "food", 900)
    dialogs = FakeDialogService()
    win = _window(qtbot, db, dialogs)
    folder = Path(os.environ["COUNTERPART_DATA_DIR"]) / "drafts"
    try:
        win.session.sign_in(team.clerk)
        win.record_purchase(customer.id)
        win.purchase_entry.add_product(soup, 2)
        _halt(server)
        qtbot.waitUntil(win.server_banner.isVisible, timeout=3000)
        assert win.purchase_entry.record() is None
        assert "cannot be reached" in dialogs.shown[-1].text  # a save says so, in a box
        assert win.purchase_entry.lines.items() == [(soup.id, 2)]  # still on screen
        order = load_local(folder, team.clerk.id, PURCHASE_ENTRY)
        assert order is not None and order.payload["lines"] == [[soup.id, 2]]
    finally:
        win.change_watcher.stop()
        db.close()

    _start(server)
    again = open_database(pg_url)
    dialogs = FakeDialogService()
    restarted = _window(qtbot, again, dialogs)
    try:
        restarted.session.sign_in(team.clerk)
        assert restarted.current_page() == "purchase"  # offered back and restored
        assert "An order for Aino Virtanen" in dialogs.shown[-1].text
        assert restarted.purchase_entry.lines.items() == [(soup.id, 2)]
        assert restarted.purchase_entry.record() is not None
        assert _rows(again, "purchases") == 1

        restarted.new_customer()  # now a new customer, typed while the server goes away
        form = restarted.customer_form
        qtbot.keyClicks(form.name_edit, "Mei Lin")
        form.phone_edit.setText("040 555 1234")
        _halt(server)
        qtbot.waitUntil(restarted.server_banner.isVisible, timeout=3000)
        assert form.save() is None
        assert "cannot be reached" in dialogs.shown[-1].text
        assert form.name_edit.text() == "Mei Lin"
        assert load_local(folder, team.clerk.id, CUSTOMER_FORM) is not None
    finally:
        restarted.change_watcher.stop()
        again.close()

    _start(server)
    third = open_database(pg_url)
    dialogs = FakeDialogService()
    last = _window(qtbot, third, dialogs)
    try:
        last.session.sign_in(team.clerk)
        assert last.current_page() == "customer_form"
        assert last.customer_form.name_edit.text() == "Mei Lin"
        assert last.customer_form.save() is not None
        assert _rows(third, "customers") == 2
        assert load_local(folder, team.clerk.id, CUSTOMER_FORM) is None
    finally:
        last.change_watcher.stop()
        third.close()


def test_counterpart_run_shows_the_window_on_a_server(pg_url: str, tmp_path: Path) -> None:
    """`counterpart run --db URL` opens the console on a server database."""
    result = subprocess.run(
        [sys.executable, "-m", "console", "run", "--db", pg_url, "--quit-when-shown"],
        capture_output=True, text=True, timeout=120, cwd=ROOT, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("shown ")
    assert "ready" in result.stderr
