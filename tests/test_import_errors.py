"""The errors file: refused rows as they were, with line and reason, written safely."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.imports.formats import ImportOptions, RefusedRow
from db.imports.job import import_customers_file
from db.store.connection import open_database
from reports.import_errors import ImportErrorsFile, describe
from reports.safe_output import UnsafeOutput, database_files

DATA = Path(__file__).parent / "data" / "import"


def read_back(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets need it for CJK and emoji
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_refused_rows_are_written_as_they_were_with_line_and_reason(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    source = DATA / "square_customers_with_problems.csv"
    out = tmp_path / "errors.csv"
    header = read_back_header(source)
    with ImportErrorsFile(out, header) as errors:
        report = import_customers_file(memory_db, source, ImportOptions(),
                                       refused_sink=errors.add)
        assert not out.exists()  # nothing at the target before commit
        errors.commit()
    assert errors.written == report.refused == 6
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = read_back(out)
    assert rows[0] == [*header, "line", "reason"]
    original = read_back_rows(source)
    for written, cells in zip(rows[1:], original, strict=True):
        assert written[: len(header)] == [c if not c.startswith(("+", "=", "-", "@"))
                                          else "'" + c for c in cells]
    assert rows[1][-2:] == ["2", "Email Address: This does not look like an email address."]
    assert rows[2][1:3] == ["小明", "王"]  # CJK kept
    assert describe(6, out).startswith("6 refused rows written to")


def test_formula_cells_are_neutralised_and_reimport_strips_the_apostrophe(
    memory_db: Database, fixed_clock: object, tmp_path: Path
) -> None:
    out = tmp_path / "errors.csv"
    header = ("external_id", "name", "phone", "preferences")
    bad = RefusedRow(3, ("X1", "=HYPERLINK(\"http://evil\")", "+358 40 123", "🎉 <b>"),
                     ("name: no",))
    with ImportErrorsFile(out, header) as errors:
        errors.add(bad)
        errors.commit()
    rows = read_back(out)
    assert rows[1][:4] == ["X1", "'=HYPERLINK(\"http://evil\")", "'+358 40 123", "🎉 <b>"]
    assert rows[1][4:] == ["3", "name: no"]
    # fixed in a spreadsheet (the columns are the same) and imported again
    fixed = tmp_path / "fixed.csv"
    fixed.write_text("external_id,name,phone,preferences,line,reason\n"
                     "X1,Fixed Name,'+358 40 1234567,🎉 <b>,3,\n", encoding="utf-8")
    report = import_customers_file(memory_db, fixed, ImportOptions())
    assert (report.added, report.refused) == (1, 0)
    row = memory_db.execute("SELECT name, phone, preferences FROM customers").fetchone()
    assert tuple(row) == ("Fixed Name", "+358 40 1234567", "🎉 <b>")


def test_the_database_and_its_files_are_never_the_errors_file(tmp_path: Path) -> None:
    db = open_database(tmp_path / "shop.sqlite")
    try:
        guarded = database_files(db)
        for target in (tmp_path / "shop.sqlite", tmp_path / "shop.sqlite-wal"):
            with pytest.raises(UnsafeOutput):
                ImportErrorsFile(target, ("a",), guarded)
        with pytest.raises(UnsafeOutput):
            ImportErrorsFile(tmp_path, ("a",), guarded)  # a folder
    finally:
        db.close()
    assert list(tmp_path.glob(".*.part")) == []


def test_a_failed_import_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    out.write_text("yesterday's errors\n", encoding="utf-8")
    with pytest.raises(RuntimeError), ImportErrorsFile(out, ("a",)) as errors:
        errors.add(RefusedRow(2, ("x",), ("a: bad",)))
        raise RuntimeError("the import failed")
    assert out.read_text(encoding="utf-8") == "yesterday's errors\n"
    assert list(tmp_path.glob(".*.part")) == []


def test_many_rows_stream_without_holding_them(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    with ImportErrorsFile(out, ("external_id", "name")) as errors:
        for line in range(2, 20_002):
            errors.add(RefusedRow(line, (f"X{line}", "陳"), ("name: too short",)))
        errors.commit()
    rows = read_back(out)
    assert len(rows) == 20_001 and rows[-1] == ["X20001", "陳", "20001", "name: too short"]


def read_back_header(path: Path) -> tuple[str, ...]:
    from db.imports.source import open_rows

    return open_rows(path)[0].header


def read_back_rows(path: Path) -> list[list[str]]:
    from db.imports.source import open_rows

    return [cells for _line, cells in open_rows(path)[1]]
