"""The customer's data rights: export everything, erase on request without touching the
report's numbers or the audit chain, consent with who/when/how, retention review."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from db import clock
from db.customers.personal_data import (
    consent_history,
    customer_record,
    erase_customer,
    retention_candidates,
    set_consent,
)
from db.customers.records import create_customer, get_customer, search_customers, update_customer
from db.errors import NotFound, PermissionDenied, ValidationError
from db.models import CustomerInput
from db.report_queries import build_report
from db.security import audit
from db.security.lockout import WrongPin
from db.settings import load_settings
from db.store.connection import open_database
from reports.personal_data_pdf import build_export_pdf
from tests.service_data_support import (
    CLERK_PIN,
    CONSOLE,
    MANAGER_PIN,
    Team,
    make_complaint,
    make_team,
    voucher_line,
)

ROOT = Path(__file__).resolve().parent.parent
NAME = "Liisa Mäkinen"


@pytest.fixture
def shop(tmp_path: Path) -> tuple[Database, Path]:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    yield db, path
    db.close()


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "console", *args], input=stdin, text=True,
                          capture_output=True, env=env, timeout=60)


def with_history(db: Database) -> Team:
    team = make_team(db)
    update_customer(db, team.customer.id, CustomerInput(
        name=NAME, phone="040 765 4321", email="liisa@example.fi", language="fi",
        birth_month=2, birth_day=29, allergies=["maapähkinä"], preferences="Kauramaito",
        consent_contact=True), by=team.clerk.id)
    make_complaint(db, team, voucher_line())
    return team


def test_the_export_holds_everything_about_the_person_and_nothing_of_others(
        shop: tuple[Database, Path]) -> None:
    db, _path = shop
    team = with_history(db)
    create_customer(db, CustomerInput(name="Someone Else", phone="050 111 2222"))
    record = customer_record(db, team.customer.id)
    text = json.dumps(record, ensure_ascii=False)
    assert record["customer"]["name"] == NAME and record["customer"]["allergens"] == [
        "peanuts"]
    assert record["complaints"][0]["problem"] == "The soup was cold."
    assert record["compensations"][0]["kind"] == "voucher"
    assert [c["kind"] for c in record["consents"]] == ["contact"]
    assert record["consents"][0]["recorded_by"] == team.clerk.id
    assert any(a["action"] == "complaint.created" for a in record["audit_entries"])
    assert "Someone Else" not in text


def test_the_export_pdf_is_in_the_customers_language_and_escapes_their_text(
        shop: tuple[Database, Path], tmp_path: Path) -> None:
    db, _path = shop
    team = with_history(db)
    update_customer(db, team.customer.id, CustomerInput(
        name="<b>王</b> & Co", language="zh-TW", preferences="拿鐵 <i>少糖</i>",
        birth_month=2, birth_day=29))
    pdf = build_export_pdf(customer_record(db, team.customer.id), load_settings(db), "zh-TW")
    out = tmp_path / "x.pdf"
    out.write_bytes(pdf)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "<b>王</b> & Co" in text and "拿鐵 <i>少糖</i>" in text
    assert "2月29日" in text  # the birthday as the customer's language writes it
    assert "您的個人檔案" in text and "Your profile" not in text  # headings in zh-TW too


def test_erasure_removes_the_person_everywhere_but_keeps_counts_money_and_the_audit_chain(
        shop: tuple[Database, Path]) -> None:
    db, path = shop
    team = with_history(db)
    day = clock.utcnow().date()
    before = build_report(db, day - timedelta(days=1), day + timedelta(days=1),
                          actor=None)
    erase_customer(db, team.customer.id, reason="asked at the counter", manager_pin=MANAGER_PIN,
                   console_id=CONSOLE)
    after = build_report(db, day - timedelta(days=1), day + timedelta(days=1),
                          actor=None)
    assert after.totals == before.totals
    assert audit.verify(db).ok
    erased = get_customer(db, team.customer.id)
    assert erased.name == erased.customer_no and erased.phone == "" and not erased.allergies
    assert search_customers(db, "mäkinen") == [] and search_customers(db, "7654321") == []
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in path.parent.glob("shop.sqlite*"))
    for secret in (NAME, "Mäkinen", "liisa@example.fi", "040 765 4321", "soup was cold",
                   "Kauramaito", "peanuts"):
        assert secret.encode("utf-8") not in raw, secret
    [entry] = [e for e in audit.entries(db) if e.action == "customer.erased"]
    assert entry.entity_id == team.customer.id and "asked" not in json.dumps(entry.details)


def test_erasure_needs_a_managers_pin_and_a_reason_and_changes_nothing_otherwise(
        shop: tuple[Database, Path]) -> None:
    db, _path = shop
    team = with_history(db)
    with pytest.raises(ValidationError):
        erase_customer(db, team.customer.id, reason="  ", manager_pin=MANAGER_PIN,
                       console_id=CONSOLE)
    with pytest.raises(WrongPin):
        erase_customer(db, team.customer.id, reason="asked", manager_pin="0000",
                       console_id=CONSOLE)
    with pytest.raises((WrongPin, PermissionDenied)) as caught:  # floor staff's own PIN
        erase_customer(db, team.customer.id, reason="asked", manager_pin=CLERK_PIN,
                       console_id=CONSOLE)
    assert "Aino" not in str(caught.value)
    assert get_customer(db, team.customer.id).name == NAME
    with pytest.raises(NotFound):
        erase_customer(db, 999, reason="asked", manager_pin=MANAGER_PIN, console_id=CONSOLE)


def test_a_customer_already_erased_is_said_so(shop: tuple[Database, Path]) -> None:
    db, _path = shop
    team = with_history(db)
    erase_customer(db, team.customer.id, reason="asked", manager_pin=MANAGER_PIN,
                   console_id=CONSOLE)
    with pytest.raises(ValidationError, match="already erased"):
        erase_customer(db, team.customer.id, reason="asked", manager_pin=MANAGER_PIN,
                       console_id=CONSOLE)


def test_consent_is_recorded_with_who_when_and_how(shop: tuple[Database, Path]) -> None:
    db, _path = shop
    team = make_team(db)
    set_consent(db, team.customer.id, "allergies", True, by=team.clerk.id)
    set_consent(db, team.customer.id, "contact", True, by=team.clerk.id)
    set_consent(db, team.customer.id, "contact", False, by=team.manager.id)
    history = consent_history(db, team.customer.id)
    assert [(c.kind, c.granted, c.recorded_by, c.method) for c in history] == [
        ("allergies", True, team.clerk.id, "counter"),
        ("contact", True, team.clerk.id, "counter"),
        ("contact", False, team.manager.id, "counter")]
    assert get_customer(db, team.customer.id).consent_contact is False


def test_imported_consent_says_it_came_from_an_import(shop: tuple[Database, Path],
                                                      tmp_path: Path) -> None:
    db, path = shop
    source = tmp_path / "customers.csv"
    source.write_text("external_id,name,consent\nX-1,Anna Import,yes\n", encoding="utf-8")
    db.close()
    assert cli("import", "customers", str(source), "--db", str(path)).returncode == 0
    db2 = open_database(path)
    customer_id = db2.execute("SELECT id FROM customers WHERE external_id = 'X-1'").fetchone()[0]
    assert [(c.kind, c.method) for c in consent_history(db2, customer_id)] == [
        ("contact", "import")]
    db2.close()


def test_customers_inactive_past_the_retention_period_are_listed(
        shop: tuple[Database, Path]) -> None:
    db, _path = shop
    clock.set_clock(lambda: clock.from_iso("2020-01-01T10:00:00+00:00"))  # type: ignore
    try:
        old = create_customer(db, CustomerInput(name="Old Timer"))
    finally:
        clock.set_clock(None)
    recent = create_customer(db, CustomerInput(name="New Face"))
    found = [c.customer_id for c in retention_candidates(db, 36)]
    assert old.id in found and recent.id not in found


def test_the_commands_export_and_erase(shop: tuple[Database, Path], tmp_path: Path) -> None:
    db, path = shop
    team = with_history(db)
    number = team.customer.customer_no
    db.close()
    out = tmp_path / "liisa"
    result = cli("customer", "export", number, "--db", str(path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "liisa.json").read_text(encoding="utf-8"))[
        "customer"]["name"] == NAME
    assert (tmp_path / "liisa.pdf").read_bytes().startswith(b"%PDF")
    assert oct((tmp_path / "liisa.pdf").stat().st_mode & 0o777) == "0o600"
    no_reason = cli("customer", "erase", number, "--db", str(path), "--reason", "",
                    "--pin-stdin", stdin=MANAGER_PIN + "\n")
    assert no_reason.returncode == 2
    wrong = cli("customer", "erase", number, "--db", str(path), "--reason", "asked",
                "--pin-stdin", stdin="0000\n")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    done = cli("customer", "erase", number, "--db", str(path), "--reason", "asked",
               "--pin-stdin", stdin=MANAGER_PIN + "\n")
    assert done.returncode == 0, done.stderr
    unknown = cli("customer", "erase", "C999999", "--db", str(path), "--reason", "asked",
                  "--pin-stdin", stdin=MANAGER_PIN + "\n")
    assert unknown.returncode == 2 and "no customer" in unknown.stderr


def test_no_birthday_letter_goes_to_a_customer_who_did_not_consent(
        shop: tuple[Database, Path]) -> None:
    from reports.letter_service import LetterNotPossible, prepare_letter

    db, _path = shop
    quiet = create_customer(db, CustomerInput(name="Ei Yhteyttä", birth_month=3, birth_day=1,
                                              consent_contact=False))
    with pytest.raises(LetterNotPossible, match="not agreed to be contacted"):
        prepare_letter(db, "birthday", customer_id=quiet.id)
    set_consent(db, quiet.id, "contact", True, by=None)
    assert prepare_letter(db, "birthday", customer_id=quiet.id).customer_name == "Ei Yhteyttä"


def test_an_export_is_both_files_or_neither(shop: tuple[Database, Path],
                                            tmp_path: Path) -> None:
    db, path = shop
    team = with_history(db)
    db.close()
    (tmp_path / "out.pdf").mkdir()  # the PDF's name is taken by a folder
    result = cli("customer", "export", str(team.customer.id), "--db", str(path),
                 "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_erasing_an_imported_customer_removes_the_imports_trace_of_them(
        shop: tuple[Database, Path], tmp_path: Path) -> None:
    """An import keeps a hash of each row with the other system's id (to skip unchanged
    rows next time): erasure removes that too, so no trace of the person stays."""
    from db.imports.formats import ImportOptions
    from db.imports.job import import_customers_file

    db, path = shop
    with_history(db)  # the shop's staff and approvals
    source = tmp_path / "square-ids.csv"
    source.write_text("external_id,name,phone\nSQ-77-ERASE,Ilona Lindqvist,040 555 0199\n",
                      encoding="utf-8")
    assert import_customers_file(db, source, ImportOptions()).added == 1
    (customer_id,) = db.execute(
        "SELECT id FROM customers WHERE external_id = 'SQ-77-ERASE'").fetchone()
    assert db.execute("SELECT count(*) FROM import_row_hashes WHERE external_id = "
                      "'SQ-77-ERASE'").fetchone()[0] == 1
    erase_customer(db, customer_id, reason="asked at the counter", manager_pin=MANAGER_PIN,
                   console_id=CONSOLE)
    assert db.execute("SELECT count(*) FROM import_row_hashes WHERE external_id = "
                      "'SQ-77-ERASE'").fetchone()[0] == 0
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in path.parent.glob("shop.sqlite*"))
    for secret in ("SQ-77-ERASE", "Lindqvist", "405550199", "40 5550199"):  # phone, any form
        assert secret.encode() not in raw, secret
