"""Tier from facts (spend and visits), re-rated on every purchase."""

from __future__ import annotations

# (tier, minimum spend in minor units, minimum visits); the first that matches wins.
THRESHOLDS: tuple[tuple[str, int, int], ...] = (
    ("platinum", 300_000, 150),
    ("gold", 100_000, 50),
    ("silver", 30_000, 15),
    ("bronze", 1, 1),
)


def rate(total_spend_minor: int, visits: int) -> str:
    for tier, spend, count in THRESHOLDS:
        if total_spend_minor >= spend or visits >= count:
            return tier
    return "new"
