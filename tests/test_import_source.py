"""Reading export files as they come: encodings named, delimiters, line numbers, and the
customer import working on what spreadsheets save (UTF-16 with or without a BOM)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from sqlite_utils import Database

from db.errors import ImportFailed
from db.imports.formats import ImportOptions
from db.imports.job import import_customers_file, preview_customers
from db.imports.source import open_rows, strip_spreadsheet_apostrophe

DATA = Path(__file__).parent / "data" / "import"
SQUARE = (DATA / "square_customers.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("encoding", "bom", "label"), [
    ("utf-8", b"", "UTF-8"),
    ("utf-8", codecs.BOM_UTF8, "UTF-8"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
    ("utf-16-le", b"", "UTF-16 (little-endian) without a byte-order mark"),
    ("utf-16-be", b"", "UTF-16 (big-endian) without a byte-order mark"),
])
def test_square_export_imports_in_every_encoding_a_spreadsheet_saves(
    memory_db: Database, fixed_clock: object, tmp_path: Path, encoding: str, bom: bytes,
    label: str
) -> None:
    path = tmp_path / "customers.csv"
    path.write_bytes(bom + SQUARE.encode(encoding))
    preview = preview_customers(memory_db, path, ImportOptions())
    assert preview.source.encoding_label == label
    assert preview.format_name == "square"  # not unknown columns full of NULs
    assert not any("\x00" in c.column for c in preview.columns)
    report = import_customers_file(memory_db, path, ImportOptions())
    assert (report.added, report.refused) == (20, 0)
    names = {r[0] for r in memory_db.execute("SELECT name FROM customers")}
    assert "王小明" in names and "Grace Lee 🎉" in names


def test_tab_and_semicolon_files_and_quoted_line_breaks_keep_their_line_numbers(
    tmp_path: Path
) -> None:
    path = tmp_path / "semi.csv"
    path.write_text('external_id;name;preferences\nA;Ann;"one\ntwo"\n\nB;Bo;x\n',
                    encoding="utf-8")
    source, rows = open_rows(path)
    assert source.delimiter == ";" and source.header == ("external_id", "name", "preferences")
    assert [(line, cells[0]) for line, cells in rows] == [(2, "A"), (5, "B")]
    tab = tmp_path / "tab.txt"
    tab.write_bytes("external_id\tname\nA\t陳\n".encode("utf-16"))
    source, rows = open_rows(tab)
    assert source.delimiter == "\t" and list(rows) == [(2, ["A", "陳"])]


def test_binary_and_empty_files_are_refused_with_a_reason(tmp_path: Path) -> None:
    binary = tmp_path / "x.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\x00\x01\x02\x00\x00\xff" * 50)
    with pytest.raises(ImportFailed, match="not a text file"):
        open_rows(binary)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\xef\xbb\xbf  \n")
    with pytest.raises(ImportFailed, match="empty"):
        open_rows(empty)


def test_legacy_code_page_is_named_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("external_id,name\nA,Päivi\n".encode("latin-1"))
    with pytest.raises(ImportFailed) as info:
        list(open_rows(path)[1])
    (line, reason), = info.value.problems
    assert line == 2 and "not UTF-8 text" in reason and "CSV UTF-8" in reason


def test_spreadsheet_apostrophe_goes_only_from_the_front() -> None:
    assert strip_spreadsheet_apostrophe("'0401234567") == "0401234567"
    assert strip_spreadsheet_apostrophe("O'Brien") == "O'Brien"
