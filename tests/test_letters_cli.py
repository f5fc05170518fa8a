"""`counterpart letter`: writes the PDF, records it, and fails clearly on bad input."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.cli import main
from db import clock
from db.security.staff_admin import add_staff, deactivate_staff
from db.store.connection import open_database
from tests.conftest import FIXED_NOW
from tests.letters_support import (
    CONSOLE,
    MANAGER_PIN,
    make_complaint,
    make_customer,
    make_shop,
    pdf_text,
    squash,
)

# Staff ids in db_file: make_shop's manager, supervisor and clerk, then a former employee.
CLERK = "3"
SUPERVISOR = "2"
FORMER = "4"


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, int, int]]:
    """A database with a customer (Finnish) and a complaint with an approved voucher."""
    clock.set_clock(lambda: FIXED_NOW)
    path = tmp_path_factory.mktemp("cli") / "shop.sqlite"
    db = open_database(path)
    shop = make_shop(db)
    customer = make_customer(db, "Aino <Ahonen> & Co", "fi")
    complaint = make_complaint(db, shop, customer, problem="Coffee cold", cause="quality",
                               letter_words="Kahvi oli kylmää")
    assert str(shop.clerk_id) == CLERK and str(shop.supervisor_id) == SUPERVISOR
    former = add_staff(db, MANAGER_PIN, CONSOLE, name="Entinen Työntekijä", role="staff",
                       pin="2468")
    deactivate_staff(db, MANAGER_PIN, CONSOLE, former.id)
    assert str(former.id) == FORMER
    db.close()
    clock.set_clock(None)
    yield path, customer, complaint


def _created_by(path: Path) -> list[int | None]:
    db = open_database(path)
    try:
        return [r[0] for r in db.execute("SELECT created_by FROM letters ORDER BY id")]
    finally:
        db.close()


def _letters(path: Path) -> int:
    db = open_database(path)
    try:
        return int(db.execute("SELECT count(*) FROM letters").fetchone()[0])
    finally:
        db.close()


def test_writes_the_apology_and_records_it(db_file: tuple[Path, int, int], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path, _customer, complaint = db_file
    out = tmp_path / "apology.pdf"
    before = _letters(path)
    code = main(["letter", "--db", str(path), "--kind", "apology", "--complaint",
                 str(complaint), "--staff", CLERK, "--out", str(out)])
    assert code == 0
    text = squash(pdf_text(out.read_bytes()))
    assert squash("Hyvä Aino <Ahonen> & Co,") in text
    assert squash("Kahvi oli kylmää") in text
    assert squash("Coffee cold") not in text
    assert _letters(path) == before + 1
    assert _created_by(path)[-1] == int(CLERK)
    assert str(out) in capsys.readouterr().out


def test_language_option_overrides_the_customers(db_file: tuple[Path, int, int],
                                                 tmp_path: Path) -> None:
    path, customer, _complaint = db_file
    out = tmp_path / "birthday.pdf"
    assert main(["letter", "--db", str(path), "--kind", "birthday", "--customer", str(customer),
                 "--lang", "zh-TW", "--staff", CLERK, "--out", str(out)]) == 0
    assert "生日快樂" in pdf_text(out.read_bytes())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "apology", "--complaint", "9999"], "There is no complaint with id 9999"),
        (["--kind", "birthday", "--customer", "9999"], "There is no customer with id 9999"),
        (["--kind", "apology", "--customer", "{customer}"], "An apology letter needs a complaint"),
    ],
)
def test_clear_errors_and_nothing_written(
    db_file: tuple[Path, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    args: list[str], message: str,
) -> None:
    path, customer, _complaint = db_file
    out = tmp_path / "letter.pdf"
    before = _letters(path)
    argv = ["letter", "--db", str(path), *[a.format(customer=customer) for a in args],
            "--staff", CLERK, "--out", str(out)]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert _letters(path) == before


def test_unwritable_paths(db_file: tuple[Path, int, int], tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    path, _customer, complaint = db_file
    base = ["letter", "--db", str(path), "--kind", "apology", "--complaint", str(complaint),
            "--staff", CLERK]
    assert main([*base, "--out", str(tmp_path / "missing" / "x.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main([*base, "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    if Path("/proc").is_dir():  # a folder nobody can create files in, not even root
        assert main([*base, "--out", "/proc/letter.pdf"]) == 2
        assert "Cannot write /proc/letter.pdf" in capsys.readouterr().err
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            assert main([*base, "--out", str(locked / "x.pdf")]) == 2
            assert "permission denied" in capsys.readouterr().err
        finally:
            locked.chmod(0o700)


def test_kind_and_target_are_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["letter", "--kind", "apology", "--out", "x.pdf"])
    assert "--complaint" in capsys.readouterr().err


def test_voucher_can_be_left_out(db_file: tuple[Path, int, int], tmp_path: Path) -> None:
    path, _customer, complaint = db_file
    with_it, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    base = ["letter", "--db", str(path), "--kind", "apology", "--complaint", str(complaint),
            "--staff", CLERK]
    assert main([*base, "--out", str(with_it)]) == 0
    assert main([*base, "--no-voucher", "--out", str(without)]) == 0
    assert "Leikkaa irti" in pdf_text(with_it.read_bytes())
    left_out = pdf_text(without.read_bytes())
    assert "Leikkaa irti" not in left_out and "Lahjakortti on tämän kirjeen" not in left_out
    # what was given is still named: the letter says what we did
    assert "lahjakortti 15,00" in left_out


def test_signer_is_recorded_as_maker_when_no_staff_is_given(
    db_file: tuple[Path, int, int], tmp_path: Path
) -> None:
    path, _customer, complaint = db_file
    out = tmp_path / "signed.pdf"
    assert main(["letter", "--db", str(path), "--kind", "apology", "--complaint",
                 str(complaint), "--signer", SUPERVISOR, "--out", str(out)]) == 0
    assert _created_by(path)[-1] == int(SUPERVISOR)
    assert main(["letter", "--db", str(path), "--kind", "apology", "--complaint",
                 str(complaint), "--signer", SUPERVISOR, "--staff", CLERK,
                 "--out", str(out)]) == 0
    assert _created_by(path)[-1] == int(CLERK)  # --staff made it, the supervisor signed
    assert None not in _created_by(path)


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ([], "Say who is making the letter with --staff"),
        (["--staff", "99"], "--staff 99: there is no staff member with id 99."),
        (["--staff", FORMER], "Entinen Työntekijä is no longer an active staff member"),
        (["--signer", FORMER], "--signer 4: Entinen Työntekijä is no longer an active"),
    ],
)
def test_who_made_the_letter_is_required_known_and_active(
    db_file: tuple[Path, int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    who: list[str], message: str,
) -> None:
    path, _customer, complaint = db_file
    out = tmp_path / "letter.pdf"
    before = _letters(path)
    assert main(["letter", "--db", str(path), "--kind", "apology", "--complaint",
                 str(complaint), *who, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()
    assert _letters(path) == before
