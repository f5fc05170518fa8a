"""Forms that never lose what was typed by accident, and errors that go once fixed.

- `UnsavedChanges`: what a page offers the main window so leaving it (the navigation rail,
  a shortcut) asks first when something typed would be thrown away.
- `ChangeTracker`: remembers a form's field values when it was filled; `is_changed()`
  compares what is on screen now (typing a letter and deleting it again is no change).
- `confirm_discard`: the one question, asked through the injectable dialog service.
- `LiveFieldErrors`: a field's error message disappears as soon as the field is corrected
  (the form's own check is run again on every edit while any error is shown).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from widgets.dialogs import DialogService


@runtime_checkable
class UnsavedChanges(Protocol):
    """A page whose typed input would be lost by leaving it."""

    def has_unsaved_changes(self) -> bool: ...

    def discard_unsaved_changes(self) -> None:
        """Forget the edits without asking (the person already said yes)."""


def field_value(widget: QWidget) -> object:
    """What one input holds, comparable with ==."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, (QGroupBox, QAbstractButton)):
        return widget.isChecked()
    return None


class ChangeTracker:
    """Compares a form's inputs (and any extra state) with the values it was filled with."""

    def __init__(self, fields: Callable[[], Iterable[QWidget]],
                 extra: Callable[[], object] | None = None) -> None:
        self._fields = fields
        self._extra = extra
        self._baseline: tuple[object, ...] = ()
        self.mark_clean()

    def _current(self) -> tuple[object, ...]:
        values = tuple(field_value(w) for w in self._fields())
        return (*values, self._extra() if self._extra is not None else None)

    def mark_clean(self) -> None:
        """What is on screen now is the saved (or freshly loaded) state."""
        self._baseline = self._current()

    def is_changed(self) -> bool:
        return self._current() != self._baseline


def confirm_discard(dialogs: DialogService, parent: QWidget | None) -> bool:
    """Ask before throwing typed input away; True when the person agrees (No is default)."""
    return dialogs.question(
        parent,
        QCoreApplication.translate("UnsavedChanges", "Throw away your changes?"),
        QCoreApplication.translate(
            "UnsavedChanges",
            "What you typed on this screen has not been saved. Throw it away?"),
    )


def connect_edits(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call `slot` whenever the person changes `widget` (any common input type)."""
    def call(*_args: object) -> None:
        slot()

    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.textChanged.connect(call)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(call)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(call)
    elif isinstance(widget, (QGroupBox, QAbstractButton)):
        widget.toggled.connect(call)


class LiveFieldErrors:
    """Hides each shown field error as soon as the form's check no longer reports it.

    `check()` returns the current problems by error key (or None when it cannot tell, e.g.
    the database is busy: then nothing changes). Only errors already on screen are touched:
    nothing new appears while the person is still typing.
    """

    def __init__(self, labels: Mapping[str, QLabel],
                 check: Callable[[], Mapping[str, str] | None],
                 on_all_clear: Callable[[], None] | None = None) -> None:
        self._labels = labels
        self._check = check
        self._on_all_clear = on_all_clear

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            connect_edits(widget, self.recheck)

    def shown(self) -> list[str]:
        return [key for key, label in self._labels.items()
                if not label.isHidden() and label.text()]

    def recheck(self) -> None:
        shown = self.shown()
        if not shown:
            return
        problems = self._check()
        if problems is None:
            return
        for key in shown:
            if key not in problems:
                self._labels[key].clear()
                self._labels[key].hide()
        if not self.shown() and self._on_all_clear is not None:
            self._on_all_clear()
