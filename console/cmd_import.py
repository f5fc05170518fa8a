"""`counterpart import customers|purchases FILE`: all or nothing, safe to repeat, never in
the way of the tills; `counterpart import resume|abandon [ID]` for an interrupted import.

Exit status: 0 imported (or a clean dry run), 1 rows refused (nothing imported), 2 a file
that cannot be read or another user error, 130 cancelled with Ctrl-C (nothing imported).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from db.i18n import _, ngettext

SHOWN_PROBLEMS = 20
"""Refused rows listed on screen; all of them go to the --errors file."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import", parents=[common], help=_("import customers or purchases from CSV"),
        description=_("Import a CSV file exported by another system (Square, Shopify) or "
                      "written for Counterpart. A file with any refused row imports "
                      "nothing; importing the same file again adds nothing. Other tills "
                      "keep saving while it runs. An import cut short (a crash, a power "
                      "cut) is finished with 'import resume' or removed with 'import "
                      "abandon'."),
    )
    kinds = parser.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    for kind, text in (("customers", _("customers, matched on their external id")),
                       ("purchases", _("purchase items, grouped and matched on receipt_id"))):
        sub = kinds.add_parser(kind, parents=[common], help=text)
        sub.add_argument("file", type=Path, metavar="FILE")
        sub.add_argument("--format", metavar="NAME",
                         help=_("the file's format (default: recognised from its header)"))
        mapping = sub.add_mutually_exclusive_group()
        mapping.add_argument("--map", metavar="'Their column=our_field,...'",
                             help=_("which of the file's columns holds which field"))
        mapping.add_argument("--map-file", type=Path, metavar="FILE",
                             help=_("the same mapping, one 'Their column=our_field' a line"))
        sub.add_argument("--language", metavar="L",
                         help=_("the language of rows without one (default: the shop's)"))
        sub.add_argument("--dry-run", action="store_true",
                         help=_("check the file and show what would change; write nothing"))
        sub.add_argument("--errors", type=Path, metavar="FILE",
                         help=_("write the refused rows to FILE with a reason column"))
        sub.set_defaults(func=run_import)
    for kind, text in (("resume", _("finish an import that was cut short")),
                       ("abandon", _("remove an import that was cut short"))):
        sub = kinds.add_parser(kind, parents=[common], help=text)
        sub.add_argument("id", type=int, nargs="?", metavar="ID",
                         help=_("the import's number (default: the one waiting)"))
        sub.set_defaults(func=run_pending)


def shop_options(db: Any, args: argparse.Namespace) -> Any:
    """ImportOptions from the command line and the shop's settings."""
    from db.errors import UserError
    from db.imports.formats import mapping_from_argument, options_for_shop, parse_mapping
    from db.settings import load_settings

    mapping: dict[str, str] | None = None
    if args.map_file is not None:
        try:
            text = args.map_file.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise UserError(_("{file} cannot be read: {reason}").format(
                file=args.map_file, reason=reason)) from exc
        mapping = parse_mapping(text + "\n")
    elif args.map is not None:
        mapping = mapping_from_argument(args.map)
    return options_for_shop(load_settings(db), format=args.format, mapping=mapping,
                            language=getattr(args, "language", None))


class _Interrupt:
    """Ctrl-C asks the import to cancel (it then removes what it did); a second one
    stops at once (the import is then left to `import resume` or `import abandon`)."""

    def __init__(self) -> None:
        self.asked = False

    def __call__(self) -> bool:
        return self.asked

    @contextmanager
    def installed(self) -> Iterator[None]:
        def on_signal(_number: int, _frame: FrameType | None) -> None:
            if self.asked:
                raise KeyboardInterrupt
            self.asked = True
            print(_("import: cancelling, removing what was imported ... (Ctrl-C again "
                    "to stop at once)"), file=sys.stderr, flush=True)

        try:
            previous = signal.signal(signal.SIGINT, on_signal)
        except ValueError:  # not the main thread: no handler, Ctrl-C stops at once
            yield
            return
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)


def _progress_printer() -> Callable[[Any], None]:
    shown: dict[str, float] = {}

    def show(step: Any) -> None:
        now = time.monotonic()
        final = step.fraction is not None and step.fraction >= 1.0
        if now - shown.get(step.stage, -10.0) < 1.0 and not final:
            return
        shown[step.stage] = now
        total = f"/{step.total:,}" if step.total is not None else ""
        share = f" ({step.fraction:.0%})" if step.fraction is not None else ""
        print(f"import: {step.stage} {step.done:,}{total}{share}", file=sys.stderr,
              flush=True)

    return show


def run_import(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.store.connection import open_database

    source: Path = args.file
    if not source.is_file():
        print(_("counterpart: {file} is not a file.").format(file=source), file=sys.stderr)
        return 2
    db = open_database(db_path(args))
    try:
        if args.import_kind == "purchases":
            return _purchases(db, args)
        return _customers(db, args)
    finally:
        db.close()


def _run_with_errors_file(db: Any, args: argparse.Namespace, job: Callable[..., Any]) -> Any:
    """Run an import (customers or purchases) with Ctrl-C as cancel and the refused rows
    streamed to --errors FILE (put in place only when some row was refused)."""
    from db.imports.source import open_rows

    options = shop_options(db, args)
    interrupt = _Interrupt()
    errors = None
    if args.errors is not None:
        from reports.import_errors import ImportErrorsFile
        from reports.safe_output import database_files

        info, rows = open_rows(args.file)
        rows.close()  # type: ignore[attr-defined]
        errors = ImportErrorsFile(args.errors, info.header, database_files(db))
    try:
        with interrupt.installed():
            report = job(db, args.file, options, dry_run=args.dry_run,
                         progress=_progress_printer(), cancelled=interrupt,
                         refused_sink=errors.add if errors is not None else None)
        if errors is not None and report.refused:
            errors.commit()
    finally:
        if errors is not None:
            errors.discard()
    return report


def _cancelled(report: Any) -> int:
    """Say the import was cancelled (and which customers an undone import kept because
    staff recorded something for them meanwhile); exit status 130."""
    print(_("counterpart: import cancelled; nothing was imported."), file=sys.stderr)
    _say_kept(report)
    return 130


def _say_kept(report: Any) -> None:
    """An undone import keeps the customers staff recorded something for meanwhile."""
    if report.kept_in_use:
        print(ngettext("{n} customer it added stays: staff recorded a purchase, complaint, "
                       "voucher, letter or consent for them meanwhile.",
                       "{n} customers it added stay: staff recorded a purchase, complaint, "
                       "voucher, letter or consent for them meanwhile.",
                       report.kept_in_use).format(n=report.kept_in_use), file=sys.stderr)


def _customers(db: Any, args: argparse.Namespace) -> int:
    from db.imports.job import import_customers_file

    report = _run_with_errors_file(db, args, import_customers_file)
    if report.cancelled:
        return _cancelled(report)
    _print_problems(report, args.errors)
    if args.dry_run:
        print(_("Dry run, nothing was written. {rows} rows: {added} customers would be "
                "added, {updated} updated, {unchanged} unchanged; {refused} refused.").format(
            rows=report.rows, added=report.added, updated=report.updated,
            unchanged=report.unchanged, refused=report.refused))
        _print_sample(report)
    elif not report.refused:
        print(_("{rows} rows: {added} customers added, {updated} updated, {unchanged} "
                "unchanged.").format(rows=report.rows, added=report.added,
                                     updated=report.updated, unchanged=report.unchanged))
    _print_allergies(report)
    return 1 if report.refused else 0


def _print_problems(report: Any, errors: Path | None) -> None:
    if not report.refused:
        return
    if not report.dry_run:
        print(ngettext("counterpart: {n} row refused; nothing was imported.",
                       "counterpart: {n} rows refused; nothing was imported.",
                       report.refused).format(n=report.refused), file=sys.stderr)
    for row in report.problems[:SHOWN_PROBLEMS]:
        print(_("line {line}: {problems}").format(line=row.line,
                                                  problems="; ".join(row.problems)),
              file=sys.stderr)
    more = report.refused - min(len(report.problems), SHOWN_PROBLEMS)
    if more > 0:
        if errors is not None:
            print(_("... and {n} more, see {file}").format(n=more, file=errors),
                  file=sys.stderr)
        else:
            print(_("... and {n} more, see --errors FILE").format(n=more), file=sys.stderr)
    if errors is not None:
        print(ngettext("{n} refused row written to {file}, with its line and reason.",
                       "{n} refused rows written to {file}, each with its line and reason.",
                       report.refused).format(n=report.refused, file=errors),
              file=sys.stderr)


def _print_sample(report: Any) -> None:
    if not report.sample:
        return
    print(_("The first rows as they would be saved:"))
    for mapped in report.sample:
        data = mapped.data
        birthday = ""
        if data.birth_month and data.birth_day:
            birthday = (f"{data.birth_year}-" if data.birth_year else "--") + \
                f"{data.birth_month:02d}-{data.birth_day:02d}"
        cells = [data.external_id or "", data.name, data.phone, data.email, data.language,
                 birthday, ", ".join([*data.allergens, *data.allergies]),
                 ", ".join(data.tags), _("consents") if data.consent_contact else ""]
        print(_("line {line}: {cells}").format(
            line=mapped.line, cells=" | ".join(c for c in cells if c)))


def _print_allergies(report: Any) -> None:
    for line, text in report.unrecognised_allergies[:SHOWN_PROBLEMS]:
        print(_("line {line}: allergy {text!r} is none of the 14 EU allergens; kept as "
                "free text.").format(line=line, text=text))
    more = report.unrecognised_total - min(len(report.unrecognised_allergies),
                                           SHOWN_PROBLEMS)
    if more > 0:
        print(_("... and {n} more allergies kept as free text.").format(n=more))


def _purchases(db: Any, args: argparse.Namespace) -> int:
    from db.imports.purchases import import_purchases_file

    report = _run_with_errors_file(db, args, import_purchases_file)
    if report.cancelled:
        return _cancelled(report)
    _print_problems(report, args.errors)
    for line, text in report.notices[:SHOWN_PROBLEMS]:
        print(_("line {line}: {notice}").format(line=line, notice=text))
    if args.dry_run:
        print(_("Dry run, nothing was written. {rows} rows: {added} receipts would be "
                "added, {unchanged} already imported, {skipped} rows skipped; {refused} "
                "refused.").format(rows=report.rows, added=report.added,
                                   unchanged=report.unchanged, skipped=report.skipped,
                                   refused=report.refused))
        for receipt in report.receipts:
            items = ", ".join(f"{quantity} × {name}" for name, quantity, _price
                              in receipt.items)
            print(_("receipt {id}: {customer}: {items}").format(
                id=receipt.receipt_id, customer=receipt.customer or _("walk-in"),
                items=items))
    elif not report.refused:
        print(_("{rows} rows: {added} receipts added, {unchanged} already imported, "
                "{skipped} rows skipped.").format(
            rows=report.rows, added=report.added, unchanged=report.unchanged,
            skipped=report.skipped))
    return 1 if report.refused else 0


def run_pending(args: argparse.Namespace) -> int:
    """`import resume|abandon [ID]`; without an interrupted import, says so (status 2)."""
    from console.cli import db_path
    from db.imports.job import abandon_import, resume_import, unfinished_imports
    from db.store.connection import open_database

    db = open_database(db_path(args))
    try:
        waiting = unfinished_imports(db)
        if args.id is not None:
            waiting = [w for w in waiting if w.id == args.id]
        if not waiting:
            print(_("counterpart: there is no interrupted import to {action}.").format(
                action=args.import_kind), file=sys.stderr)
            return 2
        print(waiting[0].describe(), file=sys.stderr)
        if args.import_kind == "abandon":
            report = abandon_import(db, waiting[0].id, progress=_progress_printer())
            print(_("Import {id} removed: the customers it added are deleted and those "
                    "it changed are as they were.").format(id=waiting[0].id))
            _say_kept(report)
            return 0
        interrupt = _Interrupt()
        with interrupt.installed():
            report = resume_import(db, waiting[0].id, progress=_progress_printer(),
                                   cancelled=interrupt)
    finally:
        db.close()
    if report.cancelled:
        return _cancelled(report)
    _print_problems(report, None)
    if report.refused:
        return 1
    print(_("{rows} rows: {added} customers added, {updated} updated, {unchanged} "
            "unchanged.").format(rows=report.rows, added=report.added,
                                 updated=report.updated, unchanged=report.unchanged))
    return 0
