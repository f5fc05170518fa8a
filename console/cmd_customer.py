"""`counterpart customer export|erase|retention`: a customer's data rights from the shell.

`export ID --out FILE` writes FILE.json (everything, machine-readable) and FILE.pdf (the
same, readable, in the customer's language). `erase ID --reason TEXT` needs a manager's PIN,
asked without echo the way `settings set` does, or read from stdin with `--pin-stdin`.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from db.errors import UserError
from db.i18n import _
from db.store.location import database_files, missing


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "customer", parents=[common], help=_("export or erase one customer's personal data"),
        description=_("A customer's data rights: export everything held about them, erase it "
                      "on request, list customers past the retention period."))
    actions = parser.add_subparsers(dest="customer_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", parents=[common],
                                help=_("write everything held about one customer"))
    export.add_argument("customer", metavar="ID", help=_("customer id or number (C000123)"))
    export.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help=_("FILE.json and FILE.pdf are written"))
    export.add_argument("--lang", default="",
                        help=_("language of the PDF (default: the customer's)"))
    export.set_defaults(func=run_export)
    erase = actions.add_parser("erase", parents=[common],
                               help=_("erase one customer's personal data (manager's PIN)"))
    erase.add_argument("customers", metavar="ID", nargs="+",
                       help=_("one or more customer ids or numbers"))
    erase.add_argument("--reason", required=True,
                       help=_("why, e.g. 'asked in the shop on 2026-11-20' (no names)"))
    erase.add_argument("--pin-stdin", action="store_true",
                       help=_("read the manager's PIN from the first line of standard input"))
    erase.set_defaults(func=run_erase)
    retention = actions.add_parser(
        "retention", parents=[common],
        help=_("list customers with no visit, complaint or voucher in the retention period"))
    retention.add_argument("--months", type=int, default=0,
                           help=_("months (default: the shop's retention setting)"))
    retention.set_defaults(func=run_retention)


def resolve_customer(db: Any, text: str) -> int:
    """A customer id (17) or number (C000017)."""
    cleaned = text.strip().upper()
    row = None
    if cleaned.isdigit():
        row = db.execute("SELECT id FROM customers WHERE id = ?", [int(cleaned)]).fetchone()
    elif cleaned.startswith("C"):
        row = db.execute("SELECT id FROM customers WHERE customer_no = ?", [cleaned]).fetchone()
    if row is None:
        raise UserError(_("There is no customer {customer}.").format(customer=text))
    return int(row[0])


def export_paths(out: Path) -> tuple[Path, Path]:
    stem = out.with_suffix("") if out.suffix.lower() in (".json", ".pdf") else out
    return stem.with_name(stem.name + ".json"), stem.with_name(stem.name + ".pdf")


def run_export(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.customers.personal_data import customer_record, record_export
    from db.settings import load_settings
    from db.store.connection import open_database
    from reports.personal_data_pdf import build_export_pdf
    from reports.safe_output import write_files

    path = db_path(args)
    if missing(path):
        raise UserError(_("{path} does not exist.").format(path=path))
    json_path, pdf_path = export_paths(args.out)
    db = open_database(path)
    try:
        customer_id = resolve_customer(db, args.customer)
        record = customer_record(db, customer_id)
        settings = load_settings(db)
        lang = args.lang or str(record["customer"]["language"])
        pdf = build_export_pdf(record, settings, lang)
        text = json.dumps(record, ensure_ascii=False, indent=1, default=str).encode("utf-8")
        # Both or neither, 0600, never over the database or another non-regular file.
        write_files([(json_path, text), (pdf_path, pdf)], databases=database_files(path))
        record_export(db, customer_id, None)
    finally:
        db.close()
    print(_("Wrote {json} and {pdf}.").format(json=json_path, pdf=pdf_path))
    return 0


def run_erase(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from console.paths import console_id
    from db.customers.personal_data import erase_customers
    from db.store.connection import open_database

    path = db_path(args)
    if missing(path):
        raise UserError(_("{path} does not exist.").format(path=path))
    if not args.reason.strip():
        raise UserError(_("Say why the data is erased with --reason."))
    db = open_database(path)
    try:
        ids = [resolve_customer(db, text) for text in args.customers]
        pin = (sys.stdin.readline().strip() if args.pin_stdin
               else getpass.getpass(_("Manager's PIN: ")))
        results = erase_customers(db, ids, reason=args.reason, manager_pin=pin,
                                  console_id=console_id())
    finally:
        db.close()
    for result in results:
        print(_("Customer {number}: personal data erased ({complaints} complaints and "
                "{letters} letters cleared; counts and money kept).").format(
                    number=result.customer_no, complaints=result.complaints_cleared,
                    letters=result.letters_cleared))
    if not all(r.wal_cleared for r in results):
        print(_("Another console still has the database open: the old text leaves the "
                "database's WAL file when it closes."), file=sys.stderr)
    return 0


def run_retention(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.customers.personal_data import retention_candidates
    from db.settings import load_settings
    from db.store.connection import open_database

    path = db_path(args)
    if missing(path):
        raise UserError(_("{path} does not exist.").format(path=path))
    db = open_database(path)
    try:
        months = args.months or load_settings(db).retention_months
        found = retention_candidates(db, months)
    finally:
        db.close()
    if not found:
        print(_("No customer has been inactive for {months} months.").format(months=months))
        return 0
    print(_("{n} customers with no visit, complaint or voucher in {months} months (review, "
            "then erase with `counterpart customer erase`):").format(n=len(found),
                                                                       months=months))
    for c in found:
        last = c.last_activity.date().isoformat() if c.last_activity else "-"
        print(f"  {c.customer_no}  {last}  {c.name}")
    return 0
