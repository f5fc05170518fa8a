"""`counterpart voucher redeem CODE` (and `show CODE`): mark used, or look at it.

Redeeming asks for the PIN of the member of staff taking the voucher (without echo, or one
line on stdin with `--pin-stdin`): it is a write that gives value, so it goes through a
single-use approval like every other (`db.security.approvals`).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from db.i18n import _


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "voucher", parents=[common], help=_("redeem or show a voucher"),
        description=_("Redeem a voucher (once) or show what it is worth."),
    )
    actions = parser.add_subparsers(dest="voucher_command", metavar="ACTION", required=True)
    redeem = actions.add_parser("redeem", parents=[common], help=_("mark a voucher used"))
    redeem.add_argument("code", metavar="CODE", help=_("the code, e.g. 7KQ2-M9XD"))
    redeem.add_argument("--pin-stdin", action="store_true",
                        help=_("read the PIN of the member of staff taking the voucher from "
                               "the first line of standard input"))
    redeem.set_defaults(func=run_redeem)
    show = actions.add_parser("show", parents=[common], help=_("show a voucher"))
    show.add_argument("code", metavar="CODE")
    show.set_defaults(func=run_show)


def _describe(db: Any, voucher: Any) -> str:
    from db.clock import local_date
    from db.service.compensation import format_money
    from db.settings import load_settings

    timezone = load_settings(db).timezone  # the shop's day, not UTC's
    state = (_("used on {day}").format(
        day=local_date(voucher.redeemed_at, timezone).isoformat())
        if voucher.redeemed_at else _("not used"))
    return _("Voucher {code}: {value}, valid until {day}, {state}.").format(
        code=voucher.code, value=format_money(db, voucher.value_minor),
        day=voucher.expires_on.isoformat(), state=state)


def run_redeem(args: argparse.Namespace) -> int:
    from console.cli import existing_db_path
    from console.paths import console_id
    from db.service import vouchers
    from db.store.connection import open_database

    path = existing_db_path(args)
    if path is None:
        return 2
    db = open_database(path)
    try:
        pin = (sys.stdin.readline().strip() if args.pin_stdin
               else getpass.getpass(_("PIN of the person taking the voucher: ")))
        voucher = vouchers.redeem_with_pin(db, args.code, pin, console_id())
        print(_("Redeemed. {details}").format(details=_describe(db, voucher)))
    finally:
        db.close()
    return 0


def run_show(args: argparse.Namespace) -> int:
    from console.cli import existing_db_path
    from db.service import vouchers
    from db.store.connection import open_database

    path = existing_db_path(args)
    if path is None:
        return 2
    db = open_database(path)
    try:
        print(_describe(db, vouchers.find_voucher(db, args.code)))
    finally:
        db.close()
    return 0
