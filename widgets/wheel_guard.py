"""The mouse wheel and touch scrolling never change a field the person is not working in.

Without this, scrolling a long form with the pointer over a combo box, spin box or date field
silently changes that field (the "Real cause" that changed itself while the form scrolled).
One application-wide event filter, installed once at start-up (`install_wheel_guard(app)`):
a wheel event aimed at a combo box, spin box or date/time field that does not have keyboard
focus is taken away from it and given to the nearest scroll area around it, so the form
scrolls instead. A focused field still takes the wheel, as people expect.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_GUARD_NAME = "counterpartWheelGuard"


def _guarded(widget: QWidget) -> QWidget | None:
    """The combo box or spin box (date fields are spin boxes) this widget belongs to."""
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, (QComboBox, QAbstractSpinBox)):
            return current
        if current.isWindow():
            return None
        current = current.parentWidget()
    return None


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """The application's event filter; see the module text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(_GUARD_NAME)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        field = _guarded(watched)
        if field is None or _has_focus_within(field):
            return False
        area = _scroll_area_around(field)
        if area is not None and isinstance(event, QWheelEvent):
            viewport = area.viewport()
            forwarded = QWheelEvent(
                viewport.mapFromGlobal(event.globalPosition().toPoint()).toPointF(),
                event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                event.buttons(), event.modifiers(), event.phase(), event.inverted(),
                event.source())
            QCoreApplication.sendEvent(viewport, forwarded)
        return True  # the field itself never sees it


def _has_focus_within(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """Install the guard once on the application (a second call returns the first guard)."""
    existing = app.findChild(WheelGuard, _GUARD_NAME)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
