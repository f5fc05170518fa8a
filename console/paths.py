"""Where Counterpart keeps its files; tests point these at tmp_path via environment."""

from __future__ import annotations

import hashlib
import os
import socket
import uuid
from pathlib import Path

import assets
from db.store.location import local_config_dir, local_data_dir

ASSETS_DIR = Path(assets.__file__).resolve().parent


def data_dir() -> Path:
    return local_data_dir()


def config_dir() -> Path:
    return local_config_dir()


def default_db_path() -> Path:
    return data_dir() / "counterpart.sqlite"


def console_id() -> str:
    """A stable id for this console (this machine and user), for PIN lockouts and drafts.

    Normally a random id kept in the config folder. When that folder cannot be written the
    id is derived from the host name, the user and the data folder instead, so it stays the
    same across restarts: a fresh random id each start would reset the PIN lockout.
    """
    path = config_dir() / "console-id"
    try:
        stored = path.read_text(encoding="utf-8").strip()
    except OSError:
        stored = ""
    if stored:
        return stored
    new = uuid.uuid4().hex[:12]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")
    except OSError:
        return derived_console_id()
    return new


def derived_console_id() -> str:
    """sha256 of host name, user id and data folder, shortened: same inputs, same id."""
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    seed = "\0".join([socket.gethostname(), user, str(data_dir().resolve())])
    return "console-" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]
