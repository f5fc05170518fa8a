"""Wires the end-of-day report screen into the main window, for managers only.

Uses the window's extension points only (`add_page`, `show_page`, `home_view.add_section`,
`page_changed`); `create_window` calls `install`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from widgets.report_panel import ReportPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow

PAGE_REPORT = "report"


class ReportUi(QObject):
    """The report page and the manager's "End-of-day report" button on the home page."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = ReportPanel(window.ctx)
        window.add_page(PAGE_REPORT, self.panel)
        self.button = QPushButton(self.tr("End-of-day &report"))
        self.button.setToolTip(self.tr("Ctrl+Shift+R"))
        self.button.setMinimumHeight(44)
        self.button.clicked.connect(self.open_report)
        window.home_view.add_section(self.tr("Report"), self.button)
        window._shortcut("report", QKeySequence("Ctrl+Shift+R"), self.open_report)
        window.page_changed.connect(self._on_page_changed)
        window.session.staff_changed.connect(self._update_visibility)
        self._update_visibility()

    def _update_visibility(self) -> None:
        self.button.setVisible(self.panel.can_open())

    def _on_page_changed(self, key: str) -> None:
        if key == "home":
            self._update_visibility()

    def open_report(self) -> bool:
        """Show the report page; a non-manager gets a message and stays where they are."""
        if self.window.session.staff is None or not self.panel.open():
            return False
        self.window.show_page(PAGE_REPORT)
        self.panel.generate_button.setFocus()
        return True


def install(window: MainWindow) -> ReportUi:
    ui = ReportUi(window)
    window.report_ui = ui  # type: ignore[attr-defined]
    return ui
