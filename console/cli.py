"""`counterpart` command line. Every command takes --db PATH.

Each sub-command lives in its own module with a `register(subparsers, common)` function;
with no sub-command the console window starts.
"""

from __future__ import annotations

import argparse
import importlib
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
    "console.cmd_gallery",
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


if __name__ == "__main__":
    sys.exit(main())
