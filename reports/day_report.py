"""The end-of-day complaint report as a PDF (ReportLab platypus).

`build_pdf(data)` lays out a `db.report_queries.ReportData`: a header and footer on every page
(shop, range, printed by whom and when, the audit log head, "page x of y"), the summary,
recovery steps, causes with a bar chart and routing, compensation, promises, repeat
complainants, compliments per staff member, the trend (ranges longer than a day) and one
detail row per entry. Every table repeats its header row on each page it continues on.

Short tables are ReportLab tables (``repeatRows=1``) with wrapped cells. The detail of a long
range holds thousands of rows, so it and any list longer than `FAST_ROWS` is a `FastTable`:
single-line rows (text shortened to fit its column) drawn straight on the canvas and split
at each page end under a repeated header, because a platypus table of 15,000 rows takes
most of a minute to lay out and split.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache
from io import BytesIO
from itertools import accumulate
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from db.report_queries import DetailRow, PeriodTotals, ReportData
from reports.bidi_text import visual
from reports.fonts import (
    CJK,
    CJK_BOLD,
    SANS,
    SANS_BOLD,
    font_runs,
    mixed_markup,
    register_fonts,
)
from reports.report_text import ReportFormat, ReportText

Progress = Callable[[int], None]

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#2f6f8f")
ACCENT_LIGHT = colors.HexColor("#e3eef3")
RULE = colors.HexColor("#c4cdd5")
ZEBRA = colors.HexColor("#f5f7fa")
WARN = colors.HexColor("#b44d12")
SERIES = (ACCENT, colors.HexColor("#7bb662"), colors.HexColor("#e0a458"))

MARGIN = 15 * mm
HEADER_H = 14 * mm
FOOTER_H = 10 * mm
DETAIL_SIZE = 7
DETAIL_ROW_H = 11.5  # a one-line row of the fast table
LINE_H = 8.4  # each further line of a wrapped row
BASELINE = 8.0  # from a row's top to its first baseline
CELL_PAD = 2.0
FAST_ROWS = 40  # longer tables are drawn as single-line FastTables
GLANCE_ROWS = 6  # overdue promises listed on page 1 (all of them under Promises)


def build_pdf(
    data: ReportData, out: str | Path | None = None, *, progress: Progress | None = None
) -> bytes:
    """Lay out the report; write it to `out` when given, and return the PDF bytes."""
    register_fonts()
    builder = _Builder(data)
    pdf = builder.build(progress)
    if out is not None:
        from reports.safe_output import write_file

        write_file(out, pdf)
    return pdf


class _Builder:
    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.t = ReportText(data.shop.report_language)
        self.f = ReportFormat(data.shop)
        self.page_size = LETTER if data.shop.page_size == "Letter" else A4
        self.width = self.page_size[0] - 2 * MARGIN
        self.frame_h = self.page_size[1] - 2 * MARGIN - HEADER_H - FOOTER_H
        self.body = ParagraphStyle("body", fontName=SANS, fontSize=9, leading=12, textColor=INK)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8, leading=9.6)
        self.cell_right = ParagraphStyle("cellr", parent=self.cell, alignment=TA_RIGHT)
        self.head_cell = ParagraphStyle("headcell", parent=self.cell, fontName=SANS_BOLD,
                                        textColor=colors.white)
        self.head_cell_right = ParagraphStyle("headcellr", parent=self.head_cell,
                                              alignment=TA_RIGHT)
        self.h1 = ParagraphStyle("h1", parent=self.body, fontName=SANS_BOLD, fontSize=17,
                                 leading=21, spaceAfter=2)
        self.h2 = ParagraphStyle("h2", parent=self.body, fontName=SANS_BOLD, fontSize=12.5,
                                 leading=16, spaceBefore=10, spaceAfter=5, textColor=ACCENT)
        self.h3 = ParagraphStyle("h3", parent=self.body, fontName=SANS_BOLD, fontSize=10,
                                 leading=13, spaceBefore=6, spaceAfter=3)
        self.chart_font = CJK if self.t.lang.startswith("zh") else SANS
        self.fast_tables: list[FastTable] = []
        self.fast_rows = 0
        self._printed: str | None = None

    def fast(self, table: FastTable) -> FastTable:
        """Count a long table's rows for the progress report."""
        self.fast_tables.append(table)
        self.fast_rows += table.count
        return table

    # ------------------------------------------------------------------ text helpers

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        style = style or self.body
        cjk = CJK_BOLD if style.fontName == SANS_BOLD else CJK  # a real bold Chinese face
        return Paragraph(mixed_markup(visual(text), style.fontName, cjk), style)

    @cached_property
    def _range_text(self) -> str:
        d = self.data
        if d.days == 1:
            return self.t("range.day", date=self.f.fmt_date(d.start, "full"))
        return self.t("range.span", start=self.f.fmt_date(d.start), end=self.f.fmt_date(d.end),
                      days=d.days)

    def range_text(self) -> str:
        return self._range_text

    def printed_line(self) -> str:
        """'Printed by <manager> / command line, <when> · Audit log <head>': every page."""
        if self._printed is None:
            d = self.data
            printed = self.t("printed", who=d.printed_by or self.t("command_line"),
                             when=self.f.fmt_datetime(d.generated_at, "medium"))
            self._printed = f"{printed} · {self.audit_head_text()}"
        return self._printed

    def audit_head_text(self) -> str:
        """The audit log's head when the report was made, as `audit verify --head` takes it."""
        from db.security.audit import head_label

        head = self.data.audit_head
        if head is None:
            return self.t("audit_head.empty")
        return self.t("audit_head", head=head_label(*head))

    def customer(self, name: str) -> str:
        return name or self.t("walk_in")

    # ------------------------------------------------------------------ document

    def build(self, progress: Progress | None) -> bytes:
        story = self.story()
        buffer = BytesIO()
        doc = BaseDocTemplate(
            buffer, pagesize=self.page_size, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_H, bottomMargin=MARGIN + FOOTER_H,
            title=f"{self.t('title')} {self.range_text()}", author=self.shop_label,
            creator="Counterpart", initialFontName=SANS, initialFontSize=9,
        )
        frame = Frame(MARGIN, MARGIN + FOOTER_H, self.width, self.frame_h, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        if progress is not None:
            # Flowables placed, and rows of the long tables drawn (most of a month's work).
            total = max(len(story), 1)
            state = {"flow": 0.0, "rows": 0, "shown": -1}

            def report() -> None:
                flow = min(state["flow"], 1.0)
                done = (0.3 * flow + 0.7 * state["rows"] / self.fast_rows if self.fast_rows
                        else flow)
                percent = min(99, int(99 * done))
                if percent > state["shown"]:
                    state["shown"] = percent
                    progress(percent)

            def on_progress(kind: str, value: int) -> None:
                if kind == "PROGRESS":
                    state["flow"] = max(state["flow"], value / total)
                    report()

            def on_rows(count: int) -> None:
                state["rows"] += count
                report()

            for table in self.fast_tables:
                table.on_drawn = on_rows
            doc.setProgressCallBack(on_progress)
        doc.build(story, canvasmaker=self.canvas_maker())
        if progress is not None:
            progress(100)
        return buffer.getvalue()

    def canvas_maker(self) -> type[Canvas]:
        builder = self

        class NumberedCanvas(Canvas):
            """Keeps each page until the end so the footer can say "page x of y"."""

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._pages: list[dict[str, Any]] = []

            def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                count = len(self._pages)
                for state in self._pages:
                    self.__dict__.update(state)
                    builder.decorate(self, self._pageNumber, count)
                    super().showPage()
                super().save()

        return NumberedCanvas

    def decorate(self, canvas: Canvas, page: int, pages: int) -> None:
        """Header and footer of every page."""
        d = self.data
        w, h = self.page_size
        top = h - MARGIN
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        _draw_mixed(canvas, MARGIN, top - 11, self.shop_label, 11, bold=True)
        canvas.setFillColor(INK)
        title = self.t("title.day") if d.days == 1 else self.t("title")
        _draw_mixed(canvas, w - MARGIN, top - 10, title, 9, bold=True, align="right")
        canvas.setFillColor(MUTED)
        _draw_mixed(canvas, w - MARGIN, top - 21, self.range_text(), 8, align="right")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - HEADER_H + 6, w - MARGIN, top - HEADER_H + 6)
        bottom = MARGIN
        canvas.line(MARGIN, bottom + FOOTER_H - 4, w - MARGIN, bottom + FOOTER_H - 4)
        printed = self.printed_line()
        _draw_mixed(canvas, MARGIN, bottom + 2, printed, 7.5)
        _draw_mixed(canvas, w - MARGIN, bottom + 2, self.t("page", page=page, pages=pages),
                    7.5, align="right")
        canvas.restoreState()

    # ------------------------------------------------------------------ story

    def story(self) -> list[Flowable]:
        """Page 1 at a glance; page 2 by cause and by staff member; the detail follows."""
        d = self.data
        t = self.t
        out: list[Flowable] = [
            self.p(t("title.day") if d.days == 1 else t("title"), self.h1),
            self.p(f"{self.shop_label} · {self.range_text()}",
                   ParagraphStyle("sub", parent=self.body, textColor=MUTED, fontSize=10,
                                  leading=13)),
            Spacer(1, 6),
        ]
        out += self.summary()
        if d.is_empty:
            out.append(Spacer(1, 6))
            out.append(self.p(t("empty")))
        out += self.overdue_glance()
        out += self.comparison()
        if d.company and not d.is_empty:
            out += self.shops()
        if not d.is_empty:
            out.append(PageBreak())
            out += self.causes()
            out += self.staff()
            out += self.tills()
            out.append(PageBreak())
            out += self.daily_trend()  # the day-by-day chart opens the detail pages
            out += self.steps()
            out += self.real_causes()
            out += self.compensation()
        out += self.promises()
        if not d.is_empty:
            out += self.repeat_customers()
            out += self.details()
        return out

    def heading(self, key: str, level: int = 2, **values: object) -> list[Flowable]:
        """A heading that never stands alone at the foot of a page.

        The page breaks first unless the heading and the start of what follows it (a table's
        header and first rows) fit below it.
        """
        style = self.h2 if level == 2 else self.h3
        need = (40 if level == 2 else 25) * mm
        return [CondPageBreak(need), self.p(self.t(key, **values), style)]

    def summary(self) -> list[Flowable]:
        d, t, f = self.data, self.t, self.f
        tot = d.totals
        prev = d.previous

        def versus(a: int, b: int, money: bool = False) -> str:
            return t("summary.vs_previous", change=self.change(a, b, money))

        figures = [
            (t("summary.complaints"), str(tot.complaints),
             versus(tot.complaints, prev.complaints)),
            (t("summary.compliments"), str(tot.compliments),
             versus(tot.compliments, prev.compliments)),
            (t("summary.suggestions"), str(tot.suggestions),
             versus(tot.suggestions, prev.suggestions)),
            (t("summary.compensation"), f.money(tot.compensation_minor),
             t.n("summary.lines", tot.remedy_count, count=tot.compensation_count,
                 all=tot.remedy_count) + "\n"
             + versus(tot.compensation_minor, prev.compensation_minor, money=True)),
        ]
        big = ParagraphStyle("big", parent=self.body, fontName=SANS_BOLD, fontSize=18,
                             leading=22, textColor=ACCENT)
        label = ParagraphStyle("lab", parent=self.small, textColor=MUTED)
        # One cell per figure (label, number, note), so text extraction keeps them together.
        cells = [[[self.p(a, label), self.p(b, big), self.p(c or " ", label)]
                  for a, b, c in figures]]
        boxes = Table(cells, colWidths=[self.width / 4] * 4)
        boxes.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), SANS, 8),
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
            ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ]))
        rows = [
            (t("summary.on_spot"), str(d.resolved_on_spot)),
            (t("summary.with_promise"), str(d.resolved_with_promise)),
            (t("summary.crisis"), str(d.crisis_count)),
            (t("summary.refusals"), str(tot.refusals)),
            (t("comp.vouchers") + " · " + t("comp.vouchers_issued"),
             f"{d.vouchers.issued_count} ({f.money(d.vouchers.issued_minor)})"),
            (t("comp.vouchers") + " · " + t("comp.vouchers_redeemed"),
             f"{d.vouchers.redeemed_count} ({f.money(d.vouchers.redeemed_minor)})"),
            (t("summary.overdue"), str(len(d.promises_overdue))),
            (t("summary.closed_follow_ups"), str(len(d.promises_closed))),
        ]
        half = (len(rows) + 1) // 2
        grid = []
        for i in range(half):
            left = rows[i]
            right = rows[i + half] if i + half < len(rows) else ("", "")
            grid.append([self.p(left[0], self.cell), self.p(left[1], self.cell_right), "",
                         self.p(right[0], self.cell), self.p(right[1], self.cell_right)])
        w = self.width
        facts = Table(grid, colWidths=[w * 0.3, w * 0.17, w * 0.06, w * 0.3, w * 0.17])
        facts.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), SANS, 8),
            ("LINEBELOW", (0, 0), (1, -1), 0.4, RULE),
            ("LINEBELOW", (3, 0), (4, -1), 0.4, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        return [self.p(t("summary"), self.h2), boxes, Spacer(1, 6), facts]

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        right: Sequence[int] = (),
        total: Sequence[str] | None = None,
    ) -> Flowable:
        """A zebra table of wrapped cells whose header repeats on each page it spans.

        Long lists (a month's promises) become a `FastTable` of single-line rows.
        """
        scale = self.width / sum(widths)
        col_w = [w * scale for w in widths]
        if len(rows) > FAST_ROWS and total is None:
            return self.fast(FastTable(list(header), [list(r) for r in rows], col_w,
                                       right=right, max_height=self.frame_h))
        data: list[list[Any]] = [[
            self.p(h, self.head_cell_right if i in right else self.head_cell)
            for i, h in enumerate(header)
        ]]
        plain_cells: list[tuple[int, int]] = []
        for r, row in enumerate(rows, start=1):
            cells: list[Any] = []
            for i, v in enumerate(row):
                if v.isascii() and "\n" not in v and \
                        stringWidth(v, SANS, self.cell.fontSize) < col_w[i] - 12:
                    cells.append(v)  # a plain string draws far faster than a Paragraph
                    plain_cells.append((i, r))
                else:
                    cells.append(self.p(v, self.cell_right if i in right else self.cell))
            data.append(cells)
        style = [
            ("FONT", (0, 0), (-1, -1), SANS, self.cell.fontSize, self.cell.leading),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ]
        for i in range(2, len(data), 2):
            style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
        if plain_cells:
            style += [("FONT", (0, 1), (-1, len(rows)), SANS, self.cell.fontSize,
                       self.cell.leading), ("TEXTCOLOR", (0, 1), (-1, len(rows)), INK)]
            style += [("ALIGN", (i, 1), (i, len(rows)), "RIGHT") for i in right]
        if total is not None:
            bold = ParagraphStyle("tot", parent=self.cell, fontName=SANS_BOLD)
            bold_r = ParagraphStyle("totr", parent=bold, alignment=TA_RIGHT)
            data.append([self.p(v, bold_r if i in right else bold) for i, v in enumerate(total)])
            style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
        table = Table(data, colWidths=col_w, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        return table

    def none(self) -> Paragraph:
        return self.p(self.t("none"), ParagraphStyle("none", parent=self.small, textColor=MUTED))

    def steps(self) -> list[Flowable]:
        d, t = self.data, self.t
        n = d.totals.complaints
        rows = [
            (t.label("step", s.key), str(s.count),
             self.f.number(100 * s.count / n if n else 0) + " %")
            for s in d.steps
        ]
        return [*self.heading("steps"),
                self.table([t("steps.step"), t("steps.count"), t("steps.share")], rows,
                           [60, 20, 20], right=(1, 2))]

    def causes(self) -> list[Flowable]:
        d, t = self.data, self.t
        out = self.heading("causes")
        if not d.by_cause:
            return [*out, self.none()]
        out.append(self.cause_chart())
        rows: list[tuple[str, ...]] = [
            (t.label("cause", c.cause), str(c.count), t.label("route", c.routing))
            for c in d.by_cause]
        out.append(self.table([t("causes.cause"), t("causes.count"), t("causes.route")], rows,
                              [50, 15, 35], right=(1,)))
        return out

    def real_causes(self) -> list[Flowable]:
        d, t = self.data, self.t
        out = self.heading("causes.real", level=3)
        if d.by_real_cause:
            rows = [(t.label("cause", c.cause), str(c.count), t.label("route", c.routing))
                    for c in d.by_real_cause]
            out.append(self.table([t("causes.real_cause"), t("causes.count"),
                                   t("causes.route")], rows, [50, 15, 35], right=(1,)))
        out.append(Spacer(1, 3))
        out.append(self.p(t("causes.unknown", count=d.real_cause_unknown), self.small))
        out += self.heading("causes.routing", level=3)
        routes = [(t.label("route", r.key), str(r.count)) for r in d.routing if r.count]
        out.append(self.table([t("causes.route"), t("causes.route_count")], routes, [65, 35],
                              right=(1,)))
        return out

    def staff(self) -> list[Flowable]:
        """Per staff member: complaints about them, taken by them, compliments for them."""
        d, t = self.data, self.t
        out = self.heading("staff")
        if not d.by_staff:
            out.append(self.none())
        else:
            rows = [(s.name, str(s.about), str(s.taken), str(s.compliments))
                    for s in d.by_staff]
            out.append(self.table(
                [t("staff.member"), t("staff.about"), t("staff.taken"), t("staff.compliments")],
                rows, [40, 20, 20, 20], right=(1, 2, 3)))
        nobody = sum(c.count for c in d.compliments_by_staff if c.staff_id is None)
        if nobody:
            out.append(Spacer(1, 3))
            out.append(self.p(t.n("staff.nobody", nobody, count=nobody), self.small))
        return out

    def cause_chart(self) -> Drawing:
        rows = list(reversed(self.data.by_cause))  # largest on top
        bar_h = 14
        height = bar_h * len(rows) + 24
        drawing = Drawing(self.width, height, initialFontName=SANS)
        chart = HorizontalBarChart()
        chart.x = 150
        chart.y = 14
        chart.width = self.width - 175
        chart.height = bar_h * len(rows)
        chart.data = [[r.count for r in rows]]
        # The axis draws a label in one font; a cause named in settings may hold Chinese,
        # symbols or emoji, so each label is drawn as runs, each in a font that has it.
        chart.categoryAxis.categoryNames = ["" for _r in rows]
        chart.categoryAxis.labels.fontName = SANS
        for i, r in enumerate(rows):
            label = _fit(self.t.label("cause", r.cause), 140, 8)
            x = chart.x - 4 - _width(label, False, 8)
            y = chart.y + (i + 0.5) * bar_h - 3
            for font, run in _runs(label):
                drawing.add(String(x, y, run, fontName=font, fontSize=8, fillColor=INK))
                x += stringWidth(run, font, 8)
        chart.valueAxis.valueMin = 0
        top = max(r.count for r in rows)
        chart.valueAxis.valueMax = max(top, 1) * 1.1
        chart.valueAxis.valueStep = max(1, _nice_step(top))
        chart.valueAxis.labels.fontName = SANS
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.labelTextFormat = "%d"
        chart.bars[0].fillColor = ACCENT
        chart.bars[0].strokeColor = None
        chart.barLabelFormat = "%d"
        chart.barLabels.fontName = SANS
        chart.barLabels.fontSize = 7
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        drawing.add(chart)
        return drawing

    def tills(self) -> list[Flowable]:
        """Per till (of each shop, in the company report): entries taken there, the
        authorisations decided there and the compensation they approved."""
        d, t, f = self.data, self.t, self.f
        out = self.heading("till")
        if not d.by_till:
            out.append(self.none())
            return out
        head = [t("till.till"), t("till.complaints"), t("till.compliments"),
                t("till.approved"), t("till.refused"), t("till.value")]
        rows = [[r.till or t("till.unknown"), str(r.complaints), str(r.compliments),
                 str(r.approvals), str(r.refusals), f.money(r.compensation_minor)]
                for r in d.by_till]
        right: tuple[int, ...] = (1, 2, 3, 4, 5)
        if d.company:
            head.insert(0, t("till.shop"))
            for row, r in zip(rows, d.by_till, strict=True):
                row.insert(0, r.shop)
            right = (2, 3, 4, 5, 6)
        out.append(self.table(head, rows, self.header_widths(head, right, rows), right=right))
        return out

    @cached_property
    def shop_label(self) -> str:
        """The shop's name; the company report names every shop, in the report's language."""
        d = self.data
        if d.company:
            return self.t("shops.company", names=", ".join(s.name for s in d.by_shop))
        return d.shop.shop_name

    def header_widths(self, header: Sequence[str], numbers: Sequence[int],
                      rows: Sequence[Sequence[str]] = ()) -> list[float]:
        """Column widths where each figure column is as wide as its header and its widest
        value (never broken mid-word, in any language) and the text columns share the
        rest."""
        size = self.head_cell.fontSize
        fixed = {i: max([_measure(header[i], True, size)]
                        + [_measure(r[i], True, self.cell.fontSize) for r in rows]) + 14
                 for i in numbers}
        free = max(self.width - sum(fixed.values()), 0.2 * self.width)
        texts = len(header) - len(fixed)
        return [fixed.get(i, free / max(texts, 1)) for i in range(len(header))]

    def shops(self) -> list[Flowable]:
        """The company report (`--shop all`): each shop's figures, and the company's."""
        d, t, f = self.data, self.t, self.f
        out = self.heading("shops")
        rows = [(s.name, str(s.complaints), str(s.compliments), str(s.suggestions),
                 str(s.approvals), str(s.refusals), f.money(s.compensation_minor))
                for s in d.by_shop]
        total = (t("shops.total"), *(str(sum(getattr(s, k) for s in d.by_shop)) for k in (
            "complaints", "compliments", "suggestions", "approvals", "refusals")),
                 f.money(sum(s.compensation_minor for s in d.by_shop)))
        head = [t("shops.shop"), t("shops.complaints"), t("shops.compliments"),
                t("shops.suggestions"), t("shops.approved"), t("shops.refused"),
                t("shops.value")]
        right = (1, 2, 3, 4, 5, 6)
        out.append(self.table(head, rows, self.header_widths(head, right, [*rows, total]),
                              right=right, total=total))
        return out

    def compensation(self) -> list[Flowable]:
        d, t, f = self.data, self.t, self.f
        out = self.heading("compensation")
        out += self.heading("comp.by_kind", level=3)
        if d.compensation_by_kind:
            rows: list[tuple[str, ...]] = [
                (t.label("comp", m.key), str(m.count), f.money(m.total_minor))
                for m in d.compensation_by_kind]
            # Totals from SQL (`PeriodTotals`), the same figures as the summary's.
            total = (t("comp.total_all"), str(d.totals.remedy_count),
                     f.money(d.totals.compensation_minor))
            out.append(self.table([t("comp.kind"), t("comp.count"), t("comp.value")], rows,
                                  [55, 20, 25], right=(1, 2), total=total))
        else:
            out.append(self.none())
        out += self.heading("comp.by_authoriser", level=3)
        if d.by_authoriser:
            rows = [(a.name, t.label("role", a.role), str(a.approvals), str(a.refusals),
                     f.money(a.total_minor)) for a in d.by_authoriser]
            out.append(self.table(
                [t("comp.authoriser"), t("comp.role"), t("comp.approvals"), t("comp.refusals"),
                 t("comp.value")], rows, [34, 18, 14, 14, 20], right=(2, 3, 4)))
        else:
            out.append(self.none())
        if d.refusals:
            out += self.heading("comp.refused", level=3)
            rows = [(f.fmt_datetime(r.decided_at), str(r.complaint_id), self.customer(r.customer),
                     r.decided_by, f.money(r.total_minor), r.reason) for r in d.refusals]
            out.append(self.table(
                [t("comp.time"), t("comp.complaint"), t("comp.customer"), t("comp.authoriser"),
                 t("comp.value"), t("comp.reason")], rows, [17, 8, 20, 17, 13, 25],
                right=(1, 4)))
        if d.largest:
            out += self.heading("comp.largest", level=3)
            rows = [(f.fmt_datetime(c.occurred_at), str(c.complaint_id), self.customer(c.customer),
                     t.label("comp", c.kind), c.authorised_by, f.money(c.value_minor))
                    for c in d.largest]
            out.append(self.table(
                [t("comp.time"), t("comp.complaint"), t("comp.customer"), t("comp.kind"),
                 t("comp.authoriser"), t("comp.value")], rows, [17, 8, 22, 20, 18, 15],
                right=(1, 5)))
        return out

    def promises(self) -> list[Flowable]:
        d, t, f = self.data, self.t, self.f
        if not (d.promises_due or d.promises_overdue or d.promises_closed):
            return []
        out = self.heading("promises")

        def status(s: str) -> str:
            return t("promises.open") if s == "open" else t("promises.done")

        header = [t("promises.due_at"), t("comp.complaint"), t("promises.customer"),
                  t("promises.promise"), t("promises.owner"), t("promises.status")]
        widths = [18, 7, 19, 26, 16, 14]
        if d.promises_due:
            out += self.heading("promises.due", level=3)
            rows = [(f.fmt_datetime(p.due_at), str(p.complaint_id), self.customer(p.customer),
                     p.promise, p.owner, status(p.status)) for p in d.promises_due]
            out.append(self.table(header, rows, widths, right=(1,)))
        if d.promises_overdue:
            out += [CondPageBreak(25 * mm), self.p(t("promises.overdue"), ParagraphStyle(
                "warn", parent=self.h3, textColor=WARN))]
            rows = [(f.fmt_datetime(p.due_at), str(p.complaint_id), self.customer(p.customer),
                     p.promise, p.owner, status(p.status)) for p in d.promises_overdue]
            out.append(self.table(header, rows, widths, right=(1,)))
        if d.promises_closed:
            out += self.heading("promises.closed", level=3)
            rows = [(f.fmt_datetime(p.closed_at or p.due_at), str(p.complaint_id),
                     self.customer(p.customer), p.promise, p.owner,
                     "" if p.satisfaction is None else str(p.satisfaction))
                    for p in d.promises_closed]
            out.append(self.table(
                [t("promises.closed_at"), *header[1:5], t("promises.satisfaction")], rows,
                widths, right=(1, 5)))
            s = d.satisfaction
            if s.scored:
                out.append(self.p(t("promises.scores", scored=s.scored), self.small))
                dims = [("dim.satisfaction", s.satisfaction), ("dim.reliability", s.reliability),
                        ("dim.empathy", s.empathy), ("dim.tangibles", s.tangibles),
                        ("dim.responsiveness", s.responsiveness)]
                out.append(self.table(
                    [t(k) for k, _v in dims],
                    [["–" if v is None else f.number(v, 1) for _k, v in dims]],
                    [20] * 5, right=(0, 1, 2, 3, 4)))
        return out

    def repeat_customers(self) -> list[Flowable]:
        d, t, f = self.data, self.t, self.f
        if not d.repeat_customers:
            return []
        rows = [(r.name, r.customer_no, str(r.complaints_90d), str(r.compensations_90d),
                 f.money(r.compensation_90d_minor),
                 f.fmt_date(f.local(r.last_complaint_at).date(), "short"),
                 t("list_sep").join(t.label("cause", c) for c in r.causes))
                for r in d.repeat_customers]
        return [*self.heading("repeat"), self.table(
            [t("repeat.customer"), t("repeat.number"), t("repeat.complaints"),
             t("repeat.compensations"), t("repeat.value"), t("repeat.last"), t("repeat.causes")],
            rows, [16, 10, 12, 14, 10, 11, 27], right=(2, 3, 4))]

    def change(self, a: int, b: int, money: bool = False) -> str:
        """"+3 (+25 %)", "−€4.50", "0": this period against the previous one."""
        f = self.f
        diff = a - b
        sign = "+" if diff > 0 else ""
        text = (sign + f.money(diff)) if money else f"{sign}{f.number(diff)}"
        if b:
            text += f" ({sign}{f.number(100 * diff / b)} %)"
        return text

    def overdue_glance(self) -> list[Flowable]:
        """Page 1: the promises that are overdue (the oldest first; all of them later)."""
        d, t, f = self.data, self.t, self.f
        if not d.promises_overdue:
            return []
        shown = d.promises_overdue[:GLANCE_ROWS]
        rows = [(f.fmt_datetime(p.due_at), str(p.complaint_id), self.customer(p.customer),
                 p.promise, p.owner) for p in shown]
        out = [CondPageBreak(30 * mm), self.p(t("promises.overdue"), ParagraphStyle(
            "warn1", parent=self.h2, textColor=WARN))]
        out.append(self.table([t("promises.due_at"), t("comp.complaint"),
                               t("promises.customer"), t("promises.promise"),
                               t("promises.owner")], rows, [20, 8, 22, 32, 18], right=(1,)))
        more = len(d.promises_overdue) - len(shown)
        if more:
            out.append(Spacer(1, 2))
            out.append(self.p(t.n("promises.more", more, count=more), self.small))
        return out

    def comparison(self) -> list[Flowable]:
        """Page 1: this period against the previous one of the same length (and the chart)."""
        d, t, f = self.data, self.t, self.f
        cur, prev = d.totals, d.previous

        def row(key: str, attr: str, money: bool = False) -> tuple[str, str, str, str]:
            a, b = getattr(cur, attr), getattr(prev, attr)
            shown = f.money if money else str
            return (t(key), shown(a), shown(b), self.change(a, b, money))

        rows = [
            row("summary.complaints", "complaints"),
            row("summary.compliments", "compliments"),
            row("summary.suggestions", "suggestions"),
            row("summary.compensation", "compensation_minor", money=True),
            row("summary.refusals", "refusals"),
        ]
        out = self.heading("trend.comparison")
        out.append(self.p(f"{t('trend.this')}: {self._span(cur)} · "
                          f"{t('trend.previous')}: {self._span(prev)}", self.small))
        out.append(Spacer(1, 3))
        out.append(self.table([t("trend.figure"), t("trend.this"), t("trend.previous"),
                               t("trend.change")], rows, [34, 20, 20, 26], right=(1, 2, 3)))
        return out

    def daily_trend(self) -> list[Flowable]:
        """The day-by-day chart (ranges longer than a day), its heading kept with it."""
        if self.data.days <= 1 or self.data.is_empty:
            return []
        heading = self.heading("trend", level=3)[-1]
        return [CondPageBreak(135 + 40), KeepTogether([heading, self.trend_chart()])]

    def _span(self, p: PeriodTotals) -> str:
        return f"{self.f.fmt_date(p.start)} – {self.f.fmt_date(p.end)}"

    def trend_chart(self) -> KeepTogether:
        trend = self.data.trend
        drawing = Drawing(self.width, 135, initialFontName=SANS)
        chart = VerticalBarChart()
        chart.x, chart.y = 30, 30
        chart.width, chart.height = self.width - 40, 90
        chart.data = [[day.complaints for day in trend], [day.compliments for day in trend],
                      [day.suggestions for day in trend]]
        every = max(1, len(trend) // 15)
        chart.categoryAxis.categoryNames = [
            self.f.day_short(day.day) if i % every == 0 else "" for i, day in enumerate(trend)
        ]
        # Day labels are digits ("11/9"), which the CJK font lacks: DejaVu draws them.
        names = chart.categoryAxis.categoryNames
        chart.categoryAxis.labels.fontName = (
            SANS if all(n.isascii() for n in names) else self.chart_font)
        chart.categoryAxis.labels.fontSize = 7
        chart.categoryAxis.labels.angle = 0 if len(trend) <= 15 else 45
        chart.categoryAxis.labels.boxAnchor = "n" if len(trend) <= 15 else "ne"
        chart.valueAxis.valueMin = 0
        top = max((max(s) for s in chart.data), default=0)
        chart.valueAxis.valueMax = max(top, 1) * 1.1
        chart.valueAxis.valueStep = max(1, _nice_step(top))
        chart.valueAxis.labels.fontName = SANS
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.labelTextFormat = "%d"
        chart.groupSpacing = 2
        chart.barSpacing = 0
        for i, colour in enumerate(SERIES):
            chart.bars[i].fillColor = colour
            chart.bars[i].strokeColor = None
        drawing.add(chart)
        legend = Legend()
        legend.x, legend.y = 32, 133
        legend.fontName = self.chart_font
        legend.fontSize = 7.5
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 90
        legend.dxTextSpace = 4
        legend.colorNamePairs = list(zip(SERIES, [self.t("summary.complaints"),
                                                   self.t("summary.compliments"),
                                                   self.t("summary.suggestions")], strict=True))
        drawing.add(legend)
        return KeepTogether([drawing, Spacer(1, 6)])

    # ------------------------------------------------------------------ detail

    def details(self) -> list[Flowable]:
        t = self.t
        rows = self.data.details
        header = [t("detail.no"), t("detail.time"), t("detail.customer"), t("detail.cause"),
                  t("detail.real_cause"), t("detail.severity"), t("detail.taken_by"),
                  t("detail.remedy"), t("detail.value"), t("detail.authorised_by"),
                  t("detail.status")]
        cells = [self.detail_cells(row) for row in rows]
        # Numbers, times and values never wrap: those columns are as wide as their widest
        # entry; the text columns share the rest (and wrap within it).
        col_w: list[float] = [0.0] * len(header)
        for c in (0, 1, 5, 8):
            widest = max((_width(v) for v in {row[c] for row in cells}), default=0.0)
            col_w[c] = max(widest, _width(header[c], True)) + 2 * CELL_PAD + 1
        text_cols = {2: 60, 3: 58, 4: 58, 6: 52, 7: 64, 9: 62, 10: 38}
        share = (self.width - sum(col_w)) / sum(text_cols.values())
        for c, weight in text_cols.items():
            col_w[c] = weight * share
        return [*self.heading("detail"),
                self.fast(FastTable(header, cells, col_w, right=(0, 8), centre=(5,),
                                    warn_col=5, nowrap=(0, 1, 5, 8),
                                    max_height=self.frame_h))]

    def detail_cells(self, row: DetailRow) -> list[str]:
        t, f = self.t, self.f
        when = f.time(row.occurred_at)
        if self.data.days > 1:
            when = f"{f.day_short(f.local(row.occurred_at).date())} {when}"
        real = ""
        if row.kind == "complaint":
            cause = t.label("cause", row.cause)  # as stated; the real cause has its column
            real = t.label("cause", row.real_cause) if row.real_cause else ""
            kinds = [t.label("comp", k) for k in row.remedy_kinds]
            remedy = t("list_sep").join(kinds) or row.remedy_text
            severity = str(row.severity) + ("!" if row.crisis else "")
        else:
            cause = t.label("kind", row.kind)
            remedy = row.remedy_text
            severity = ""
        return [
            str(row.complaint_id), when, self.customer(row.customer), cause, real, severity,
            row.taken_by, remedy.replace("\n", " "),
            f.money(row.value_minor) if row.value_minor else "", ", ".join(row.authorised_by),
            t.label("status", row.status),
        ]


class FastTable(Flowable):
    """A table drawn straight on the canvas, header repeated on every page it spans.

    Behaves like a ReportLab table with ``repeatRows=1`` and wrapped cells: text that is
    wider than its column continues on further lines of the same row (split at spaces, or
    between characters for a long word or Chinese), so nothing is cut; `split` cuts the
    table where the page ends and the rest starts under a copy of the header. It costs a
    small fraction of a platypus table, whose per-cell layout and page splitting would take
    most of a minute for a month's 15,000 rows. Each character is drawn in the first shipped
    font that has it (`reports.fonts.font_runs`: DejaVu, CJK, symbols, emoji). A cell
    ending in "!" in `warn_col` is drawn in the warning colour.
    """

    def __init__(
        self, header: list[str], rows: list[list[str]], col_w: list[float], *,
        right: Sequence[int] = (), centre: Sequence[int] = (), warn_col: int | None = None,
        nowrap: Sequence[int] = (), max_height: float | None = None,
        _shared: FastTable | None = None,
        _span: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.header = header
        self.all_rows = rows
        self.col_w = col_w
        self.RIGHT = tuple(right)
        self.CENTRE = tuple(centre)
        self.warn_col = warn_col
        self.on_drawn: Callable[[int], None] | None = None  # rows drawn, for progress
        self._font = ""  # the font set last while drawing
        self.a, self.b = _span or (0, len(rows))
        self.columns: list[tuple[float, float, int]]
        self.head_lines: list[tuple[str, ...]] | None
        self.head_h: float
        self.lines: list[list[tuple[str, ...]] | None]
        self.heights: list[float]
        self.cum: list[float]
        if _shared is not None:  # a page's part: the layout is the whole table's
            self.columns = _shared.columns
            self.head_lines, self.head_h = _shared.head_lines, _shared.head_h
            self.lines, self.heights, self.cum = _shared.lines, _shared.heights, _shared.cum
        else:
            register_fonts()
            rooms = [w - 2 * CELL_PAD for w in col_w]
            # Per column: left edge of its text, its room, 0 (left), 1 (right) or 2 (centre).
            lefts = [sum(col_w[:c]) + CELL_PAD for c in range(len(col_w))]
            self.columns = [(lefts[c], rooms[c], 1 if c in self.RIGHT else
                             2 if c in self.CENTRE else 0) for c in range(len(col_w))]
            self.head_lines, self.head_h = _layout_row(header, list(rooms), True)
            self.lines = []
            self.heights = []
            row_rooms: list[float | None] = [None if c in nowrap else r
                                             for c, r in enumerate(rooms)]
            most = None if max_height is None else max(
                1, int((max_height - self.head_h - DETAIL_ROW_H) // LINE_H) + 1)
            expanded: list[list[str]] | None = None
            for i, row in enumerate(rows):
                cells, h = _layout_row(row, row_rooms, False)
                if most is not None and cells is not None and \
                        max(map(len, cells)) > most:
                    # A row taller than a page (a very long remedy text) continues on the
                    # next page as further rows of its remaining lines: nothing is cut.
                    if expanded is None:
                        expanded = list(rows[:i])
                    count = max(map(len, cells))
                    for start in range(0, count, most):
                        part = [cell[start:start + most] for cell in cells]
                        lines = max(map(len, part))
                        expanded.append(row if start == 0 else [""] * len(row))
                        self.lines.append(part)
                        self.heights.append(DETAIL_ROW_H + (lines - 1) * LINE_H)
                    continue
                if expanded is not None:
                    expanded.append(row)
                self.lines.append(cells)
                self.heights.append(h)
            if expanded is not None:
                self.all_rows = expanded
                self.b = len(expanded)
            self.cum = [0.0, *accumulate(self.heights)]  # cum[i]: height of rows before i
        self.height = self.head_h + self.cum[self.b] - self.cum[self.a]

    @property
    def count(self) -> int:
        return self.b - self.a

    @property
    def rows(self) -> list[list[str]]:
        return self.all_rows[self.a:self.b]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return sum(self.col_w), self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        # The last row whose bottom is still within the frame.
        end = bisect_right(self.cum, self.cum[self.a] + avail_height - self.head_h, self.a,
                           self.b + 1) - 1
        if end <= self.a:
            return []  # not even the header and one row: move to the next page
        if end >= self.b:
            return [self]
        return [self._part(self.a, end), self._part(end, self.b)]

    def _part(self, a: int, b: int) -> FastTable:
        part = FastTable(self.header, self.all_rows, self.col_w, right=self.RIGHT,
                         centre=self.CENTRE, warn_col=self.warn_col, _shared=self,
                         _span=(a, b))
        part.on_drawn = self.on_drawn
        return part

    def draw(self) -> None:
        canvas = self.canv
        width, height = sum(self.col_w), self.height
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - self.head_h, width, self.head_h, stroke=0, fill=1)
        span = range(self.a, self.b)
        base = height - self.head_h + self.cum[self.a]
        tops = [base - self.cum[i] for i in span]
        heights = self.heights
        code = canvas._code
        # Zebra stripes as one filled path and the rules as one stroked path: a page of
        # rows costs two PDF operators instead of a hundred canvas calls.
        canvas.setFillColor(ZEBRA)
        stripes = [f"0 {tops[k] - heights[self.a + k]:.2f} {width:.2f} "
                   f"{heights[self.a + k]:.2f} re" for k in range(1, len(tops), 2)]
        if stripes:
            code.append(" ".join(stripes) + " f")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.25)
        rules = [f"0 {y:.2f} m {width:.2f} {y:.2f} l"
                 for y in (base - self.cum[i + 1] for i in span)]
        if rules:
            code.append(" ".join(rules) + " S")
        code.append("BT")
        self._font = ""  # no font set yet in this text object
        canvas.setFillColor(colors.white)
        self._lines(canvas, self.header, self.head_lines, height, bold=True)
        canvas.setFillColor(INK)
        warnings = []
        w = self.warn_col
        for k, i in enumerate(span):
            row = self.all_rows[i]
            if w is not None and row[w].endswith("!"):
                warnings.append(([""] * w + [row[w]], tops[k]))
                row = [*row[:w], "", *row[w + 1:]]
            self._lines(canvas, row, self.lines[i], tops[k], bold=False)
        canvas.setFillColor(WARN)
        for values, y in warnings:
            self._row(canvas, values, y - BASELINE, bold=False)
        code.append("ET")
        if self.on_drawn is not None:
            self.on_drawn(self.count)

    def _lines(
        self, canvas: Canvas, values: list[str], lines: list[tuple[str, ...]] | None,
        top: float, bold: bool,
    ) -> None:
        """Draw a row: its one line, or each of its wrapped lines under the previous."""
        if lines is None:
            self._row(canvas, values, top - BASELINE, bold)
            return
        for k in range(max(len(cell) for cell in lines)):
            self._row(canvas, [cell[k] if k < len(cell) else "" for cell in lines],
                      top - BASELINE - k * LINE_H, bold)

    def _row(self, canvas: Canvas, values: list[str], y: float, bold: bool) -> None:
        """Write one line of a row as a single PDF ``TJ`` text operator (switching fonts).

        Platypus would make one text object per cell, each splitting its string into font
        subsets in Python: ten times the work. Here every cell is placed by a ``TJ``
        offset from the end of the previous one, in one ``Tm``-positioned run of text, and
        a cell text already seen in this document is reused from `_encoded`.
        """
        cache: dict[tuple[str, bool], tuple[float, list[tuple[str, str]]]]
        cache = canvas.__dict__.setdefault("_cell_cache", {})
        scale = -1000 / DETAIL_SIZE
        size = f" {DETAIL_SIZE} Tf "
        parts: list[str] = []
        current = self._font  # the font stays set from one line to the next
        cursor: float | None = None
        for value, (x0, room, align) in zip(values, self.columns, strict=False):
            if not value:
                continue
            hit = cache.get((value, bold))
            width, pieces = hit if hit is not None else _encoded(canvas, value, bold)
            left = x0 if align == 0 else x0 + (room - width) / align
            gap = 0
            if cursor is None:
                first = pieces[0][0]
                font = "" if first == current else first + size
                parts.append(f"{font}1 0 0 1 {left:.2f} {y:.2f} Tm [")
                current = first
            else:
                gap = round((left - cursor) * scale)
            for name, data in pieces:
                if name != current:
                    parts.append("] TJ " + name + size + "[")
                    current = name
                if gap:
                    parts.append(str(gap))
                    gap = 0
                parts.append(data)
            cursor = left + width
        if parts:
            parts.append("] TJ")
            canvas._code.append(" ".join(parts))
        self._font = current


def _layout_row(
    values: list[str], rooms: list[float | None], bold: bool
) -> tuple[list[tuple[str, ...]] | None, float]:
    """Each cell's lines (None when every cell fits on one line) and the row's height.

    A room of None is a column sized to its widest entry: it never wraps.
    """
    cells = [(v,) if r is None else _wrap(v, r, bold)
             for v, r in zip(values, rooms, strict=True)]
    count = max(map(len, cells))
    if count == 1:
        return None, DETAIL_ROW_H
    return cells, DETAIL_ROW_H + (count - 1) * LINE_H


def _encoded(canvas: Canvas, value: str, bold: bool) -> tuple[float, list[tuple[str, str]]]:
    """Width and PDF string pieces ((font subset name, "(escaped)")) of a cell's text.

    Cached per document (on its canvas): once a character has its place in a font subset
    it keeps it, so the same text always encodes the same way.
    """
    cache: dict[tuple[str, bool], tuple[float, list[tuple[str, str]]]]
    cache = canvas.__dict__.setdefault("_cell_cache", {})
    key = (value, bold)
    hit = cache.get(key)
    if hit is not None:
        return hit
    doc = canvas._doc
    pieces: list[tuple[str, str]] = []
    if value.isascii() and value.isprintable():
        # ReportLab keeps printable ASCII at its own code in subset 0 ("ASCII readable"):
        # the bytes are the text itself, no per-character assignment needed.
        subset0 = canvas.__dict__.setdefault("_subset0", {})
        name = subset0.get(bold)
        if name is None:
            font = pdfmetrics.getFont(_SANS_RUN[bold])
            name = subset0[bold] = (font.getSubsetInternalName(0, doc) if font._asciiReadable
                                    else "")
        if name:
            pieces.append((name, f"({canvas._escape(value)})"))
            cache[key] = hit = (_width(value, bold), pieces)
            return hit
    for font_name, run in _runs(value, bold):
        font = pdfmetrics.getFont(font_name)
        for subset, data in font.splitString(run, doc):
            pieces.append((font.getSubsetInternalName(subset, doc),
                           f"({canvas._escape(data)})"))
    cache[key] = hit = (_width(value, bold), pieces)
    return hit


_SANS_RUN: dict[bool, str] = {False: SANS, True: SANS_BOLD}


def _runs(value: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split `value` into (font, text) runs, each character in a shipped font that has it."""
    if value.isascii():
        return [(_SANS_RUN[bold], value)]
    # Hebrew and Arabic in visual order with joined letters; bold Chinese in a bold face
    return font_runs(visual(value), _SANS_RUN[bold], CJK_BOLD if bold else CJK)


def _width(text: str, bold: bool = False, size: float = DETAIL_SIZE) -> float:
    """Width in points of `text` as the fast table draws it (memoised)."""
    return _measure(text, bold, size)  # one cache key however the caller passed the defaults


@lru_cache(maxsize=131072)
def _measure(text: str, bold: bool, size: float) -> float:
    if text.isascii():
        return float(stringWidth(text, _SANS_RUN[bold], size))
    return float(sum(stringWidth(run, font, size) for font, run in _runs(text, bold)))


@lru_cache(maxsize=16384)
def _wrap(text: str, room: float, bold: bool = False) -> tuple[str, ...]:
    """`text` broken into lines no wider than `room`: at spaces, else between characters."""
    if _width(text, bold) <= room:
        return (text,)
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if _width(candidate, bold) <= room:
            current = candidate
            continue
        if current:
            lines.append(current)
        if "-" in word.strip("-") and _width(word, bold) > room:
            # A double name breaks after its hyphen before it breaks anywhere else.
            head, _sep, tail = word.partition("-")
            if _width(head + "-", bold) <= room:
                lines.append(head + "-")
                word = tail
                while "-" in word.strip("-") and _width(word, bold) > room:
                    head, _sep, rest = word.partition("-")
                    if _width(head + "-", bold) > room:
                        break
                    lines.append(head + "-")
                    word = rest
        while len(word) > 1 and _width(word, bold) > room:
            cut = 1
            while cut < len(word) and _width(word[:cut + 1], bold) <= room:
                cut += 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return tuple(lines)


def _fit(text: str, width: float, size: float, bold: bool = False) -> str:
    """`text` shortened with an ellipsis so that it fits `width` points (chart labels)."""
    if not text or _width(text, bold, size) <= width:
        return text
    room = width - stringWidth("…", SANS, size)
    lo, hi = 0, len(text)  # the longest prefix that fits has length in [lo, hi)
    while lo < hi - 1:
        mid = (lo + hi) // 2
        if _width(text[:mid], bold, size) <= room:
            lo = mid
        else:
            hi = mid
    return text[:lo].rstrip() + "…"


def _draw_mixed(
    canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
    align: str = "left",
) -> None:
    """Draw one line on the canvas, switching to the CJK font for runs DejaVu lacks."""
    runs = _runs(text, bold)
    total = sum(stringWidth(s, font, size) for font, s in runs)
    if align == "right":
        x -= total
    for font, s in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, s)
        x += stringWidth(s, font, size)


def _nice_step(top: int) -> int:
    """A round axis step giving about five gridlines up to `top`."""
    if top <= 5:
        return 1
    raw = top / 5
    magnitude: int = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return int(factor * magnitude)
    return int(10 * magnitude)


__all__ = ["build_pdf"]
