"""Buttons that are never narrower than their whole text.

The style sheet gives every button `min-width: 44px` (touch targets); Qt then takes that
as the button's minimum width, so a crowded layout may squeeze a button below its text and
cut it ("Poista rivi", "Tyhjennä"). `keep_whole_text(button, ...)` makes the text's width
(padding included) the minimum again, once the style sheet has been applied (on show) and
whenever the font or language changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton

_EVENTS = (QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.LanguageChange,
           QEvent.Type.StyleChange)


class _WholeText(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if isinstance(watched, QAbstractButton) and event.type() in _EVENTS:
            fit(watched)
        return False


def fit(button: QAbstractButton) -> None:
    """Raise the button's minimum width to what its text needs now."""
    width = button.sizeHint().width()
    if button.minimumWidth() < width:
        button.setMinimumWidth(width)


_FILTER: list[_WholeText] = []


def keep_whole_text(*buttons: QAbstractButton) -> None:
    if not _FILTER:
        _FILTER.append(_WholeText())
    for button in buttons:
        button.installEventFilter(_FILTER[0])
