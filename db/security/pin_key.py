"""The shop's PIN key: a secret kept outside the database and mixed into every PIN hash.

A copy of the database file alone then does not give the PINs away: without the key, each
guess at a 4-digit PIN means guessing a 256-bit key too. The key is a file
``pin-key-<id>`` in the console's config folder (``$COUNTERPART_CONFIG_DIR``, else
``$XDG_CONFIG_HOME/counterpart``, else ``~/.config/counterpart``), created with mode 0600
when the database's first PIN is set. The database keeps only the key's id (a fingerprint),
so a console without the file gets a clear message instead of counting wrong PINs.

This module reads the same environment as `console.paths` (db/ never imports console/).
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from sqlite_utils import Database

from db.clock import to_iso, utcnow
from db.errors import UserError
from db.i18n import _

KEY_BYTES = 32


class PinKeyMissing(UserError):
    """The database's PINs are hashed with a key this console does not have."""

    def __init__(self, path: Path, *, wrong: bool = False) -> None:
        self.path = path
        if wrong:
            message = _("The PIN key file at {path} is not this shop's key (it was changed or "
                        "damaged). Copy the right one from the first till, or restore it "
                        "from a backup.")
        else:
            message = _("This console lacks the shop's PIN key file at {path}. Copy it from "
                        "the first till, or restore it from a backup; until then no PIN can "
                        "be checked here.")
        super().__init__(message.format(path=path))


def config_dir() -> Path:
    """The console's config folder (`db.store.location.local_config_dir`)."""
    from db.store.location import local_config_dir

    return local_config_dir()


def key_id(key: bytes) -> str:
    """A fingerprint that names the key without revealing it."""
    return hashlib.sha256(b"counterpart-pin-key\0" + key).hexdigest()[:16]


def key_path(kid: str, folder: Path | None = None) -> Path:
    return (folder or config_dir()) / f"pin-key-{kid}"


def stored_key_id(db: Database) -> str | None:
    row = db.execute("SELECT key_id FROM pin_key WHERE id = 1").fetchone()
    return str(row[0]) if row else None


def _read(kid: str, folder: Path | None) -> bytes:
    path = key_path(kid, folder)
    try:
        text = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        if path.exists():
            raise PinKeyMissing(path, wrong=True) from exc
        raise PinKeyMissing(path) from exc
    if key_id(key) != kid:
        raise PinKeyMissing(path, wrong=True)
    return key


def shop_key(db: Database, folder: Path | None = None) -> bytes | None:
    """The key the database's PIN hashes use; None while no PIN has been set with one.

    Raises PinKeyMissing when the database names a key this console does not have.
    """
    kid = stored_key_id(db)
    return None if kid is None else _read(kid, folder)


def write_key_file(key: bytes, folder: Path | None = None) -> Path:
    """Write `key` as a new file readable by its owner only (0600); never overwrite one."""
    path = key_path(key_id(key), folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, (key.hex() + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def ensure_shop_key(db: Database, folder: Path | None = None) -> bytes:
    """The shop's key, created (file 0600 + id in the database) when none exists yet.

    Call inside the write transaction that stores the first PIN hash, so the id is stored
    exactly when a hash needing the key is. A key file left by a rolled-back attempt is
    harmless: it names no database.
    """
    existing = shop_key(db, folder)
    if existing is not None:
        return existing
    key = secrets.token_bytes(KEY_BYTES)
    try:
        write_key_file(key, folder)
    except OSError as exc:
        raise UserError(_("Cannot write the shop's PIN key file in {folder}: {reason}. "
                          "PINs cannot be set until it can be written.").format(
            folder=folder or config_dir(), reason=exc.strerror or exc)) from exc
    db.execute("INSERT INTO pin_key(id, key_id, created_at) VALUES (1, ?, ?)",
               [key_id(key), to_iso(utcnow())])
    return key
