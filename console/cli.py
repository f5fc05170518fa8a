"""`counterpart` command line. Every command takes --db PATH.

Each sub-command lives in its own module with a `register(subparsers, common)` function;
with no sub-command the console window starts: `counterpart --db X --language zh-TW` is
`counterpart run --db X --language zh-TW`, so every option of `run` works without it.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sqlite3
import sys
from collections.abc import Callable, Sequence

from db.errors import UserError
from db.i18n import _, language_from_environment, set_language
from db.store.location import DatabaseLocation, missing, parse_location

COMMAND_MODULES: tuple[str, ...] = (
    "console.cmd_run",
    "console.cmd_audit",
    "console.cmd_voucher",
    "console.cmd_staff",
    "console.cmd_report",
    "console.cmd_letter",
    "console.cmd_demo",
    "console.cmd_import",
    "console.cmd_bench",
    "console.cmd_settings",
    "console.cmd_backup",
    "console.cmd_customer",
    "console.cmd_check",
    "console.cmd_gallery",
    "console.cmd_db",
    "console.cmd_shop",
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", type=parse_location, default=argparse.SUPPRESS, metavar="FILE_OR_URL",
        help=_("database file (default: the one this till's options file names with "
               "'database = ...', else the console's own in the user data folder)") + "; "
        + _("or a PostgreSQL server: postgresql://user@host/dbname"),
    )
    common.add_argument(
        "--till", type=till_name, default=argparse.SUPPRESS, metavar="NAME",
        help=_("the till recorded on what this command writes (default: this machine's "
               "till name from its options file, else \"cli\")"),
    )
    common.add_argument(
        "--shop", type=shop_name, default=argparse.SUPPRESS, metavar="SHOP",
        help=_("the shop this command works as, by its number or name (default: this "
               "till's options file's 'shop = ...', else the database's first shop); "
               "'report --shop all' reports on every shop"),
    )
    parser = argparse.ArgumentParser(
        prog="counterpart", description=_("Counterpart service console"), parents=[common],
        epilog=_("Without a COMMAND the console window starts, and the options of "
                 "'counterpart run' (such as --language) apply."),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def with_default_command(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """`argv` with `run` put in front when it names no command (and asks for no help).

    Scans like argparse: the value after a top-level option that takes one (`--db X`) is
    skipped; the first other word that is not an option decides.
    """
    args = list(argv)
    commands: set[str] = set()
    takes_value: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            commands.update(action.choices)
        elif action.option_strings and action.nargs != 0:
            takes_value.update(action.option_strings)
    index = 0
    while index < len(args):
        word = args[index]
        if word == "--":
            break
        if word in ("-h", "--help"):
            return args
        if word.startswith("-"):
            index += 2 if word in takes_value else 1
            continue
        if word in commands:
            return args
        break
    return ["run", *args]


def till_name(value: str) -> str:
    """`--till NAME`: a usable till name (see `db.tills.till_problem`), spaces trimmed."""
    from db.tills import till_problem

    problem = till_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value.strip()


def options_till_name() -> str:
    """This machine's till name from the console's options file, or `CLI_TILL` ("cli").

    Qt (which reads that file) is loaded only when the file exists."""
    from console.paths import config_dir
    from db.tills import CLI_TILL, till_problem

    if not (config_dir() / "options.ini").exists():
        return CLI_TILL
    from console.options import Options

    name = str(Options().get("till_name") or "").strip()
    return name if name and till_problem(name) is None else CLI_TILL


def shop_name(value: str) -> str:
    """`--shop SHOP`: a shop's number or name (checked against the database when opened)."""
    if not value.strip():
        raise argparse.ArgumentTypeError(_("name a shop by its number or name"))
    return value.strip()


def options_shop() -> str:
    """The shop this machine's options file names (`shop = ...`), or "" (the first shop)."""
    from console.paths import config_dir

    if not (config_dir() / "options.ini").exists():
        return ""
    from console.options import Options

    return str(Options().get("shop") or "").strip()


def command_shop(args: argparse.Namespace) -> str:
    """The shop a command works as: --shop, else the options file's, else "" (the first
    shop). "all" (the company report) is the report command's own business: a command
    given it works as no particular shop; the report reads `args.shop` itself."""
    from db.shops import ALL_SHOPS

    given = str(getattr(args, "shop", "") or "") or options_shop()
    if given.casefold() == ALL_SHOPS:
        if getattr(args, "command", None) != "report":
            raise UserError(_("'--shop all' is for the company report only; name one shop "
                              "for this command."))
        return ""
    return given


def command_till(args: argparse.Namespace) -> str | Callable[[], str]:
    """The till a command records: --till, else (read when first needed) the options file's."""
    given = getattr(args, "till", None)
    return given if given else options_till_name


def db_path(args: argparse.Namespace) -> DatabaseLocation:
    """--db, else the database this till's options name (`database`), else the console's
    own file: a SQLite file (`Path`) or a PostgreSQL server (`ServerUrl`)."""
    from console.paths import default_db_path

    location = getattr(args, "db", None)
    if location is not None:
        return parse_location(location)
    return options_database() or default_db_path()


def existing_db_path(args: argparse.Namespace) -> DatabaseLocation | None:
    """`db_path(args)` when the file is there (a server is checked when opened); else says
    so on stderr and returns None (the command exits 2: reading commands never create an
    empty database)."""
    path = db_path(args)
    if missing(path):
        print(_("counterpart: {path} does not exist.").format(path=path), file=sys.stderr)
        return None
    return path


def options_database() -> DatabaseLocation | None:
    """The database this machine's options file names (`database = ...` under [options]),
    so staff at a till sharing the shop's file never type it; None when it names none."""
    from console.paths import config_dir

    if not (config_dir() / "options.ini").exists():
        return None  # no Qt to start for nothing
    from console.options import Options

    text = str(Options().get("database") or "").strip()
    return parse_location(text) if text else None


def main(argv: Sequence[str] | None = None) -> int:
    set_language(language_from_environment())  # before the parser: help texts are _()
    parser = build_parser()
    args = parser.parse_args(with_default_command(parser, sys.argv[1:] if argv is None else argv))
    func = getattr(args, "func", None)
    if func is None:
        from console.cmd_run import run

        func = run
    from db.shops import process_shop
    from db.tills import process_till

    try:
        if getattr(args, "command", None) == "run":  # the window attaches its own till
            return int(func(args) or 0)
        with process_till(command_till(args)), process_shop(command_shop(args)):
            return int(func(args) or 0)
    except UserError as exc:
        print(f"counterpart: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except sqlite3.Error as exc:
        return _fault(describe_fault(exc, args), exc)
    except OSError as exc:
        return _fault(describe_fault(exc, args), exc)


def describe_fault(exc: BaseException, args: argparse.Namespace) -> UserError | None:
    """One sentence for a disk, file-system or database failure (None: a bug)."""
    from db.store import faults

    where = str(db_path(args)) if isinstance(exc, sqlite3.Error) else None
    return faults.describe_fault(exc, where)


def _fault(known: UserError | None, exc: BaseException) -> int:
    """A full disk, a read-only disk, an I/O error: one sentence and exit status 2."""
    if known is None:
        raise exc  # a bug: the traceback is what a developer needs
    with contextlib.suppress(OSError):  # stderr itself gone (closed pipe): the status says it
        print(f"counterpart: {known}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
