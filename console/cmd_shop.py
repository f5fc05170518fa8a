"""`counterpart shop list|add|staff|company`: the shops of one company (`db.shops`).

`shop add NAME` makes a second (third...) shop in the same database, with the settings of
the shop the command works as (`--shop`, else the options file's, else the first) unless
given; `shop staff ID --add SHOP` lets a member of staff work there too; `shop company`
shows or changes the company settings (`vouchers_any_shop`). Each change takes a manager's
PIN of the shop the command works as (asked without echo; `--pin-stdin` reads one line).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import asdict, fields, replace
from typing import Any

from db.i18n import _

YES = ("yes", "on", "true", "1")
NO = ("no", "off", "false", "0")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "shop", parents=[common], help=_("list or add the shops of the company"),
        description=_("The shops of one company in one database: list them, add one, say "
                      "who works where, and the company settings."),
    )
    actions = parser.add_subparsers(dest="shop_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help=_("list the shops"))
    listing.set_defaults(func=run_list)

    add = actions.add_parser(
        "add", parents=[common], help=_("add a shop (asks for a manager's PIN)"),
        description=_("Add a shop to the company. It starts with the settings of the shop "
                      "this command works as, with its own name; the manager who adds it "
                      "works there too."))
    add.add_argument("name", metavar="NAME")
    for key in ("address", "phone", "email", "currency", "locale", "timezone"):
        add.add_argument(f"--{key}", default=None, metavar=key.upper(),
                         help=_("the new shop's {key} setting").format(key=key))
    _pin_option(add)
    add.set_defaults(func=run_add)

    staff = actions.add_parser(
        "staff", parents=[common], help=_("say at which shops a staff member works"),
        description=_("Let a staff member work at more shops (--add) or fewer (--remove); "
                      "without either, print their shops."))
    staff.add_argument("staff_id", type=int, metavar="STAFF_ID")
    staff.add_argument("--add", action="append", default=[], metavar="SHOP",
                       help=_("a shop (number or name) where they work too"))
    staff.add_argument("--remove", action="append", default=[], metavar="SHOP",
                       help=_("a shop where they no longer work"))
    _pin_option(staff)
    staff.set_defaults(func=run_staff)

    company = actions.add_parser(
        "company", parents=[common], help=_("show or change the company settings"),
        description=_("Without KEY VALUE, print the company settings. "
                      "vouchers_any_shop yes: a voucher can be redeemed in any shop of the "
                      "company; no: only in the shop that issued it."))
    company.add_argument("pairs", nargs="*", metavar="KEY VALUE")
    _pin_option(company)
    company.set_defaults(func=run_company)


def _pin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pin-stdin", action="store_true",
                        help=_("read the manager's PIN from the first line of standard input"))


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    return getpass.getpass(_("Manager's PIN: "))


def _open(args: argparse.Namespace) -> Any:
    from console.cli import existing_db_path
    from db.store.connection import open_database

    path = existing_db_path(args)
    return None if path is None else open_database(path)


def run_list(args: argparse.Namespace) -> int:
    from db.settings import load_settings
    from db.shops import list_shops, shop_of

    db = _open(args)
    if db is None:
        return 2
    try:
        here = shop_of(db)
        for shop in list_shops(db):
            settings = load_settings(db, shop.id)
            staff = db.execute("SELECT count(*) FROM staff_shops s JOIN staff t "
                               "ON t.id = s.staff_id WHERE s.shop_id = ? AND t.active = 1",
                               [shop.id]).fetchone()[0]
            mark = "*" if shop.id == here else " "
            print(f"{mark} {shop.id}\t{shop.name}\t{settings.currency}\t{settings.locale}\t"
                  f"{settings.timezone}\t" + _("{n} staff").format(n=int(staff)))
    finally:
        db.close()
    return 0


def _print_problems(exc: Any) -> int:
    for key, message in exc.fields.items():
        print(_("counterpart: {key}: {message}").format(key=key, message=message),
              file=sys.stderr)
    print(_("Nothing was changed."), file=sys.stderr)
    return 2


def run_add(args: argparse.Namespace) -> int:
    from console.paths import console_id
    from db.errors import ValidationError
    from db.settings import load_settings, validate_settings
    from db.shops import add_shop, shop_name_problem

    db = _open(args)
    if db is None:
        return 2
    try:
        given = {key: getattr(args, key) for key in ("address", "phone", "email", "currency",
                                                     "locale", "timezone")
                 if getattr(args, key) is not None}
        settings = replace(load_settings(db), shop_name=args.name.strip(), **given)
        try:  # before the PIN: a typo costs no PIN attempt
            problem = shop_name_problem(db, args.name)
            if problem is not None:
                raise ValidationError({"name": problem})
            validate_settings(settings)
            shop = add_shop(db, args.name, pin=_read_pin(args.pin_stdin),
                            console_id=console_id(), settings=settings)
        except ValidationError as exc:
            return _print_problems(exc)
        print(_("Shop {id} added: {name}. Its tills name it with 'shop = {name}' in their "
                "options file, or --shop {id}.").format(id=shop.id, name=shop.name))
    finally:
        db.close()
    return 0


def run_staff(args: argparse.Namespace) -> int:
    from console.paths import console_id
    from db.errors import ValidationError
    from db.security.staff import get_staff
    from db.shops import change_staff_shops, find_shop, get_shop, shops_of_staff

    db = _open(args)
    if db is None:
        return 2
    try:
        member = get_staff(db, args.staff_id)
        if args.add or args.remove:
            add = tuple(find_shop(db, text).id for text in args.add)
            remove = tuple(find_shop(db, text).id for text in args.remove)
            try:
                change_staff_shops(db, _read_pin(args.pin_stdin), console_id(), member.id,
                                   add=add, remove=remove)
            except ValidationError as exc:
                return _print_problems(exc)
        names = [get_shop(db, shop_id).name for shop_id in shops_of_staff(db, member.id)]
        print(_("{name} works at: {shops}").format(name=member.name, shops=", ".join(names)))
    finally:
        db.close()
    return 0


def run_company(args: argparse.Namespace) -> int:
    from console.paths import console_id
    from db.errors import ValidationError
    from db.shops import change_company_settings, load_company_settings

    db = _open(args)
    if db is None:
        return 2
    try:
        before = load_company_settings(db)
        pairs = list(args.pairs)
        if not pairs:
            for key, value in asdict(before).items():
                print(f"{key}\t{_('yes') if value else _('no')}")
            return 0
        try:
            wanted = _parse_company(before, pairs)
        except ValidationError as exc:
            return _print_problems(exc)
        if wanted == before:
            print(_("Nothing to change: the settings already have these values."))
            return 0
        after = change_company_settings(db, wanted, pin=_read_pin(args.pin_stdin),
                                        console_id=console_id())
        old, new = asdict(before), asdict(after)
        for key in old:
            if old[key] != new[key]:
                print(_("{key}: {old} -> {new}").format(key=key, old=old[key], new=new[key]))
    finally:
        db.close()
    return 0


def _parse_company(current: Any, pairs: list[str]) -> Any:
    from db.errors import ValidationError
    from db.shops import CompanySettings

    keys = [f.name for f in fields(CompanySettings)]
    if len(pairs) % 2:
        raise ValidationError({pairs[-1]: _("A value is missing: give KEY VALUE pairs.")})
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for key, text in zip(pairs[0::2], pairs[1::2], strict=True):
        if key not in keys:
            problems[key] = _("Unknown setting. Known settings: {keys}.").format(
                keys=", ".join(keys))
        elif text.strip().lower() in YES:
            values[key] = True
        elif text.strip().lower() in NO:
            values[key] = False
        else:
            problems[key] = _("Say yes or no, not {value!r}.").format(value=text)
    if problems:
        raise ValidationError(problems)
    return replace(current, **values)
