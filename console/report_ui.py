"""Wires the end-of-day report screen into the main window, for managers only.

Uses the window's extension points only (`add_page`, `show_page`, `add_nav_item`: "Report"
on the rail, Ctrl+Shift+R); `create_window` calls `install`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from widgets.report_panel import ReportPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow

PAGE_REPORT = "report"


class ReportUi(QObject):
    """The report page and the manager's "Report" entry on the navigation rail."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = ReportPanel(window.ctx)
        window.add_page(PAGE_REPORT, self.panel)
        self.button = window.add_nav_item(
            "report", self.tr("Report"), self.open_report, keys="Ctrl+Shift+R", order=70,
            pages=(PAGE_REPORT,), manager_only=True)

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
