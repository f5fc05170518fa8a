"""Create and edit customers: messages next to fields, nothing saved while invalid,
what was typed is kept, a shared phone is warned about."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db.customers.records import get_customer
from tests.ui_helpers import add_customers, make_ctx
from widgets.customer_form import CustomerForm

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def form(qtbot: QtBot, memory_db: Database, fixed_clock: object) -> tuple:
    people = add_customers(memory_db)
    ctx, dialogs = make_ctx(memory_db)
    widget = CustomerForm(ctx)
    qtbot.addWidget(widget)
    return widget, dialogs, people


def count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM customers").fetchone()[0])


def test_required_name_message_next_to_field_and_nothing_saved(
    form: tuple, memory_db: Database
) -> None:
    widget, dialogs, _ = form
    before = count(memory_db)
    widget.phone_edit.setText("040 765 4321")
    widget.email_edit.setText("not-an-email")
    assert widget.save() is None
    assert count(memory_db) == before
    assert widget.field_error("name") == "A name is required."
    assert not widget.errors["name"].isHidden()
    assert "email" in widget.field_error("email").lower()
    assert widget.field_error("phone") == ""
    # What was typed stays on screen, and no message box popped up.
    assert widget.phone_edit.text() == "040 765 4321"
    assert widget.email_edit.text() == "not-an-email"
    assert dialogs.shown == []


def test_bad_phone_and_future_birth_year(form: tuple, memory_db: Database) -> None:
    widget, _, _ = form
    before = count(memory_db)
    widget.name_edit.setText("Matti Meikäläinen")
    widget.phone_edit.setText("12ab")
    widget.day_combo.setCurrentIndex(1)
    widget.month_combo.setCurrentIndex(widget.month_combo.findData(5))
    widget.year_edit.setText("2030")
    assert widget.save() is None
    assert count(memory_db) == before
    assert widget.field_error("phone")
    assert widget.field_error("birthday") == "A birthday cannot be in the future."
    assert widget.name_edit.text() == "Matti Meikäläinen"


def test_day_without_month_and_unparsable_year(form: tuple) -> None:
    widget, _, _ = form
    widget.name_edit.setText("Someone")
    widget.day_combo.setCurrentIndex(12)
    assert widget.save() is None
    assert widget.field_error("birthday") == "Give both month and day, or neither."
    widget.month_combo.setCurrentIndex(widget.month_combo.findData(3))
    widget.year_edit.setText("19x5")
    assert widget.save() is None
    assert "four digits" in widget.field_error("birthday")


def test_29_february_without_year_is_saved(form: tuple, memory_db: Database) -> None:
    widget, _, _ = form
    widget.name_edit.setText("Leap Day")
    widget.day_combo.setCurrentIndex(29)
    widget.month_combo.setCurrentIndex(widget.month_combo.findData(2))
    new_id = widget.save()
    assert new_id is not None
    saved = get_customer(memory_db, new_id)
    assert (saved.birth_month, saved.birth_day, saved.birth_year) == (2, 29, None)


def test_family_dates_line_format(form: tuple) -> None:
    widget, _, _ = form
    widget.name_edit.setText("Family Person")
    widget.family_edit.setPlainText("Wedding anniversary 06-14\nnonsense")
    assert widget.save() is None
    assert widget.field_error("family_dates").startswith("Line 2")


def test_create_with_every_field(form: tuple, memory_db: Database, qtbot: QtBot) -> None:
    widget, _, _ = form
    widget.name_edit.setText("  Liisa   Mäkelä ")
    widget.phone_edit.setText("+358 44 999 8877")
    widget.email_edit.setText("liisa@example.fi")
    widget.language_combo.setCurrentIndex(widget.language_combo.findData("fi"))
    widget.day_combo.setCurrentIndex(6)
    widget.month_combo.setCurrentIndex(widget.month_combo.findData(12))
    widget.year_edit.setText("1980")
    widget.allergy_picker.buttons["milk"].click()  # a touch on the allergen
    widget.allergies_edit.setText("pähkinät, kiwi")  # typed: one of the 14, and not
    widget.tags_edit.setText("kanta-asiakas; hiljainen huone")
    widget.preferences_edit.setPlainText("Tee ilman sokeria")
    widget.family_edit.setPlainText("Hääpäivä 08-14")
    widget.personality_combo.setCurrentIndex(widget.personality_combo.findData("analytical"))
    assert "facts" in widget.tip_label.text()
    widget.consent_check.setChecked(True)
    with qtbot.waitSignal(widget.saved) as blocker:
        widget.save_button.click()
    saved = get_customer(memory_db, blocker.args[0])
    assert saved.name == "Liisa Mäkelä"
    assert saved.phone == "+358 44 999 8877"
    assert saved.language == "fi"
    assert (saved.birth_day, saved.birth_month, saved.birth_year) == (6, 12, 1980)
    assert saved.allergens == ("milk", "nuts")
    assert saved.allergies == ("kiwi",)
    assert saved.tags == ("kanta-asiakas", "hiljainen huone")
    assert saved.family_dates[0].label == "Hääpäivä"
    assert (saved.family_dates[0].month, saved.family_dates[0].day) == (8, 14)
    assert saved.personality == "analytical"
    assert saved.consent_contact is True


def test_edit_round_trips_and_saves_changes(form: tuple, memory_db: Database) -> None:
    widget, _, people = form
    paivi = people["paivi"]
    widget.edit_customer(paivi.id)
    assert widget.name_edit.text() == "Päivi Järvinen"
    assert widget.allergy_picker.codes() == ["gluten"]
    assert widget.allergy_picker.buttons["gluten"].isChecked()
    assert widget.allergies_edit.text() == "laktoosi"
    assert widget.year_edit.text() == "1972"
    assert widget.family_edit.toPlainText() == "Hääpäivä 08-14"
    widget.preferences_edit.setPlainText("Kahvi mustana")
    assert widget.save() == paivi.id
    after = get_customer(memory_db, paivi.id)
    assert after.preferences == "Kahvi mustana"
    assert (after.allergens, after.allergies) == (paivi.allergens, paivi.allergies)
    assert after.family_dates == paivi.family_dates


def test_duplicate_phone_warns_and_can_be_declined(form: tuple, memory_db: Database) -> None:
    widget, dialogs, people = form
    before = count(memory_db)
    widget.name_edit.setText("Chen Junior")
    widget.phone_edit.setText("0912-345-678")  # same digits as 陳美玲
    widget.phone_edit.editingFinished.emit()
    assert not widget.phone_warning.isHidden()
    assert "陳美玲" in widget.phone_warning.text()
    dialogs.answers.append(False)
    assert widget.save() is None
    assert count(memory_db) == before
    assert dialogs.shown[-1].kind == "question"
    assert people["chen"].customer_no in dialogs.shown[-1].text
    assert widget.name_edit.text() == "Chen Junior"
    dialogs.answers.append(True)  # a family shares the phone: save anyway
    assert widget.save() is not None
    assert count(memory_db) == before + 1


def test_own_phone_is_not_a_duplicate_when_editing(form: tuple) -> None:
    widget, dialogs, people = form
    widget.edit_customer(people["chen"].id)
    assert widget.check_phone() == []
    assert widget.save() == people["chen"].id
    assert dialogs.shown == []
