"""An injectable dialog service, so no widget opens a real modal box in a test.

Widgets never call `QMessageBox` or `QInputDialog` directly; they ask the service held by
`AppContext.dialogs` (or `current_service()`). Tests install a `FakeDialogService` that
answers from a queue and records what was shown (Picard's `user_dialog_service` idea).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class DialogService:
    """The real dialogs: thin wrappers over QMessageBox, QInputDialog and QFileDialog."""

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def critical(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def question(
        self, parent: QWidget | None, title: str, text: str, *, default_yes: bool = False
    ) -> bool:
        """Yes/No; True for yes. The safe answer is the default button: No, unless
        `default_yes` (e.g. "Restore your unsaved entry?", where Yes loses nothing)."""
        answer = QMessageBox.question(
            parent, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        """A line of text, or None when cancelled."""
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: str, filters: str = ""
    ) -> str | None:
        """A path to save to, or None when cancelled."""
        path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def open_file(
        self, parent: QWidget | None, title: str, folder: str = "", filters: str = ""
    ) -> str | None:
        path, _selected = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return path or None

    def print_setup(self, parent: QWidget | None, printer: Any) -> bool:
        """Let the person choose a printer for `printer` (a QPrinter); False when cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        return bool(dialog.exec() == QPrintDialog.DialogCode.Accepted)


@dataclass
class ShownDialog:
    kind: str
    title: str
    text: str
    default_yes: bool = False  # for a question: which button was preselected


@dataclass
class FakeDialogService(DialogService):
    """For tests: records every dialog and answers from queues instead of blocking.

    `answers` feeds question() (default: yes); `texts` feeds ask_text() (default: None,
    i.e. cancelled); `paths` feeds save_file()/open_file(); `print_accepts` feeds
    print_setup() (default True, the printer object is left as the test configured it).
    """

    shown: list[ShownDialog] = field(default_factory=list)
    answers: deque[bool] = field(default_factory=deque)
    texts: deque[str | None] = field(default_factory=deque)
    paths: deque[str | None] = field(default_factory=deque)
    print_accepts: deque[bool] = field(default_factory=deque)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(ShownDialog("information", title, text))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(ShownDialog("warning", title, text))

    def critical(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(ShownDialog("critical", title, text))

    def question(
        self, parent: QWidget | None, title: str, text: str, *, default_yes: bool = False
    ) -> bool:
        self.shown.append(ShownDialog("question", title, text, default_yes))
        return self.answers.popleft() if self.answers else True

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        self.shown.append(ShownDialog("ask_text", title, label))
        return self.texts.popleft() if self.texts else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: str, filters: str = ""
    ) -> str | None:
        self.shown.append(ShownDialog("save_file", title, suggested))
        return self.paths.popleft() if self.paths else None

    def open_file(
        self, parent: QWidget | None, title: str, folder: str = "", filters: str = ""
    ) -> str | None:
        self.shown.append(ShownDialog("open_file", title, folder))
        return self.paths.popleft() if self.paths else None

    def print_setup(self, parent: QWidget | None, printer: Any) -> bool:
        self.shown.append(ShownDialog("print_setup", "", ""))
        return self.print_accepts.popleft() if self.print_accepts else True

    def texts_of(self, kind: str) -> list[str]:
        """The texts of every dialog of one kind shown so far (for assertions)."""
        return [d.text for d in self.shown if d.kind == kind]


_current: DialogService = DialogService()


def current_service() -> DialogService:
    """The service in use; `AppContext` installs its own when it is created."""
    return _current


def set_current_service(service: DialogService) -> None:
    global _current
    _current = service
