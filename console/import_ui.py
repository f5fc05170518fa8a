"""Wires the import screen into the main window: "Import" on the rail, for managers only.

Uses the window's extension points only (`add_page`, `show_page`, `add_nav_item`);
`install_extras` calls `install`. Shortcut: Ctrl+Shift+I. Closing the window cancels a
running import (the engine undoes it) and waits for it to stop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from db.errors import UserError
from widgets.errors import show_error
from widgets.import_panel import ImportPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow

PAGE_IMPORT = "import"


class ImportUi(QObject):
    """The import page and the manager's "Import" entry on the navigation rail."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = ImportPanel(window.ctx)
        window.add_page(PAGE_IMPORT, self.panel)
        self.button = window.add_nav_item(
            "import", self.tr("Import"), self.open_import, keys="Ctrl+Shift+I", order=95,
            pages=(PAGE_IMPORT,), manager_only=True)
        window.session.staff_changed.connect(self._on_staff_changed)
        window.installEventFilter(self)  # closing the window cancels a running import

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.panel.stop_and_wait()
        return False

    def open_import(self) -> bool:
        """Show the import page to a manager signed in with a PIN; anyone else is told."""
        if self.window.session.staff is None:
            return False
        try:
            self.window.ctx.require_manager_with_pin()
        except UserError as exc:
            show_error(self.window, exc)
            return False
        self.panel.refresh_settings()
        if not self.panel.is_running():
            self.panel.refresh_waiting()  # another till's import may have been cut short
        self.window.show_page(PAGE_IMPORT)
        self.panel.choose_button.setFocus()
        return True

    def _on_staff_changed(self) -> None:
        # a new person starts clean; a running import finishes (or is cancelled) on its own
        self.panel.reset()


def install(window: MainWindow) -> ImportUi:
    ui = ImportUi(window)
    window.import_ui = ui  # type: ignore[attr-defined]
    return ui
