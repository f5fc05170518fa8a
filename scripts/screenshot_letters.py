"""Take the README screenshot of the letter page (preview of the real PDF beside the text).

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/screenshot_letters.py \
        --out docs/images

Builds a small demo database in a temporary folder, signs in floor staff, opens a customer
with an approved voucher complaint, opens "Letter…" and saves the window as
``letter-preview.png``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()

    from console.app import create_application
    from console.cmd_run import create_window
    from db.demo import build_demo
    from db.security.staff import list_staff
    from db.store.connection import open_database
    from widgets.dialogs import FakeDialogService

    app = create_application([], language="en")
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        build_demo(db, customers=60, seed=3)
        row = db.execute(
            "SELECT c.customer_id, c.id FROM complaints c JOIN customers cu "
            "ON cu.id = c.customer_id JOIN compensations cp ON cp.complaint_id = c.id "
            "WHERE cu.language = 'zh-TW' AND cp.kind = 'voucher' AND cp.status = 'approved' "
            "AND c.kind = 'complaint' ORDER BY c.id LIMIT 1").fetchone()
        if row is None:
            print("no zh-TW complaint with a voucher in the demo", file=sys.stderr)
            return 1
        customer_id, complaint_id = row
        window = create_window(db, dialogs=FakeDialogService())
        window.resize(1440, 900)
        window.show()
        clerk = next(s for s in list_staff(db) if s.role == "staff")
        window.session.sign_in(clerk)
        window.open_customer(customer_id)
        window.letters_ui.letter_for_profile(complaint_id)
        for _ in range(20):
            app.processEvents()
        args.out.mkdir(parents=True, exist_ok=True)
        target = args.out / "letter-preview.png"
        window.grab().save(str(target))
        print(target)
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
