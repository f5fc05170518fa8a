"""Wires the shop-settings page into the main window: a "Shop settings" button for managers.

Uses the window's extension points only (`add_page`, `show_page`, `home_view.add_section`,
`page_changed`, the session's `staff_changed`); `install_extras` calls `install`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton

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
        window.add_page(PAGE_SETTINGS, self.panel)
        self.button = QPushButton(self.tr("Shop settings"))
        self.button.setMinimumHeight(44)
        self.button.clicked.connect(self.open_settings)
        window.home_view.add_section(self.tr("Settings"), self.button)
        sections = window.home_view.sections
        title = sections.itemAt(sections.indexOf(self.button) - 1)
        self._title = title.widget() if title is not None else None  # hidden with the button
        window.page_changed.connect(self._on_page_changed)
        window.session.staff_changed.connect(self._update_visibility)
        self._update_visibility()

    def _update_visibility(self) -> None:
        allowed = self.panel.can_open()
        self.button.setVisible(allowed)
        if self._title is not None:
            self._title.setVisible(allowed)

    def _on_page_changed(self, key: str) -> None:
        if key == "home":
            self._update_visibility()

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
