"""`counterpart demo --db PATH [--customers N] [--seed S] [--force]`: the demo shop."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from db.i18n import _


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo", parents=[common], help=_("write a demo database"),
        description=_("Write a realistic, deterministic demo database (demo PINs: see the "
                      "README)."),
    )
    parser.add_argument("--customers", type=int, default=400,
                        help=_("how many customers (default 400)"))
    parser.add_argument("--seed", type=int, default=7, help=_("random seed (default 7)"))
    parser.add_argument("--force", action="store_true",
                        help=_("replace the data in a database that is not empty"))
    parser.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.demo import build_demo, is_empty
    from db.store.connection import open_database
    from db.store.location import ServerUrl

    if args.customers < 0:
        print(_("counterpart: --customers cannot be negative."), file=sys.stderr)
        return 2
    path = db_path(args)
    if isinstance(path, ServerUrl) or (path.exists() and path.stat().st_size > 0):
        db = open_database(path)
        empty = is_empty(db)
        db.close()
        if not empty:
            if isinstance(path, ServerUrl):
                print(_("counterpart: {path} already holds data; the demo goes into an empty "
                        "database only (make one with 'counterpart db init URL').").format(
                            path=path), file=sys.stderr)
                return 2
            if not args.force:
                print(_("counterpart: {path} already holds data; add --force to replace it "
                        "with the demo.").format(path=path), file=sys.stderr)
                return 2
            _remove(path)
    db = open_database(path)
    try:
        summary = build_demo(
            db, customers=args.customers, seed=args.seed,
            progress=lambda message: print(f"demo: {message}", file=sys.stderr, flush=True),
        )
    finally:
        db.close()
    print(_("Demo database written to {path}: {customers} customers, {purchases} purchases, "
            "{products} products.").format(path=path, customers=summary.customers,
                                            purchases=summary.purchases,
                                            products=summary.products))
    print(_("Demo staff (name, role, PIN):"))
    for name, role, pin in summary.staff:
        print(f"  {name:<16} {role:<11} {pin}")
    return 0


def _remove(path: Any) -> None:
    from pathlib import Path

    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            candidate.unlink()
