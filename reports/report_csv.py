"""The report's detail rows and summary as CSV for spreadsheets.

UTF-8 with a byte-order mark, so spreadsheet programs recognise the encoding and show Chinese
names correctly. Headings are in the report's language. The delimiter is the one a spreadsheet
of the shop's locale expects when it opens the file: ``;`` where the decimal mark is a comma
(fi_FI), ``,`` elsewhere, or the one asked for (``--delimiter``); amounts are plain decimals
in major units with that locale's decimal mark when the delimiter is not a comma (``12,50``
in fi_FI, ``12.50`` in en_GB), with the currency code in their own column, so the spreadsheet
reads them as numbers and can sum them. Dates are ISO, times 24-hour local. Text cells
that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR first) get a
leading apostrophe (`reports.csv_cells`); numbers stay numbers.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path

from babel.numbers import get_decimal_symbol

from db.models import ShopSettings
from db.report_queries import ReportData
from reports import csv_cells
from reports.formatting import locale_for
from reports.report_text import ReportFormat, ReportText
from reports.safe_output import write_files

#: Delimiters `--delimiter` accepts (by name or as the character itself).
DELIMITERS: dict[str, str] = {"comma": ",", "semicolon": ";", "tab": "\t", ",": ",", ";": ";",
                              "\t": "\t", "\\t": "\t"}


def decimal_mark(shop: ShopSettings) -> str:
    """The decimal mark of the shop's locale ("," in fi_FI, "." in en_GB)."""
    return str(get_decimal_symbol(locale_for(shop.locale)))


def default_delimiter(shop: ShopSettings) -> str:
    """What a spreadsheet of the shop's locale splits columns at: ";" beside a decimal comma."""
    return ";" if decimal_mark(shop) == "," else ","


class _Cells:
    """Amounts and averages as a spreadsheet of the shop's locale reads numbers."""

    def __init__(self, data: ReportData, delimiter: str) -> None:
        self.f = ReportFormat(data.shop)
        mark = decimal_mark(data.shop)
        self.mark = mark if delimiter != "," and mark != delimiter else "."

    def money(self, minor: int) -> str:
        return self.f.plain_money(minor).replace(".", self.mark)

    def average(self, value: float) -> str:
        return f"{value:.2f}".replace(".", self.mark)


def detail_csv(data: ReportData, delimiter: str | None = None) -> str:
    """One row per complaint, compliment or suggestion in the range."""
    sep = delimiter or default_delimiter(data.shop)
    t, f = ReportText(data.shop.report_language), ReportFormat(data.shop)
    cells = _Cells(data, sep)
    out = io.StringIO()
    w = csv_cells.writer(out, lineterminator="\r\n", delimiter=sep)
    w.writerow([t("detail.no"), t("detail.date"), t("detail.time"), t("detail.kind"),
                t("detail.customer"), t("detail.cause"), t("detail.real_cause"),
                t("detail.severity"), t("detail.crisis"), t("detail.taken_by"),
                t("detail.remedy"), t("detail.value"), t("detail.currency"),
                t("detail.authorised_by"), t("detail.status")])
    for r in data.details:
        local = f.local(r.occurred_at)
        remedy = "; ".join(t.label("comp", k) for k in r.remedy_kinds) or r.remedy_text
        w.writerow([
            r.complaint_id, local.date().isoformat(), local.strftime("%H:%M"),
            t.label("kind", r.kind), r.customer or t("walk_in"),
            t.label("cause", r.cause) if r.kind == "complaint" else "",
            t.label("cause", r.real_cause) if r.real_cause else "",
            r.severity if r.kind == "complaint" else "",
            t("detail.yes") if r.crisis else t("detail.no_"), r.taken_by, remedy,
            cells.money(r.value_minor), data.shop.currency, "; ".join(r.authorised_by),
            t.label("status", r.status),
        ])
    return out.getvalue()


def summary_csv(data: ReportData, delimiter: str | None = None) -> str:
    """Section, item, count and value: the figures of the PDF in one sheet."""
    sep = delimiter or default_delimiter(data.shop)
    t = ReportText(data.shop.report_language)
    cells = _Cells(data, sep)
    out = io.StringIO()
    w = csv_cells.writer(out, lineterminator="\r\n", delimiter=sep)
    w.writerow([t("csv.section"), t("csv.item"), t("csv.count"), t("csv.value"),
                t("detail.currency")])

    def row(section: str, item: str, count: int | str = "", value: int | None = None) -> None:
        w.writerow([t(section), item, count,
                    "" if value is None else cells.money(value),
                    "" if value is None else data.shop.currency])

    tot = data.totals
    row("summary", t("summary.complaints"), tot.complaints)
    row("summary", t("summary.compliments"), tot.compliments)
    row("summary", t("summary.suggestions"), tot.suggestions)
    row("summary", t("summary.compensation") + " · " + t("summary.with_value"),
        tot.compensation_count, tot.compensation_minor)
    row("summary", t("summary.compensation") + " · " + t("summary.all_remedies"),
        tot.remedy_count, tot.compensation_minor)
    row("summary", t("summary.on_spot"), data.resolved_on_spot)
    row("summary", t("summary.with_promise"), data.resolved_with_promise)
    row("summary", t("summary.crisis"), data.crisis_count)
    row("summary", t("summary.refusals"), tot.refusals)
    for s in data.steps:
        row("steps", t.label("step", s.key), s.count)
    for c in data.by_cause:
        row("causes", t.label("cause", c.cause), c.count)
    for c in data.by_real_cause:
        row("causes.real", t.label("cause", c.cause), c.count)
    for r in data.routing:
        row("causes.routing", t.label("route", r.key), r.count)
    for m in data.compensation_by_kind:
        row("comp.by_kind", t.label("comp", m.key), m.count, m.total_minor)
    for a in data.by_authoriser:
        row("comp.by_authoriser", a.name, a.approvals, a.total_minor)
    for a in data.by_authoriser:  # refused counts per authoriser, as the PDF shows them
        row("comp.refused", a.name, a.refusals)
    v = data.vouchers
    row("comp.vouchers", t("comp.vouchers_issued"), v.issued_count, v.issued_minor)
    row("comp.vouchers", t("comp.vouchers_redeemed"), v.redeemed_count, v.redeemed_minor)
    row("promises", t("promises.due"), len(data.promises_due))
    row("promises", t("promises.overdue"), len(data.promises_overdue))
    row("promises", t("promises.closed"), len(data.promises_closed))
    sat = data.satisfaction
    for key, value in (("dim.satisfaction", sat.satisfaction),
                       ("dim.reliability", sat.reliability), ("dim.empathy", sat.empathy),
                       ("dim.tangibles", sat.tangibles),
                       ("dim.responsiveness", sat.responsiveness)):
        row("promises", t(key), "" if value is None else cells.average(value))
    for person in data.compliments_by_staff:
        row("compliments", person.name if person.staff_id is not None else t("nobody"),
            person.count)
    for member in data.by_staff:
        row("staff", f"{member.name} · {t('staff.about')}", member.about)
        row("staff", f"{member.name} · {t('staff.taken')}", member.taken)
    for at in data.by_till:  # per till (of each shop in the company report)
        till = (f"{at.shop} · " if data.company else "") + (at.till or t("till.unknown"))
        row("till", f"{till} · {t('till.complaints')}", at.complaints)
        row("till", f"{till} · {t('till.approved')}", at.approvals)
        row("till", f"{till} · {t('till.refused')}", at.refusals)
        row("till", f"{till} · {t('till.value')}", at.compensation_count,
            at.compensation_minor)
    for shop in data.by_shop:  # the company report (--shop all)
        row("shops", f"{shop.name} · {t('shops.complaints')}", shop.complaints)
        row("shops", f"{shop.name} · {t('shops.compliments')}", shop.compliments)
        row("shops", f"{shop.name} · {t('shops.refused')}", shop.refusals)
        row("shops", f"{shop.name} · {t('shops.value')}", shop.compensation_count,
            shop.compensation_minor)
    for d in data.trend:
        row("trend", d.day.isoformat(), d.complaints, d.compensation_minor)
    p = data.previous
    row("trend.previous", t("summary.complaints"), p.complaints)
    row("trend.previous", t("summary.compliments"), p.compliments)
    row("trend.previous", t("summary.suggestions"), p.suggestions)
    row("trend.previous", t("summary.compensation") + " · " + t("summary.with_value"),
        p.compensation_count, p.compensation_minor)
    return out.getvalue()


def summary_path(path: str | Path) -> Path:
    """Where the summary of detail CSV `path` goes: ``<stem>-summary.csv`` beside it."""
    path = Path(path)
    return path.with_name(f"{path.stem}-summary{path.suffix or '.csv'}")


def csv_files(data: ReportData, path: str | Path,
              delimiter: str | None = None) -> list[tuple[Path, bytes]]:
    """The detail and summary CSV (UTF-8 with BOM) and where each goes."""
    path = Path(path)
    return [(path, detail_csv(data, delimiter).encode("utf-8-sig")),
            (summary_path(path), summary_csv(data, delimiter).encode("utf-8-sig"))]


def write_csv(data: ReportData, path: str | Path,
              databases: Iterable[str | os.PathLike[str]] = (),
              delimiter: str | None = None) -> tuple[Path, Path]:
    """Write ``<path>`` (detail) and ``<stem>-summary.csv`` beside it, both or neither.

    Through `reports.safe_output`: never over `databases` (the open database files), a
    non-regular file or a SQLite database; mode 0600; all or nothing.
    """
    detail, summary = write_files(csv_files(data, path, delimiter), databases)
    return detail, summary
