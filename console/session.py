"""Who is signed in at this console. Kept in memory only: a restart asks again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.models import Staff


class Session(QObject):
    """The signed-in staff member; `staff_changed` fires on sign-in and sign-out."""

    staff_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._staff: Staff | None = None

    @property
    def staff(self) -> Staff | None:
        return self._staff

    def current(self) -> Staff | None:
        """Accessor handed to widgets through AppContext.current_staff."""
        return self._staff

    def sign_in(self, staff: Staff) -> None:
        self._staff = staff
        self.staff_changed.emit()

    def sign_out(self) -> None:
        if self._staff is not None:
            self._staff = None
            self.staff_changed.emit()
