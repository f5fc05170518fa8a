"""Shops of one company: which shop a console is, and who works where.

One database holds one or more shops (`shops`); a SQLite file is one shop, as it always
was. Each shop has its own settings (`db.settings`, table `shop_settings`), staff work at
one or more shops (`staff_shops`), customers are shared by the whole company, and
complaints, purchases and vouchers record the shop where they happened (`shop_id`).

Which shop a console is travels on the open connection, like its till (`db.tills`): the
window attaches it once (`set_shop(db, ...)`, from `--shop` or the options file's
``shop = ...``), and the data API reads it back with `shop_of(db)`, so few signatures carry
a shop. A command-line process sets a fallback with `process_shop(...)`. Without either, a
database's first shop (the lowest id) is used: the only shop of a one-shop database.

Only staff of the console's shop sign in or authorise there (`db.security.approvals`,
`db.security.sign_in`
use `works_at`). A voucher is redeemed in the shop that issued it, or in any shop of the
company when the company setting `vouchers_any_shop` says so (`CompanySettings`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from db.clock import from_iso, to_iso, utcnow
from db.errors import NotFound, UserError, ValidationError
from db.i18n import _
from db.text import forbidden_problem, has_forbidden

ALL_SHOPS = "all"
"""`--shop all`: the company report over every shop (report only)."""
MAX_SHOP_NAME = 100
SHOP_ENTITY = "shop"  # audit entity of a shop (entity_id: its id)
COMPANY_ENTITY = "company"  # audit entity of the company settings
_COMPANY_PREFIX = "company."  # their keys in the `settings` table

_SHOP = "_counterpart_shop"  # attribute set on an open database connection
_process_shop: str = ""


@dataclass(frozen=True)
class Shop:
    id: int
    name: str
    created_at: datetime


@dataclass(frozen=True)
class CompanySettings:
    """Settings of the whole company (not of one shop)."""

    # A voucher issued in one shop can be redeemed in every shop of the company.
    vouchers_any_shop: bool = False


class WrongShop(UserError):
    """Something of another shop was used where only this shop's may be (a voucher)."""


# ---------------------------------------------------------------- reading shops


def _shop(r: Any) -> Shop:
    return Shop(id=int(r[0]), name=str(r[1]), created_at=from_iso(r[2]) or utcnow())


def list_shops(db: Database) -> list[Shop]:
    """Every shop of the company, by id."""
    return [_shop(r) for r in db.execute("SELECT id, name, created_at FROM shops ORDER BY id")]


def get_shop(db: Database, shop_id: int) -> Shop:
    r = db.execute("SELECT id, name, created_at FROM shops WHERE id = ?", [shop_id]).fetchone()
    if r is None:
        raise NotFound(_("There is no shop number {id}. 'counterpart shop list' lists the "
                         "shops.").format(id=shop_id))
    return _shop(r)


def find_shop(db: Database, text: str) -> Shop:
    """The shop `text` names: its number or its name (case and surrounding spaces do not
    matter). NotFound names what was typed and where the shops are listed."""
    wanted = text.strip()
    if wanted.lower() == ALL_SHOPS:
        raise UserError(_("'--shop all' is for the company report only; name one shop for "
                          "this command."))
    if wanted.isdigit():  # a shop name is never a number (shop_name_problem)
        return get_shop(db, int(wanted))
    for shop in list_shops(db):
        if shop.name.casefold() == wanted.casefold():
            return shop
    raise NotFound(_("There is no shop called {name}. 'counterpart shop list' lists the "
                     "shops.").format(name=wanted))


def first_shop_id(db: Database) -> int:
    """The lowest shop id: the only shop of a one-shop database."""
    row = db.execute("SELECT min(id) FROM shops").fetchone()
    return int(row[0]) if row is not None and row[0] is not None else 1


# ---------------------------------------------------------------- the console's shop


def set_shop(db: Any, shop: int | str) -> Shop:
    """Attach the shop (an id, or a number or name as typed) to the open database `db`;
    everything `db` reads and writes per shop is then this shop's. Returns it."""
    found = get_shop(db, shop) if isinstance(shop, int) else find_shop(db, shop)
    setattr(db, _SHOP, found.id)
    return found


def shop_of(db: Any) -> int:
    """The shop `db` works as: the attached one, else the process's (`process_shop`, e.g.
    `--shop`; attached on first use), else the first shop."""
    attached = getattr(db, _SHOP, None)
    if isinstance(attached, int):
        return attached
    if _process_shop:
        return set_shop(db, _process_shop).id
    return first_shop_id(db)


def as_shop(db: Any, shop_id: int) -> AbstractContextManager[None]:
    """Within the block `db` works as shop `shop_id`; the shop attached before comes back
    afterwards (the demo and tests write in two shops)."""
    from db.tills import attached_for_block

    return attached_for_block(db, _SHOP, lambda: set_shop(db, shop_id))


@contextmanager
def process_shop(text: str) -> Iterator[None]:
    """Within the block, databases without an attached shop work as the shop `text` names
    (a number or a name; "" = the first shop). The previous value comes back afterwards."""
    global _process_shop
    before = _process_shop
    _process_shop = text.strip()
    try:
        yield
    finally:
        _process_shop = before


# ---------------------------------------------------------------- who works where


def works_at(db: Database, staff_id: int, shop_id: int | None = None) -> bool:
    """True when the staff member works at `shop_id` (default: the console's shop)."""
    shop = shop_of(db) if shop_id is None else shop_id
    return db.execute("SELECT 1 FROM staff_shops WHERE staff_id = ? AND shop_id = ?",
                      [staff_id, shop]).fetchone() is not None


def shops_of_staff(db: Database, staff_id: int) -> list[int]:
    """The ids of the shops where the staff member works."""
    return [int(r[0]) for r in db.execute(
        "SELECT shop_id FROM staff_shops WHERE staff_id = ? ORDER BY shop_id", [staff_id])]


def _join_shop(db: Database, staff_id: int, shop_id: int) -> None:
    """Internal (caller's transaction): the staff member works at `shop_id` too."""
    db.execute("INSERT INTO staff_shops(staff_id, shop_id) VALUES (?, ?) "
               "ON CONFLICT (staff_id, shop_id) DO NOTHING", [staff_id, shop_id])


def change_staff_shops(
    db: Database, manager_pin: str, console_id: str, staff_id: int, *,
    add: tuple[int, ...] = (), remove: tuple[int, ...] = (),
) -> list[int]:
    """A manager of this shop lets a staff member work at more shops (`add`) or fewer
    (`remove`); audited as `staff.shops_changed`. Someone must keep at least one shop.
    Returns the staff member's shops afterwards."""
    from db.security import approvals, audit
    from db.security.staff import get_staff
    from db.store import changes

    get_staff(db, staff_id)
    for shop_id in (*add, *remove):
        get_shop(db, shop_id)
    subject = approvals.subject("staff", staff_id)
    approval = approvals.grant(db, manager_pin, console_id, action="staff.shops",
                               subject=subject)
    with audit.immediate(db):
        before = shops_of_staff(db, staff_id)
        after = sorted((set(before) | set(add)) - set(remove))
        if not after:
            raise ValidationError({"shops": _("A staff member works at one shop at least.")})
        manager = approvals.consume(db, approval, action="staff.shops", subject=subject)
        for shop_id in add:
            _join_shop(db, staff_id, shop_id)
        for shop_id in remove:
            db.execute("DELETE FROM staff_shops WHERE staff_id = ? AND shop_id = ?",
                       [staff_id, shop_id])
        changes.record(db, changes.STAFF, staff_id)
        audit.append(db, "staff.shops_changed", manager.id, "staff", staff_id,
                     {"before": before, "after": after, "approval_id": approval.id})
    return after


# ---------------------------------------------------------------- adding a shop


def shop_name_problem(db: Database, name: str, *, exclude_id: int | None = None) -> str | None:
    """Why `name` cannot name a shop (a sentence), or None."""
    text = name.strip()
    if not text:
        return _("The shop needs a name.")
    if len(text) > MAX_SHOP_NAME:
        return _("At most {n} characters.").format(n=MAX_SHOP_NAME)
    if has_forbidden(text):
        return forbidden_problem()
    if text.casefold() == ALL_SHOPS or text.isdigit():
        return _("A shop name cannot be a number or \"all\" (--shop takes those).")
    for shop in list_shops(db):
        if shop.id != exclude_id and shop.name.casefold() == text.casefold():
            return _("Another shop is already called {name}.").format(name=shop.name)
    return None


def add_shop(
    db: Database, name: str, *, pin: str, console_id: str, settings: Any = None,
) -> Shop:
    """A manager of this shop adds a shop to the company; audited as `shop.added`.

    The new shop starts with `settings` (a `ShopSettings`), by default a copy of this
    shop's with the new name; the manager who adds it works there too, so it has a manager
    from the start. Name and settings are checked before the PIN.
    """
    from db.security import approvals, audit
    from db.settings import _write_shop_settings, load_settings, validate_settings
    from db.store import changes

    problem = shop_name_problem(db, name)
    if problem is not None:
        raise ValidationError({"name": problem})
    clean = name.strip()
    new = replace(settings if settings is not None else load_settings(db), shop_name=clean)
    validate_settings(new)
    subject = approvals.subject(SHOP_ENTITY, "new")
    approval = approvals.grant(db, pin, console_id, action="shop.add", subject=subject)
    with audit.immediate(db):
        problem = shop_name_problem(db, clean)  # another till may have added it meanwhile
        if problem is not None:
            raise ValidationError({"name": problem})
        manager = approvals.consume(db, approval, action="shop.add", subject=subject)
        cur = db.execute("INSERT INTO shops(name, created_at) VALUES (?, ?)",
                         [clean, to_iso(utcnow())])
        shop_id = int(cur.lastrowid or 0)
        _write_shop_settings(db, shop_id, new)
        _join_shop(db, manager.id, shop_id)
        changes.record(db, changes.SETTINGS, shop_id)
        audit.append(db, "shop.added", manager.id, SHOP_ENTITY, shop_id,
                     {"name": clean, "approval_id": approval.id})
    return get_shop(db, shop_id)


def _seed_shop(db: Database, name: str, settings: Any = None) -> Shop:
    """Internal: demo data and tests add a shop without a manager's PIN, still audited."""
    from db.security import audit
    from db.settings import _write_shop_settings, load_settings, validate_settings

    problem = shop_name_problem(db, name)
    if problem is not None:
        raise ValidationError({"name": problem})
    new = replace(settings if settings is not None else load_settings(db),
                  shop_name=name.strip())
    validate_settings(new)
    with audit.immediate(db):
        cur = db.execute("INSERT INTO shops(name, created_at) VALUES (?, ?)",
                         [name.strip(), to_iso(utcnow())])
        shop_id = int(cur.lastrowid or 0)
        _write_shop_settings(db, shop_id, new)
        audit.append(db, "shop.added", None, SHOP_ENTITY, shop_id,
                     {"name": name.strip(), "seeded": True})
    return get_shop(db, shop_id)


# ---------------------------------------------------------------- company settings


def load_company_settings(db: Database) -> CompanySettings:
    stored = {str(r[0])[len(_COMPANY_PREFIX):]: r[1] for r in db.execute(
        "SELECT key, value FROM settings WHERE key LIKE 'company.%'")}
    values = {f.name: json.loads(stored[f.name]) for f in fields(CompanySettings)
              if f.name in stored}
    return replace(CompanySettings(), **values)


def company_rows(db: Database) -> dict[str, Any]:
    """{"settings/company.KEY": stored value} (what audit entries about them vouch for)."""
    return {f"settings/{r[0]}": r[1] for r in db.execute(
        "SELECT key, value FROM settings WHERE key LIKE 'company.%' ORDER BY key")}


def change_company_settings(
    db: Database, new: CompanySettings, *, pin: str, console_id: str,
) -> CompanySettings:
    """A manager changes the company settings; audited as `company.changed` with the before
    and after of each changed field. Nothing changed: nothing written."""
    from db.security import approvals, audit
    from db.store import changes

    approval = approvals.grant(db, pin, console_id, action="settings.change",
                               subject=COMPANY_ENTITY)
    with audit.immediate(db):
        before = load_company_settings(db)
        old, wanted = asdict(before), asdict(new)
        diff = {k: [old[k], wanted[k]] for k in old if old[k] != wanted[k]}
        if not diff:
            return before
        who = approvals.consume(db, approval, action="settings.change",
                                subject=COMPANY_ENTITY)
        for key, value in wanted.items():
            db.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       [_COMPANY_PREFIX + key, json.dumps(value)])
        changes.record(db, changes.SETTINGS, 0)
        audit.append(db, "company.changed", who.id, COMPANY_ENTITY, None,
                     {"fields": diff, "console": console_id, "approval_id": approval.id})
    return load_company_settings(db)


def check_voucher_shop(db: Database, voucher_shop_id: int) -> None:
    """Refuse (WrongShop) a voucher of another shop unless the company allows it."""
    here = shop_of(db)
    if voucher_shop_id == here or load_company_settings(db).vouchers_any_shop:
        return
    issued = db.execute("SELECT name FROM shops WHERE id = ?", [voucher_shop_id]).fetchone()
    raise WrongShop(_("This voucher was issued at {shop} and can be redeemed only there "
                      "(the company redeems vouchers only in the shop that issued them). "
                      "Nothing was changed.").format(
                          shop=str(issued[0]) if issued else voucher_shop_id))
