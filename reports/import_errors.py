"""The errors file of an import: the refused rows as they were, with their line and reason.

A person opens it in a spreadsheet, fixes the rows and imports it again (the same columns
come back, so the format is recognised again). It is written as the import runs, a row at
a time (memory stays bounded however many rows are refused), with the rules of
`reports.safe_output`: the target is checked first (never the database or one of its
files, a folder, a device or another SQLite file), the rows go to a temporary file with
mode 0600 in the target's folder, and only `commit` renames it into place; a failed or
cancelled import leaves whatever was at the target untouched.

Cells that a spreadsheet would run as a formula (``=HYPERLINK(...)``) get a leading
apostrophe (`reports.csv_cells`); the import strips that apostrophe again, so fixing and
re-importing gives back the original text. The file is UTF-8 with a byte-order mark, which
spreadsheets need to show Chinese names and emoji.

Usage (the command line and the window pass ``errors.add`` as the job's refused_sink)::

    with ImportErrorsFile(path, source.header, database_files(db)) as errors:
        report = import_customers_file(db, path, options, refused_sink=errors.add)
        errors.commit()
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType

from db.i18n import ngettext
from db.imports.formats import RefusedRow
from reports import csv_cells
from reports.safe_output import FILE_MODE, OutputFailed, _fsync_folder, check_target

LINE_COLUMN = "line"
REASON_COLUMN = "reason"


class ImportErrorsFile:
    """A streaming writer of refused rows; `add` one row at a time, then `commit`."""

    def __init__(self, path: str | os.PathLike[str], header: Sequence[str],
                 databases: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.path = Path(path)
        self._databases = list(databases)
        self._real = check_target(self.path, self._databases)
        self.written = 0
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self._real.name}.", suffix=".part",
                                        dir=self._real.parent)
        except OSError as exc:
            raise OutputFailed(self.path, exc.strerror or str(exc)) from exc
        self._temp = Path(name)
        try:
            os.fchmod(fd, FILE_MODE)
            self._binary = os.fdopen(fd, "wb")
        except OSError as exc:
            os.close(fd)
            self._temp.unlink(missing_ok=True)
            raise OutputFailed(self.path, exc.strerror or str(exc)) from exc
        self._text = io.TextIOWrapper(self._binary, encoding="utf-8-sig", newline="")
        self._writer = csv_cells.writer(self._text)
        self._done = False
        self._write([*header, LINE_COLUMN, REASON_COLUMN])

    def _write(self, row: list[object]) -> None:
        try:
            self._writer.writerow(row)
        except OSError as exc:
            self.discard()
            raise OutputFailed(self.path, exc.strerror or str(exc)) from exc

    def add(self, row: RefusedRow) -> None:
        """One refused row: its cells as they were, its line number, every problem."""
        self._write([*row.cells, row.line, "; ".join(row.problems)])
        self.written += 1

    def commit(self) -> Path:
        """Flush to disk, check the target again and rename the file into place."""
        if self._done:
            raise ValueError("the errors file is already closed")
        try:
            self._text.flush()
            os.fsync(self._binary.fileno())
            self._text.close()
            check_target(self.path, self._databases)
            os.replace(self._temp, self._real)
        except OSError as exc:
            self.discard()
            raise OutputFailed(self.path, exc.strerror or str(exc)) from exc
        except BaseException:
            self.discard()
            raise
        self._done = True
        _fsync_folder(self._real.parent)
        return self.path

    def discard(self) -> None:
        """Remove the temporary file; the target stays as it was (safe to call twice)."""
        if self._done:
            return
        self._done = True
        with contextlib.suppress(OSError, ValueError):
            self._text.close()
        with contextlib.suppress(OSError):
            self._temp.unlink(missing_ok=True)

    def __enter__(self) -> ImportErrorsFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.discard()


def describe(written: int, path: Path) -> str:
    """One line for the person: how many refused rows went where."""
    return ngettext(
        "{n} refused row written to {path}, with its line and reason; fix it and import "
        "that file again.",
        "{n} refused rows written to {path}, each with its line and reason; fix them and "
        "import that file again.", written).format(n=written, path=path)


__all__ = ["LINE_COLUMN", "REASON_COLUMN", "ImportErrorsFile", "describe"]
