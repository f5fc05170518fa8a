"""`counterpart settings show` and `counterpart settings set KEY VALUE [KEY VALUE ...]`.

Changing settings needs a manager's PIN (asked without echo, or one line on stdin with
`--pin-stdin` for scripts); the change is checked, written in one transaction and audited by
`db.settings.change_settings`.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import fields, replace
from typing import Any

from db.i18n import _

INT_KEYS = ("manager_limit_minor", "pin_max_attempts", "pin_lockout_minutes",
            "idle_sign_out_minutes",
            "pin_shop_max_attempts", "pin_min_length_supervisor", "pin_min_length_manager",
            "retention_months")
MONEY_ALIAS = "manager_limit"  # typed as an amount (500.00), stored as manager_limit_minor


def setting_keys() -> list[str]:
    from db.models import ShopSettings

    return [f.name for f in fields(ShopSettings)]


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "settings", parents=[common], help=_("show or change the shop settings"),
        description=_("Show the shop settings, or change them with a manager's PIN."),
    )
    actions = parser.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", parents=[common], help=_("print every setting"))
    show.set_defaults(func=run_show)
    change = actions.add_parser(
        "set", parents=[common], help=_("change settings (asks for a manager's PIN)"),
        description=_("Change one or more settings: KEY VALUE pairs. Keys: {keys}; "
                      "{alias} takes an amount such as 500.00.").format(
                          keys=", ".join(setting_keys()), alias=MONEY_ALIAS),
    )
    change.add_argument("pairs", nargs="+", metavar="KEY VALUE")
    change.add_argument("--pin-stdin", action="store_true",
                        help=_("read the manager's PIN from the first line of standard input"))
    change.set_defaults(func=run_set)


def run_show(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.service.compensation import format_money
    from db.settings import load_settings
    from db.store.connection import open_database

    db = open_database(db_path(args))
    try:
        settings = load_settings(db)
        for key in setting_keys():
            value = getattr(settings, key)
            text = str(value)
            if key == "manager_limit_minor":
                text += f"\t({format_money(db, value)})"
            print(f"{key}\t{text}")
    finally:
        db.close()
    return 0


def parse_pairs(current: Any, pairs: list[str], locale: str, currency: str) -> Any:
    """The current settings with KEY VALUE pairs applied; ValidationError names bad ones."""
    from db.errors import ValidationError
    from db.service.compensation import parse_amount

    if len(pairs) % 2:
        raise ValidationError({pairs[-1]: _("A value is missing: give KEY VALUE pairs.")})
    keys = setting_keys()
    problems: dict[str, str] = {}
    values: dict[str, Any] = {}
    for key, text in zip(pairs[0::2], pairs[1::2], strict=True):
        if key == MONEY_ALIAS:
            try:
                values["manager_limit_minor"] = parse_amount(text, locale, currency)
            except ValidationError as exc:
                problems[key] = exc.fields.get("amount", str(exc))
        elif key not in keys:
            problems[key] = _("Unknown setting. Known settings: {keys}.").format(
                keys=", ".join(keys))
        elif key in INT_KEYS:
            if not text.strip().isdigit():
                problems[key] = _("A whole number is needed, not {value!r}.").format(value=text)
            else:
                values[key] = int(text.strip())
        else:
            values[key] = text
    if problems:
        raise ValidationError(problems)
    return replace(current, **values)


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().strip()
    return getpass.getpass(_("Manager's PIN: "))


def run_set(args: argparse.Namespace) -> int:
    from console.cli import existing_db_path
    from console.paths import console_id
    from db.errors import ValidationError
    from db.settings import change_settings, changed_fields, load_settings, validate_settings
    from db.store.connection import open_database

    path = existing_db_path(args)
    if path is None:
        return 2
    db = open_database(path)
    try:
        before = load_settings(db)
        try:
            wanted = parse_pairs(before, list(args.pairs), before.locale, before.currency)
            validate_settings(wanted)  # before the PIN: a typo costs no PIN attempt
        except ValidationError as exc:
            for key, message in exc.fields.items():
                print(_("counterpart: {key}: {message}").format(key=key, message=message),
                      file=sys.stderr)
            print(_("Nothing was changed."), file=sys.stderr)
            return 2
        if not changed_fields(before, wanted):
            print(_("Nothing to change: the settings already have these values."))
            return 0
        after = change_settings(db, wanted, pin=_read_pin(args.pin_stdin),
                                console_id=console_id())
        for key, (old, new) in changed_fields(before, after).items():
            print(_("{key}: {old} -> {new}").format(key=key, old=old, new=new))
    finally:
        db.close()
    return 0
