"""What the import screen can import, as a small table: one entry per kind of file.

Each kind names the data API that previews a file and runs the import (dry run or real), and
the fields a column may be mapped to. The screen takes the functions from here, so adding a
kind (or swapping an engine) is one entry, not a change to the screen. Customers come from
`db.imports.job`; purchases from `db.imports.purchases`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database

from db.imports.formats import CUSTOMER_FIELDS, ImportOptions, RefusedRow
from db.imports.job import ImportPreview, ImportProgress, ImportReport


class PreviewFile(Protocol):
    def __call__(self, db: Database, path: Path,
                 options: ImportOptions) -> ImportPreview[Any]: ...


class ImportFile(Protocol):
    def __call__(
        self, db: Database, path: Path, options: ImportOptions, *, dry_run: bool = ...,
        progress: Callable[[ImportProgress], None] | None = ...,
        cancelled: Callable[[], bool] | None = ...,
        refused_sink: Callable[[RefusedRow], None] | None = ...,
    ) -> ImportReport: ...


@dataclass(frozen=True)
class ImportKind:
    key: str
    """'customers' or 'purchases' (ImportReport.kind)."""
    preview: PreviewFile
    run: ImportFile
    fields: tuple[str, ...]
    """Our fields a column may be mapped to."""


def customer_kind() -> ImportKind:
    from db.imports.job import import_customers_file, preview_customers

    return ImportKind("customers", preview_customers, import_customers_file, CUSTOMER_FIELDS)


def purchase_kind() -> ImportKind:
    from db.imports.purchase_formats import PURCHASE_FIELDS
    from db.imports.purchases import import_purchases_file, preview_purchases

    return ImportKind("purchases", preview_purchases, import_purchases_file, PURCHASE_FIELDS)


def available_kinds() -> dict[str, ImportKind]:
    """Customers, then purchases: key -> kind."""
    return {"customers": customer_kind(), "purchases": purchase_kind()}
