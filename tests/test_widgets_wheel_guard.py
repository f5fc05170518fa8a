"""The mouse wheel over an unfocused combo box, spin box or date field scrolls the form."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from console.app import configure
from widgets.wheel_guard import WheelGuard, install_wheel_guard


def _wheel(widget: QWidget, steps: int = -1) -> None:
    """One wheel notch (down for negative steps) over the middle of `widget`."""
    local = QPointF(widget.width() / 2, widget.height() / 2)
    global_pos = QPointF(widget.mapToGlobal(local.toPoint()))
    event = QWheelEvent(local, global_pos, QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _long_form(qtbot: QtBot) -> tuple[QScrollArea, QComboBox, QSpinBox, QDateEdit, QLineEdit]:
    body = QWidget()
    column = QVBoxLayout(body)
    combo = QComboBox()
    combo.addItems(["Not known yet", "Product or food quality", "Staff attitude", "Training"])
    spin = QSpinBox()
    spin.setRange(0, 100)
    spin.setValue(50)
    day = QDateEdit()
    day.setDate(QDate(2026, 11, 23))
    other = QLineEdit()
    for widget in (combo, spin, day, other):
        column.addWidget(widget)
        column.addSpacing(400)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(body)
    area.resize(400, 300)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area, combo, spin, day, other


def test_the_wheel_scrolls_the_form_not_the_fields(qapp: QApplication, qtbot: QtBot) -> None:
    configure(qapp, language="en")  # installs the guard, as the running console does
    area, combo, spin, day, other = _long_form(qtbot)
    other.setFocus()
    bar = area.verticalScrollBar()
    assert bar.value() == 0
    for field in (combo, spin, day):
        before = bar.value()
        _wheel(field)
        assert bar.value() > before, f"the form did not scroll over {type(field).__name__}"
    assert combo.currentIndex() == 0
    assert spin.value() == 50
    assert day.date() == QDate(2026, 11, 23)


def test_a_focused_field_still_takes_the_wheel(qapp: QApplication, qtbot: QtBot) -> None:
    configure(qapp, language="en")
    area, combo, spin, _day, _other = _long_form(qtbot)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    _wheel(spin, steps=1)
    assert spin.value() == 51
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo)
    assert combo.currentIndex() == 1


def test_the_guard_is_installed_once(qapp: QApplication) -> None:
    first = install_wheel_guard(qapp)
    configure(qapp, language="en")
    assert install_wheel_guard(qapp) is first
    assert len(qapp.findChildren(WheelGuard)) == 1
