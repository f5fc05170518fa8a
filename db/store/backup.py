"""Backups: consistent copies made while consoles run, checked, rotated, optionally sealed.

A plain file copy misses what is still in the WAL, so the copy is taken with SQLite's online
backup API inside one read transaction: the row counts recorded beside it come from the
same snapshot, and writers at other tills go on meanwhile. A copy counts as a backup only
after it has passed SQLite's quick check (every page and record; `counterpart check` runs the
full integrity check), `audit verify` and a recount; it is written under
a temporary name in the target folder and renamed into place, so a full disk or a pulled
USB stick leaves no half-written backup. Each backup has a JSON manifest beside it (time,
shop, counts, schema, SHA-256 of the file) so the list needs no passphrase and a changed
file is caught before it is restored.

A shop on a PostgreSQL server is backed up the same way: its snapshot is copied into a
SQLite file (`db.store.shop_copy.copy_database`: one read-only snapshot, every table's rows
counted, the audit log verified), which is then checked, sealed, kept and rotated like any
other backup; restoring it copies it into an empty server database (never over a server
that holds data). Such backups go, unless the settings name a folder, to this till's data
folder under the server database's name (`default_folder`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.errors import UserError
from db.i18n import _
from db.security import console_locks
from db.store import backup_crypto
from db.store.faults import describe_sqlite_error
from db.store.location import DatabaseLocation, ServerUrl, local_data_dir, server_slug

COUNTED_TABLES = ("customers", "purchases", "purchase_items", "complaints", "compensations",
                  "authorisations", "vouchers", "follow_ups", "letters", "staff", "audit_log")
PLAIN_SUFFIX = ".sqlite"
SEALED_SUFFIX = ".sqlite.enc"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
OVERDUE_AFTER = timedelta(hours=36)


class BackupFailed(UserError):
    """A backup, check or restore could not be done; nothing was changed."""


class DatabaseInUse(UserError):
    """Restore refused: a console has the database open."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    shop: str
    kind: str  # "manual" or "daily"
    encrypted: bool
    size: int
    schema: int
    counts: dict[str, int] = field(default_factory=dict)
    sha256: str = ""
    verified: bool = False
    audit_problem: str = ""  # the audit log of the snapshot did not verify: why


@dataclass(frozen=True)
class BackupHealth:
    problem: str  # "" (all well), "failed", "none" (never made) or "overdue"
    detail: str  # the failure's own message
    last_backup: datetime | None

    @property
    def ok(self) -> bool:
        return not self.problem


# ------------------------------------------------------------------ small helpers

def shop_zone(name: str) -> ZoneInfo:
    """The shop's time zone for backup names and days; UTC when the setting is not a zone."""
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def database_file(db: Database) -> Path | None:
    """The file an open database lives in (None in memory, and on a PostgreSQL server:
    the server is backed up by its own tools)."""
    if str(getattr(db, "url", "")).startswith(("postgresql://", "postgres://")):
        return None
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main" and row[2]:
            return Path(row[2])
    return None


def default_folder(db_path: DatabaseLocation) -> Path:
    """'backups' beside a SQLite file; for a server, this till's data folder."""
    if isinstance(db_path, ServerUrl):
        return local_data_dir() / "backups" / server_slug(db_path)
    return db_path.resolve().parent / "backups"


def manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def status_path(db_path: DatabaseLocation) -> Path:
    if isinstance(db_path, ServerUrl):
        return local_data_dir() / (server_slug(db_path) + ".backup-status.json")
    return db_path.parent / (db_path.name + ".backup-status.json")


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:40] or "shop"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _create_private(path: Path) -> None:
    """An empty file only the owner can read (backups hold personal data)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


@contextlib.contextmanager
def _partial(folder: Path, stem: str) -> Iterator[Path]:
    """A private temporary path in `folder`, removed unless the caller renamed it away."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{stem}.", suffix=".partial", dir=folder)
    except OSError as exc:
        raise BackupFailed(_("Cannot write in {folder}: {reason}. Nothing was changed; choose "
                             "a folder you can write to.").format(
                                 folder=folder, reason=_reason(exc))) from exc
    os.close(fd)
    os.chmod(name, 0o600)
    path = Path(name)
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def _check_folder(folder: Path, create: bool) -> None:
    if not folder.exists():
        if not create:
            raise BackupFailed(_("The backup folder {folder} does not exist. Create it (or plug "
                                 "in the drive) or choose another folder.").format(folder=folder))
        try:
            folder.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise BackupFailed(_("Cannot create the backup folder {folder}: {reason}.").format(
                folder=folder, reason=_reason(exc))) from exc
    if not folder.is_dir():
        raise BackupFailed(_("{folder} is not a folder.").format(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupFailed(_("The backup folder {folder} is read-only. Choose a folder you can "
                             "write to.").format(folder=folder))


def _connect_source(db_path: Path) -> sqlite3.Connection:
    if not db_path.is_file():
        raise BackupFailed(_("{path} does not exist.").format(path=db_path))
    if os.access(db_path, os.W_OK) and os.access(db_path.parent, os.W_OK):
        return sqlite3.connect(str(db_path), timeout=5, isolation_level=None)
    uri = "file:" + quote(str(db_path.resolve())) + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=5, isolation_level=None)


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return {t: int(conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0])
            for t in COUNTED_TABLES if t in present}


def _shop(conn: sqlite3.Connection) -> tuple[str, str]:
    """The shop's name and time zone (for the file name), defaults when unreadable."""
    from db.models import ShopSettings
    from db.settings import load_settings

    try:
        settings = load_settings(Database(conn))
    except (sqlite3.Error, ValueError, TypeError):
        settings = ShopSettings()
    return settings.shop_name, settings.timezone


def _applied(conn: sqlite3.Connection) -> set[str]:
    try:
        rows = conn.execute("SELECT name FROM _sqlite_migrations "
                            "WHERE migration_set = 'counterpart'").fetchall()
    except sqlite3.Error:
        return set()
    return {str(r[0]) for r in rows}


def _known() -> set[str]:
    from db.store.migrations import migrations

    return {m.name for m in migrations._migrations}


def _schema(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT count(*) FROM _sqlite_migrations "
                           "WHERE migration_set = 'counterpart'").fetchone()
        return int(row[0])
    except sqlite3.Error:
        return 0


def folders(db_path: DatabaseLocation, backup_folder: str,
            second_folder: str) -> tuple[Path, Path | None, bool]:
    """The primary folder, the second one (or None), and whether the primary is the default."""
    primary = Path(backup_folder).expanduser() if backup_folder.strip() else None
    second = Path(second_folder).expanduser() if second_folder.strip() else None
    if primary is None:
        return default_folder(db_path), second, True
    return primary, second, False


# ------------------------------------------------------------------ checking a plain copy

def check_copy(path: Path, expected_counts: dict[str, int] | None = None, *,
               require_audit: bool = True) -> tuple[dict[str, int], str]:
    """Quick check (pages and records), audit verify and row counts of a plain copy.

    Returns the counts and "" or the audit log's problem. A snapshot whose audit log does
    not verify is still kept as a backup (the original has the same problem, and losing data
    is worse), but restoring it needs the person's explicit word (`require_audit=False`).
    """
    from db.security.audit import verify

    try:
        conn = sqlite3.connect("file:" + quote(str(path.resolve())) + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupFailed(_("{path} cannot be opened: {reason}.").format(
            path=path, reason=exc)) from exc
    try:
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise BackupFailed(_("{path} is not a usable database copy ({reason}).").format(
                path=path, reason=exc)) from exc
        if [r[0] for r in result] != ["ok"]:
            raise BackupFailed(_("{path} fails the integrity check: {problem}").format(
                path=path, problem="; ".join(str(r[0]) for r in result[:3])))
        if _applied(conn) - _known():
            raise BackupFailed(_("{path} was made by a newer version of Counterpart. Update "
                                 "Counterpart before restoring it.").format(path=path))
        counts = _counts(conn)
        if expected_counts is not None and counts != expected_counts:
            raise BackupFailed(_("{path} does not hold the rows it should: {found} instead of "
                                 "{expected}.").format(path=path, found=counts,
                                                       expected=expected_counts))
        if _known() - _applied(conn):
            # Made by an older version: its audit log is checked once restore has migrated it.
            return counts, ""
        try:
            audit = verify(Database(conn))
        except sqlite3.Error as exc:
            raise BackupFailed(_("{path}: the audit log cannot be read: {reason}").format(
                path=path, reason=exc)) from exc
        if not audit.ok and require_audit:
            raise BackupFailed(_("{path}: the audit log does not verify: {problem} Restore "
                                 "it anyway only if you know why (--ignore-audit).").format(
                                     path=path, problem=audit.message))
        return counts, ("" if audit.ok else audit.message)
    finally:
        conn.close()


# ------------------------------------------------------------------ making a backup

def _names(folder: Path, shop: str, timezone: str, moment: datetime, kind: str,
           passphrase: str | None) -> tuple[str, Path]:
    """The backup's stem (shop and local time) and its final path, which must be new."""
    local = moment.astimezone(shop_zone(timezone))
    stem = f"{_slug(shop)}-{local:%Y-%m-%d-%H%M%S}" + ("-daily" if kind == "daily" else "")
    final = folder / (stem + (SEALED_SUFFIX if passphrase else PLAIN_SUFFIX))
    if final.exists():
        raise BackupFailed(_("{path} already exists; try again in a second.").format(
            path=final))
    return stem, final


def make_backup(
    db_path: DatabaseLocation, folder: Path, *, passphrase: str | None = None,
    kind: str = "manual", create_folder: bool = False, now: datetime | None = None,
) -> BackupInfo:
    """Copy, check and (with a passphrase) seal the database into `folder`."""
    folder = Path(folder)
    _check_folder(folder, create_folder)
    moment = now or utcnow()
    if isinstance(db_path, ServerUrl):
        return _server_backup(db_path, folder, passphrase, kind, moment)
    db_path = Path(db_path)
    try:
        src = _connect_source(db_path)
    except sqlite3.Error as exc:
        raise BackupFailed(_("{path} cannot be opened for a backup: {reason}.").format(
            path=db_path, reason=exc)) from exc
    try:
        shop, timezone = _shop(src)
        stem, final = _names(folder, shop, timezone, moment, kind, passphrase)
        with _partial(folder, stem) as plain:
            try:
                src.execute("BEGIN")  # counts and copy from the same snapshot
                counts = _counts(src)
                schema = _schema(src)
            except sqlite3.Error as exc:  # reading the shop's own database failed
                known = describe_sqlite_error(exc, db_path)
                if known is None:
                    raise
                raise known from exc
            try:
                dst = sqlite3.connect(str(plain))
                try:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode = DELETE")
                finally:
                    dst.close()
                src.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                raise BackupFailed(_("The backup to {folder} failed: {reason}. Nothing was "
                                     "kept; free some space or choose another folder.").format(
                                         folder=folder, reason=_reason(exc))) from exc
            _counts_seen, audit_problem = check_copy(plain, counts, require_audit=False)
            info = _keep(plain, final, passphrase, moment, shop, kind, schema, counts,
                         audit_problem)
    finally:
        src.close()
    return info


def _keep(plain: Path, final: Path, passphrase: str | None, moment: datetime, shop: str,
          kind: str, schema: int, counts: dict[str, int], audit_problem: str) -> BackupInfo:
    """Seal (with a passphrase) and publish a checked plain copy as `final`."""
    folder = final.parent
    if not passphrase:
        with plain.open("rb+") as handle:
            os.fsync(handle.fileno())
        return _publish(plain, final, moment, shop, kind, schema, counts, audit_problem)
    with _partial(folder, final.name) as sealed:
        try:
            with sealed.open("wb") as out:
                backup_crypto.encrypt_file(plain, out, passphrase)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise BackupFailed(_("The backup to {folder} failed: {reason}. "
                                 "Nothing was kept.").format(
                                     folder=folder, reason=_reason(exc))) from exc
        return _publish(sealed, final, moment, shop, kind, schema, counts, audit_problem)


def _server_backup(url: ServerUrl, folder: Path, passphrase: str | None, kind: str,
                   moment: datetime) -> BackupInfo:
    """A server shop's snapshot copied into a SQLite file (`db.store.shop_copy`), then checked
    and kept like any backup."""
    from db.settings import load_settings
    from db.store.connection import open_database
    from db.store.shop_copy import copy_database

    server = open_database(url)
    try:
        settings = load_settings(server)
    finally:
        server.close()
    stem, final = _names(folder, settings.shop_name, settings.timezone, moment, kind,
                         passphrase)
    with _partial(folder, stem) as plain:
        try:
            copied = copy_database(url, plain, require_audit=False)
            conn = sqlite3.connect(str(plain))
            try:
                conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                schema = _schema(conn)
            finally:
                conn.close()
        except (sqlite3.Error, OSError) as exc:
            raise BackupFailed(_("The backup of {url} to {folder} failed: {reason}. Nothing "
                                 "was kept.").format(url=url, folder=folder,
                                                     reason=_reason(exc))) from exc
        counts = {c.table: c.source for c in copied.counts if c.table in COUNTED_TABLES}
        _seen, audit_problem = check_copy(plain, counts, require_audit=False)
        return _keep(plain, final, passphrase, moment, settings.shop_name, kind, schema,
                     counts, audit_problem)


def _publish(source: Path, final: Path, moment: datetime, shop: str, kind: str, schema: int,
             counts: dict[str, int], audit_problem: str) -> BackupInfo:
    info = BackupInfo(path=final, created_at=moment, shop=shop, kind=kind,
                      encrypted=final.name.endswith(SEALED_SUFFIX), size=source.stat().st_size,
                      schema=schema, counts=counts, sha256=_sha256(source), verified=True,
                      audit_problem=audit_problem)
    manifest = manifest_path(final)
    try:
        with _partial(final.parent, final.name) as meta:
            meta.write_text(json.dumps(_manifest(info), ensure_ascii=False, indent=1),
                            encoding="utf-8")
            os.replace(source, final)
            os.replace(meta, manifest)
    except OSError as exc:
        with contextlib.suppress(OSError):
            final.unlink()
        raise BackupFailed(_("The backup to {folder} failed: {reason}. Nothing was kept.").format(
            folder=final.parent, reason=_reason(exc))) from exc
    return info


def _manifest(info: BackupInfo) -> dict[str, object]:
    return {"format": 1, "file": info.path.name, "created_at": to_iso(info.created_at),
            "shop": info.shop, "kind": info.kind, "encrypted": info.encrypted,
            "size": info.size, "schema": info.schema, "counts": info.counts,
            "sha256": info.sha256, "verified": info.verified,
            "audit_problem": info.audit_problem}


def copy_backup(info: BackupInfo, folder: Path) -> BackupInfo:
    """The same checked backup into a second folder (USB stick, share), all or nothing."""
    _check_folder(folder, False)
    final = folder / info.path.name
    with _partial(folder, info.path.name) as part:
        try:
            shutil.copyfile(info.path, part)
            with part.open("rb+") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:
            raise BackupFailed(_("Copying the backup to {folder} failed: {reason}.").format(
                folder=folder, reason=_reason(exc))) from exc
        if _sha256(part) != info.sha256:
            raise BackupFailed(_("The copy in {folder} differs from the backup; nothing was "
                                 "kept there.").format(folder=folder))
        return _publish(part, final, info.created_at, info.shop, info.kind, info.schema,
                        info.counts, info.audit_problem)


# ------------------------------------------------------------------ listing and checking

def read_info(path: Path) -> BackupInfo:
    """What the manifest says about a backup (unverified when it has none)."""
    try:
        data = json.loads(manifest_path(path).read_text(encoding="utf-8"))
        created = from_iso(str(data["created_at"])) or datetime.fromtimestamp(0, UTC)
        return BackupInfo(path=path, created_at=created, shop=str(data["shop"]),
                          kind=str(data["kind"]), encrypted=bool(data["encrypted"]),
                          size=path.stat().st_size, schema=int(data["schema"]),
                          counts={str(k): int(v) for k, v in dict(data["counts"]).items()},
                          sha256=str(data["sha256"]), verified=bool(data["verified"]),
                          audit_problem=str(data.get("audit_problem", "")))
    except (OSError, ValueError, KeyError, TypeError):
        stat = path.stat()
        return BackupInfo(path=path, created_at=datetime.fromtimestamp(stat.st_mtime, UTC),
                          shop="", kind="unknown", encrypted=backup_crypto.is_encrypted(path),
                          size=stat.st_size, schema=0)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup in `folder`, newest first."""
    if not folder.is_dir():
        return []
    paths = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
             and (p.name.endswith(PLAIN_SUFFIX) or p.name.endswith(SEALED_SUFFIX))]
    return sorted((read_info(p) for p in paths), key=lambda i: i.created_at, reverse=True)


@contextlib.contextmanager
def opened_copy(path: Path, passphrase: str | None, workdir: Path, *,
                require_audit: bool = True) -> Iterator[Path]:
    """A checked plain copy of the backup at `path` in `workdir`, removed afterwards."""
    if not path.is_file():
        raise BackupFailed(_("{path} does not exist.").format(path=path))
    info = read_info(path)
    if info.sha256 and _sha256(path) != info.sha256:
        raise BackupFailed(_("{path} was changed or damaged since it was made (its checksum "
                             "does not match). Use another backup.").format(path=path))
    with _partial(workdir, "restore") as plain:
        if backup_crypto.is_encrypted(path):
            if not passphrase:
                raise BackupFailed(_("{path} is encrypted: give its passphrase.").format(
                    path=path))
            try:
                with plain.open("wb") as out:
                    backup_crypto.decrypt_file(path, out, passphrase)
            except OSError as exc:
                raise BackupFailed(_("Cannot decrypt {path}: {reason}.").format(
                    path=path, reason=_reason(exc))) from exc
        else:
            try:
                shutil.copyfile(path, plain)
            except OSError as exc:
                raise BackupFailed(_("Cannot read {path}: {reason}.").format(
                    path=path, reason=_reason(exc))) from exc
        check_copy(plain, info.counts if info.counts else None, require_audit=require_audit)
        if _older(plain):
            _migrate(plain)  # a backup from before an update: bring it up to date, check again
            check_copy(plain, info.counts if info.counts else None,
                       require_audit=require_audit)
        yield plain


def _older(path: Path) -> bool:
    conn = sqlite3.connect("file:" + quote(str(path.resolve())) + "?mode=ro", uri=True)
    try:
        return bool(_known() - _applied(conn))
    finally:
        conn.close()


def _migrate(path: Path) -> None:
    from db.store.connection import open_database

    try:
        migrated = open_database(path)
    except UserError as exc:
        raise BackupFailed(_("{path} cannot be brought up to this version: {reason}").format(
            path=path, reason=exc)) from exc
    try:
        migrated.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        migrated.execute("PRAGMA journal_mode = DELETE")
    finally:
        migrated.close()


def verify_backup(path: Path, passphrase: str | None = None, *,
                  require_audit: bool = True) -> BackupInfo:
    with opened_copy(path, passphrase, Path(tempfile.gettempdir()),
                     require_audit=require_audit):
        pass
    info = read_info(path)
    return BackupInfo(**{**info.__dict__, "verified": True})


# ------------------------------------------------------------------ restoring

def restore(backup: Path, db_path: DatabaseLocation, *, passphrase: str | None = None,
            now: datetime | None = None, require_audit: bool = True) -> Path | None:
    """Put a checked backup in place of `db_path`; the current file is kept aside (returned).
    On a server the backup is copied into the database, which must be empty (None)."""
    if isinstance(db_path, ServerUrl):
        _restore_to_server(backup, db_path, passphrase, require_audit)
        return None
    db_path = Path(db_path)
    running = console_locks.holders(db_path)
    if running:
        names = ", ".join(f"{h.console_id} ({h.host}, pid {h.pid})" for h in running)
        raise DatabaseInUse(_("{path} is open in a console: {consoles}. Close it there first; "
                              "nothing was changed.").format(path=db_path, consoles=names))
    folder = db_path.parent
    if not os.access(folder, os.W_OK):
        raise BackupFailed(_("The folder {folder} is read-only; nothing was changed.").format(
            folder=folder))
    stamp = (now or utcnow()).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
    kept: Path | None = None
    with opened_copy(backup, passphrase, folder, require_audit=require_audit) as plain:
        if db_path.exists():
            kept = aside
            try:
                conn = sqlite3.connect(str(db_path), timeout=5)
                try:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    conn.close()
            except sqlite3.Error as exc:
                raise BackupFailed(_("{path} cannot be set aside ({reason}); nothing was "
                                     "changed.").format(path=db_path, reason=exc)) from exc
            os.replace(db_path, aside)
            for suffix in ("-wal", "-shm", "-journal"):
                extra = db_path.with_name(db_path.name + suffix)
                if extra.exists():
                    os.replace(extra, aside.with_name(aside.name + suffix))
        os.replace(plain, db_path)
    return kept


def _restore_to_server(backup: Path, url: ServerUrl, passphrase: str | None,
                       require_audit: bool) -> None:
    """Copy a checked backup into the empty server database at `url`, all or nothing; a
    database that holds data is refused and left as it was (a server is never wiped)."""
    from db.store.shop_copy import CopyRefused, copy_database

    with opened_copy(backup, passphrase, Path(tempfile.gettempdir()),
                     require_audit=require_audit) as plain:
        try:
            copy_database(plain, url, require_audit=require_audit)
        except CopyRefused as exc:
            raise BackupFailed(_("{reason} On a server a backup is restored only into an "
                                 "empty database: create one (counterpart db init URL), "
                                 "restore into it and point the tills at it.").format(
                                     reason=exc)) from exc


# ------------------------------------------------------------------ the daily backup

def rotate(folder: Path, *, keep: Sequence[int] = (KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY),
           timezone: str = "UTC") -> list[Path]:
    """Remove daily backups beyond 7 daily, 4 weekly and 12 monthly; the removed paths."""
    daily = [i for i in list_backups(folder) if i.kind == "daily"]
    zone = shop_zone(timezone)
    kept: set[Path] = set()
    for count, kind in zip(keep, ("day", "week", "month"), strict=True):
        seen: list[object] = []
        for info in daily:  # newest first: the newest of each period is kept
            period = _period(info.created_at.astimezone(zone), kind)
            if period in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(period)
            kept.add(info.path)
    removed = []
    for info in daily:
        if info.path not in kept:
            for path in (info.path, manifest_path(info.path)):
                with contextlib.suppress(OSError):
                    path.unlink()
            removed.append(info.path)
    return removed


def _period(moment: datetime, kind: str) -> object:
    if kind == "day":
        return moment.date()
    if kind == "week":
        return tuple(moment.isocalendar())[:2]
    return (moment.year, moment.month)


def _made_today(folder: Path, timezone: str, moment: datetime) -> bool:
    zone = shop_zone(timezone)
    today = moment.astimezone(zone).date()
    return any(i.kind == "daily" and i.verified and i.created_at.astimezone(zone).date() == today
               for i in list_backups(folder))


def daily_backup(db_path: DatabaseLocation, primary: Path, second: Path | None = None, *,
                 passphrase: str | None = None, timezone: str = "UTC",
                 now: datetime | None = None, is_default_folder: bool = False,
                 ) -> BackupInfo | None:
    """The day's backup once a day into the primary (and second) folder, rotated; the status
    is kept beside the database so managers see a failure until it is fixed."""
    moment = now or utcnow()
    try:
        if _made_today(primary, timezone, moment) and (
                second is None or _made_today(second, timezone, moment)):
            _write_status(db_path, moment, ok=True, message="")
            return None
        info = None
        if not _made_today(primary, timezone, moment):
            info = make_backup(db_path, primary, passphrase=passphrase, kind="daily",
                               create_folder=is_default_folder, now=moment)
            rotate(primary, timezone=timezone)
        if second is not None:
            if info is None:
                info = next(i for i in list_backups(primary) if i.kind == "daily")
            copy_backup(info, second)
            rotate(second, timezone=timezone)
    except UserError as exc:
        _write_status(db_path, moment, ok=False, message=str(exc))
        raise
    _write_status(db_path, moment, ok=True, message="")
    return info


def _write_status(db_path: DatabaseLocation, moment: datetime, *, ok: bool, message: str) -> None:
    path = status_path(db_path)
    with contextlib.suppress(OSError, UserError), _partial(path.parent, path.name) as part:
        part.write_text(json.dumps({"at": to_iso(moment), "ok": ok, "message": message},
                                   ensure_ascii=False), encoding="utf-8")
        os.replace(part, path)


def health(db_path: DatabaseLocation, primary: Path, now: datetime | None = None) -> BackupHealth:
    """Whether the shop's backups are in order; the screen words the problem for managers."""
    moment = now or utcnow()
    backups = [i for i in list_backups(primary) if i.verified]
    last = backups[0].created_at if backups else None
    try:
        status = json.loads(status_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        status = {}
    if status and not status.get("ok", True):
        return BackupHealth("failed", str(status.get("message", "")), last)
    if last is None:
        return BackupHealth("none", "", None)
    if moment - last > OVERDUE_AFTER:
        return BackupHealth("overdue", "", last)
    return BackupHealth("", "", last)
