"""The report's detail rows and summary as CSV for spreadsheets.

UTF-8 with a byte-order mark, so spreadsheet programs recognise the encoding and show Chinese
names correctly. Headings are in the report's language; values stay machine-friendly:
ISO dates, 24-hour local times and amounts as plain decimals in major units (``12.50``) with
the currency code in its own column, so a spreadsheet can sum them in any locale. Text cells
that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR first) get a
leading apostrophe (`reports.csv_cells`); numbers stay numbers.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path

from db.report_queries import ReportData
from reports import csv_cells
from reports.report_text import ReportFormat, ReportText
from reports.safe_output import write_files


def detail_csv(data: ReportData) -> str:
    """One row per complaint, compliment or suggestion in the range."""
    t, f = ReportText(data.shop.report_language), ReportFormat(data.shop)
    out = io.StringIO()
    w = csv_cells.writer(out, lineterminator="\r\n")
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
            f.plain_money(r.value_minor), data.shop.currency, "; ".join(r.authorised_by),
            t.label("status", r.status),
        ])
    return out.getvalue()


def summary_csv(data: ReportData) -> str:
    """Section, item, count and value: the figures of the PDF in one sheet."""
    t, f = ReportText(data.shop.report_language), ReportFormat(data.shop)
    out = io.StringIO()
    w = csv_cells.writer(out, lineterminator="\r\n")
    w.writerow([t("csv.section"), t("csv.item"), t("csv.count"), t("csv.value"),
                t("detail.currency")])

    def row(section: str, item: str, count: int | str = "", value: int | None = None) -> None:
        w.writerow([t(section), item, count,
                    "" if value is None else f.plain_money(value),
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
        row("promises", t(key), "" if value is None else f"{value:.2f}")
    for person in data.compliments_by_staff:
        row("compliments", person.name if person.staff_id is not None else t("nobody"),
            person.count)
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


def csv_files(data: ReportData, path: str | Path) -> list[tuple[Path, bytes]]:
    """The detail and summary CSV (UTF-8 with BOM) and where each goes."""
    path = Path(path)
    return [(path, detail_csv(data).encode("utf-8-sig")),
            (summary_path(path), summary_csv(data).encode("utf-8-sig"))]


def write_csv(data: ReportData, path: str | Path,
              databases: Iterable[str | os.PathLike[str]] = ()) -> tuple[Path, Path]:
    """Write ``<path>`` (detail) and ``<stem>-summary.csv`` beside it, both or neither.

    Through `reports.safe_output`: never over `databases` (the open database files), a
    non-regular file or a SQLite database; mode 0600; all or nothing.
    """
    detail, summary = write_files(csv_files(data, path), databases)
    return detail, summary
