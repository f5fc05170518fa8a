"""Home: today's and this week's birthdays among customers who agreed to be contacted."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.records import birthdays_between
from tests.ui_helpers import add_customers, make_ctx
from widgets.birthday_list_model import BirthdayListModel
from widgets.home_view import HomeView

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_birthdays_today_and_this_week_consenting_only(
    qtbot: QtBot, memory_db: Database, fixed_clock: object
) -> None:
    people = add_customers(memory_db)
    ctx, _ = make_ctx(memory_db)
    home = HomeView(ctx)
    qtbot.addWidget(home)
    home.refresh()
    today = [home.today_model.entry(r).name for r in range(home.today_model.rowCount())]
    week = [home.week_model.entry(r).name for r in range(home.week_model.rowCount())]
    assert today == ["Päivi Järvinen"]
    assert week == ["陳美玲"]  # 王伟 (25 Nov) did not consent; Emily is in December
    assert "today" in home.today_model.data(home.today_model.index(0, 0))
    assert "turns 54" in home.today_model.data(home.today_model.index(0, 0))
    with qtbot.waitSignal(home.customer_chosen) as blocker:
        home.week_list.row_chosen.emit(0)
    assert blocker.args == [people["chen"].id]


def test_add_section_keeps_order(qtbot: QtBot, memory_db: Database, fixed_clock: object) -> None:
    ctx, _ = make_ctx(memory_db)
    home = HomeView(ctx)
    qtbot.addWidget(home)
    extra = QLabel("due promises here")
    home.add_section("Promises due", extra)
    items = [home.sections.itemAt(i).widget() for i in range(home.sections.count())]
    assert extra in items
    assert items.index(extra) > items.index(home.week_list.parentWidget())
    assert home.sections.itemAt(home.sections.count() - 1).spacerItem() is not None


def test_birthday_model(memory_db: Database, fixed_clock: object, qtmodeltester) -> None:
    add_customers(memory_db)
    model = BirthdayListModel()
    qtmodeltester.check(model)
    model.set_entries(birthdays_between(memory_db, date(2026, 11, 23), 8), date(2026, 11, 23))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
