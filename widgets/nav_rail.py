"""The navigation rail: the counter's main places one tap (or one shortcut) away.

A column of large buttons on the left of every page once someone is signed in. Each area
adds its own entries (`add_item`) in a fixed order; an entry marked `manager_only` is shown
only while a manager is signed in. The entry for the page on screen is highlighted
(`set_current_page`); a count can be shown on an entry (`set_badge`, e.g. follow-ups due).
Text wraps onto a second line rather than being cut, and the rail is as wide as its longest
word needs (within limits), so Finnish and Chinese labels fit alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from db.models import Staff

ITEM_HEIGHT = 52  # px: comfortably above the 44 px touch minimum
MIN_WIDTH = 104
MAX_WIDTH = 168
_PADDING = 12  # px left and right inside a button

_STYLE = """
#NavRail { background: #e4e8eb; border-right: 1px solid #c4c9ce; }
#NavRail QPushButton { padding: 0px; border-radius: 8px; text-align: center; }
#NavRail QPushButton:checked { background: #1f6f8b; border-color: #1f6f8b; }
"""
_LABEL = "color: #1d2328; background: transparent;"
_LABEL_CHECKED = "color: #ffffff; font-weight: bold; background: transparent;"


class RailButton(QPushButton):
    """A tall checkable button whose text wraps (a QLabel inside) instead of being cut.

    The button keeps its text (`text()`, accessibility, tests) but paints only its frame;
    the label inside paints the text, wrapped onto a second line where needed.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setAutoExclusive(False)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = self.label.font()  # a little smaller than the page text: the rail stays narrow
        if font.pointSize() > 0:
            font.setPointSize(max(10, font.pointSize() - 3))
            self.label.setFont(font)
        # placed by resizeEvent, not a layout: the rail's layout must ask this button (not
        # an inner layout) how tall it wants to be
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._base = text
        self._badge = ""
        self._shortcut = ""
        self.toggled.connect(self._on_toggled)
        self._on_toggled(False)
        self._refresh()

    def _on_toggled(self, checked: bool) -> None:
        self.label.setStyleSheet(_LABEL_CHECKED if checked else _LABEL)

    def caption(self) -> str:
        """What the button says (its label), badge included."""
        return self.label.text()

    def set_caption(self, text: str) -> None:
        self._base = text
        self._refresh()

    def set_badge(self, badge: str) -> None:
        self._badge = badge
        self._refresh()

    def set_shortcut_text(self, keys: str) -> None:
        self._shortcut = keys
        self._refresh()

    def _refresh(self) -> None:
        text = f"{self._base} ({self._badge})" if self._badge else self._base
        self.label.setText(text)
        self.setText(text)
        self.setProperty("elidesText", True)  # the whole text is shown by the label
        self.setAccessibleName(text)
        self.setToolTip(f"{text}  [{self._shortcut}]" if self._shortcut else text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = max(MIN_WIDTH, self.width())
        inner = max(1, width - _PADDING)
        height = self.label.heightForWidth(inner) + 8
        return QSize(width, max(ITEM_HEIGHT, height))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(MIN_WIDTH, ITEM_HEIGHT)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return max(ITEM_HEIGHT, self.label.heightForWidth(max(1, width - _PADDING)) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""  # the label draws the text
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.label.setGeometry(self.rect().adjusted(_PADDING // 2, 4, -(_PADDING // 2), -4))

    def longest_word_width(self) -> int:
        font = self.label.font()
        font.setBold(True)  # the highlighted entry is bold: the width must not jump
        metrics = QFontMetrics(font)
        words = self.label.text().split() or [""]
        return max(metrics.horizontalAdvance(word) for word in words)


@dataclass
class NavItem:
    key: str
    button: RailButton
    order: int
    pages: tuple[str, ...] = ()
    manager_only: bool = False
    on_activate: Callable[[], object] | None = field(default=None, repr=False)


class NavRail(QWidget):
    """The column of navigation buttons; the window decides what each one does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavRail")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.items: dict[str, NavItem] = {}
        self._staff: Staff | None = None
        # Manager-only entries: the window makes this "a manager signed in with a PIN".
        self.manager_allowed: Callable[[Staff], bool] = lambda staff: staff.role == "manager"
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.setSpacing(4)  # nine entries fit the 1024x700 minimum window
        self._layout.addStretch(1)
        self.setAccessibleName(self.tr("Navigation"))
        self._fit_width()

    def add_item(self, key: str, text: str, on_activate: Callable[[], object], *,
                 order: int, pages: tuple[str, ...] = (), manager_only: bool = False,
                 shortcut_text: str = "") -> RailButton:
        """A button placed by `order` (lower first); `pages` are the pages it highlights on."""
        if key in self.items:
            raise ValueError(f"navigation item {key!r} exists")
        button = RailButton(text, self)
        button.setObjectName(f"nav_{key}")
        button.set_shortcut_text(shortcut_text)
        button.clicked.connect(lambda _checked=False: self._activate(key))
        item = NavItem(key, button, order, pages, manager_only, on_activate)
        self.items[key] = item
        position = sum(1 for other in self.items.values() if other.order <= order) - 1
        self._layout.insertWidget(position, button)
        self._apply_visibility(item)
        self._fit_width()
        return button

    def button(self, key: str) -> RailButton:
        return self.items[key].button

    def _activate(self, key: str) -> None:
        item = self.items[key]
        # a click toggles the check state; the highlight follows the page actually shown
        item.button.setChecked(not item.button.isChecked())
        if self.allows(key) and item.on_activate is not None:
            item.on_activate()

    def allows(self, key: str) -> bool:
        """Whether the signed-in person may use this entry now."""
        item = self.items.get(key)
        if item is None or self._staff is None:
            return False
        return not item.manager_only or self.manager_allowed(self._staff)

    def set_staff(self, staff: Staff | None) -> None:
        self._staff = staff
        for item in self.items.values():
            self._apply_visibility(item)
        self.setVisible(staff is not None)

    def _apply_visibility(self, item: NavItem) -> None:
        item.button.setVisible(self.allows(item.key))

    def set_current_page(self, page: str) -> None:
        for item in self.items.values():
            item.button.setChecked(page in item.pages)

    def set_badge(self, key: str, count: int) -> None:
        item = self.items.get(key)
        if item is not None:
            item.button.set_badge(str(count) if count > 0 else "")
            self._fit_width()

    def visible_keys(self) -> list[str]:
        ordered = sorted(self.items.values(), key=lambda i: i.order)
        return [i.key for i in ordered if not i.button.isHidden()]

    def _fit_width(self) -> None:
        margins = self._layout.contentsMargins()
        longest = max((i.button.longest_word_width() for i in self.items.values()), default=0)
        wanted = longest + _PADDING + 8 + margins.left() + margins.right()
        self.setFixedWidth(max(MIN_WIDTH, min(MAX_WIDTH, wanted)))
