"""`counterpart audit verify [--head N:HASH]`: walk the hash-chained audit log.

Exit 0 when the chain, the records it must hold and the values of the rows it vouches for
all check out (and, with --head, the log still passes through the head printed in the
footer of an end-of-day report); exit 1 naming what is wrong; exit 2 for a bad command.
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


def run_verify(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db import audit
    from db.connection import open_database
    from db.errors import UserError

    head = getattr(args, "head", None)
    if head is not None:
        try:
            audit.parse_head(head)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
    path = db_path(args)
    if not path.exists():
        print(_("counterpart: {path} does not exist.").format(path=path), file=sys.stderr)
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
