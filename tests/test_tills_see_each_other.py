"""Tills that see each other: a change committed on another connection to the same file
reaches this console's data bus, and its open profile, home and follow-up list, within a
second; the watcher costs nothing when nothing changed and never raises into Qt."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cmd_run import create_window
from console.main_window import PAGE_HOME, PAGE_PROFILE
from db.customers.purchases import add_product, record_purchase
from db.models import Product
from db.service.complaints import create_complaint
from db.service.follow_ups import close_follow_up
from db.service.models import ComplaintInput, FollowUpClose, PromiseInput
from db.store import changes
from db.store.connection import open_database, write
from tests.conftest import FIXED_NOW
from tests.service_data_support import seed_staff
from tests.service_ui_support import Team, make_customer, make_team
from widgets.change_watcher import ChangeWatcher
from widgets.data_bus import DataBus
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

WITHIN_MS = 1000  # "within a second"


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Path, Database, Database]]:
    """One database file and two connections to it: this till's and another till's."""
    path = tmp_path / "shop.sqlite"
    here = open_database(path)
    there = open_database(path)
    yield path, here, there
    there.close()
    here.close()


@pytest.fixture
def windows() -> Iterator[list]:
    made: list = []
    yield made
    for win in made:
        win.change_watcher.stop()
        win.close()


def _window(qtbot: QtBot, db: Database, windows: list):  # type: ignore[no-untyped-def]
    win = create_window(db, dialogs=FakeDialogService())
    qtbot.addWidget(win)
    win.resize(1440, 900)
    win.show()
    windows.append(win)
    return win


def _complaint(team: Team, customer_id: int | None, *, promise: bool = False) -> ComplaintInput:
    data = ComplaintInput(taken_by=team.clerk.id, customer_id=customer_id, cause="quality",
                          problem="The soup was cold.")
    if promise:
        data.promise = PromiseInput("Call back about the soup", team.supervisor.id,
                                    FIXED_NOW + timedelta(hours=2))
    return data


# ---------------------------------------------------------------- the change rows


def test_writes_record_one_row_per_touched_entity_in_their_transaction(
        shop: tuple[Path, Database, Database], fixed_clock: object) -> None:
    _path, here, _there = shop
    team = make_team(here)
    customer = make_customer(here)
    product = add_product(here, "SOUP", "Soup", "food", 900)
    start = changes.latest(here)
    purchase = record_purchase(here, customer.id, [(product.id, 1)])
    complaint = create_complaint(here, _complaint(team, customer.id))
    batch = changes.read_since(here, start)
    assert [(c.entity, c.entity_id) for c in batch.changes] == [
        ("purchase", purchase.id), ("customer", customer.id),
        ("complaint", complaint.id), ("customer", customer.id)]
    assert {c.origin for c in batch.changes} == {changes.origin(here)}
    # a write that fails records nothing
    before = changes.latest(here)
    with pytest.raises(RuntimeError), write(here):
        changes.record(here, changes.CUSTOMER, customer.id)
        raise RuntimeError("rolled back")
    assert changes.latest(here) == before
    with pytest.raises(RuntimeError, match="inside the caller's write transaction"):
        changes.record(here, changes.CUSTOMER, customer.id)


def test_old_rows_are_pruned_cheaply_and_a_reader_that_slept_refreshes_everything(
        shop: tuple[Path, Database, Database], fixed_clock: object,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _path, here, _there = shop
    monkeypatch.setattr(changes, "KEEP_ROWS", 10)
    reader_last = changes.latest(here)
    from db import clock

    clock.set_clock(lambda: FIXED_NOW - timedelta(hours=2))
    with write(here):
        for n in range(changes.PRUNE_EVERY - 1):
            changes.record(here, changes.CUSTOMER, n + 1)
    clock.set_clock(lambda: FIXED_NOW)
    with write(here):  # the PRUNE_EVERY-th row prunes: old rows beyond the newest 10 go
        changes.record(here, changes.CUSTOMER, 999)
    count = here.execute("SELECT count(*) FROM changes").fetchone()[0]
    assert count == 10  # the 10 newest (the new one among them) kept however old
    batch = changes.read_since(here, reader_last)
    assert batch.missed and batch.last_seq == changes.latest(here)
    fresh = changes.read_since(here, batch.last_seq - 3)
    assert not fresh.missed and len(fresh.changes) == 3


def test_an_import_is_one_change_row_not_one_per_customer(
        shop: tuple[Path, Database, Database], fixed_clock: object) -> None:
    _path, here, _there = shop
    from db.imports.importer import import_customers

    start = changes.latest(here)
    rows = "\n".join(f"X{n},Customer {n},040 555 {n:04d}" for n in range(300))
    result = import_customers(here, ("external_id,name,phone\n" + rows + "\n").encode())
    assert result.added == 300
    batch = changes.read_since(here, start)
    assert [(c.entity, c.entity_id) for c in batch.changes] == [("customer", changes.ANY_ID)]
    # the import ran on a connection of its own, but for this till: its watcher skips the
    # row (the import screen already told its views), the other till's does not
    assert not changes.read_since(here, start, skip_origin=changes.origin(here)).changes
    assert len(changes.read_since(_there, start,
                                  skip_origin=changes.origin(_there)).changes) == 1


# ---------------------------------------------------------------- the watcher


def test_the_watcher_does_nothing_when_nothing_changed(
        qtbot: QtBot, shop: tuple[Path, Database, Database], fixed_clock: object) -> None:
    _path, here, there = shop
    bus = DataBus()
    seen: list[tuple[str, int]] = []
    bus.data_changed.connect(lambda entity, entity_id: seen.append((entity, entity_id)))
    watcher = ChangeWatcher(here, bus)
    watcher.start()
    try:
        assert watcher.active
        for _n in range(5):
            assert watcher.check_now() == 0
        customer = make_customer(here)  # this till's own write: its views were told already
        assert watcher.check_now() == 0
        assert seen == []
        other = make_customer(there, "Toinen Asiakas")  # another till's write
        assert watcher.check_now() == 1
        assert seen == [("customer", other.id)]
        assert watcher.check_now() == 0  # read once
        assert customer.id != other.id
    finally:
        watcher.stop()


class _Locked:
    """The watcher's reading connection while another process holds the file locked
    (SQLite answers "database is locked"; in WAL mode that is rare, e.g. during recovery,
    so the answer is injected here)."""

    def __init__(self, real: Database) -> None:
        self.real = real
        self.locked = True
        self.tries = 0

    def execute(self, sql: str, params: object = None) -> sqlite3.Cursor:
        if self.locked:
            self.tries += 1
            raise sqlite3.OperationalError("database is locked")
        return self.real.execute(sql, params or [])

    def close(self) -> None:
        self.real.close()


def test_a_locked_database_is_tried_again_and_never_raises_into_qt(
        qtbot: QtBot, shop: tuple[Path, Database, Database], fixed_clock: object) -> None:
    _path, here, there = shop
    bus = DataBus()
    seen: list[tuple[str, int]] = []
    bus.data_changed.connect(lambda entity, entity_id: seen.append((entity, entity_id)))
    watcher = ChangeWatcher(here, bus, interval_ms=20)
    watcher.start()
    signal = watcher._signal
    locked = _Locked(signal._reader)  # type: ignore[union-attr]
    signal._reader = locked  # type: ignore[union-attr]
    other = make_customer(there, "Toinen Asiakas")
    qtbot.waitUntil(lambda: locked.tries >= 5, timeout=WITHIN_MS)  # ticks, none raised
    assert watcher.check_now() == 0
    assert watcher.active and seen == []
    locked.locked = False  # the lock is gone: the change arrives at the next tick
    qtbot.waitUntil(lambda: ("customer", other.id) in seen, timeout=WITHIN_MS)
    assert watcher.active
    watcher.stop()


def test_an_unreadable_database_stops_the_watcher_quietly(
        qtbot: QtBot, shop: tuple[Path, Database, Database], fixed_clock: object) -> None:
    _path, here, there = shop
    bus = DataBus()
    watcher = ChangeWatcher(here, bus, interval_ms=20)
    watcher.start()
    assert watcher._signal is not None
    watcher._signal._reader.close()  # type: ignore[attr-defined]  # as if the file went
    make_customer(there, "Toinen Asiakas")
    with qtbot.waitSignal(watcher.stopped, timeout=WITHIN_MS):
        pass
    assert not watcher.active
    qtbot.wait(60)
    assert not watcher.active  # stays stopped: no retry loop against a broken file
    assert watcher.check_now() == 1  # asked by hand once the file is back: catches up
    watcher.stop()


# ---------------------------------------------------------------- the views


def _product(db: Database) -> Product:
    return add_product(db, "SOUP", "Soup of the day", "food", 900)


def test_a_purchase_and_a_complaint_at_another_till_show_on_the_open_profile(
        qtbot: QtBot, shop: tuple[Path, Database, Database], windows: list,
        fixed_clock: object) -> None:
    _path, here, there = shop
    team = make_team(here)
    customer = make_customer(here)
    product = _product(here)
    win = _window(qtbot, here, windows)
    win.session.sign_in(team.clerk)
    win.open_customer(customer.id)
    assert win.current_page() == PAGE_PROFILE
    panel = win.profile_panel
    history = win.service_ui.history_model
    assert panel.facts["visits"].text() == "0" and panel.history_model.rowCount() == 0
    assert history.rowCount() == 0

    record_purchase(there, customer.id, [(product.id, 2)])  # at till 2
    qtbot.waitUntil(lambda: panel.facts["visits"].text() == "1", timeout=WITHIN_MS)
    assert panel.history_model.rowCount() == 1
    assert "18" in panel.facts["total_spend"].text()

    create_complaint(there, _complaint(team, customer.id))  # at till 2
    qtbot.waitUntil(lambda: history.rowCount() == 1, timeout=WITHIN_MS)
    qtbot.waitUntil(lambda: panel.facts["complaints_90d"].text() == "1", timeout=WITHIN_MS)


def test_another_customers_change_leaves_the_open_profile_alone(
        qtbot: QtBot, shop: tuple[Path, Database, Database], windows: list,
        fixed_clock: object) -> None:
    _path, here, there = shop
    team = make_team(here)
    customer = make_customer(here)
    other = make_customer(here, "Toinen Asiakas")
    product = _product(here)
    win = _window(qtbot, here, windows)
    win.session.sign_in(team.clerk)
    win.open_customer(customer.id)
    shown: list[int] = []
    win.profile_panel.profile_shown.connect(shown.append)
    record_purchase(there, other.id, [(product.id, 1)])
    qtbot.waitUntil(lambda: win.change_watcher.last_seq == changes.latest(here),
                    timeout=WITHIN_MS)
    qtbot.wait(50)
    assert shown == []  # not re-read: the open profile is not the one that changed


def test_home_and_follow_ups_show_another_tills_promise_and_its_closing(
        qtbot: QtBot, shop: tuple[Path, Database, Database], windows: list,
        fixed_clock: object) -> None:
    _path, here, there = shop
    team = make_team(here)
    customer = make_customer(here)
    win = _window(qtbot, here, windows)
    win.session.sign_in(team.clerk)
    win.go_home()
    assert win.current_page() == PAGE_HOME
    follow_ups = win.service_ui.follow_ups
    summary = win.service_ui.follow_ups_summary
    assert follow_ups.model.rowCount() == 0 and "No promises due" in summary.text()

    complaint = create_complaint(there, _complaint(team, customer.id, promise=True))
    qtbot.waitUntil(lambda: follow_ups.model.rowCount() == 1, timeout=WITHIN_MS)
    assert summary.text() == "1 due"

    close_follow_up(there, complaint.follow_ups[-1].id,
                    FollowUpClose(outcome="Happy again", satisfaction=5), team.clerk.id)
    qtbot.waitUntil(lambda: follow_ups.model.rowCount() == 0, timeout=WITHIN_MS)
    assert "No promises due" in summary.text()


def test_staff_added_at_another_till_can_sign_in_here(
        qtbot: QtBot, shop: tuple[Path, Database, Database], windows: list,
        fixed_clock: object) -> None:
    _path, here, there = shop
    make_team(here)
    win = _window(qtbot, here, windows)
    names = win.sign_in_panel.model
    before = names.rowCount()
    seed_staff(there, "Uusi Työntekijä", "staff")
    qtbot.waitUntil(lambda: names.rowCount() == before + 1, timeout=WITHIN_MS)
    assert any(names.staff_at(r).name == "Uusi Työntekijä" for r in range(names.rowCount()))
