"""Shop settings kept in the database, so every console and command sees the same.

Each shop of the company has its own (`shop_settings`, one row per shop and key; see
`db.shops`): without a `shop_id`, functions here use the console's shop (`shop_of(db)`).
A person changes settings with `change_settings`, which needs a manager's PIN (a single-use
approval, `db.security.approvals`) and leaves an audit entry with the before and after of every
changed field (entity ``settings``, id None for shop 1 as before shops existed, else the
shop's id). Demo data and tests use the internal `_seed_settings`, audited too.
"""

from __future__ import annotations

import json
import zoneinfo
from dataclasses import asdict, fields, replace
from typing import Any

from sqlite_utils import Database

from db.errors import ValidationError
from db.i18n import _
from db.models import LANGUAGES, SIGN_IN_PIN_CHOICES, ShopSettings
from db.shops import get_shop, shop_of
from db.text import forbidden_problem, has_forbidden

SETTINGS_ACTION = "settings.changed"
SETTINGS_ENTITY = "settings"


def load_settings(db: Database, shop_id: int | None = None) -> ShopSettings:
    """The settings of shop `shop_id` (default: the console's shop, `db.shops.shop_of`)."""
    shop = shop_of(db) if shop_id is None else shop_id
    stored = {row[0]: row[1] for row in db.execute(
        "SELECT key, value FROM shop_settings WHERE shop_id = ?", [shop])}
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
    if settings.sign_in_pin not in SIGN_IN_PIN_CHOICES:
        problems["sign_in_pin"] = _("Choose supervisors or everyone.")
    if not 1 <= settings.idle_sign_out_minutes <= 8 * 60:
        problems["idle_sign_out_minutes"] = _("Between 1 minute and 8 hours.")
    for f in fields(settings):  # NUL, control characters, bidi overrides: refused
        value = getattr(settings, f.name)
        if isinstance(value, str) and has_forbidden(value):
            problems[f.name] = forbidden_problem()
    if not settings.pin_max_attempts <= settings.pin_shop_max_attempts <= 200:
        problems["pin_shop_max_attempts"] = _(
            "At least the wrong PINs before a lock, and at most 200.")
    for name in ("pin_min_length_supervisor", "pin_min_length_manager"):
        if not 4 <= getattr(settings, name) <= 12:
            problems[name] = _("Between 4 and 12 digits.")
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


def settings_entity_id(shop_id: int) -> int | None:
    """The audit entity id of a shop's settings: None for shop 1 (as before shops)."""
    return None if shop_id == 1 else shop_id


def shop_settings_rows(db: Database, shop_id: int) -> dict[str, Any]:
    """{"settings/KEY": stored value} of one shop (what audit entries about it vouch for)."""
    keys = [f.name for f in fields(ShopSettings)]
    marks = ", ".join("?" for _k in keys)
    return {f"settings/{k}": v for k, v in db.execute(
        f"SELECT key, value FROM shop_settings WHERE shop_id = ? AND key IN ({marks}) "
        "ORDER BY key", [shop_id, *keys])}


def _write_shop_settings(db: Database, shop_id: int, settings: ShopSettings) -> None:
    """Internal (caller's transaction): store every field of `settings` for the shop; the
    shop's name in `shops` follows `shop_name`."""
    for key, value in asdict(settings).items():
        db.execute(
            "INSERT INTO shop_settings(shop_id, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT(shop_id, key) DO UPDATE SET value = excluded.value",
            [shop_id, key, json.dumps(value, ensure_ascii=False)],
        )
    db.execute("UPDATE shops SET name = ? WHERE id = ? AND name <> ?",
               [settings.shop_name.strip(), shop_id, settings.shop_name.strip()])


def _check_shop_name(db: Database, shop_id: int, settings: ShopSettings) -> None:
    from db.shops import shop_name_problem

    problem = shop_name_problem(db, settings.shop_name, exclude_id=shop_id)
    if problem is not None:
        raise ValidationError({"shop_name": problem})


def _seed_settings(db: Database, settings: ShopSettings, shop_id: int | None = None) -> None:
    """Internal: demo data and test fixtures set settings without a manager, still audited.

    Not part of the data API: people change settings with `change_settings`.
    """
    from db.security import audit

    validate_settings(settings)
    shop = shop_of(db) if shop_id is None else shop_id
    _check_shop_name(db, shop, settings)
    with audit.immediate(db):
        changes = changed_fields(load_settings(db, shop), settings)
        _write_shop_settings(db, shop, settings)
        audit.append(db, SETTINGS_ACTION, None, SETTINGS_ENTITY, settings_entity_id(shop),
                     {"fields": changes, "seeded": True})


def changed_fields(before: ShopSettings, after: ShopSettings) -> dict[str, list[Any]]:
    """{field: [before, after]} for every field that differs, in declaration order."""
    old, new = asdict(before), asdict(after)
    return {key: [old[key], new[key]] for key in old if old[key] != new[key]}


def change_settings(
    db: Database, new: ShopSettings, *, pin: str, console_id: str, shop_id: int | None = None,
) -> ShopSettings:
    """A manager changes the shop settings; audited as `settings.changed` with before/after.

    `shop_id` (default: the console's shop) names the shop whose settings change; the PIN
    must be a manager's of the console's shop.

    Values are checked before the PIN, so a typo does not cost a PIN attempt. The PIN
    becomes a single-use approval for this change (`db.security.approvals`): a wrong PIN, or the PIN
    of anyone but a manager, counts toward the lockout. Nothing changed -> nothing written
    and no audit entry. Returns the settings as stored.
    """
    from db.security import approvals, audit

    validate_settings(new)
    shop = shop_of(db) if shop_id is None else shop_id
    get_shop(db, shop)
    _check_shop_name(db, shop, new)
    entity_id = settings_entity_id(shop)
    subject = approvals.subject(SETTINGS_ENTITY, entity_id)
    approval = approvals.grant(db, pin, console_id, action="settings.change",
                               subject=subject)
    with audit.immediate(db):
        before = load_settings(db, shop)
        changes = changed_fields(before, new)
        if not changes:
            return before
        who = approvals.consume(db, approval, action="settings.change", subject=subject)
        _write_shop_settings(db, shop, new)
        audit.append(db, SETTINGS_ACTION, who.id, SETTINGS_ENTITY, entity_id,
                     {"fields": changes, "console": console_id, "approval_id": approval.id})
    return load_settings(db, shop)
