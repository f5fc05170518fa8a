"""Data rights in the window: consent recorded on the profile by whoever is signed in,
managers export (in the background) and erase with their PIN on the same screen, and
review inactive customers to erase together."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cmd_run import create_window
from console.personal_data_ui import PAGE_ERASE, PAGE_RETENTION
from db import clock
from db.customers.personal_data import current_consents
from db.customers.records import create_customer, get_customer
from db.models import CustomerInput
from tests.service_data_support import CLERK_PIN, MANAGER_PIN, make_team
from widgets.dialogs import FakeDialogService

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def windows(qtbot: QtBot, fresh_db: Database) -> Iterator[list]:
    made: list = []
    yield made
    for win in made:
        win.close()


def _window(qtbot: QtBot, db: Database, windows: list, dialogs: FakeDialogService):  # type: ignore[no-untyped-def]
    win = create_window(db, dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    windows.append(win)
    return win


def _type_pin(win, pin: str) -> None:  # type: ignore[no-untyped-def]
    pad = win.personal_data_ui.erase_page.pad
    for digit in pin:
        pad.add_digit(digit)
    pad.submit()


def test_floor_staff_record_consent_but_see_no_export_or_erase(
        qtbot: QtBot, fresh_db: Database, windows: list) -> None:
    team = make_team(fresh_db)
    win = _window(qtbot, fresh_db, windows, FakeDialogService())
    win.session.sign_in(team.clerk)
    win.profile_panel.set_customer(team.customer.id)
    ui = win.personal_data_ui
    assert ui.export_button.isHidden() and ui.erase_button.isHidden()
    assert ui.consent.states["allergies"].text() == "Not given"
    ui.consent.buttons["allergies"].click()
    record = current_consents(fresh_db, team.customer.id)["allergies"]
    assert record.granted and record.recorded_by == team.clerk.id
    assert "Given" in ui.consent.states["allergies"].text()
    assert ui.consent.buttons["allergies"].text() == "Withdraw"


def test_a_manager_exports_a_customer_without_freezing_the_window(
        qtbot: QtBot, fresh_db: Database, windows: list, tmp_path: Path) -> None:
    team = make_team(fresh_db)
    dialogs = FakeDialogService()
    dialogs.paths.append(str(tmp_path / "liisa.pdf"))
    win = _window(qtbot, fresh_db, windows, dialogs)
    win.session.sign_in(team.manager, with_pin=True)
    win.profile_panel.set_customer(team.customer.id)
    ui = win.personal_data_ui
    assert not ui.export_button.isHidden()
    ui.export_button.click()
    assert not ui.export_button.isEnabled()  # working in the background
    qtbot.waitUntil(lambda: ui.export_button.isEnabled(), timeout=20000)
    data = json.loads((tmp_path / "liisa.json").read_text(encoding="utf-8"))
    assert data["customer"]["id"] == team.customer.id
    assert (tmp_path / "liisa.pdf").read_bytes().startswith(b"%PDF")
    assert dialogs.texts_of("information")


def test_a_manager_erases_with_pin_on_the_same_screen_and_a_wrong_pin_keeps_the_reason(
        qtbot: QtBot, fresh_db: Database, windows: list) -> None:
    team = make_team(fresh_db)
    win = _window(qtbot, fresh_db, windows, FakeDialogService())
    win.session.sign_in(team.manager, with_pin=True)
    win.profile_panel.set_customer(team.customer.id)
    ui = win.personal_data_ui
    ui.erase_button.click()
    assert win.current_page() == PAGE_ERASE
    qtbot.keyClicks(ui.erase_page.reason, "asked at the counter")
    _type_pin(win, CLERK_PIN)  # floor staff's PIN does not erase
    assert ui.erase_page.reason.text() == "asked at the counter"
    assert get_customer(fresh_db, team.customer.id).name == team.customer.name
    _type_pin(win, MANAGER_PIN)
    erased = get_customer(fresh_db, team.customer.id)
    assert erased.name == erased.customer_no
    assert win.current_page() == "profile"


def test_inactive_customers_are_reviewed_and_erased_together(
        qtbot: QtBot, fresh_db: Database, windows: list) -> None:
    team = make_team(fresh_db)
    clock.set_clock(lambda: clock.from_iso("2019-05-01T10:00:00+00:00"))  # type: ignore
    try:
        old = [create_customer(fresh_db, CustomerInput(name=f"Vanha {n}")) for n in range(3)]
    finally:
        clock.set_clock(None)
    win = _window(qtbot, fresh_db, windows, FakeDialogService())
    win.session.sign_in(team.manager, with_pin=True)
    ui = win.personal_data_ui
    assert ui.open_retention() and win.current_page() == PAGE_RETENTION
    model = ui.retention_page.model
    assert {r.customer_id for r in model.rows} == {c.id for c in old}
    model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    ui.retention_page.erase_button.click()
    assert win.current_page() == PAGE_ERASE
    qtbot.keyClicks(ui.erase_page.reason, "retention review")
    _type_pin(win, MANAGER_PIN)
    assert win.current_page() == PAGE_RETENTION
    assert len(model.rows) == 1


def test_the_retention_model_passes_the_model_tester(qtbot: QtBot, fresh_db: Database,
                                                     qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from widgets.retention_panel import RetentionModel

    clock.set_clock(lambda: clock.from_iso("2019-05-01T10:00:00+00:00"))  # type: ignore
    try:
        create_customer(fresh_db, CustomerInput(name="Vanha"))
    finally:
        clock.set_clock(None)
    from db.customers.personal_data import retention_candidates

    model = RetentionModel()
    model.set_rows(retention_candidates(fresh_db, 36))
    qtmodeltester.check(model)
