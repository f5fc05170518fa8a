"""Forms that write keep what is typed on the till's own disk (for tills on a server, which
may be away): the customer form, the purchase entry and the follow-up close form. Written a
moment after typing and before every save, gone once saved or thrown away, and put back on
screen exactly (with the entry's key, so a save that did reach the server is recognised)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.purchases import add_product, record_purchase
from db.customers.records import create_customer
from db.models import CustomerInput
from db.service.complaints import create_complaint
from db.service.follow_ups import close_follow_up
from db.service.local_drafts import load_local, save_local
from db.service.models import ComplaintInput, Draft, FollowUpClose, PromiseInput
from tests.service_ui_support import Team, make_ctx, make_customer, make_team
from widgets.context import AppContext
from widgets.customer_form import CustomerForm
from widgets.follow_up_list import FollowUpList
from widgets.local_draft_keeper import (
    CUSTOMER_FORM,
    DEBOUNCE_MS,
    FOLLOW_UP_CLOSE,
    PURCHASE_ENTRY,
)
from widgets.purchase_entry import PurchaseEntry

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


def _ctx(db: Database, team: Team, folder: Path) -> AppContext:
    ctx = make_ctx(db, team.clerk)
    ctx.draft_dir = folder
    return ctx


def _count(db: Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_the_customer_form_keeps_a_new_customer_on_disk_until_saved(
        qtbot: QtBot, fresh_db: Database, team: Team, tmp_path: Path) -> None:
    form = CustomerForm(_ctx(fresh_db, team, tmp_path))
    qtbot.addWidget(form)
    form.new_customer()
    qtbot.keyClicks(form.name_edit, "Mei Lin")
    form.phone_edit.setText("040 555 1234")
    form.preferences_edit.setPlainText("Window seat, no coriander")
    qtbot.waitUntil(lambda: load_local(tmp_path, team.clerk.id, CUSTOMER_FORM) is not None,
                    timeout=DEBOUNCE_MS * 4)  # written a moment after typing, no save needed
    draft = load_local(tmp_path, team.clerk.id, CUSTOMER_FORM)
    assert draft is not None
    assert draft.payload["name"] == "Mei Lin"
    assert draft.payload["preferences"] == "Window seat, no coriander"
    assert draft.payload["customer_id"] is None and draft.payload["client_key"]
    saved = form.save()
    assert saved is not None
    assert load_local(tmp_path, team.clerk.id, CUSTOMER_FORM) is None  # saved: gone


def test_a_restored_customer_draft_is_the_same_and_its_retry_is_not_a_second_customer(
        qtbot: QtBot, fresh_db: Database, team: Team, tmp_path: Path) -> None:
    ctx = _ctx(fresh_db, team, tmp_path)
    typed = CustomerForm(ctx)
    qtbot.addWidget(typed)
    typed.new_customer()
    typed.name_edit.setText("Wang Fang")
    typed.email_edit.setText("fang@example.com")
    typed.family_edit.setPlainText("Wedding anniversary 06-14")
    typed.tags_edit.setText("quiet room")
    typed.local_draft.save_now()
    draft = load_local(tmp_path, team.clerk.id, CUSTOMER_FORM)
    assert draft is not None
    # the save did reach the server before the till crashed; its answer never came back
    first = create_customer(fresh_db, typed.collect(), client_key=draft.payload["client_key"])

    again = CustomerForm(ctx)  # the console after the restart
    qtbot.addWidget(again)
    again.restore_draft(draft)
    assert again.name_edit.text() == "Wang Fang"
    assert again.email_edit.text() == "fang@example.com"
    assert again.family_edit.toPlainText() == "Wedding anniversary 06-14"
    assert again.tags_edit.text() == "quiet room"
    assert again.has_unsaved_changes()
    before = _count(fresh_db, "customers")
    assert again.save() == first.id  # recognised: the customer saved then
    assert _count(fresh_db, "customers") == before
    assert load_local(tmp_path, team.clerk.id, CUSTOMER_FORM) is None


def test_a_customer_form_on_a_file_database_keeps_no_file(
        qtbot: QtBot, fresh_db: Database, team: Team, tmp_path: Path) -> None:
    ctx = make_ctx(fresh_db, team.clerk)  # draft_dir None: a SQLite till
    form = CustomerForm(ctx)
    qtbot.addWidget(form)
    form.new_customer()
    form.name_edit.setText("Aino")
    form.local_draft.save_now()
    assert not list(tmp_path.rglob("*.json"))
    assert not form.local_draft.enabled


def test_cancelling_the_customer_form_throws_its_draft_away(
        qtbot: QtBot, fresh_db: Database, team: Team, tmp_path: Path) -> None:
    form = CustomerForm(_ctx(fresh_db, team, tmp_path))
    qtbot.addWidget(form)
    form.new_customer()
    form.name_edit.setText("Someone")
    form.local_draft.save_now()
    assert load_local(tmp_path, team.clerk.id, CUSTOMER_FORM) is not None
    assert form.request_cancel()  # the fake dialog service says yes: throw it away
    assert load_local(tmp_path, team.clerk.id, CUSTOMER_FORM) is None


def test_the_purchase_entry_keeps_the_order_and_its_key(
        qtbot: QtBot, fresh_db: Database, team: Team, tmp_path: Path) -> None:
    customer = make_customer(fresh_db)
    soup = add_product(fresh_db, "SOUP", "Soup", "food", 900)
    tea = add_product(fresh_db, "TEA", "Green tea", "drink", 350)
    ctx = _ctx(fresh_db, team, tmp_path)
    entry = PurchaseEntry(ctx)
    qtbot.addWidget(entry)
    entry.start(customer.id)
    entry.add_product(soup, 2)
    entry.add_product(tea)
    qtbot.waitUntil(lambda: load_local(tmp_path, team.clerk.id, PURCHASE_ENTRY) is not None,
                    timeout=DEBOUNCE_MS * 4)
    draft = load_local(tmp_path, team.clerk.id, PURCHASE_ENTRY)
    assert draft is not None
    assert draft.payload["lines"] == [[soup.id, 2], [tea.id, 1]]
    # recorded at the server, answer lost, till restarted: the order comes back with its key
    first = record_purchase(fresh_db, customer.id, [(soup.id, 2), (tea.id, 1)],
                            client_key=draft.payload["client_key"])
    again = PurchaseEntry(ctx)
    qtbot.addWidget(again)
    assert again.restore_draft(draft) == []
    assert again.lines.items() == [(soup.id, 2), (tea.id, 1)]
    retried = again.record()
    assert retried is not None and retried.id == first.id
    assert _count(fresh_db, "purchases") == 1
    assert load_local(tmp_path, team.clerk.id, PURCHASE_ENTRY) is None


def test_the_follow_up_close_form_keeps_what_was_typed(
        qtbot: QtBot, fresh_db: Database, team: Team, tmp_path: Path,
        fixed_clock: datetime) -> None:
    customer = make_customer(fresh_db)
    create_complaint(fresh_db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=customer.id, cause="waiting", problem="Late",
        status="resolved", promise=PromiseInput(promise="Call back", owner_id=team.clerk.id,
                                                due_at=fixed_clock + timedelta(hours=2))))
    ctx = _ctx(fresh_db, team, tmp_path)
    panel = FollowUpList(ctx)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.close_row(0)
    form = panel.close_form
    form.outcome_edit.setPlainText("Happy with the call")
    form.scores["satisfaction"].set_value(4)
    form.scores["satisfaction"].buttons[4].toggled.emit(True)
    form.would_change_edit.setText("Faster kitchen")
    form.local_draft.save_now()
    draft = load_local(tmp_path, team.clerk.id, FOLLOW_UP_CLOSE)
    assert draft is not None and draft.payload["outcome"] == "Happy with the call"

    later = FollowUpList(ctx)  # after a restart
    qtbot.addWidget(later)
    later.refresh()
    assert later.restore_draft(draft)
    assert not later.close_form.isHidden()
    assert later.close_form.outcome_edit.toPlainText() == "Happy with the call"
    assert later.close_form.scores["satisfaction"].value() == 4
    assert later.close_form.would_change_edit.text() == "Faster kitchen"
    closed = later.close_form.save()
    assert closed is not None and closed.status == "closed"
    assert load_local(tmp_path, team.clerk.id, FOLLOW_UP_CLOSE) is None


def test_a_draft_about_a_follow_up_closed_since_is_dropped(
        qtbot: QtBot, fresh_db: Database, team: Team, tmp_path: Path,
        fixed_clock: datetime) -> None:
    complaint = create_complaint(fresh_db, ComplaintInput(
        taken_by=team.clerk.id, customer_id=None, cause="waiting", problem="Late",
        status="resolved", promise=PromiseInput(promise="Call back", owner_id=team.clerk.id,
                                                due_at=fixed_clock + timedelta(hours=2))))
    follow_up_id = complaint.follow_ups[0].id
    save_local(tmp_path, team.clerk.id, FOLLOW_UP_CLOSE,
               {"follow_up_id": follow_up_id, "outcome": "typed here"})
    close_follow_up(fresh_db, follow_up_id, FollowUpClose("closed at till 2", 5),
                    team.supervisor.id)  # closed at another till meanwhile
    draft = load_local(tmp_path, team.clerk.id, FOLLOW_UP_CLOSE)
    assert isinstance(draft, Draft)
    panel = FollowUpList(_ctx(fresh_db, team, tmp_path))
    qtbot.addWidget(panel)
    assert not panel.restore_draft(draft)
    assert panel.close_form.isHidden()
    assert load_local(tmp_path, team.clerk.id, FOLLOW_UP_CLOSE) is None


def test_a_retried_new_customer_is_recognised(
        fresh_db: Database, team: Team) -> None:
    data = CustomerInput(name="Li Na", phone="040 765 4321")
    first = create_customer(fresh_db, data, client_key="c-1")
    again = create_customer(fresh_db, data, client_key="c-1")
    assert again.id == first.id
    other = create_customer(fresh_db, data)  # no key: a new customer each time
    assert other.id != first.id
