"""What the import screen can import, as a small table: one entry per kind of file.

Each kind names the data API that previews a file and runs the import (dry run or real), and
the fields a column may be mapped to. The screen takes the functions from here, so adding a
kind (or swapping an engine) is one entry, not a change to the screen. Customers come from
`db.import_job`; purchases from `db.purchase_import` when that module is present.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlite_utils import Database

from db.import_formats import CUSTOMER_FIELDS, ImportOptions, RefusedRow
from db.import_job import ImportPreview, ImportProgress, ImportReport
from db.models import ShopSettings
from db.phones import region_from_locale

LANGUAGES = ("en", "fi", "zh-TW", "zh-CN")


class PreviewFile(Protocol):
    def __call__(self, db: Database, path: Path, options: ImportOptions) -> ImportPreview: ...


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
    from db.import_job import import_customers_file, preview_customers

    return ImportKind("customers", preview_customers, import_customers_file, CUSTOMER_FIELDS)


def purchase_kind() -> ImportKind | None:
    """Purchases, when `db.purchase_import` is installed (None otherwise)."""
    try:
        module: Any = importlib.import_module("db.purchase_import")
    except ImportError:
        return None
    fields: Any = getattr(module, "PURCHASE_FIELDS", None)
    if fields is None:
        formats: Any = importlib.import_module("db.import_purchase_formats")
        fields = getattr(formats, "PURCHASE_FIELDS", ())
    return ImportKind("purchases", module.preview_purchases, module.import_purchases_file,
                      tuple(fields))


def available_kinds() -> dict[str, ImportKind]:
    """Customers, then purchases if available: key -> kind."""
    kinds = {"customers": customer_kind()}
    purchases = _safe_purchase_kind()
    if purchases is not None:
        kinds["purchases"] = purchases
    return kinds


def _safe_purchase_kind() -> ImportKind | None:
    try:
        return purchase_kind()
    except (ImportError, AttributeError):
        return None


def shop_language(settings: ShopSettings) -> str:
    """The shop's language, from its locale (fi_FI -> fi, zh_TW -> zh-TW), else English."""
    code = settings.locale.replace("-", "_")
    language, _sep, country = code.partition("_")
    if language == "zh":
        return "zh-CN" if country.upper() in ("CN", "SG") or "Hans" in code else "zh-TW"
    return language if language in LANGUAGES else "en"


def shop_options(settings: ShopSettings, *, mapping: dict[str, str] | None = None,
                 language: str | None = None) -> ImportOptions:
    """Import options from what the person chose and the shop's settings."""
    precision = 0 if settings.currency.upper() in ("JPY", "KRW") else 2
    return ImportOptions(mapping=mapping, language=language,
                         default_language=shop_language(settings),
                         region=region_from_locale(settings.locale),
                         currency_precision=precision, timezone=settings.timezone)
