"""Files that must never be overwritten: every command that writes a file refuses them.

Found as: `counterpart report --db shop.db --out shop.db` replaced the shop's database with
the PDF and exited 0, and `--out /dev/full` run as root replaced the device file. Now every
writer (report PDF and CSV, letter, the window's save dialogs) goes through
`reports.safe_output`: exit 2, a clear message, and nothing touched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from console.cli import main
from db import clock
from db.store.connection import open_database
from reports.safe_output import (
    OutputFailed,
    UnsafeOutput,
    check_target,
    database_files,
    stage,
    write_file,
    write_files,
)
from tests.conftest import FIXED_NOW
from tests.letters_support import make_complaint, make_customer, make_shop

CLERK = "3"
DAY = date(2026, 11, 20)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A shop database with a customer and a complaint (built once, copied per test)."""
    clock.set_clock(lambda: FIXED_NOW)
    path = tmp_path_factory.mktemp("template") / "shop.db"
    db = open_database(path)
    shop = make_shop(db)
    customer = make_customer(db, "Aino Ahonen", "fi")
    complaint = make_complaint(db, shop, customer, problem="Kahvi oli kylmää", cause="quality")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    clock.set_clock(None)
    return path, complaint


@pytest.fixture
def shop(template: tuple[Path, int], tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "shop.db"
    shutil.copy(template[0], path)
    return path, template[1]


def _report(db: Path, *out: str) -> list[str]:
    return ["report", "--db", str(db), "--date", DAY.isoformat(), *out]


def _letter(db: Path, complaint: int, out: str) -> list[str]:
    return ["letter", "--db", str(db), "--kind", "apology", "--complaint", str(complaint),
            "--staff", CLERK, "--out", out]


# Each way of pointing an output at something that must survive: (name, make(db) -> path).
def _db_itself(db: Path) -> Path:
    return db


def _wal(db: Path) -> Path:
    live = open_database(db)  # a console has it open: its -wal and -shm exist
    live.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")
    _open.append(live)
    wal = Path(f"{db}-wal")
    assert wal.exists()
    return wal


def _journal(db: Path) -> Path:
    return Path(f"{db}-journal")  # not there now; still never a place for output


def _symlink(db: Path) -> Path:
    link = db.parent / "innocent.pdf"
    link.symlink_to(db)
    return link


def _hard_link(db: Path) -> Path:
    link = db.parent / "copy.pdf"
    os.link(db, link)
    return link


def _other_sqlite(db: Path) -> Path:
    other = db.parent / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    return other


def _folder(db: Path) -> Path:
    folder = db.parent / "folder.pdf"
    folder.mkdir()
    return folder


def _fifo(db: Path) -> Path:
    fifo = db.parent / "pipe.pdf"
    os.mkfifo(fifo)
    return fifo


def _dev_full(db: Path) -> Path:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    return Path("/dev/full")


_open: list[sqlite3.Connection | object] = []

TARGETS: list[tuple[str, Callable[[Path], Path], str]] = [
    ("database", _db_itself, "console's database"),
    ("wal", _wal, "console's database"),
    ("journal", _journal, "console's database"),
    ("symlink", _symlink, "console's database"),
    ("hard-link", _hard_link, "console's database"),
    ("other-sqlite", _other_sqlite, "SQLite database"),
    ("folder", _folder, "is a folder"),
    ("fifo", _fifo, "not a regular file"),
    ("dev-full", _dev_full, "not a regular file"),
]


@pytest.fixture(autouse=True)
def _close_open() -> Iterator[None]:
    yield
    while _open:
        item = _open.pop()
        close = getattr(item, "close", None)
        if close is not None:
            close()


def _state(path: Path) -> tuple[int, int, int, str] | None:
    """Kind, inode, mode and (for regular files) content of what is at `path`."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    content = _digest(path) if stat.S_ISREG(st.st_mode) else ""
    return st.st_mode, st.st_ino, st.st_size, content


def _no_temporaries(folder: Path) -> None:
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize(("name", "make", "message"), TARGETS, ids=[t[0] for t in TARGETS])
def test_report_out_refuses_and_touches_nothing(
    shop: tuple[Path, int], capsys: pytest.CaptureFixture[str], name: str,
    make: Callable[[Path], Path], message: str,
) -> None:
    db, _complaint = shop
    target = make(db)
    before, db_before = _state(target), _digest(db)
    assert main(_report(db, "--out", str(target))) == 2
    err = capsys.readouterr().err
    assert message in err and str(target) in err and "nothing was written" in err
    assert _state(target) == before and _digest(db) == db_before
    _no_temporaries(db.parent)


@pytest.mark.parametrize(("name", "make", "message"), TARGETS, ids=[t[0] for t in TARGETS])
def test_report_csv_refuses_and_writes_no_pdf_either(
    shop: tuple[Path, int], capsys: pytest.CaptureFixture[str], name: str,
    make: Callable[[Path], Path], message: str,
) -> None:
    db, _complaint = shop
    target = make(db)
    before = _state(target)
    pdf = db.parent / "day.pdf"
    assert main(_report(db, "--out", str(pdf), "--csv", str(target))) == 2
    assert message in capsys.readouterr().err
    assert _state(target) == before and not pdf.exists()
    _no_temporaries(db.parent)


@pytest.mark.parametrize(("name", "make", "message"), TARGETS, ids=[t[0] for t in TARGETS])
def test_letter_out_refuses_and_records_nothing(
    shop: tuple[Path, int], capsys: pytest.CaptureFixture[str], name: str,
    make: Callable[[Path], Path], message: str,
) -> None:
    db, complaint = shop
    target = make(db)
    before, db_before = _state(target), _digest(db)
    assert main(_letter(db, complaint, str(target))) == 2
    err = capsys.readouterr().err
    assert message in err and "nothing was written" in err
    assert _state(target) == before
    if name != "wal":  # with a console holding the file open, the WAL holds the changes
        assert _digest(db) == db_before
    check = open_database(db)
    try:
        assert check.execute("SELECT count(*) FROM letters").fetchone()[0] == 0
    finally:
        check.close()
    _no_temporaries(db.parent)


def test_report_and_letter_files_are_written_0600_over_a_regular_file(
    shop: tuple[Path, int], capsys: pytest.CaptureFixture[str],
) -> None:
    db, complaint = shop
    old = db.parent / "day.pdf"
    old.write_bytes(b"yesterday's report")
    old.chmod(0o644)
    csv = db.parent / "day.csv"
    assert main(_report(db, "--out", str(old), "--csv", str(csv))) == 0
    letter = db.parent / "letter.pdf"
    assert main(_letter(db, complaint, str(letter))) == 0
    for path in (old, csv, db.parent / "day-summary.csv", letter):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert old.read_bytes().startswith(b"%PDF") and letter.read_bytes().startswith(b"%PDF")
    _no_temporaries(db.parent)


def test_a_letter_refused_by_a_read_only_database_leaves_no_pdf(
    shop: tuple[Path, int], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The PDF is made, then recording it fails: nothing may be left at --out."""
    db, complaint = shop
    real_access = os.access

    def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(target)).resolve() == db.resolve():
            return False  # what a normal user gets for a 0444 file (tests run as root)
        return real_access(target, mode, *args, **kwargs)  # type: ignore[arg-type]

    import reports.letter_service as letter_service

    real_record = letter_service.record_letter
    staged: list[list[str]] = []

    def record(*args: object, **kwargs: object) -> object:
        staged.append([p.name for p in db.parent.iterdir() if p.name.endswith(".part")])
        return real_record(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(letter_service, "record_letter", record)
    db.chmod(0o444)
    monkeypatch.setattr(os, "access", access)
    before = _digest(db)
    out = db.parent / "letter.pdf"
    try:
        assert main(_letter(db, complaint, str(out))) == 2
    finally:
        db.chmod(0o600)
    assert "read-only" in capsys.readouterr().err
    assert len(staged) == 1 and len(staged[0]) == 1  # the PDF was made, then refused
    assert not out.exists()
    assert _digest(db) == before
    _no_temporaries(db.parent)


def test_check_target_follows_the_open_connection(tmp_path: Path) -> None:
    """The window passes `database_files(ctx.db)`: the files of the open database."""
    path = tmp_path / "till.sqlite"
    db = open_database(path)
    try:
        files = database_files(db)
        assert [p.resolve() for p in files] == [path.resolve()]
        for target in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            with pytest.raises(UnsafeOutput, match="console's database"):
                check_target(target, files)
        assert check_target(tmp_path / "new.pdf", files) == (tmp_path / "new.pdf").resolve()
        assert database_files(sqlite3.connect(":memory:")) == []
    finally:
        db.close()


def test_write_failures_leave_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    keep = tmp_path / "report.pdf"
    keep.write_bytes(b"old")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            self.inner = real_fdopen(fd, mode)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.inner.close()

        def fileno(self) -> int:
            return int(self.inner.fileno())

        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr("reports.safe_output.os.fdopen", Full)
    with pytest.raises(OutputFailed, match="No space left on device"):
        write_files([(tmp_path / "new.csv", b"a"), (keep, b"new")])
    monkeypatch.undo()
    assert keep.read_bytes() == b"old" and not (tmp_path / "new.csv").exists()
    _no_temporaries(tmp_path)


def test_staged_output_is_renamed_only_on_commit(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    with stage([(out, b"%PDF-1.4")]) as pending:
        assert not out.exists()
    assert not out.exists()  # discarded: the caller's record failed
    _no_temporaries(tmp_path)
    with stage([(out, b"%PDF-1.4")]) as pending:
        pending.commit()
    assert out.read_bytes() == b"%PDF-1.4"
    assert write_file(out, b"again") == out and out.read_bytes() == b"again"


def test_two_outputs_cannot_be_the_same_file(tmp_path: Path) -> None:
    with pytest.raises(UnsafeOutput, match="its own file name"):
        write_files([(tmp_path / "a.pdf", b"1"), (tmp_path / "." / "a.pdf", b"2")])
    assert not (tmp_path / "a.pdf").exists()
