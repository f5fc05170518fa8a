"""The two letter fields of the complaint form and the form of address on the customer form."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.records import get_customer
from db.service.complaints import get_complaint
from tests import ui_helpers
from tests.service_ui_support import make_ctx, make_customer, make_team
from widgets.complaint_form import ComplaintForm
from widgets.customer_form import CustomerForm

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_complaint_form_keeps_what_we_change_and_words_for_the_letter(
    qtbot: QtBot, fresh_db: Database, fixed_clock: datetime
) -> None:
    team = make_team(fresh_db)
    customer = make_customer(fresh_db)
    form = ComplaintForm(make_ctx(fresh_db, team.clerk))
    qtbot.addWidget(form)
    form.resize(1400, 880)
    form.show()
    form.start_new(customer.id)
    try:
        assert form.prevention_edit.isVisible() and form.letter_words_edit.isVisible()
        form.problem_edit.setPlainText("Soup cold, customer cross")
        form.prevention_edit.setPlainText("Soup is now checked with a thermometer.")
        form.letter_words_edit.setPlainText("Your soup was served cold.")
        with qtbot.waitSignal(form.complaint_saved) as blocker:
            form.finish_button.click()
        saved = get_complaint(fresh_db, blocker.args[0].id)
        assert saved.prevention == "Soup is now checked with a thermometer."
        assert saved.letter_words == "Your soup was served cold."
        # a compliment has no "what we change"; its words for the letter stay
        form.start_new(customer.id)
        form.set_kind("compliment")
        assert not form.prevention_edit.isVisible()
        assert form.letter_words_edit.isVisible()
        assert form.prevention_edit.toPlainText() == ""
    finally:
        form.close()


def test_customer_form_keeps_the_form_of_address(
    qtbot: QtBot, memory_db: Database, fixed_clock: object
) -> None:
    ui_helpers.add_customers(memory_db)
    ctx, _dialogs = ui_helpers.make_ctx(memory_db)
    widget = CustomerForm(ctx)
    qtbot.addWidget(widget)
    widget.name_edit.setText("Wang Xiaomei")
    widget.address_edit.setText("王小姐")
    new_id = widget.save()
    assert new_id is not None
    assert get_customer(memory_db, new_id).form_of_address == "王小姐"
    widget.new_customer()
    assert widget.address_edit.text() == ""
    widget.edit_customer(new_id)
    assert widget.address_edit.text() == "王小姐"
