"""One base for the small read-only tables: a list of rows, columns declared as data.

A model names its columns once, in its `__init__` (title, how a row reads in that column,
alignment, colour, bold), and the base answers Qt's questions (`rowCount`, `columnCount`,
`headerData`, `data`) the same way for every table: the cell's text is also its tooltip, so
text cut off by a narrow column can still be read in full, and `data(index, item_role)`
returns the row's object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header and how a row reads in it."""

    title: str
    text: Callable[[T], str]
    tooltip: Callable[[T], str] | None = None  # None: the cell's text
    align_right: bool = False  # numbers and money (the header too)
    foreground: Callable[[T], QColor | None] | None = None
    bold: Callable[[T], bool] | None = None


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of one kind of object; subclasses set `columns` (and `item_role`) in `__init__`."""

    item_role: int = Qt.ItemDataRole.UserRole  # data(index, item_role) -> the row's object

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self.columns: Sequence[Column[T]] = ()

    # --- the rows ----------------------------------------------------------------------

    def set_rows(self, rows: Iterable[T]) -> None:
        """Replace every row (one model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def item_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- Qt model ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (not index.isValid() or not 0 <= index.row() < len(self._rows)
                or not 0 <= index.column() < len(self.columns)):
            return None
        item = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tooltip or column.text)(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.align_right else None
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(item)
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(item):
            font = QFont()
            font.setBold(True)
            return font
        if role == self.item_role:
            return item
        return None
