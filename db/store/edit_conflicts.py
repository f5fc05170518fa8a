"""The error a save typed on an older version gets: who saved since, at which till, when.

Complaints and customer profiles carry a version; `update_complaint` and `update_customer`
refuse a save whose version is no longer the stored one and raise what `conflict` builds.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from db.clock import format_local, from_iso
from db.errors import EditConflict
from db.i18n import _
from db.settings import load_settings


def conflict(db: Database, record_id: int, row: tuple[Any, ...], with_till: str,
             without_till: str, **fields: str) -> EditConflict:
    """`row` is (version, staff name, till, updated_at); `with_till` and `without_till` are
    translated messages with {name}, {till} and {when} (and `fields`), one for a change
    whose till is known and one for a change made before tills had names."""
    version, name, till, at_text = int(row[0]), str(row[1]), str(row[2]), row[3]
    changed_at = from_iso(at_text)
    when = format_local(changed_at, load_settings(db).timezone) if changed_at else "?"
    who = name or _("someone")
    what = (with_till.format(name=who, till=till, when=when, **fields) if till
            else without_till.format(name=who, when=when, **fields))
    message = what + " " + _("Your changes were not saved; what you typed is still there. "
                             "Load their version, or keep yours and save again to replace "
                             "theirs.")
    return EditConflict(message, record_id=record_id, version=version, changed_by=name,
                        till=till, changed_at=changed_at)
