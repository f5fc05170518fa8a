"""Microseconds per row of the customer mappers (one per format) on generated rows.

    PYTHONPATH=. python scripts/bench_import_formats.py [ROWS]
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date

from db.imports.formats import ImportOptions, customer_mapper

SQUARE = ("Reference ID", "First Name", "Last Name", "Email Address", "Phone Number",
          "Nickname", "Company Name", "Birthday", "Memo", "Square Customer ID", "First Visit",
          "Last Visit", "Transaction Count", "Lifetime Spend", "Email Subscription Status")
SHOPIFY = ("Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing",
           "Default Address Company", "Default Address Phone", "Phone",
           "Accepts SMS Marketing", "Total Spent", "Total Orders", "Note", "Tax Exempt",
           "Tags")
OWN = ("external_id", "name", "phone", "email", "language", "birthday", "allergies",
       "preferences", "tags", "consent")
GIVEN = ["Anna", "Mikko", "Emily", "小明", "美玲", "Liisa", "Tom"]
FAMILY = ["Virtanen", "Korhonen", "Carter", "王", "陳", "Nieminen", "O'Brien"]


def _phone(rng: random.Random) -> str:
    return f"'04{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def rows(kind: str, n: int) -> list[list[str]]:
    rng = random.Random(7)
    out = []
    for i in range(n):
        g, f = rng.choice(GIVEN), rng.choice(FAMILY)
        if kind == "square":
            out.append([f"R{i}", g, f, f"c{i}@example.fi", _phone(rng), "", "",
                        rng.choice(["1990-02-03", "02-03", ""]), "Oat milk",
                        f"SQ{i:08d}", "2021-03-04", "2024-05-06", str(rng.randint(0, 99)),
                        f"${rng.randint(0, 9999)}.50", rng.choice(["Subscribed", "Unknown"])])
        elif kind == "shopify":
            out.append([f"'{7210448301122 + i}", g, f, f"c{i}@example.fi",
                        rng.choice(["yes", "no"]), "", "", _phone(rng), "no",
                        f"{rng.randint(0, 9999)}.00", str(rng.randint(0, 40)), "Quiet table",
                        "no", "vip, regular"])
        else:
            out.append([f"POS-{i}", f"{g} {f}", _phone(rng), f"c{i}@example.fi", "fi",
                        rng.choice(["1990-02-03", "--02-03", ""]), "gluten; peanuts",
                        "Kauramaito", "vip;window", rng.choice(["yes", "no"])])
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    today = date(2026, 11, 30)
    for kind, header in (("counterpart", OWN), ("square", SQUARE), ("shopify", SHOPIFY)):
        data = rows(kind, n)
        mapper = customer_mapper(header, ImportOptions(region="FI"))
        assert mapper.format_name == kind, mapper.format_name
        start = time.process_time()
        refused = 0
        for line, cells in enumerate(data, start=2):
            if not hasattr(mapper.map_row(line, cells, today), "data"):
                refused += 1
        took = time.process_time() - start
        print(f"{kind:12} {took / n * 1e6:6.1f} us/row  ({n} rows, {refused} refused)")


if __name__ == "__main__":
    main()
