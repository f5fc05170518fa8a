"""One way to show an error: `show_error(parent, exc)` (Anki's show_warning idea).

Known errors (`UserError`) get their own clear message; a `ValidationError` goes to the
form's fields when the parent can show them (`FieldErrorSink`), so what was typed stays on
screen. Anything else is a bug: it is logged with its traceback and shown as such.
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from db.errors import (
    DatabaseError,
    ImportFailed,
    NotFound,
    PermissionDenied,
    UserError,
    ValidationError,
)
from db.store.faults import describe_fault
from widgets.dialogs import current_service

log = logging.getLogger(__name__)


@runtime_checkable
class FieldErrorSink(Protocol):
    """A form that shows validation messages next to its own fields."""

    def show_field_errors(self, fields: dict[str, str]) -> None: ...


def title_for(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return QCoreApplication.translate("show_error", "Please check the form")
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate("show_error", "Not allowed")
    if isinstance(exc, NotFound):
        return QCoreApplication.translate("show_error", "Not found")
    if isinstance(exc, DatabaseError):
        return QCoreApplication.translate("show_error", "Database problem")
    if isinstance(exc, ImportFailed):
        return QCoreApplication.translate("show_error", "Nothing was imported")
    if isinstance(exc, UserError):
        return QCoreApplication.translate("show_error", "Cannot do that")
    return QCoreApplication.translate("show_error", "Something went wrong")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the person what happened and what to do; never lose what they typed."""
    dialogs = current_service()
    if isinstance(exc, ValidationError):
        sink = _find_sink(parent)
        if sink is not None:
            sink.show_field_errors(exc.fields)
            return
        text = "\n".join(exc.fields.values()) or str(exc)
        dialogs.warning(parent, title_for(exc), text)
        return
    if isinstance(exc, UserError):
        dialogs.warning(parent, title_for(exc), str(exc))
        return
    known = describe_fault(exc)  # a full or failing disk: one sentence, not a bug report
    if known is not None:
        dialogs.warning(parent, title_for(known), str(known))
        return
    log.error("unexpected error", exc_info=exc)
    dialogs.critical(
        parent,
        title_for(exc),
        QCoreApplication.translate(
            "show_error",
            "An unexpected error happened and nothing was saved. Please tell the manager: {error}",
        ).replace("{error}", f"{type(exc).__name__}: {exc}"),
    )


def _find_sink(widget: QWidget | None) -> FieldErrorSink | None:
    """The nearest widget (itself or an ancestor) that shows field errors."""
    while widget is not None:
        if isinstance(widget, FieldErrorSink):
            return widget
        widget = widget.parentWidget()
    return None
