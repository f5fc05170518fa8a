"""A form's draft on this till's own disk while it is typed (tills on a database server).

The complaint form keeps its drafts in the database and, on a server, also on this till's
disk. The customer form, the purchase entry and the follow-up close form keep theirs on
this till's disk only, through this keeper (`db.service.local_drafts`): the file is written a
moment after each edit and again just before every save is tried, so a crash while the
server is away (when a save cannot get through) loses nothing; it is removed when the save
succeeds or the person throws the entry away. At the next sign-in of the same person the
window offers it back (`console.local_drafts_ui`).

Nothing happens when `ctx.draft_dir` is None (a SQLite till: its database is on its own
disk, and a save either works or says why at once).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from db.service.local_drafts import clear_local, load_local, save_local
from db.service.models import Draft
from widgets.context import AppContext

log = logging.getLogger(__name__)

DEBOUNCE_MS = 800

CUSTOMER_FORM = "customer-form"
PURCHASE_ENTRY = "purchase-entry"
FOLLOW_UP_CLOSE = "follow-up-close"


class LocalDraftKeeper(QObject):
    """Keeps `payload()` (None: nothing worth keeping) as the owner's draft of `form`."""

    def __init__(self, ctx: AppContext, form: str, payload: Callable[[], dict[str, Any] | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.form = form
        self._payload = payload
        self._owner_id: int | None = None  # who typed it (fixed at their first edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.save_now)

    @property
    def enabled(self) -> bool:
        return self.ctx.draft_dir is not None

    def _owner(self) -> int | None:
        if self._owner_id is None:
            who = self.ctx.staff()
            self._owner_id = who.id if who is not None else None
        return self._owner_id

    def touch(self) -> None:
        """Something was typed: write the draft a moment later (one write per burst)."""
        if self.enabled and self._owner() is not None:
            self._timer.start()

    def save_now(self) -> None:
        """Write the draft now (before a save is tried; on sign-out); never raises."""
        self._timer.stop()
        folder = self.ctx.draft_dir
        owner = self._owner()
        if folder is None or owner is None:
            return
        payload = self._payload()
        try:
            if payload is None:
                clear_local(folder, owner, self.form)
            else:
                save_local(folder, owner, self.form, payload, console_id=self.ctx.console_id)
        except OSError as exc:  # a full or failing disk: the form itself still holds it
            log.warning("could not keep the %s draft on this till: %s", self.form, exc)

    def clear(self) -> None:
        """Saved or thrown away: no draft any more; the next entry starts afresh."""
        self._timer.stop()
        folder = self.ctx.draft_dir
        if folder is not None and self._owner_id is not None:
            with contextlib.suppress(OSError):
                clear_local(folder, self._owner_id, self.form)
        self._owner_id = None

    def release(self) -> None:
        """The typist signs out: keep what they typed under their name, then let go."""
        if self._timer.isActive():
            self.save_now()
        self._owner_id = None

    def pending(self) -> Draft | None:
        """The signed-in person's own draft of this form on this till, if any."""
        folder = self.ctx.draft_dir
        who = self.ctx.staff()
        if folder is None or who is None:
            return None
        return load_local(folder, who.id, self.form)

    def adopt(self, draft: Draft) -> None:
        """The draft is back on screen: further edits and its clearing are its owner's."""
        self._owner_id = draft.owner_id
