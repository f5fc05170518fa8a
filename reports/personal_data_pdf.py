"""The readable copy of everything held about one customer, in their language.

The JSON export is complete and machine-readable (data portability); this PDF is what a
person reads at the counter or by mail: the same data under headings in their language,
dates and money formatted for it, every piece of text they or staff typed escaped.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from db.clock import from_iso
from db.customers.allergens import names as allergen_names
from db.i18n import N_, translator
from db.models import ShopSettings
from reports.fonts import CJK, SANS, SANS_BOLD, mixed_markup, register_fonts
from reports.formatting import format_date, format_money

FIELD_LABELS = {
    "customer_no": N_("Customer number"), "name": N_("Name"), "phone": N_("Phone"),
    "email": N_("Email"), "language": N_("Language for letters"),
    "birth_month": N_("Birthday"), "allergens": N_("Allergens"),
    "allergies": N_("Other allergies"), "form_of_address": N_("Form of address"),
    "preferences": N_("Preferences"), "tags": N_("Tags"), "family_dates": N_("Family dates"),
    "consent_contact": N_("Agreed to be contacted"), "personality": N_("Personality"),
    "tier": N_("Tier"), "visits": N_("Visits"), "total_spend_minor": N_("Total spend"),
    "last_visit_at": N_("Last visit"), "external_id": N_("Id in another system"),
    "created_at": N_("Record created"),
}

# Stored words shown through _() from a variable: marked here for the catalogues.
STORED_WORDS = (
    N_("yes"), N_("no"), N_("counter"), N_("import"), N_("form"), N_("apology"),
    N_("thank-you"), N_("birthday"), N_("proposed"), N_("replacement"),
    N_("discount_percent"), N_("discount_amount"), N_("free_item"), N_("voucher"),
    N_("waived_bill"), N_("refund"),
)


def _when(value: object, lang: str) -> str:
    moment = from_iso(str(value)) if value else None
    return format_date(moment, lang, "medium") if moment is not None else ""


def _birthday(month: int, day: int, year: object, lang: str) -> str:
    from babel.dates import format_skeleton

    from reports.formatting import locale_for

    if year:
        return format_date(date(int(str(year)), month, day), lang, "long")
    return format_skeleton("MMMMd", date(2000, month, day), locale=locale_for(lang))


def build_export_pdf(record: dict[str, Any], settings: ShopSettings, lang: str) -> bytes:
    """A4 PDF of `customer_record`'s data, headings and formats in `lang`."""
    register_fonts()
    _: Callable[[str], str] = translator(lang)  # `_`: the catalogue extraction sees it
    base = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=12.5,
                          wordWrap="CJK" if lang.startswith("zh") else None)
    heading = ParagraphStyle("h", parent=base, fontName=SANS_BOLD, fontSize=12.5, leading=16,
                             spaceBefore=8, spaceAfter=4)
    title = ParagraphStyle("t", parent=heading, fontSize=16, leading=20)
    cjk = CJK

    def p(text: object, style: ParagraphStyle = base) -> Paragraph:
        return Paragraph(mixed_markup(str(text), style.fontName, cjk), style)

    def money(minor: Any) -> str:
        return format_money(int(minor or 0), settings.currency, lang)

    def table(header: Sequence[str], rows: list[list[object]],
              widths: Sequence[float]) -> Flowable:
        if not rows:
            return p(_("None."))
        data = [[p(h, ParagraphStyle("th", parent=base, fontName=SANS_BOLD)) for h in header]]
        data += [[p(cell) for cell in row] for row in rows]
        out = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        out.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F2F2F2")]),
        ]))
        return out

    customer = record["customer"]
    story: list[Flowable] = [
        p(_("What {shop} holds about you").format(shop=settings.shop_name), title),
        p(_("Made on {day}. This is every piece of information we keep about you: your "
            "profile, your consents, your purchases, your feedback and what we did about it, "
            "the letters we sent, and when your record was used.").format(
                day=_when(record["exported_at"], lang))),
        Spacer(1, 4 * mm),
        p(_("Your profile"), heading),
    ]
    rows: list[list[object]] = []
    for key, label in FIELD_LABELS.items():
        value = customer.get(key)
        if value in (None, "", [], 0) and key not in ("visits", "consent_contact"):
            continue
        if key == "total_spend_minor":
            value = money(value)
        elif key in ("last_visit_at", "created_at"):
            value = _when(value, lang)
        elif key == "birth_month":  # one line, as the customer's language writes dates
            value = _birthday(int(value), int(customer.get("birth_day") or 1),
                              customer.get("birth_year"), lang)
        elif key == "allergens":
            value = ", ".join(allergen_names(list(value), lang))
        elif key == "consent_contact":
            value = _("yes") if value else _("no")
        elif key == "family_dates":
            value = "; ".join(f"{d['label']} {d['month']:02d}-{d['day']:02d}" for d in value)
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        rows.append([_(label), value])
    story.append(table([_("What"), _("Held")], rows, (55, 115)))
    story.append(p(_("Consents"), heading))
    story.append(table(
        [_("Consent"), _("Given"), _("When"), _("How")],
        [[_(c["kind"]), _("yes") if c["granted"] else _("no"), _when(c["recorded_at"], lang),
          _(c["method"])] for c in record["consents"]], (45, 25, 50, 50)))
    story.append(p(_("Purchases"), heading))
    story.append(table(
        [_("Date"), _("Receipt"), _("Items"), _("Total")],
        [[_when(x["purchased_at"], lang), x["receipt_id"] or "",
          ", ".join(f"{i['quantity']} × {i['name']}" for i in x["items"]), money(x["total_minor"])]
         for x in record["purchases"]], (28, 30, 82, 30)))
    story.append(p(_("Your feedback and what we did"), heading))
    story.append(table(
        [_("Date"), _("Kind"), _("What you told us"), _("What we did")],
        [[_when(c["occurred_at"], lang), _(c["kind"]), c["problem"], c["resolution"]]
         for c in record["complaints"]], (28, 27, 60, 55)))
    story.append(table(
        [_("Compensation"), _("Value"), _("Decision")],
        [[c["description"] or _(c["kind"]), money(c["value_minor"]), _(c["status"])]
         for c in record["compensations"]], (90, 40, 40)))
    story.append(p(_("Vouchers"), heading))
    story.append(table(
        [_("Code"), _("Value"), _("Valid until"), _("Used")],
        [[v["code"], money(v["value_minor"]), v["expires_on"],
          _when(v["redeemed_at"], lang) or _("no")] for v in record["vouchers"]],
        (40, 40, 45, 45)))
    story.append(p(_("Follow-ups"), heading))
    story.append(table(
        [_("Promise"), _("Due"), _("Outcome")],
        [[f["promise"], _when(f["due_at"], lang), f["outcome"]] for f in record["follow_ups"]],
        (70, 35, 65)))
    story.append(p(_("Letters we sent you"), heading))
    story.append(table(
        [_("Date"), _("Letter"), _("Language")],
        [[_when(x["created_at"], lang), _(x["kind"]), x["language"]]
         for x in record["letters"]], (40, 70, 60)))
    story.append(KeepTogether([
        p(_("When your record was used"), heading),
        table([_("Date"), _("What")],
              [[_when(a["at"], lang), a["action"]] for a in record["audit_entries"]],
              (40, 130))]))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=_("What {shop} holds about you").format(
                                shop=settings.shop_name),
                            author=settings.shop_name, lang=lang)
    doc.build(story)
    return buffer.getvalue()
