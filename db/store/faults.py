"""SQLite and operating-system failures turned into one sentence a person can act on.

Every command line and the window show these instead of a traceback: which file, what
went wrong and what to do. An error that is a bug (a wrong SQL statement, say) is not
described here (`describe_sqlite_error` returns None) so it still reaches the crash path.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from db.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    DatabaseReadOnly,
    DiskFull,
    DiskIOError,
    UserError,
)
from db.i18n import _

# SQLite primary result codes (sqlite3.h); Python 3.11 puts them on the exception.
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
LOW_SPACE_BYTES = 256 * 1024  # an I/O error with less free space than this: the disk is full


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    for needle, value in (
        ("disk is full", SQLITE_FULL), ("disk i/o error", SQLITE_IOERR),
        ("malformed", SQLITE_CORRUPT), ("not a database", SQLITE_NOTADB),
        ("corrupt", SQLITE_CORRUPT), ("readonly", SQLITE_READONLY),
        ("read-only", SQLITE_READONLY), ("unable to open", SQLITE_CANTOPEN),
        ("locked", SQLITE_BUSY), ("busy", SQLITE_BUSY),
    ):
        if needle in text:
            return value
    return None


def _disk_is_full(path: str | Path) -> bool:
    try:
        stats = os.statvfs(Path(path).resolve().parent)
    except (OSError, ValueError):
        return False
    return stats.f_bavail * stats.f_frsize < LOW_SPACE_BYTES


def restore_advice(path: str | Path) -> str:
    return _("Restore it from a backup: close every console, then copy the backup over "
             "{path} (and delete its -wal and -shm files).").format(path=path)


def describe_sqlite_error(exc: sqlite3.Error, path: str | Path) -> DatabaseError | None:
    """The known error for `exc` on the database `path`, or None when it is a bug."""
    code = _code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLocked(
            _("{path} is busy in another console. Try again in a moment.").format(path=path))
    if code == SQLITE_FULL or (code == SQLITE_IOERR and _disk_is_full(path)):
        # SQLite says "disk I/O error" when the -shm or -wal cannot grow on a full disk
        return DiskFull(
            _("The disk holding {path} is full, so nothing was saved. Free some space on "
              "it (or move the database to a larger disk) and try again.").format(path=path))
    if code == SQLITE_IOERR:
        return DiskIOError(
            _("The disk reported an input/output error on {path}, so nothing was saved. "
              "Check the disk and its connection, copy the file somewhere safe and run "
              "`counterpart check --db {path}`.").format(path=path))
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DatabaseCorrupt(
            _("{path} is not a Counterpart database or is damaged ({reason}); nothing was "
              "changed. {advice}").format(path=path, reason=exc, advice=restore_advice(path)))
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return DatabaseReadOnly(
            _("{path} cannot be written ({reason}). Check the permissions of the file and "
              "its folder, and that the disk is not read-only.").format(path=path, reason=exc))
    return None


_last_database: list[str] = []


def remember_database(path: str | Path) -> None:
    """`open_database` notes the file, so a failure met later can name it."""
    _last_database[:] = [str(path)]


def describe_fault(exc: BaseException, path: str | Path | None = None) -> UserError | None:
    """One sentence for a disk, file-system or database failure; None for anything else
    (a bug). Without `path`, a SQLite error names the database opened last."""
    if isinstance(exc, sqlite3.Error):
        where = path if path is not None else (
            _last_database[0] if _last_database else _("the database"))
        return describe_sqlite_error(exc, where)
    if isinstance(exc, OSError):
        return describe_os_error(exc, path)
    return None


def describe_os_error(exc: OSError, path: str | Path | None = None) -> UserError:
    """One sentence for an operating-system failure on a file (database, PDF, CSV...)."""
    where = path if path is not None else (exc.filename or _("a file"))
    number = exc.errno
    if number in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DiskFull(_("The disk holding {path} is full, so it was not written. Free some "
                          "space and try again.").format(path=where))
    if number == errno.EIO:
        return DiskIOError(_("The disk reported an input/output error on {path}. Check the "
                             "disk and its connection, then try again.").format(path=where))
    if number == errno.EROFS:
        return DatabaseReadOnly(_("{path} is on a read-only disk and cannot be written. "
                                  "Choose a place on a writable disk.").format(path=where))
    if number in (errno.EACCES, errno.EPERM):
        return DatabaseReadOnly(_("{path} cannot be written: permission denied. Check its "
                                  "permissions or choose another place.").format(path=where))
    return UserError(_("{path} could not be read or written: {reason}.").format(
        path=where, reason=exc.strerror or exc))
