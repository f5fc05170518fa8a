"""`counterpart gallery --out DIR [--size WxH]... [--language L]...`: every screen, checked.

Builds the demo shop in a temporary folder (plus a few complaints, promises and a long
history, so every screen has something to show), opens every screen and state at each size
in each language, saves a PNG of each (`<screen>-<language>-<W>x<H>.png`) and writes
`layout.json`: every overlap, cut-off widget, clipped text, small target and hidden main
action that `widgets.layout_check` finds, with the widget's object name. Exits 1 when that
list is not empty, so a test or CI can run it. Works headless (QT_QPA_PLATFORM=offscreen).

One QApplication serves every language: the translators are swapped and a new window is
built per language (on a fresh copy of the demo database, so a lockout in one language
does not show in the next).
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from db.i18n import _

DEFAULT_SIZES = ("1024x768", "1366x768", "1920x1080")
LANGUAGES = ("en", "fi", "zh-TW", "zh-CN")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "gallery", parents=[common],
        help=_("screenshot every screen and check its layout"),
        description=_("Open every screen and state on demo data, save a PNG of each and "
                      "write layout.json listing overlaps, clipped text and small targets. "
                      "Exits 1 when anything is listed."),
    )
    parser.add_argument("--out", type=Path, required=True, help=_("folder for the PNGs"))
    parser.add_argument("--size", action="append", default=[], metavar="WxH",
                        help=_("window size, e.g. 1024x768 (repeatable; default: 1024x768, "
                               "1366x768 and 1920x1080)"))
    parser.add_argument("--language", action="append", default=[], metavar="L",
                        help=_("screen language: en, fi, zh-TW, zh-CN (repeatable; default: "
                               "all four)"))
    parser.add_argument("--screen", action="append", default=[], metavar="NAME",
                        help=_("only these screens (repeatable; default: all)"))
    parser.set_defaults(func=run_gallery)


def parse_size(text: str) -> tuple[int, int]:
    from db.errors import UserError

    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise UserError(_("A size is WIDTHxHEIGHT, e.g. 1024x768; got {text!r}.").format(
            text=text)) from None
    if width < 320 or height < 240:
        raise UserError(_("A size is at least 320x240; got {text!r}.").format(text=text))
    return width, height


@dataclass
class Screen:
    """One screen or state: how to get there and which widgets are its main action."""

    name: str
    enter: Callable[[Any], None]
    main_actions: Callable[[Any], list[Any]]
    arrange: Callable[[Any], None] | None = None  # after each resize (scroll to the part)


def run_gallery(args: argparse.Namespace) -> int:
    from db.errors import UserError

    sizes = [parse_size(s) for s in (args.size or DEFAULT_SIZES)]
    languages = list(args.language or LANGUAGES)
    for language in languages:
        if language not in LANGUAGES:
            raise UserError(_("Unknown language {language!r}: use en, fi, zh-TW or zh-CN.")
                            .format(language=language))
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    problems = make_gallery(out, sizes, languages, only=list(args.screen or []))
    (out / "layout.json").write_text(
        json.dumps(problems, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    seconds = time.perf_counter() - started
    print(_("{n} screens checked in {s:.0f} s; {p} problems; see {path}").format(
        n=len(sizes) * len(languages) * len(args.screen or SCREENS), s=seconds, p=len(problems),
        path=out / "layout.json"))
    return 1 if problems else 0


# ---------------------------------------------------------------------------- the data


def build_gallery_db(path: Path) -> None:
    """The demo shop plus what the screens need: complaints, due and overdue promises."""
    from db import clock
    from db.demo import build_demo
    from db.security.staff import list_staff
    from db.service.complaints import create_complaint
    from db.service.models import ComplaintInput, PromiseInput
    from db.store.connection import open_database

    db = open_database(path)
    try:
        build_demo(db)
        customer_id = showcase_customer(db)
        staff = {s.name: s for s in list_staff(db)}
        clerk = staff["Aino Staff"].id
        real_now = clock.utcnow()
        stories = [
            (40, "quality", "The salmon soup was lukewarm when it reached the table.", 2),
            (20, "waiting", "Waited 25 minutes for a takeaway coffee order.", 3),
            (9, "attitude", "The cashier was short with her when she asked about "
                                  "oat milk.", 2),
            (3, "wrong_item", "Got a cheese sandwich instead of the vegan one.", 1),
        ]
        for days_ago, cause, problem, due_in in stories:
            then = real_now - timedelta(days=days_ago)
            clock.set_clock(functools.partial(_fixed, then))
            try:
                create_complaint(db, ComplaintInput(
                    taken_by=clerk, customer_id=customer_id, cause=cause, problem=problem,
                    status="promised", steps_done=["acknowledge", "listen"],
                    promise=PromiseInput(
                        promise="Call back to hear whether the next visit went well.",
                        owner_id=clerk, due_at=then + timedelta(days=days_ago - due_in)),
                ))
            finally:
                clock.set_clock(None)
    finally:
        db.close()


def _fixed(moment: datetime) -> datetime:
    return moment


def showcase_customer(db: Any) -> int:
    """A customer with allergies and the longest purchase history."""
    row = db.execute(
        "SELECT c.id FROM customers c JOIN purchases p ON p.customer_id = c.id "
        "WHERE c.allergies NOT IN ('', '[]') GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1"
    ).fetchone()
    if row is None:
        row = db.execute("SELECT id FROM customers ORDER BY id LIMIT 1").fetchone()
    return int(row[0])


# ---------------------------------------------------------------------------- the screens


def _manager(window: Any) -> Any:
    from db.security.staff import list_staff

    return next(s for s in list_staff(window.ctx.db) if s.role == "manager")


GALLERY_TILL = "Kassa 1"
"""The till the gallery's window is (its header shows it)."""


def _sign_in(window: Any) -> None:
    window.till_ui.show_name(GALLERY_TILL)  # back after the till-name screen hid it
    window.server_banner.show_back()  # gone after the server-away screen showed it
    # the manager screens (report, staff, settings) need a manager signed in with a PIN
    if window.session.staff is None or not window.session.with_pin:
        window.session.sign_in(_manager(window), with_pin=True)


def _enter_sign_in(window: Any) -> None:
    window.till_ui.show_name(GALLERY_TILL)
    window.session.sign_out()
    window.sign_in_panel.reset()


def _enter_home(window: Any) -> None:
    _sign_in(window)
    window.go_home()


def _enter_server_away(window: Any) -> None:
    """The database server cannot be reached (a till on PostgreSQL): the red banner with
    the time it was lost, home's lists quietly "not available". (Not the status bar line a
    failed step shows: a status bar, once made, would stay under every later screen.)"""
    from datetime import UTC

    _enter_home(window)
    window.server_banner.show_lost(datetime.now(UTC) - timedelta(minutes=3))
    window.home_view.show_away()
    window.service_ui.follow_ups.show_away()


def _enter_search(window: Any) -> None:
    _sign_in(window)
    window.search.field.setText("an")


def _enter_profile(window: Any) -> None:
    _sign_in(window)
    window.search.clear()
    window.open_customer(showcase_customer(window.ctx.db))


def _enter_customer_form(window: Any) -> None:
    _sign_in(window)
    window.edit_customer(showcase_customer(window.ctx.db))
    form = window.customer_form
    form.name_edit.setText("")
    form.email_edit.setText("not-an-address")
    form.year_edit.setText("19x2")
    form.save()


def _enter_purchase(window: Any) -> None:
    _sign_in(window)
    window.record_purchase(showcase_customer(window.ctx.db))
    entry = window.purchase_entry
    for row, quantity in ((0, 1), (3, 2), (5, 1)):
        product = entry.products.product(row)
        if product is not None:
            entry.add_product(product, quantity)


def _complaint_form(window: Any) -> Any:
    return window.service_ui.complaint_form


def _enter_complaint(window: Any) -> None:
    _sign_in(window)
    window.open_customer(showcase_customer(window.ctx.db))
    window.service_ui.new_complaint(window.profile_panel.customer_id)
    form = _complaint_form(window)
    form.cause_box.setCurrentIndex(max(0, form.cause_box.findData("quality")))
    form.problem_edit.setPlainText("The salmon soup was lukewarm when it reached the table, "
                                   "and nobody came to ask how it was.")
    form.staff_account_edit.setPlainText("Busy lunch; the soup waited on the pass.")
    form.request_edit.setText("A hot soup, and something for the next visit")
    form.options_edit.setPlainText("New soup now; voucher; dessert on the house")
    form.chosen_edit.setText("New soup and a voucher")
    for step in ("acknowledge", "listen", "ask", "offer"):
        form.checklist.box(step).setChecked(True)


def _enter_till_name(window: Any) -> None:
    """The first start on a new machine: the till is named before anyone signs in."""
    from console.till_ui import SIGN_IN_TILL_NAME

    window.session.sign_out()
    window.till_ui.show_name("")  # a new machine has no name yet
    window.till_ui.first_run.set_name("Kassa 2 – terassi")
    window.sign_in_panel.show_page(SIGN_IN_TILL_NAME)


def _enter_edit_conflict(window: Any) -> None:
    """Another till saved the same complaint first: the bar names who, where and when."""
    from db.clock import utcnow
    from db.errors import EditConflict

    _enter_complaint(window)
    form = _complaint_form(window)
    form._show_conflict(EditConflict("", record_id=0, version=2, changed_by="Aino Virtanen",
                                     till="Kassa 2 – terassi", changed_at=utcnow()))


def _enter_compensation(window: Any) -> None:
    from db.customers.purchases import list_products

    form = _complaint_form(window)
    form.line_kind_box.setCurrentIndex(form.line_kind_box.findData("voucher"))
    form.line_amount_edit.setText("10")
    form.add_line_button.click()
    products = list_products(window.ctx.db)
    form.line_kind_box.setCurrentIndex(form.line_kind_box.findData("free_item"))
    form.line_product_box.setCurrentIndex(form.line_product_box.findData(products[0].id))
    form.add_line_button.click()


def _show_ask_button(window: Any) -> None:
    """Where the person is after adding lines: the compensation part of the form."""
    form = _complaint_form(window)
    form.form_scroll.ensureWidgetVisible(form.ask_button, 0, 0)


def _enter_pin_pad(window: Any) -> None:
    form = _complaint_form(window)
    form.ask_button.click()


def _enter_pin_wrong(window: Any) -> None:
    pad = _complaint_form(window).auth_panel.pad
    for digit in "0000":
        pad.add_digit(digit)
    pad.submit()


def _enter_pin_locked(window: Any) -> None:
    from db.security import lockout

    panel = _complaint_form(window).auth_panel
    ctx = window.ctx
    while not lockout.status(ctx.db, ctx.console_id).locked:
        lockout.record_failure(ctx.db, ctx.console_id, "gallery")
    panel.refresh_lockout()


def _enter_letter(window: Any) -> None:
    form = _complaint_form(window)
    complaint = form.complaint()
    form.auth_panel.cancel()
    form.discard()
    window.open_customer(showcase_customer(window.ctx.db))
    window.letters_ui.letter_for_profile(complaint.id if complaint is not None else None)


def _enter_birthday_letters(window: Any) -> None:
    _sign_in(window)
    window.letters_ui.open_birthday_batch()


def _enter_report(window: Any) -> None:
    _sign_in(window)
    window.report_ui.open_report()


def _enter_staff(window: Any) -> None:
    _sign_in(window)
    window.service_ui.open_staff_admin()


def _enter_staff_pin(window: Any) -> None:
    panel = window.service_ui.staff_admin
    panel.name_edit.setText("Väinö Kärkkäinen-Öhman")
    panel.pin_edit.setText("4321")
    panel.prepare_add()


def _enter_settings(window: Any) -> None:
    _sign_in(window)
    window.settings_ui.open_settings()


def _enter_settings_pin(window: Any) -> None:
    panel = window.settings_ui.panel
    panel.edits["shop_name"].setText("Counterpart Café Kamppi")
    panel.prepare_save()


_IMPORT_FILE = (
    "external_id,name,phone,email,language,birthday,allergies,tags\n"
    "1001,Aino Virtanen,040 123 4567,aino.virtanen@example.fi,fi,1985-03-14,peanuts,regular\n"
    "1002,陳美玲,0912-345-678,meiling@example.tw,zh-TW,04-02,milk,window seat\n"
    "1003,Emily Carter,+44 7700 900123,emily@example.com,en,,,\n"
    "1004,王小明,,xiaoming@example.cn,zh-CN,1990-11-30,sesame,\n"
    "1005,Väinö Kärkkäinen-Öhman,050 765 4321,,fi,,,quiet room\n"
)
_IMPORT_REFUSED = (
    "1006,,040 555 0101,not-an-address,fi,1979-13-40,,\n"
    "1007,Liisa Laine,,liisa@,sv,,,\n"
)


def _import_file(window: Any, name: str, text: str) -> Path:
    row = window.ctx.db.execute("PRAGMA database_list").fetchone()
    path = Path(str(row[2])).with_name(name)
    path.write_text(text, encoding="utf-8")
    return path


def _enter_import_preview(window: Any) -> None:
    _sign_in(window)
    window.import_ui.open_import()
    window.import_ui.panel.load_file(_import_file(window, "customers.csv", _IMPORT_FILE))


def _enter_import_checked(window: Any) -> None:
    from PySide6.QtWidgets import QApplication

    panel = window.import_ui.panel
    panel.load_file(_import_file(window, "customers-2.csv", _IMPORT_FILE + _IMPORT_REFUSED))
    panel.check()
    deadline = time.monotonic() + 30
    while panel.is_running() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def _enter_import_progress(window: Any) -> None:
    """An import under way, held at 1,200 of 2,500 until cancelled (closing the window
    cancels it)."""
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from db.imports.job import ImportProgress, ImportReport

    panel = window.import_ui.panel

    def held(db: Any, path: Path, options: Any, **kw: Any) -> ImportReport:
        kw["progress"](ImportProgress("merging", 1200, 2500))
        give_up = time.monotonic() + 300
        while not kw["cancelled"]() and time.monotonic() < give_up:
            time.sleep(0.02)
        return ImportReport("customers", "", cancelled=True)

    panel.show_waiting(None)  # the interrupted import of the screen before is settled
    panel.load_file(_import_file(window, "customers.csv", _IMPORT_FILE))
    panel.kinds = {**panel.kinds, "customers": replace(panel.kinds["customers"], run=held)}
    panel.start_import()
    deadline = time.monotonic() + 10
    while panel.progress.value() != 1200 and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)


def _enter_import_interrupted(window: Any) -> None:
    """An import a full disk stopped half-way, named above the file with Finish and Remove."""
    from db.imports.job import UnfinishedImport

    panel = window.import_ui.panel
    panel.show_waiting(UnfinishedImport(
        id=3, kind="customers", path="/home/shop/Square export 2026-11.csv", state="merging",
        started_at="2026-11-30T09:12:40+00:00", rows=2500, to_add=2500, to_update=0,
        added=1200, updated=0))
    panel.load_file(_import_file(window, "customers.csv", _IMPORT_FILE))


SCREENS: tuple[Screen, ...] = (
    Screen("sign-in", _enter_sign_in, lambda w: [w.sign_in_panel.list]),
    Screen("till-name", _enter_till_name,
           lambda w: [w.till_ui.first_run.name_edit, w.till_ui.first_run.save_button]),
    Screen("home", _enter_home, lambda w: [w.search.field]),
    Screen("server-away", _enter_server_away,
           lambda w: [w.server_banner.label, w.home_view.away_note]),
    Screen("search", _enter_search, lambda w: [w.search.page]),
    Screen("profile", _enter_profile, lambda w: [w.profile_panel.purchase_button]),
    Screen("customer-form", _enter_customer_form, lambda w: [w.customer_form.save_button]),
    Screen("purchase", _enter_purchase, lambda w: [w.purchase_entry.record_button]),
    Screen("complaint", _enter_complaint, lambda w: [_complaint_form(w).finish_button]),
    Screen("edit-conflict", _enter_edit_conflict,
           lambda w: [_complaint_form(w).load_theirs_button,
                      _complaint_form(w).keep_mine_button]),
    Screen("compensation", _enter_compensation,
           lambda w: [_complaint_form(w).ask_button, _complaint_form(w).finish_button],
           _show_ask_button),
    Screen("pin-pad", _enter_pin_pad,
           lambda w: [_complaint_form(w).auth_panel.pad.ok_button,
                      _complaint_form(w).auth_panel.approve_choice]),
    Screen("pin-wrong", _enter_pin_wrong,
           lambda w: [_complaint_form(w).auth_panel.pad.ok_button]),
    Screen("pin-locked", _enter_pin_locked,
           lambda w: [_complaint_form(w).auth_panel.lock_label]),
    Screen("letter", _enter_letter, lambda w: [w.letters_ui.preview.print_button]),
    Screen("birthday-letters", _enter_birthday_letters,
           lambda w: [w.letters_ui.batch.make_button]),
    Screen("report", _enter_report, lambda w: [w.report_ui.panel.generate_button]),
    Screen("staff", _enter_staff, lambda w: [w.service_ui.staff_admin.add_button]),
    Screen("staff-pin", _enter_staff_pin,
           lambda w: [w.service_ui.staff_admin.pad.ok_button]),
    Screen("settings", _enter_settings, lambda w: [w.settings_ui.panel.save_button]),
    Screen("settings-pin", _enter_settings_pin,
           lambda w: [w.settings_ui.panel.pad.ok_button]),
    Screen("import-preview", _enter_import_preview,
           lambda w: [w.import_ui.panel.import_button, w.import_ui.panel.check_button]),
    Screen("import-checked", _enter_import_checked,
           lambda w: [w.import_ui.panel.save_refused_button, w.import_ui.panel.check_button]),
    Screen("import-interrupted", _enter_import_interrupted,
           lambda w: [w.import_ui.panel.resume_button, w.import_ui.panel.abandon_button]),
    Screen("import-progress", _enter_import_progress,
           lambda w: [w.import_ui.panel.cancel_button, w.import_ui.panel.progress]),
)


# ---------------------------------------------------------------------------- running


def make_gallery(out: Path, sizes: list[tuple[int, int]], languages: list[str],
                 only: list[str] | None = None) -> list[dict[str, Any]]:
    """Shoot and check every screen; returns the problems (empty when all is well)."""
    import widgets  # noqa: F401  (Qt compatibility fixes before heavy Qt use)
    from console.app import create_application, switch_language
    from db.i18n import current_language, set_language

    spoken = current_language()  # the command's own messages stay in the user's language
    app = create_application([sys.argv[0]], language=languages[0])
    sys.excepthook = sys.__excepthook__  # no crash dialog: nobody is there to close it
    problems: list[dict[str, Any]] = []
    screens = list(SCREENS)  # every state is entered (each builds on the one before)
    with tempfile.TemporaryDirectory(prefix="counterpart-gallery-") as tmp:
        template = Path(tmp) / "template.sqlite"
        build_gallery_db(template)
        for language in languages:
            switch_language(app, language)
            copy = Path(tmp) / f"{language}.sqlite"
            shutil.copy(template, copy)
            problems.extend(_shoot_language(app, copy, out, sizes, language, screens,
                                            set(only or [])))
    set_language(spoken)
    return problems


def _shoot_language(app: Any, path: Path, out: Path, sizes: list[tuple[int, int]],
                    language: str, screens: list[Screen], only: set[str],
                    ) -> list[dict[str, Any]]:
    from console.cmd_run import create_window
    from db.store.connection import open_database
    from widgets.dialogs import FakeDialogService
    from widgets.layout_check import check_window

    problems: list[dict[str, Any]] = []
    db = open_database(path)
    window = create_window(db, dialogs=FakeDialogService(), till=GALLERY_TILL)
    try:
        window.resize(*sizes[0])
        window.show()
        _settle(app)
        for screen in screens:
            screen.enter(window)
            if only and screen.name not in only:
                continue
            for width, height in sizes:
                window.resize(width, height)
                _settle(app)
                if screen.arrange is not None:
                    screen.arrange(window)
                    _settle(app)
                size = f"{width}x{height}"
                window.grab().save(str(out / f"{screen.name}-{language}-{size}.png"))
                for problem in check_window(window, screen.main_actions(window)):
                    problems.append({"screen": screen.name, "language": language,
                                     "size": size, **problem.as_dict()})
    finally:
        window.close()
        window.deleteLater()
        _settle(app)
        db.close()
    return problems


def _settle(app: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    for _round in range(4):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    app.processEvents()
