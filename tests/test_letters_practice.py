"""Letters that follow the service practice (issue 13): the eight parts of an apology, every
remedy with its amount, what we change, the form of address, vouchers that may be enclosed,
personal thank-you and birthday letters, and typesetting (no "Page 1", right-to-left names,
a real bold Chinese face)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import arabic_reshaper
import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from console.cli import main
from db import clock
from db.customers.purchases import add_product, record_purchase
from db.customers.records import get_customer, update_customer
from db.service.complaints import get_complaint
from db.service.models import CompensationLine
from db.store.connection import open_database
from reports.bidi_text import visual
from reports.letter_service import (
    LetterNotPossible,
    VoucherNotUsable,
    prepare_letter,
    render,
    with_body,
)
from tests.conftest import FIXED_NOW
from tests.letters_support import (
    Shop,
    make_complaint,
    make_customer,
    make_shop,
    pdf_text,
    squash,
)


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Shop, Path]]:
    clock.set_clock(lambda: FIXED_NOW)
    path = tmp_path_factory.mktemp("practice") / "shop.sqlite"
    db = open_database(path)
    shop = make_shop(db)
    yield db, shop, path
    db.close()
    clock.set_clock(None)


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    clock.set_clock(lambda: FIXED_NOW)
    yield
    clock.set_clock(None)


def _bagel(db: Database) -> int:
    row = db.execute("SELECT id FROM products WHERE sku = 'BAGEL'").fetchone()
    if row:
        return int(row[0])
    return add_product(db, "BAGEL", "salmon bagel", "food", 650).id


def _three_remedies(db: Database, shop: Shop, customer: int, **extra: object) -> int:
    lines = [CompensationLine(kind="refund", amount_minor=656),
             CompensationLine(kind="free_item", product_id=_bagel(db))]
    return make_complaint(db, shop, customer, problem="Bagel stale, charged twice",
                          cause="quality", voucher_minor=2000, extra_lines=lines,
                          **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["To put things right, we have offered you a refund of €6.56, a free salmon bagel "
            "and a voucher for €20.00 (code {code}), valid until 28 February 2027.",
            "Thank you for taking the time to tell us",          # 1 thanks
            "I understand how disappointing that must have been",  # 2 how it felt
            "I am truly sorry. What happened was our responsibility",  # 3 responsibility
            "What we served you was not up to the standard",      # 4 what happened
            "We have taken this up with our kitchen and our supplier",  # 6 what we change
            "We would very much like to welcome you back. Please let me know whether this is "
            "acceptable to you",                                  # 7 invitation, acceptable?
            "陳志明", "Shift Supervisor, Kahvila Onni & Co", "+358 9 123 4567"]),  # 8 signature
    ("fi", ["Asian korjaamiseksi olemme antaneet sinulle seuraavaa: rahanpalautus 6,56 €, "
            "ilmainen salmon bagel ja lahjakortti 20,00 € (koodi {code}), voimassa "
            "28. helmikuuta 2027 asti.",
            "Ymmärrän hyvin, kuinka harmilliselta", "Tapahtunut oli meidän vastuullamme",
            "Olemme käyneet asian läpi keittiömme ja toimittajamme kanssa",
            "Olet lämpimästi tervetullut takaisin. Kerrothan, onko tämä ratkaisu sinulle "
            "hyväksyttävä.", "Vuoropäällikkö, Kahvila Onni & Co"]),
    ("zh-TW", ["為彌補這次的疏失，我們已為您提供退款 €6.56、免費招待salmon bagel和面額 €20.00 "
               "的禮券一張（序號 {code}，有效期限至 2027年2月28日）。",
               "我能體會您當時的失望", "這是我們的責任", "我們已與廚房及供應商檢討此事",
               "誠摯期待您再次光臨。不知道這樣的處理您是否能接受？",
               "Kahvila Onni & Co　值班主管"]),
    ("zh-CN", ["为弥补这次的过失，我们已为您提供退款 €6.56、免费赠送salmon bagel和面值 €20.00 "
               "的代金券一张（券码 {code}，有效期至 2027年2月28日）。", "诚挚期待您再次光临。"]),
])
def test_apology_has_the_eight_parts_and_every_remedy_with_its_amount(
    shop_db: tuple[Database, Shop, Path], lang: str, expected: list[str]
) -> None:
    db, shop, _path = shop_db
    customer = make_customer(db, f"Remedy {lang}", lang)
    complaint = _three_remedies(db, shop, customer)
    data = prepare_letter(db, "apology", complaint_id=complaint)
    assert data.voucher is not None
    text = squash(pdf_text(render(data)))
    for item in expected:
        assert squash(item.format(code=data.voucher.code)) in text, item
    for internal in ("stale", "charged twice", "compensation given"):
        assert squash(internal) not in text


def test_what_we_change_and_words_for_the_letter_come_from_the_form(
    shop_db: tuple[Database, Shop, Path]
) -> None:
    db, shop, _path = shop_db
    customer = make_customer(db, "Tapio Toivonen", "fi")
    complaint = make_complaint(
        db, shop, customer, problem="Server rude, customer upset", cause="quality",
        real_cause="attitude", voucher_minor=None,
        letter_words="Tarjoilijamme puhui sinulle epäkohteliaasti, kun kysyit annoksestasi.",
        prevention="Koko henkilökunta käy asiakaspalvelukoulutuksen joulukuussa.")
    stored = get_complaint(db, complaint)
    assert stored.prevention.startswith("Koko henkilökunta")
    assert stored.letter_words.startswith("Tarjoilijamme")
    data = prepare_letter(db, "apology", complaint_id=complaint)
    assert data.notes == ()
    text = squash(pdf_text(render(data)))
    assert squash("Tarjoilijamme puhui sinulle epäkohteliaasti") in text
    assert squash("Jotta näin ei kävisi uudelleen, muutamme toimintaamme näin: Koko "
                  "henkilökunta käy asiakaspalvelukoulutuksen joulukuussa.") in text
    assert squash("Server rude") not in text
    # without a change written, the sentence follows the real cause (training), not the stated
    other = make_complaint(db, shop, customer, problem="x", cause="quality",
                           real_cause="attitude", voucher_minor=None)
    body = prepare_letter(db, "apology", complaint_id=other).body
    assert "mukana seuraavassa koulutuksessamme" in body
    assert "Tarjoamamme tuote ei ollut" in body  # what happened: the stated cause's sentence


@pytest.mark.parametrize(("lang", "address", "salutation"), [
    ("en", "Ms Williams", "Dear Ms Williams,"),
    ("fi", "Maija", "Hyvä Maija,"),
    ("zh-CN", "王小姐", "王小姐您好："),
    ("zh-TW", "王小姐", "親愛的王小姐："),
])
def test_salutation_uses_the_form_of_address(
    shop_db: tuple[Database, Shop, Path], lang: str, address: str, salutation: str
) -> None:
    db, shop, _path = shop_db
    customer = make_customer(db, f"Full Name {lang}", lang)
    complaint = make_complaint(db, shop, customer, problem="x", voucher_minor=None)
    first = prepare_letter(db, "apology", complaint_id=complaint).body.split("\n")[0]
    assert f"Full Name {lang}" in first  # empty: the full name
    data = get_customer(db, customer).to_input()
    data.form_of_address = f"  {address} "
    update_customer(db, customer, data)
    assert get_customer(db, customer).form_of_address == address
    letter = prepare_letter(db, "apology", complaint_id=complaint)
    assert letter.body.split("\n")[0] == salutation
    assert letter.customer_name == f"Full Name {lang}"  # the address line keeps the full name


def test_an_expired_or_redeemed_voucher_is_never_enclosed(
    shop_db: tuple[Database, Shop, Path]
) -> None:
    db, shop, _path = shop_db
    customer = make_customer(db, "Ville Vaara", "en")
    complaint = make_complaint(db, shop, customer, problem="x")  # voucher until 2027-02-28
    with pytest.raises(VoucherNotUsable, match="expired on 2027-02-28"):
        prepare_letter(db, "apology", complaint_id=complaint, today=date(2027, 3, 1))
    ok = prepare_letter(db, "apology", complaint_id=complaint, today=date(2027, 2, 28))
    assert ok.voucher is not None
    voucher_id = next(ln.voucher_id for ln in get_complaint(db, complaint).lines if ln.voucher_id)
    db.execute("UPDATE vouchers SET redeemed_at = ? WHERE id = ?",
               ["2026-11-22T09:00:00+00:00", voucher_id])
    with pytest.raises(VoucherNotUsable, match="already redeemed on 2026-11-22"):
        prepare_letter(db, "apology", complaint_id=complaint)
    with pytest.raises(VoucherNotUsable):
        prepare_letter(db, "apology", customer_id=customer, complaint_id=complaint,
                       voucher_id=voucher_id)
    left_out = prepare_letter(db, "apology", complaint_id=complaint, with_voucher=False)
    assert left_out.voucher is None
    assert issubclass(VoucherNotUsable, LetterNotPossible)


def test_command_refuses_a_redeemed_voucher(
    shop_db: tuple[Database, Shop, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, shop, path = shop_db
    customer = make_customer(db, "Kalle Kivi", "fi")
    complaint = make_complaint(db, shop, customer, problem="x")
    voucher_id = next(ln.voucher_id for ln in get_complaint(db, complaint).lines if ln.voucher_id)
    db.execute("UPDATE vouchers SET redeemed_at = ? WHERE id = ?",
               ["2026-11-22T09:00:00+00:00", voucher_id])
    out = tmp_path / "apology.pdf"
    base = ["letter", "--db", str(path), "--kind", "apology", "--complaint", str(complaint),
            "--staff", str(shop.clerk_id), "--out", str(out)]
    assert main(base) == 2
    err = capsys.readouterr().err
    assert "already redeemed" in err and "--no-voucher" in err
    assert not out.exists()
    assert main([*base, "--no-voucher"]) == 0 and out.exists()


def test_loyal_thank_you_names_the_first_visit_year_and_the_favourite(
    shop_db: tuple[Database, Shop, Path]
) -> None:
    db, _shop, _path = shop_db
    customer = make_customer(db, "Olli Oja", "en")  # the record is created in 2026
    bagel = _bagel(db)
    record_purchase(db, customer, [(bagel, 2)], purchased_at=datetime(2024, 3, 5, 9, tzinfo=UTC))
    record_purchase(db, customer, [(bagel, 1)], purchased_at=datetime(2025, 6, 1, 9, tzinfo=UTC))
    text = squash(pdf_text(render(prepare_letter(db, "thank-you", customer_id=customer))))
    assert squash("Since 2024 you have visited us twice") in text or \
        squash("Since 2024 you have visited us 2 times") in text
    assert "2026" not in text.split(squash("Since"))[1][:8]
    assert squash("We know your favourite is salmon bagel") in text


def test_visits_without_purchases_leave_the_year_out(shop_db: tuple[Database, Shop, Path]) -> None:
    db, _shop, _path = shop_db
    customer = make_customer(db, "Imported Ilona", "fi")
    db.execute("UPDATE customers SET visits = 58 WHERE id = ?", [customer])  # an import
    body = prepare_letter(db, "thank-you", customer_id=customer).body
    assert "Olet käynyt luonamme jo 58 kertaa" in body
    assert "vuodesta" not in body and "2026" not in body


@pytest.mark.parametrize(("lang", "word"), [
    ("en", "birthday"), ("fi", "syntymäpäivä"), ("zh-TW", "生日"), ("zh-CN", "生日")])
def test_birthday_wording_does_not_repeat_itself(
    shop_db: tuple[Database, Shop, Path], lang: str, word: str
) -> None:
    db, _shop, _path = shop_db
    customer = make_customer(db, f"Juhla {lang}", lang, birthday=(11, 25))
    data = prepare_letter(db, "birthday", customer_id=customer)
    everything = " ".join([data.subject, data.body, data.closing]).lower()
    assert everything.count(word) == 1, everything


def test_a_one_page_letter_has_no_page_number(shop_db: tuple[Database, Shop, Path]) -> None:
    db, shop, _path = shop_db
    customer = make_customer(db, "Page Person", "en")
    complaint = make_complaint(db, shop, customer, problem="x", voucher_minor=None)
    data = prepare_letter(db, "apology", complaint_id=complaint)
    one = render(data)
    assert len(PdfReader(io.BytesIO(one)).pages) == 1
    assert "Page 1" not in pdf_text(one)
    long = render(with_body(data, "\n\n".join([data.body] * 6)))
    reader = PdfReader(io.BytesIO(long))
    assert len(reader.pages) >= 2
    assert "Page 1" not in (reader.pages[0].extract_text() or "")
    assert "Page 2" in (reader.pages[1].extract_text() or "")


def test_right_to_left_names_are_shaped_and_in_visual_order() -> None:
    assert visual("דוד כהן") == "ןהכ דוד"
    shaped = visual("محمد")
    # joined presentation forms (U+FExx), drawn right to left
    assert all("\ufe70" <= c <= "\ufeff" for c in shaped) and len(shaped) == 4
    assert shaped[-1] == "\ufee3"  # the initial form of meem is drawn rightmost
    assert visual("Anna Virtanen") == "Anna Virtanen"
    assert visual("Dear דוד,") == "Dear דוד,"[:5] + "דוד"[::-1] + ","


def test_arabic_name_prints_joined_in_the_letter(shop_db: tuple[Database, Shop, Path]) -> None:
    db, shop, _path = shop_db
    customer = make_customer(db, "محمد علي", "en")
    complaint = make_complaint(db, shop, customer, problem="x", voucher_minor=None)
    text = pdf_text(render(prepare_letter(db, "apology", complaint_id=complaint)))
    # pypdf reads right-to-left runs back in logical order: the joined forms are there ...
    assert arabic_reshaper.reshape("محمد علي") in text
    assert "محمد" not in text  # ... never the unjoined letters


def test_chinese_names_use_a_real_bold_face(shop_db: tuple[Database, Shop, Path]) -> None:
    db, shop, _path = shop_db
    customer = make_customer(db, "王小明", "zh-TW")
    complaint = make_complaint(db, shop, customer, problem="x", voucher_minor=None)
    reader = PdfReader(io.BytesIO(render(prepare_letter(db, "apology", complaint_id=complaint))))
    fonts = {str(f["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("NotoSansCJKtc-Bold" in f for f in fonts), fonts
    assert any("DroidSansFallback" in f for f in fonts), fonts


def test_zh_tw_reference_label_reads_as_a_reference(shop_db: tuple[Database, Shop, Path]) -> None:
    db, shop, _path = shop_db
    customer = make_customer(db, "林美華", "zh-TW")
    complaint = make_complaint(db, shop, customer, problem="x", voucher_minor=None)
    text = squash(pdf_text(render(prepare_letter(db, "apology", complaint_id=complaint))))
    assert squash("參考編號：客訴第") in text and "本店編號" not in text
