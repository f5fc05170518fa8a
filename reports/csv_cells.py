"""CSV cells that a spreadsheet shows as text, never runs as a formula.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken by
spreadsheet programs as the start of a formula (``=HYPERLINK(...)`` in a customer's name
would become a live link, ``=cmd|...`` worse). Every such text cell gets a leading
apostrophe, which spreadsheets show as text. Numbers stay numbers: ints, Decimals and cells
that are a plain decimal number (``-12.50``, ``3``) are written as they are.

Use `writer` instead of ``csv.writer`` for every CSV the console writes.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


class _Writer(Protocol):
    def writerow(self, row: Iterable[Any], /) -> Any: ...


def neutralise(value: Any) -> Any:
    """`value` made safe for a spreadsheet cell (text with a formula start gets a ``'``)."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeWriter:
    """A ``csv.writer`` whose every cell goes through `neutralise`."""

    def __init__(self, inner: _Writer) -> None:
        self._inner = inner

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._inner.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: Any, **kwargs: Any) -> SafeWriter:
    """``csv.writer(out, **kwargs)`` with formula-looking text cells neutralised."""
    return SafeWriter(csv.writer(out, **kwargs))
