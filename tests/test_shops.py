"""Shops of one company (issue 11): shops, settings per shop, staff per shop, complaints,
purchases and vouchers per shop, vouchers across shops, the report per shop and for the
company, and the command line. The data API runs on both engines."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cli import main
from db.clock import today_local
from db.customers.purchases import add_product, record_purchase
from db.errors import PermissionDenied, ValidationError
from db.report_queries import build_report
from db.security import audit, lockout
from db.security.sign_in import sign_in_by_tap, sign_in_with_pin
from db.security.staff import list_staff
from db.service.compensation import authorise
from db.service.vouchers import find_voucher
from db.settings import change_settings, load_settings
from db.shops import (
    CompanySettings,
    WrongShop,
    _seed_shop,
    add_shop,
    as_shop,
    change_company_settings,
    change_staff_shops,
    list_shops,
    shop_of,
    shops_of_staff,
    works_at,
)
from db.store.connection import open_database
from db.store.migrations import migrations
from db.tills import as_till
from tests.service_data_support import (
    CLERK_PIN,
    CONSOLE,
    MANAGER_PIN,
    SUPERVISOR_PIN,
    Team,
    issue_voucher,
    make_complaint,
    make_team,
    redeem_by,
    voucher_line,
)

pytestmark = pytest.mark.both_engines


def _second_shop(db: Database, team: Team, **settings: object) -> int:
    """Shop 2 added by the team's manager with their PIN (they work there too)."""
    new = replace(load_settings(db), **settings) if settings else None
    return add_shop(db, "Tampere Station", pin=MANAGER_PIN, console_id=CONSOLE,
                    settings=new).id


def test_a_database_is_one_shop_until_another_is_added(memory_db: Database) -> None:
    shops = list_shops(memory_db)
    assert [(s.id, s.name) for s in shops] == [(1, "Counterpart Café")]
    assert shop_of(memory_db) == 1
    team = make_team(memory_db)
    assert {s.id for s in list_staff(memory_db)} == {team.manager.id, team.supervisor.id,
                                                    team.clerk.id}
    assert shops_of_staff(memory_db, team.clerk.id) == [1]


def test_adding_a_shop_takes_a_managers_pin_and_the_manager_works_there(
    memory_db: Database,
) -> None:
    team = make_team(memory_db)
    with pytest.raises(lockout.WrongPin):
        add_shop(memory_db, "Tampere Station", pin=SUPERVISOR_PIN, console_id=CONSOLE)
    assert len(list_shops(memory_db)) == 1
    shop_id = _second_shop(memory_db, team, currency="SEK", timezone="Europe/Stockholm")
    assert [s.name for s in list_shops(memory_db)] == ["Counterpart Café", "Tampere Station"]
    assert works_at(memory_db, team.manager.id, shop_id)
    assert not works_at(memory_db, team.clerk.id, shop_id)
    new = load_settings(memory_db, shop_id)
    assert (new.shop_name, new.currency, new.timezone) == (
        "Tampere Station", "SEK", "Europe/Stockholm")
    assert load_settings(memory_db).currency == "EUR"  # shop 1 unchanged
    for bad in ("tampere station", "all", "12", " "):
        with pytest.raises(ValidationError):
            add_shop(memory_db, bad, pin=MANAGER_PIN, console_id=CONSOLE)
    assert len(list_shops(memory_db)) == 2
    added = audit.entries(memory_db, action_prefix="shop.added")
    assert [e.entity_id for e in added] == [shop_id]
    assert audit.verify(memory_db).ok


def test_each_shop_changes_its_own_settings_audited(memory_db: Database) -> None:
    team = make_team(memory_db)
    shop_id = _second_shop(memory_db, team)
    with as_shop(memory_db, shop_id):
        assert load_settings(memory_db).shop_name == "Tampere Station"
        after = change_settings(memory_db, replace(load_settings(memory_db),
                                                   manager_limit_minor=12_300),
                                pin=MANAGER_PIN, console_id=CONSOLE)
    assert after.manager_limit_minor == 12_300
    assert load_settings(memory_db, shop_id).manager_limit_minor == 12_300
    assert load_settings(memory_db, 1).manager_limit_minor == 50_000
    # renaming a shop renames it in the list; a name another shop has is refused
    change_settings(memory_db, replace(load_settings(memory_db), shop_name="Helsinki Centre"),
                    pin=MANAGER_PIN, console_id=CONSOLE)
    assert [s.name for s in list_shops(memory_db)] == ["Helsinki Centre", "Tampere Station"]
    with pytest.raises(ValidationError) as err:
        change_settings(memory_db, replace(load_settings(memory_db),
                                           shop_name="TAMPERE station"),
                        pin=MANAGER_PIN, console_id=CONSOLE)
    assert "shop_name" in err.value.fields
    assert audit.verify(memory_db).ok
    # a value changed behind the log's back in the second shop's settings is named
    memory_db.execute("UPDATE shop_settings SET value = '1' WHERE shop_id = ? "
                      "AND key = 'manager_limit_minor'", [shop_id])
    result = audit.verify(memory_db)
    assert not result.ok and "manager_limit_minor" in result.message


def test_only_staff_of_the_consoles_shop_sign_in_and_authorise(memory_db: Database) -> None:
    team = make_team(memory_db)
    shop_id = _second_shop(memory_db, team)
    with as_shop(memory_db, shop_id):
        assert [s.id for s in list_staff(memory_db)] == [team.manager.id]
        with pytest.raises(PermissionDenied, match="does not work at this shop"):
            sign_in_by_tap(memory_db, team.clerk.id)
        with pytest.raises(PermissionDenied, match="does not work at this shop"):
            sign_in_with_pin(memory_db, team.supervisor.id, SUPERVISOR_PIN, CONSOLE)
        # the supervisor's PIN is a wrong PIN here: it cannot authorise compensation
        complaint = make_complaint(memory_db, replace(team, clerk=team.manager),
                                   voucher_line(1000))
        with pytest.raises(lockout.WrongPin):
            authorise(memory_db, complaint.id, complaint.proposed_lines, SUPERVISOR_PIN,
                      CONSOLE)
        # a manager lets the supervisor work here too: now they can
        assert change_staff_shops(memory_db, MANAGER_PIN, CONSOLE, team.supervisor.id,
                                  add=(shop_id,)) == [1, shop_id]
        authorise(memory_db, complaint.id, complaint.proposed_lines, SUPERVISOR_PIN, CONSOLE)
        assert sign_in_with_pin(memory_db, team.supervisor.id, SUPERVISOR_PIN,
                                CONSOLE).staff.id == team.supervisor.id
    # at shop 1 nothing changed for the clerk
    assert sign_in_by_tap(memory_db, team.clerk.id).staff.id == team.clerk.id
    with pytest.raises(ValidationError):  # everyone keeps one shop at least
        change_staff_shops(memory_db, MANAGER_PIN, CONSOLE, team.clerk.id, remove=(1,))
    assert shops_of_staff(memory_db, team.clerk.id) == [1]


def test_an_approval_given_at_one_shop_is_void_at_another(memory_db: Database) -> None:
    from db.security.approvals import ApprovalRequired, grant
    from db.service.vouchers import issue, issue_subject

    team = make_team(memory_db)
    shop_id = _second_shop(memory_db, team)
    approval = grant(memory_db, SUPERVISOR_PIN, CONSOLE, action="voucher.issue",
                     subject=issue_subject(None, None), amount_minor=900)
    with as_shop(memory_db, shop_id), pytest.raises(ApprovalRequired):
        issue(memory_db, approval, value_minor=900, expires_on=date(2099, 1, 1))
    assert memory_db.execute("SELECT count(*) FROM vouchers").fetchone()[0] == 0


def test_staff_added_at_a_shop_work_there(memory_db: Database) -> None:
    from db.security.staff_admin import add_staff

    team = make_team(memory_db)
    shop_id = _second_shop(memory_db, team)
    with as_shop(memory_db, shop_id):
        new = add_staff(memory_db, MANAGER_PIN, CONSOLE, name="Pekka", role="staff",
                        pin="5555")
    assert shops_of_staff(memory_db, new.id) == [shop_id]


def test_entries_belong_to_their_shop_and_customers_to_the_company(
    memory_db: Database,
) -> None:
    team = make_team(memory_db)
    shop_id = _second_shop(memory_db, team)
    product = add_product(memory_db, "COF", "Coffee", "drinks", 350)
    first = make_complaint(memory_db, team)
    record_purchase(memory_db, team.customer.id, [(product.id, 1)])
    with as_shop(memory_db, shop_id):
        second = make_complaint(memory_db, replace(team, clerk=team.manager))
        record_purchase(memory_db, team.customer.id, [(product.id, 2)])
        voucher = issue_voucher(memory_db, value_minor=500, expires_on=date(2099, 1, 1),
                                by=team.manager, customer_id=team.customer.id)
    shops = dict(memory_db.execute("SELECT id, shop_id FROM complaints").fetchall())
    assert shops == {first.id: 1, second.id: shop_id}
    assert sorted(r[0] for r in memory_db.execute("SELECT shop_id FROM purchases")) == [
        1, shop_id]
    assert voucher.shop_id == shop_id
    # one customer, recognised in both shops: both complaints are on their history
    from db.service.complaints import history_for_customer

    assert {h.id for h in history_for_customer(memory_db, team.customer.id)} == {
        first.id, second.id}


def test_each_shops_home_lists_its_own_promises(memory_db: Database) -> None:
    from db.service.follow_ups import due_follow_ups, open_follow_ups
    from db.service.models import PromiseInput

    team = make_team(memory_db)
    shop_id = _second_shop(memory_db, team)
    here = make_complaint(memory_db, team, promise=PromiseInput("Call back", team.clerk.id))
    with as_shop(memory_db, shop_id):
        there = make_complaint(memory_db, replace(team, clerk=team.manager),
                               promise=PromiseInput("Call back", team.manager.id))
        assert [f.complaint_id for f in open_follow_ups(memory_db)] == [there.id]
        assert [f.complaint_id for f in due_follow_ups(
            memory_db, within=timedelta(days=30))] == [there.id]
    assert [f.complaint_id for f in open_follow_ups(memory_db)] == [here.id]


def test_a_voucher_is_redeemed_in_its_own_shop_unless_the_company_allows_any(
    memory_db: Database,
) -> None:
    team = make_team(memory_db)
    shop_id = _second_shop(memory_db, team)
    voucher = issue_voucher(memory_db, value_minor=700, expires_on=date(2099, 1, 1),
                            by=team.manager)
    with as_shop(memory_db, shop_id):
        with pytest.raises(WrongShop, match="issued at Counterpart Café"):
            redeem_by(memory_db, voucher.code, team.manager)
        assert find_voucher(memory_db, voucher.code).redeemed_at is None
        with pytest.raises(lockout.WrongPin):  # a floor clerk cannot change it
            change_company_settings(memory_db, CompanySettings(vouchers_any_shop=True),
                                    pin=CLERK_PIN, console_id=CONSOLE)
        change_company_settings(memory_db, CompanySettings(vouchers_any_shop=True),
                                pin=MANAGER_PIN, console_id=CONSOLE)
        used = redeem_by(memory_db, voucher.code, team.manager)
    assert used.redeemed_at is not None
    assert audit.verify(memory_db).ok
    assert [e.action for e in audit.entries(memory_db, action_prefix="company.changed")] == [
        "company.changed"]


def test_wrong_pins_lock_only_their_own_shop(memory_db: Database) -> None:
    team = make_team(memory_db)
    shop_id = _second_shop(memory_db, team)
    with as_shop(memory_db, shop_id):
        for _try in range(load_settings(memory_db).pin_max_attempts):
            with pytest.raises(lockout.WrongPin):
                sign_in_with_pin(memory_db, team.manager.id, "0000", CONSOLE)
        with pytest.raises(lockout.PinLocked):
            sign_in_with_pin(memory_db, team.manager.id, MANAGER_PIN, CONSOLE)
    assert sign_in_with_pin(memory_db, team.manager.id, MANAGER_PIN, CONSOLE).with_pin


def _report_day(db: Database) -> date:
    return today_local(load_settings(db).timezone)


def test_the_report_is_per_shop_by_till_and_the_company_report_by_shop(
    memory_db: Database,
) -> None:
    team = make_team(memory_db)
    shop_id = _second_shop(memory_db, team)
    with as_till(memory_db, "Till 1"):
        one = make_complaint(memory_db, team, voucher_line(1000))
        authorise(memory_db, one.id, one.proposed_lines, SUPERVISOR_PIN, CONSOLE)
    with as_till(memory_db, "Till 2"):
        make_complaint(memory_db, team)
        make_complaint(memory_db, team, kind="compliment")
    with as_shop(memory_db, shop_id), as_till(memory_db, "Bar"):
        there = make_complaint(memory_db, replace(team, clerk=team.manager),
                               voucher_line(2500))
        authorise(memory_db, there.id, there.proposed_lines, MANAGER_PIN, CONSOLE)
    day = _report_day(memory_db)

    here = build_report(memory_db, day, day, actor=None)
    assert (here.totals.complaints, here.totals.compliments) == (2, 1)
    assert here.totals.compensation_minor == 1000
    assert not here.company and here.by_shop == ()
    tills = {r.till: r for r in here.by_till}
    assert set(tills) == {"Till 1", "Till 2"}
    assert (tills["Till 1"].complaints, tills["Till 1"].approvals,
            tills["Till 1"].compensation_minor) == (1, 1, 1000)
    assert (tills["Till 2"].complaints, tills["Till 2"].compliments,
            tills["Till 2"].approvals) == (1, 1, 0)

    with as_shop(memory_db, shop_id):
        theirs = build_report(memory_db, day, day, actor=None)
    assert theirs.shop.shop_name == "Tampere Station"
    assert (theirs.totals.complaints, theirs.totals.compensation_minor) == (1, 2500)
    assert [(r.till, r.compensation_minor) for r in theirs.by_till] == [("Bar", 2500)]

    company = build_report(memory_db, day, day, actor=None, all_shops=True)
    assert company.company
    assert company.shop.shop_name == "All shops: Counterpart Café, Tampere Station"
    assert (company.totals.complaints, company.totals.compensation_minor) == (3, 3500)
    assert [(s.name, s.complaints, s.compliments, s.approvals, s.compensation_minor)
            for s in company.by_shop] == [("Counterpart Café", 2, 1, 1, 1000),
                                          ("Tampere Station", 1, 0, 1, 2500)]
    assert {(r.shop, r.till) for r in company.by_till} == {
        ("Counterpart Café", "Till 1"), ("Counterpart Café", "Till 2"),
        ("Tampere Station", "Bar")}


def test_the_company_report_refuses_to_add_up_different_currencies(
    memory_db: Database,
) -> None:
    make_team(memory_db)
    _seed_shop(memory_db, "Stockholm", replace(load_settings(memory_db), currency="SEK"))
    day = _report_day(memory_db)
    with pytest.raises(ValidationError, match="EUR, SEK"):
        build_report(memory_db, day, day, actor=None, all_shops=True)
    assert build_report(memory_db, day, day, actor=None).shop.currency == "EUR"


@pytest.mark.sqlite_only("an older SQLite file, migrated")
def test_an_existing_database_becomes_shop_one_with_its_settings(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = open_database(path, migrate=False)
    migrations.apply(old, stop_before="m019_shops")
    old.execute("INSERT INTO settings(key, value) VALUES ('shop_name', ?), ('currency', ?), "
                "('complaints.extra_causes', '[]')",
                [json.dumps("Kahvila Aalto"), json.dumps("SEK")])
    old.execute("INSERT INTO staff(name, role, limit_minor, active, created_at) "
                "VALUES ('Maria', 'manager', 0, 1, '2026-11-01T09:00:00+00:00')")
    old.execute("INSERT INTO vouchers(code, value_minor, expires_on, issued_at, issued_by) "
                "VALUES ('OLD1-CODE', 1500, '2027-05-01', '2026-11-01T10:00:00+00:00', 1)")
    old.close()

    db = open_database(path)
    try:
        assert [(s.id, s.name) for s in list_shops(db)] == [(1, "Kahvila Aalto")]
        settings = load_settings(db)
        assert (settings.shop_name, settings.currency) == ("Kahvila Aalto", "SEK")
        # shop settings moved; what belongs to the company stayed
        assert {r[0] for r in db.execute("SELECT key FROM settings")} == {
            "complaints.extra_causes"}
        assert shops_of_staff(db, 1) == [1]
        assert db.execute("SELECT shop_id FROM vouchers").fetchone()[0] == 1
    finally:
        db.close()


# ---------------------------------------------------------------- the command line


@pytest.fixture
def shop_file(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    try:
        team = make_team(db)
        make_complaint(db, team)
    finally:
        db.close()
    return path


def _cli(args: list[str], pin: str | None = None,
         monkeypatch: pytest.MonkeyPatch | None = None) -> int:
    if pin is not None and monkeypatch is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    return main(args)


def test_cli_adds_and_lists_shops_and_shows_their_settings(
    shop_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = ["--db", str(shop_file)]
    assert _cli(["shop", "add", "Tampere Station", "--currency", "SEK", "--pin-stdin", *db],
                MANAGER_PIN, monkeypatch) == 0
    assert "Shop 2 added: Tampere Station" in capsys.readouterr().out
    assert _cli(["shop", "add", "tampere STATION", "--pin-stdin", *db], MANAGER_PIN,
                monkeypatch) == 2
    assert "already called Tampere Station" in capsys.readouterr().err
    assert _cli(["shop", "list", *db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("* 1\tCounterpart Café\tEUR")
    assert out[1].startswith("  2\tTampere Station\tSEK") and out[1].endswith("1 staff")
    assert _cli(["settings", "show", "--shop", "tampere station", *db]) == 0
    shown = capsys.readouterr().out
    assert "shop_name\tTampere Station" in shown and "currency\tSEK" in shown
    assert _cli(["settings", "set", "address", "Asema 1", "--shop", "2", "--pin-stdin", *db],
                MANAGER_PIN, monkeypatch) == 0
    assert _cli(["settings", "show", *db]) == 0
    assert "address\t\n" in capsys.readouterr().out  # shop 1 untouched
    assert _cli(["settings", "show", "--shop", "3", *db]) == 2
    assert "no shop number 3" in capsys.readouterr().err
    assert _cli(["staff", "list", "--shop", "all", *db]) == 2
    assert "company report only" in capsys.readouterr().err


def test_cli_staff_shops_and_company_setting(
    shop_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = ["--db", str(shop_file)]
    assert _cli(["shop", "add", "Bar", "--pin-stdin", *db], MANAGER_PIN, monkeypatch) == 0
    clerk = 3  # Aino Staff of make_team
    assert _cli(["shop", "staff", str(clerk), "--add", "Bar", "--pin-stdin", *db],
                MANAGER_PIN, monkeypatch) == 0
    assert "Aino Staff works at: Counterpart Café, Bar" in capsys.readouterr().out
    assert _cli(["shop", "company", *db]) == 0
    assert capsys.readouterr().out == "vouchers_any_shop\tno\n"
    assert _cli(["shop", "company", "vouchers_any_shop", "maybe", "--pin-stdin", *db],
                MANAGER_PIN, monkeypatch) == 2
    assert "yes or no" in capsys.readouterr().err
    assert _cli(["shop", "company", "vouchers_any_shop", "yes", "--pin-stdin", *db],
                MANAGER_PIN, monkeypatch) == 0
    assert "vouchers_any_shop: False -> True" in capsys.readouterr().out


def test_the_options_file_names_the_tills_shop(
    shop_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from console.options import Options
    from console.paths import config_dir

    assert _cli(["shop", "add", "Bar", "--pin-stdin", "--db", str(shop_file)], MANAGER_PIN,
                monkeypatch) == 0
    options = Options(config_dir() / "options.ini")
    options.set("shop", "Bar")
    options.set("database", str(shop_file))
    options.sync()
    capsys.readouterr()
    assert _cli(["shop", "list"]) == 0
    assert "* 2\tBar" in capsys.readouterr().out
    assert _cli(["settings", "show", "--shop", "1"]) == 0  # --shop wins
    assert "shop_name\tCounterpart Café" in capsys.readouterr().out


def test_the_window_attaches_its_shop(shop_file: Path) -> None:
    from console.cmd_run import attach_shop

    db = open_database(shop_file)
    try:
        _seed_shop(db, "Bar")
        attach_shop(db, {"shop": "bar"}, None)  # anything with get() serves as options
        assert shop_of(db) == 2 and load_settings(db).shop_name == "Bar"
        attach_shop(db, None, "1")
        assert shop_of(db) == 1
    finally:
        db.close()


def test_cli_report_for_one_shop_and_for_the_company(
    shop_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.test_report_pdf import pages_of

    db = ["--db", str(shop_file)]
    assert _cli(["shop", "add", "Bar", "--pin-stdin", *db], MANAGER_PIN, monkeypatch) == 0
    one, company = tmp_path / "one.pdf", tmp_path / "company.pdf"
    assert _cli(["report", "--out", str(one), *db]) == 0
    text = "\n".join(pages_of(one.read_bytes()))
    assert "By till" in text and "By shop" not in text
    assert _cli(["report", "--shop", "all", "--out", str(company), "--csv",
                 str(tmp_path / "company.csv"), *db]) == 0
    text = "\n".join(pages_of(company.read_bytes()))
    assert "All shops: Counterpart Café, Bar" in text and "By shop" in text
    summary = (tmp_path / "company-summary.csv").read_text(encoding="utf-8-sig")
    assert "Counterpart Café · Complaints" in summary and "Bar · Complaints" in summary


@pytest.mark.gui
def test_the_window_of_a_second_shops_till_shows_its_shop_and_staff(
    qtbot: QtBot, shop_file: Path,
) -> None:
    from console.cmd_run import create_window
    from widgets.dialogs import FakeDialogService

    db = open_database(shop_file)
    try:
        bar = _seed_shop(db, "Bar")
        win = create_window(db, dialogs=FakeDialogService(), shop="bar")
        qtbot.addWidget(win)
        assert shop_of(db) == bar.id and win.ctx.settings.shop_name == "Bar"
        win.sign_in_panel.reset()
        model = win.sign_in_panel.model
        # nobody works at the new shop yet: its sign-in list is empty
        assert model.rowCount() == 0
    finally:
        db.close()
