"""`counterpart backup`, `counterpart backups` and `counterpart restore FILE`.

The passphrase of encrypted backups is typed (without echo), read from the first line of
standard input with `--passphrase-stdin`, or, for the automatic daily backup, kept in the
config folder's `backup-passphrase` file (mode 0600) or `COUNTERPART_BACKUP_PASSPHRASE`.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from db.errors import UserError
from db.i18n import _
from db.store.location import DatabaseLocation

PASSPHRASE_FILE = "backup-passphrase"
PASSPHRASE_ENV = "COUNTERPART_BACKUP_PASSPHRASE"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    make = subparsers.add_parser(
        "backup", parents=[common], help=_("make a checked backup of the database"),
        description=_("Copy the database while consoles run, check the copy (integrity, "
                      "audit log, row counts) and keep it under the shop's name and the time.")
        + " " + _("A PostgreSQL server's database is copied into a SQLite file (as 'db "
                  "copy' does), checked and kept the same way."),
    )
    make.add_argument("--to", type=Path, metavar="DIR",
                      help=_("folder for the backup (default: the backup folder in the "
                             "settings, else 'backups' beside the database)"))
    make.add_argument("--encrypt", action="store_true",
                      help=_("seal the backup with a passphrase (asked twice)"))
    make.add_argument("--passphrase-stdin", action="store_true",
                      help=_("read the passphrase from the first line of standard input"))
    make.add_argument("--daily", action="store_true",
                      help=_("the day's automatic backup: once a day, into the backup folder "
                             "and the second folder, rotated (7 daily, 4 weekly, 12 monthly)"))
    make.set_defaults(func=run_backup)

    listing = subparsers.add_parser(
        "backups", parents=[common], help=_("list the backups"),
        description=_("List the backups: time, size, counts, verified or not."))
    listing.add_argument("--in", dest="folder", type=Path, metavar="DIR",
                         help=_("folder to list (default: the backup folder)"))
    listing.set_defaults(func=run_list)

    back = subparsers.add_parser(
        "restore", parents=[common], help=_("put a backup in place of the database"),
        description=_("Check the backup, keep the current database aside (renamed, never "
                      "deleted) and put the backup in its place. Refused while a console has "
                      "the database open.") + " " + _(
                      "On a PostgreSQL server the backup is copied into the database, which "
                      "must be empty (a server is never overwritten)."))
    back.add_argument("file", type=Path, metavar="FILE")
    back.add_argument("--passphrase-stdin", action="store_true",
                      help=_("read the passphrase from the first line of standard input"))
    back.add_argument("--ignore-audit", action="store_true",
                      help=_("restore even though the backup's audit log does not verify"))
    back.set_defaults(func=run_restore)


def stored_passphrase() -> str | None:
    """The automatic backups' passphrase, if the shop set one for this console."""
    from console.paths import config_dir

    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    try:
        text = (config_dir() / PASSPHRASE_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text or None


def _read_passphrase(from_stdin: bool, *, confirm: bool) -> str:
    if from_stdin:
        text = sys.stdin.readline().rstrip("\r\n")
    else:
        text = getpass.getpass(_("Backup passphrase: "))
        if confirm and getpass.getpass(_("The same passphrase again: ")) != text:
            raise UserError(_("The two passphrases differ; nothing was made."))
    if not text:
        raise UserError(_("A backup passphrase cannot be empty."))
    return text


def _settings_folders(path: DatabaseLocation) -> tuple[Path, Path | None, bool, str]:
    from db.settings import load_settings
    from db.store import backup
    from db.store.connection import open_database

    db = open_database(path, migrate=False)
    try:
        settings = load_settings(db)
    finally:
        db.close()
    primary, second, default = backup.folders(path, settings.backup_folder,
                                              settings.backup_second_folder)
    return primary, second, default, settings.timezone


def run_backup(args: argparse.Namespace) -> int:
    from console.cli import existing_db_path
    from db.store import backup

    path = existing_db_path(args)  # a file or a server (copied into a SQLite file)
    if path is None:
        return 2
    primary, second, default, timezone = _settings_folders(path)
    with contextlib.suppress(OSError):
        os.nice(10)  # a backup never slows the counter: the tills' searches go first
    passphrase = None
    if args.encrypt or args.passphrase_stdin:
        passphrase = _read_passphrase(args.passphrase_stdin, confirm=True)
    if args.daily:
        info = backup.daily_backup(path, args.to or primary, None if args.to else second,
                                   passphrase=passphrase or stored_passphrase(),
                                   timezone=timezone, is_default_folder=default and not args.to)
        if info is None:
            print(_("Today's backup is already made."))
            return 0
    else:
        info = backup.make_backup(path, args.to or primary, passphrase=passphrase,
                                  create_folder=default and not args.to)
    print(_("Backup checked and kept: {path} ({size} bytes, {customers} customers, "
            "{complaints} complaints).").format(
                path=info.path, size=info.size, customers=info.counts.get("customers", 0),
                complaints=info.counts.get("complaints", 0)))
    if info.audit_problem:
        print(_("counterpart: warning: the database's own audit log does not verify, so the "
                "backup has the same problem: {problem}").format(problem=info.audit_problem),
              file=sys.stderr)
    return 0


def end_of_day_backup(path: DatabaseLocation) -> None:
    """The day's backup after the end-of-day report; a failure is said, not fatal: the report
    was written, and managers' home shows the failure until a backup succeeds."""
    from db.store import backup

    primary, second, default, timezone = _settings_folders(path)
    try:
        info = backup.daily_backup(path, primary, second, passphrase=stored_passphrase(),
                                   timezone=timezone, is_default_folder=default)
    except UserError as exc:
        print(_("counterpart: the day's backup failed: {reason}").format(reason=exc),
              file=sys.stderr)
        return
    if info is not None:
        print(_("The day's backup is made and checked: {path}.").format(path=info.path))


def run_list(args: argparse.Namespace) -> int:
    from babel.dates import format_datetime

    from console.cli import db_path
    from db.store import backup
    from db.store.location import missing

    path = db_path(args)
    folder = args.folder
    timezone = "UTC"
    if folder is None:
        if missing(path):
            print(_("counterpart: {path} does not exist.").format(path=path), file=sys.stderr)
            return 2
        folder, _second, _default, timezone = _settings_folders(path)
    found = backup.list_backups(folder)
    if not found:
        print(_("No backups in {folder}.").format(folder=folder))
        return 0
    print(_("Backups in {folder}:").format(folder=folder))
    for info in found:
        state = _("verified") if info.verified else _("not verified")
        if info.audit_problem:
            state = _("audit log does not verify")
        sealed = _("encrypted") if info.encrypted else _("plain")
        when = format_datetime(info.created_at, "yyyy-MM-dd HH:mm",
                               tzinfo=backup.shop_zone(timezone))
        print(f"  {when}  {info.size:>12,d} B  "
              + _("{customers} customers, {complaints} complaints").format(
                  customers=info.counts.get("customers", "?"),
                  complaints=info.counts.get("complaints", "?"))
              + f"  {state}, {sealed}  {info.path.name}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from console.cli import db_path
    from db.store import backup, backup_crypto

    path = db_path(args)
    source: Path = args.file
    if not source.is_file():
        print(_("counterpart: {path} does not exist.").format(path=source), file=sys.stderr)
        return 2
    passphrase = None
    if backup_crypto.is_encrypted(source):
        passphrase = _read_passphrase(args.passphrase_stdin, confirm=False)
    aside = backup.restore(source, path, passphrase=passphrase,
                           require_audit=not args.ignore_audit)
    if aside is None:
        print(_("Restored {backup} into {path}.").format(backup=source, path=path))
        return 0
    print(_("Restored {backup} into {path}. The previous database is kept as {aside}.").format(
        backup=source, path=path, aside=aside))
    return 0
