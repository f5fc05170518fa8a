"""This console's till name: asked once per machine, changeable in the settings screen.

The till name is recorded on what the console writes (`db.tills`). The widget only checks
the name (`db.tills.till_problem`: not empty, at most 40 characters, no control characters;
any script and emoji are fine) and emits `till_named(name)`; the console keeps it in this
machine's options and attaches it to the open database.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from db.tills import MAX_TILL, till_problem


class TillNamePanel(QWidget):
    """A name field with its error below and a save button; `first_run` adds a welcome."""

    till_named = Signal(str)

    def __init__(self, *, first_run: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tillNamePanel")
        self.title = QLabel(self.tr("Name this till") if first_run else self.tr("This till"),
                            self)
        self.title.setObjectName("SectionTitle")
        self.intro = QLabel(self.tr(
            "Every till sharing the shop's database has its own name. It is recorded on the "
            "complaints, purchases, authorisations, letters and vouchers written here, and "
            "named when two tills change the same complaint. It belongs to this machine.")
            if first_run else self.tr(
                "Recorded on what this till writes. It is kept on this machine, apart from "
                "the shop settings below, which every till shares."),
            self)
        self.intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("tillName")
        self.name_edit.setMinimumHeight(44)
        self.name_edit.setMaximumWidth(480)
        self.name_edit.setMaxLength(MAX_TILL * 2)  # an over-long paste gets a message
        self.name_edit.setPlaceholderText(self.tr("e.g. Till 1, Bar, Terrace"))
        self.name_edit.setAccessibleName(self.tr("Till name"))
        self.error = QLabel(self)
        self.error.setObjectName("FieldError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.done_label = QLabel(self)
        self.done_label.setObjectName("tillNameSaved")
        self.done_label.setStyleSheet("color: #1b5e20;")
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        self.save_button = QPushButton(
            self.tr("Continue") if first_run else self.tr("Save till name"), self)
        self.save_button.setMinimumHeight(44)
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.name_edit.returnPressed.connect(self.save)
        self.name_edit.textEdited.connect(self._on_edited)

        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.save_button)
        row.addStretch(1)  # the field is at most 480 px wide: the button stays beside it
        layout = QVBoxLayout(self)
        if first_run:
            layout.setContentsMargins(24, 24, 24, 24)
        else:
            layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(QLabel(self.tr("Till name"), self))
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.done_label)
        if first_run:
            layout.addStretch(1)

    def set_name(self, name: str) -> None:
        """Show `name` (the current name, or the suggestion) with no message."""
        self.name_edit.setText(name)
        self.error.hide()
        self.done_label.hide()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.done_label.hide()
        self.name_edit.setFocus()

    def show_saved(self, message: str) -> None:
        self.error.hide()
        self.done_label.setText(message)
        self.done_label.show()

    def save(self) -> None:
        """Check the name; a usable one is emitted, anything else is said below the field
        (what was typed stays)."""
        problem = till_problem(self.name_edit.text())
        if problem is not None:
            self.show_error(problem)
            return
        self.error.hide()
        self.till_named.emit(self.name())

    def _on_edited(self, _text: str) -> None:
        """A message goes as soon as the name is put right."""
        self.done_label.hide()
        if not self.error.isHidden() and till_problem(self.name_edit.text()) is None:
            self.error.hide()
