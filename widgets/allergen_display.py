"""Allergies every staff member can read: the 14 EU allergens with an icon and their name in
the screen's language (a Finnish screen says "maapähkinä" for a customer whose record was
typed as "花生"), then the free text as written.

`AllergenBanner` is the red banner of the profile, purchase entry and complaint form;
`AllergenPicker` the touch-friendly choice of codes plus free text in the customer form;
`allergen_text` the plain list for lists and tooltips.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.customers import allergens

ICON_DIR = Path(__file__).resolve().parent.parent / "assets" / "icons"
MIN_TARGET = 44


def icon_path(code: str) -> Path:
    return ICON_DIR / f"allergen-{code}.svg"


def allergen_icon(code: str) -> QIcon:
    path = icon_path(code)
    return QIcon(str(path)) if path.exists() else QIcon()


_BLANK: list[QIcon] = []


def blank_icon() -> QIcon:
    """A transparent icon: rows without an allergen keep their text where the others do."""
    if not _BLANK:
        pixmap = QPixmap(24, 24)
        pixmap.fill(Qt.GlobalColor.transparent)
        _BLANK.append(QIcon(pixmap))
    return _BLANK[0]


def allergen_names(codes: tuple[str, ...] | list[str],
                   free: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Names in the screen's language, Annex II order, then the free text as typed."""
    ordered = [c for c in allergens.CODES if c in codes]
    return [*allergens.names(ordered), *free]


def allergen_text(codes: tuple[str, ...] | list[str],
                  free: tuple[str, ...] | list[str] = ()) -> str:
    return ", ".join(allergen_names(codes, free))


def allergen_html(codes: tuple[str, ...] | list[str], free: tuple[str, ...] | list[str] = (),
                  icon_size: int = 22) -> str:
    """Rich text: each allergen's icon and name; free text escaped (it came from a person)."""
    parts = []
    for code in (c for c in allergens.CODES if c in codes):
        path = icon_path(code)
        image = (f'<img src="{html.escape(path.as_uri())}" width="{icon_size}" '
                 f'height="{icon_size}" style="vertical-align: middle"> ' if path.exists()
                 else "")
        parts.append(f'<span style="white-space: nowrap">{image}'
                     f"{html.escape(allergens.name(code))}</span>")
    parts.extend(html.escape(text) for text in free)
    return ",&nbsp; ".join(parts)


class AllergenBanner(QLabel):
    """"⚠ Allergies: [icon] maapähkinä, [icon] gluteeni, kiwi" in red; hidden when none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AllergyBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleName(self.tr("Allergies"))
        self.codes: tuple[str, ...] = ()
        self.free: tuple[str, ...] = ()
        self.hide()

    def set_allergies(self, codes: tuple[str, ...] | list[str],
                      free: tuple[str, ...] | list[str] = ()) -> None:
        self.codes = tuple(c for c in allergens.CODES if c in codes)
        self.free = tuple(free)
        if not self.codes and not self.free:
            self.clear()
            self.setToolTip("")
            self.hide()
            return
        label = html.escape(self.tr("⚠ Allergies:"))
        self.setText(f"{label} {allergen_html(self.codes, self.free)}")
        plain = allergen_text(self.codes, self.free)
        self.setToolTip(plain)
        self.setAccessibleDescription(plain)
        self.show()

    def plain_text(self) -> str:
        """What the banner says without markup (tests and screen readers)."""
        return allergen_text(self.codes, self.free)


class AllergenPicker(QWidget):
    """The 14 allergens as large toggle buttons (icon and name) and a free-text field.

    The toggles flow into as many columns (at most `columns`) as the widest name allows at
    the picker's width, so long Finnish names get two or three columns instead of being cut.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, columns: int = 4) -> None:
        super().__init__(parent)
        self.setObjectName("AllergenPicker")
        self.buttons: dict[str, QToolButton] = {}
        self._max_columns = max(1, columns)
        self._columns = 0
        self._grid = grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for code in allergens.CODES:
            button = QToolButton()
            button.setObjectName(f"allergen_{code}")
            button.setCheckable(True)
            button.setIcon(allergen_icon(code))
            button.setIconSize(QSize(24, 24))
            button.setText(allergens.name(code))
            button.setToolTip(allergens.name(code))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setMinimumHeight(MIN_TARGET)
            button.setMinimumWidth(MIN_TARGET)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.toggled.connect(lambda checked, b=button, c=code: self._on_toggled(b, c))
            self.buttons[code] = button
        self._arrange(self._max_columns)
        self.other_edit = QLineEdit()
        self.other_edit.setObjectName("OtherAllergies")
        self.other_edit.setPlaceholderText(
            self.tr("Anything else, comma-separated, e.g. kiwi, lactose"))
        self.other_edit.setAccessibleName(self.tr("Other allergies"))
        self.other_edit.textChanged.connect(lambda _text: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.other_edit)
        self.setFocusProxy(self.buttons[allergens.CODES[0]])

    def _cell_width(self) -> int:
        """The width the widest toggle needs, its tick included (ticked ones are wider)."""
        tick = self.fontMetrics().horizontalAdvance("✓ ")
        return max(button.sizeHint().width() for button in self.buttons.values()) + tick

    def columns_for(self, width: int) -> int:
        spacing = self._grid.spacing()
        fit = (width + spacing) // (self._cell_width() + spacing)
        return max(1, min(self._max_columns, fit))

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons.values():
            self._grid.removeWidget(button)
        for position, button in enumerate(self.buttons.values()):
            self._grid.addWidget(button, position // columns, position % columns)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def column_count(self) -> int:
        return self._columns

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        return QSize(max(MIN_TARGET, self._cell_width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange(self.columns_for(event.size().width()))

    def _on_toggled(self, button: QToolButton, code: str) -> None:
        # a tick as well as the colour: readable without telling red from grey
        button.setText(("✓ " if button.isChecked() else "") + allergens.name(code))
        self.changed.emit()

    def set_allergies(self, codes: tuple[str, ...] | list[str],
                      free: tuple[str, ...] | list[str] = ()) -> None:
        for code, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(code in codes)
            button.setText(("✓ " if code in codes else "") + allergens.name(code))
            button.blockSignals(False)
        self.other_edit.setText(", ".join(free))
        self.changed.emit()

    def codes(self) -> list[str]:
        return [code for code, button in self.buttons.items() if button.isChecked()]

    def free_text(self) -> list[str]:
        return [part.strip() for part in self.other_edit.text().replace(";", ",").split(",")
                if part.strip()]
