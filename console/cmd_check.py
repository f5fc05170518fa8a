"""`counterpart check [--db PATH]`: read every page of the database and report damage.

The console checks a bounded part of the file each time it opens it (see
`db.store.connection.quick_check`); this command checks all of it (`PRAGMA integrity_check`),
opening the file read-only so that a damaged file is not changed further. On a PostgreSQL
server it checks the audit log and the search index and counts the rows instead
(`db.store.server_check`), and says that the pages are the server's to check.
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
                      "says how to restore); 2: the file cannot be opened.") + " " + _(
                      "On a PostgreSQL server: the audit log, the search index and the "
                      "row counts."),
    )
    parser.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.store.connection import damaged, full_check, open_database
    from db.store.location import ServerUrl

    path = db_path(args)
    if isinstance(path, ServerUrl):
        return _check_server(path)
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


def _check_server(url: Any) -> int:
    from db.store.connection import open_database
    from db.store.server_check import check_server

    db = open_database(url)
    try:
        result = check_server(db)
    finally:
        db.close()
    counts = ", ".join(f"{table} {n:,}" for table, n in result.counts.items())
    print(_("{url}: rows: {counts}.").format(url=url, counts=counts))
    print(_("Not checked here: the server's pages and indexes (PostgreSQL checks them "
            "itself with data checksums; its administrator can run pg_amcheck)."))
    problems = []
    if not result.audit.ok:
        problems.append(_("the audit log does not verify: {message}").format(
            message=result.audit.message))
    if result.stray_index_entries:
        problems.append(_("{n} search index entries belong to no customer").format(
            n=result.stray_index_entries))
    if result.unindexed_customers:
        problems.append(_("{n} customers are missing from the search index").format(
            n=result.unindexed_customers))
    if not problems:
        print(_("{url}: audit log ({entries} entries) and search index check out "
                "({ms:.0f} ms).").format(url=url, entries=result.audit.checked,
                                         ms=result.elapsed_ms))
        return 0
    for problem in problems:
        print(f"counterpart: {url}: {problem}", file=sys.stderr)
    return 1
