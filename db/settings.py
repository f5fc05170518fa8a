"""Shop settings kept in the database, so every console and command sees the same."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from typing import Any

from sqlite_utils import Database

from db.connection import write
from db.errors import ValidationError
from db.i18n import _
from db.models import LANGUAGES, ShopSettings


def load_settings(db: Database) -> ShopSettings:
    stored = {row[0]: row[1] for row in db.execute("SELECT key, value FROM settings")}
    values: dict[str, Any] = {}
    for f in fields(ShopSettings):
        if f.name in stored:
            values[f.name] = json.loads(stored[f.name])
    return replace(ShopSettings(), **values)


def save_settings(db: Database, settings: ShopSettings) -> None:
    problems: dict[str, str] = {}
    if settings.page_size not in ("A4", "Letter"):
        problems["page_size"] = _("Page size must be A4 or Letter.")
    if settings.report_language not in LANGUAGES:
        problems["report_language"] = _("Unknown language.")
    if settings.manager_limit_minor < 0:
        problems["manager_limit_minor"] = _("A limit cannot be negative.")
    if not 1 <= settings.pin_max_attempts <= 20:
        problems["pin_max_attempts"] = _("Between 1 and 20 attempts.")
    if not 1 <= settings.pin_lockout_minutes <= 24 * 60:
        problems["pin_lockout_minutes"] = _("Between 1 minute and 24 hours.")
    if len(settings.currency) != 3:
        problems["currency"] = _("A three-letter currency code, such as EUR.")
    if problems:
        raise ValidationError(problems)
    with write(db):
        for key, value in asdict(settings).items():
            db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )
