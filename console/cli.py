"""`counterpart` command line. Every command takes --db PATH.

Each sub-command lives in its own module with a `register(subparsers, common)` function;
with no sub-command the console window starts.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from db.errors import UserError
from db.i18n import _, language_from_environment, set_language

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
    "console.cmd_check",
)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS,
        help=_("database file (default: the console's own in the user data folder)"),
    )
    parser = argparse.ArgumentParser(
        prog="counterpart", description=_("Counterpart service console"), parents=[common]
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    from console.paths import default_db_path

    path = getattr(args, "db", None)
    return Path(path) if path is not None else default_db_path()


def main(argv: Sequence[str] | None = None) -> int:
    set_language(language_from_environment())  # before the parser: help texts are _()
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        from console.cmd_run import run

        func = run
    try:
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
    from db import faults

    return faults.describe_fault(exc, db_path(args) if isinstance(exc, sqlite3.Error) else None)


def _fault(known: UserError | None, exc: BaseException) -> int:
    """A full disk, a read-only disk, an I/O error: one sentence and exit status 2."""
    if known is None:
        raise exc  # a bug: the traceback is what a developer needs
    with contextlib.suppress(OSError):  # stderr itself gone (closed pipe): the status says it
        print(f"counterpart: {known}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
