"""Render the README's letter pictures from real PDFs made by the real code path.

    .venv/bin/python scripts/render_letter_images.py [OUT_DIR]

Builds a throw-away database (shop settings with a logo, staff, a customer in Taiwan with a
cold-noodle complaint and an approved voucher, a loyal Finnish customer with a voucher),
prepares the letters with `reports.letter_service.prepare_letter`, renders them with
ReportLab and turns
page one into PNG with `pdftoppm -r 80`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from db import clock  # noqa: E402
from db.customers.records import create_customer  # noqa: E402
from db.models import CustomerInput  # noqa: E402
from db.security.approvals import grant  # noqa: E402
from db.security.staff_admin import add_staff, create_first_manager  # noqa: E402
from db.service.compensation import authorise  # noqa: E402
from db.service.complaints import create_complaint  # noqa: E402
from db.service.models import CompensationLine, ComplaintInput  # noqa: E402
from db.service.vouchers import issue, issue_subject  # noqa: E402
from db.settings import _seed_settings, load_settings  # noqa: E402
from db.store.connection import open_database  # noqa: E402
from reports.letter_service import prepare_letter, render  # noqa: E402


def make_logo(path: Path) -> None:
    size = 360
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((8, 8, size - 8, size - 8), fill=(122, 46, 58, 255))
    draw.ellipse((30, 30, size - 30, size - 30), outline=(251, 246, 239, 255), width=6)
    font = ImageFont.truetype(str(ROOT / "assets/fonts/DejaVuSerif-Bold.ttf"), 200)
    draw.text((size / 2, size / 2 + 8), "A", font=font, fill=(251, 246, 239, 255), anchor="mm")
    img.save(path)


def main(out_dir: Path) -> None:
    clock.set_clock(lambda: datetime(2026, 11, 23, 10, 30, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["COUNTERPART_CONFIG_DIR"] = tmp  # the throw-away shop's PIN key goes here
        logo = Path(tmp) / "logo.png"
        make_logo(logo)
        db = open_database(Path(tmp) / "letters.sqlite")
        _seed_settings(db, replace(
            load_settings(db), shop_name="Café Aurora",
            address="Aleksanterinkatu 21\n00100 Helsinki", phone="+358 9 4242 1100",
            email="palaute@cafeaurora.fi", logo_path=str(logo),
        ))
        manager = create_first_manager(db, "Maija Mäkinen", "4821")
        add_staff(db, "4821", "docs", name="林佳穎", role="supervisor", pin="7395",
                  limit_minor=5_000)
        clerk = add_staff(db, "4821", "docs", name="Ville Virtanen", role="staff", pin="1357")

        chen = create_customer(db, CustomerInput(name="陳美玲", language="zh-TW",
                                                 phone="0912 345 678", consent_contact=True,
                                                 form_of_address="陳小姐"))
        voucher = CompensationLine(kind="voucher", amount_minor=1500,
                                   expires_on=date(2027, 2, 28))
        complaint = create_complaint(db, ComplaintInput(
            taken_by=clerk.id, customer_id=chen.id, cause="quality",
            occurred_at=datetime(2026, 11, 20, 11, 45, tzinfo=UTC),
            problem="Beef noodles cold, waited almost 40 min",
            resolution="Remade on the spot; kitchen briefed",
            letter_words="您點的牛肉麵送來時已經是冷的，而且讓您等了將近四十分鐘。"
                         "我們當場為您重新製作了一碗。",
            prevention="尖峰時段改由專人在出餐前確認每一份餐點的溫度。",
            lines=[voucher],
        ))
        authorise(db, complaint.id, [voucher], "7395", "docs")
        apology = render(prepare_letter(db, "apology", complaint_id=complaint.id))

        aino = create_customer(db, CustomerInput(name="Aino Järvinen", language="fi",
                                                 consent_contact=True))
        from db.customers.purchases import add_product, record_purchase

        bun = add_product(db, "KORVAPUUSTI", "korvapuusti", "bakery", 390)
        record_purchase(db, aino.id, [(bun.id, 1)],
                        purchased_at=datetime(2019, 3, 2, 9, tzinfo=UTC))  # her first visit
        db.execute("UPDATE customers SET visits = 84 WHERE id = ?", [aino.id])
        approval = grant(db, "4821", "docs", action="voucher.issue",
                         subject=issue_subject(aino.id, None), amount_minor=1000)
        gift = issue(db, approval, value_minor=1000, expires_on=date(2027, 3, 31),
                     customer_id=aino.id)
        thanks = render(prepare_letter(db, "thank-you", customer_id=aino.id,
                                       voucher_id=gift.id, signer_id=manager.id))
        db.close()

        out_dir.mkdir(parents=True, exist_ok=True)
        for name, pdf in (("letter-apology-zh-TW", apology), ("letter-thankyou-fi", thanks)):
            pdf_path = Path(tmp) / f"{name}.pdf"
            pdf_path.write_bytes(pdf)
            (out_dir / f"{name}.pdf").write_bytes(pdf) if "--pdf" in sys.argv else None
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1",
                            "-singlefile", str(pdf_path), str(out_dir / name)], check=True)
            print(out_dir / f"{name}.png")
    clock.set_clock(None)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else ROOT / "docs" / "images")
