"""The managers' import screen (#12): choose a file, see the mapping and the dry run, import
with progress and cancel while the window stays responsive. Drives the real db.imports.job
on a database file, with small CSV files."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.import_ui import PAGE_IMPORT
from console.main_window import PAGE_HOME, MainWindow
from db.imports.formats import ImportOptions, RefusedRow, shop_language
from db.imports.job import ImportPreview, ImportProgress, ImportReport
from db.models import Staff
from db.security.sign_in import SignIn
from tests.nav_support import open_window
from tests.service_ui_support import Team, make_team
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService
from widgets.import_kinds import ImportKind, customer_kind
from widgets.import_models import FIELD, ColumnMappingModel, ImportRowsModel
from widgets.import_panel import ImportPanel, field_label

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

HEADER = "external_id,name,phone,email\n"
GOOD = HEADER + ("c1,Aino Virtanen,040 123 4567,aino@example.com\n"
                 "c2,Emily Carter,+44 7700 900123,emily@example.com\n"
                 "c3,王小明,,\n")
BAD = HEADER + ("c1,Aino Virtanen,040 123 4567,aino@example.com\n"
                "c2,,,not-an-address\n"  # two problems: no name, a bad e-mail
                "c3,Emily Carter,,also bad\n")


@pytest.fixture
def team(fresh_db: Database, fixed_clock: datetime) -> Team:
    return make_team(fresh_db)


@pytest.fixture
def dialogs() -> FakeDialogService:
    return FakeDialogService()


def manager_ctx(db: Database, staff: Staff, dialogs: FakeDialogService,
                with_pin: bool = True) -> AppContext:
    return AppContext(db=db, current_staff=lambda: staff, dialogs=dialogs,
                      current_sign_in=lambda: SignIn(staff, with_pin),
                      console_id="test-console")


def make_panel(qtbot: QtBot, db: Database, team: Team, dialogs: FakeDialogService,
               **kwargs: Any) -> ImportPanel:
    panel = ImportPanel(manager_ctx(db, team.manager, dialogs), **kwargs)
    qtbot.addWidget(panel)
    panel.resize(1000, 640)
    panel.show()
    return panel


def write(tmp_path: Path, text: str, name: str = "customers.csv",
          encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def customers(db: Database) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in db.execute(
        "SELECT external_id, name, language FROM customers ORDER BY external_id")]


def choose(panel: ImportPanel, dialogs: FakeDialogService, path: Path) -> None:
    dialogs.paths.append(str(path))
    panel.choose_button.click()


def run_and_wait(qtbot: QtBot, panel: ImportPanel, button: Any) -> object:
    with qtbot.waitSignal(panel.finished, timeout=20_000) as blocker:
        button.click()
    return blocker.args[0] if blocker.args else None


def pick(combo: QComboBox, code: str) -> None:
    """What a tap on a choice of the combo does: select it and report it activated."""
    combo.setCurrentIndex(combo.findData(code))
    combo.activated.emit(combo.currentIndex())


# --------------------------------------------------------------------- who sees it


@pytest.fixture
def windows(fresh_db: Database) -> Iterator[list[MainWindow]]:
    made: list[MainWindow] = []
    yield made
    for win in made:
        win.close()


def test_only_a_manager_signed_in_with_a_pin_sees_and_opens_import(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow]) -> None:
    from console.cmd_run import install_extras

    win, dialogs = open_window(qtbot, fresh_db, windows, team.clerk)
    install_extras(win)
    assert "import" not in win.nav_rail.visible_keys()
    qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.current_page() == PAGE_HOME
    win.show_page(PAGE_IMPORT)  # even asked directly, the page stays closed
    assert win.current_page() == PAGE_HOME
    assert any("manager" in text for text in dialogs.texts_of("warning")
               + dialogs.texts_of("critical") + dialogs.texts_of("information"))

    win.session.sign_out()
    win.session.sign_in(team.manager, with_pin=False)  # tapped in: no manager screens
    assert "import" not in win.nav_rail.visible_keys()
    assert not win.import_ui.open_import()  # type: ignore[attr-defined]

    win.session.sign_out()
    win.session.sign_in(team.manager, with_pin=True)
    assert win.nav_rail.visible_keys()[-1] == "import"
    button = win.nav_rail.button("import")
    assert button.height() >= 44 and button.width() >= 44
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.current_page() == PAGE_IMPORT
    assert button.isChecked()
    win.go_home()
    qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_I,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.current_page() == PAGE_IMPORT
    panel = win.import_ui.panel  # type: ignore[attr-defined]
    assert panel.choose_button.hasFocus()  # keyboard-first: Enter chooses the file


@pytest.mark.both_engines  # the window's import on a server too
def test_a_manager_imports_from_the_window_and_the_counter_finds_them(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow],
        tmp_path: Path) -> None:
    from console.cmd_run import install_extras
    from console.main_window import PAGE_PROFILE

    win, dialogs = open_window(qtbot, fresh_db, windows, team.manager)
    install_extras(win)
    qtbot.mouseClick(win.nav_rail.button("import"), Qt.MouseButton.LeftButton)
    panel = win.import_ui.panel  # type: ignore[attr-defined]
    dialogs.paths.append(str(write(tmp_path, GOOD)))
    qtbot.keyClick(panel.choose_button, Qt.Key.Key_Space)  # keyboard: the focused button
    assert panel.import_button.isEnabled()
    run_and_wait(qtbot, panel, panel.import_button)
    assert panel.message.text() == "Import finished."
    win.focus_search()
    qtbot.keyClicks(win.search.field, "carter emily")
    qtbot.waitUntil(lambda: win.search.model.rowCount() > 0)
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert win.current_page() == PAGE_PROFILE
    assert win.profile_panel.name_label.text() == "Emily Carter"


def test_the_import_itself_needs_a_manager_with_a_pin(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    panel = ImportPanel(manager_ctx(fresh_db, team.manager, dialogs, with_pin=False))
    qtbot.addWidget(panel)
    panel.load_file(write(tmp_path, GOOD))
    assert not panel.start_import()
    assert not panel.is_running()
    assert customers(fresh_db) == []
    assert any("PIN" in text for d in ("warning", "critical") for text in dialogs.texts_of(d))


# --------------------------------------------------------------------- the preview


def test_choosing_a_file_shows_its_encoding_format_columns_and_first_rows(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path, qtmodeltester: ModelTester) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    assert not panel.check_button.isEnabled() and not panel.import_button.isEnabled()
    choose(panel, dialogs, write(tmp_path, GOOD, encoding="utf-16"))
    assert dialogs.shown[-1].kind == "open_file"  # through the dialog service, no real modal
    assert "customers.csv" in panel.file_label.text()
    assert "UTF-16" in panel.file_label.text()
    assert "Counterpart" in panel.file_label.text()  # the recognised format
    model = panel.mapping_model
    qtmodeltester.check(model)
    assert [(c.column, c.field, c.example) for c in model.rows()] == [
        ("external_id", "external_id", "c1"), ("name", "name", "Aino Virtanen"),
        ("phone", "phone", "040 123 4567"), ("email", "email", "aino@example.com")]
    assert model.data(model.index(1, FIELD)) == field_label("name") == "Name"
    combo = panel.field_editor("phone")  # a combo per row, as tall as a finger needs
    assert combo is not None and combo.currentData() == "phone"
    assert combo.itemText(0) == "(not imported)"
    assert panel.mapping_view.rowHeight(0) >= 44
    rows = panel.rows_model
    qtmodeltester.check(rows)
    assert rows.rowCount() == 3
    first = rows.item_at(0)
    assert first is not None and first.line == 2 and "Aino Virtanen" in first.summary
    assert first.problems == ()
    assert panel.check_button.isEnabled() and panel.import_button.isEnabled()
    assert customers(fresh_db) == []  # a preview writes nothing


def test_changing_where_a_column_goes_rebuilds_the_preview_with_that_mapping(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    real = customer_kind()
    seen: list[ImportOptions] = []
    runs: list[ImportOptions] = []

    def preview(db: Database, path: Path, options: ImportOptions) -> ImportPreview:
        seen.append(options)
        return real.preview(db, path, options)

    def run(db: Database, path: Path, options: ImportOptions, **kw: Any) -> ImportReport:
        runs.append(options)
        return real.run(db, path, options, **kw)

    kind = ImportKind("customers", preview, run, real.fields)
    panel = make_panel(qtbot, fresh_db, team, dialogs, kinds={"customers": kind})
    choose(panel, dialogs, write(tmp_path, GOOD))
    assert seen[-1].mapping is None  # first: the format recognised from the header
    combo = panel.field_editor("phone")
    assert combo is not None
    pick(combo, "")  # "(not imported)"
    assert len(seen) == 2
    assert seen[-1].mapping == {"external_id": "external_id", "name": "name", "phone": "",
                                "email": "email"}
    assert panel.mapping_model.rows()[2].field is None  # the choice stays on screen
    combo = panel.field_editor("phone")
    assert combo is not None and combo.currentData() == ""
    assert panel.mapping_model.set_field("email", "preferences")
    assert seen[-1].mapping is not None and seen[-1].mapping["email"] == "preferences"
    assert not panel.mapping_model.set_field("email", "no_such_field")  # refused
    run_and_wait(qtbot, panel, panel.check_button)
    assert runs[-1].mapping == seen[-1].mapping  # the check uses what is on screen


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise()", "grabbing the keyboard")
def test_the_mapping_works_from_the_keyboard(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.load_file(write(tmp_path, GOOD))
    view = panel.mapping_view
    view.setFocus()
    view.setCurrentIndex(panel.mapping_model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)  # to the "name" row
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_Return)  # its combo opens
    combo = panel.field_editor("name")
    assert combo is not None and combo.view().isVisible()
    combo.hidePopup()
    assert combo.hasFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next of our fields
    assert panel.user_mapping is not None and panel.user_mapping["name"] == "phone"
    assert panel.field_editor("name") is combo and combo.hasFocus()  # focus stays put
    qtbot.keyClick(combo, Qt.Key.Key_Tab)  # back to the table, then on past it
    assert panel.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert panel.focusWidget() is not view and not isinstance(panel.focusWidget(), QComboBox)
    assert panel.mapping_model.rows()[1].field == "phone"


def test_columns_it_does_not_know_are_listed_with_their_problems_and_can_be_mapped(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    text = "external_id,Full name,phone\nc1,Aino Virtanen,040 123 4567\n"
    assert not panel.load_file(write(tmp_path, text))
    assert [(c.column, c.field) for c in panel.mapping_model.rows()] == [
        ("external_id", "external_id"), ("Full name", None), ("phone", "phone")]
    problems = [p for row in panel.rows_model.rows() for p in row.problems]
    assert any("gives the name" in p for p in problems)  # what is missing, said once
    assert "choose where each one goes" in panel.message.text()
    assert panel.check_button.isEnabled()  # the file can be mapped and checked
    assert panel.mapping_model.set_field("Full name", "name")
    assert panel.user_mapping == {"external_id": "external_id", "Full name": "name",
                                  "phone": "phone"}
    assert panel.mapping_model.rows()[1].field == "name"


def test_the_shops_language_is_offered_for_rows_without_one(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    assert shop_language(panel.ctx.settings) == "fi"  # fi_FI, the default shop
    assert panel.language_box.currentData() is None
    assert "Suomi" in panel.language_box.currentText()
    assert panel.options().default_language == "fi" and panel.options().region == "FI"
    choose(panel, dialogs, write(tmp_path, GOOD))
    panel.set_language("zh-TW")
    assert panel.options().language == "zh-TW"
    run_and_wait(qtbot, panel, panel.import_button)
    assert {language for _id, _name, language in customers(fresh_db)} == {"zh-TW"}


def test_shop_language_follows_the_locale() -> None:
    from db.models import ShopSettings

    assert shop_language(ShopSettings(locale="zh_TW")) == "zh-TW"
    assert shop_language(ShopSettings(locale="zh_CN")) == "zh-CN"
    assert shop_language(ShopSettings(locale="en_GB")) == "en"
    assert shop_language(ShopSettings(locale="sv_SE")) == "en"


# --------------------------------------------------------------------- the dry run


@pytest.mark.both_engines  # the window's import on a server too
def test_check_counts_the_rows_and_lists_every_refused_row_with_all_its_problems(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    choose(panel, dialogs, write(tmp_path, BAD))
    assert not panel.save_refused_button.isVisible()
    outcome = run_and_wait(qtbot, panel, panel.check_button)
    assert isinstance(outcome, ImportReport) and outcome.dry_run
    rows = {r.line: r.problems for r in panel.rows_model.rows()}
    assert set(rows) == {3, 4}
    assert len(rows[3]) == 2  # no name and a bad e-mail, both at once
    assert any(p.startswith("name") for p in rows[3])
    assert any(p.startswith("email") for p in rows[3])
    assert "Refused rows: 2" in panel.rows_title.text()
    assert "Rows: 3" in panel.counts.text() and "Refused: 2" in panel.counts.text()
    assert "2 rows refused" in panel.message.text()
    assert panel.save_refused_button.isVisible()
    assert customers(fresh_db) == []  # a dry run writes nothing


class FakeErrorsFile:
    def __init__(self, target: Path, header: tuple[str, ...], databases: list[Path]) -> None:
        self.target, self.header, self.databases = target, header, databases
        self.rows: list[RefusedRow] = []
        self.finished = False
        self.discarded = False
        OPENED.append(self)

    def add(self, row: RefusedRow) -> None:
        self.rows.append(row)

    def finish(self) -> None:
        self.finished = True

    def discard(self) -> None:
        self.discarded = True


OPENED: list[FakeErrorsFile] = []


def test_save_refused_rows_sends_every_refused_row_to_the_chosen_file(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    OPENED.clear()
    panel = make_panel(qtbot, fresh_db, team, dialogs, errors_file=FakeErrorsFile)
    choose(panel, dialogs, write(tmp_path, BAD))
    run_and_wait(qtbot, panel, panel.check_button)
    target = tmp_path / "fix-me.csv"
    dialogs.paths.append(str(target))
    run_and_wait(qtbot, panel, panel.save_refused_button)
    assert dialogs.shown[-1].kind == "save_file"
    assert dialogs.shown[-1].text.endswith("customers-refused.csv")  # suggested beside it
    (errors,) = OPENED
    assert errors.target == target
    assert errors.header == ("external_id", "name", "phone", "email")
    assert Path(fresh_db.execute("PRAGMA database_list").fetchone()[2]) in errors.databases
    assert [r.line for r in errors.rows] == [3, 4]
    assert errors.finished and not errors.discarded
    assert "saved" in panel.message.text()
    dialogs.paths.append(None)  # the person changes their mind: nothing is written
    assert not panel.save_refused_rows()
    assert len(OPENED) == 1


def test_saving_refused_rows_writes_them_with_line_and_reason(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    """The real writer: the refused rows as they were, plus line and reason, to fix and
    import again; the good rows are not in it."""
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    choose(panel, dialogs, write(tmp_path, BAD))
    run_and_wait(qtbot, panel, panel.check_button)
    target = tmp_path / "fix-me.csv"
    dialogs.paths.append(str(target))
    run_and_wait(qtbot, panel, panel.save_refused_button)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][-2:] == ["line", "reason"]
    assert [r[-2] for r in rows[1:]] == ["3", "4"]
    assert all(r[-1] for r in rows[1:])
    assert "saved" in panel.message.text()


# --------------------------------------------------------------------- the import


@pytest.mark.both_engines  # the window's import on a server too
def test_import_adds_the_customers_and_says_so(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    changes: list[tuple[str, int]] = []
    panel.ctx.bus.data_changed.connect(lambda entity, id_: changes.append((entity, id_)))
    choose(panel, dialogs, write(tmp_path, GOOD))
    outcome = run_and_wait(qtbot, panel, panel.import_button)
    assert isinstance(outcome, ImportReport) and not outcome.dry_run
    assert customers(fresh_db) == [("c1", "Aino Virtanen", "fi"), ("c2", "Emily Carter", "fi"),
                                   ("c3", "王小明", "zh-CN")]  # never silently fi
    assert panel.message.text() == "Import finished."
    assert "Added: 3" in panel.counts.text()
    assert changes == [("customer", 0)]  # search, home and profiles refresh
    assert not panel.progress.isVisible() and not panel.cancel_button.isVisible()
    # the same file again changes nothing
    outcome = run_and_wait(qtbot, panel, panel.import_button)
    assert isinstance(outcome, ImportReport) and outcome.unchanged == 3
    assert "Unchanged: 3" in panel.counts.text()


@pytest.mark.both_engines  # the window's import on a server too
def test_a_file_with_refused_rows_imports_nothing(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    choose(panel, dialogs, write(tmp_path, BAD))
    run_and_wait(qtbot, panel, panel.import_button)
    assert customers(fresh_db) == []
    assert "nothing was imported" in panel.message.text()
    assert {r.line for r in panel.rows_model.rows()} == {3, 4}


def _slow_kind(gate: threading.Event, writing: bool, reached: threading.Event,
               reports: list[ImportProgress]) -> ImportKind:
    """The real import, held at its first progress report (with `writing`: the first after
    the rows were checked) until `gate` opens."""
    real = customer_kind()

    def run(db: Database, path: Path, options: ImportOptions, *, progress: Any,
            **kw: Any) -> ImportReport:
        def held(report: ImportProgress) -> None:
            progress(report)
            reports.append(report)
            if (report.stage != "checking" or not writing) and not reached.is_set():
                reached.set()
                gate.wait(20)

        return real.run(db, path, options, progress=held, **kw)

    return replace(real, run=run)


def test_the_screen_takes_its_functions_by_kind(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    calls: list[tuple[str, bool]] = []

    def preview(db: Database, path: Path, options: ImportOptions) -> ImportPreview:
        calls.append(("preview", False))
        return customer_kind().preview(db, path, options)

    def run(db: Database, path: Path, options: ImportOptions, *, dry_run: bool = False,
            **kw: Any) -> ImportReport:
        calls.append(("run", dry_run))
        return ImportReport("purchases", "counterpart", rows=2, added=1, unchanged=1)

    purchases = ImportKind("purchases", preview, run, ("receipt_id", "purchased_at"))
    panel = make_panel(qtbot, fresh_db, team, dialogs,
                       kinds={"customers": customer_kind(), "purchases": purchases})
    changes: list[str] = []
    panel.ctx.bus.data_changed.connect(lambda entity, _id: changes.append(entity))
    assert [panel.kind_box.itemData(i) for i in range(2)] == ["customers", "purchases"]
    panel.set_kind("purchases")
    assert panel.language_box.isHidden()  # purchases carry no language
    panel.load_file(write(tmp_path, GOOD))
    assert panel.mapping_model.choices()[1:] == [("Receipt or order id", "receipt_id"),
                                                 ("Date and time", "purchased_at")]
    run_and_wait(qtbot, panel, panel.check_button)
    run_and_wait(qtbot, panel, panel.import_button)
    assert calls == [("preview", False), ("run", True), ("run", False)]
    assert "Added: 1" in panel.counts.text() and "Unchanged: 1" in panel.counts.text()
    assert changes == ["purchase"]
    assert customers(fresh_db) == []


def _many_rows(tmp_path: Path, count: int = 2500) -> Path:
    lines = [f"c{i},Customer {i},,\n" for i in range(count)]
    return write(tmp_path, HEADER + "".join(lines), "many.csv")


@pytest.mark.parametrize("writing", [False, True], ids=["while-checking", "while-writing"])
@pytest.mark.both_engines  # the window's import on a server too
def test_cancel_leaves_nothing_and_the_window_stays_responsive(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path, writing: bool) -> None:
    gate, reached = threading.Event(), threading.Event()
    reports: list[ImportProgress] = []
    panel = make_panel(qtbot, fresh_db, team, dialogs,
                       kinds={"customers": _slow_kind(gate, writing, reached, reports)})
    panel.load_file(_many_rows(tmp_path))
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    try:
        panel.import_button.click()
        assert panel.is_running()
        assert panel.cancel_button.isVisible() and panel.progress.isVisible()
        assert not panel.import_button.isEnabled() and not panel.choose_button.isEnabled()
        qtbot.waitUntil(reached.is_set, timeout=20_000)
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5_000)  # the event loop runs
        qtbot.waitUntil(lambda: panel.stage_label.text() == panel._stage_text(reports[-1]),
                        timeout=5_000)  # the engine's progress reached the window
        with qtbot.waitSignal(panel.finished, timeout=20_000) as blocker:
            qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
            gate.set()
    finally:
        gate.set()
        timer.stop()
    outcome = blocker.args[0]
    assert isinstance(outcome, ImportReport) and outcome.cancelled
    assert customers(fresh_db) == []
    assert panel.message.text() == "Cancelled: nothing was imported."
    assert panel.path is not None and panel.path.name == "many.csv"  # nothing chosen is lost
    assert panel.import_button.isEnabled()


def test_progress_shows_the_stage_and_how_far(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    panel.show_progress(ImportProgress("merging", 250, 1000))
    assert (panel.progress.minimum(), panel.progress.maximum()) == (0, 1000)
    assert panel.progress.value() == 250
    n = QLocale().toString  # the screen language's digits and grouping
    assert panel.stage_label.text() == f"Saving: 250 of {n(1000)}"
    panel.show_progress(ImportProgress("checking", 3000, None))
    assert panel.progress.maximum() == 0  # busy: the total is not known yet
    assert panel.stage_label.text() == f"Checking rows: {n(3000)}"


# --------------------------------------------------------------------- failures


def test_a_file_that_cannot_be_read_is_one_sentence_and_the_choices_stay(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    panel.set_language("en")
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\x00\x00\x01\x02" * 100)
    choose(panel, dialogs, binary)
    text = panel.message.text()
    assert text.startswith("Nothing was imported") and "\n" not in text
    assert "not a text file" in text
    assert not panel.import_button.isEnabled()
    assert panel.language_box.currentData() == "en"  # what was chosen stays

    good = write(tmp_path, GOOD)
    choose(panel, dialogs, good)
    good.write_text("external_id,nickname\nc1,Ainoski\n", encoding="utf-8")  # changed since
    outcome = run_and_wait(qtbot, panel, panel.import_button)
    assert outcome.__class__.__name__ == "ImportFailed"
    text = panel.message.text()
    assert text.startswith("Nothing was imported") and "\n" not in text
    assert any("gives the name" in p for r in panel.rows_model.rows() for p in r.problems)
    assert customers(fresh_db) == []
    assert panel.path == good and panel.language_box.currentData() == "en"

    good.unlink()  # gone before the import starts
    outcome = run_and_wait(qtbot, panel, panel.import_button)
    assert isinstance(outcome, OSError)
    assert panel.message.text().startswith("The file cannot be read")
    assert "\n" not in panel.message.text()


def test_the_models_answer_every_role(qtmodeltester: ModelTester) -> None:
    mapping = ColumnMappingModel(field_label)
    mapping.set_fields(("name", "phone"))
    qtmodeltester.check(mapping)
    rows = ImportRowsModel()
    rows.set_items([RefusedRow(2, ("x", ""), ("name: required", "email: not an address"))])
    qtmodeltester.check(rows)
    index = rows.index(0, 1)
    assert rows.data(index) == "name: required\nemail: not an address"  # one a line
    assert rows.data(index, Qt.ItemDataRole.ToolTipRole) == (
        "name: required\nemail: not an address")


# --------------------------------------------------------------------- interrupted imports


def _interrupt_an_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db: Database,
                         rows: int = 200) -> None:
    """An import of `rows` customers whose merge met a full disk after about 80 and could
    not undo: it waits, some of its customers in the shop."""
    from console.import_bench_data import write_customer_csv
    from tests.import_support import interrupt_with_full_disk

    source = tmp_path / "big.csv"
    write_customer_csv(source, rows)
    file = Path(str(db.execute("PRAGMA database_list").fetchone()[2]))
    interrupt_with_full_disk(monkeypatch, file, source)


def count_customers(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM customers").fetchone()[0])


def test_an_interrupted_import_is_named_and_finished_from_the_window(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _interrupt_an_import(tmp_path, monkeypatch, fresh_db)
    part = count_customers(fresh_db)
    assert 80 <= part < 200
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    assert panel.waiting_label.isVisible() and panel.resume_button.isVisible()
    assert f"{part} of 200 customers added" in panel.waiting_label.text()
    assert "big.csv" in panel.waiting_label.text()
    choose(panel, dialogs, write(tmp_path, GOOD))
    assert not panel.import_button.isEnabled()  # settle the interrupted one first
    assert "once the interrupted import above is finished or removed" in panel.message.text()
    assert panel.check_button.isEnabled()  # a check writes nothing: it may run
    changes: list[tuple[str, int]] = []
    panel.ctx.bus.data_changed.connect(lambda entity, id_: changes.append((entity, id_)))
    outcome = run_and_wait(qtbot, panel, panel.resume_button)
    assert isinstance(outcome, ImportReport) and not outcome.cancelled
    assert count_customers(fresh_db) == 200
    assert panel.message.text() == "Import finished."
    assert not panel.waiting_label.isVisible() and not panel.resume_button.isVisible()
    assert panel.import_button.isEnabled()
    assert changes == [("customer", 0)]


def test_an_interrupted_import_is_removed_from_the_window_after_a_yes(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _interrupt_an_import(tmp_path, monkeypatch, fresh_db)
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    dialogs.answers.append(False)
    assert panel.remove_waiting() is False  # "no" keeps it
    assert count_customers(fresh_db) > 0 and panel.abandon_button.isVisible()
    dialogs.answers.append(True)
    outcome = run_and_wait(qtbot, panel, panel.abandon_button)
    assert isinstance(outcome, ImportReport) and outcome.cancelled
    assert count_customers(fresh_db) == 0
    assert "interrupted import is removed" in panel.message.text()
    assert not panel.abandon_button.isVisible()


def test_finishing_or_removing_it_needs_a_manager_with_a_pin(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _interrupt_an_import(tmp_path, monkeypatch, fresh_db)
    panel = ImportPanel(manager_ctx(fresh_db, team.manager, dialogs, with_pin=False))
    qtbot.addWidget(panel)
    part = count_customers(fresh_db)
    assert panel.finish_waiting() is False and panel.remove_waiting() is False
    assert count_customers(fresh_db) == part
    assert panel.waiting is not None


def test_a_full_disk_in_the_windows_import_says_it_waits_and_offers_both(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from console.import_bench_data import write_customer_csv
    from db.imports import job as import_job
    from tests.hostile_support import DISK_FULL, WRITES, faulty_sqlite

    monkeypatch.setattr(import_job, "PAUSE_SECONDS", 0.0)
    monkeypatch.setattr(import_job, "FIRST_SLICE_ROWS", 40)
    slices = {"n": 0}
    real = import_job._Job._slice

    def counted(self: Any, size: int, step: Any) -> Any:
        slices["n"] += 1
        return real(self, size, step)

    monkeypatch.setattr(import_job._Job, "_slice", counted)
    source = tmp_path / "big.csv"
    write_customer_csv(source, 200)
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    choose(panel, dialogs, source)
    with faulty_sqlite(monkeypatch, DISK_FULL, WRITES, armed=lambda: slices["n"] >= 3):
        run_and_wait(qtbot, panel, panel.import_button)
    text = panel.message.text()
    assert "is full" in text and "Nothing was imported" not in text
    assert panel.waiting_label.isVisible() and panel.resume_button.isVisible()
    outcome = run_and_wait(qtbot, panel, panel.resume_button)
    assert isinstance(outcome, ImportReport) and count_customers(fresh_db) == 200


def test_finishing_an_import_whose_checked_rows_are_gone_says_so_without_nothing_imported(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    _interrupt_an_import(tmp_path, monkeypatch, fresh_db)
    stage = str(fresh_db.execute("SELECT stage_path FROM imports WHERE state = 'merging'")
                .fetchone()[0])
    os.unlink(stage)  # someone tidied the folder
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    run_and_wait(qtbot, panel, panel.resume_button)
    text = panel.message.text()
    assert "are gone" in text and "Nothing was imported" not in text
    assert panel.abandon_button.isVisible()  # removing it still works
    run_and_wait(qtbot, panel, panel.abandon_button)
    assert count_customers(fresh_db) == 0


def test_an_import_cut_short_at_another_till_shows_when_the_screen_opens(
        qtbot: QtBot, fresh_db: Database, team: Team, windows: list[MainWindow],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from console.cmd_run import install_extras

    win, _dialogs = open_window(qtbot, fresh_db, windows, team.manager)
    install_extras(win)
    panel = win.import_ui.panel  # type: ignore[attr-defined]
    assert panel.waiting is None
    _interrupt_an_import(tmp_path, monkeypatch, fresh_db)  # meanwhile, elsewhere
    assert win.import_ui.open_import()  # type: ignore[attr-defined]
    assert panel.waiting is not None and panel.resume_button.isVisible()


def test_an_import_cut_short_while_this_screen_was_open_is_named_at_the_next_try(
        qtbot: QtBot, fresh_db: Database, team: Team, dialogs: FakeDialogService,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = make_panel(qtbot, fresh_db, team, dialogs)
    choose(panel, dialogs, write(tmp_path, GOOD))
    _interrupt_an_import(tmp_path, monkeypatch, fresh_db)
    run_and_wait(qtbot, panel, panel.import_button)
    assert panel.message.text().startswith("Nothing was imported: an earlier import was "
                                           "interrupted")
    assert panel.resume_button.isVisible() and not panel.import_button.isEnabled()
    assert "c1" not in [row[0] for row in customers(fresh_db)]  # GOOD was not imported
