"""`counterpart report`: the end-of-day complaint report as PDF (and CSV), for scheduled jobs.

    counterpart report --date 2026-11-23 --out day.pdf [--csv day.csv]
    counterpart report --from 2026-11-01 --to 2026-11-30 --out month.pdf
    counterpart report --out today.pdf          # today in the shop's time zone
    counterpart report --lang fi --csv day.csv --delimiter semicolon --out day.pdf
    counterpart report --shop all --out company.pdf   # every shop, with a table per shop

A malformed or reversed range, a missing database or an unwritable output path is a clear
message and exit status 2, and so is an output path that must never be overwritten (the
database and its -wal/-shm/-journal, a folder or device, any SQLite file: see
`reports.safe_output`); a day with nothing recorded still prints a short, correct report.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from db.errors import UserError
from db.i18n import _, ngettext
from db.store.location import database_files, local_file, missing


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-23.").format(
                text=text)
        ) from None


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "report", parents=[common], help=_("print the end-of-day complaint report (PDF, CSV)"),
        description=_("Write the complaint report of a day or a date range as PDF, and "
                      "optionally its detail and summary as CSV."),
    )
    parser.add_argument("--date", type=_day, metavar="YYYY-MM-DD",
                        help=_("one local day (default: today in the shop's time zone)"))
    parser.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD",
                        help=_("first day of a range"))
    parser.add_argument("--to", dest="end", type=_day, metavar="YYYY-MM-DD",
                        help=_("last day of a range (inclusive)"))
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                        help=_("where to write the PDF"))
    parser.add_argument("--csv", type=Path, metavar="FILE.csv",
                        help=_("also write the detail rows here, and the summary beside it "
                               "as FILE-summary.csv"))
    parser.add_argument("--lang", choices=("en", "fi", "zh-TW", "zh-CN"),
                        help=_("the report's language, with amounts and dates written for it "
                               "(default: the report language in the settings)"))
    parser.add_argument("--delimiter", choices=("comma", "semicolon", "tab"),
                        help=_("the CSV delimiter (default: what a spreadsheet of the shop's "
                               "locale expects: semicolon where the decimal mark is a comma)"))
    parser.add_argument("--manager", type=int, metavar="STAFF_ID",
                        help=_("print in this manager's name (checked: managers only); "
                               "without it the report says it was printed by "
                               "\"command line\""))
    parser.set_defaults(func=run)


def output_paths(out: Path, csv: Path | None, database: Path | None = None) -> list[Path]:
    """Every file the command writes (PDF, detail CSV, summary CSV), each checked up front.

    Refused (UnsafeOutput, exit 2, nothing touched): the database or its -wal/-shm/-journal
    (also through a symlink or hard link), a folder, device or fifo, any SQLite database.
    """
    from reports.report_csv import summary_path
    from reports.safe_output import check_targets

    paths = [out] if csv is None else [out, csv, summary_path(csv)]
    check_targets(paths, [database] if database is not None else [])
    return paths


def resolve_range(args: argparse.Namespace, today: date) -> tuple[date, date]:
    """The range asked for; --date and --from/--to exclude each other."""
    if args.date is not None and (args.start is not None or args.end is not None):
        raise UserError(_("Give either --date or --from and --to, not both."))
    if args.date is not None:
        return args.date, args.date
    if args.start is None and args.end is None:
        return today, today
    if args.start is None or args.end is None:
        raise UserError(_("A range needs both --from and --to."))
    if args.end < args.start:
        raise UserError(_("The range is reversed: --to {end} is before --from {start}.").format(
            start=args.start.isoformat(), end=args.end.isoformat()))
    return args.start, args.end


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from console.cli import db_path
    from db.clock import today_local
    from db.report_queries import build_report, company_report_settings
    from db.security.staff import get_staff
    from db.settings import load_settings
    from db.shops import ALL_SHOPS
    from db.store.connection import open_database
    from reports.day_report import build_pdf
    from reports.report_csv import DELIMITERS, csv_files
    from reports.safe_output import write_files

    path = db_path(args)
    if missing(path):
        raise UserError(_("{path} does not exist; give the console's database with "
                          "--db.").format(path=path))
    output_paths(args.out, args.csv, local_file(path))
    db = open_database(path)
    try:
        # --shop all: the company report, every shop
        company = str(getattr(args, "shop", "") or "").casefold() == ALL_SHOPS
        settings = company_report_settings(db) if company else load_settings(db)
        if args.lang:
            settings = replace(settings, report_language=args.lang)
        start, end = resolve_range(args, today_local(settings.timezone))
        actor = get_staff(db, args.manager) if args.manager is not None else None
        data = build_report(db, start, end, actor=actor, settings=settings,
                            all_shops=company)
    finally:
        db.close()
    # All or nothing: every file goes to a temporary file beside it and is renamed into
    # place only when all are written, so a failure leaves no PDF without its CSV.
    files = [(args.out, build_pdf(data))]
    if args.csv is not None:
        files += csv_files(data, args.csv,
                           DELIMITERS[args.delimiter] if args.delimiter else None)
    written = [str(p) for p in write_files(files, database_files(path))]
    t = data.totals
    span = start.isoformat() if start == end else f"{start.isoformat()}–{end.isoformat()}"
    counts = ", ".join([
        ngettext("{n} complaint", "{n} complaints", t.complaints).format(n=t.complaints),
        ngettext("{n} compliment", "{n} compliments", t.compliments).format(n=t.compliments),
        ngettext("{n} suggestion", "{n} suggestions", t.suggestions).format(n=t.suggestions),
    ])
    print(_("{span}: {counts}. Wrote {files}.").format(
        span=span, counts=counts, files=", ".join(written)))
    if start == end:  # a server's too: its snapshot (db.store.backup, as `backup --db URL`)
        from console.cmd_backup import end_of_day_backup

        end_of_day_backup(path)  # the day's backup, unless a console made it already
    return 0


if __name__ == "__main__":  # pragma: no cover
    from console.cli import main

    sys.exit(main(["report", *sys.argv[1:]]))
