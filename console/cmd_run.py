"""`counterpart [run]`: open the database and show the console window.

`--quit-when-shown` (hidden; the benchmark uses it) prints `shown <ms since process
start>` on stdout once the window is exposed on screen, then attaches the other screens,
prints `ready <ms>` on stderr and exits.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from db.i18n import _

_T0 = time.perf_counter()


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "run", parents=[common], help=_("start the console window (the default)")
    )
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--language", default="", type=screen_language,
                        help=_("screen language: en, fi, zh-TW, zh-CN"))
    parser.add_argument("--kiosk", action="store_true",
                        help=_("full screen without a window frame (a dedicated till)"))
    parser.set_defaults(func=run)


SCREEN_LANGUAGES = ("en", "fi", "zh-TW", "zh-CN")


def screen_language(value: str) -> str:
    """`--language`: one of SCREEN_LANGUAGES, in any case, with - or _ (zh_tw is zh-TW).

    Empty (the default) leaves the choice to the options file, then the system.
    """
    wanted = value.strip().replace("_", "-").lower()
    if not wanted:
        return ""
    for code in SCREEN_LANGUAGES:
        if code.lower() == wanted:
            return code
    raise argparse.ArgumentTypeError(
        _("unknown screen language: {value}; use one of: {choices}").format(
            value=value, choices=", ".join(SCREEN_LANGUAGES))
    )


def ms_since_process_start() -> float:
    """Milliseconds since the process began (Linux /proc), else since this module loaded."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22, counted after the command name
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return max(0.0, (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000)
    except (OSError, ValueError, IndexError):
        return (time.perf_counter() - _T0) * 1000


def create_window(
    db: Any, *, dialogs: Any = None, options: Any = None, defer_extras: bool = False,
    till: str | None = None, shop: str | None = None,
) -> Any:
    """The main window on an open database, wired as the app runs it (tests use this too).

    With `defer_extras` the other areas' screens are not attached yet: the caller calls
    `install_extras(window)` once the first screen (sign-in) has been painted. The till
    name (`till`, from --till, else the options' `till_name`) is attached to `db` here;
    with `options` and no name yet, the sign-in screen asks for one (`console.till_ui`).
    The shop (`shop`, from --shop, else the options' `shop`; else the database's first) is
    attached too (`db.shops.set_shop`): an unknown one is a UserError naming it.
    """
    from console.main_window import MainWindow
    from console.paths import console_id
    from console.session import Session
    from console.till_ui import attach_stored_till
    from db.settings import load_settings
    from widgets.context import AppContext
    from widgets.dialogs import DialogService

    attach_stored_till(db, options, till)
    attach_shop(db, options, shop)
    session = Session()
    ctx = AppContext(
        db=db, current_staff=session.current, current_sign_in=session.current_sign_in,
        dialogs=dialogs or DialogService(),
        settings=load_settings(db), options=options or _NoOptions(), console_id=console_id(),
        draft_dir=_local_draft_dir(db),
    )
    window = MainWindow(ctx, session, options)
    watch_other_tills(window)
    if not defer_extras:
        install_extras(window)
    return window


def attach_shop(db: Any, options: Any, given: str | None = None) -> None:
    """Attach `given` (--shop) or the options' shop to `db`; nothing named: the first."""
    from db.shops import set_shop

    name = (given or "").strip() or str(
        (options.get("shop") if options is not None else "") or "").strip()
    if name:
        set_shop(db, name)


def _local_draft_dir(db: Any) -> Any:
    """A folder on this till for drafts when the database is on a server (else None)."""
    from console.paths import data_dir

    if str(getattr(db, "url", "")).startswith(("postgresql://", "postgres://")):
        return data_dir() / "drafts"
    return None


def watch_other_tills(window: Any) -> Any:
    """Changes committed at other tills (other connections to the database) reach this
    window's data bus within a second (`widgets.change_watcher`); kept on the window as
    `change_watcher`. It also tells the banner when the database server is away
    (`console.server_ui`)."""
    from console.server_ui import install as install_server_banner
    from widgets.change_watcher import ChangeWatcher

    watcher = ChangeWatcher(window.ctx.db, window.ctx.bus, parent=window)
    window.change_watcher = watcher
    install_server_banner(window, watcher)
    watcher.start()
    return watcher


def install_extras(window: Any) -> None:
    """Attach the complaint, letter and report screens through the window's extension points.

    They are not needed for the first screen (sign-in) and cost about half of the start-up
    (ReportLab alone is a few hundred ms), so `run` attaches them right after the first paint.
    """
    if getattr(window, "_extras_installed", False):
        return
    window._extras_installed = True
    from console.service_ui import install as install_service_ui

    install_service_ui(window)  # complaint form, follow-ups, vouchers, staff, first run
    from console.letters_ui import install as install_letters_ui

    install_letters_ui(window)  # letter page, profile letters, birthday batch
    from console.report_ui import install as install_report_ui

    install_report_ui(window)  # managers: end-of-day report page
    from console.settings_ui import install as install_settings_ui

    install_settings_ui(window)  # managers: shop settings
    from console.till_ui import install as install_till_ui

    install_till_ui(window)  # this machine's till name: asked once, changed in settings
    from console.backup_ui import install as install_backup_ui

    install_backup_ui(window)  # managers: failed or overdue backups
    from console.personal_data_ui import install as install_personal_data_ui

    install_personal_data_ui(window)  # consent; managers: export, erase, retention review
    from console.drafts_ui import install as install_drafts_ui

    install_drafts_ui(window)  # managers: stale unsaved drafts
    from console.local_drafts_ui import install as install_local_drafts_ui

    install_local_drafts_ui(window)  # on a server: drafts kept on this till's disk, offered back
    from console.import_ui import install as install_import_ui

    install_import_ui(window)  # managers: import customers or purchases from a file


def show_window(window: Any, *, kiosk: bool = False) -> None:
    """Maximised (the whole screen but the task bar); with `kiosk`, full screen, no frame."""
    from PySide6.QtCore import Qt

    if kiosk:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
    else:
        window.showMaximized()


class _NoOptions:
    def get(self, name: str) -> Any:
        from console.options import OPTIONS

        return next(o.default for o in OPTIONS if o.name == name)


def run(args: argparse.Namespace) -> int:
    from concurrent.futures import ThreadPoolExecutor

    from console.cli import db_path
    from db.store.connection import open_database

    # The database is opened (identity, the bounded page check, migrations) while Qt loads
    # and the application starts: SQLite does its work without the interpreter lock, so the
    # check costs no start-up time. Nothing is shown before it has passed. (db/ never
    # imports console/ or Qt, so the two threads' imports cannot wait on each other.)
    path = db_path(args)
    opener = ThreadPoolExecutor(max_workers=1, thread_name_prefix="open-database")
    opening = opener.submit(open_database, path)
    opener.shutdown(wait=False)

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtGui import QWindow

    from console.app import create_application
    from console.options import Options
    from db.errors import UserError
    from db.store.faults import describe_fault
    from widgets.dialogs import DialogService

    options = Options()
    language = getattr(args, "language", "") or options.get("ui_language")
    app = create_application(
        [sys.argv[0]], language=language, point_size=options.get("base_font_pt")
    )
    dialogs = DialogService()
    quit_when_shown = bool(getattr(args, "quit_when_shown", False))
    try:
        db = opening.result()
        window = create_window(db, dialogs=dialogs, options=options, defer_extras=True,
                               till=getattr(args, "till", None),
                               shop=getattr(args, "shop", None))
    except (UserError, sqlite3.Error, OSError) as exc:
        known = exc if isinstance(exc, UserError) else describe_fault(exc, str(path))
        if known is None:
            raise
        exc = known
        print(f"counterpart: {exc}", file=sys.stderr)
        if not quit_when_shown:
            title = QCoreApplication.translate("run", "Cannot open the database")
            dialogs.critical(None, title, str(exc))
        return 2

    def finish_start() -> None:
        """After the first paint: attach the other screens; then quit if only measuring."""
        install_extras(window)
        if not quit_when_shown:
            from console.backup_ui import start_daily

            start_daily(window)  # the day's backup, once a day, off the window's thread
        if quit_when_shown:
            # stderr: whoever reads `shown` from stdout may have stopped listening.
            with contextlib.suppress(OSError):
                print(f"ready {ms_since_process_start():.0f}", file=sys.stderr, flush=True)
            app.quit()

    class _ExposeWatcher(QObject):
        """Reports the first exposure of the window (the moment the person sees it)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (event.type() == QEvent.Type.Expose and isinstance(watched, QWindow)
                    and watched.isExposed()):
                watched.removeEventFilter(self)
                if quit_when_shown:
                    print(f"shown {ms_since_process_start():.0f}", flush=True)
                QTimer.singleShot(0, finish_start)
            return False

    watcher = _ExposeWatcher(app)
    window.winId()  # create the native window so its handle exists before show
    handle = window.windowHandle()
    if handle is not None:
        handle.installEventFilter(watcher)
    QTimer.singleShot(1500, lambda: install_extras(window))  # never exposed (minimised...)
    if handle is None:
        QTimer.singleShot(0, finish_start)
    from console.paths import console_id
    from db.clock import to_iso, utcnow
    from db.security.console_locks import hold

    lock = (None if str(path) == ":memory:" or not isinstance(path, Path)  # a server: no file
            else hold(path, console_id(), to_iso(utcnow())))
    show_window(window, kiosk=bool(getattr(args, "kiosk", False)))
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()  # a running backup finishes before exit
    db.close()
    if lock is not None:
        lock.release()
    return int(code)
