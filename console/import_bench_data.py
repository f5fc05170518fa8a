"""A synthetic customer file in Counterpart's own CSV format, for the import benchmark.

Written a row at a time (never held whole); realistic names, phones as each country writes
them, allergies, tags and preferences from the demo pools, most rows with a birthday.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from console.bench_names import realistic_name
from db.demo import ALLERGIES, PREFERENCES, TAGS, random_phone

HEADER = ("external_id", "name", "phone", "email", "language", "birthday", "allergies",
          "preferences", "tags", "consent", "personality")
_LANGS = ("fi", "en", "zh-TW", "zh-CN")
_LANG_WEIGHTS = (40, 20, 20, 20)
_PERSONALITIES = ("", "", "", "lively", "decisive", "steady", "analytical")


def write_customer_csv(path: Path, rows: int, *, seed: int = 3, prefix: str = "BENCH-") -> None:
    """`rows` customers with external ids PREFIX0000001 ..., in UTF-8 with a header."""
    rng = random.Random(seed)
    rnd = rng.random
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for n in range(1, rows + 1):
            language = rng.choices(_LANGS, _LANG_WEIGHTS)[0]
            name = realistic_name(rng, language)
            phone = random_phone(rng, language) if rnd() < 0.85 else ""
            email = f"customer{n}@example.com" if rnd() < 0.3 else ""
            birthday = ""
            if rnd() < 0.8:
                month, day = 1 + int(rnd() * 12), 1 + int(rnd() * 28)
                birthday = (f"{1940 + int(rnd() * 66)}-{month:02d}-{day:02d}" if rnd() < 0.6
                            else f"{month:02d}-{day:02d}")
            allergies = rng.choice(ALLERGIES[language]) if rnd() < 0.2 else ""
            tags = rng.choice(TAGS[language]) if rnd() < 0.4 else ""
            preferences = rng.choice(PREFERENCES[language]) if rnd() < 0.5 else ""
            writer.writerow((f"{prefix}{n:07d}", name, phone, email, language, birthday,
                             allergies, preferences, tags, "yes" if rnd() < 0.7 else "no",
                             rng.choice(_PERSONALITIES)))
