"""`counterpart audit verify [--head N:HASH]`: walk the hash-chained audit log.

Exit 0 when the chain, the records it must hold and the values of the rows it vouches for
all check out (and, with --head, the log still passes through the head printed in the
footer of an end-of-day report); exit 1 naming what is wrong; exit 2 for a bad command.

`counterpart audit list [--limit N] [--entity KIND --id N]` prints the newest entries, one
a line: number, shop-local time, who, action, what it is about, and the till it was
written at ("-" for entries from before till names).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from db.i18n import _


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "audit", parents=[common], help=_("check the audit log"),
        description=_("Check the append-only, hash-chained audit log."),
    )
    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify", parents=[common],
        help=_("verify the chain; exit 1 naming the first bad entry"),
    )
    verify.add_argument(
        "--head", metavar="N:HASH",
        help=_("the audit log head printed in the footer of an end-of-day report, e.g. "
               "1234:3fa9c2d1e0b79a41; fail unless the log still passes through it"))
    verify.set_defaults(func=run_verify)
    listing = actions.add_parser(
        "list", parents=[common],
        help=_("list the newest entries with who, what and at which till"),
    )
    listing.add_argument("--limit", type=int, default=50, metavar="N",
                         help=_("how many entries, newest first (default 50)"))
    listing.add_argument("--entity", metavar="KIND",
                         help=_("only entries about this kind of record, e.g. complaint, "
                                "voucher, staff"))
    listing.add_argument("--id", type=int, dest="entity_id", metavar="N",
                         help=_("only entries about the record with this id"))
    listing.set_defaults(func=run_list)


def run_list(args: argparse.Namespace) -> int:
    from console.cli import existing_db_path
    from db.clock import format_local
    from db.security import audit
    from db.security.staff import list_staff
    from db.settings import load_settings
    from db.store.connection import open_database

    path = existing_db_path(args)
    if path is None:
        return 2
    db = open_database(path)
    try:
        timezone = load_settings(db).timezone
        names = {s.id: s.name for s in list_staff(db, active_only=False, all_shops=True)}
        found = audit.entries(db, entity=args.entity, entity_id=args.entity_id,
                              limit=max(1, args.limit))
    finally:
        db.close()
    if not found:
        print(_("No audit entries."))
        return 0
    header = (_("No."), _("When"), _("Who"), _("Action"), _("About"), _("Till"))
    rows = [header]
    for entry in found:
        about = f"{entry.entity} {entry.entity_id}" if entry.entity_id is not None \
            else entry.entity
        who = names.get(entry.actor_id, str(entry.actor_id)) if entry.actor_id is not None \
            else "-"
        rows.append((str(entry.id), format_local(entry.at, timezone), who, entry.action,
                     about or "-", entry.till or "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
              .rstrip())
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from console.cli import existing_db_path
    from db.errors import UserError
    from db.security import audit
    from db.store.connection import open_database

    head = getattr(args, "head", None)
    if head is not None:
        try:
            audit.parse_head(head)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
    path = existing_db_path(args)
    if path is None:
        return 2
    db = open_database(path)
    try:
        result = audit.verify(db, head=head)
    finally:
        db.close()
    if result.ok:
        print(result.message)
        return 0
    print(result.message, file=sys.stderr)
    return 1
