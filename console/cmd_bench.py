"""`counterpart bench [--db PATH|URL] [--customers N] [--purchase-items M] [--compare FILE]`:
the figures."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
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
                      "folder, never the console's own database. With a PostgreSQL URL "
                      "it builds the same shop on that (empty) server database and adds "
                      "the figures of tills sharing it."),
    )
    parser.add_argument("--customers", type=int, default=DEFAULT_CUSTOMERS,
                        help=_("customers in the synthetic database (default 1,000,000)"))
    parser.add_argument("--purchase-items", type=int, default=DEFAULT_PURCHASE_ITEMS,
                        help=_("purchase items (default 10,000,000)"))
    parser.add_argument("--no-startup", action="store_true",
                        help=_("skip starting the console window (startup_ms)"))
    parser.add_argument("--compare", type=Path, metavar="FILE",
                        help=_("with a PostgreSQL --db: also build (or reuse) the same shop "
                               "in this SQLite file and print its figures beside the "
                               "server's"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from console.bench import run_bench
    from console.paths import data_dir
    from db.store.location import ServerUrl

    given = getattr(args, "db", None)
    if args.customers < 2 or args.purchase_items < 1:
        print(_("counterpart: at least 2 customers and 1 purchase item."), file=sys.stderr)
        return 2
    if isinstance(given, ServerUrl):
        if args.compare is not None:
            return compare(args, given, args.compare)
        run_bench(given, args.customers, args.purchase_items, startup=not args.no_startup)
        return 0
    if args.compare is not None:
        print(_("counterpart: --compare needs a PostgreSQL server as --db."), file=sys.stderr)
        return 2
    path = given if given is not None else data_dir() / "bench.sqlite"
    run_bench(path, args.customers, args.purchase_items, startup=not args.no_startup)
    return 0


def compare(args: argparse.Namespace, server: Any, file: Path) -> int:
    """The same shop on the server and in `file`, measured one after the other in this
    run; one line per figure: name, the server's value, the file's value, unit ("-" where
    an engine has no such figure)."""
    from console.bench import run_bench

    measured = []
    for location in (server, file):  # each figure also on stderr as it is known
        measured.append(run_bench(location, args.customers, args.purchase_items,
                                  out=sys.stderr, startup=not args.no_startup,
                                  extras=False, tills=True))
    print(compare_table(measured[0], measured[1]), flush=True)
    return 0


def compare_table(server: list[tuple[str, float, str]],
                  file: list[tuple[str, float, str]]) -> str:
    """`figure postgresql sqlite unit` and one aligned line per figure."""
    names = [name for name, _v, _u in server]
    names += [name for name, _v, _u in file if name not in names]
    values = [{name: (value, unit) for name, value, unit in figures}
              for figures in (server, file)]
    width = max(len(name) for name in [*names, "figure"])
    lines = [f"{'figure':<{width}} {'postgresql':>10} {'sqlite':>10} unit"]
    for name in names:
        shown = [f"{values[k][name][0]:.1f}" if name in values[k] else "-" for k in (0, 1)]
        unit = (values[0].get(name) or values[1][name])[1]
        lines.append(f"{name:<{width}} {shown[0]:>10} {shown[1]:>10} {unit}")
    return "\n".join(lines)
