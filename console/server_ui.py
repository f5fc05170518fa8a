"""Wires the "server cannot be reached" banner into the window (PostgreSQL tills).

The banner (`widgets.server_banner`) sits between the header and the pages; the window's
change watcher says when the server was lost and when it is back (its engine's signal
retries in the background). When it is back, every view is told once that anything may
have changed (`data_changed(entity, ANY_ID)` for each kind of record), so the lists that
showed "not available while the server is away" (`widgets.server_away`) fill again, and
the window's status bar says the server is back. `console.cmd_run.watch_other_tills`
calls `install`.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from db.store.changes import ENTITIES
from widgets.data_bus import ANY_ID
from widgets.server_banner import ServerBanner


def _shop_zone(window: Any) -> tzinfo | None:
    try:
        return ZoneInfo(str(window.ctx.settings.timezone))
    except (KeyError, ValueError, AttributeError):
        return None


def install(window: Any, watcher: Any) -> ServerBanner:
    """Put the banner on `window` (as `server_banner`) and connect it to `watcher`."""
    banner = ServerBanner(_shop_zone(window), window)
    window.centralWidget().layout().insertWidget(1, banner)  # below the header
    watcher.server_lost.connect(banner.show_lost)
    watcher.server_back.connect(banner.show_back)
    watcher.server_back.connect(lambda: refresh_after_outage(window))
    window.server_banner = banner
    return banner


def refresh_after_outage(window: Any) -> None:
    """The server is back: every view reads again what it shows (once)."""
    window.status_line.show_message(QCoreApplication.translate(
        "server_ui", "The database server is back. Anything not saved can be saved now."),
        8000)
    for entity in ENTITIES:
        window.ctx.bus.notify(entity, ANY_ID)
