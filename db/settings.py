"""Shop settings kept in the database, so every console and command sees the same.

`save_settings` is the low-level writer (demo data, tests, first set-up). A person changes
settings with `change_settings`, which needs a manager's PIN and leaves an audit entry with
the before and after of every changed field.
"""

from __future__ import annotations

import json
import zoneinfo
from dataclasses import asdict, fields, replace
from typing import Any

from sqlite_utils import Database

from db.connection import write
from db.errors import PermissionDenied, ValidationError
from db.i18n import _
from db.models import LANGUAGES, ShopSettings

SETTINGS_ACTION = "settings.changed"


def load_settings(db: Database) -> ShopSettings:
    stored = {row[0]: row[1] for row in db.execute("SELECT key, value FROM settings")}
    values: dict[str, Any] = {}
    for f in fields(ShopSettings):
        if f.name in stored:
            values[f.name] = json.loads(stored[f.name])
    return replace(ShopSettings(), **values)


def _valid_locale(name: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def _valid_timezone(name: str) -> bool:
    if not name.strip():
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def settings_problems(settings: ShopSettings) -> dict[str, str]:
    """Each invalid field with a message a person can act on (empty when all is well)."""
    problems: dict[str, str] = {}
    if not settings.shop_name.strip():
        problems["shop_name"] = _("The shop needs a name.")
    elif len(settings.shop_name) > 100:
        problems["shop_name"] = _("At most {n} characters.").format(n=100)
    if len(settings.address) > 300:
        problems["address"] = _("At most {n} characters.").format(n=300)
    if len(settings.phone) > 40:
        problems["phone"] = _("At most {n} characters.").format(n=40)
    email = settings.email.strip()
    if email and ("@" not in email or " " in email or email.startswith("@")
                  or email.endswith("@")):
        problems["email"] = _("An e-mail address looks like name@example.com.")
    if len(settings.logo_path) > 500:
        problems["logo_path"] = _("At most {n} characters.").format(n=500)
    if len(settings.currency) != 3 or not settings.currency.isalpha() \
            or not settings.currency.isupper():
        problems["currency"] = _("A three-letter currency code, such as EUR.")
    if not _valid_locale(settings.locale):
        problems["locale"] = _("Unknown locale. Use a code such as fi_FI, en_GB or zh_TW.")
    if not _valid_timezone(settings.timezone):
        problems["timezone"] = _("Unknown time zone. Use a name such as Europe/Helsinki.")
    if settings.page_size not in ("A4", "Letter"):
        problems["page_size"] = _("Page size must be A4 or Letter.")
    if settings.report_language not in LANGUAGES:
        problems["report_language"] = _("Unknown language.")
    if settings.manager_limit_minor < 0:
        problems["manager_limit_minor"] = _("A limit cannot be negative.")
    elif settings.manager_limit_minor > 100_000_000:
        problems["manager_limit_minor"] = _("That limit is implausibly large.")
    if not 1 <= settings.pin_max_attempts <= 20:
        problems["pin_max_attempts"] = _("Between 1 and 20 attempts.")
    if not 1 <= settings.pin_lockout_minutes <= 24 * 60:
        problems["pin_lockout_minutes"] = _("Between 1 minute and 24 hours.")
    if not 1 <= settings.retention_months <= 240:
        problems["retention_months"] = _("Between 1 and 240 months.")
    for key in ("backup_folder", "backup_second_folder"):
        if len(getattr(settings, key)) > 500:
            problems[key] = _("At most {n} characters.").format(n=500)
    return problems


def validate_settings(settings: ShopSettings) -> None:
    """Raise ValidationError naming every invalid field."""
    problems = settings_problems(settings)
    if problems:
        raise ValidationError(problems)


def _write_rows(db: Database, settings: ShopSettings) -> None:
    for key, value in asdict(settings).items():
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )


def save_settings(db: Database, settings: ShopSettings) -> None:
    """Low-level writer without PIN or audit (demo data, tests, scripts)."""
    validate_settings(settings)
    with write(db):
        _write_rows(db, settings)


def changed_fields(before: ShopSettings, after: ShopSettings) -> dict[str, list[Any]]:
    """{field: [before, after]} for every field that differs, in declaration order."""
    old, new = asdict(before), asdict(after)
    return {key: [old[key], new[key]] for key in old if old[key] != new[key]}


def change_settings(
    db: Database, new: ShopSettings, *, pin: str, console_id: str
) -> ShopSettings:
    """A manager changes the shop settings; audited as `settings.changed` with before/after.

    Values are checked before the PIN, so a typo does not cost a PIN attempt. The PIN goes
    through `staff_admin.authenticate`: a wrong one counts toward this console's lockout.
    Staff and supervisors are refused (PermissionDenied). Nothing changed -> nothing
    written and no audit entry. Returns the settings as stored.
    """
    from db import audit
    from db.staff_admin import authenticate

    validate_settings(new)
    who = authenticate(db, pin, console_id, "settings.change")
    if who.role != "manager":
        raise PermissionDenied(_("Only a manager can change the shop settings. {name} is a "
                                 "{role}.").format(name=who.name, role=_(who.role)))
    with audit.immediate(db):
        before = load_settings(db)
        changes = changed_fields(before, new)
        if not changes:
            return before
        _write_rows(db, new)
        audit.append(db, SETTINGS_ACTION, who.id, "settings", None,
                     {"fields": changes, "console": console_id})
    return load_settings(db)
