"""Staff members and their roles (read-only here).

Staff are added and changed only through `db.security.staff_admin` (a manager's approval, audited);
PIN hashing lives in `db.security.pins`.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from db.errors import NotFound, ValidationError
from db.i18n import _
from db.models import ROLES, Staff
from db.text import forbidden_problem, has_forbidden

_COLUMNS = "id, name, role, limit_minor, active, pin_hash IS NOT NULL"


def _staff(r: Any) -> Staff:
    return Staff(id=r[0], name=r[1], role=r[2], limit_minor=r[3], active=bool(r[4]),
                 has_pin=bool(r[5]))


def list_staff(db: Database, *, active_only: bool = True,
               all_shops: bool = False) -> list[Staff]:
    """The staff of the console's shop (`db.shops.shop_of`), or of every shop."""
    from db.shops import shop_of

    where = ["active = 1"] if active_only else []
    params: list[Any] = []
    if not all_shops:
        where.append("id IN (SELECT staff_id FROM staff_shops WHERE shop_id = ?)")
        params.append(shop_of(db))
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    return [
        _staff(r)
        for r in db.execute(
            f"SELECT {_COLUMNS} FROM staff {clause} ORDER BY name COLLATE NOCASE", params)
    ]


def get_staff(db: Database, staff_id: int) -> Staff:
    r = db.execute(f"SELECT {_COLUMNS} FROM staff WHERE id = ?", [staff_id]).fetchone()
    if r is None:
        raise NotFound(_("There is no staff member with id {id}.").format(id=staff_id))
    return _staff(r)


def validate_staff(name: str, role: str, limit_minor: int) -> None:
    problems: dict[str, str] = {}
    if has_forbidden(name):
        problems["name"] = forbidden_problem()
    elif not name.strip():
        problems["name"] = _("A name is required.")
    elif len(name.strip()) > 100:
        problems["name"] = _("At most {n} characters.").format(n=100)
    if role not in ROLES:
        problems["role"] = _("Role must be staff, supervisor or manager.")
    if limit_minor < 0:
        problems["limit"] = _("A limit cannot be negative.")
    if problems:
        raise ValidationError(problems)
