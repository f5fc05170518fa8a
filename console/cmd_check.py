"""`counterpart check [--db PATH]`: read every page of the database and report damage.

The console checks a bounded part of the file each time it opens it (see
`db.connection.quick_check`); this command checks all of it (`PRAGMA integrity_check`),
opening the file read-only so that a damaged file is not changed further.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from db.i18n import _


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "check", parents=[common], help=_("check every page of the database for damage"),
        description=_("Read the whole database file read-only and check every page, index "
                      "and constraint. Exit status 0: no damage; 1: damaged (the message "
                      "says how to restore); 2: the file cannot be opened."),
    )
    parser.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from console.cli import sqlite_db_path
    from db.connection import damaged, full_check, open_database

    path = sqlite_db_path(args, "check")
    if not path.is_file():
        print(_("counterpart: {path} does not exist.").format(path=path), file=sys.stderr)
        return 2
    db = open_database(path, migrate=False, quick_check_ms=None, read_only=True)
    try:
        result = full_check(db)
    finally:
        db.close()
    if result.ok:
        print(_("{path}: every page checked, no damage found ({ms:.0f} ms).").format(
            path=path, ms=result.elapsed_ms))
        return 0
    print(f"counterpart: {damaged(path, result)}", file=sys.stderr)
    for problem in result.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1
