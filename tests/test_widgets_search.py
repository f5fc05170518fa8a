"""Search as you type: the right customers appear while typing, keyboard navigation works."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.records import create_customer
from db.models import CustomerInput
from tests.ui_helpers import add_customers, make_ctx
from widgets import data_bus
from widgets.customer_search import CustomerSearch
from widgets.search_results_model import CUSTOMER_ID_ROLE, HIT_ROLE, SearchResultsModel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def search(qtbot: QtBot, memory_db: Database, fixed_clock: object) -> tuple[CustomerSearch, dict]:
    people = add_customers(memory_db)
    ctx, _dialogs = make_ctx(memory_db)
    widget = CustomerSearch(ctx)
    qtbot.addWidget(widget.field)
    qtbot.addWidget(widget.page)
    return widget, people


def names(search: CustomerSearch) -> list[str]:
    return [h.name for h in search.model.hits()]


def test_latin_name_typed_without_diacritics(qtbot: QtBot, search: tuple) -> None:
    widget, _people = search
    qtbot.keyClicks(widget.field, "jarv")
    assert names(widget) == ["Päivi Järvinen"]


def test_results_follow_each_keystroke(qtbot: QtBot, search: tuple) -> None:
    widget, _people = search
    qtbot.keyClicks(widget.field, "p")
    assert set(names(widget)) >= {"Päivi Järvinen", "Pekka Virtanen"}
    qtbot.keyClicks(widget.field, "ek")
    assert names(widget) == ["Pekka Virtanen"]


def test_two_character_cjk_substring(qtbot: QtBot, search: tuple) -> None:
    widget, _people = search
    # CJK arrives through the input method as committed text, one character at a time.
    widget.field.insert("美")
    assert "陳美玲" in names(widget)
    widget.field.insert("玲")
    assert names(widget) == ["陳美玲"]


def test_phone_typed_in_pieces(qtbot: QtBot, search: tuple) -> None:
    widget, _people = search
    qtbot.keyClicks(widget.field, "0912 345")
    assert names(widget) == ["陳美玲"]


def test_customer_number(qtbot: QtBot, search: tuple) -> None:
    widget, people = search
    qtbot.keyClicks(widget.field, people["emily"].customer_no)
    assert names(widget)[0] == "Emily Carter"


def test_no_match_says_so(qtbot: QtBot, search: tuple) -> None:
    widget, _people = search
    qtbot.keyClicks(widget.field, "zzqx")
    assert widget.model.rowCount() == 0
    assert "zzqx" in widget.summary.text()


def test_escape_clears_and_empties_results(qtbot: QtBot, search: tuple) -> None:
    widget, _people = search
    qtbot.keyClicks(widget.field, "jarv")
    with qtbot.waitSignal(widget.cleared):
        qtbot.keyClick(widget.field, Qt.Key.Key_Escape)
    assert widget.field.text() == ""
    assert widget.model.rowCount() == 0


def test_escape_in_the_results_clears_and_returns_to_the_field(
    qtbot: QtBot, search: tuple
) -> None:
    widget, _people = search
    widget.page.show()
    widget.field.show()
    qtbot.keyClicks(widget.field, "p")
    qtbot.keyClick(widget.field, Qt.Key.Key_Down)
    qtbot.keyClick(widget.results, Qt.Key.Key_Escape)
    assert widget.field.text() == ""
    assert widget.model.rowCount() == 0


def test_enter_opens_first_hit(qtbot: QtBot, search: tuple) -> None:
    widget, people = search
    qtbot.keyClicks(widget.field, "emily")
    with qtbot.waitSignal(widget.customer_chosen) as blocker:
        qtbot.keyClick(widget.field, Qt.Key.Key_Return)
    assert blocker.args == [people["emily"].id]


def test_down_moves_into_results_and_enter_opens_that_row(qtbot: QtBot, search: tuple) -> None:
    widget, people = search
    widget.page.show()
    widget.field.show()
    qtbot.keyClicks(widget.field, "p")
    assert widget.model.rowCount() >= 2
    qtbot.keyClick(widget.field, Qt.Key.Key_Down)
    assert widget.results.hasFocus() or widget.results.currentIndex().row() == 0
    qtbot.keyClick(widget.results, Qt.Key.Key_Down)
    second = widget.model.hit(1)
    assert second is not None
    with qtbot.waitSignal(widget.customer_chosen) as blocker:
        qtbot.keyClick(widget.results, Qt.Key.Key_Return)
    assert blocker.args == [second.id]


def test_new_customer_appears_in_results_already_on_screen(
    qtbot: QtBot, search: tuple, memory_db: Database
) -> None:
    widget, _people = search
    qtbot.keyClicks(widget.field, "virta")
    assert names(widget) == ["Pekka Virtanen"]
    made = create_customer(memory_db, CustomerInput(name="Ville Virtamo"))
    widget.ctx.bus.notify(data_bus.CUSTOMER, made.id)
    assert set(names(widget)) == {"Pekka Virtanen", "Ville Virtamo"}


def test_search_results_model(qtmodeltester: object, memory_db: Database) -> None:
    add_customers(memory_db)
    from db.customers.records import search_customers

    model = SearchResultsModel()
    model.set_results(search_customers(memory_db, "p"))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    index = model.index(0, 0)
    hit = model.data(index, HIT_ROLE)
    assert model.data(index, CUSTOMER_ID_ROLE) == hit.id
    assert hit.name in model.data(index)
    allergic = {model.hit(r).name: model.data(model.index(r, 0))
                for r in range(model.rowCount()) if model.hit(r).has_allergies}
    # which allergens, in the screen's language, not only "allergies"
    assert allergic["Päivi Järvinen"].endswith("⚠ Gluten (cereals), laktoosi")
    row = [model.hit(r).name for r in range(model.rowCount())].index("Päivi Järvinen")
    assert not model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole).isNull()
    model.clear()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
