"""Build a letter as PDF bytes with ReportLab platypus: letterhead, reference, body, voucher.

Layout, top to bottom: the letterhead (logo if set, shop name, address and contact) drawn on
every page; the recipient and a reference line (complaint number and date, letter date); the
subject; the body exactly as the staff member left it (paragraphs split at blank lines); the
closing and signature (name and role); and, when there is a voucher, a tear-off voucher with
value, code, expiry and a QR code of the code that a till can scan.

Everything a person typed (names, complaint text, the edited body) goes through
:func:`reports.fonts.mixed_markup`, so markup characters print as typed and Chinese runs get
the CJK font. All fonts are embedded TrueType subsets.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from db.models import ShopSettings
from reports.bidi_text import visual
from reports.fonts import (
    CJK,
    CJK_BOLD,
    SANS,
    SANS_BOLD,
    SERIF,
    SERIF_BOLD,
    mixed_markup,
    register_fonts,
)
from reports.formatting import format_date, format_money
from reports.letter_templates import (
    KINDS,
    LetterData,
    VoucherInfo,
    labels,
    normalise_language,
    signature_suffix,
)

__all__ = ["LetterData", "VoucherInfo", "build_letter_pdf", "build_letters_pdf", "page_size"]

INK = colors.HexColor("#1f2a30")
MUTED = colors.HexColor("#5f6b73")
ACCENT = colors.HexColor("#7a2e3a")  # a deep wine red: letterhead rule and voucher frame
VOUCHER_BG = colors.HexColor("#fbf6ef")

MARGIN_X = 24 * mm
LETTERHEAD_H = 33 * mm
FOOTER_H = 16 * mm


def page_size(settings: ShopSettings) -> tuple[float, float]:
    size = LETTER if settings.page_size == "Letter" else A4
    return float(size[0]), float(size[1])


def _is_cjk(lang: str) -> bool:
    return lang.startswith("zh")


class _Styles:
    """Paragraph styles for one language: serif Latin for en/fi, sans Latin beside CJK."""

    def __init__(self, lang: str) -> None:
        cjk = _is_cjk(lang)
        self.latin = SANS if cjk else SERIF
        self.latin_bold = SANS_BOLD if cjk else SERIF_BOLD
        wrap = "CJK" if cjk else None
        size = 10.5
        leading = 16 if cjk else 14.6
        self.body = ParagraphStyle(
            "body", fontName=self.latin, fontSize=size, leading=leading, textColor=INK,
            spaceAfter=6.5, wordWrap=wrap, alignment=TA_LEFT,
            firstLineIndent=0,
        )
        self.small = ParagraphStyle(
            "small", parent=self.body, fontName=SANS, fontSize=8.5, leading=11.5,
            textColor=MUTED, spaceAfter=0,
        )
        self.small_right = ParagraphStyle("small_right", parent=self.small, alignment=TA_RIGHT)
        self.recipient = ParagraphStyle(
            "recipient", parent=self.body, fontName=self.latin_bold, spaceAfter=2
        )
        self.subject = ParagraphStyle(
            "subject", parent=self.body, fontName=self.latin_bold, fontSize=13.5, leading=18,
            spaceBefore=4, spaceAfter=12, textColor=ACCENT,
        )
        self.sign_name = ParagraphStyle(
            "sign_name", parent=self.body, fontName=self.latin_bold, spaceAfter=0
        )
        self.sign_role = ParagraphStyle(
            "sign_role", parent=self.body, textColor=MUTED, spaceAfter=0
        )
        self.v_title = ParagraphStyle(
            "v_title", fontName=SANS_BOLD, fontSize=9, leading=12, textColor=ACCENT,
            wordWrap=wrap,
        )
        self.v_value = ParagraphStyle(
            "v_value", fontName=SERIF_BOLD, fontSize=22, leading=26, textColor=INK,
            wordWrap=wrap,
        )
        self.v_label = ParagraphStyle(
            "v_label", fontName=SANS, fontSize=8, leading=10, textColor=MUTED, wordWrap=wrap
        )
        self.v_text = ParagraphStyle(
            "v_text", fontName=SANS, fontSize=10, leading=13, textColor=INK, wordWrap=wrap
        )
        self.v_code = ParagraphStyle(
            "v_code", fontName=SANS_BOLD, fontSize=13, leading=16, textColor=INK
        )
        self.v_note = ParagraphStyle(
            "v_note", fontName=SANS, fontSize=7.5, leading=10, textColor=MUTED, wordWrap=wrap
        )
        self.head_name = ParagraphStyle(
            "head_name", fontName=SERIF_BOLD, fontSize=19, leading=23, textColor=INK,
        )
        self.head_info = ParagraphStyle(
            "head_info", fontName=SANS, fontSize=8.5, leading=11.5, textColor=MUTED,
            alignment=TA_RIGHT,
        )
        self.cut = ParagraphStyle(
            "cut", fontName=SANS, fontSize=7.5, leading=9, textColor=MUTED, alignment=TA_LEFT,
            wordWrap=wrap,
        )

    def m(self, text: str, bold: bool = False) -> str:
        """Escaped markup of person-supplied or template text in this language's fonts.

        Right-to-left names print in visual order with joined letters (`bidi_text`); bold
        Chinese uses the bold CJK face, not a smudged synthetic one.
        """
        return mixed_markup(visual(text), self.latin_bold if bold else self.latin,
                            CJK_BOLD if bold else CJK)


def _sans(text: str, bold: bool = False) -> str:
    return mixed_markup(visual(text), SANS_BOLD if bold else SANS, CJK_BOLD if bold else CJK)


class _CutLine(Flowable):
    """A dashed line with a small caption: where to cut the voucher off the letter."""

    def __init__(self, caption: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.caption = Paragraph(_sans("✂  " + caption), style)
        self.height = 12

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.caption.wrap(avail_width - 20, self.height)
        return avail_width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(MUTED)
        c.setLineWidth(0.6)
        c.setDash(3, 3)
        c.line(0, self.height / 2, self.width, self.height / 2)
        c.restoreState()
        widths = self.caption.getActualLineWidths0() or [120.0]
        tw = min(self.width - 10, max(widths) + 10)
        c.saveState()
        c.setFillColor(colors.white)
        c.rect(10, 0, tw, self.height, stroke=0, fill=1)
        c.restoreState()
        self.caption.drawOn(c, 14, 1.5)


def qr_matrix(code: str) -> list[list[bool]]:
    """The QR code modules of `code` (error correction M, no quiet zone): True is dark."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(code)
    qr.make()
    n = qr.getModuleCount()
    return [[bool(qr.isDark(r, c)) for c in range(n)] for r in range(n)]


class QrFlowable(Flowable):
    """A QR code drawn as one filled path (one rectangle per run of dark modules).

    ReportLab's QrCodeWidget builds a shape per module and lays the code out twice; this draws
    the same modules in a fraction of the time, with the quiet zone a scanner needs.
    """

    QUIET = 2  # modules of white border

    def __init__(self, code: str, size: float) -> None:
        super().__init__()
        self.code = code
        self.size = size
        self.matrix = qr_matrix(code)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.matrix)
        cell = self.size / (n + 2 * self.QUIET)
        c = self.canv
        c.saveState()
        c.setFillColor(colors.white)
        c.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        c.setFillColor(colors.black)
        path = c.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.size - (r + 1 + self.QUIET) * cell
            col = 0
            while col < n:
                if row[col]:
                    start = col
                    while col < n and row[col]:
                        col += 1
                    path.rect((start + self.QUIET) * cell, y, (col - start) * cell, cell)
                else:
                    col += 1
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


def _voucher_block(data: LetterData, st: _Styles, width: float) -> list[Flowable]:
    v = data.voucher
    assert v is not None
    lang = data.language
    lab = labels(lang)
    qr_size = 27 * mm
    value = format_money(v.value_minor, data.shop.currency, lang)
    left: list[Flowable] = [
        Paragraph(_sans(data.shop.shop_name.upper() + "  ·  " + lab["voucher_title"].upper(),
                        bold=True), st.v_title),
        Spacer(1, 3),
        Paragraph(mixed_markup(value, SERIF_BOLD, CJK), st.v_value),
        Spacer(1, 4),
    ]
    facts = Table(
        [
            [Paragraph(_sans(lab["voucher_code"]), st.v_label),
             Paragraph(_sans(lab["voucher_valid_until"]), st.v_label)],
            [Paragraph(_sans(v.code, bold=True), st.v_code),
             Paragraph(_sans(format_date(v.expires_on, lang)), st.v_text)],
        ],
        colWidths=[(width - qr_size - 16 * mm) * 0.55, (width - qr_size - 16 * mm) * 0.45],
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), SANS),  # no stray Helvetica
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ]),
        hAlign="LEFT",
    )
    left += [
        facts,
        Spacer(1, 5),
        Paragraph(_sans(lab["voucher_for"].replace("{name}", data.customer_name)), st.v_text)
        if "{name}" in lab["voucher_for"] else Spacer(1, 0),
        Spacer(1, 3),
        Paragraph(_sans(lab["voucher_note"]), st.v_note),
    ]
    box = Table(
        [[left, QrFlowable(v.code, qr_size)]],
        colWidths=[width - qr_size - 10 * mm, qr_size + 10 * mm],
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), SANS),  # no stray Helvetica
            ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
            ("BACKGROUND", (0, 0), (-1, -1), VOUCHER_BG),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (1, 0), (1, 0), "CENTER"),
            ("LEFTPADDING", (0, 0), (0, 0), 6 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ("RIGHTPADDING", (1, 0), (1, 0), 4 * mm),
        ]),
    )
    return [
        Spacer(1, 3 * mm),
        KeepTogether([_CutLine(lab["cut_here"], st.cut), Spacer(1, 3.5 * mm), box]),
    ]


def _body_paragraphs(body: str, st: _Styles) -> list[Flowable]:
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b.strip("\n") for b in text.split("\n\n")]
    return [Paragraph(st.m(b), st.body) for b in blocks if b.strip()]


@dataclass
class LetterheadLayout:
    """Where the letterhead and footer go on a page (points from the bottom-left corner).

    Boxes are ``(x, y, width, height)``. Computed from the wrapped paragraphs, so a long shop
    name or a footer that needs two lines moves the rules instead of crossing them; the body
    frame's margins come from here too.
    """

    name_size: float
    name_box: tuple[float, float, float, float]
    info_box: tuple[float, float, float, float]
    logo_box: tuple[float, float, float, float] | None
    rule_y: float  # the thick letterhead rule; a thin one runs 2.2 pt below it
    footer_rule_y: float
    footer_box: tuple[float, float, float, float]
    page_box: tuple[float, float, float, float]
    top_margin: float
    bottom_margin: float
    name: Paragraph = field(repr=False)
    info: Paragraph = field(repr=False)
    footer: Paragraph = field(repr=False)
    logo: ImageReader | None = field(repr=False, default=None)


RULE_GAP = 2.2  # between the thick and the thin letterhead rule
NAME_SIZES = (19.0, 18.0, 17.0, 16.0, 15.0, 14.0, 13.0, 12.0)


def _fit_name(text: str, width: float) -> tuple[Paragraph, float, float]:
    """The shop name paragraph at the largest size that fits: one line from 19 down to 15 pt,
    else two lines down to 12 pt, else as many lines as it takes at 12 pt (or less for a word
    wider than the space). Returns the paragraph, its font size and its wrapped height."""
    markup = mixed_markup(text, SERIF_BOLD, CJK)

    def attempt(size: float) -> tuple[Paragraph, int, float, float]:
        style = ParagraphStyle("head_name", fontName=SERIF_BOLD, fontSize=size,
                               leading=round(size * 1.2, 1), textColor=INK)
        para = Paragraph(markup, style)
        _, h = para.wrap(width, 1000)
        widest = max(para.getActualLineWidths0() or [0.0])
        return para, len(para.blPara.lines), h, widest

    for max_lines, sizes in ((1, NAME_SIZES[:5]), (2, NAME_SIZES)):
        for size in sizes:
            para, lines, h, widest = attempt(size)
            if lines <= max_lines and widest <= width + 0.01:
                return para, size, h
    size = NAME_SIZES[-1]
    para, _, h, widest = attempt(size)
    while widest > width + 0.01 and size > 7:  # one unbreakable word: shrink until it fits
        size -= 0.5
        para, _, h, widest = attempt(size)
    return para, size, h


def letterhead_layout(shop: ShopSettings, lang: str) -> LetterheadLayout:
    """Measure the letterhead (logo, shop name, address and contact) and the footer."""
    register_fonts()
    width, height = page_size(shop)
    lang = normalise_language(lang)
    content_w = width - 2 * MARGIN_X
    info_lines = [line.strip() for line in shop.address.splitlines() if line.strip()]
    contact_parts = [x for x in (shop.phone.strip(), shop.email.strip()) if x]
    info_style = ParagraphStyle("head_info", fontName=SANS, fontSize=8.5, leading=11.5,
                                textColor=MUTED, alignment=TA_RIGHT)
    max_info_w = 75 * mm
    contact_line = "   ".join(contact_parts)
    if contact_line and stringWidth(contact_line, SANS, 8.5) > max_info_w:
        head_lines = info_lines + contact_parts  # phone and e-mail each on a line
    else:
        head_lines = info_lines + ([contact_line] if contact_line else [])
    info = Paragraph("<br/>".join(_sans(line) for line in head_lines) or "&nbsp;", info_style)
    _, _ = info.wrap(max_info_w, 1000)
    info_w = min(max_info_w, max(info.getActualLineWidths0() or [0.0]) + 1)
    _, info_h = info.wrap(info_w, 1000)

    logo: ImageReader | None = None
    if shop.logo_path:
        try:
            if Path(shop.logo_path).is_file():
                logo = ImageReader(shop.logo_path)
        except Exception:  # noqa: BLE001 - a broken logo must not stop a letter
            logo = None
    logo_h = 15 * mm
    logo_w = 0.0
    if logo is not None:
        iw, ih = logo.getSize()
        logo_w = min(40 * mm, logo_h * iw / ih if ih else logo_h)
    name_x = MARGIN_X + (logo_w + 4 * mm if logo is not None else 0)
    name_w = width - MARGIN_X - info_w - 6 * mm - name_x
    name, name_size, name_h = _fit_name(shop.shop_name, name_w)

    # Everything in the letterhead sits on `base`; the usual base leaves 8.5 mm above a logo.
    block_h = max(name_h, info_h, logo_h if logo is not None else 0.0)
    base = min(height - LETTERHEAD_H + 9.5 * mm, height - 8 * mm - block_h)
    rule_y = base - 3.5 * mm
    if logo is not None:
        name_y = base + max(0.0, (logo_h - name_h) / 2)  # centred on the logo, never below it
        logo_box: tuple[float, float, float, float] | None = (
            MARGIN_X, base + max(0.0, (block_h - logo_h) / 2), logo_w, logo_h)
    else:
        name_y = base
        logo_box = None

    footer_text = "  ·  ".join(
        x for x in (shop.shop_name.strip(), ", ".join(info_lines), "   ".join(contact_parts))
        if x
    )
    page_w = 25 * mm
    footer_w = content_w - page_w - 2 * mm
    footer = footer_h = None
    for size in (7.5, 7.0, 6.5, 6.0):  # shrink to two lines at most where possible
        style = ParagraphStyle("foot", fontName=SANS, fontSize=size, leading=size + 2.5,
                               textColor=MUTED, alignment=TA_LEFT)
        footer = Paragraph(_sans(footer_text) or "&nbsp;", style)
        _, footer_h = footer.wrap(footer_w, 1000)
        if len(footer.blPara.lines) <= 2:
            break
    assert footer is not None and footer_h is not None
    one_line = footer.style.leading
    footer_y = max(7 * mm, FOOTER_H - 4 * mm - (footer_h - one_line))
    footer_rule_y = footer_y + footer_h + 1.5 * mm
    return LetterheadLayout(
        name_size=name_size,
        name_box=(name_x, name_y, name_w, name_h),
        info_box=(width - MARGIN_X - info_w, base, info_w, info_h),
        logo_box=logo_box,
        rule_y=rule_y,
        footer_rule_y=footer_rule_y,
        footer_box=(MARGIN_X, footer_y, footer_w, footer_h),
        page_box=(width - MARGIN_X - page_w, footer_y, page_w, 11.5),
        top_margin=height - rule_y + 8 * mm,
        bottom_margin=footer_rule_y + 5 * mm,
        name=name, info=info, footer=footer, logo=logo,
    )


def _letterhead(data: LetterData, st: _Styles, layout: LetterheadLayout,
                drawn: list[LetterheadLayout] | None = None) -> Any:
    """Return a page callback that draws letterhead and footer as `layout` measured them.

    `drawn`, when given, receives the layout of every page drawn (tests check the geometry).
    """
    width, _height = page_size(data.shop)
    lab = labels(data.language)
    first_page: list[int] = []

    def draw(canvas: Canvas, doc: Any) -> None:
        if not first_page:
            first_page.append(doc.page)
        page_no = doc.page - first_page[0] + 1
        lay = layout
        canvas.saveState()
        if lay.logo is not None and lay.logo_box is not None:
            x, y, w, h = lay.logo_box
            canvas.drawImage(lay.logo, x, y, width=w, height=h,
                             preserveAspectRatio=True, anchor="sw", mask="auto")
        x, y, w, _h = lay.info_box
        lay.info.wrap(w, 1000)
        lay.info.drawOn(canvas, x, y)
        x, y, w, _h = lay.name_box
        lay.name.wrap(w, 1000)
        lay.name.drawOn(canvas, x, y)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.6)
        canvas.line(MARGIN_X, lay.rule_y, width - MARGIN_X, lay.rule_y)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, lay.rule_y - RULE_GAP, width - MARGIN_X, lay.rule_y - RULE_GAP)
        # footer
        canvas.setStrokeColor(colors.HexColor("#c9c2b8"))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, lay.footer_rule_y, width - MARGIN_X, lay.footer_rule_y)
        x, y, w, _h = lay.footer_box
        lay.footer.wrap(w, 1000)
        lay.footer.drawOn(canvas, x, y)
        if page_no > 1:  # a letter's first page carries no number ("Page 1" of one page)
            page = Paragraph(_sans(lab["page"].replace("{page}", str(page_no))),
                             st.small_right)
            x, y, w, _h = lay.page_box
            page.wrap(w, 10 * mm)
            page.drawOn(canvas, x, y)
        canvas.restoreState()
        if drawn is not None:
            drawn.append(lay)

    return draw


def _reference(data: LetterData, st: _Styles, width: float) -> Table:
    lab = labels(data.language)
    lang = data.language
    left: list[str] = []
    if data.complaint_id is not None:
        key = "complaint_ref" if data.complaint_kind == "complaint" else "feedback_ref"
        ref = lab[key].replace("{number}", str(data.complaint_id))
        ref = ref.replace(
            "{date}", format_date(data.complaint_date, lang) if data.complaint_date else ""
        )
        if not data.complaint_date:
            ref = ref.strip(" ,（）()")
        left.append(_sans(lab["our_reference"] + lab["colon"]) + _sans(ref, True))
    if data.customer_no:
        left.append(_sans(lab["customer_no"].replace("{number}", data.customer_no)))
    right = _sans(lab["date"] + lab["colon"]) + _sans(format_date(data.letter_date, lang), True)
    return Table(
        [[Paragraph("<br/>".join(left) or "&nbsp;", st.small), Paragraph(right, st.small_right)]],
        colWidths=[width * 0.62, width * 0.38],
        style=TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), SANS),  # no stray Helvetica
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c9c2b8")),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]),
    )


def _normalised(data: LetterData) -> LetterData:
    if data.kind not in KINDS:
        raise ValueError(f"unknown letter kind {data.kind!r}")
    lang = normalise_language(data.language)
    return data if lang == data.language else replace(data, language=lang)


def _story(data: LetterData, frame_w: float) -> list[Flowable]:
    """The flowables of one letter (everything but letterhead and footer)."""
    lang = data.language
    st = _Styles(lang)
    story: list[Flowable] = [
        Paragraph(st.m(data.customer_name, bold=True), st.recipient),
        Spacer(1, 4 * mm),
        _reference(data, st, frame_w),
        Spacer(1, 6 * mm),
    ]
    if data.subject.strip():
        story.append(Paragraph(st.m(data.subject, bold=True), st.subject))
    story += _body_paragraphs(data.body, st)
    sign_name = data.signer_name.strip()
    suffix = signature_suffix(lang)
    if suffix and sign_name:
        sign_name = f"{sign_name}　{suffix}"
    signature: list[Flowable] = [Spacer(1, 2 * mm)]
    if data.closing.strip():
        signature.append(Paragraph(st.m(data.closing), st.body))
    signature += [Spacer(1, 8 * mm), Paragraph(st.m(sign_name, bold=True), st.sign_name)]
    if data.signer_role.strip():
        role = data.signer_role.strip()
        line = f"{shop_line(data, role)}"
        signature.append(Paragraph(st.m(line), st.sign_role))
    if data.signer_contact.strip():
        signature.append(Paragraph(st.m(data.signer_contact.strip()), st.sign_role))
    story.append(KeepTogether(signature))
    if data.voucher is not None:
        story += _voucher_block(data, st, frame_w)
    return story


def shop_line(data: LetterData, role: str) -> str:
    """"Manager, Counterpart Café" / "Counterpart Café　店長"."""
    if _is_cjk(data.language):
        return f"{data.shop.shop_name}　{role}"
    return f"{role}, {data.shop.shop_name}"


class _LetterDone(Flowable):
    """Zero-size marker after each letter, so a batch can report progress while it renders."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class _Doc(BaseDocTemplate):
    def __init__(self, *args: Any, progress: Callable[[int, int], None] | None = None,
                 total: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._progress = progress
        self._total = total

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's name
        if isinstance(flowable, _LetterDone) and self._progress is not None:
            self._progress(flowable.index + 1, self._total)


def build_letters_pdf(
    letters: Sequence[LetterData], progress: Callable[[int, int], None] | None = None,
    *, drawn: list[LetterheadLayout] | None = None,
) -> bytes:
    """Render several letters into one PDF (a birthday batch); each starts on a new page.

    Page size and letterhead come from the first letter's shop settings; page numbers restart
    for each letter. `progress(done, total)` is called after each letter is laid out;
    `drawn` (for tests) receives the letterhead layout of every page drawn.
    """
    if not letters:
        raise ValueError("no letters to render")
    register_fonts()
    items = [_normalised(d) for d in letters]
    first = items[0]
    width, height = page_size(first.shop)
    frame_w = width - 2 * MARGIN_X - 12  # the frame's own 6 pt padding each side
    layouts = [letterhead_layout(d.shop, d.language) for d in items]
    buf = io.BytesIO()
    lang = first.language
    doc = _Doc(
        buf, pagesize=(width, height), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=max(lay.top_margin for lay in layouts),
        bottomMargin=max(lay.bottom_margin for lay in layouts),
        title=first.subject if len(items) == 1 else first.shop.shop_name,
        author=first.shop.shop_name, subject=first.subject, creator="Counterpart",
        lang={"zh-TW": "zh-Hant", "zh-CN": "zh-Hans"}.get(lang, lang),
        progress=progress, total=len(items),
        initialFontName=SANS,  # otherwise ReportLab references a non-embedded Helvetica
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    templates = []
    for i, data in enumerate(items):
        templates.append(PageTemplate(
            id=f"letter{i}", frames=[frame], pagesize=(width, height),
            onPage=_letterhead(data, _Styles(data.language), layouts[i], drawn),
        ))
    doc.addPageTemplates(templates)
    story: list[Flowable] = []
    for i, data in enumerate(items):
        if i > 0:
            story += [NextPageTemplate(f"letter{i}"), PageBreak()]
        story += _story(data, frame_w)
        story.append(_LetterDone(i))
    doc.build(story)
    return buf.getvalue()


def build_letter_pdf(data: LetterData) -> bytes:
    """Render one letter to PDF bytes (fonts embedded); ValueError for an unknown kind."""
    return build_letters_pdf([data])
