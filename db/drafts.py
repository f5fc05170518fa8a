"""Form drafts saved as they are typed, one per console and form, offered back after a crash.

A draft is only JSON in its own table: it never appears in complaints, reports or letters
until the form is saved for real (then the draft is cleared).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.errors import ValidationError
from db.i18n import _
from db.service_models import Draft

MAX_PAYLOAD = 200_000  # characters of JSON; a form is far smaller


def save_draft(db: Database, console_id: str, form: str, payload: Mapping[str, Any]) -> None:
    """Store (replace) the draft; one statement, so it is atomic on its own."""
    text = json.dumps(dict(payload), ensure_ascii=False, sort_keys=True, default=str)
    if len(text) > MAX_PAYLOAD:
        raise ValidationError({"draft": _("This form is too large to keep as a draft.")})
    db.execute(
        "INSERT INTO drafts(console_id, form, payload, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(console_id, form) DO UPDATE SET payload = excluded.payload, "
        "updated_at = excluded.updated_at",
        [console_id, form, text, to_iso(utcnow())],
    )


def load_draft(db: Database, console_id: str, form: str) -> Draft | None:
    """The saved draft, or None (also when it cannot be read: better lost than a crash)."""
    row = db.execute(
        "SELECT payload, updated_at FROM drafts WHERE console_id = ? AND form = ?",
        [console_id, form],
    ).fetchone()
    if row is None:
        return None
    try:
        payload = json.loads(row[0])
    except ValueError:
        return None
    if not isinstance(payload, dict):
        return None
    return Draft(console_id=console_id, form=form, payload=payload,
                 updated_at=from_iso(row[1]) or utcnow())


def clear_draft(db: Database, console_id: str, form: str) -> None:
    db.execute("DELETE FROM drafts WHERE console_id = ? AND form = ?", [console_id, form])
