"""Letter speed figures for `counterpart bench` (listed in console.bench.EXTRA_FIGURES).

`letter_ms`: median time to render one apology letter with Chinese text and a voucher QR code
in a warm process (fonts registered, templates loaded). `letter_batch_100_s`: 100 birthday
letters for customers of the bench database, each with its own PDF plus the combined PDF a
batch prints, exactly as the birthday batch does it. Nothing is written to the database.
"""

from __future__ import annotations

import statistics
import time
from datetime import date

from sqlite_utils import Database

from db.settings import load_settings
from reports.letter_service import birthday_batch
from reports.letter_templates import LetterFacts, RemedyInfo, VoucherInfo, compose, role_title
from reports.letters import LetterData, build_letter_pdf

Figure = tuple[str, float, str]

RUNS = 15


def _sample_letter(db: Database) -> LetterData:
    settings = load_settings(db)
    voucher = VoucherInfo(code="7KQ2-M9XD", value_minor=1500, expires_on=date(2027, 5, 31))
    facts = LetterFacts(
        customer_name="陳美玲 (Meiling Chen)", shop_name=settings.shop_name,
        currency=settings.currency, phone=settings.phone, email=settings.email,
        visit_date=date(2026, 11, 20), cause="quality",
        letter_words="牛肉麵的湯是冷的，而且等了四十分鐘 <沒有人> 來點餐 & 結帳。",
        prevention="值班主管已重新安排了尖峰時段的人力。", voucher=voucher,
        remedies=(RemedyInfo("refund", 656), RemedyInfo("free_item", 650, item="鮭魚貝果"),
                  RemedyInfo("voucher", 1500, code=voucher.code, expires_on=voucher.expires_on)),
    )
    text = compose("apology", "zh-TW", facts)
    return LetterData(
        kind="apology", language="zh-TW", shop=settings, customer_name=facts.customer_name,
        letter_date=date(2026, 11, 23), subject=text.subject, body=text.body,
        closing=text.closing, signer_name="林志明", signer_role=role_title("zh-TW", "supervisor"),
        customer_no="C000042", complaint_id=128, complaint_date=date(2026, 11, 20),
        voucher=voucher,
    )


def letter_ms(db: Database, runs: int = RUNS) -> float:
    data = _sample_letter(db)
    build_letter_pdf(data)  # warm: fonts, templates, glyph caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        build_letter_pdf(data)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def letter_batch_s(db: Database, count: int = 100) -> float:
    # Birthday letters go only to customers who agreed to be contacted (and not erased).
    ids = [r[0] for r in db.execute(
        "SELECT id FROM customers WHERE consent_contact = 1 AND erased_at IS NULL "
        "ORDER BY id LIMIT ?", [count])]
    if not ids:
        return float("nan")
    ids = (ids * (count // len(ids) + 1))[:count]
    start = time.perf_counter()
    birthday_batch(db, ids, today=date(2026, 11, 23))
    return time.perf_counter() - start


def bench_figures(db: Database, *, runs: int = RUNS, batch: int = 100) -> list[Figure]:
    """The figures `counterpart bench` prints (smaller `runs`/`batch` only in tests)."""
    return [
        ("letter_ms", round(letter_ms(db, runs), 1), "ms"),
        ("letter_batch_100_s", round(letter_batch_s(db, batch), 2), "s"),
    ]
