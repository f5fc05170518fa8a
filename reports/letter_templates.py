"""Letter texts from ``assets/letters/<lang>.json``: choose a template, fill it, return plain text.

The wording lives in the JSON files (one per language, edited by translators, not programmers).
A template has a subject, a salutation, a closing and a list of paragraphs; a paragraph may be
conditional (``{"if": "voucher", "text": ...}``, ``"!staff_name"`` for "when not",
``"voucher&!voucher_listed"`` for both). Remedies are named from their kinds and amounts
(``remedies`` in the file), "what we change" from the complaint's own text or the sentence for
its (real) cause (``changes``). Values are
filled with ``str.format_map`` in one pass, so braces or markup in a customer's name or complaint
text are data, never template syntax. The result is plain text; the PDF builder escapes it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.lists import format_list

import assets
from db.models import ShopSettings
from reports.formatting import format_date, format_money, locale_for

LETTERS_DIR = Path(assets.__file__).resolve().parent / "letters"

KINDS: tuple[str, ...] = ("apology", "thank-you", "birthday")
THANK_YOU_REASONS: tuple[str, ...] = ("loyal", "compliment", "resolved", "suggestion")
LETTER_LANGUAGES: tuple[str, ...] = ("en", "fi", "zh-TW", "zh-CN")

# Cause keys of the complaint form (db.service.models.CAUSES) -> the template's cause sentence.
# Aliases let the letter read well whichever spelling the complaint layer settles on.
_CAUSE_ALIASES: dict[str, str] = {
    "food_quality": "quality",
    "product_quality": "quality",
    "quality": "quality",
    "wrong_item": "wrong_item",
    "missing_item": "wrong_item",
    "wrong_or_missing": "wrong_item",
    "wrong_or_missing_item": "wrong_item",
    "waiting": "waiting",
    "waiting_time": "waiting",
    "wait": "waiting",
    "attitude": "attitude",
    "staff_attitude": "attitude",
    "skill": "skill",
    "staff_skill": "skill",
    "knowledge": "skill",
    "promise": "promise",
    "promise_not_kept": "promise",
    "price": "billing",
    "billing": "billing",
    "price_billing": "billing",
    "cleanliness": "cleanliness",
    "environment": "cleanliness",
    "booking": "booking",
    "reservation": "booking",
    "other": "other",
}

_CJK_LATIN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])([A-Za-z\u00c0-\u024f])")
_LATIN_CJK = re.compile(r"([A-Za-z\u00c0-\u024f])([\u3400-\u9fff\uf900-\ufaff])")


@dataclass(frozen=True)
class VoucherInfo:
    """A voucher printed on a letter: the till scans `code`."""

    code: str
    value_minor: int
    expires_on: date


@dataclass(frozen=True)
class RemedyInfo:
    """One approved remedy as the letter names it: its kind and what it was worth.

    `item` is the product's name for a free item or a replacement ('' when none was named);
    `percent` for a percentage discount; `code` and `expires_on` for a voucher.
    """

    kind: str
    value_minor: int = 0
    item: str = ""
    percent: int | None = None
    code: str = ""
    expires_on: date | None = None


@dataclass(frozen=True)
class LetterFacts:
    """What the wording may mention; empty strings mean "not known" and drop conditional text.

    Only words meant for the customer reach a letter: `letter_words` (written for it on the
    complaint form, in the letter's language), `prevention` (what we change), and the
    remedies, named from their kinds and amounts. The staff's own notes (the problem as
    recorded, the resolution) are never among the facts.
    """

    customer_name: str
    shop_name: str
    currency: str = "EUR"
    phone: str = ""
    email: str = ""
    visit_date: date | None = None
    cause: str = ""
    real_cause: str = ""  # once known; the "what we change" sentence follows it
    letter_words: str = ""
    prevention: str = ""
    remedies: tuple[RemedyInfo, ...] = ()
    staff_name: str = ""
    since_year: int | None = None
    visits: int = 0
    favourite: str = ""
    voucher: VoucherInfo | None = None
    form_of_address: str = ""


@dataclass(frozen=True)
class LetterText:
    """The filled wording. `body` (salutation + paragraphs, blank line between) is editable."""

    subject: str
    body: str
    closing: str


class TemplateError(ValueError):
    """A letter template is missing or malformed (a packaging bug, not a user error)."""


def normalise_language(lang: str) -> str:
    """Map ``zh_TW``, ``zh-Hant``, ``FI`` and friends to one of LETTER_LANGUAGES (else ``en``)."""
    key = lang.replace("_", "-").strip().lower()
    if key in ("zh-tw", "zh-hant", "zh-hk", "zh-hant-tw", "zh-mo"):
        return "zh-TW"
    if key in ("zh-cn", "zh-hans", "zh", "zh-sg", "zh-hans-cn"):
        return "zh-CN"
    if key.startswith("fi"):
        return "fi"
    return "en"


@lru_cache(maxsize=8)
def load_language(lang: str) -> dict[str, Any]:
    """The parsed template file of `lang` (cached; files are read once per process)."""
    lang = normalise_language(lang)
    path = LETTERS_DIR / f"{lang}.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TemplateError(f"cannot read letter templates {path}: {exc}") from exc
    return data


def template_key(kind: str, reason: str | None = None) -> str:
    if kind not in KINDS:
        raise TemplateError(f"unknown letter kind {kind!r}")
    if kind == "thank-you":
        reason = reason or "loyal"
        if reason not in THANK_YOU_REASONS:
            raise TemplateError(f"unknown thank-you reason {reason!r}")
        return f"thank-you/{reason}"
    return kind


def labels(lang: str) -> dict[str, str]:
    """Fixed captions of the letter (reference line, voucher block) in `lang`."""
    return dict(load_language(lang)["labels"])


def role_title(lang: str, role: str) -> str:
    roles: dict[str, str] = load_language(lang)["roles"]
    return roles.get(role, roles.get("staff", role))


def team_signer(lang: str, shop: str) -> str:
    """Who signs when no person is named ("The Counterpart Café team")."""
    return fill(lang, str(load_language(lang)["team_signer"]), {"shop": shop})


def signature_suffix(lang: str) -> str:
    """Written after the signer's name (敬上 in Chinese letters; nothing in English/Finnish)."""
    return str(load_language(lang).get("signature_suffix", ""))


def _joins_han_latin(left: str, right: str) -> bool:
    if not left or not right:
        return False
    pair = left[-1] + right[0]
    return bool(_CJK_LATIN.fullmatch(pair) or _LATIN_CJK.fullmatch(pair))


def fill(lang: str, template: str, vals: Mapping[str, str]) -> str:
    """``template.format_map(vals)`` in one pass; values are never parsed as templates.

    In Chinese, a space is put where the template's Han text meets a Latin value
    (``親愛的 Anna Virtanen 您好``), as Taiwanese and mainland typesetting do; the values
    themselves are left exactly as typed.
    """
    out = ""
    for literal, field, spec, conversion in string.Formatter().parse(template):
        out = _join(lang, out, literal)
        if field is None:
            continue
        value = vals[field]
        text = str(value)
        if conversion == "r":
            text = repr(value)
        elif conversion == "a":
            text = ascii(value)
        if spec:
            text = format(text, spec)
        out = _join(lang, out, text)
    return out


def _join(lang: str, left: str, right: str) -> str:
    if lang.startswith("zh") and _joins_han_latin(left, right):
        return f"{left} {right}"
    return left + right


def _contact(lang: str, data: Mapping[str, Any], phone: str, email: str) -> str:
    contact: dict[str, str] = data["contact"]
    if phone and email:
        return fill(lang, contact["both"], {"phone": phone, "email": email})
    if phone:
        return fill(lang, contact["phone"], {"phone": phone})
    if email:
        return fill(lang, contact["email"], {"email": email})
    return contact["none"]


def _remedy_phrase(lang: str, data: Mapping[str, Any], r: RemedyInfo, currency: str) -> str:
    """"a refund of 6,56 €", "ilmainen lohibageli", "面額 20 € 的禮券一張（…）"."""
    forms: dict[str, str] = data["remedies"]
    vals = {
        "amount": format_money(r.value_minor, currency, lang),
        "item": r.item.strip(),
        "percent": str(r.percent or 0),
        "code": r.code,
        "expiry": format_date(r.expires_on, lang) if r.expires_on else "",
    }
    key = r.kind
    if key in ("free_item", "replacement") and not vals["item"]:
        key = f"{key}_plain"
    if key not in forms:
        return ""
    return fill(lang, forms[key], vals)


def remedy_phrases(lang: str, facts: LetterFacts) -> list[str]:
    """Each remedy with value named with its amount, in the order they were given."""
    lang = normalise_language(lang)
    data = load_language(lang)
    phrases = [_remedy_phrase(lang, data, r, facts.currency) for r in facts.remedies
               if r.kind != "apology"]
    return [p for p in phrases if p]


def cause_key(cause: str) -> str:
    """The template's cause key for a stored cause (causes added in settings: "other")."""
    return _CAUSE_ALIASES.get(cause, "other") if cause else "other"


def cause_sentence(lang: str, cause: str) -> str:
    """What happened, in the cause's own words in `lang` ("You were kept waiting...")."""
    causes: dict[str, str] = load_language(lang)["causes"]
    return causes.get(cause_key(cause), causes["other"])


def values(lang: str, facts: LetterFacts) -> dict[str, str]:
    """Every placeholder a template may use, formatted for `lang` (dates, money, plurals)."""
    data = load_language(lang)
    quotes: dict[str, str] = data["quotes"]
    visits_forms: dict[str, str] = data["visits"]
    plural = Locale.parse(locale_for(lang)).plural_form(facts.visits)
    visits_count = fill(
        lang, visits_forms.get(plural, visits_forms["other"]), {"n": str(facts.visits)}
    ) if facts.visits >= 1 else ""  # never "visited us 0 times": the sentence is left out
    v = facts.voucher
    phrases = remedy_phrases(lang, facts)
    remedies = format_list(phrases, locale=locale_for(lang)) if phrases else ""
    words = facts.letter_words.strip()
    prevention = facts.prevention.strip()
    changes: dict[str, str] = data["changes"]
    change = (fill(lang, changes["own"], {"text": prevention}) if prevention
              else changes.get(cause_key(facts.real_cause or facts.cause), changes["other"]))
    listed = v is not None and any(r.kind == "voucher" and r.code == v.code
                                   for r in facts.remedies)
    name = facts.customer_name.strip()
    return {
        "name": name,
        "address": facts.form_of_address.strip() or name,
        "shop": facts.shop_name.strip(),
        "visit_date": format_date(facts.visit_date, lang) if facts.visit_date else "",
        "cause": cause_sentence(lang, facts.cause),
        "what_happened": words or cause_sentence(lang, facts.cause),
        "words": words,
        "words_quote": fill(lang, quotes["words"], {"text": words}) if words else "",
        "remedies": remedies,
        "remedies_sentence": (fill(lang, str(data["remedies_intro"]), {"remedies": remedies})
                              if remedies else ""),
        "change": change,
        "staff_name": facts.staff_name.strip(),
        "since": str(facts.since_year) if facts.since_year else "",
        "visits_count": visits_count,
        "favourite": facts.favourite.strip(),
        "contact": _contact(lang, data, facts.phone.strip(), facts.email.strip()),
        "voucher": v.code if v else "",
        "voucher_listed": "yes" if listed else "",
        "voucher_value": format_money(v.value_minor, facts.currency, lang) if v else "",
        "voucher_expiry": format_date(v.expires_on, lang) if v else "",
    }


def _wanted(condition: str, vals: Mapping[str, str]) -> bool:
    """``"voucher"``, ``"!staff_name"``, or several joined by ``&`` (all must hold)."""
    for term in condition.split("&"):
        term = term.strip()
        if term.startswith("!"):
            if vals.get(term[1:]):
                return False
        elif not vals.get(term):
            return False
    return True


def compose(kind: str, lang: str, facts: LetterFacts, reason: str | None = None) -> LetterText:
    """Fill the template for `kind` (and thank-you `reason`) in `lang` with `facts`."""
    lang = normalise_language(lang)
    data = load_language(lang)
    key = template_key(kind, reason)
    try:
        template: dict[str, Any] = data["letters"][key]
    except KeyError as exc:
        raise TemplateError(f"{lang}.json has no template {key!r}") from exc
    vals = values(lang, facts)
    paragraphs: list[str] = []
    for item in template["paragraphs"]:
        if isinstance(item, dict):
            if not _wanted(str(item.get("if", "")), vals):
                continue
            text = str(item["text"])
        else:
            text = str(item)
        filled = fill(lang, text, vals).strip()
        if filled:
            paragraphs.append(filled)
    salutation = fill(lang, str(template["salutation"]), vals)
    body = "\n\n".join([salutation, *paragraphs])
    return LetterText(
        subject=fill(lang, str(template["subject"]), vals),
        body=body,
        closing=str(template["closing"]),
    )


@dataclass(frozen=True)
class LetterData:
    """Everything printed on one letter. `body` is the (possibly edited) text that is kept."""

    kind: str
    language: str
    shop: ShopSettings
    customer_name: str
    letter_date: date
    subject: str
    body: str
    closing: str
    signer_name: str
    signer_role: str = ""
    customer_no: str = ""
    complaint_id: int | None = None
    complaint_date: date | None = None
    complaint_kind: str = "complaint"  # or compliment / suggestion: the reference line says so
    voucher: VoucherInfo | None = None
    reason: str = ""  # thank-you: loyal / compliment / resolved
    customer_id: int | None = None
    signer_contact: str = ""  # how to reach the signer (the shop's phone and e-mail)
    # For the person preparing the letter, never printed: which parts were worded by
    # default because nothing customer-facing was written (the preview shows them).
    notes: tuple[str, ...] = ()
    extra: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)
