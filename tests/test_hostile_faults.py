"""Full disk, I/O error, read-only file system: every command says one sentence, exit 2.

Each test injects the fault the way SQLite reports it (OperationalError "database or disk
is full" / "disk I/O error" from a connection) into one command, and checks the output
is a single line naming the file, never a traceback.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from console.cli import COMMAND_MODULES, main
from db.errors import DiskFull, DiskIOError
from db.store import connection
from db.store.connection import is_read_only, open_database
from tests.hostile_support import (
    DISK_FULL,
    IO_ERROR,
    WRITES,
    digest,
    faulty_sqlite,
    make_shop,
    one_sentence,
)
from tests.service_data_support import MANAGER_PIN  # the demo manager's documented PIN


@pytest.fixture(scope="module")
def shop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_shop(tmp_path_factory.mktemp("faults") / "shop.sqlite")


@pytest.fixture
def shop(shop_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    path.write_bytes(shop_template.read_bytes())
    return path


def _voucher_code(path: Path) -> str:
    raw = sqlite3.connect(path)
    code = raw.execute("SELECT code FROM vouchers WHERE redeemed_at IS NULL "
                       "ORDER BY expires_on DESC").fetchone()[0]
    raw.close()
    return str(code)


# command, fault, the SQL it hits; "{db}" "{tmp}" "{code}" are filled in
CASES: list[tuple[str, list[str], str, str]] = [
    ("audit", ["audit", "verify"], IO_ERROR, r"FROM audit_log"),
    ("voucher show", ["voucher", "show", "{code}"], IO_ERROR, r"FROM vouchers"),
    ("voucher redeem", ["voucher", "redeem", "{code}", "--pin-stdin"], DISK_FULL, WRITES),
    ("staff", ["staff", "list"], IO_ERROR, r"FROM staff"),
    ("report", ["report", "--date", "2026-11-20", "--out", "{tmp}/day.pdf"], IO_ERROR,
     r"FROM complaints"),
    ("letter", ["letter", "--kind", "birthday", "--customer", "3", "--staff", "1",
                "--out", "{tmp}/letter.pdf"], DISK_FULL, WRITES),
    ("import", ["import", "customers", "{tmp}/in.csv"], DISK_FULL, WRITES),
    ("settings show", ["settings", "show"], IO_ERROR, r"FROM shop_settings"),
    ("check", ["check"], IO_ERROR, r"integrity_check"),
    ("backup", ["backup", "--to", "{tmp}"], IO_ERROR, r"FROM \[customers\]"),
    ("backups", ["backups"], IO_ERROR, r"FROM shop_settings"),
    ("customer export", ["customer", "export", "1", "--out", "{tmp}/c"], IO_ERROR,
     r"FROM customers"),
    ("customer erase", ["customer", "erase", "1", "--reason", "asked", "--pin-stdin"],
     DISK_FULL, WRITES),
    ("shop list", ["shop", "list"], IO_ERROR, r"FROM shops"),
    ("shop add", ["shop", "add", "Bar", "--pin-stdin"], DISK_FULL, WRITES),
    ("bench", ["bench", "--customers", "2", "--purchase-items", "1", "--no-startup"],
     IO_ERROR, r"_bench_meta"),
]


@pytest.mark.parametrize(("name", "command", "fault", "sql"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_command_says_one_sentence_and_exits_2(
    shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], name: str, command: list[str], fault: str, sql: str,
) -> None:
    (tmp_path / "in.csv").write_text("external_id,name\nX1,Newly Imported\n", encoding="utf-8")
    code = _voucher_code(shop)
    args = [a.format(tmp=tmp_path, code=code) for a in command]
    armed = {"on": False}
    real_open = connection.open_database

    def open_then_arm(*a: Any, **k: Any) -> Any:
        db = real_open(*a, **k)  # the fault strikes after the file was opened
        armed["on"] = True
        return db

    monkeypatch.setattr(connection, "open_database", open_then_arm)
    monkeypatch.setattr("sys.stdin", _Stdin(MANAGER_PIN + "\n"))  # for --pin-stdin
    if name == "bench":
        armed["on"] = True  # the benchmark's first look at the file fails
    with faulty_sqlite(monkeypatch, fault, sql, armed=lambda: armed["on"]):
        status = main([*args, "--db", str(shop)])
    assert status == 2
    sentence = one_sentence(capsys.readouterr().err, shop)
    assert ("full" in sentence) if fault == DISK_FULL else ("input/output" in sentence)
    if name == "report":
        assert not list(tmp_path.glob("*.pdf"))


def test_demo_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    with faulty_sqlite(monkeypatch, DISK_FULL, r"INSERT INTO customers"):
        assert main(["demo", "--customers", "5", "--db", str(path)]) == 2
    assert "full" in one_sentence(capsys.readouterr().err, path)
    db = open_database(path)  # nothing half-written: the demo is one transaction
    assert db.execute("SELECT count(*) FROM staff").fetchone()[0] == 0
    db.close()


def test_settings_change_on_a_full_disk(shop: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(MANAGER_PIN + "\n"))
    with faulty_sqlite(monkeypatch, DISK_FULL, r"INSERT INTO shop_settings|COMMIT"):
        status = main(["settings", "set", "shop_name", "Elsewhere", "--pin-stdin",
                       "--db", str(shop)])
    assert status == 2
    assert "full" in one_sentence(capsys.readouterr().err, shop)


class _Stdin:
    def __init__(self, text: str) -> None:
        self.text = text

    def readline(self) -> str:
        return self.text


def test_the_window_cannot_open_a_failing_disk(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with faulty_sqlite(monkeypatch, IO_ERROR, r"sqlite_master"):
        assert main(["run", "--quit-when-shown", "--db", str(shop)]) == 2
    assert "input/output" in one_sentence(capsys.readouterr().err, shop)


def test_the_gallery_on_a_full_disk_names_its_own_database(
    shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The gallery builds a demo shop in a temporary folder: that file is the one named."""
    import tempfile

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    with faulty_sqlite(monkeypatch, DISK_FULL, r"INSERT INTO customers"):
        status = main(["gallery", "--out", str(tmp_path / "shots"), "--size", "1024x768",
                       "--language", "en", "--db", str(shop)])
    assert status == 2
    sentence = one_sentence(capsys.readouterr().err, temp)
    assert "full" in sentence and "template.sqlite" in sentence
    assert str(shop) not in sentence


def test_every_command_is_covered() -> None:
    # db: `db init` works on a PostgreSQL server, never on a SQLite file that could fill up
    names = {c[1][0] for c in CASES} | {"demo", "settings", "run", "gallery", "db"}
    assert {m.removeprefix("console.cmd_") for m in COMMAND_MODULES} <= names


def test_an_error_from_the_operating_system_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PDF written to a full disk (OSError ENOSPC) is a sentence too."""
    path = make_shop(tmp_path / "shop.sqlite", customers=3)
    out = tmp_path / "day.pdf"

    def no_space(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(out))

    monkeypatch.setattr(os, "replace", no_space)
    monkeypatch.setattr(os, "rename", no_space)
    assert main(["report", "--date", "2026-11-20", "--out", str(out), "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(out) in err


# ------------------------------------------------------------------ the data API and window


def test_a_write_on_a_full_disk_rolls_back_and_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.customers.records import create_customer
    from db.models import CustomerInput

    path = tmp_path / "shop.sqlite"
    armed = {"on": False}
    with faulty_sqlite(monkeypatch, DISK_FULL, r"INSERT INTO customer_fts",
                       armed=lambda: armed["on"]):
        db = open_database(path)
        armed["on"] = True
        with pytest.raises(DiskFull) as info:
            create_customer(db, CustomerInput(name="Anna"))
        assert str(path) in str(info.value)
        assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
        db.close()


def test_the_window_shows_one_sentence_when_a_save_hits_a_failing_disk(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui_helpers import make_ctx
    from widgets.customer_form import CustomerForm

    path = tmp_path / "shop.sqlite"
    armed = {"on": False}
    with faulty_sqlite(monkeypatch, IO_ERROR, r"INSERT INTO customers",
                       armed=lambda: armed["on"]):
        db = open_database(path)
        armed["on"] = True
        ctx, dialogs = make_ctx(db)
        form = CustomerForm(ctx)
        qtbot.addWidget(form)
        form.name_edit.setText("Anna Virtanen")
        assert form.save() is None
        assert form.name_edit.text() == "Anna Virtanen"  # what was typed stays
        assert len(dialogs.shown) == 1
        assert str(path) in dialogs.shown[0].text and "input/output" in dialogs.shown[0].text
        db.close()


@pytest.mark.parametrize("fault", [DISK_FULL, IO_ERROR])
def test_describe_fault_uses_sqlites_error_code(fault: str) -> None:
    from db.store.faults import describe_sqlite_error

    known = describe_sqlite_error(sqlite3.OperationalError(fault), "shop.sqlite")
    assert isinstance(known, DiskFull if fault == DISK_FULL else DiskIOError)
    assert describe_sqlite_error(sqlite3.OperationalError("no such column: x"), "s") is None


# ------------------------------------------------------------------ read-only file system


def _read_only_file_system(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Callable[[], None]:
    """As on a read-only mount: nothing in `folder` is writable, and SQLite cannot create
    the -shm file a WAL database needs unless the file is opened as immutable."""
    real_access = os.access
    monkeypatch.setattr(
        connection.os, "access",
        lambda p, mode, *a, **k: False if mode & os.W_OK and Path(p).parent == folder
        else real_access(p, mode, *a, **k),
    )
    real_connect = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        text = str(database)
        if kwargs.get("uri") and "mode=ro" in text and "immutable=1" not in text:
            conn = real_connect(":memory:")
            conn.close()  # any use raises, like "unable to open database file"
            raise_on_use = sqlite3.OperationalError("unable to open database file")

            class Refusing(sqlite3.Connection):
                def execute(self, *_a: Any, **_k: Any) -> sqlite3.Cursor:
                    raise raise_on_use

            return real_connect(":memory:", factory=Refusing)
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    return lambda: monkeypatch.setattr(sqlite3, "connect", real_connect)


def test_a_read_only_file_system_opens_read_only(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found this way: every command failed there, `audit verify` included."""
    before = digest(shop)
    _read_only_file_system(monkeypatch, shop.parent)
    db = open_database(shop)
    assert is_read_only(db)
    db.close()
    assert main(["audit", "verify", "--db", str(shop)]) == 0
    assert "verifies" in capsys.readouterr().out
    assert main(["voucher", "show", _voucher_code(shop), "--db", str(shop)]) == 0
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", _Stdin(MANAGER_PIN + "\n"))
    assert main(["voucher", "redeem", _voucher_code(shop), "--pin-stdin",
                 "--db", str(shop)]) == 2
    assert "read-only" in one_sentence(capsys.readouterr().err, shop)
    assert digest(shop) == before


def test_a_read_only_file_system_with_unsaved_changes_in_the_wal_is_explained(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Path(f"{shop}-wal").write_bytes(b"\0" * 100)
    _read_only_file_system(monkeypatch, shop.parent)
    assert main(["audit", "verify", "--db", str(shop)]) == 2
    assert "-wal" in one_sentence(capsys.readouterr().err, shop)


def test_a_failing_read_in_the_window_is_one_sentence_not_a_bug_report(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reads do not go through write(): show_error and the crash hook name the file."""
    from PySide6.QtWidgets import QWidget

    from console import app
    from widgets.dialogs import FakeDialogService, current_service, set_current_service
    from widgets.errors import show_error

    path = tmp_path / "shop.sqlite"
    open_database(path).close()
    dialogs = FakeDialogService()
    monkeypatch.setattr("widgets.dialogs._current", current_service())
    set_current_service(dialogs)
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, sqlite3.OperationalError(IO_ERROR))
    assert [d.kind for d in dialogs.shown] == ["warning"]
    assert str(path) in dialogs.shown[0].text and "input/output" in dialogs.shown[0].text
    boxes: list[str] = []
    monkeypatch.setattr(app.QMessageBox, "warning", lambda _p, _t, text: boxes.append(text))
    monkeypatch.setattr(app.QMessageBox, "critical", lambda *_a: pytest.fail("bug dialog"))
    app._crash_hook(sqlite3.OperationalError, sqlite3.OperationalError(DISK_FULL), None)
    assert len(boxes) == 1 and str(path) in boxes[0] and "full" in boxes[0]
