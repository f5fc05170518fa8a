"""Writing output files (PDF, CSV) without ever destroying something else.

Every file the console writes, from the command line (``report --out``, ``--csv``,
``letter --out``) or from a save dialog in the window, goes through this module:

* `check_target` refuses, before any work, a path that is the open database or one of its
  ``-wal``, ``-shm`` or ``-journal`` files (compared by resolved path *and* by device and
  inode, so a symlink or a hard link to the database is caught too), any existing path that
  is not a regular file (a folder, a device such as ``/dev/full``, a fifo, a socket) and any
  existing SQLite database, WAL or journal file (by its header).
* The content goes to a temporary file in the target's own folder, created with mode 0600
  (only the owner can read it: reports and letters hold customers' names), flushed to disk,
  and renamed over the target only after the target is checked again. A failure removes the
  temporary file and leaves whatever was at the target untouched.
* `stage` keeps the written temporary files pending, so a caller can record what it wrote
  in the database first and `commit` (rename into place) only when that worked, or
  `discard` them: a letter refused by a read-only database leaves no PDF behind.

Refusals and failures are `UnsafeOutput` / `OutputFailed` (both `UserError`): one sentence
naming the file, what is wrong and what to do; the command line exits with status 2.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from db.errors import UserError
from db.i18n import _

FILE_MODE = 0o600
DB_SUFFIXES = ("", "-wal", "-shm", "-journal")
# First bytes of a SQLite database, of a WAL file (two byte orders) and of a rollback journal.
_MAGICS = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83",
           b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7")


class UnsafeOutput(UserError):
    """The output path would overwrite something that must not be overwritten."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class OutputFailed(UserError):
    """Writing the output failed (no folder, no permission, disk full); nothing was written."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(_("Cannot write {path}: {reason}. Nothing was written.").format(
            path=path, reason=reason))
        self.path = path
        self.reason = reason


def database_files(db: Any) -> list[Path]:
    """The files of every database open on `db` (a sqlite-utils Database or a connection)."""
    conn = getattr(db, "conn", db)
    if not isinstance(conn, sqlite3.Connection):
        return []
    try:
        rows = conn.execute("PRAGMA database_list").fetchall()
    except sqlite3.Error:
        return []
    return [Path(str(r[2])) for r in rows if r[2]]


def _protected(databases: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Each database with its -wal, -shm and -journal, as given and as resolved."""
    out: list[Path] = []
    for db in databases:
        text = os.fspath(db)
        if not text or text == ":memory:":
            continue
        for base in {os.path.abspath(text), os.path.realpath(text)}:
            out += [Path(base + suffix) for suffix in DB_SUFFIXES]
    return out


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _is_database_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise UnsafeOutput(path, _(
            "Refusing to write {path}: it cannot be read to check what it is ({reason}). "
            "Choose another file name; nothing was written.").format(
                path=path, reason=exc.strerror or exc)) from exc
    return any(head.startswith(magic) for magic in _MAGICS)


def check_target(path: str | os.PathLike[str],
                 databases: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """The real file to write for `path` (symlinks followed), or raise `UnsafeOutput`.

    `databases` are the database files in use (see `database_files`): none of them, nor
    their -wal, -shm or -journal, may be the target, by name or by device and inode.
    """
    given = Path(path)
    if not os.fspath(given):
        raise UnsafeOutput(given, _("Give a file name to write to."))
    real = Path(os.path.realpath(given))
    target_id = _identity(real)
    for guarded in _protected(databases):
        if real == Path(os.path.realpath(guarded)) or (
                target_id is not None and target_id == _identity(guarded)):
            raise UnsafeOutput(given, _(
                "Refusing to write {path}: it is the console's database or one of its files "
                "({db}). Choose another file name; nothing was written.").format(
                    path=given, db=guarded))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputFailed(given, exc.strerror or str(exc)) from exc
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise UnsafeOutput(given, _(
                "Refusing to write {path}: it is a folder. Give a file name such as "
                "report.pdf; nothing was written.").format(path=given))
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeOutput(given, _(
                "Refusing to write {path}: it is not a regular file (a device, pipe or "
                "socket). Choose a file name such as report.pdf; nothing was written.").format(
                    path=given))
        if _is_database_file(real):
            raise UnsafeOutput(given, _(
                "Refusing to write {path}: it is a SQLite database. Choose another file "
                "name; nothing was written.").format(path=given))
    folder = real.parent
    if not folder.is_dir():
        raise OutputFailed(given, _("the folder {folder} does not exist").format(
            folder=given.parent))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputFailed(given, _("permission denied in the folder {folder}; choose another "
                                    "place").format(folder=given.parent))
    return real


def check_targets(paths: Sequence[str | os.PathLike[str]],
                  databases: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """`check_target` for each path; two outputs may not be the same file either."""
    guarded = list(databases)
    reals = [check_target(p, guarded) for p in paths]
    if len(set(reals)) < len(reals):
        raise UnsafeOutput(Path(paths[0]), _(
            "Each output needs its own file name; nothing was written."))
    return reals


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass
class PendingOutput:
    """Temporary files written and waiting to be renamed into place (all or none)."""

    files: list[tuple[Path, Path, Path]] = field(default_factory=list)  # given, real, temp
    databases: list[str | os.PathLike[str]] = field(default_factory=list)
    done: bool = False

    @property
    def paths(self) -> list[Path]:
        return [given for given, _real, _temp in self.files]

    def commit(self) -> list[Path]:
        """Check every target again, then rename each temporary file over its target."""
        try:
            for given, _real, _temp in self.files:
                check_target(given, self.databases)
            for given, real, temp in self.files:
                try:
                    os.replace(temp, real)
                except OSError as exc:
                    raise OutputFailed(given, exc.strerror or str(exc)) from exc
            for folder in {real.parent for _given, real, _temp in self.files}:
                _fsync_folder(folder)
        finally:
            self.discard()
        return self.paths

    def discard(self) -> None:
        """Remove the temporary files that were not renamed (safe to call twice)."""
        for _given, _real, temp in self.files:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        self.done = True

    def __enter__(self) -> PendingOutput:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.discard()


def stage(files: Sequence[tuple[str | os.PathLike[str], bytes]],
          databases: Iterable[str | os.PathLike[str]] = ()) -> PendingOutput:
    """Check every target and write each content to a 0600 temporary file beside it."""
    guarded = list(databases)
    reals = check_targets([p for p, _content in files], guarded)
    pending = PendingOutput(databases=guarded)
    try:
        for (given, content), real in zip(files, reals, strict=True):
            try:
                fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".part",
                                            dir=real.parent)
            except OSError as exc:
                raise OutputFailed(Path(given), exc.strerror or str(exc)) from exc
            temp = Path(name)
            pending.files.append((Path(given), real, temp))
            try:
                with os.fdopen(fd, "wb") as out:
                    os.fchmod(out.fileno(), FILE_MODE)
                    out.write(content)
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as exc:
                raise OutputFailed(Path(given), exc.strerror or str(exc)) from exc
    except BaseException:
        pending.discard()
        raise
    return pending


def write_files(files: Sequence[tuple[str | os.PathLike[str], bytes]],
                databases: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Write every file or none (see the module text); returns the paths as given."""
    return stage(files, databases).commit()


def write_file(path: str | os.PathLike[str], content: bytes,
               databases: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Write one file safely; returns the path as given."""
    return write_files([(path, content)], databases)[0]
