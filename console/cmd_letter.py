"""`counterpart letter`: write an apology, thank-you or birthday letter as PDF, for scripts.

    counterpart letter --kind apology --complaint 12 --staff 3 --out apology.pdf
    counterpart letter --kind birthday --customer 40 --lang zh-TW --staff 3 --out birthday.pdf

The letter is worded from the templates in the customer's language (or --lang), written to
--out, and recorded on the customer's profile like a letter saved from the console, with who
made it: --staff (an active staff member), else the --signer. The PDF is renamed into
place only after the letter is recorded, and never over the database, a device or folder, or
another SQLite file (`reports.safe_output`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from db.errors import UserError
from db.i18n import _
from db.store.location import database_files, local_file, missing

LANG_CHOICES = ("en", "fi", "zh-TW", "zh-CN")


class StaffNotAllowed(UserError):
    """No staff member, an unknown one, or one who is no longer active made the letter."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "letter", parents=[common], help=_("write a letter to a customer as PDF"),
        description=_("Write an apology, thank-you or birthday letter as PDF and record it."),
    )
    parser.add_argument("--kind", required=True, choices=("apology", "thank-you", "birthday"),
                        help=_("which letter"))
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--complaint", type=int, metavar="ID",
                     help=_("the complaint or compliment the letter is about"))
    who.add_argument("--customer", type=int, metavar="ID", help=_("the customer"))
    parser.add_argument("--lang", choices=LANG_CHOICES,
                        help=_("language (default: the customer's)"))
    parser.add_argument("--reason", choices=("loyal", "compliment", "resolved", "suggestion"),
                        help=_("what a thank-you is for (default: from the complaint, else "
                               "loyal)"))
    parser.add_argument("--voucher", type=int, metavar="VOUCHER_ID",
                        help=_("put this voucher of the customer on the letter (default: the "
                               "complaint's approved voucher)"))
    parser.add_argument("--no-voucher", action="store_true",
                        help=_("leave the voucher out"))
    parser.add_argument("--signer", type=int, metavar="STAFF_ID",
                        help=_("who signs (default: who authorised the remedy)"))
    parser.add_argument("--staff", type=int, metavar="STAFF_ID",
                        help=_("who is making the letter, an active staff member; recorded "
                               "with it (default: the --signer)"))
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.pdf",
                        help=_("where to write the PDF"))
    parser.set_defaults(func=run)


def check_writable(out: Path, database: Path | None = None) -> None:
    """Refuse before any work when --out cannot or must not be written, saying why.

    Never the database or its -wal/-shm/-journal (by path, symlink or hard link), a folder,
    device or fifo, nor any SQLite file (`reports.safe_output`).
    """
    from reports.safe_output import check_target

    check_target(out, [database] if database is not None else [])


def check_staff(db: Any, staff_id: int | None, signer_id: int | None) -> int:
    """The id recorded as the letter's maker: --staff, else --signer; it must be active."""
    from db.errors import NotFound
    from db.security.staff import get_staff

    chosen = staff_id if staff_id is not None else signer_id
    option = "--staff" if staff_id is not None else "--signer"
    if chosen is None:
        raise StaffNotAllowed(_(
            "Say who is making the letter with --staff STAFF_ID (an active staff member); "
            "it is recorded with the letter."))
    try:
        staff = get_staff(db, chosen)
    except NotFound as exc:
        raise StaffNotAllowed(_("{option} {id}: there is no staff member with id {id}.").format(
            option=option, id=chosen)) from exc
    if not staff.active:
        raise StaffNotAllowed(_(
            "{option} {id}: {name} is no longer an active staff member; give an active staff "
            "member with --staff.").format(option=option, id=chosen, name=staff.name))
    return staff.id


def run(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.store.connection import open_database
    from reports.letter_service import VoucherNotUsable, prepare_letter, record_letter, render
    from reports.safe_output import stage

    out: Path = args.out
    if args.kind == "apology" and args.complaint is None:
        from reports.letter_service import LetterNotPossible

        raise LetterNotPossible(_(
            "An apology letter needs a complaint: give its number with --complaint."))
    path = db_path(args)
    check_writable(out, local_file(path))
    if missing(path):
        print(_("counterpart: {path} does not exist.").format(path=path), file=sys.stderr)
        return 2
    db = open_database(path)
    try:
        created_by = check_staff(db, args.staff, args.signer)
        try:
            data = prepare_letter(
                db, args.kind, customer_id=args.customer, complaint_id=args.complaint,
                language=args.lang, reason=args.reason, signer_id=args.signer,
                voucher_id=args.voucher, with_voucher=not args.no_voucher,
            )
        except VoucherNotUsable as exc:
            raise VoucherNotUsable(str(exc) + " " + _(
                "Write the letter without it (No voucher, or --no-voucher), or choose a "
                "voucher that is still valid.")) from exc
        pdf = render(data)
        # The PDF waits in a temporary file beside --out until the letter is recorded: a
        # database that refuses the record (read-only, full) leaves no PDF behind.
        with stage([(out, pdf)], database_files(path)) as pending:
            record = record_letter(db, data, pdf, created_by=created_by)
            pending.commit()
    finally:
        db.close()
    print(_("Wrote {path} ({kind}, {lang}); kept as letter {id}.").format(
        path=out, kind=data.kind, lang=data.language, id=record.id))
    return 0
