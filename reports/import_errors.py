"""The errors file of an import: the refused rows as they were, with their line and reason.

MINIMAL STAND-IN (engine branch) for the customer formats helper's module of the same
name and interface (`ImportErrorsFile(path, header, databases)`, `add`, `commit`,
`discard`): take theirs at merge. Written a row at a time to a temporary 0600 file in the
target's folder, renamed into place by `commit`; formula cells neutralised.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType

from db.import_formats import RefusedRow
from reports import csv_cells
from reports.safe_output import FILE_MODE, check_target

LINE_COLUMN = "line"
REASON_COLUMN = "reason"


class ImportErrorsFile:
    def __init__(self, path: str | os.PathLike[str], header: Sequence[str],
                 databases: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.path = Path(path)
        self._databases = list(databases)
        self._real = check_target(self.path, self._databases)
        self.written = 0
        fd, name = tempfile.mkstemp(prefix=f".{self._real.name}.", suffix=".part",
                                    dir=self._real.parent)
        os.fchmod(fd, FILE_MODE)
        self._temp = Path(name)
        self._binary = os.fdopen(fd, "wb")
        self._text = io.TextIOWrapper(self._binary, encoding="utf-8-sig", newline="")
        self._writer = csv_cells.writer(self._text)
        self._done = False
        self._writer.writerow([*header, LINE_COLUMN, REASON_COLUMN])

    def add(self, row: RefusedRow) -> None:
        self._writer.writerow([*row.cells, row.line, "; ".join(row.problems)])
        self.written += 1

    def commit(self) -> Path:
        self._text.flush()
        os.fsync(self._binary.fileno())
        self._text.close()
        check_target(self.path, self._databases)
        os.replace(self._temp, self._real)
        self._done = True
        return self.path

    def discard(self) -> None:
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
