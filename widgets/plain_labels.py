"""Every label shows its text as typed: "<b>Ann</b>" is a name, not bold "Ann".

A QLabel guesses: text that looks like HTML (`Qt.mightBeRichText`) is rendered as rich text,
so a customer, staff member or till named with markup characters lost them on screen (and
could restyle the label). One application-wide filter, installed at start-up
(`install_plain_labels(app)`), makes each label still on the guessing `AutoText` format
plain text when it is first polished, before it is shown or measured. Labels that do render
markup on purpose (the allergen icons) set `RichText` themselves and escape what they insert.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

_NAME = "counterpartPlainLabels"


class PlainLabels(QObject):
    """The application's event filter; see the module text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(_NAME)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (event.type() == QEvent.Type.Polish and isinstance(watched, QLabel)
                and watched.textFormat() == Qt.TextFormat.AutoText):
            watched.setTextFormat(Qt.TextFormat.PlainText)
        return False


def install_plain_labels(app: QCoreApplication) -> PlainLabels:
    """Install the filter once on the application (a second call returns the first)."""
    existing = app.findChild(PlainLabels, _NAME)
    if isinstance(existing, PlainLabels):
        return existing
    labels = PlainLabels(app)
    app.installEventFilter(labels)
    return labels
