"""Complaints, compliments and suggestions: validation, saving, statuses, history, drafts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from db.customers.records import get_profile
from db.errors import NotFound, ValidationError
from db.security import audit
from db.service.compensation import authorise, refuse
from db.service.complaints import (
    causes,
    create_complaint,
    facts_90d,
    get_complaint,
    history_for_customer,
    update_complaint,
)
from db.service.drafts import clear_draft, load_draft, save_draft
from db.service.models import (
    CAUSES,
    CRISIS_FLAGS,
    STEPS,
    CompensationLine,
    ComplaintInput,
    PromiseInput,
    label,
)
from tests.service_data_support import (
    CONSOLE,
    SUPERVISOR_PIN,
    count,
    make_complaint,
    make_team,
    voucher_line,
)

pytestmark = pytest.mark.both_engines  # the data API on SQLite and PostgreSQL


def test_a_complaint_is_saved_with_everything_typed(memory_db: Database,
                                                    fixed_clock: datetime) -> None:
    team = make_team(memory_db)
    data = ComplaintInput(
        taken_by=team.clerk.id, customer_id=team.customer.id, cause="quality",
        real_cause="attitude", problem="  Cold soup  ", severity=2,
        flags=["safety", "aggressive"], staff_account="Soup waited", customer_request="Hot soup",
        options_offered="New soup or voucher", option_chosen="voucher",
        steps_done=["ask", "acknowledge", "ask"], lines=[voucher_line(1200)],
    )
    c = create_complaint(memory_db, data)
    assert (c.kind, c.status, c.problem, c.severity) == ("complaint", "open", "Cold soup", 2)
    assert c.flags == ("aggressive", "safety")  # in the list's order
    assert c.steps_done == ("acknowledge", "ask")  # in recovery order, once each
    assert c.customer_name == "Liisa Mäkinen" and c.taken_by_name == "Aino Staff"
    assert c.occurred_at == fixed_clock and c.local_date.isoformat() == "2026-11-23"
    assert c.needs_authorisation and c.proposed_lines[0].value_minor == 1200
    assert audit.entries(memory_db)[0].action == "complaint.created"


def test_local_day_is_the_shops(memory_db: Database) -> None:
    team = make_team(memory_db)
    late = datetime(2026, 11, 22, 22, 30, tzinfo=UTC)  # 00:30 on the 23rd in Helsinki
    c = make_complaint(memory_db, team, occurred_at=late)
    assert c.local_date.isoformat() == "2026-11-23"


def test_walk_in_without_profile(memory_db: Database) -> None:
    team = make_team(memory_db)
    c = make_complaint(memory_db, team, customer_id=None, walk_in_name=" Tall   man ")
    assert c.customer_id is None and c.customer_name == "Tall man"
    assert facts_90d(memory_db, None).complaints == 0


@pytest.mark.parametrize(("changes", "field"), [
    ({"customer_id": 999}, "customer"),
    ({"taken_by": 999}, "taken_by"),
    ({"cause": "weather"}, "cause"),
    ({"real_cause": "weather"}, "real_cause"),
    ({"problem": "   "}, "problem"),
    ({"severity": 4}, "severity"),
    ({"flags": ["drunk"]}, "flags"),
    ({"steps_done": ["dance"]}, "steps_done"),
    ({"kind": "rant"}, "kind"),
    ({"status": "lost"}, "status"),
    ({"about_staff_id": 999}, "about_staff"),
    ({"problem": "x" * 4001}, "problem"),
    ({"occurred_at": datetime(2030, 1, 1, tzinfo=UTC)}, "occurred_at"),
    ({"lines": [CompensationLine(kind="discount_percent", bill_minor=100, percent=150)]},
     "line1.percent"),
    ({"promise": PromiseInput("", 1)}, "promise"),
    ({"promise": PromiseInput("Call", 999)}, "promise_owner"),
    ({"promise": PromiseInput("Call", 1, datetime(2020, 1, 1, tzinfo=UTC))}, "promise_due"),
])
def test_bad_input_names_the_field_and_writes_nothing(
    memory_db: Database, changes: dict[str, object], field: str
) -> None:
    team = make_team(memory_db)
    entries = count(memory_db, "audit_log")
    with pytest.raises(ValidationError) as err:
        make_complaint(memory_db, team, **changes)
    assert field in err.value.fields and err.value.fields[field]
    assert count(memory_db, "complaints") == 0 and count(memory_db, "compensations") == 0
    assert count(memory_db, "follow_ups") == 0 and count(memory_db, "audit_log") == entries


def test_resolved_needs_an_approval_first(memory_db: Database) -> None:
    team = make_team(memory_db)
    with pytest.raises(ValidationError) as err:
        make_complaint(memory_db, team, voucher_line(), status="resolved")
    assert "authorisation" in err.value.fields["status"]
    c = make_complaint(memory_db, team, voucher_line())
    data = c.to_input()
    data.status = "resolved"
    with pytest.raises(ValidationError):
        update_complaint(memory_db, c.id, data)
    assert get_complaint(memory_db, c.id).status == "open"
    authorise(memory_db, c.id, c.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    data = get_complaint(memory_db, c.id).to_input()
    data.status = "resolved"
    data.resolution = "Voucher given"
    done = update_complaint(memory_db, c.id, data)
    assert done.status == "resolved" and done.approved_minor == 1500
    assert done.lines[0].status == "approved"  # decided lines survive an update


def test_an_apology_only_complaint_resolves_without_approval(memory_db: Database) -> None:
    team = make_team(memory_db)
    c = make_complaint(memory_db, team, CompensationLine(kind="apology"), status="resolved",
                       resolved_on_spot=True)
    assert c.status == "resolved" and c.resolved_on_spot and not c.needs_authorisation


def test_a_refused_compensation_lets_it_resolve(memory_db: Database) -> None:
    team = make_team(memory_db)
    c = make_complaint(memory_db, team, voucher_line())
    refuse(memory_db, c.id, SUPERVISOR_PIN, CONSOLE, "Too much")
    data = get_complaint(memory_db, c.id).to_input()
    data.status = "resolved"
    assert update_complaint(memory_db, c.id, data).status == "resolved"


def test_real_cause_later_and_promise_on_update(memory_db: Database,
                                                fixed_clock: datetime) -> None:
    team = make_team(memory_db)
    c = make_complaint(memory_db, team, cause="quality")
    data = c.to_input()
    data.real_cause = "attitude"
    data.status = "resolved"
    data.promise = PromiseInput("Call back", team.supervisor.id)
    updated = update_complaint(memory_db, c.id, data, actor_id=team.supervisor.id)
    assert updated.real_cause == "attitude" and updated.status == "promised"
    [fu] = updated.follow_ups
    assert fu.due_at == fixed_clock + timedelta(days=7) and fu.owner_name == "Sami Supervisor"
    # saving again with the promise changes it instead of adding another
    data.promise = PromiseInput("Call back tomorrow", team.manager.id,
                                fixed_clock + timedelta(days=1))
    again = update_complaint(memory_db, c.id, data)
    [fu] = again.follow_ups
    assert fu.promise == "Call back tomorrow" and fu.owner_id == team.manager.id
    assert again.taken_by == team.clerk.id


def test_compliment_about_a_staff_member(memory_db: Database) -> None:
    team = make_team(memory_db)
    c = make_complaint(memory_db, team, kind="compliment", about_staff_id=team.clerk.id,
                       problem="Aino was lovely", cause="other")
    assert c.kind == "compliment" and c.about_staff_id == team.clerk.id
    with pytest.raises(ValidationError) as err:
        make_complaint(memory_db, team, voucher_line(), kind="suggestion")
    assert "lines" in err.value.fields


def test_unknown_complaint_id(memory_db: Database) -> None:
    with pytest.raises(NotFound):
        get_complaint(memory_db, 42)


def test_history_and_90_day_facts(memory_db: Database, fixed_clock: datetime) -> None:
    team = make_team(memory_db)
    old = make_complaint(memory_db, team, voucher_line(500),
                         occurred_at=fixed_clock - timedelta(days=120))
    authorise(memory_db, old.id, old.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    recent = make_complaint(memory_db, team, voucher_line(700),
                            occurred_at=fixed_clock - timedelta(days=3))
    authorise(memory_db, recent.id, recent.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    refused = make_complaint(memory_db, team, voucher_line(900))
    refuse(memory_db, refused.id, SUPERVISOR_PIN, CONSOLE, "No")
    make_complaint(memory_db, team, kind="compliment", problem="Great")
    facts = facts_90d(memory_db, team.customer.id)
    assert (facts.complaints, facts.compensation_minor, facts.refusals) == (2, 700, 1)
    profile = get_profile(memory_db, team.customer.id)
    assert profile.complaints_90d == 2 and profile.compensation_90d_minor == 700
    history = history_for_customer(memory_db, team.customer.id)
    assert [h.id for h in history] == [4, 3, 2, 1]
    assert history[1].refused and history[2].approved_minor == 700


def test_causes_are_translatable_and_extendable(memory_db: Database) -> None:
    keys = [k for k, _label in causes(memory_db)]
    assert keys == [k for k, _t in CAUSES]
    memory_db.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                      ["complaints.extra_causes", json.dumps([["noise", "Noise"]])])
    keys = [k for k, _label in causes(memory_db)]
    assert keys[-2:] == ["noise", "other"]
    assert label(CRISIS_FLAGS, "vulnerable") == "Vulnerable customer"
    assert len(STEPS) == 7 and STEPS[0][0] == "acknowledge"


def test_drafts_per_owner_and_never_in_complaints(memory_db: Database) -> None:
    team = make_team(memory_db)
    me, other = team.clerk.id, team.supervisor.id
    save_draft(memory_db, me, "complaint", {"problem": "Cold sou", "lines": [1, 2]},
               console_id=CONSOLE)
    save_draft(memory_db, me, "complaint", {"problem": "Cold soup 冷"}, console_id="till-2")
    save_draft(memory_db, other, "complaint", {"problem": "x"}, console_id=CONSOLE)
    draft = load_draft(memory_db, me, "complaint")
    assert draft is not None and draft.payload == {"problem": "Cold soup 冷"}
    assert draft.owner_id == me and draft.console_id == "till-2"  # last typed there
    assert count(memory_db, "complaints") == 0
    clear_draft(memory_db, me, "complaint")
    assert load_draft(memory_db, me, "complaint") is None
    assert load_draft(memory_db, other, "complaint") is not None
    memory_db.execute("UPDATE drafts SET payload = 'not json'")
    assert load_draft(memory_db, other, "complaint") is None
