"""Form drafts on the till's own disk, beside the ones in the database.

On PostgreSQL the `drafts` table is on the server: while the server is away a draft cannot
be written there, and a crash then would lose what was typed. So the form also keeps its
draft in a small JSON file per (owner, form) in a folder on this till (the console's data
folder), written atomically (a temporary file, fsync, rename): a crash leaves the old or
the new draft, never half of one. It is cleared with the database's draft when the entry is
saved, and offered back (`load_local`) when the database has none or cannot be read.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from db.clock import from_iso, to_iso, utcnow
from db.service.models import Draft


def _file(folder: Path, owner_id: int, form: str) -> Path:
    safe = "".join(ch for ch in form if ch.isalnum() or ch in "-_") or "form"
    return folder / f"{safe}-{int(owner_id)}.json"


def save_local(folder: Path, owner_id: int, form: str, payload: Mapping[str, Any], *,
               console_id: str = "") -> None:
    """Replace the owner's local draft of `form` atomically (OSError when the disk fails)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = _file(folder, owner_id, form)
    text = json.dumps({"owner_id": owner_id, "form": form, "console_id": console_id,
                       "updated_at": to_iso(utcnow()), "payload": dict(payload)},
                      ensure_ascii=False, sort_keys=True, default=str)
    temporary = target.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, target)


def load_local(folder: Path, owner_id: int, form: str) -> Draft | None:
    """The owner's local draft of `form`, or None (none, unreadable or damaged)."""
    try:
        data = json.loads(_file(folder, owner_id, form).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    payload = data.get("payload") if isinstance(data, dict) else None
    if not isinstance(payload, dict):
        return None
    stamp = data.get("updated_at")
    return Draft(console_id=str(data.get("console_id", "")), form=form, payload=payload,
                 updated_at=from_iso(stamp if isinstance(stamp, str) else None) or utcnow(),
                 owner_id=owner_id, owner_name="", id=0)


def clear_local(folder: Path, owner_id: int, form: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _file(folder, owner_id, form).unlink()
