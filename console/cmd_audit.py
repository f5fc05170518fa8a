"""`counterpart audit verify`: walk the hash-chained audit log; non-zero exit when broken."""

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
    verify.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db import audit
    from db.connection import open_database

    path = db_path(args)
    if not path.exists():
        print(_("counterpart: {path} does not exist.").format(path=path), file=sys.stderr)
        return 2
    db = open_database(path)
    try:
        result = audit.verify(db)
    finally:
        db.close()
    if result.ok:
        print(result.message)
        return 0
    print(result.message, file=sys.stderr)
    return 1
