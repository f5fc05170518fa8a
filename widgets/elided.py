"""A label and a button that never cut text silently: "…" where it does not fit, and the
whole text in the tooltip.

Use them where a text may be longer than its room in some language (a Finnish compound, a
long customer name) and wrapping is not wanted. `text()` is always the full text; the
layout checker (`widgets.layout_check`) accepts them because they set `elidesText`.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from widgets.layout_check import ELIDES_PROPERTY


class ElidedLabel(QLabel):
    """One line; shrinks to a few characters with "…", the full text in the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setProperty(ELIDES_PROPERTY, True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        self._full = text
        self._update_shown()
        self.updateGeometry()

    def text(self) -> str:
        return self._full

    def full_text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return super().text() != self._full

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + \
            margins.right() + 2 * self.margin() + 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        dots = self.fontMetrics().horizontalAdvance("…") * 4
        return QSize(min(dots, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._update_shown()

    def _update_shown(self) -> None:
        margins = self.contentsMargins()
        room = self.width() - margins.left() - margins.right() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class ElidedButton(QPushButton):
    """A push button whose text gets "…" when squeezed; the tooltip then shows it all."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._hint = ""
        self.setProperty(ELIDES_PROPERTY, True)
        # may be narrower than its text (a push button's default policy forbids that)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        self._full = text
        super().setText(text)
        self._update_shown()

    def text(self) -> str:
        return self._full

    def full_text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return super().text() != self._full

    def set_hint(self, tooltip: str) -> None:
        """A tooltip shown when the text fits (a shortcut, say); the full text wins when not."""
        self._hint = tooltip
        self._update_shown()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        shown = super().text()
        QPushButton.setText(self, self._full)
        hint = super().sizeHint()
        QPushButton.setText(self, shown)
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = self.sizeHint()
        return QSize(min(hint.width(), 44 + self.fontMetrics().horizontalAdvance("…") * 4),
                     hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._update_shown()

    def _update_shown(self) -> None:
        from widgets.layout_check import button_text_room

        room = button_text_room(self)
        plain = self._full.replace("&&", "\0").replace("&", "").replace("\0", "&")
        if self.fontMetrics().horizontalAdvance(plain) <= room:
            QPushButton.setText(self, self._full)
            self.setToolTip(self._hint)
            return
        shown = self.fontMetrics().elidedText(plain, Qt.TextElideMode.ElideRight, max(room, 0))
        QPushButton.setText(self, shown)
        self.setToolTip(plain + (f" ({self._hint})" if self._hint else ""))
