"""The backup warning on managers' home, and the day's backup run off the window's thread.

A failed or overdue backup stays on the home page until a backup succeeds: a manager sees
it at the start of every shift. The backup itself runs in a worker thread with its own
SQLite connections, so the counter never waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from db.store import backup
from db.store.location import DatabaseLocation
from widgets.background_job import BackgroundJob
from widgets.context import AppContext


class BackupStatusPanel(QFrame):
    """A red notice for managers while the backups are not in order, with "Back up now"."""

    backup_finished = Signal(str)

    def __init__(self, ctx: AppContext, db_path: DatabaseLocation,
                 parent: QWidget | None = None,
                 passphrase: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(parent)
        self.setObjectName("BackupStatus")
        self.ctx = ctx
        self.db_path = db_path
        self.passphrase = passphrase
        self.message = QLabel()
        self.message.setObjectName("AllergyBanner")  # the style sheet's red banner
        self.message.setWordWrap(True)
        self.back_up_now = QPushButton(self.tr("Back up now"))
        self.back_up_now.setMinimumHeight(44)
        self.back_up_now.clicked.connect(self.start_backup)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.back_up_now)
        self.running = False
        self.refresh()

    def folders(self) -> tuple[Path, Path | None, bool]:
        s = self.ctx.settings
        return backup.folders(self.db_path, s.backup_folder, s.backup_second_folder)

    def health(self) -> backup.BackupHealth:
        return backup.health(self.db_path, self.folders()[0])

    def text_for(self, state: backup.BackupHealth) -> str:
        if state.problem == "failed":
            return self.tr("The last backup failed: {reason} Fix it and tap Back up now.").replace(
                "{reason}", state.detail)
        if state.problem == "none":
            return self.tr("No backup of this shop has been made yet. Tap Back up now.")
        if state.problem == "overdue" and state.last_backup is not None:
            return self.tr("A backup is overdue: the last one is from {when}.").replace(
                "{when}", self._when(state.last_backup))
        return ""

    def _when(self, moment: datetime) -> str:
        from PySide6.QtCore import QDateTime, QLocale, QTimeZone

        stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()),
                                             QTimeZone(self.ctx.settings.timezone.encode()))
        return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)

    def refresh(self) -> None:
        state = self.health()
        self.message.setText(self.text_for(state))
        self.back_up_now.setEnabled(not self.running)
        self.setVisible(self.ctx.manager_with_pin() and not state.ok)

    def start_backup(self) -> None:
        """The day's backup (or a fresh one) in the background; the notice updates after."""
        if self.running:
            return
        primary, second, default = self.folders()
        timezone = self.ctx.settings.timezone

        def call() -> object:
            return backup.daily_backup(self.db_path, primary, second, timezone=timezone,
                                       passphrase=self.passphrase(),
                                       is_default_folder=default)

        self.running = True
        self.back_up_now.setEnabled(False)
        job = BackgroundJob(call)
        job.signals.finished.connect(self._on_backup_finished)
        self._job = job  # keep the signals object alive until it has fired
        QThreadPool.globalInstance().start(job)

    def _on_backup_finished(self, error: str) -> None:
        self.running = False
        self.refresh()
        self.backup_finished.emit(error)
