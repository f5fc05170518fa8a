"""Where Counterpart keeps its files; tests point these at tmp_path via environment."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import assets

ASSETS_DIR = Path(assets.__file__).resolve().parent


def data_dir() -> Path:
    override = os.environ.get("COUNTERPART_DATA_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "counterpart"


def config_dir() -> Path:
    override = os.environ.get("COUNTERPART_CONFIG_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "counterpart"


def default_db_path() -> Path:
    return data_dir() / "counterpart.sqlite"


def console_id() -> str:
    """A stable id for this console (this machine and user), for PIN lockouts and drafts."""
    path = config_dir() / "console-id"
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        pass
    new = uuid.uuid4().hex[:12]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")
    except OSError:
        return "console-" + new
    return new
