"""A large on-screen PIN pad that also takes the keyboard.

The digits typed live only in a private buffer: the display shows one dot per digit, the
accessible name never carries them, nothing is logged, and the buffer is wiped as soon as
`pin_entered` has been emitted. Letters and wrong lengths get an inline message instead of
being sent to the data layer, so a supervisor sees at once what to fix.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from widgets.layout_check import PIN_KEY_PROPERTY
from widgets.text_fit import keep_whole_text

PIN_MIN = 4
PIN_MAX = 12  # db.security.pins.MAX_LENGTH: shops may ask supervisors and managers for longer PINs
DOT = "\u25cf"
KEY_SIZE = 64  # px: every key at least 64 x 64, never squeezed (a thumb, not a pointer)
BUTTON_SIZE = QSize(KEY_SIZE + 8, KEY_SIZE)


class PinPad(QWidget):
    """0-9, backspace, clear and OK; emits `pin_entered(str)` with a 4-12 digit PIN."""

    pin_entered = Signal(str)
    changed = Signal(int)  # the number of digits typed, never the digits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self._digits: list[str] = []
        self._locked = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self._display = QLabel(self)
        self._display.setObjectName("pinDisplay")
        self._display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._display.setMinimumHeight(40)
        font = self._display.font()
        font.setPointSize(max(font.pointSize(), 12) + 8)
        self._display.setFont(font)
        self._display.setAccessibleName(self.tr("PIN"))

        self._message = QLabel(self)
        self._message.setObjectName("pinMessage")
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setStyleSheet("color: #b00020; font-weight: bold;")
        self._message.hide()

        # A numeric keypad: 1-9 in rows, 0 below; backspace, clear and a tall OK on the right.
        grid = QGridLayout()
        grid.setSpacing(6)
        self._grid = grid
        self._digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("123456789"):
            button = self._make_button(digit)
            button.clicked.connect(lambda _checked=False, d=digit: self.add_digit(d))
            self._digit_buttons[digit] = button
            grid.addWidget(button, index // 3, index % 3)
        zero = self._make_button("0")
        zero.clicked.connect(lambda _checked=False: self.add_digit("0"))
        self._digit_buttons["0"] = zero
        grid.addWidget(zero, 3, 0, 1, 3)
        self.backspace_button = self._make_button("\u232b")
        self.backspace_button.setObjectName("pinBackspace")
        self.backspace_button.setAccessibleName(self.tr("Delete last digit"))
        self.backspace_button.setToolTip(self.tr("Delete last digit (Backspace)"))
        self.backspace_button.clicked.connect(self.backspace)
        self.clear_button = self._make_button(self.tr("Clear"))
        self.clear_button.setObjectName("pinClear")
        self.clear_button.setToolTip(self.tr("Clear (Esc)"))
        self.clear_button.clicked.connect(self.clear)
        keep_whole_text(self.clear_button)  # a word, not a digit: "Tyhjennä" is wide
        self.ok_button = self._make_button(self.tr("OK"))
        self.ok_button.setObjectName("pinOk")
        self.ok_button.setToolTip(self.tr("Enter the PIN (Enter)"))
        self.ok_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.ok_button.clicked.connect(self.submit)
        grid.addWidget(self.backspace_button, 0, 3)
        grid.addWidget(self.clear_button, 1, 3)
        grid.addWidget(self.ok_button, 2, 3, 2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._display)
        layout.addWidget(self._message)
        layout.addLayout(grid)
        layout.addStretch(1)
        # The pad takes the room its keys need and no less: a layout that runs short of room
        # must shrink something else (or scroll), never the keys.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Minimum)
        self._refresh()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """As wide as the keys want: a long message wraps instead of widening the pad."""
        hint = super().sizeHint()
        return QSize(self._grid.sizeHint().width(), hint.height())

    def _make_button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumSize(BUTTON_SIZE)
        # Minimum, not Fixed: a fixed key is capped at its size hint, which a style sheet
        # can make lower than the 64 px minimum, and the rows would then overlap.
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        button.setProperty(PIN_KEY_PROPERTY, True)  # the layout checker wants 64 x 64
        # Focus stays on the pad so typed digits always land here, not on a button.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = button.font()
        font.setPointSize(max(font.pointSize(), 12) + 4)
        button.setFont(font)
        return button

    # --- state -------------------------------------------------------------------------

    def digit_count(self) -> int:
        return len(self._digits)

    def display_text(self) -> str:
        """What is on screen: dots only."""
        return self._display.text()

    def message(self) -> str:
        return self._message.text() if not self._message.isHidden() else ""

    def is_locked(self) -> bool:
        return self._locked

    def set_locked(self, locked: bool, message: str = "") -> None:
        """Disable entry (e.g. during a lockout); the message says why and for how long."""
        self._locked = locked
        if locked:
            self._digits.clear()
        for button in (*self._digit_buttons.values(), self.clear_button,
                       self.backspace_button, self.ok_button):
            button.setEnabled(not locked)
        if message:
            self.show_message(message)
        elif not locked:
            self.clear_message()
        self._refresh()

    def show_message(self, text: str) -> None:
        self._message.setText(text)
        self._message.setVisible(bool(text))
        self._fit_message()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_message()

    def _fit_message(self) -> None:
        """Reserve the wrapped message's full height, so the keys below keep theirs: a
        layout's minimum size does not count how tall wrapped text gets."""
        if self._message.isHidden():
            return
        width = max(self.width(), self._grid.sizeHint().width())
        needed = self._message.heightForWidth(width)
        if needed > 0 and needed != self._message.minimumHeight():
            self._message.setMinimumHeight(needed)

    def clear_message(self) -> None:
        self._message.clear()
        self._message.hide()

    # --- editing -----------------------------------------------------------------------

    def add_digit(self, digit: str) -> None:
        if self._locked:
            return
        if len(digit) != 1 or digit not in "0123456789":
            self.show_message(self.tr("A PIN has digits only."))
            return
        if len(self._digits) >= PIN_MAX:
            self.show_message(self.tr("A PIN has at most {n} digits.").replace(
                "{n}", str(PIN_MAX)))
            return
        self._digits.append(digit)
        self.clear_message()
        self._refresh()

    def backspace(self) -> None:
        if self._digits and not self._locked:
            self._digits.pop()
            self.clear_message()
            self._refresh()

    def clear(self) -> None:
        """Wipe the digits and any message."""
        self._digits.clear()
        if not self._locked:
            self.clear_message()
        self._refresh()

    def submit(self) -> None:
        """Emit the PIN when it has a valid length; otherwise say what is wrong."""
        if self._locked:
            return
        if len(self._digits) < PIN_MIN:
            self.show_message(self.tr("A PIN has %1 to %2 digits.")
                              .replace("%1", str(PIN_MIN)).replace("%2", str(PIN_MAX)))
            return
        pin = "".join(self._digits)
        self._digits.clear()
        self._refresh()
        self.clear_message()
        self.pin_entered.emit(pin)

    def _refresh(self) -> None:
        count = len(self._digits)
        self._display.setText(DOT * count if count else "\u2013" * PIN_MIN)
        self._display.setAccessibleDescription(
            self.tr("%n digit(s) entered", "", count))
        self.ok_button.setEnabled(not self._locked)
        self.changed.emit(count)

    # --- keyboard ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        text = event.text()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Backspace:
            self.backspace()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Delete):
            self.clear()
        elif text and text.isdigit() and text.isascii():
            self.add_digit(text)
        elif text and text.isprintable() and not text.isspace():
            if not self._locked:
                self.show_message(self.tr("A PIN has digits only."))
        else:
            super().keyPressEvent(event)


def build_pin_confirm(
    parent: QWidget,
    cancel_text: str,
    on_pin: Callable[[str], None],
    on_cancel: Callable[[], None],
) -> tuple[QWidget, QLabel, PinPad, QPushButton]:
    """The hidden "what is changing + manager's PIN + Cancel" box shared by manager screens.

    The caller passes its own translated Cancel text so each screen keeps its catalogue context.
    """
    box = QWidget(parent)
    label = QLabel(box)
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: bold;")
    pad = PinPad(box)
    pad.pin_entered.connect(on_pin)
    cancel = QPushButton(cancel_text, box)
    cancel.setMinimumHeight(44)
    cancel.clicked.connect(on_cancel)
    layout = QVBoxLayout(box)
    layout.addWidget(label)
    layout.addWidget(pad)
    layout.addWidget(cancel)
    box.hide()
    return box, label, pad, cancel
