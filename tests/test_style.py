"""The shipped style sheet, as a person sees the buttons it draws."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.app import style_sheet

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

PRIMARY = QColor("#1f6f8b")


def _fill(button: QPushButton) -> QColor:
    """The button's background beside its text (left edge, half-way down)."""
    image = button.grab().toImage()
    return image.pixelColor(6, image.height() // 2)


def test_a_disabled_primary_button_does_not_look_pressable(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    box.setStyleSheet(style_sheet())
    layout = QVBoxLayout(box)
    enabled, disabled, plain = (QPushButton("Import"), QPushButton("Import"),
                                QPushButton("Check"))
    for button in (enabled, disabled):
        button.setProperty("primary", True)
    disabled.setEnabled(False)
    for button in (enabled, disabled, plain):
        layout.addWidget(button)
    box.show()
    qtbot.waitExposed(box)
    assert _fill(enabled) == PRIMARY
    assert _fill(disabled) != PRIMARY
    plain.setEnabled(False)
    assert _fill(disabled) == _fill(plain)  # greyed like any button that cannot be pressed
