"""Wires backups into the window: the managers' notice on home, the day's backup after start
(of a server database too: its snapshot, as `counterpart backup --db postgresql://...`).

Uses the window's extension points only (`home_view.add_section`, `page_changed`, the
session's `staff_changed`); `install_extras` calls `install`, `run` calls `start_daily`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from db.store import backup
from db.store.location import DatabaseLocation, ServerUrl
from widgets.backup_status import BackupStatusPanel

if TYPE_CHECKING:
    from console.main_window import MainWindow


class BackupUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        from console.cmd_backup import stored_passphrase

        self.window = window
        path: DatabaseLocation | None = backup.database_file(window.ctx.db)
        if getattr(window.ctx.db, "engine", "sqlite") == "postgresql":
            path = ServerUrl(str(getattr(window.ctx.db, "url")))  # noqa: B009 (a snapshot)
        self.panel: BackupStatusPanel | None = None
        if path is None:
            return  # an in-memory database has nothing to back up
        self.panel = BackupStatusPanel(window.ctx, path, passphrase=stored_passphrase)
        window.home_view.add_section(self.tr("Backups"), self.panel, top=True)  # first thing seen
        sections = window.home_view.sections
        title = sections.itemAt(sections.indexOf(self.panel) - 1)
        self._title = title.widget() if title is not None else None
        window.session.staff_changed.connect(self.refresh)
        window.page_changed.connect(lambda key: self.refresh() if key == "home" else None)
        self.panel.backup_finished.connect(lambda _error: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        if self.panel is None:
            return
        self.panel.refresh()
        if self._title is not None:
            self._title.setVisible(self.panel.isVisibleTo(self.window.home_view))


def install(window: MainWindow) -> BackupUi:
    ui = BackupUi(window)
    window.backup_ui = ui  # type: ignore[attr-defined]
    return ui


def start_daily(window: MainWindow) -> None:
    """The first console started each day makes the day's backup, in the background."""
    ui = getattr(window, "backup_ui", None)
    if isinstance(ui, BackupUi) and ui.panel is not None:
        ui.panel.start_backup()
