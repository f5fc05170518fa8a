"""Who is signed in at this console. Kept in memory only: a restart asks again.

The session also knows whether the person proved who they are with their PIN: the manager
screens need a manager signed in with a PIN (`db.security.sign_in.require_manager_with_pin`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.models import Staff
from db.security.sign_in import SignIn

SIGNED_OUT_BY_HAND = "by_hand"
SIGNED_OUT_IDLE = "idle"


class Session(QObject):
    """The signed-in staff member; `staff_changed` fires on sign-in and sign-out.

    `signing_out(staff, reason)` fires just before a sign-out, while the person is still
    signed in, so screens can keep what they typed (drafts) under their name.
    """

    staff_changed = Signal()
    signing_out = Signal(object, str)  # Staff, SIGNED_OUT_BY_HAND or SIGNED_OUT_IDLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sign_in: SignIn | None = None
        self.last_sign_out_reason = ""

    @property
    def staff(self) -> Staff | None:
        return self._sign_in.staff if self._sign_in is not None else None

    @property
    def with_pin(self) -> bool:
        """True when the person signed in with their PIN (not by tapping their name)."""
        return self._sign_in is not None and self._sign_in.with_pin

    def current(self) -> Staff | None:
        """Accessor handed to widgets through AppContext.current_staff."""
        return self.staff

    def current_sign_in(self) -> SignIn | None:
        """Accessor handed to widgets through AppContext.current_sign_in."""
        return self._sign_in

    def sign_in(self, staff: Staff, *, with_pin: bool = False) -> None:
        previous = self._sign_in
        if previous is not None and previous.staff.id != staff.id:
            self.signing_out.emit(previous.staff, SIGNED_OUT_BY_HAND)
        self._sign_in = SignIn(staff=staff, with_pin=with_pin)
        self.last_sign_out_reason = ""
        self.staff_changed.emit()

    def sign_out(self, reason: str = SIGNED_OUT_BY_HAND) -> None:
        if self._sign_in is not None:
            self.signing_out.emit(self._sign_in.staff, reason)
            self._sign_in = None
            self.last_sign_out_reason = reason
            self.staff_changed.emit()
