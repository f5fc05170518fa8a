"""Which consoles have a database open: one locked file per running console.

Restore must not swap the file under a running console. A row in the database would stay
behind after a crash; an `flock` on a file in `<db>.consoles/` is released by the kernel
when the process ends, however it ends, so a held lock always means a live console.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class ConsoleHolder:
    console_id: str
    host: str
    pid: int
    started: str


def lock_dir(db_path: Path) -> Path:
    return db_path.parent / (db_path.name + ".consoles")


class ConsoleLock:
    """Held while a console window has the database open; `release()` or process exit ends it."""

    def __init__(self, handle: IO[str], path: Path) -> None:
        self._handle: IO[str] | None = handle
        self.path = path

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        self._handle.close()  # closing drops the flock
        self._handle = None


def hold(db_path: Path, console_id: str, started: str) -> ConsoleLock | None:
    """Mark this console as using `db_path`; None when the folder cannot be written."""
    folder = lock_dir(db_path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        path = folder / f"{console_id}.{os.getpid()}.lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "w", encoding="utf-8")
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        handle.write(json.dumps({"console_id": console_id, "host": socket.gethostname(),
                                 "pid": os.getpid(), "started": started}))
        handle.flush()
    except OSError:
        return None
    return ConsoleLock(handle, path)


def holders(db_path: Path) -> list[ConsoleHolder]:
    """The consoles that have `db_path` open now; stale files of ended ones are removed."""
    found: list[ConsoleHolder] = []
    folder = lock_dir(db_path)
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.lock")):
        try:
            with path.open("r+", encoding="utf-8") as handle:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    found.append(_holder(path))
                    continue
                with contextlib.suppress(OSError):
                    path.unlink()  # its console ended without removing it
        except OSError:
            continue
    return found


def _holder(path: Path) -> ConsoleHolder:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return ConsoleHolder(str(data["console_id"]), str(data["host"]), int(data["pid"]),
                             str(data["started"]))
    except (OSError, ValueError, KeyError, TypeError):
        return ConsoleHolder(path.stem, "?", 0, "")
