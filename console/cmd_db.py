"""`counterpart db init URL`: make a PostgreSQL database Counterpart's (schema and roles).

Several tills and shops share one PostgreSQL server (issue 11). `db init` creates, in one
transaction, every table, index and trigger and the two group roles: `counterpart_till`
(the tills: may read and write the shop's tables, and only SELECT and INSERT the audit log)
and `counterpart_admin`. `--print` shows the SQL instead of running it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from db.i18n import _


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
    init.add_argument("url", metavar="URL",
                      help=_("a libpq URL, e.g. postgresql://user@host/dbname"))
    init.add_argument("--print", action="store_true", dest="print_only",
                      help=_("print the SQL instead of running it"))
    init.set_defaults(func=run_init)


def run_init(args: argparse.Namespace) -> int:
    from db.engines.postgres import is_postgres_url, safe_url
    from db.engines.postgres_schema import AlreadyInitialised, init_database, schema_script

    if args.print_only:
        sys.stdout.write(schema_script())
        return 0
    url = str(args.url)
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
    except psycopg.Error as exc:
        print(_("counterpart: could not set up {url}: {reason}").format(
            url=safe_url(url), reason=str(exc).strip()), file=sys.stderr)
        return 1
    print(_("{url}: schema and roles created ({n} statements).").format(
        url=safe_url(url), n=count))
    return 0
