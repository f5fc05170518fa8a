"""Wires the "server cannot be reached" banner into the window (PostgreSQL tills).

The banner (`widgets.server_banner`) sits between the header and the pages; the window's
change watcher says when the server was lost and when it is back (its engine's signal
retries in the background). `console.cmd_run.watch_other_tills` calls `install`.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any
from zoneinfo import ZoneInfo

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
    window.server_banner = banner
    return banner
