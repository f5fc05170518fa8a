"""End to end: a day at the counter entered through the data API, then the evening report.

Staff and customers are created, complaints recorded, compensation authorised and refused
with PINs, a promise made and closed, a voucher redeemed, a suggestion at 23:59 local time;
then `counterpart report` prints the day to a file and the PDF says what happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.cli import main
from db import clock
from db.customers.records import create_customer
from db.models import CustomerInput
from db.security import audit
from db.security.staff_admin import add_staff, create_first_manager
from db.service.compensation import authorise, refuse
from db.service.complaints import create_complaint, get_complaint
from db.service.follow_ups import close_follow_up
from db.service.models import CompensationLine, ComplaintInput, FollowUpClose, PromiseInput
from db.service.vouchers import get_voucher, redeem_with_pin
from db.store.connection import open_database

pytestmark = pytest.mark.e2e

DAY = date(2026, 11, 23)  # Helsinki is UTC+2 in November
CONSOLE = "counter-1"


@pytest.fixture
def moving_clock() -> Iterator[list[datetime]]:
    now = [datetime(2026, 11, 23, 10, 0, tzinfo=UTC)]
    clock.set_clock(lambda: now[0])
    yield now
    clock.set_clock(None)


def local(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 23, hour - 2, minute, tzinfo=UTC)


def build_day(db: Database, now: list[datetime]) -> dict[str, int]:
    maria = create_first_manager(db, "Maria Manager", "1234")
    sanna = add_staff(db, "1234", CONSOLE, name="Sanna Supervisor", role="supervisor",
                      pin="2345", limit_minor=2000)
    aino = add_staff(db, "1234", CONSOLE, name="Aino", role="staff", pin="3456")
    ben = add_staff(db, "1234", CONSOLE, name="Ben", role="staff", pin="4567")
    liisa = create_customer(db, CustomerInput(name="Liisa Virtanen", language="fi"))
    wang = create_customer(db, CustomerInput(name="王小明", language="zh-TW"))

    # 09:15 cold soup: a 10 € voucher, approved by the supervisor.
    soup = create_complaint(db, ComplaintInput(
        taken_by=aino.id, customer_id=liisa.id, occurred_at=local(9, 15), cause="quality",
        problem="The salmon soup was cold", steps_done=["acknowledge", "listen", "ask"],
        lines=[CompensationLine(kind="voucher", amount_minor=1000)]))
    authorise(db, soup.id, list(soup.proposed_lines), "2345", CONSOLE)
    # 11:30 rude clerk: a 30 € refund proposed and refused.
    rude = create_complaint(db, ComplaintInput(
        taken_by=ben.id, customer_id=wang.id, occurred_at=local(11, 30), cause="attitude",
        problem="The clerk was rude", severity=2, steps_done=["acknowledge"],
        lines=[CompensationLine(kind="refund", amount_minor=3000)]))
    refuse(db, rude.id, "2345", CONSOLE, "An apology is enough here")
    # 11:45 a walk-in waited: 5 € off, approved by the manager, and a promise to call.
    wait = create_complaint(db, ComplaintInput(
        taken_by=aino.id, walk_in_name="Walk-in Wu", occurred_at=local(11, 45),
        cause="waiting", problem="Waited 40 minutes", steps_done=["acknowledge", "promise"],
        lines=[CompensationLine(kind="discount_amount", amount_minor=500, bill_minor=2400)],
        promise=PromiseInput(promise="Call back about the new queue", owner_id=sanna.id,
                             due_at=local(18, 0))))
    authorise(db, wait.id, list(wait.proposed_lines), "1234", CONSOLE)
    # 11:50 Liisa again, settled on the spot; 11:55 a compliment for Ben.
    create_complaint(db, ComplaintInput(
        taken_by=ben.id, customer_id=liisa.id, occurred_at=local(11, 50), cause="quality",
        problem="Bread was stale", resolved_on_spot=True, status="resolved",
        steps_done=["acknowledge", "offer"]))
    create_complaint(db, ComplaintInput(
        taken_by=aino.id, kind="compliment", customer_id=wang.id, about_staff_id=ben.id,
        occurred_at=local(11, 55), problem="Ben was so helpful"))

    # 19:00 the promise is kept; the voucher comes back the same evening.
    now[0] = local(19, 0)
    follow_up = get_complaint(db, wait.id).follow_ups[0]
    close_follow_up(db, follow_up.id, FollowUpClose(
        outcome="Happy with the new queue", satisfaction=4, reliability=5, empathy=4,
        tangibles=3, responsiveness=4), sanna.id)
    voucher_id = get_complaint(db, soup.id).lines[0].voucher_id
    assert voucher_id is not None
    redeem_with_pin(db, get_voucher(db, voucher_id).code, "4567", CONSOLE)  # Ben's PIN

    # 23:59 local: a suggestion still counts on this day.
    now[0] = local(23, 59) + timedelta(seconds=30)
    create_complaint(db, ComplaintInput(
        taken_by=ben.id, kind="suggestion", occurred_at=local(23, 59),
        problem="Open the terrace earlier"))
    return {"manager": maria.id, "staff": aino.id}


def test_a_day_entered_through_the_api_is_printed_by_the_evening_job(
    tmp_path: Path, moving_clock: list[datetime], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    ids = build_day(db, moving_clock)
    assert audit.verify(db).ok
    db.close()

    moving_clock[0] = datetime(2026, 11, 23, 22, 30, tzinfo=UTC)  # 00:30 the next day
    out, sheet = tmp_path / "2026-11-23.pdf", tmp_path / "2026-11-23.csv"
    assert main(["report", "--db", str(path), "--date", DAY.isoformat(), "--out", str(out),
                 "--csv", str(sheet), "--manager", str(ids["manager"])]) == 0
    assert "4 complaints, 1 compliment, 1 suggestion." in capsys.readouterr().out  # plurals

    pages = [p.extract_text().replace("\xa0", " ") for p in PdfReader(out).pages]
    text = "\n".join(pages)
    first = pages[0]
    for label, value in (("Complaints", "4"), ("Compliments", "1"), ("Suggestions", "1"),
                         ("Compensation given", "15,00 €")):
        assert re.search(rf"{label}\s*{re.escape(value)}", first), label
    assert re.search(r"With a value: 2 of \d+\s+remedies", first)
    assert re.search(r"Resolved on the spot\s*1", first)
    assert re.search(r"Resolved with a promise\s*1", first)
    assert re.search(r"Compensation refused\s*1", first)
    assert re.search(r"Issued\s*1 \(10,00 €\)", first)
    assert re.search(r"Redeemed\s*1 \(10,00 €\)", first)
    assert "Printed by Maria Manager" in first and "Monday, 23 November 2026" in first
    # Causes and routing, authorisers, refusal with its reason, promise and scores.
    assert re.search(r"Product or food quality\s*2\s*Supplier or kitchen", text)
    assert re.search(r"Staff attitude\s*1\s*Training", text)
    assert re.search(r"Sanna Supervisor\s*Supervisor\s*1\s*1\s*10,00 €", text)
    assert re.search(r"Maria Manager\s*Manager\s*1\s*0\s*5,00 €", text)
    assert "An apology is enough here" in text
    assert "Call back about the new queue" in re.sub(r"\s+", " ", text)  # may wrap
    assert re.search(r"4,0\s*5,0\s*4,0\s*3,0\s*4,0", text)  # the five averages
    assert re.search(r"Liisa Virtanen\s*\S+\s*2\s*1\s*10,00 €", text)  # repeat complainant
    assert re.search(r"Ben\s*\d+\s*\d+\s*1\b", text.split("By staff member")[1])
    # Detail: every entry, the 23:59 suggestion last, with the header on its page.
    detail = text.split("\nDetail\n")[1]
    # English in a Finnish shop (en_FI): the clock reads 9.15
    assert detail.index("9.15") < detail.index("11.30") < detail.index("23.59")
    assert "王小明" in detail and "Walk-in Wu" in detail
    assert "Authorised by" in detail and "Status" in detail
    rows = sheet.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + 6


@pytest.mark.gui
def test_only_managers_see_the_report_in_the_console(
    qtbot: QtBot, qapp: QApplication, fresh_db: Database, moving_clock: list[datetime]
) -> None:
    from console.cmd_run import create_window
    from console.report_ui import PAGE_REPORT
    from db.security.staff import get_staff
    from widgets.dialogs import FakeDialogService

    ids = build_day(fresh_db, moving_clock)
    dialogs = FakeDialogService()
    win = create_window(fresh_db, dialogs=dialogs)
    qtbot.addWidget(win)
    ui = win.report_ui  # type: ignore[attr-defined]

    win.session.sign_in(get_staff(fresh_db, ids["staff"]))
    assert not ui.button.isVisibleTo(win)
    before = win.current_page()
    assert not ui.open_report()  # the shortcut or a stray call: refused, page unchanged
    assert win.current_page() == before != PAGE_REPORT

    win.session.sign_out()
    win.session.sign_in(get_staff(fresh_db, ids["manager"]), with_pin=True)
    assert ui.button.isVisibleTo(win)
    assert ui.open_report() and win.current_page() == PAGE_REPORT
    ui.panel.set_range(DAY, DAY)
    with qtbot.waitSignal(ui.panel.report_ready, timeout=60_000):
        ui.panel.generate()
    ui.panel.wait()
    assert ui.panel.data is not None and ui.panel.data.totals.complaints == 4
