"""Two tills changing the same complaint: the first save wins, the second is refused."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.clock import format_local
from db.customers.records import get_customer, update_customer
from db.customers.search import search_customers
from db.errors import EditConflict, UserError, ValidationError
from db.service.compensation import AuthorisationConflict, authorise, refuse
from db.service.complaints import get_complaint, update_complaint
from db.service.follow_ups import add_promise, close_follow_up
from db.service.models import Complaint, FollowUpClose, PromiseInput
from db.store.connection import open_database
from db.tills import set_till
from tests.service_data_support import (
    MANAGER_PIN,
    SUPERVISOR_PIN,
    Team,
    count,
    make_complaint,
    make_team,
    voucher_line,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def two_tills(tmp_path: Path, fixed_clock: datetime) -> Iterator[tuple[Database, Database]]:
    """Two connections to one database file, as two tills on one shop's database."""
    path = tmp_path / "shop.sqlite"
    first = open_database(path)
    second = open_database(path)
    set_till(first, "Till 1")
    set_till(second, "收銀台 2")
    yield first, second
    first.close()
    second.close()


@pytest.fixture
def team(two_tills: tuple[Database, Database]) -> Team:
    return make_team(two_tills[0])


def _snapshot(db: Database, complaint_id: int) -> tuple[object, ...]:
    return (
        db.execute("SELECT * FROM complaints WHERE id = ?", [complaint_id]).fetchone(),
        db.execute("SELECT * FROM compensations ORDER BY id").fetchall(),
        db.execute("SELECT * FROM follow_ups ORDER BY id").fetchall(),
        count(db, "audit_log"),
    )


def _opened(db: Database, team: Team) -> Complaint:
    complaint = make_complaint(db, team, voucher_line(1500))
    assert complaint.version == 1 and complaint.till == "Till 1"
    return complaint


def test_the_first_save_wins_and_the_second_is_refused_naming_who_where_when(
        two_tills: tuple[Database, Database], team: Team, fixed_clock: datetime) -> None:
    one, two = two_tills
    complaint = _opened(one, team)
    at_one = get_complaint(one, complaint.id)
    at_two = get_complaint(two, complaint.id)  # both tills show version 1

    saved = update_complaint(one, complaint.id, replace(
        at_one.to_input(), real_cause="attitude", resolution="Apologised"),
        actor_id=team.supervisor.id, expected_version=at_one.version)
    assert saved.version == 2
    assert (saved.updated_by_name, saved.updated_till) == ("Sami Supervisor", "Till 1")

    before = _snapshot(two, complaint.id)
    theirs = replace(at_two.to_input(), resolution="Gave a voucher",
                     promise=PromiseInput("Call back", team.clerk.id),
                     lines=[voucher_line(2500)])
    with pytest.raises(EditConflict) as caught:
        update_complaint(two, complaint.id, theirs, actor_id=team.clerk.id,
                         expected_version=at_two.version)
    exc = caught.value
    message = str(exc)
    assert "Sami Supervisor" in message and "Till 1" in message
    assert format_local(fixed_clock, "Europe/Helsinki") in message  # shop-local time
    assert "14:00" in message and f"complaint {complaint.id}" in message
    assert (exc.changed_by, exc.till, exc.changed_at, exc.version) == (
        "Sami Supervisor", "Till 1", fixed_clock, 2)
    assert isinstance(exc, UserError)
    # nothing of the refused save was written: row, lines, promise, audit
    assert _snapshot(two, complaint.id) == before
    stored = get_complaint(one, complaint.id)
    assert stored.resolution == "Apologised" and stored.real_cause == "attitude"
    assert [ln.amount_minor for ln in stored.lines] == [1500]

    # "Keep mine": saving again on the version now stored overwrites, knowingly
    kept = update_complaint(two, complaint.id, theirs, actor_id=team.clerk.id,
                            expected_version=exc.version)
    assert kept.version == 3 and kept.resolution == "Gave a voucher"
    assert (kept.updated_by_name, kept.updated_till) == ("Aino Staff", "收銀台 2")
    assert kept.till == "Till 1"  # where it was taken does not change


def test_a_save_on_the_current_version_goes_through_and_counts_up(
        two_tills: tuple[Database, Database], team: Team) -> None:
    one, two = two_tills
    complaint = _opened(one, team)
    first = update_complaint(two, complaint.id, replace(complaint.to_input(), resolution="A"),
                             actor_id=team.clerk.id, expected_version=1)
    second = update_complaint(one, complaint.id, replace(first.to_input(), resolution="B"),
                              actor_id=team.clerk.id, expected_version=first.version)
    assert (first.version, second.version, second.resolution) == (2, 3, "B")
    # a caller that never showed the record (no expected version) is not checked
    third = update_complaint(two, complaint.id, replace(first.to_input(), resolution="C"))
    assert third.version == 4 and third.updated_by is None


def test_an_unknown_editor_and_till_still_read_well(
        two_tills: tuple[Database, Database], team: Team) -> None:
    one, two = two_tills
    complaint = _opened(one, team)
    one.execute("UPDATE complaints SET version = 5, updated_by = NULL, updated_till = '' "
                "WHERE id = ?", [complaint.id])
    with pytest.raises(EditConflict) as caught:
        update_complaint(two, complaint.id, complaint.to_input(), expected_version=1)
    assert "someone changed complaint" in str(caught.value).lower()
    assert "till" not in str(caught.value).split(".")[0]


def test_a_follow_up_closed_at_another_till_names_who_where_when(
        two_tills: tuple[Database, Database], team: Team, fixed_clock: datetime) -> None:
    one, two = two_tills
    complaint = make_complaint(one, team)
    follow_up = add_promise(one, complaint.id, PromiseInput("Call back", team.clerk.id),
                            team.clerk.id)
    close_follow_up(one, follow_up.id, FollowUpClose("Happy again", 5), team.supervisor.id)
    with pytest.raises(ValidationError) as caught:
        close_follow_up(two, follow_up.id, FollowUpClose("Fine", 4), team.clerk.id)
    message = caught.value.fields["follow_up"]
    assert "already closed" in message and "Sami Supervisor" in message
    assert "Till 1" in message and format_local(fixed_clock, "Europe/Helsinki") in message
    assert get_complaint(two, complaint.id).follow_ups[0].outcome == "Happy again"


def test_a_profile_edit_over_another_tills_is_refused_and_writes_nothing(
        two_tills: tuple[Database, Database], team: Team, fixed_clock: datetime) -> None:
    one, two = two_tills
    at_one = get_customer(one, team.customer.id)
    at_two = get_customer(two, team.customer.id)
    assert at_one.version == at_two.version == 1
    saved = update_customer(one, at_one.id, replace(at_one.to_input(), phone="040 765 4321"),
                            by=team.supervisor.id, expected_version=at_one.version)
    assert saved.version == 2
    before = one.execute("SELECT * FROM customers WHERE id = ?", [at_one.id]).fetchone()
    consents = count(one, "consents")
    mine = replace(at_two.to_input(), preferences="Window seat", consent_contact=True)
    with pytest.raises(EditConflict) as caught:
        update_customer(two, at_two.id, mine, by=team.clerk.id, expected_version=1)
    message = str(caught.value)
    assert "Sami Supervisor" in message and "Till 1" in message and "Liisa Mäkinen" in message
    assert format_local(fixed_clock, "Europe/Helsinki") in message
    assert one.execute("SELECT * FROM customers WHERE id = ?", [at_one.id]).fetchone() == before
    assert count(one, "consents") == consents  # the consent change was not logged either
    kept = update_customer(two, at_two.id, mine, by=team.clerk.id,
                           expected_version=caught.value.version)
    assert (kept.version, kept.preferences, kept.phone) == (3, "Window seat", at_two.phone)
    assert search_customers(one, "7654321") == []  # the search index follows the saved row


def test_a_decision_already_made_at_another_till_names_that_till(
        two_tills: tuple[Database, Database], team: Team) -> None:
    one, two = two_tills
    complaint = make_complaint(one, team, voucher_line())
    authorise(one, complaint.id, list(complaint.proposed_lines), SUPERVISOR_PIN, "console-a",
              seen_decisions=0)
    with pytest.raises(AuthorisationConflict) as caught:
        refuse(two, complaint.id, MANAGER_PIN, "console-b", "no", seen_decisions=0)
    assert "Sami Supervisor has just approved this compensation at till Till 1" in str(
        caught.value)
    assert count(two, "authorisations") == 1


_SAVE = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from db.service.complaints import get_complaint, update_complaint
    from db.store.connection import open_database
    from db.errors import EditConflict
    from db.tills import set_till

    path, till, text = sys.argv[1:4]
    db = open_database(path)
    set_till(db, till)
    loaded = get_complaint(db, 1)
    print("loaded", flush=True)
    sys.stdin.readline()  # both tills have the form open before either saves
    try:
        saved = update_complaint(db, 1, replace(loaded.to_input(), resolution=text),
                                 actor_id=loaded.taken_by, expected_version=loaded.version)
        print("saved", saved.version)
    except EditConflict as exc:
        print("refused", exc.till)
    db.close()
""")


def test_two_processes_saving_at_once_one_wins(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    team = make_team(db)
    make_complaint(db, team)
    db.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    tills = [subprocess.Popen(
        [sys.executable, "-c", _SAVE, str(path), till, f"Saved at {till}"],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for till in ("Till 1", "Till 2")]
    try:
        for proc in tills:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "loaded"
        for proc in tills:
            assert proc.stdin is not None
            proc.stdin.write("\n")
            proc.stdin.flush()
        results = sorted(proc.communicate(timeout=60)[0].strip() for proc in tills)
    finally:
        for proc in tills:
            if proc.poll() is None:
                proc.kill()
    assert [proc.returncode for proc in tills] == [0, 0]
    # one saved (version 2); the other was refused, naming the till that saved first
    assert results[1] == "saved 2" and results[0].startswith("refused ")
    winner = results[0].removeprefix("refused ")
    assert winner in ("Till 1", "Till 2")
    db = open_database(path)
    try:
        stored = get_complaint(db, 1)
        assert (stored.version, stored.resolution, stored.updated_till) == (
            2, f"Saved at {winner}", winner)
    finally:
        db.close()


def test_a_retry_of_ones_own_save_is_saved_not_a_conflict_with_oneself(
        two_tills: tuple[Database, Database], team: Team) -> None:
    """The answer to a save was lost with the connection (the server went away) and the till
    saves the same words again on the version it had: that is the save already made, once.
    Another word, or the same words from another till or person, is still a conflict."""
    one, two = two_tills
    complaint = _opened(one, team)
    typed = replace(get_complaint(one, complaint.id).to_input(), resolution="Apologised",
                    promise=PromiseInput("Call back", team.clerk.id),
                    lines=[voucher_line(2500)])
    first = update_complaint(one, complaint.id, typed, actor_id=team.supervisor.id,
                             expected_version=1)
    before = _snapshot(one, complaint.id)
    again = update_complaint(one, complaint.id, typed, actor_id=team.supervisor.id,
                             expected_version=1)
    assert again.version == first.version == 2 and again.resolution == "Apologised"
    assert _snapshot(one, complaint.id) == before  # no second audit entry, line or promise
    for db, changed, actor in ((one, replace(typed, resolution="Apologised twice"),
                                team.supervisor.id),
                               (one, replace(typed, lines=[voucher_line(3000)]),
                                team.supervisor.id),
                               (two, typed, team.supervisor.id),  # another till
                               (one, typed, team.clerk.id)):  # another person
        with pytest.raises(EditConflict):
            update_complaint(db, complaint.id, changed, actor_id=actor, expected_version=1)
    assert _snapshot(one, complaint.id) == before

    profile = get_customer(one, team.customer.id)
    mine = replace(profile.to_input(), preferences="Window seat")
    saved = update_customer(one, profile.id, mine, by=team.clerk.id, expected_version=1)
    row = one.execute("SELECT * FROM customers WHERE id = ?", [profile.id]).fetchone()
    assert update_customer(one, profile.id, mine, by=team.clerk.id,
                           expected_version=1).version == saved.version == 2
    assert one.execute("SELECT * FROM customers WHERE id = ?", [profile.id]).fetchone() == row
    with pytest.raises(EditConflict):
        update_customer(two, profile.id, mine, by=team.clerk.id, expected_version=1)
    with pytest.raises(EditConflict):
        update_customer(one, profile.id, replace(mine, preferences="Aisle"), by=team.clerk.id,
                        expected_version=1)
