"""Finds what a person at a till would see as broken: overlaps, cut text, small targets.

`check_window(window)` walks every visible widget of a shown window and returns a list of
`Problem`s:

- ``overlap``: two visible widgets placed by the same layout intersect (a layout squeezed
  below its minimum size draws its items on top of each other);
- ``cut_off``: a widget placed by a layout reaches outside its parent (the window is too small
  for it and nothing scrolls);
- ``clipped_text``: a label's or button's text is wider (or, wrapped, taller) than the widget,
  unless the widget elides it and shows it all in a tooltip (`widgets.elided`);
- ``small_target``: something to tap is smaller than 44 x 44 px (PIN pad keys: 64 x 64), and
  rows of a list or table lower than 44 px;
- ``hidden_action``: a screen's main action (passed in by the caller) is not fully visible
  without scrolling.

Each problem carries the widget's object name (or, without one, its class and text) and its
path from the window, so a report says which widget to fix.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

MIN_TARGET = 44
PIN_KEY_MIN = 64
ELIDES_PROPERTY = "elidesText"  # set by widgets.elided: the widget shows "…" and a tooltip
PIN_KEY_PROPERTY = "pinKey"  # set by widgets.pin_pad on each key
SLACK = 1  # px: rounding in font metrics is not a defect


@dataclass(frozen=True)
class Problem:
    kind: str  # overlap | cut_off | clipped_text | small_target | hidden_action
    widget: str  # object name, or class[text] when it has none
    path: str  # from the window down, e.g. "MainWindow/QStackedWidget/complaintForm/..."
    detail: str
    other: str = ""  # the other widget of an overlap
    rect: tuple[int, int, int, int] = (0, 0, 0, 0)  # x, y, w, h in window coordinates

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Walk:
    window: QWidget
    problems: list[Problem] = field(default_factory=list)


def describe(widget: QWidget) -> str:
    """The object name, else the class with its text (enough to find it in the code)."""
    name = widget.objectName()
    if name and not name.startswith("qt_"):
        return name
    text = _text_of(widget)
    cls = type(widget).__name__
    return f"{cls}[{text[:40]}]" if text else cls


def widget_path(widget: QWidget, top: QWidget) -> str:
    parts: list[str] = []
    current: QWidget | None = widget
    while current is not None:
        parts.append(describe(current))
        if current is top:
            break
        current = current.parentWidget()
    return "/".join(reversed(parts))


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def _window_rect(widget: QWidget, window: QWidget) -> QRect:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return QRect(top_left, widget.size())


def visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of the widget actually on screen: clipped by every ancestor (scroll areas)."""
    rect = _window_rect(widget, window)
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(_window_rect(parent, window))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def _is_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own composite widgets (spin box arrows, view headers...)."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit, QTabBar, QScrollBar)):
            return True
        if isinstance(parent, QAbstractItemView) and not _in_viewport_widget(widget, parent):
            return True
        parent = parent.parentWidget()
    return False


def _in_viewport_widget(widget: QWidget, view: QAbstractItemView) -> bool:
    """True for an index widget placed in the view's viewport (a real, tappable widget)."""
    parent = widget.parentWidget()
    return parent is view.viewport() and not isinstance(widget, QScrollBar)


def _layout_children(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        child_widget = item.widget()
        child_layout = item.layout()
        if child_widget is not None:
            found.append(child_widget)
        elif child_layout is not None:
            found.extend(_layout_children(child_layout))
    return found


def _check_scroll_area(walk: _Walk, area: QScrollArea) -> None:
    """Content wider than a scroll area that never scrolls sideways is cut off."""
    content = area.widget()
    if content is None or not content.isVisible():
        return
    if area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return
    room = area.viewport().width()
    if content.width() > room + SLACK:
        walk.problems.append(Problem(
            "cut_off", describe(content), widget_path(content, walk.window),
            f"{content.width()} px wide in a {room} px scroll area that does not scroll "
            "sideways", rect=_tuple(_window_rect(content, walk.window))))


def _check_siblings(walk: _Walk, parent: QWidget) -> None:
    if isinstance(parent, QScrollArea):
        _check_scroll_area(walk, parent)
    layout = parent.layout()
    if layout is None:
        return
    children = [w for w in _layout_children(layout)
                if w.parentWidget() is parent and w.isVisible() and not w.isWindow()]
    rects = [(w, w.geometry()) for w in children if w.width() > 0 and w.height() > 0]
    for i, (first, rect_a) in enumerate(rects):
        for second, rect_b in rects[i + 1:]:
            common = rect_a.intersected(rect_b)
            if common.width() > SLACK and common.height() > SLACK:
                walk.problems.append(Problem(
                    "overlap", describe(first), widget_path(first, walk.window),
                    f"overlaps {describe(second)} by {common.width()}x{common.height()} px",
                    other=describe(second), rect=_tuple(_window_rect(first, walk.window))))
    inner = parent.rect()
    for child, rect in rects:
        if (rect.right() > inner.right() + SLACK or rect.bottom() > inner.bottom() + SLACK
                or rect.left() < inner.left() - SLACK or rect.top() < inner.top() - SLACK):
            walk.problems.append(Problem(
                "cut_off", describe(child), widget_path(child, walk.window),
                f"{rect.width()}x{rect.height()} at {rect.x()},{rect.y()} reaches outside "
                f"{describe(parent)} ({inner.width()}x{inner.height()})",
                rect=_tuple(_window_rect(child, walk.window))))


def button_text_room(button: QAbstractButton) -> int:
    """Width the style leaves for a push button's text (padding and border removed)."""
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    contents = button.style().subElementRect(
        QStyle.SubElement.SE_PushButtonContents, option, button)
    room = contents.width()
    if not button.icon().isNull():
        room -= button.iconSize().width() + 4
    return room


def _check_text(walk: _Walk, widget: QWidget) -> None:
    if bool(widget.property(ELIDES_PROPERTY)):
        return
    text = _text_of(widget)
    if not text.strip():
        return
    if isinstance(widget, QLabel):
        if widget.pixmap() is not None and not widget.pixmap().isNull():
            return
        hint = widget.sizeHint()
        if widget.wordWrap():
            need_h = widget.heightForWidth(widget.width())
            if need_h > widget.height() + SLACK:
                _clipped(walk, widget, f"needs {need_h} px height, has {widget.height()}")
            return
        if hint.width() > widget.width() + SLACK:
            _clipped(walk, widget, f"needs {hint.width()} px, has {widget.width()}")
        elif hint.height() > widget.height() + SLACK:
            _clipped(walk, widget, f"needs {hint.height()} px height, has {widget.height()}")
        return
    if isinstance(widget, QPushButton):
        metrics = widget.fontMetrics()
        need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        room = button_text_room(widget)
        if need > room + SLACK and widget.width() < widget.sizeHint().width():
            _clipped(walk, widget, f"text needs {need} px, has {room}")
        return
    if isinstance(widget, (QCheckBox, QRadioButton, QToolButton)):
        hint = widget.sizeHint()
        if hint.width() > widget.width() + SLACK:
            _clipped(walk, widget, f"needs {hint.width()} px, has {widget.width()}")


def _clipped(walk: _Walk, widget: QWidget, detail: str) -> None:
    walk.problems.append(Problem(
        "clipped_text", describe(widget), widget_path(widget, walk.window), detail,
        rect=_tuple(_window_rect(widget, walk.window))))


def _is_target(widget: QWidget) -> bool:
    return isinstance(widget, (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox))


def _check_target(walk: _Walk, widget: QWidget) -> None:
    if isinstance(widget, QAbstractItemView):
        _check_rows(walk, widget)
        return
    if not _is_target(widget) or not widget.isEnabled() and not widget.property(PIN_KEY_PROPERTY):
        return
    minimum = PIN_KEY_MIN if widget.property(PIN_KEY_PROPERTY) else MIN_TARGET
    if widget.width() < minimum or widget.height() < minimum:
        walk.problems.append(Problem(
            "small_target", describe(widget), widget_path(widget, walk.window),
            f"{widget.width()}x{widget.height()} px, needs {minimum}x{minimum}",
            rect=_tuple(_window_rect(widget, walk.window))))


def _check_rows(walk: _Walk, view: QAbstractItemView) -> None:
    model = view.model()
    if view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection:
        return  # read-only text (phrases): nothing to tap
    root = view.rootIndex()
    if model is None or model.rowCount(root) == 0 or not view.isEnabled():
        return
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model keeps columnCount private
        columns = 1
    column = next((c for c in range(columns) if not _column_hidden(view, c)), 0)
    rect = view.visualRect(model.index(0, column, root))
    height = view.rowHeight(0) if isinstance(view, QTableView) else rect.height()
    if rect.isValid() and height < MIN_TARGET:
        walk.problems.append(Problem(
            "small_target", f"{describe(view)} rows", widget_path(view, walk.window),
            f"rows are {height} px high, need {MIN_TARGET}",
            rect=_tuple(_window_rect(view, walk.window))))


def _column_hidden(view: QAbstractItemView, column: int) -> bool:
    hidden = getattr(view, "isColumnHidden", None)
    return bool(hidden(column)) if callable(hidden) else False


def _tuple(rect: QRect) -> tuple[int, int, int, int]:
    return (rect.x(), rect.y(), rect.width(), rect.height())


def _walk(walk: _Walk, widget: QWidget) -> None:
    for child in widget.findChildren(QWidget, options=_direct()):
        if not child.isVisible() or child.isWindow():
            continue
        if child.objectName() == "qt_scrollarea_viewport":
            _check_siblings(walk, child)
            _walk(walk, child)  # a scroll area's content: checked like any other
            continue
        if _is_internal(child):
            continue
        _check_target(walk, child)
        _check_text(walk, child)
        _check_siblings(walk, child)
        _walk(walk, child)


def _direct() -> Any:
    return Qt.FindChildOption.FindDirectChildrenOnly


def check_window(window: QWidget, main_actions: list[QWidget] | None = None) -> list[Problem]:
    """Every problem visible in `window` right now (it must be shown and laid out)."""
    walk = _Walk(window)
    _check_siblings(walk, window)
    _walk(walk, window)
    for action in main_actions or []:
        shown = visible_rect(action, window)
        full = _window_rect(action, window)
        if not action.isVisible() or shown.size() != full.size():
            walk.problems.append(Problem(
                "hidden_action", describe(action), widget_path(action, window),
                f"main action shows {shown.width()}x{shown.height()} of "
                f"{full.width()}x{full.height()} px without scrolling",
                rect=_tuple(full)))
    return _unique(walk.problems)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, str]] = set()
    kept: list[Problem] = []
    for problem in problems:
        key = (problem.kind, problem.path, problem.other)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept
