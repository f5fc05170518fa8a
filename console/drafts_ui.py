"""Wires the managers' "Unsaved drafts" list into the home page.

Uses the window's extension points only (`home_view.add_section`, `page_changed`, the
session's `staff_changed`); `install_extras` calls `install`. The list and its title show
only to a manager signed in with their PIN, and only when there is something to look at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from widgets.stale_drafts_panel import StaleDraftsPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow


class DraftsUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = StaleDraftsPanel(window.ctx)
        window.home_view.add_section(self.tr("Unsaved drafts"), self.panel)
        sections = window.home_view.sections
        title = sections.itemAt(sections.indexOf(self.panel) - 1)
        self._title = title.widget() if title is not None else None
        self.panel.discarded.connect(lambda _id: self.refresh())
        window.page_changed.connect(self._on_page_changed)
        window.session.staff_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.panel.refresh()
        shown = self.panel.count() > 0
        self.panel.setVisible(shown)
        if self._title is not None:
            self._title.setVisible(shown)

    def _on_page_changed(self, key: str) -> None:
        if key == "home":
            self.refresh()


def install(window: MainWindow) -> DraftsUi:
    ui = DraftsUi(window)
    window.drafts_ui = ui  # type: ignore[attr-defined]
    return ui
