"""Letters read back from the PDF: the right facts, in the right language, printed as typed."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from db import clock
from db.errors import NotFound
from db.settings import _seed_settings, load_settings
from db.store.connection import open_database
from reports.fonts import CJK, SANS, SERIF, has_glyph, mixed_markup
from reports.letter_service import (
    LetterNotPossible,
    letter_pdf,
    list_letters,
    prepare_letter,
    record_letter,
    render,
    with_body,
)
from reports.letter_templates import LETTERS_DIR
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

TRICKY_NAME = 'Anna <b>"Bold"</b> & O\'Neil {shop}'
TRICKY_PROBLEM = 'Soup was cold <script>alert("x")</script> & the bill said 5 < 7'


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Shop]]:
    """One shop for the module: scrypt PINs make staff set-up slow, so it is built once."""
    clock.set_clock(lambda: FIXED_NOW)
    db = open_database(tmp_path_factory.mktemp("letters") / "shop.sqlite")
    shop = make_shop(db)
    yield db, shop
    db.close()
    clock.set_clock(None)


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    clock.set_clock(lambda: FIXED_NOW)
    yield
    clock.set_clock(None)


def test_apology_in_traditional_chinese_states_the_facts(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "王小明", "zh-TW")
    words = "您點的牛肉麵送到時已經涼了，我們也讓您等了四十分鐘。"
    complaint = make_complaint(db, shop, customer, problem="Beef noodles cold, waited 40 min",
                               cause="quality", resolution="Apologised; compensation given.",
                               letter_words=words)
    data = prepare_letter(db, "apology", complaint_id=complaint)
    text = squash(pdf_text(render(data)))
    assert data.voucher is not None
    for expected in ("王小明", words, data.voucher.code, "2026年11月23日", "2027年2月28日",
                     "€15.00", "陳志明", "值班主管", "親愛的王小明：", "致歉函", "敬上"):
        assert squash(expected) in text, expected
    # the staff's own notes never print
    for internal in ("Beef noodles cold", "Apologised", "compensation given"):
        assert squash(internal) not in text, internal
    # words were written for the letter; only "what we change" fell back to the cause's
    assert len(data.notes) == 1 and "what we change" in data.notes[0]


def test_thank_you_in_finnish_for_a_compliment(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Päivi Äijälä", "fi")
    compliment = make_complaint(db, shop, customer, kind="compliment", voucher_minor=None,
                                problem="Customer praised Ville", cause="other",
                                about_staff_id=shop.clerk_id,
                                letter_words="Ville oli ihanan ystävällinen!")
    data = prepare_letter(db, "thank-you", complaint_id=compliment, signer_id=shop.manager_id)
    text = squash(pdf_text(render(data)))
    assert data.reason == "compliment"
    for expected in ("Hyvä Päivi Äijälä,", "Lämmin kiitos kauniista sanoistasi!",
                     "viihdyit luonamme 23. marraskuuta 2026",
                     "Kirjoitit: ”Ville oli ihanan ystävällinen!”",
                     "Ville Virtanen", "Maija Mäkinen", "Liikkeenjohtaja", "Lämpimin terveisin"):
        assert squash(expected) in text, expected
    assert squash("sanoistasi käynnistäsi") not in text  # two elatives in a row
    assert squash("Customer praised") not in text


def test_markup_characters_print_as_typed(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, TRICKY_NAME, "en")
    complaint = make_complaint(db, shop, customer, problem="internal note", cause="billing",
                               letter_words=TRICKY_PROBLEM)
    data = prepare_letter(db, "apology", complaint_id=complaint)
    text = squash(pdf_text(render(data)))
    assert squash(TRICKY_NAME) in text
    assert squash(TRICKY_PROBLEM) in text
    assert "&amp;" not in text and "&lt;" not in text and "&quot;" not in text
    assert squash("internal note") not in text


def test_birthday_in_simplified_chinese(shop_db: tuple[Database, Shop]) -> None:
    db, _shop = shop_db
    customer = make_customer(db, "李雷 Lei", "zh-CN", birthday=(11, 25))
    text = squash(pdf_text(render(prepare_letter(db, "birthday", customer_id=customer))))
    for expected in ("李雷 Lei 您好：", "生日快乐", "2026年11月23日", "全体员工"):
        assert squash(expected) in text, expected


def test_language_can_be_changed_before_printing(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Anna Korhonen", "fi")
    complaint = make_complaint(db, shop, customer, problem="Wrong sandwich", cause="wrong_item")
    text = squash(pdf_text(render(prepare_letter(db, "apology", complaint_id=complaint,
                                                 language="en"))))
    assert squash("Dear Anna Korhonen,") in text
    assert squash("23 November 2026") in text
    assert squash("Your order was not right") in text


def test_fonts_are_embedded(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Mikko 陳", "zh-TW")
    complaint = make_complaint(db, shop, customer, problem="Kahvi oli kylmää — 咖啡是冷的 ✓")
    reader = PdfReader(io.BytesIO(render(prepare_letter(db, "apology", complaint_id=complaint))))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # composite font: look at its descendant
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"
    families = " ".join(fonts)
    assert "DroidSansFallback" in families and "DejaVu" in families


def test_every_template_character_has_a_glyph() -> None:
    """No missing-glyph boxes: each template character is in the Latin or the CJK font."""
    for path in sorted(LETTERS_DIR.glob("*.json")):
        text = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
        missing = {c for c in text if not c.isspace()
                   and not (has_glyph(SERIF, c) or has_glyph(SANS, c) or has_glyph(CJK, c))}
        assert not missing, f"{path.name}: {sorted(missing)}"


def test_mixed_markup_escapes_and_switches_font() -> None:
    markup = mixed_markup('A<b>&"王"', SANS, CJK)
    assert markup == f'A&lt;b&gt;&amp;&quot;<font name="{CJK}">王</font>&quot;'


def test_edited_body_is_printed_and_kept(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Liisa Laine", "fi")
    complaint = make_complaint(db, shop, customer, problem="Tilaus puuttui", cause="wrong_item")
    data = prepare_letter(db, "apology", complaint_id=complaint)
    edited = with_body(data, "Hyvä Liisa,\n\nSoitin sinulle tänään <3 & kiitos.\n\nTerveisin")
    pdf = render(edited)
    text = squash(pdf_text(pdf))
    assert squash("Soitin sinulle tänään <3 & kiitos.") in text
    assert squash("Kaikki eivät jaksa antaa palautetta") not in text  # the template text is gone
    record = record_letter(db, edited, pdf, created_by=shop.clerk_id)
    assert record.body == edited.body
    assert (record.kind, record.customer_id, record.complaint_id, record.language) == (
        "apology", customer, complaint, "fi")
    assert record.created_by_name == "Ville Virtanen"
    assert record.created_at == FIXED_NOW
    assert letter_pdf(db, record.id) == pdf  # reprinted byte for byte
    assert [r.id for r in list_letters(db, customer)] == [record.id]


def test_letters_listed_newest_first(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Olli Oja", "en")
    add_visits(db, customer, 3)
    first = record_letter(db, d := prepare_letter(db, "birthday", customer_id=customer),
                          render(d))
    second = record_letter(db, d := prepare_letter(db, "thank-you", customer_id=customer),
                           render(d))
    assert [r.id for r in list_letters(db, customer)] == [second.id, first.id]
    assert list_letters(db, customer)[0].kind == "thank-you"


def test_apology_needs_a_complaint(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Erkki Esimerkki", "fi")
    with pytest.raises(LetterNotPossible, match="needs a complaint"):
        prepare_letter(db, "apology", customer_id=customer)
    compliment = make_complaint(db, shop, customer, kind="compliment", voucher_minor=None,
                                problem="Great coffee")
    with pytest.raises(LetterNotPossible, match="not a complaint"):
        prepare_letter(db, "apology", complaint_id=compliment)
    with pytest.raises(NotFound):
        prepare_letter(db, "apology", complaint_id=99_999)
    with pytest.raises(NotFound):
        prepare_letter(db, "birthday", customer_id=99_999)


def test_signer_is_a_named_person_the_authoriser_else_the_manager(
    shop_db: tuple[Database, Shop]
) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Sari Salo", "en")
    with_voucher = make_complaint(db, shop, customer, problem="Cold tea")
    data = prepare_letter(db, "apology", complaint_id=with_voucher)
    assert (data.signer_name, data.signer_role) == ("陳志明", "Shift Supervisor")
    no_remedy = make_complaint(db, shop, customer, problem="Loud music", voucher_minor=None)
    data = prepare_letter(db, "apology", complaint_id=no_remedy)
    assert data.voucher is None
    # first-person letters ("I am truly sorry") are signed by a person, never "the team"
    assert (data.signer_name, data.signer_role) == ("Maija Mäkinen", "Manager")
    text = squash(pdf_text(render(data)))
    assert squash("team") not in text.replace(squash("with the team"), "")
    for expected in ("I am truly sorry", "Maija Mäkinen", "Manager, Kahvila Onni & Co",
                     "+358 9 123 4567", "hello@onni.example"):
        assert squash(expected) in text, expected
    assert squash("enclosed voucher") not in text


def test_page_size_and_logo_from_settings(shop_db: tuple[Database, Shop], tmp_path: Path) -> None:
    from PIL import Image

    db, _shop = shop_db
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (122, 46, 58)).save(logo)
    before = load_settings(db)
    _seed_settings(db, replace(before, page_size="Letter", logo_path=str(logo)))
    try:
        customer = make_customer(db, "Tuula Tamminen", "fi")
        reader = PdfReader(io.BytesIO(render(prepare_letter(db, "birthday",
                                                            customer_id=customer))))
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792)
        assert reader.pages[0]["/Resources"]["/XObject"], "the logo image is missing"
    finally:
        _seed_settings(db, before)


def test_letter_date_in_the_reference_line(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "Bo Berg", "en")
    complaint = make_complaint(db, shop, customer, problem="Late", voucher_minor=None)
    data = prepare_letter(db, "apology", complaint_id=complaint, today=date(2026, 12, 1))
    text = squash(pdf_text(render(data)))
    assert squash(f"Complaint no. {complaint} of 23 November 2026") in text
    assert squash("Date: 1 December 2026") in text


def test_thank_you_after_a_complaint_waits_until_it_is_resolved(
    shop_db: tuple[Database, Shop]
) -> None:
    from db.service.complaints import get_complaint, update_complaint

    db, shop = shop_db
    customer = make_customer(db, "Riikka Rantanen", "fi")
    complaint = make_complaint(db, shop, customer, problem="Kylmä keitto", voucher_minor=None,
                               resolution="Internal: told the kitchen",
                               prevention="Keittiön lämpötilat tarkistetaan nyt joka tunti.")
    with pytest.raises(LetterNotPossible, match="still open"):
        prepare_letter(db, "thank-you", complaint_id=complaint)
    data = get_complaint(db, complaint).to_input()
    data.status = "resolved"
    update_complaint(db, complaint, data, actor_id=shop.clerk_id)
    letter = prepare_letter(db, "thank-you", complaint_id=complaint)
    assert letter.reason == "resolved"
    text = squash(pdf_text(render(letter)))
    assert squash("Autoit meitä kehittymään.") in text
    assert squash("Jotta näin ei kävisi uudelleen, muutamme toimintaamme näin: Keittiön "
                  "lämpötilat tarkistetaan nyt joka tunti.") in text
    assert squash("Internal") not in text


def test_thank_you_for_a_suggestion_in_simplified_chinese(shop_db: tuple[Database, Shop]) -> None:
    db, shop = shop_db
    customer = make_customer(db, "王伟", "zh-CN")
    idea = make_complaint(db, shop, customer, kind="suggestion", voucher_minor=None,
                          problem="Oat milk at weekends", cause="other",
                          letter_words="希望周末能提供燕麦奶。")
    letter = prepare_letter(db, "thank-you", complaint_id=idea)
    assert letter.reason == "suggestion"
    text = squash(pdf_text(render(letter)))
    for expected in ("感谢您的宝贵建议", "王伟您好：", "您写道：“希望周末能提供燕麦奶。”",
                     "2026年11月23日", f"意见第 {idea} 号"):
        assert squash(expected) in text, expected


@pytest.mark.parametrize(
    ("lang", "once", "twelve"),
    [("en", "visited us once,", "visited us 12 times,"),
     ("fi", "jo kerran,", "jo 12 kertaa,"),
     ("zh-TW", "光臨本店 1 次，", "光臨本店 12 次，"),
     ("zh-CN", "光临本店 1 次，", "光临本店 12 次，")],
)
def test_loyal_thank_you_needs_a_visit_and_counts_them_properly(
    shop_db: tuple[Database, Shop], lang: str, once: str, twelve: str
) -> None:
    db, _shop = shop_db
    customer = make_customer(db, f"Uusi Asiakas {lang}", lang)
    with pytest.raises(LetterNotPossible, match="no recorded visits yet"):
        prepare_letter(db, "thank-you", customer_id=customer)
    with pytest.raises(LetterNotPossible, match="no recorded visits yet"):
        prepare_letter(db, "thank-you", customer_id=customer, reason="loyal")
    add_visits(db, customer, 1)
    text = squash(pdf_text(render(prepare_letter(db, "thank-you", customer_id=customer))))
    assert squash(once) in text
    add_visits(db, customer, 11)
    text = squash(pdf_text(render(prepare_letter(db, "thank-you", customer_id=customer))))
    assert squash(twelve) in text


def test_template_leaves_the_visits_sentence_out_for_zero_visits() -> None:
    from reports.letter_templates import LetterFacts, compose

    for lang in ("en", "fi", "zh-TW", "zh-CN"):
        body = compose("thank-you", lang, LetterFacts(
            customer_name="A", shop_name="Onni", visits=0, since_year=2024), "loyal").body
        assert "0" not in body and "2024" not in body, (lang, body)


def test_thank_you_for_improving_waits_for_a_promise_to_be_kept(
    shop_db: tuple[Database, Shop]
) -> None:
    from db.service.complaints import get_complaint, update_complaint

    db, shop = shop_db
    customer = make_customer(db, "Pekka Puro", "fi")
    complaint = make_complaint(db, shop, customer, problem="Kakku puuttui", voucher_minor=None,
                               resolution="Toimitamme kakun huomenna.")
    with pytest.raises(LetterNotPossible, match="still open"):
        prepare_letter(db, "thank-you", complaint_id=complaint)
    for status, allowed in (("promised", False), ("resolved", True), ("closed", True)):
        data = get_complaint(db, complaint).to_input()
        data.status = status  # type: ignore[assignment]
        if status == "promised":
            from db.service.models import PromiseInput

            data.promise = PromiseInput("Toimitamme kakun huomenna.", shop.clerk_id)
        update_complaint(db, complaint, data, actor_id=shop.clerk_id)
        assert get_complaint(db, complaint).status == status
        if allowed:
            letter = prepare_letter(db, "thank-you", complaint_id=complaint)
            assert letter.reason == "resolved"
        else:
            with pytest.raises(LetterNotPossible, match="promise to keep|still open"):
                prepare_letter(db, "thank-you", complaint_id=complaint)
            with pytest.raises(LetterNotPossible):
                prepare_letter(db, "thank-you", complaint_id=complaint, reason="resolved")
