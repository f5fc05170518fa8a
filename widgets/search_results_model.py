"""The search results list: one row per customer hit, replaced on every keystroke."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from db.models import SearchHit
from widgets.allergen_display import allergen_icon, allergen_text, blank_icon

Index = QModelIndex | QPersistentModelIndex

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""data(index, HIT_ROLE) returns the row's `SearchHit`."""
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class SearchResultsModel(QAbstractListModel):
    """Search hits in rank order. `set_results` is cheap: one reset, no per-row work."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_results(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.set_results([])

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            parts = [hit.name, hit.customer_no]
            if hit.phone:
                parts.append(hit.phone)
            text = "   ·   ".join(parts)
            if hit.has_allergies:  # which ones, in the screen's language, not just "allergies"
                text += "   ⚠ " + allergen_text(hit.allergens, hit.allergies)
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            # the first allergen's icon; an empty one of the same size keeps names aligned
            return allergen_icon(hit.allergens[0]) if hit.allergens else blank_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tr("{name}, tier {tier}. Enter opens the profile.").replace(
                "{name}", hit.name).replace("{tier}", hit.tier)
            if hit.has_allergies:
                tip += "\n⚠ " + allergen_text(hit.allergens, hit.allergies)
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return hit.name
        if role == HIT_ROLE:
            return hit
        if role == CUSTOMER_ID_ROLE:
            return hit.id
        return None
