"""The window's save dialogs go through the same safe output as the command line.

Saving the report (PDF, CSV) or a letter onto the open database, its WAL, a device or
another SQLite file is refused with a message and nothing is touched; a letter whose record
is refused leaves no PDF behind.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db import clock
from db.errors import DatabaseReadOnly
from db.security.sign_in import SignIn
from db.security.staff import get_staff
from db.settings import load_settings
from tests.conftest import FIXED_NOW
from tests.letters_support import add_visits, make_customer, make_shop
from tests.report_fixtures import seed_mix
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService
from widgets.letter_preview import LetterPreview
from widgets.report_panel import ReportPanel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

DAY = date(2026, 11, 22)


def _db_file(db: Database) -> Path:
    return Path(str(db.execute("PRAGMA database_list").fetchone()[2]))


def _errors(dialogs: FakeDialogService) -> str:
    return " ".join(dialogs.texts_of("critical") + dialogs.texts_of("warning")
                    + dialogs.texts_of("information"))


def _targets(db_file: Path) -> list[Path]:
    other = db_file.parent / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    link = db_file.parent / "link.pdf"
    link.symlink_to(db_file)
    targets = [db_file, Path(f"{db_file}-wal"), link, other]
    if Path("/dev/full").exists():
        targets.append(Path("/dev/full"))
    return targets


def _snapshot(path: Path) -> tuple[int, int, int]:
    st = os.stat(path)
    return st.st_mode, st.st_ino, st.st_size if stat.S_ISREG(st.st_mode) else 0


def test_report_panel_refuses_the_database_and_devices(
    qtbot: QtBot, fresh_db: Database, fixed_clock: datetime,
) -> None:
    ids = seed_mix(fresh_db, DAY, days_back=1)
    dialogs = FakeDialogService()
    manager = get_staff(fresh_db, ids["manager"])
    signed = SignIn(staff=manager, with_pin=True)  # manager screens need a PIN sign-in
    ctx = AppContext(db=fresh_db, current_staff=lambda: manager,
                     current_sign_in=lambda: signed, dialogs=dialogs,
                     settings=load_settings(fresh_db))
    panel = ReportPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.open()
    panel.set_range(DAY, DAY)
    with qtbot.waitSignal(panel.report_ready, timeout=60_000):
        panel.generate()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=10_000)
    db_file = _db_file(fresh_db)
    complaints = fresh_db.execute("SELECT count(*) FROM complaints").fetchone()[0]
    for target in _targets(db_file):
        before = _snapshot(target)
        dialogs.paths.append(str(target))
        assert panel.save_pdf() is None
        dialogs.paths.append(str(target))
        assert panel.save_csv() is None
        assert _snapshot(target) == before
        assert "nothing was written" in _errors(dialogs)
    assert "console's database" in _errors(dialogs) and "SQLite database" in _errors(dialogs)
    assert fresh_db.execute("SELECT count(*) FROM complaints").fetchone()[0] == complaints
    assert not [p for p in db_file.parent.iterdir() if p.name.endswith(".part")]
    saved = db_file.parent / "day.pdf"
    dialogs.paths.append(str(saved))
    assert panel.save_pdf() == saved and stat.S_IMODE(saved.stat().st_mode) == 0o600


@pytest.fixture
def letters(fresh_db: Database) -> Iterator[tuple[LetterPreview, FakeDialogService, int]]:
    clock.set_clock(lambda: FIXED_NOW)
    shop = make_shop(fresh_db)
    customer = make_customer(fresh_db, "Kaisa Koski", "fi")
    add_visits(fresh_db, customer, 2)
    dialogs = FakeDialogService()
    clerk = get_staff(fresh_db, shop.clerk_id)
    widget = LetterPreview(AppContext(db=fresh_db, current_staff=lambda: clerk,
                                      dialogs=dialogs))
    widget.resize(1200, 800)
    yield widget, dialogs, customer
    clock.set_clock(None)


def test_letter_save_refuses_the_database_and_keeps_nothing(
    qtbot: QtBot, fresh_db: Database, letters: tuple[LetterPreview, FakeDialogService, int],
) -> None:
    widget, dialogs, customer = letters
    qtbot.addWidget(widget)
    widget.open_for(customer_id=customer)
    for target in _targets(_db_file(fresh_db)):
        before = _snapshot(target)
        dialogs.paths.append(str(target))
        assert widget.save_letter() is None
        assert _snapshot(target) == before
    assert "console's database" in _errors(dialogs)
    assert fresh_db.execute("SELECT count(*) FROM letters").fetchone()[0] == 0


def test_a_letter_whose_record_is_refused_leaves_no_pdf(
    qtbot: QtBot, fresh_db: Database, letters: tuple[LetterPreview, FakeDialogService, int],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    widget, dialogs, customer = letters
    qtbot.addWidget(widget)
    widget.open_for(customer_id=customer)

    def refused(*args: object, **kwargs: object) -> None:
        raise DatabaseReadOnly("The database is read-only; nothing was saved.")

    monkeypatch.setattr("widgets.letter_preview.record_letter", refused)
    target = tmp_path / "kiitos.pdf"
    dialogs.paths.append(str(target))
    assert widget.save_letter() is None
    assert "read-only" in _errors(dialogs)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_birthday_batch_save_refuses_the_database_and_a_refused_record_leaves_no_pdf(
    qtbot: QtBot, fresh_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.service_data_support import seed_staff as insert_staff
    from widgets.birthday_batch import BirthdayBatchPanel

    clock.set_clock(lambda: FIXED_NOW)  # Monday 23 November 2026
    try:
        make_customer(fresh_db, "Päivi Järvinen", "fi", birthday=(11, 25))
        staff = insert_staff(fresh_db, "Aino Staff", "staff")
        dialogs = FakeDialogService()
        panel = BirthdayBatchPanel(AppContext(db=fresh_db, current_staff=lambda: staff,
                                              dialogs=dialogs))
        qtbot.addWidget(panel)
        panel.reload()
        with qtbot.waitSignal(panel.batch_ready, timeout=20_000):
            panel.make_button.click()
        panel.wait()
        for target in _targets(_db_file(fresh_db)):
            before = _snapshot(target)
            dialogs.paths.append(str(target))
            assert panel.save_batch() is None
            assert _snapshot(target) == before
        assert "console's database" in _errors(dialogs)
        assert fresh_db.execute("SELECT count(*) FROM letters").fetchone()[0] == 0

        def refused(*args: object, **kwargs: object) -> None:
            raise DatabaseReadOnly("The database is read-only; nothing was saved.")

        monkeypatch.setattr("widgets.birthday_batch.record_letters", refused)
        target = tmp_path / "birthdays.pdf"
        dialogs.paths.append(str(target))
        assert panel.save_batch() is None
        assert not target.exists()
        monkeypatch.undo()
        dialogs.paths.append(str(target))
        records = panel.save_batch()
        assert records is not None and len(records) == 1
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    finally:
        clock.set_clock(None)
