"""Offers back the drafts this till kept on its own disk (tills on a database server).

The customer form, the purchase entry and the follow-up close form keep what is typed in a
file on this till (`widgets.local_draft_keeper`) while the database server may be away. If
the console stopped before it was saved (a crash, a power cut, closed while the server was
away), the same person's next sign-in on this till asks whether to put it back on screen:
yes opens the form with it (and the entry's key, so a save that did reach the server before
the crash is recognised, not written twice); no throws it away (their own answer). One
draft is offered per sign-in, and none while the screen already holds unsaved typing (the
complaint form's own draft may have been restored just before). `install_extras` calls
`install`; nothing is installed when the database is a file (`ctx.draft_dir` is None).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from console.service_ui import PAGE_FOLLOW_UPS
from db.customers.records import get_customer
from db.errors import UserError
from db.service.models import Draft
from widgets.formats import format_datetime
from widgets.local_draft_keeper import LocalDraftKeeper
from widgets.server_away import show_read_error

if TYPE_CHECKING:
    from console.main_window import MainWindow


class LocalDraftsUi(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.session.staff_changed.connect(self.offer)
        window.session.signing_out.connect(lambda _staff, _reason: self.release())

    def _keepers(self) -> list[LocalDraftKeeper]:
        keepers = [self.window.customer_form.local_draft, self.window.purchase_entry.local_draft]
        service = getattr(self.window, "service_ui", None)
        if service is not None:
            keepers.append(service.follow_ups.close_form.local_draft)
        return keepers

    def release(self) -> None:
        """Signing out: what each form holds stays its typist's draft."""
        for keeper in self._keepers():
            keeper.release()

    def offer(self) -> None:
        """After a sign-in: the first of this person's drafts on this till, if any."""
        window = self.window
        if window.session.staff is None or window.ctx.draft_dir is None:
            return
        page = window.stack.currentWidget()
        guard = getattr(getattr(page, "unsaved_changes", page), "has_unsaved_changes", None)
        if callable(guard) and guard():
            return  # something is being typed already (a restored complaint)
        for keeper in self._keepers():
            draft = keeper.pending()
            if draft is None:
                continue
            try:
                if self._ask(keeper, draft):
                    self._restore(keeper, draft)
                else:
                    keeper.adopt(draft)
                    keeper.clear()
            except UserError as exc:  # the server went away again: it stays for next time
                show_read_error(window, exc)
            return

    def _ask(self, keeper: LocalDraftKeeper, draft: Draft) -> bool:
        window = self.window
        when = format_datetime(draft.updated_at, _zone(window))
        customer_id = draft.payload.get("customer_id")
        who = ""
        if isinstance(customer_id, int):
            who = get_customer(window.ctx.db, customer_id).name
        if keeper is window.purchase_entry.local_draft:
            text = self.tr("An order for %1 typed at %2 was not saved. Restore it?")
        elif keeper is window.customer_form.local_draft:
            text = self.tr("Changes to %1 typed at %2 were not saved. Restore them?") if who \
                else self.tr("A new customer typed at %2 was not saved. Restore it?")
        else:
            text = self.tr("A follow-up closing typed at %2 was not saved. Restore it?")
        return window.ctx.dialogs.question(
            window, self.tr("Unsaved entry"),
            text.replace("%1", who).replace("%2", when), default_yes=True)

    def _restore(self, keeper: LocalDraftKeeper, draft: Draft) -> None:
        window = self.window
        if keeper is window.customer_form.local_draft:
            window.customer_form.restore_draft(draft)
            window.show_page("customer_form")
        elif keeper is window.purchase_entry.local_draft:
            window.purchase_entry.restore_draft(draft)
            window.show_page("purchase")
        else:
            service = getattr(window, "service_ui", None)
            if service is not None and service.follow_ups.restore_draft(draft):
                window.show_page(PAGE_FOLLOW_UPS)


def _zone(window: Any) -> ZoneInfo | None:
    try:
        return ZoneInfo(str(window.ctx.settings.timezone))
    except (KeyError, ValueError):
        return None


def install(window: MainWindow) -> LocalDraftsUi | None:
    if window.ctx.draft_dir is None:
        return None
    ui = LocalDraftsUi(window)
    window.local_drafts_ui = ui  # type: ignore[attr-defined]
    return ui
