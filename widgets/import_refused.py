"""Where the window writes refused rows: the errors file of `reports.import_errors`.

The screen asks for a target file, then re-runs the dry run with the writer's `add` as
`refused_sink`, so every refused row (not only the first ones kept in the report) reaches
the file in bounded memory; the writer puts the file in place only when the run finished.
`open_errors_file` is the one place that knows the writer's API.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from db.imports.formats import RefusedRow


class ErrorsFile(Protocol):
    """A file of refused rows being written: `add` each, then `finish` (in place) or
    `discard` (nothing left behind)."""

    def add(self, row: RefusedRow) -> None: ...

    def finish(self) -> None: ...

    def discard(self) -> None: ...


OpenErrorsFile = Callable[[Path, tuple[str, ...], list[Path]], ErrorsFile]
"""(target, the file's header, the database files it must never overwrite) -> ErrorsFile."""


class _ReportsErrorsFile:
    """Adapts `reports.import_errors.ImportErrorsFile` (the streaming writer) to ErrorsFile."""

    def __init__(self, target: Path, header: tuple[str, ...], databases: list[Path]) -> None:
        from reports.import_errors import ImportErrorsFile

        self._writer = ImportErrorsFile(target, header, databases)

    def add(self, row: RefusedRow) -> None:
        self._writer.add(row)

    def finish(self) -> None:
        self._writer.commit()

    def discard(self) -> None:
        self._writer.discard()


def open_errors_file(target: Path, header: tuple[str, ...],
                     databases: list[Path]) -> ErrorsFile:
    """The errors file `reports.import_errors` writes (safe_output's rules)."""
    return _ReportsErrorsFile(target, header, databases)
