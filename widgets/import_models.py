"""The import screen's two tables: the column mapping (editable) and the rows shown.

`ColumnMappingModel`: one row per column of the file, with the field of ours it goes to (or
none: "not imported") and an example value; the field cell is editable (a combo per row,
`FieldDelegate`) and a change emits `mapping_changed` with the whole mapping.
`ImportRowsModel`: rows of the file as the import sees them: the first rows mapped (a
preview), or the refused rows with every problem of each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from db.imports.formats import RefusedRow
from widgets.table_model import Column, Index, RowTableModel

COLUMN, FIELD, EXAMPLE = range(3)
LINE, PROBLEMS, SUMMARY = range(3)
NOT_IMPORTED = ""
"""The mapping's value for a column that is not imported (ImportOptions.mapping)."""


@dataclass(frozen=True)
class ColumnChoice:
    column: str
    field: str | None
    example: str = ""


class ColumnMappingModel(RowTableModel[ColumnChoice]):
    """Their columns and our fields; the field column is editable (EditRole: the field code,
    '' for "not imported")."""

    mapping_changed = Signal(dict)

    def __init__(self, field_label: Callable[[str | None], str], parent: Any = None) -> None:
        super().__init__(parent)
        self.field_label = field_label
        self.fields: tuple[str, ...] = ()
        self.columns = (
            Column(self.tr("Column"), lambda c: c.column),
            Column(self.tr("Goes to"), lambda c: self.field_label(c.field),
                   tooltip=lambda c: c.field or self.field_label(None),
                   foreground=lambda c: QColor("#6b7379") if c.field is None else None),
            Column(self.tr("Example"), lambda c: c.example),
        )

    def set_fields(self, fields: Sequence[str]) -> None:
        self.fields = tuple(fields)

    def choices(self) -> list[tuple[str, str]]:
        """(label, code) for every field a column may go to, "not imported" first."""
        return [(self.field_label(None), NOT_IMPORTED)] + [
            (self.field_label(f), f) for f in self.fields]

    def mapping(self) -> dict[str, str]:
        """Their column -> our field ('' = not imported), for ImportOptions.mapping."""
        return {c.column: c.field or NOT_IMPORTED for c in self._rows}

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == FIELD:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == FIELD:
            item = self.item_at(index.row())
            return (item.field or NOT_IMPORTED) if item is not None else None
        return super().data(index, role)

    def setData(self, index: Index, value: Any,  # noqa: N802 (Qt override)
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None or index.column() != FIELD or role != Qt.ItemDataRole.EditRole:
            return False
        code = str(value or "")
        if code and code not in self.fields:
            return False
        field = code or None
        if field == item.field:
            return True
        self._rows[index.row()] = replace(item, field=field)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                             Qt.ItemDataRole.EditRole])
        self.mapping_changed.emit(self.mapping())
        return True

    def set_field(self, column: str, field: str | None) -> bool:
        """Map one of their columns (by name) to `field` (None: not imported)."""
        for row, item in enumerate(self._rows):
            if item.column == column:
                return self.setData(self.index(row, FIELD), field or NOT_IMPORTED)
        return False


class FieldDelegate(QStyledItemDelegate):
    """A combo in the "Goes to" cell: our fields, "not imported" first."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("import_field_choice")
        combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keyboard: Enter on the row opens it
        model = index.model()
        choices = model.choices() if isinstance(model, ColumnMappingModel) else []
        for label, code in choices:
            combo.addItem(label, code)
        combo.setAccessibleName(str(model.data(model.index(index.row(), COLUMN))))
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget,  # noqa: N802 (Qt override)
                      index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            code = index.data(Qt.ItemDataRole.EditRole) or NOT_IMPORTED
            editor.setCurrentIndex(max(0, editor.findData(code)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class OneLineDelegate(QStyledItemDelegate):
    """One line with "…" in a view that otherwise wraps (the row as written, beside its
    wrapped problems); the whole text is in the cell's tooltip."""

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.text = option.text.replace("\n", " ")

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), option.fontMetrics.height() + 8)


@dataclass(frozen=True)
class ShownRow:
    """A row of the file as the import sees it: mapped (no problems) or refused."""

    line: int
    summary: str
    """What was read (mapped) or the row as written (refused)."""
    problems: tuple[str, ...] = ()


_SUMMARY_FIELDS = ("name", "phone", "email", "language", "receipt_id", "order_id")


def shown_row(item: object) -> ShownRow:
    """A mapped or refused row (of customers or purchases) for the rows table."""
    if isinstance(item, RefusedRow):
        return ShownRow(item.line, ", ".join(item.cells), tuple(item.problems))
    data = getattr(item, "data", item)
    values = [str(getattr(data, name)) for name in _SUMMARY_FIELDS
              if getattr(data, name, None) not in (None, "")]
    return ShownRow(int(getattr(item, "line", 0)), " · ".join(values))


class ImportRowsModel(RowTableModel[ShownRow]):
    """Line, problems (all of them) and the row; refused rows in red."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        red = QColor("#b00020")
        self.columns = (
            Column(self.tr("Line"), lambda r: str(r.line), align_right=True),
            Column(self.tr("Problems"), lambda r: "\n".join(r.problems) or self.tr("OK"),
                   tooltip=lambda r: "\n".join(r.problems) or self.tr("OK"),
                   foreground=lambda r: red if r.problems else None),
            Column(self.tr("Row"), lambda r: r.summary),
        )

    def set_items(self, items: Sequence[object]) -> None:
        self.set_rows(shown_row(item) for item in items)
