"""The PIN pad: clicks and keys, masked display, bad lengths and letters."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from widgets.pin_pad import DOT, PIN_MAX, PinPad

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def pad(qtbot: QtBot) -> PinPad:
    widget = PinPad()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_clicking_digits_then_ok_emits_the_pin_and_wipes_it(pad: PinPad, qtbot: QtBot) -> None:
    for digit in "2468":
        qtbot.mouseClick(pad._digit_buttons[digit], Qt.MouseButton.LeftButton)
    assert pad.display_text() == DOT * 4
    with qtbot.waitSignal(pad.pin_entered) as blocker:
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["2468"]
    assert pad.digit_count() == 0
    assert DOT not in pad.display_text()


def test_keyboard_digits_backspace_and_enter(pad: PinPad, qtbot: QtBot) -> None:
    pad.setFocus()
    qtbot.keyClicks(pad, "13579")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.digit_count() == 4
    with qtbot.waitSignal(pad.pin_entered) as blocker:
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert blocker.args == ["1357"]


def test_display_is_masked_and_never_carries_digits(pad: PinPad, qtbot: QtBot,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    qtbot.keyClicks(pad, "918273")
    assert pad.display_text() == DOT * 6
    texts = [pad.display_text(), pad._display.accessibleName(),
             pad._display.accessibleDescription(), pad.message()]
    assert all("918273" not in t and "9" not in t for t in texts)
    assert "918273" not in caplog.text


def test_too_short_pin_gets_an_inline_message_and_no_signal(pad: PinPad, qtbot: QtBot) -> None:
    qtbot.keyClicks(pad, "123")
    with qtbot.assertNotEmitted(pad.pin_entered):
        qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    assert "4 to 12 digits" in pad.message()
    assert pad.digit_count() == 3  # what was typed stays


def test_thirteenth_digit_is_refused_with_a_message(pad: PinPad, qtbot: QtBot) -> None:
    qtbot.keyClicks(pad, "1234567890123")
    assert pad.digit_count() == 12
    assert "12" in pad.message()


def test_letters_are_refused_with_a_message(pad: PinPad, qtbot: QtBot) -> None:
    qtbot.keyClicks(pad, "12a")
    assert pad.digit_count() == 2
    assert pad.message() == "A PIN has digits only."
    qtbot.keyClicks(pad, "3")
    assert pad.message() == ""  # a good digit clears the hint


def test_clear_and_escape_wipe_everything(pad: PinPad, qtbot: QtBot) -> None:
    qtbot.keyClicks(pad, "5555")
    qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert pad.digit_count() == 0
    qtbot.keyClicks(pad, "55")
    qtbot.keyClick(pad, Qt.Key.Key_Escape)
    assert pad.digit_count() == 0


def test_locked_pad_ignores_input_and_shows_why(pad: PinPad, qtbot: QtBot) -> None:
    qtbot.keyClicks(pad, "12")
    pad.set_locked(True, "Locked for 15 minutes.")
    assert pad.digit_count() == 0
    qtbot.keyClicks(pad, "1234")
    with qtbot.assertNotEmitted(pad.pin_entered):
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert pad.digit_count() == 0
    assert not pad.ok_button.isEnabled()
    assert pad.message() == "Locked for 15 minutes."
    pad.set_locked(False)
    qtbot.keyClicks(pad, "1234")
    assert pad.digit_count() == 4


def test_buttons_are_touch_sized(pad: PinPad) -> None:
    for button in (*pad._digit_buttons.values(), pad.ok_button, pad.clear_button):
        assert button.height() >= 44


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=16))
def test_pad_only_ever_emits_four_to_twelve_ascii_digits(pad: PinPad, typed: str) -> None:
    """Whatever is typed, what leaves the pad is a valid PIN or nothing at all."""
    emitted: list[str] = []
    pad.pin_entered.connect(emitted.append)
    try:
        pad.clear()
        for char in typed:
            pad.add_digit(char)
        pad.submit()
    finally:
        pad.pin_entered.disconnect(emitted.append)
    kept = [c for c in typed if c in "0123456789"][:PIN_MAX]
    if len(kept) >= 4:
        assert emitted == ["".join(kept)]
    else:
        assert emitted == [] and pad.message()
    assert pad.digit_count() == (len(kept) if len(kept) < 4 else 0)
