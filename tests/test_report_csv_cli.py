"""CSV export parsed back (with its BOM) and the `counterpart report` command's errors."""

from __future__ import annotations

import csv
import json
import os
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlite_utils import Database

from console.cli import main
from db.report_queries import build_report
from reports.report_csv import write_csv
from tests.report_fixtures import NOW, seed_mix

DAY = date(2026, 11, 22)


def read_csv(path: Path, delimiter: str = ";") -> list[list[str]]:
    """The shops of these tests are Finnish (fi_FI): ";" between columns, decimal commas."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for spreadsheet programs
    return list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=delimiter))


def amount(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def test_detail_and_summary_csv_parse_back(fresh_db: Database, tmp_path: Path) -> None:
    seed_mix(fresh_db, DAY)
    data = build_report(fresh_db, DAY - timedelta(days=6), DAY, actor=None, now=NOW)
    detail, summary = write_csv(data, tmp_path / "week.csv")
    assert summary.name == "week-summary.csv"
    rows = read_csv(detail)
    header, body = rows[0], rows[1:]
    assert header[:5] == ["No.", "Date", "Time", "Kind", "Customer"]
    assert [int(r[0]) for r in body] == [d.complaint_id for d in data.details]
    value = header.index("Value")
    assert all("," in r[value] for r in body)  # fi_FI: decimal comma
    total = sum(amount(r[value]) for r in body)
    all_approved = sum(m.total_minor for m in data.compensation_by_kind)
    assert total == Decimal(all_approved) / 100
    assert {r[header.index("Currency")] for r in body} == {"EUR"}
    assert "王小明" in {r[4] for r in body} and "John <Smith> & Co" in {r[4] for r in body}
    last = body[-1]
    assert (last[1], last[2]) == ("2026-11-22", "23:59")  # shop-local date and time

    sums = {(r[0], r[1]): r for r in read_csv(summary)[1:]}
    assert sums[("Summary", "Complaints")][2] == str(data.totals.complaints)
    valued = sums[("Summary", "Compensation given · lines with value")]
    assert amount(valued[3]) == Decimal(data.totals.compensation_minor) / 100
    assert valued[2] == str(data.totals.compensation_count)
    assert sums[("Summary", "Compensation given · all remedies")][2] == str(
        sum(m.count for m in data.compensation_by_kind))
    assert sums[("Trend per day", DAY.isoformat())][2] == str(data.trend[-1].complaints)


def test_csv_headings_follow_the_report_language(fresh_db: Database, tmp_path: Path) -> None:
    seed_mix(fresh_db, DAY, days_back=2)
    fresh_db.execute("INSERT INTO shop_settings(shop_id, key, value) "
                     "VALUES (1, 'report_language', ?)",
                     [json.dumps("zh-TW")])
    data = build_report(fresh_db, DAY, DAY, actor=None, now=NOW)
    detail, _summary = write_csv(data, tmp_path / "day.csv")
    assert read_csv(detail)[0][:3] == ["編號", "日期", "時間"]


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    from db.store.connection import open_database

    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    seed_mix(db, DAY, days_back=3)
    db.close()
    return path


def test_command_writes_pdf_and_csv(db_file: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out, sheet = tmp_path / "day.pdf", tmp_path / "day.csv"
    code = main(["report", "--db", str(db_file), "--date", DAY.isoformat(), "--out", str(out),
                 "--csv", str(sheet)])
    assert code == 0
    assert "complaints" in capsys.readouterr().out
    assert len(PdfReader(out).pages) >= 1
    assert read_csv(sheet)[0][0] == "No." and (tmp_path / "day-summary.csv").exists()
    code = main(["report", "--db", str(db_file), "--from", "2026-11-19", "--to", "2026-11-22",
                 "--out", str(tmp_path / "range.pdf")])
    assert code == 0 and "Trend per day" in "".join(
        p.extract_text() for p in PdfReader(tmp_path / "range.pdf").pages)


def test_an_empty_day_still_prints(db_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert main(["report", "--db", str(db_file), "--date", "2025-01-01", "--out",
                 str(out)]) == 0
    assert "No complaints" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-11-22", "--to", "2026-11-01"], "reversed"),
    (["--from", "2026-11-01"], "both --from and --to"),
    (["--date", "2026-11-22", "--from", "2026-11-01", "--to", "2026-11-02"], "either --date"),
    (["--from", "2024-01-01", "--to", "2026-01-01"], "at most 366 days"),
])
def test_bad_ranges_are_clear_errors(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
    message: str,
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["report", "--db", str(db_file), *args, "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_malformed_date_is_a_clear_error(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--db", str(db_file), "--date", "22.11.2026", "--out",
              str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


def test_unwritable_paths_and_missing_database(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = ["--date", DAY.isoformat()]
    assert main(["report", "--db", str(db_file), *day, "--out",
                 str(tmp_path / "nowhere" / "x.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["report", "--db", str(db_file), *day, "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if not os.access(locked, os.W_OK):  # root can write anywhere; the check still runs
            assert main(["report", "--db", str(db_file), *day, "--out",
                         str(locked / "x.pdf")]) == 2
            assert "permission denied" in capsys.readouterr().err
    finally:
        locked.chmod(0o700)
    assert main(["report", "--db", str(tmp_path / "missing.sqlite"), *day, "--out",
                 str(tmp_path / "x.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "missing.sqlite").exists()


def test_printing_in_a_managers_name_is_checked(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.store.connection import open_database

    db = open_database(db_file)
    staff_id, manager_id = (
        db.execute("SELECT id FROM staff WHERE role = ? ORDER BY id", [role]).fetchone()[0]
        for role in ("staff", "manager"))
    db.close()
    out = tmp_path / "x.pdf"
    base = ["report", "--db", str(db_file), "--date", DAY.isoformat(), "--out", str(out)]
    assert main([*base, "--manager", str(staff_id)]) == 2
    assert "Only a manager" in capsys.readouterr().err and not out.exists()
    assert main([*base, "--manager", "999"]) == 2
    assert "no staff member with id 999" in capsys.readouterr().err
    assert main([*base, "--manager", str(manager_id)]) == 0
    assert "Printed by Maria on" in PdfReader(out).pages[0].extract_text()
