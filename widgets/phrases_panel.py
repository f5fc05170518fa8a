"""Phrases that help and phrases to avoid, per language, beside the complaint form.

The texts live in ``assets/phrases/<lang>.json`` (``help`` and ``avoid`` lists) so a shop can
edit them without touching code; the panel starts in the customer's language and staff can
switch language with one tap.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

import assets
from db.models import LANGUAGES

PHRASES_DIR = Path(assets.__file__).resolve().parent / "phrases"

HELP = "help"
AVOID = "avoid"

_Index = QModelIndex | QPersistentModelIndex


@lru_cache(maxsize=8)
def load_phrases(language: str) -> dict[str, Any]:
    """The phrase file of one language; English when the language has none."""
    path = PHRASES_DIR / f"{language}.json"
    if not path.exists():
        path = PHRASES_DIR / "en.json"
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


class PhrasesModel(QAbstractListModel):
    """One list of phrases (help or avoid) in one language."""

    def __init__(self, which: str, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self._which = which
        self._phrases: list[str] = []
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self.beginResetModel()
        self._phrases = [str(p) for p in load_phrases(language).get(self._which, [])]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._phrases)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._phrases):
            return None
        text = self._phrases[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#1b5e20") if self._which == HELP else QColor("#8e0000")
        return None

    def phrases(self) -> list[str]:
        return list(self._phrases)


class _WrappingDelegate(QStyledItemDelegate):
    """Whole phrases, wrapped to the list's width (the style sheet's item rules elide)."""

    PADDING = 4

    def _width(self) -> int:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else 300
        return max(80, width - 2 * self.PADDING - 8)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = option.fontMetrics.boundingRect(
            QRect(0, 0, self._width(), 10_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(self._width(), rect.height() + 2 * self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.save()
        if isinstance(colour, QColor):
            painter.setPen(colour)
        painter.setFont(option.font)
        area = option.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING,
                                    -self.PADDING)
        painter.drawText(area, int(Qt.TextFlag.TextWordWrap), text)
        painter.restore()


class PhrasesPanel(QWidget):
    """A language picker and the two phrase lists."""

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phrasesPanel")
        self.language_box = QComboBox(self)
        self.language_box.setMinimumHeight(44)
        self.language_box.setAccessibleName(self.tr("Language of the phrases"))
        for code in LANGUAGES:
            self.language_box.addItem(str(load_phrases(code).get("name", code)), code)
        self.help_model = PhrasesModel(HELP, language, self)
        self.avoid_model = PhrasesModel(AVOID, language, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.language_box)
        layout.addWidget(self._heading(self.tr("Phrases that help"), "#1b5e20"))
        layout.addWidget(self._list(self.help_model))
        layout.addWidget(self._heading(self.tr("Phrases to avoid"), "#8e0000"))
        layout.addWidget(self._list(self.avoid_model))
        self.set_language(language)
        self.language_box.currentIndexChanged.connect(self._on_language_chosen)

    def _heading(self, text: str, colour: str) -> QLabel:
        label = QLabel(text, self)
        label.setStyleSheet(f"font-weight: bold; color: {colour};")
        return label

    def _list(self, model: PhrasesModel) -> QListView:
        view = QListView(self)
        view.setModel(model)
        view.setItemDelegate(_WrappingDelegate(view))
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setUniformItemSizes(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # a steady width, so the wrapped height measured is the height painted
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        view.setSelectionMode(QListView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only help; Tab skips it
        view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        return view

    def language(self) -> str:
        return str(self.language_box.currentData())

    def set_language(self, language: str) -> None:
        index = self.language_box.findData(language)
        self.language_box.setCurrentIndex(index if index >= 0 else 0)
        self._on_language_chosen()

    def _on_language_chosen(self, _index: int = 0) -> None:
        code = self.language()
        self.help_model.set_language(code)
        self.avoid_model.set_language(code)
