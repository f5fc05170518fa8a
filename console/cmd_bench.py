"""`counterpart bench [--db PATH] [--customers N] [--purchase-items M]`: the figures."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from db.i18n import _

DEFAULT_CUSTOMERS = 1_000_000
DEFAULT_PURCHASE_ITEMS = 10_000_000


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Cheap: console.bench (and what it imports) loads only when the command runs."""
    parser = subparsers.add_parser(
        "bench", parents=[common], help=_("build a large database and measure"),
        description=_("Build (or reuse) a synthetic database and print one line per figure: "
                      "name value unit. Without --db it uses bench.sqlite in the data "
                      "folder, never the console's own database."),
    )
    parser.add_argument("--customers", type=int, default=DEFAULT_CUSTOMERS,
                        help=_("customers in the synthetic database (default 1,000,000)"))
    parser.add_argument("--purchase-items", type=int, default=DEFAULT_PURCHASE_ITEMS,
                        help=_("purchase items (default 10,000,000)"))
    parser.add_argument("--no-startup", action="store_true",
                        help=_("skip starting the console window (startup_ms)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from console.bench import run_bench
    from console.paths import data_dir
    from db.location import sqlite_file

    given = getattr(args, "db", None)
    path = sqlite_file(given, "bench") if given is not None else data_dir() / "bench.sqlite"
    if args.customers < 2 or args.purchase_items < 1:
        print(_("counterpart: at least 2 customers and 1 purchase item."), file=sys.stderr)
        return 2
    run_bench(path, args.customers, args.purchase_items, startup=not args.no_startup)
    return 0
