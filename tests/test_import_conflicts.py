"""An import that changes a customer counts as a save of the profile: a till that opened the
profile before it cannot save over the imported values unawares, and neither over the
values an abandoned import puts back."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.customers.records import get_customer, update_customer
from db.errors import EditConflict
from db.imports.formats import ImportOptions
from db.imports.job import ImportProgress, abandon_import, import_customers_file
from db.models import CustomerInput
from db.store.connection import open_database
from db.tills import set_till

FIRST = "external_id,name,phone\nA1,Päivi Järvinen,040 123 4567\n"
SECOND = "external_id,name,phone\nA1,Päivi Virtanen,040 123 4567\n"


def test_a_profile_opened_before_an_import_changed_it_is_not_saved_over(
        tmp_path: Path) -> None:
    db = open_database(tmp_path / "shop.sqlite")
    set_till(db, "Till 2")
    source = tmp_path / "customers.csv"
    source.write_text(FIRST, encoding="utf-8")
    import_customers_file(db, source, ImportOptions())
    opened = get_customer(db, 1)
    source.write_text(SECOND, encoding="utf-8")
    assert import_customers_file(db, source, ImportOptions()).updated == 1
    imported = get_customer(db, 1)
    assert imported.version == opened.version + 1
    with pytest.raises(EditConflict) as refused:
        update_customer(db, 1, CustomerInput(name="Päivi J.", phone=opened.phone),
                        expected_version=opened.version)
    assert "Till 2" in str(refused.value)
    assert get_customer(db, 1).name == "Päivi Virtanen"
    db.close()


def test_values_an_abandoned_import_puts_back_are_a_new_version_too(tmp_path: Path) -> None:
    db = open_database(tmp_path / "shop.sqlite")
    source = tmp_path / "customers.csv"
    source.write_text(FIRST, encoding="utf-8")
    import_customers_file(db, source, ImportOptions())
    source.write_text(SECOND, encoding="utf-8")

    def crash(step: ImportProgress) -> None:
        if step.stage == "merging" and step.done:
            raise KeyboardInterrupt  # stops at once after a slice: the import waits

    with pytest.raises(KeyboardInterrupt):
        import_customers_file(db, source, ImportOptions(), progress=crash)
    opened = get_customer(db, 1)  # on the import's values
    assert opened.name == "Päivi Virtanen"
    abandon_import(db)
    back = get_customer(db, 1)
    assert back.name == "Päivi Järvinen"
    assert back.version == opened.version + 1
    with pytest.raises(EditConflict):
        update_customer(db, 1, CustomerInput(name="Päivi V.", phone=back.phone),
                        expected_version=opened.version)
    db.close()
