"""Rows of buttons and toggles that make room for long words instead of cutting them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from tests.ui_helpers import add_customers, make_ctx
from widgets.allergen_display import AllergenPicker
from widgets.customer_profile_panel import CustomerProfilePanel
from widgets.flow_layout import FlowLayout
from widgets.text_fit import keep_whole_text

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def _flow(qtbot: QtBot, texts: list[str]) -> tuple[QWidget, list[QPushButton]]:
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    buttons = [QPushButton(text) for text in texts]
    for button in buttons:
        flow.addWidget(button)
    return host, buttons


def test_flow_layout_starts_a_new_row_instead_of_squeezing(qtbot: QtBot) -> None:
    host, buttons = _flow(qtbot, ["Kirjaa osto", "Muokkaa asiakasta", "Poista tiedot"])
    flow = host.layout()
    assert isinstance(flow, FlowLayout)
    one_row = flow.sizeHint().width()
    host.resize(one_row, flow.heightForWidth(one_row))
    host.show()
    qtbot.waitExposed(host)
    assert len({b.y() for b in buttons}) == 1
    narrow = buttons[1].sizeHint().width() + 10
    assert flow.heightForWidth(narrow) > flow.heightForWidth(one_row)
    host.resize(narrow, flow.heightForWidth(narrow))
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) == 3)
    for button in buttons:
        assert button.width() >= button.sizeHint().width()  # whole text, never cut
        assert button.geometry().right() <= host.width()


def test_flow_layout_inserts_where_asked(qtbot: QtBot) -> None:
    host, buttons = _flow(qtbot, ["A", "C"])
    flow = host.layout()
    assert isinstance(flow, FlowLayout)
    middle = QPushButton("B")
    flow.insertWidget(1, middle)
    assert [flow.itemAt(i).widget() for i in range(flow.count())] == [
        buttons[0], middle, buttons[1]]
    assert middle.parentWidget() is host


def test_allergen_toggles_take_fewer_columns_when_narrow(qtbot: QtBot) -> None:
    picker = AllergenPicker()
    qtbot.addWidget(picker)
    wide = picker.columns_for(4000)
    assert wide == 4
    picker.resize(4000, 400)
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.column_count() == 4
    widest = max(b.sizeHint().width() for b in picker.buttons.values())
    picker.resize(2 * widest + 40, 600)
    qtbot.waitUntil(lambda: picker.column_count() == picker.columns_for(2 * widest + 40))
    assert picker.column_count() < 4
    qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width()
                                for b in picker.buttons.values()))
    # a ticked toggle says so with a "✓" and still fits
    button = next(iter(picker.buttons.values()))
    button.setChecked(True)
    assert button.text().startswith("✓ ")
    assert button.width() >= button.sizeHint().width()


def test_a_squeezed_button_keeps_its_whole_text(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    row = QHBoxLayout(host)
    button = QPushButton("Poista rivi")
    button.setMinimumWidth(20)  # what the style sheet's min-width does to every button
    keep_whole_text(button)
    row.addWidget(button)
    row.addWidget(QPushButton("Muuta"))
    host.resize(60, 60)
    host.show()
    qtbot.waitExposed(host)
    assert button.minimumWidth() >= button.sizeHint().width()


def test_profile_actions_wrap_onto_a_second_row(qtbot: QtBot, memory_db: Database) -> None:
    people = add_customers(memory_db)
    ctx, _dialogs = make_ctx(memory_db)
    panel = CustomerProfilePanel(ctx)
    qtbot.addWidget(panel)
    for text in ("Uusi reklamaatio / kehu", "Kirje…", "Vie tiedot", "Poista tiedot"):
        panel.add_action(QPushButton(text))
    panel.set_customer(next(iter(people.values())).id)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    row = panel.actions_row
    buttons = [row.itemAt(i).widget() for i in range(row.count())]
    assert buttons[0] is panel.purchase_button
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) > 1)
    for button in buttons:
        assert button.width() >= button.sizeHint().width()
        assert button.geometry().right() <= panel.width()
