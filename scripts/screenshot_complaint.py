"""Take the README screenshot of the complaint form with the authorisation panel open.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshot_complaint.py \
        --db var/demo.sqlite --out docs/images

Signs in as floor staff, opens a demo customer with earlier complaints, fills in a cold-food
complaint with a voucher and a free item, asks a supervisor, and saves the window as
``complaint.png`` (the wrong-PIN message is shown too, as the supervisor would see it).
Uses a copy of the database so the demo stays as it was.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--query", default="Riikka Heikkinen")
    args = parser.parse_args()

    from console.app import create_application
    from console.cmd_run import create_window
    from db.customers.purchases import list_products
    from db.demo import build_demo, is_empty
    from db.security.staff import list_staff
    from db.store.connection import open_database
    from widgets.dialogs import FakeDialogService

    db = open_database(args.db)
    if is_empty(db):
        build_demo(db)
    db.close()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "shot.sqlite"
        shutil.copy(args.db, copy)
        db = open_database(copy)
        db.execute("DELETE FROM drafts")  # a copy: no leftover draft offered back
        app = create_application([sys.argv[0]], language="en")
        win = create_window(db, dialogs=FakeDialogService())
        win.resize(1440, 900)
        win.show()

        def settle() -> None:
            for _ in range(8):
                app.processEvents()

        staff = next(s for s in list_staff(db) if s.role == "staff")
        win.sign_in_panel.choose(staff)
        win.search.field.setText(args.query)
        settle()
        hits = win.search.model.hits()
        if not hits:  # another demo seed: fall back to a showcase customer
            win.search.field.setText("jarvinen")
            settle()
            hits = win.search.model.hits()
        win.open_customer(hits[0].id)
        win.search.clear()
        win.service_ui.new_complaint(win.profile_panel.customer_id)
        form = win.service_ui.complaint_form
        form.cause_box.setCurrentIndex(form.cause_box.findData("quality"))
        form.problem_edit.setPlainText("The salmon soup was lukewarm when it reached the table.")
        form.staff_account_edit.setPlainText("Busy lunch; the soup waited on the pass.")
        form.request_edit.setText("A hot soup, and something for the next visit")
        form.options_edit.setPlainText("New soup now; voucher; dessert on the house")
        form.chosen_edit.setText("New soup and a voucher")
        for step in ("acknowledge", "listen", "ask", "offer"):
            form.checklist.box(step).setChecked(True)
        form.line_kind_box.setCurrentIndex(form.line_kind_box.findData("voucher"))
        form.line_amount_edit.setText("10,00")
        form.add_line_button.click()
        products = list_products(db)
        dessert = next((p for p in products if "bun" in p.name.lower()), products[0])
        form.line_kind_box.setCurrentIndex(form.line_kind_box.findData("free_item"))
        form.line_product_box.setCurrentIndex(form.line_product_box.findData(dessert.id))
        form.add_line_button.click()
        form.promise_group.setChecked(True)
        form.promise_edit.setText("Call on Friday to hear how the next visit went")
        form.ask_button.click()
        panel = form.auth_panel
        panel.pad.add_digit("1")
        panel.pad.add_digit("2")
        panel.pad.add_digit("3")
        settle()
        args.out.mkdir(parents=True, exist_ok=True)
        win.grab().save(str(args.out / "complaint.png"))
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
