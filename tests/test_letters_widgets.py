"""Letter preview widget: the real PDF is previewed, edited text is what is printed and kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from db import clock
from db.security.staff import get_staff
from db.store.connection import open_database
from reports.letter_service import letter_pdf, list_letters
from tests.conftest import FIXED_NOW
from tests.letters_support import (
    Shop,
    add_visits,
    make_complaint,
    make_customer,
    make_shop,
    pdf_text,
    squash,
)
from widgets.context import AppContext
from widgets.dialogs import FakeDialogService
from widgets.letter_preview import NO_VOUCHER, LetterPreview

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Shop]]:
    clock.set_clock(lambda: FIXED_NOW)
    db = open_database(tmp_path_factory.mktemp("letters-ui") / "shop.sqlite")
    shop = make_shop(db)
    yield db, shop
    db.close()
    clock.set_clock(None)


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    clock.set_clock(lambda: FIXED_NOW)
    yield
    clock.set_clock(None)


def _preview(qtbot: QtBot, db: Database, shop: Shop) -> tuple[LetterPreview, FakeDialogService]:
    dialogs = FakeDialogService()
    clerk = get_staff(db, shop.clerk_id)
    ctx = AppContext(db=db, current_staff=lambda: clerk, dialogs=dialogs)
    widget = LetterPreview(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    return widget, dialogs


def _file_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _preview_text(widget: LetterPreview) -> str:
    doc = widget.preview.document
    return squash("".join(doc.getAllText(p).text() for p in range(doc.pageCount())))


def test_preview_shows_the_real_letter_in_the_customers_language(
    qtbot: QtBot, shop_db: tuple[Database, Shop]
) -> None:
    db, shop = shop_db
    customer = make_customer(db, "陳美玲", "zh-TW")
    complaint = make_complaint(db, shop, customer, problem="Coffee too cold",
                               letter_words="咖啡太冷了")
    widget, _dialogs = _preview(qtbot, db, shop)
    assert widget.open_for(complaint_id=complaint)
    assert widget.kind() == "apology"
    assert widget.language() == "zh-TW"
    assert widget.preview.page_count() >= 1
    text = _preview_text(widget)
    assert "陳美玲" in text and "咖啡太冷了" in text
    assert "Coffee" not in text  # the staff's own note never prints
    assert widget.data is not None and widget.data.voucher is not None
    assert widget.data.voucher.code in text
    assert widget.print_button.isEnabled()


def test_preview_says_when_the_cause_sentence_stands_in(
    qtbot: QtBot, shop_db: tuple[Database, Shop]
) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Leena Laine", "fi")
    complaint = make_complaint(db, shop, customer, problem="Waited 40 min", cause="waiting",
                               voucher_minor=None)
    widget, _dialogs = _preview(qtbot, db, shop)
    assert widget.open_for(complaint_id=complaint)
    assert not widget.notes_label.isHidden()
    assert "cause's own sentence" in widget.notes_label.text()
    text = _preview_text(widget)
    assert squash("Jouduit odottamaan aivan liian kauan.") in text
    assert "Waited" not in text


def test_preview_refuses_a_redeemed_voucher_and_offers_a_way_on(
    qtbot: QtBot, shop_db: tuple[Database, Shop]
) -> None:
    from db.service.complaints import get_complaint

    db, shop = shop_db
    customer = make_customer(db, "Ritva Rinne", "fi")
    complaint = make_complaint(db, shop, customer, problem="Cold soup", cause="quality")
    voucher_id = next(line.voucher_id for line in get_complaint(db, complaint).lines
                      if line.voucher_id)
    db.execute("UPDATE vouchers SET redeemed_at = ? WHERE id = ?",
               ["2026-11-22T10:00:00+00:00", voucher_id])
    widget, _dialogs = _preview(qtbot, db, shop)
    assert not widget.open_for(complaint_id=complaint)
    assert "already redeemed" in widget.message.text()
    assert "--no-voucher" not in widget.message.text()  # the box says what to do instead
    assert widget.voucher_box.currentText() == "Choose: no voucher or a valid one"
    assert not widget.print_button.isEnabled() and widget.preview.page_count() == 0
    widget.voucher_box.setCurrentIndex(widget.voucher_box.findData(NO_VOUCHER))
    assert widget.data is not None and widget.data.voucher is None
    assert widget.print_button.isEnabled()
    assert "Leikkaa irti" not in _preview_text(widget)


def test_edited_text_is_printed_and_kept(
    qtbot: QtBot, shop_db: tuple[Database, Shop], tmp_path: Path
) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Emma Lind", "en")
    complaint = make_complaint(db, shop, customer, problem="Wrong order", cause="wrong_item")
    widget, dialogs = _preview(qtbot, db, shop)
    widget.open_for(complaint_id=complaint)
    out = tmp_path / "printed.pdf"
    widget.make_printer = lambda: _file_printer(out)
    widget.body_edit.setPlainText("Dear Emma,\n\nWe rang you today & fixed it <promise>.")
    with qtbot.waitSignal(widget.letter_recorded, timeout=10_000) as recorded:
        widget.print_button.click()
    record = recorded.args[0]
    assert [d.kind for d in dialogs.shown] == ["print_setup"]
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert "We rang you today & fixed it <promise>." in widget.preview.document.getAllText(
        0).text().replace("\n", " ")
    assert record.body == "Dear Emma,\n\nWe rang you today & fixed it <promise>."
    kept = squash(pdf_text(letter_pdf(db, record.id)))
    assert squash("We rang you today & fixed it <promise>.") in kept
    assert squash("Thank you for taking the time") not in kept
    assert record.created_by == shop.clerk_id
    assert [r.id for r in list_letters(db, customer)] == [record.id]


def test_cancelled_print_keeps_nothing(qtbot: QtBot, shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Nils Nyberg", "fi")
    widget, dialogs = _preview(qtbot, db, shop)
    widget.open_for(customer_id=customer, kind="birthday")
    dialogs.print_accepts.append(False)
    assert widget.print_letter() is None
    assert list_letters(db, customer) == []


def test_save_as_pdf_writes_the_kept_bytes(
    qtbot: QtBot, shop_db: tuple[Database, Shop], tmp_path: Path
) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Kaisa Koski", "fi")
    add_visits(db, customer, 2)
    widget, dialogs = _preview(qtbot, db, shop)
    widget.open_for(customer_id=customer)  # a thank-you for a loyal customer
    target = tmp_path / "kiitos.pdf"
    dialogs.paths.append(str(target))
    record = widget.save_letter()
    assert record is not None and record.kind == "thank-you"
    assert target.read_bytes() == letter_pdf(db, record.id)
    assert squash("Hyvä Kaisa Koski,") in squash(pdf_text(target.read_bytes()))


def test_apology_without_complaint_is_explained(
    qtbot: QtBot, shop_db: tuple[Database, Shop]
) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Olavi Oksanen", "fi")
    widget, _dialogs = _preview(qtbot, db, shop)
    assert not widget.open_for(customer_id=customer, kind="apology")
    assert "needs a complaint" in widget.message.text()
    assert not widget.print_button.isEnabled()
    widget.kind_box.setCurrentIndex(widget.KINDS.index("birthday"))
    assert widget.print_button.isEnabled()
    assert widget.message.isHidden()


def test_changing_language_asks_before_dropping_edits(
    qtbot: QtBot, shop_db: tuple[Database, Shop]
) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Liu Yang", "zh-CN")
    widget, dialogs = _preview(qtbot, db, shop)
    widget.open_for(customer_id=customer, kind="birthday")
    widget.body_edit.setPlainText("亲爱的刘洋：\n\n手写的祝福。")
    dialogs.answers.append(False)
    widget.language_box.setCurrentIndex(widget.LANGUAGES.index("en"))
    assert widget.language() == "zh-CN"
    assert widget.body_edit.toPlainText().endswith("手写的祝福。")
    dialogs.answers.append(True)
    widget.language_box.setCurrentIndex(widget.LANGUAGES.index("en"))
    assert widget.body_edit.toPlainText().startswith("Dear Liu Yang,")
    widget.refresh_preview()
    assert "Happybirthday!" in _preview_text(widget)


def test_a_birthday_offer_voucher_can_be_added_and_removed(
    qtbot: QtBot, shop_db: tuple[Database, Shop]
) -> None:
    from datetime import date

    from db.security.staff import get_staff
    from tests.service_data_support import issue_voucher

    db, shop = shop_db
    customer = make_customer(db, "Helmi Heino", "fi", birthday=(11, 24))
    gift = issue_voucher(db, value_minor=800, expires_on=date(2027, 1, 31),
                         by=get_staff(db, shop.manager_id), customer_id=customer)
    widget, _dialogs = _preview(qtbot, db, shop)
    widget.open_for(customer_id=customer, kind="birthday")
    assert widget.data is not None and widget.data.voucher is None
    assert widget.voucher_box.currentData() == -1  # no voucher unless chosen
    widget.voucher_box.setCurrentIndex(widget.voucher_box.findData(gift.id))
    assert widget.data.voucher is not None and widget.data.voucher.code == gift.code
    text = _preview_text(widget)
    assert gift.code in text and "8,00€" in text and "lahjakortti" in text
    widget.voucher_box.setCurrentIndex(widget.voucher_box.findData(-1))
    assert widget.data.voucher is None
    assert gift.code not in _preview_text(widget)


def test_loyal_thank_you_to_a_customer_without_visits_is_explained(
    qtbot: QtBot, shop_db: tuple[Database, Shop]
) -> None:
    db, shop = shop_db
    customer = make_customer(db, "陳小華", "zh-TW")
    widget, _dialogs = _preview(qtbot, db, shop)
    assert not widget.open_for(customer_id=customer)  # default: a loyal thank-you
    assert "no recorded visits yet" in widget.message.text()
    assert not widget.print_button.isEnabled()
    assert widget.language() == "zh-TW"  # the next choice is already in their language
    widget.kind_box.setCurrentIndex(widget.KINDS.index("birthday"))
    assert widget.print_button.isEnabled() and widget.message.isHidden()
    assert widget.data is not None and widget.data.language == "zh-TW"
    add_visits(db, customer, 1)
    assert widget.open_for(customer_id=customer, kind="thank-you")
    assert widget.data is not None and "1 次" in widget.data.body
