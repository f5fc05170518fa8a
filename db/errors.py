"""Named exceptions of the data layer.

`UserError` and its subclasses are *known* errors: the message says what happened and
what to do, and the UI shows it next to what the person typed. Anything else is a bug and
goes to the crash dialog.
"""

from __future__ import annotations

from datetime import datetime

from db.i18n import ngettext


class UserError(Exception):
    """An error the person at the counter can act on."""


class ValidationError(UserError):
    """Input that cannot be saved; `fields` maps a field name to its message."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.fields.items()))


class NotFound(UserError):
    """An id that names nothing (an unknown customer, complaint, voucher...)."""


class EditConflict(UserError):
    """Someone saved the same record after this console loaded it, so this save was refused
    (nothing written). `changed_by` (staff name, "" when unknown), `till` ("" when unknown)
    and `changed_at` (UTC) say who, where and when; `version` is the stored version now:
    saving again with it overwrites their change knowingly."""

    def __init__(self, message: str, *, record_id: int, version: int, changed_by: str,
                 till: str, changed_at: datetime | None) -> None:
        super().__init__(message)
        self.record_id = record_id
        self.version = version
        self.changed_by = changed_by
        self.till = till
        self.changed_at = changed_at


class PermissionDenied(UserError):
    """The acting staff member's role or limit does not allow this."""


class DatabaseError(UserError):
    """The database file cannot be used as it is."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer Counterpart; refusing protects it."""


class ServerUnavailable(DatabaseError):
    """The PostgreSQL server cannot be reached; nothing was saved, try again when it is back."""


class DatabaseLocked(DatabaseError):
    """Another console holds a write lock longer than the busy timeout."""


class DatabaseReadOnly(DatabaseError):
    """The file or its folder cannot be written."""


class DatabaseCorrupt(DatabaseError):
    """The file is not a SQLite database or fails its integrity check."""


class NotCounterpartDatabase(DatabaseError):
    """A SQLite database of another program: refused and left exactly as it was."""


class SchemaRecordMissing(DatabaseError):
    """Counterpart's tables are there but the record of its schema version is not."""


class DiskFull(DatabaseError):
    """The disk (or the file system holding the database or an output file) is full."""


class DiskIOError(DatabaseError):
    """The operating system reported an input/output error reading or writing a file."""


class ImportFailed(UserError):
    """A CSV file had bad rows; nothing was imported. `problems` lists (line, reason)."""

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = list(problems)
        shown = "\n".join(f"line {line}: {reason}" for line, reason in self.problems[:50])
        more = len(self.problems) - 50
        rows = len({line for line, _ in self.problems})
        tail = f"\n... and {more} more" if more > 0 else ""
        super().__init__(
            ngettext("{n} bad row; nothing was imported.",
                     "{n} bad rows; nothing was imported.", rows).format(n=rows)
            + f"\n{shown}{tail}"
        )
