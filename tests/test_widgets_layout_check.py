"""The layout checker finds what a person would see as broken, and nothing else."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from console.app import configure
from widgets.elided import ElidedButton, ElidedLabel
from widgets.layout_check import PIN_KEY_PROPERTY, check_window
from widgets.pin_pad import KEY_SIZE, PinPad

LONG = "Asiakkaan kertoma ongelma ja kaikki mitä siitä pitää tietää"


@pytest.fixture(autouse=True)
def plain_style(qapp: QApplication) -> Iterator[None]:
    """Sizes as set here: the console's style sheet (44 px minimums) is off unless asked."""
    before = qapp.styleSheet()
    qapp.setStyleSheet("")
    yield
    qapp.setStyleSheet(before)


def _window(qtbot: QtBot, width: int, height: int) -> tuple[QWidget, QVBoxLayout]:
    window = QWidget()
    window.setObjectName("testWindow")
    layout = QVBoxLayout(window)
    qtbot.addWidget(window)
    window.setFixedSize(width, height)
    return window, layout


def _show(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)


def test_a_roomy_window_has_no_problems(qtbot: QtBot) -> None:
    window, layout = _window(qtbot, 600, 400)
    ok = QPushButton("OK")
    ok.setObjectName("okButton")
    ok.setMinimumSize(100, 48)
    layout.addWidget(QLabel("Short"))
    layout.addWidget(ok)
    _show(qtbot, window)
    assert check_window(window, [ok]) == []


def test_squeezed_widgets_overlap(qtbot: QtBot) -> None:
    window, layout = _window(qtbot, 300, 120)
    for n in range(4):
        button = QPushButton(f"B{n}")
        button.setObjectName(f"b{n}")
        button.setMinimumSize(60, 60)
        layout.addWidget(button)
    _show(qtbot, window)
    kinds = {(p.kind, p.widget) for p in check_window(window)}
    assert ("overlap", "b0") in kinds


def test_clipped_text_is_found_and_an_elided_label_is_not(qtbot: QtBot) -> None:
    window, layout = _window(qtbot, 220, 200)
    row = QHBoxLayout()
    cut = QLabel(LONG)
    cut.setObjectName("cutLabel")
    cut.setMinimumWidth(10)
    elided = ElidedLabel(LONG)
    elided.setObjectName("elidedLabel")
    row.addWidget(cut)
    layout.addLayout(row)
    layout.addWidget(elided)
    _show(qtbot, window)
    problems = check_window(window)
    assert [p.widget for p in problems if p.kind == "clipped_text"] == ["cutLabel"]
    assert elided.is_elided()
    assert elided.toolTip() == LONG  # the whole text, one hover or long-press away
    assert elided.text() == LONG


def test_an_elided_button_keeps_its_text_in_the_tooltip(qtbot: QtBot) -> None:
    window, layout = _window(qtbot, 160, 100)
    button = ElidedButton(LONG)
    button.setObjectName("longButton")
    layout.addWidget(button)
    _show(qtbot, window)
    assert button.is_elided()
    assert button.toolTip().startswith(LONG)
    assert not [p for p in check_window(window) if p.kind == "clipped_text"]


def test_small_targets_and_pin_keys(qtbot: QtBot) -> None:
    window, layout = _window(qtbot, 400, 300)
    tiny = QPushButton("x")
    tiny.setObjectName("tinyButton")
    tiny.setFixedSize(30, 30)
    key = QPushButton("1")
    key.setObjectName("squeezedKey")
    key.setProperty(PIN_KEY_PROPERTY, True)
    key.setFixedSize(56, 56)  # fine for a button, too small for a PIN key
    normal = QPushButton("Fine")
    normal.setObjectName("fineButton")
    normal.setFixedSize(56, 56)
    for widget in (tiny, key, normal):
        layout.addWidget(widget)
    _show(qtbot, window)
    small = {p.widget for p in check_window(window) if p.kind == "small_target"}
    assert small == {"tinyButton", "squeezedKey"}


def test_a_main_action_out_of_view_is_reported(qtbot: QtBot) -> None:
    window, layout = _window(qtbot, 300, 200)
    holder = QWidget()
    holder.setObjectName("holder")
    holder.setFixedSize(280, 150)
    action = QPushButton("Save", holder)
    action.setObjectName("saveButton")
    action.setGeometry(0, 140, 100, 48)  # half below the window's edge
    layout.addWidget(holder)
    _show(qtbot, window)
    hidden = [p for p in check_window(window, [action]) if p.kind == "hidden_action"]
    assert [p.widget for p in hidden] == ["saveButton"]


def test_pin_keys_are_never_squeezed_even_after_a_wrong_pin(
        qapp: QApplication, qtbot: QtBot) -> None:
    configure(qapp, language="en")  # the real style sheet, which once squeezed the keys
    window, layout = _window(qtbot, 320, 260)  # far too small for the pad
    pad = PinPad()
    layout.addWidget(pad)
    _show(qtbot, window)
    pad.show_message("Wrong PIN. 4 attempts left before PIN entry locks.")
    qtbot.wait(20)
    keys = [b for b in pad.findChildren(QPushButton) if b.property(PIN_KEY_PROPERTY)]
    assert len(keys) == 13
    for key in keys:
        assert key.width() >= KEY_SIZE and key.height() >= KEY_SIZE, key.text()
    rows = sorted({key.y() for key in keys})
    assert all(b - a >= KEY_SIZE for a, b in zip(rows, rows[1:], strict=False))  # no overlap
