"""Idle sign-out: after the shop's `idle_sign_out_minutes` without a touch, click or key,
the console signs the person out, so the next one at the counter cannot act in their name.

Whatever they were typing is kept as a draft under their name (the session's `signing_out`
signal fires first, while they are still signed in) and offered back at their next
sign-in. The time counts from the last input anywhere in the application; it is read from
the shop settings at each sign-in. While a modal dialog is open nobody is signed out: the
question it asks is answered first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from console.session import SIGNED_OUT_IDLE, Session

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


class IdleSignOut(QObject):
    """Watches input application-wide and signs the session out when it stops."""

    signed_out_idle = Signal()

    def __init__(self, session: Session, minutes: Callable[[], int],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._minutes = minutes
        self.ms_per_minute = 60_000  # tests shorten the minute instead of waiting
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # one timer: exact is cheap
        self.timer.timeout.connect(self._on_timeout)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        session.staff_changed.connect(self._on_staff_changed)
        self._on_staff_changed()

    def interval_ms(self) -> int:
        """How long the console may stay untouched, read from the shop settings."""
        return max(1, int(self._minutes())) * self.ms_per_minute

    def restart(self) -> None:
        """Someone is using the console: count again from now."""
        if self.session.staff is not None:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def _on_staff_changed(self) -> None:
        if self.session.staff is None:
            self.timer.stop()
        else:
            self.timer.setInterval(self.interval_ms())
            self.timer.start()

    def _on_timeout(self) -> None:
        if self.session.staff is None:
            return
        if QApplication.activeModalWidget() is not None:
            self.timer.start()  # a question is open: let it be answered first
            return
        self.session.sign_out(SIGNED_OUT_IDLE)
        self.signed_out_idle.emit()
