"""Reading a CSV export as other systems write it, a row at a time, never the whole file.

Spreadsheets and point-of-sale systems write UTF-8 with or without a byte-order mark, UTF-16
(Excel's "Unicode text", with a BOM or without one), and sometimes a legacy code page. The
reader names what it found so a refusal can say it ("UTF-16 without a byte-order mark"),
instead of reporting columns full of NUL characters.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from db.errors import ImportFailed
from db.i18n import _
from db.text import clean_text, needs_cleaning

SNIFF_BYTES = 64 * 1024
MAX_FIELD = 10_000


@dataclass(frozen=True)
class SourceInfo:
    """What the file is: its encoding (a Python codec name), as a person would call it,
    its delimiter and its header row exactly as written."""

    encoding: str
    encoding_label: str
    delimiter: str
    header: tuple[str, ...]


def detect_encoding(head: bytes) -> tuple[str, str]:
    """(codec, label) from the first bytes; raises ImportFailed for a binary file."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "UTF-8"
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16", "UTF-16"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", "UTF-16"
    sample = head[:4096]
    if sample:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = max(1, len(sample) // 2)
        if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
            return "utf-16-le", _("UTF-16 (little-endian) without a byte-order mark")
        if even_nuls > half * 0.3 and odd_nuls < half * 0.05:
            return "utf-16-be", _("UTF-16 (big-endian) without a byte-order mark")
        if sample.count(0) > max(8, len(sample) // 50):  # a stray NUL is cleaned away
            raise ImportFailed([(1, _("this is not a text file (it holds NUL bytes); "
                                      "export the data as CSV and try again"))])
    return "utf-8", "UTF-8"


def _delimiter(first_line: str) -> str:
    """Comma unless the header clearly uses semicolons or tabs (European spreadsheets)."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def open_rows(path: Path | str) -> tuple[SourceInfo, Iterator[tuple[int, list[str]]]]:
    """The file's header and an iterator of (line number, cells) for the rows after it.

    Line numbers are the file's physical lines (a quoted cell may span several), so a
    person can find the row in a text editor or spreadsheet. Blank rows are skipped.
    Cells are cleaned of NUL, control and bidi-override characters. Raises ImportFailed
    for an empty, binary or undecodable file.
    """
    path = Path(path)
    with path.open("rb") as probe:
        head = probe.read(SNIFF_BYTES)
    if not head.strip():
        raise ImportFailed([(1, _("the file is empty; the first row must name the columns"))])
    encoding, label = detect_encoding(head)
    try:
        first_text = head.decode(encoding, errors="strict")
    except UnicodeDecodeError as exc:
        # a short file is whole; a long one may end in a character cut at the boundary
        if len(head) < SNIFF_BYTES or exc.end < len(head) - 4:
            raise _not_utf8(head, exc.start, encoding) from exc
        first_text = head[: exc.start].decode(encoding, errors="strict")
    delimiter = _delimiter(first_text.lstrip("\ufeff").split("\n", 1)[0])
    stream = io.TextIOWrapper(path.open("rb"), encoding=encoding, newline="")
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as exc:
        stream.close()
        raise ImportFailed([(1, _("the first row cannot be read: {reason}")
                             .format(reason=exc))]) from exc
    if header is None or not any(cell.strip() for cell in header):
        stream.close()
        raise ImportFailed([(1, _("the file is empty; the first row must name the columns"))])
    info = SourceInfo(encoding=encoding, encoding_label=label, delimiter=delimiter,
                      header=tuple(clean_text(c).strip().lstrip("\ufeff") for c in header))
    return info, _rows(reader, stream, encoding)


def _rows(reader: Iterator[list[str]], stream: io.TextIOWrapper,
          encoding: str) -> Iterator[tuple[int, list[str]]]:
    try:
        start = reader.line_num + 1  # type: ignore[attr-defined]
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ImportFailed([(start, _("the CSV is malformed: {reason}")
                                     .format(reason=exc))]) from exc
            except UnicodeDecodeError as exc:
                raise ImportFailed([(start, _("this line is not {encoding} text; save the "
                                              "file as CSV UTF-8 and try again")
                                     .format(encoding=encoding))]) from exc
            line = start
            start = reader.line_num + 1  # type: ignore[attr-defined]
            stripped = [c.strip() for c in cells]
            if not any(stripped):
                continue
            if needs_cleaning("".join(cells)):
                stripped = [clean_text(c).strip() for c in cells]
            yield line, stripped
    finally:
        stream.close()


def _not_utf8(raw: bytes, start: int, encoding: str) -> ImportFailed:
    line = raw[:start].count(b"\n") + 1
    return ImportFailed([(line, _("the file is not {encoding} text; save it as CSV UTF-8 and "
                                  "try again").format(encoding=encoding.upper()))])


def strip_spreadsheet_apostrophe(value: str) -> str:
    """'0401234567 -> 0401234567: spreadsheets put an apostrophe before numbers kept as text."""
    return value[1:] if value.startswith("'") else value
