"""The strip a form shows when its save was refused because another till saved first.

The data layer refuses the save (`db.errors.EditConflict`: who, at which till, when, and the
version stored now) and writes nothing; the form keeps everything typed and shows this strip
above its buttons, in place of a message box: what happened, in the shop's time, and the two
ways on, **Load their version** and **Keep mine** (signals; the form does the work).
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from db.errors import EditConflict
from widgets.formats import format_datetime

_PLACEHOLDER = re.compile(r"%(\d)")


class EditConflictBar(QFrame):
    """Hidden until `show_conflict`; `load_theirs` / `keep_mine` when a button is used."""

    load_theirs = Signal()
    keep_mine = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editConflict")
        self.setStyleSheet("#editConflict { border: 2px solid #b00020; border-radius: 6px; "
                           "background: #fdecea; }")
        self._conflict: EditConflict | None = None
        self.message = QLabel(self)
        self.message.setObjectName("editConflictMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8e0000; font-weight: bold;")
        self.load_theirs_button = QPushButton(self.tr("Load their version"), self)
        self.load_theirs_button.setToolTip(self.tr(
            "Replace what is on this form with what is saved now"))
        self.keep_mine_button = QPushButton(self.tr("Keep mine"), self)
        self.keep_mine_button.setToolTip(self.tr(
            "Keep what you typed; the next save replaces their change"))
        for button in (self.load_theirs_button, self.keep_mine_button):
            button.setMinimumHeight(44)
        self.load_theirs_button.clicked.connect(self.load_theirs)
        self.keep_mine_button.clicked.connect(self.keep_mine)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.message, 1)
        row.addWidget(self.load_theirs_button)
        row.addWidget(self.keep_mine_button)
        self.hide()

    def conflict(self) -> EditConflict | None:
        """The refused save waiting for a choice, if any."""
        return self._conflict

    def show_conflict(self, exc: EditConflict, zone: ZoneInfo, *, profile: bool = False
                      ) -> None:
        """Who changed it, at which till and when (shop time, screen format); what typed
        text became. `profile`: a customer's profile rather than a complaint entry."""
        self._conflict = exc
        who = exc.changed_by or self.tr("Someone")
        when = format_datetime(exc.changed_at, zone) if exc.changed_at else "?"
        if profile:
            text = self.tr("%1 changed this profile at till %2 at %3, after you opened it.") \
                if exc.till else self.tr("%1 changed this profile at %3, after you opened it.")
        else:
            text = self.tr("%1 changed this entry at till %2 at %3, after you opened it.") \
                if exc.till else self.tr("%1 changed this entry at %3, after you opened it.")
        values = {"1": who, "2": exc.till, "3": when}
        said = _PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), text)  # one pass: a name
        # holding "%2" stays as typed
        space = "" if said.endswith(("。", "！", "？")) else " "  # Chinese sentences join
        self.message.setText(
            said + space + self.tr("Your changes were not saved; what you typed is still here."))
        self.show()

    def clear(self) -> None:
        self._conflict = None
        self.hide()
