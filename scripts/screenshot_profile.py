"""Take the README screenshots of the console on a demo database (run under Xvfb).

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshot_profile.py \
        --db var/demo.sqlite --out docs/images

Signs in as the first staff member, searches the demo's showcase customer and saves the
profile panel (and the home, search, form and purchase screens) as PNG files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--query", default="陳美")
    parser.add_argument("--all", action="store_true", help="also the other screens")
    parser.add_argument("--language", default="en", help="screen language: en, fi, zh-TW, zh-CN")
    args = parser.parse_args()

    from console.app import create_application
    from console.cmd_run import create_window
    from db.demo import build_demo, is_empty
    from db.security.staff import list_staff
    from db.store.connection import open_database
    from widgets.dialogs import FakeDialogService

    db = open_database(args.db)
    if is_empty(db):
        build_demo(db)
    app = create_application([sys.argv[0]], language=args.language)
    win = create_window(db, dialogs=FakeDialogService())
    win.resize(1440, 900)
    win.show()
    app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(name: str) -> None:
        settle()
        win.grab().save(str(args.out / name))

    if args.all:
        save("signin.png")
    staff = next(s for s in list_staff(db) if s.role == "staff")
    win.sign_in_panel.choose(staff)
    if args.all:
        save("home.png")
    win.search.field.setText(args.query)
    if args.all:
        save("search.png")
    hits = win.search.model.hits()
    win.open_customer(hits[0].id)
    save("profile.png")
    if args.all:
        win.record_purchase(win.profile_panel.customer_id)
        entry = win.purchase_entry
        entry.add_product(entry.products.product(0))
        entry.add_product(entry.products.product(3), 2)
        save("purchase.png")
        win.edit_customer(win.profile_panel.customer_id)
        save("customer-form.png")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
