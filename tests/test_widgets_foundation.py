"""The shared UI plumbing: show_error, the run_op write path, the dialog service, the data
bus, money formatting, options and the session."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.options import OPTIONS, Options
from console.session import Session
from db.customers.records import create_customer
from db.errors import DatabaseLocked, NotFound, PermissionDenied, ValidationError
from db.models import CustomerInput
from tests.ui_helpers import make_ctx
from widgets import data_bus
from widgets.context import AppContext, format_money
from widgets.dialogs import FakeDialogService, current_service
from widgets.errors import show_error
from widgets.ops import run_op

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.field_errors: dict[str, str] = {}

    def show_field_errors(self, fields: dict[str, str]) -> None:
        self.field_errors = fields


def test_context_installs_its_dialog_service(memory_db: Database) -> None:
    ctx, dialogs = make_ctx(memory_db)
    assert current_service() is dialogs
    with pytest.raises(PermissionDenied, match="Nobody is signed in"):
        ctx.require_staff()


def test_show_error_known_errors_get_their_message(qtbot: QtBot, memory_db: Database) -> None:
    _ctx, dialogs = make_ctx(memory_db)
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, NotFound("There is no customer with id 9."))
    show_error(parent, DatabaseLocked("busy in another console"))
    show_error(parent, PermissionDenied("Only a manager can do that."))
    assert [(d.kind, d.title) for d in dialogs.shown] == [
        ("warning", "Not found"), ("warning", "Database problem"), ("warning", "Not allowed")]
    assert dialogs.shown[0].text == "There is no customer with id 9."


def test_show_error_validation_goes_to_the_form_fields(qtbot: QtBot, memory_db: Database) -> None:
    _ctx, dialogs = make_ctx(memory_db)
    form = Form()
    child = QWidget(form)
    qtbot.addWidget(form)
    show_error(child, ValidationError({"name": "A name is required."}))
    assert form.field_errors == {"name": "A name is required."}
    assert dialogs.shown == []
    show_error(None, ValidationError({"name": "A name is required."}))  # no form: a box
    assert dialogs.texts_of("warning") == ["A name is required."]


def test_show_error_bug_is_critical_and_says_nothing_was_saved(memory_db: Database) -> None:
    _ctx, dialogs = make_ctx(memory_db)
    show_error(None, RuntimeError("boom"))
    assert dialogs.shown[0].kind == "critical"
    assert "RuntimeError: boom" in dialogs.shown[0].text


def test_run_op_success_notifies_then_calls_back(memory_db: Database, qtbot: QtBot) -> None:
    ctx, dialogs = make_ctx(memory_db)
    order: list[str] = []
    ctx.bus.data_changed.connect(lambda e, i: order.append(f"{e}:{i}"))
    result = run_op(
        ctx, None, lambda: create_customer(memory_db, CustomerInput(name="Ada")),
        changed=lambda c: [(data_bus.CUSTOMER, c.id)],
        on_success=lambda c: order.append("done"),
    )
    assert result is not None and result.name == "Ada"
    assert order == [f"customer:{result.id}", "done"]
    assert dialogs.shown == []


def test_run_op_user_error_shows_and_writes_nothing(memory_db: Database) -> None:
    ctx, dialogs = make_ctx(memory_db)
    seen: list[object] = []
    ctx.bus.data_changed.connect(lambda e, i: seen.append(e))
    result = run_op(ctx, None, lambda: create_customer(memory_db, CustomerInput(name=" ")),
                    changed=[(data_bus.CUSTOMER, 0)], on_success=seen.append)
    assert result is None
    assert seen == []
    assert dialogs.texts_of("warning") == ["A name is required."]
    assert memory_db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0


def test_run_op_lets_bugs_through(memory_db: Database) -> None:
    ctx, _ = make_ctx(memory_db)
    with pytest.raises(ZeroDivisionError):
        run_op(ctx, None, lambda: 1 // 0)


def test_fake_dialogs_answer_from_queues() -> None:
    dialogs = FakeDialogService()
    dialogs.answers.extend([False])
    dialogs.texts.extend(["reason"])
    dialogs.paths.extend(["/tmp/x.pdf"])
    assert dialogs.question(None, "t", "q") is False
    assert dialogs.question(None, "t", "q") is True  # default
    assert dialogs.ask_text(None, "t", "why?") == "reason"
    assert dialogs.ask_text(None, "t", "why?") is None  # cancelled
    assert dialogs.save_file(None, "t", "a.pdf") == "/tmp/x.pdf"
    assert [d.kind for d in dialogs.shown] == [
        "question", "question", "ask_text", "ask_text", "save_file"]


def test_data_bus_concerns() -> None:
    assert data_bus.concerns("customer", 5, "customer", 5)
    assert data_bus.concerns("customer", data_bus.ANY_ID, "customer", 5)
    assert not data_bus.concerns("customer", 6, "customer", 5)
    assert not data_bus.concerns("purchase", 5, "customer", 5)
    assert data_bus.concerns("customer", 6, "customer", None)


@pytest.mark.parametrize(
    ("minor", "locale", "expected"),
    [
        (123456, "fi_FI", "1\u00a0234,56\u00a0€"),
        (123456, "en_US", "€1,234.56"),
        (5, "en_GB", "€0.05"),
        (-250, "fi_FI", "-2,50\u00a0€"),
        (10, "fi_FI", "0,10\u00a0€"),
    ],
)
def test_format_money_exact(minor: int, locale: str, expected: str) -> None:
    assert format_money(minor, "EUR", QLocale(locale)) == expected


def test_format_money_large_values_stay_exact() -> None:
    # 2**53 + 1 cents cannot be held exactly by a float; the integer path keeps every digit.
    text = format_money(2**53 + 1, "EUR", QLocale("en_US"))
    assert text.replace(",", "") == "€90071992547409.93"


def test_options_typed_defaults_and_persistence(tmp_path: Path) -> None:
    path = tmp_path / "options.ini"
    options = Options(path)
    assert options.get("base_font_pt") == 15
    assert {o.name for o in OPTIONS} >= {"ui_language", "search_debounce_ms"}
    assert all(o.title for o in OPTIONS)
    options.set("base_font_pt", "18")
    options.sync()
    again = Options(path)
    assert again.get("base_font_pt") == 18
    again.reset()
    assert again.get("base_font_pt") == 15
    with pytest.raises(KeyError):
        options.get("no_such_option")


def test_session_signals(qtbot: QtBot, memory_db: Database) -> None:
    from tests.ui_helpers import add_staff

    staff = add_staff(memory_db)
    session = Session()
    with qtbot.waitSignal(session.staff_changed):
        session.sign_in(staff)
    ctx = AppContext(db=memory_db, current_staff=session.current, dialogs=FakeDialogService())
    assert ctx.require_staff() == staff
    with qtbot.waitSignal(session.staff_changed):
        session.sign_out()
    assert ctx.staff() is None


@pytest.mark.parametrize(
    ("locale", "full", "no_year"),
    [
        # the screen language's one date format (widgets.formats), month and day alone
        ("en_GB", "23/11/1985", "29/02"),
        ("en_US", "11/23/1985", "2/29"),
        ("fi_FI", "23.11.1985", "29.2."),
        ("zh_TW", "1985/11/23", "2/29"),
        ("zh_CN", "1985/11/23", "2/29"),
    ],
)
def test_dates_in_the_screen_language_without_weekday(locale: str, full: str, no_year: str) -> None:
    from datetime import date

    from widgets.labels import format_date

    assert format_date(date(1985, 11, 23), QLocale(locale)) == full
    assert format_date(date(2000, 2, 29), QLocale(locale), with_year=False) == no_year
