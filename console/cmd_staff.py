"""`counterpart staff list` and `counterpart staff first-manager NAME` (PIN asked, not shown).

Everything else about staff (add, deactivate, change role or limit, reset a PIN) is done
by a manager in the console, each change confirmed with the manager's PIN.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from db.i18n import _


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "staff", parents=[common], help=_("list staff or create the first manager"),
        description=_("List staff, or create the first manager of a new database."),
    )
    actions = parser.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help=_("list staff and limits"))
    listing.add_argument("--all", action="store_true", help=_("include deactivated staff"))
    listing.set_defaults(func=run_list)
    first = actions.add_parser("first-manager", parents=[common],
                               help=_("create the first manager (asks for the PIN)"))
    first.add_argument("name", metavar="NAME")
    first.set_defaults(func=run_first_manager)


def run_list(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.security.approvals import limit_for
    from db.security.staff import list_staff
    from db.service.compensation import format_money
    from db.store.connection import open_database

    db = open_database(db_path(args))
    try:
        for member in list_staff(db, active_only=not args.all):
            state = "" if member.active else " " + _("(deactivated)")
            limit = (format_money(db, limit_for(db, member)) if member.can_authorise else "-")
            print(f"{member.id}\t{member.name}\t{_(member.role)}\t{limit}{state}")
    finally:
        db.close()
    return 0


def run_first_manager(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.security.staff_admin import create_first_manager, needs_first_manager
    from db.store.connection import open_database

    db = open_database(db_path(args))
    try:
        if not needs_first_manager(db):
            print(_("counterpart: this database already has a manager."), file=sys.stderr)
            return 2
        pin = getpass.getpass(_("PIN for {name} (4-8 digits): ").format(name=args.name))
        again = getpass.getpass(_("The same PIN again: "))
        if pin != again:
            print(_("counterpart: the two PINs differ; nothing was saved."), file=sys.stderr)
            return 2
        manager = create_first_manager(db, args.name, pin)
        print(_("{name} is the manager (staff id {id}).").format(name=manager.name,
                                                                 id=manager.id))
    finally:
        db.close()
    return 0
