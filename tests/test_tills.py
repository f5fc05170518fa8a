"""Till names: checked, attached to the connection, recorded on what a till writes, audited."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database, Migrations

from db.customers.purchases import add_product, record_purchase
from db.errors import ValidationError
from db.security import audit
from db.service.compensation import authorise
from db.service.complaints import get_complaint, history_for_customer
from db.service.follow_ups import add_promise, close_follow_up
from db.service.models import FollowUpClose, PromiseInput
from db.service.vouchers import get_voucher
from db.store.connection import open_database
from db.store.migrations import migrations
from db.tills import (
    CLI_TILL,
    MAX_TILL,
    clean_till_name,
    process_till,
    set_till,
    suggested_till_name,
    till_of,
    till_problem,
)
from tests.service_data_support import (
    CONSOLE,
    SUPERVISOR_PIN,
    issue_voucher,
    make_complaint,
    make_team,
    redeem_by,
    voucher_line,
)


@pytest.mark.parametrize("name", ["Till 1", "收銀台 2", "Kassa Ääkkönen", "Bar 🍸",
                                  "👩\u200d🍳 Kitchen", "x" * MAX_TILL, "  Terrace  "])
def test_names_in_any_script_and_emoji_are_fine(name: str) -> None:
    assert till_problem(name) is None
    assert clean_till_name(name) == name.strip()


@pytest.mark.parametrize(("name", "says"), [
    ("", "Give this till a name"),
    ("   ", "Give this till a name"),
    ("x" * (MAX_TILL + 1), "at most 40 characters; this one has 41"),
    ("Till\n2", "control characters"),
    ("Till\t2", "control characters"),
    ("Till\x002", "control characters"),
    ("Till \u202e2", "control characters"),
    ("Till\u20282", "control characters"),
])
def test_unusable_names_get_a_clear_message(name: str, says: str) -> None:
    problem = till_problem(name)
    assert problem is not None and says in problem
    with pytest.raises(ValidationError) as caught:
        clean_till_name(name)
    assert says in caught.value.fields["till"]


def test_the_suggestion_is_a_usable_name() -> None:
    assert till_problem(suggested_till_name()) is None


def test_the_till_travels_on_the_connection_and_the_process_default_is_a_fallback(
        tmp_path: Path) -> None:
    a = open_database(tmp_path / "shop.sqlite")
    b = open_database(tmp_path / "shop.sqlite")
    try:
        assert till_of(a) == ""
        assert set_till(a, "  Till 1 ") == "Till 1"
        assert till_of(a) == "Till 1" and till_of(b) == ""
        calls: list[int] = []

        def from_options() -> str:
            calls.append(1)
            return "Bar"

        with process_till(from_options):
            assert till_of(b) == "Bar" and till_of(a) == "Till 1"
            assert till_of(b) == "Bar" and len(calls) == 1  # read once, when first needed
        assert till_of(b) == ""
        with process_till(lambda: "bad\nname"):
            assert till_of(b) == CLI_TILL  # an unusable stored name never reaches a row
        with pytest.raises(ValidationError):
            set_till(a, "")
        assert till_of(a) == "Till 1"
    finally:
        a.close()
        b.close()


def test_every_write_records_its_till(fresh_db: Database, fixed_clock: datetime) -> None:
    db = fresh_db
    team = make_team(db)
    set_till(db, "收銀台 2")
    complaint = make_complaint(db, team, voucher_line(1500))
    authorised = authorise(db, complaint.id, list(complaint.lines), SUPERVISOR_PIN, CONSOLE)
    product = add_product(db, "SOUP", "Soup", "food", 650)
    record_purchase(db, team.customer.id, [(product.id, 1)], staff_id=team.clerk.id)
    set_till(db, "Bar 🍸")
    voucher = issue_voucher(db, value_minor=900, expires_on=fixed_clock.date()
                            + timedelta(days=30), customer_id=team.customer.id)
    redeem_by(db, voucher.code, team.clerk)
    follow_up = add_promise(db, complaint.id, PromiseInput("Call back", team.clerk.id),
                            team.clerk.id)
    close_follow_up(db, follow_up.id, FollowUpClose("Happy", 5), team.clerk.id)

    saved = get_complaint(db, complaint.id)
    assert saved.till == "收銀台 2" and saved.updated_till == "收銀台 2"
    assert authorised.till == "收銀台 2" and saved.authorisations[0].till == "收銀台 2"
    assert history_for_customer(db, team.customer.id)[0].till == "收銀台 2"
    assert {r[0] for r in db.execute("SELECT till FROM approvals")} == {"收銀台 2", "Bar 🍸"}
    assert db.execute("SELECT till FROM purchases").fetchone()[0] == "收銀台 2"
    issued_with_complaint = db.execute(
        "SELECT till FROM vouchers WHERE complaint_id = ?", [complaint.id]).fetchone()[0]
    assert issued_with_complaint == "收銀台 2"
    redeemed = get_voucher(db, voucher.id)
    assert (redeemed.till, redeemed.redeemed_till) == ("Bar 🍸", "Bar 🍸")
    assert db.execute("SELECT closed_till FROM follow_ups").fetchone()[0] == "Bar 🍸"


def test_letters_record_their_till(fresh_db: Database, fixed_clock: datetime) -> None:
    from reports.letter_service import list_letters, prepare_letter, record_letter

    team = make_team(fresh_db)
    set_till(fresh_db, "Terrace")
    complaint = make_complaint(fresh_db, team)
    data = prepare_letter(fresh_db, "apology", complaint_id=complaint.id)
    record = record_letter(fresh_db, data, b"%PDF-1.4 test", created_by=team.clerk.id)
    assert record.till == "Terrace"
    assert list_letters(fresh_db, team.customer.id)[0].till == "Terrace"


def test_audit_entries_carry_the_till_in_their_hashed_details(
        fresh_db: Database, fixed_clock: datetime) -> None:
    db = fresh_db
    team = make_team(db)
    set_till(db, "Kassa ä")
    complaint = make_complaint(db, team, voucher_line(1500))
    authorise(db, complaint.id, list(complaint.lines), SUPERVISOR_PIN, CONSOLE)
    entry = audit.entries(db, action_prefix="authorisation.")[0]
    assert entry.till == "Kassa ä" and entry.details["till"] == "Kassa ä"
    assert audit.verify(db).ok
    # the till is inside the hash: changing it behind the log's back is caught
    db.execute("DROP TRIGGER audit_log_no_update")
    details = json.dumps({**entry.details, "till": "Elsewhere"})
    db.execute("UPDATE audit_log SET details = ? WHERE id = ?", [details, entry.id])
    result = audit.verify(db)
    assert not result.ok and result.first_bad_id == entry.id


def test_an_older_database_gains_tills_and_its_audit_log_still_verifies(
        tmp_path: Path, fixed_clock: datetime) -> None:
    path = tmp_path / "old.sqlite"
    raw = Database(path)
    older = Migrations("counterpart")
    older._migrations = [m for m in migrations._migrations if m.name != "m017_till_names"]
    older.apply(raw)  # the schema before till names, as the previous release left it
    raw.close()
    db = open_database(path, migrate=False)
    try:
        team = make_team(db)
        old_complaint = db.execute(
            "INSERT INTO complaints(kind, customer_id, occurred_at, local_date, taken_by, "
            "problem, created_at, updated_at) VALUES ('complaint', ?, ?, '2026-11-23', ?, "
            "'Cold soup', ?, ?)", [team.customer.id, "2026-11-23T10:00:00+00:00",
                                   team.clerk.id, "2026-11-23T10:00:00+00:00",
                                   "2026-11-23T10:00:00+00:00"]).lastrowid
        with audit.immediate(db):
            audit.append(db, "complaint.created", team.clerk.id, "complaint", old_complaint)
    finally:
        db.close()
    db = open_database(path)  # migrates
    try:
        old = get_complaint(db, int(old_complaint or 0))
        assert (old.till, old.version, old.updated_by) == ("", 1, None)
        set_till(db, "Till 2")
        make_complaint(db, team)  # the same staff and customer ids
        result = audit.verify(db)
        assert result.ok, result.message
        tills = [e.till for e in audit.entries(db)]
        assert "Till 2" in tills and "" in tills
    finally:
        db.close()
