"""`counterpart import customers|purchases FILE.csv`: all or nothing, safe to repeat."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from db.i18n import _


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import", parents=[common], help=_("import customers or purchases from CSV"),
        description=_("Import a UTF-8 CSV file. A file with any bad row imports nothing; "
                      "importing the same file again adds nothing."),
    )
    kinds = parser.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    for kind, text in (("customers", _("customers, matched on external_id")),
                       ("purchases", _("purchase items, grouped and matched on receipt_id"))):
        sub = kinds.add_parser(kind, parents=[common], help=text)
        sub.add_argument("file", type=Path, metavar="FILE.csv")
        sub.set_defaults(func=run_import)


def run_import(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.connection import open_database
    from db.importer import import_customers, import_purchases

    source: Path = args.file
    if not source.is_file():
        print(_("counterpart: {file} is not a file.").format(file=source), file=sys.stderr)
        return 2

    def progress(stage: str, done: int, total: int) -> None:
        print(f"import: {stage} {done:,}/{total:,}", file=sys.stderr, flush=True)

    db = open_database(db_path(args))
    try:
        if args.import_kind == "customers":
            result = import_customers(db, source, progress=progress)
            print(_("{rows} rows: {added} customers added, {updated} updated, {unchanged} "
                    "unchanged.").format(rows=result.rows, added=result.added,
                                         updated=result.updated, unchanged=result.unchanged))
            for line, text in result.unrecognised_allergies:
                print(_("line {line}: allergy {text!r} is none of the 14 EU allergens; kept as "
                        "free text.").format(line=line, text=text))
        else:
            result = import_purchases(db, source, progress=progress)
            print(_("{rows} rows: {added} receipts added, {unchanged} already imported.")
                  .format(rows=result.rows, added=result.added, unchanged=result.unchanged))
    finally:
        db.close()
    return 0
