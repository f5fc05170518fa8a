"""Changes made at other tills, onto this console's data bus, within a second.

A QTimer asks the engine's change signal (`db.store.changes.signal_for`; on SQLite a `PRAGMA
data_version` on a reading connection of its own, microseconds) every `INTERVAL_MS`
whether another connection committed; only then are the `changes` rows after the last
one seen read and put on the bus as `data_changed(entity, id)`, each pair once per check.
Rows this console's own connection wrote are skipped: its views were told already when the
write was made (`widgets.ops.run_op`), so nothing refreshes twice.

When the database server cannot be reached (PostgreSQL), the signal raises
`ChangesOffline`: the watcher emits `server_lost(when)` once and keeps ticking (the signal
reconnects in the background, never blocking this thread); the first check that works
again emits `server_back()` and puts what was missed on the bus.

A signal with a socket (`fileno()`, PostgreSQL's LISTEN connection) is also watched with a
QSocketNotifier, so a notification is read as soon as it arrives rather than at the next
tick; the timer stays as the fallback (and for SQLite, which has no socket).

It never waits: a locked database is tried again at the next check; a database that can no
longer be read (gone, damaged, closed) stops the watcher quietly (`stopped` says why), and
the console's own reads and writes report the problem where the person is.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from sqlite_utils import Database

from db.store import changes
from widgets.data_bus import ANY_ID, DataBus

log = logging.getLogger(__name__)

INTERVAL_MS = 300
MAX_PAIRS = 200
"""More distinct (entity, id) pairs than this in one check: one "several" per entity."""


class ChangeWatcher(QObject):
    """Polls for other tills' changes and emits them on `bus`; `start()` to begin."""

    stopped = Signal(str)  # the reason, when the database can no longer be read
    changes_seen = Signal(int)  # how many notifications one check put on the bus
    server_lost = Signal(object)  # datetime (UTC) the database server was lost
    server_back = Signal()  # the database server can be reached again

    def __init__(self, db: Database, bus: DataBus, *, interval_ms: int = INTERVAL_MS,
                 signal: changes.ChangeSignal | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.bus = bus
        self._own = changes.origin(db)
        self._signal: changes.ChangeSignal | None = signal
        self._last: int | None = None
        self._offline = False
        self._notifier: QSocketNotifier | None = None
        self._fd: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check_now)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @property
    def offline(self) -> bool:
        """The database server could not be reached at the last check."""
        return self._offline

    @property
    def last_seq(self) -> int | None:
        return self._last

    def start(self) -> None:
        """Begin watching from the newest change now (earlier ones are not replayed)."""
        if self._connect():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._disarm()
        if self._signal is not None:
            self._signal.close()
            self._signal = None

    def check_now(self) -> int:
        """One check; returns how many notifications went onto the bus (0 when none)."""
        if (self._signal is None or self._last is None) and not self._connect():
            return 0
        if self._signal is None or self._last is None:
            return 0  # busy while starting: the next check starts
        try:
            batch = self._signal.fetch(self._last, self._own)
        except changes.ChangesOffline as exc:
            self._disarm()  # its socket is gone
            self._went_offline(exc)
            return 0
        except changes.ChangesBusy:
            return 0  # locked right now: the next check tries again
        except changes.ChangesUnavailable as exc:
            self._give_up(str(exc))
            return 0
        self._came_back()
        self._arm()
        if batch is None:
            return 0
        self._last = batch.last_seq
        pairs = _pairs(batch)
        for entity, entity_id in pairs:
            self.bus.notify(entity, entity_id)
        if pairs:
            self.changes_seen.emit(len(pairs))
        return len(pairs)

    def _connect(self) -> bool:
        """Open the change signal and learn where to start; False if not (yet) possible."""
        try:
            if self._signal is None:
                self._signal = changes.signal_for(self.db)
            if self._last is None:
                self._last = self._signal.latest()
        except changes.ChangesOffline as exc:
            self._went_offline(exc)
            return True  # the timer runs; the signal reconnects in the background
        except changes.ChangesBusy:
            return True  # the timer runs; the next check starts from where things are
        except changes.ChangesUnavailable as exc:
            self._give_up(str(exc))
            return False
        return True

    def _arm(self) -> None:
        """Watch the signal's socket (if it has one, and a new one after a reconnect)."""
        fileno = getattr(self._signal, "fileno", None)
        fd = fileno() if callable(fileno) else None
        if fd == self._fd and (fd is None or self._notifier is not None):
            return
        self._disarm()
        if fd is None or not self._timer.isActive():
            return
        self._fd = fd
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)

    def _disarm(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.activated.disconnect(self._on_readable)
            self._notifier.deleteLater()
            self._notifier = None
        self._fd = None

    def _on_readable(self) -> None:
        self.check_now()

    def _went_offline(self, exc: changes.ChangesOffline) -> None:
        if not self._offline:
            self._offline = True
            log.warning("The database server cannot be reached: %s", exc)
            self.server_lost.emit(exc.since)

    def _came_back(self) -> None:
        if self._offline:
            self._offline = False
            log.info("The database server can be reached again")
            self.server_back.emit()

    def _give_up(self, reason: str) -> None:
        log.warning("Not watching other tills' changes any more: %s", reason)
        self.stop()
        self.stopped.emit(reason)


def _pairs(batch: changes.ChangeBatch) -> list[tuple[str, int]]:
    """The distinct (entity, id) pairs to announce, oldest first; "several" when too many
    or when rows were missed (everything may have changed then)."""
    if batch.missed:
        return [(entity, ANY_ID) for entity in changes.ENTITIES]
    seen: dict[tuple[str, int], None] = {}
    for change in batch.changes:
        seen.setdefault((change.entity, change.entity_id), None)
    if len(seen) <= MAX_PAIRS:
        return list(seen)
    return list(dict.fromkeys((entity, ANY_ID) for entity, _id in seen))
