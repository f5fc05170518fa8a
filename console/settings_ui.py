"""Wires the shop-settings page into the main window: "Settings" on the rail for managers.

Uses the window's extension points only (`add_page`, `show_page`, `add_nav_item`);
`install_extras` calls `install`. Shortcut: Ctrl+Shift+G.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from widgets.settings_panel import SettingsPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow

PAGE_SETTINGS = "settings"


class SettingsUi(QObject):
    """The settings page and its manager-only button on the home page."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = SettingsPanel(window.ctx)
        self.panel.closed.connect(window.go_home)
        window.add_page(PAGE_SETTINGS, self.panel)
        self.button = window.add_nav_item(
            "settings", self.tr("Settings"), self.open_settings, keys="Ctrl+Shift+G",
            order=90, pages=(PAGE_SETTINGS,), manager_only=True)

    def open_settings(self) -> bool:
        """Show the settings page to a manager; anyone else stays where they are."""
        if not self.panel.can_open():
            return False
        self.panel.reload()
        self.window.show_page(PAGE_SETTINGS)
        self.panel.edits["shop_name"].setFocus()
        return True


def install(window: MainWindow) -> SettingsUi:
    ui = SettingsUi(window)
    window.settings_ui = ui  # type: ignore[attr-defined]
    return ui
