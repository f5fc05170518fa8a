"""`counterpart db init URL`: make a PostgreSQL database Counterpart's (schema and roles).

Several tills and shops share one PostgreSQL server (issue 11). `db init` creates, in one
transaction, every table, index and trigger and the two group roles: `counterpart_till`
(the tills: may read and write the shop's tables, and only SELECT and INSERT the audit log)
and `counterpart_admin`. `--print` shows the SQL instead of running it.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from typing import Any

from db.i18n import _
from db.store.location import parse_location


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "db", help=_("set up a PostgreSQL database for several tills"),
        description=_("Set up a PostgreSQL database shared by several tills and shops."),
    )
    commands = parser.add_subparsers(dest="db_command", metavar="DB_COMMAND", required=True)
    init = commands.add_parser(
        "init", help=_("create the schema and the database roles"),
        description=_("Create Counterpart's tables and the roles counterpart_till and "
                      "counterpart_admin in an empty PostgreSQL database. The tills' role "
                      "may add to the audit log and read it, never change or delete it."),
    )
    init.add_argument("url", metavar="URL", nargs="?",
                      help=_("a libpq URL, e.g. postgresql://user@host/dbname "
                             "(not needed with --print)"))
    init.add_argument("--print", action="store_true", dest="print_only",
                      help=_("print the SQL instead of running it"))
    init.set_defaults(func=run_init)
    upgrade = commands.add_parser(
        "upgrade", help=_("bring a PostgreSQL database to this version's schema"),
        description=_("Run the schema steps a PostgreSQL database made by an earlier "
                      "Counterpart lacks, all in one transaction, as the database's owner. "
                      "Tills refuse an older schema until this has run once."),
    )
    upgrade.add_argument("url", metavar="URL",
                         help=_("a libpq URL, e.g. postgresql://owner@host/dbname"))
    upgrade.set_defaults(func=run_upgrade)
    copy = commands.add_parser(
        "copy", help=_("copy a shop between SQLite and PostgreSQL"),
        description=_("Copy every table of the shop at SRC into the empty database DST, in "
                      "one transaction: SQLite to PostgreSQL or back. Then every table's row "
                      "count is compared and DST's audit log verified; if anything differs, "
                      "nothing is kept. A DST that already holds data is refused."),
    )
    copy.add_argument("source", metavar="SRC", type=parse_location,
                      help=_("the shop's database: a .sqlite file or a postgresql:// URL"))
    copy.add_argument("target", metavar="DST", type=parse_location,
                      help=_("an empty database: a new .sqlite file or a postgresql:// URL "
                             "(made with 'counterpart db init', or empty)"))
    copy.set_defaults(func=run_copy)


def run_init(args: argparse.Namespace) -> int:
    from db.store.engines.postgres import is_postgres_url, safe_url
    from db.store.engines.postgres_schema import (
        AlreadyInitialised,
        NotUtf8,
        init_database,
        schema_script,
    )

    if args.print_only:
        sys.stdout.write(schema_script())
        return 0
    url = str(args.url or "")
    if not is_postgres_url(url):
        print(_("counterpart: {url} is not a PostgreSQL URL (postgresql://user@host/dbname); "
                "a SQLite file needs no init.").format(url=url), file=sys.stderr)
        return 2
    import psycopg

    try:
        count = init_database(url)
    except AlreadyInitialised:
        print(_("counterpart: {url} already holds Counterpart's tables; nothing was "
                "changed.").format(url=safe_url(url)), file=sys.stderr)
        return 1
    except NotUtf8 as exc:
        print(_("counterpart: {url} stores text as {encoding} with character type {ctype}; "
                "the search index would skip Chinese characters. Create the database with: "
                "CREATE DATABASE name ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' "
                "TEMPLATE template0 (scripts/pg-server-setup.sh does). Nothing was changed."
                ).format(url=safe_url(url), encoding=exc.encoding, ctype=exc.ctype),
              file=sys.stderr)
        return 1
    except psycopg.Error as exc:
        print(_("counterpart: could not set up {url}: {reason}").format(
            url=safe_url(url), reason=str(exc).strip()), file=sys.stderr)
        return 1
    print(_("{url}: schema and roles created ({n} statements).").format(
        url=safe_url(url), n=count))
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from db.store.shop_copy import copy_database

    print(_("Copying {source} to {target}...").format(source=args.source, target=args.target),
          file=sys.stderr)
    result = copy_database(args.source, args.target)
    width = max(len(c.table) for c in result.counts)
    print(f"{_('table'):<{width}}  {_('source'):>9}  {_('copied'):>9}")
    empty = 0
    for count in result.counts:
        if count.source == 0 and count.target == 0:
            empty += 1
            continue
        print(f"{count.table:<{width}}  {count.source:>9,d}  {count.target:>9,d}")
    print(_("{n} other tables empty in both.").format(n=empty))
    print(_("Audit log of the copy: {message}").format(message=result.audit_message))
    print(_("{target}: every table's row count matches the source.").format(target=args.target))
    return 0


def run_upgrade(args: argparse.Namespace) -> int:
    from db.store.engines.postgres import is_postgres_url, safe_url
    from db.store.engines.postgres_upgrade import upgrade_database

    url = str(args.url)
    if not is_postgres_url(url):
        print(_("counterpart: {url} is not a PostgreSQL URL (postgresql://user@host/dbname); "
                "a SQLite file is updated when it is opened.").format(url=url),
              file=sys.stderr)
        return 2
    import psycopg

    try:
        done = upgrade_database(url)
    except (psycopg.Error, sqlite3.Error) as exc:
        print(_("counterpart: could not update {url}, nothing was changed: {reason}").format(
            url=safe_url(url), reason=str(exc).strip().splitlines()[0]), file=sys.stderr)
        return 1
    if not done:
        print(_("{url} has this version's schema; nothing to do.").format(url=safe_url(url)))
        return 0
    print(_("{url}: schema updated ({steps}).").format(url=safe_url(url),
                                                      steps=", ".join(done)))
    return 0
