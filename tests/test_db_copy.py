"""`counterpart db copy SRC DST` (issue 11): a shop moves SQLite -> PostgreSQL -> SQLite
with every table's rows and a verifying audit chain; a target that holds data is refused
and left as it was; a copy that fails half-way leaves an empty target."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

import db.store.shop_copy as shop_copy
from console.cli import main
from console.paths import config_dir
from db.customers.search import search_customers
from db.store.connection import open_database
from db.store.location import parse_location

_SHOP: dict[str, bytes] = {}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo shop on SQLite, made once for the module (with its PIN key)."""
    path = tmp_path_factory.mktemp("shop") / "shop.sqlite"
    assert main(["demo", "--customers", "5", "--db", str(path)]) == 0
    _SHOP.update({k.name: k.read_bytes() for k in config_dir().glob("pin-key-*")})
    return path


@pytest.fixture(autouse=True)
def _pin_keys() -> Iterator[None]:
    config_dir().mkdir(parents=True, exist_ok=True)
    for name, data in _SHOP.items():
        (config_dir() / name).write_bytes(data)
    yield


def counts(location: str | Path) -> dict[str, int]:
    db = open_database(parse_location(str(location)))
    try:
        return {t.name: int(db.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0])
                for t in shop_copy.copy_plan()}
    finally:
        db.close()


def test_the_plan_puts_parents_first_and_trigger_fed_tables_last() -> None:
    order = [t.name for t in shop_copy.copy_plan()]
    assert order.index("staff") < order.index("customers") < order.index("purchases")
    assert order.index("purchases") < order.index("purchase_items")
    assert order.index("complaints") < order.index("compensations")
    assert order.index("vouchers") < order.index("compensations")
    assert order[-1] == "customer_items"
    assert "customer_fts" in order and not any(n.startswith("sqlite_") for n in order)


def test_sqlite_to_postgresql_and_back_keeps_every_row_and_the_audit_chain(
        demo_file: Path, empty_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = counts(demo_file)
    assert before["customers"] == 5 and before["audit_log"] > 0
    # an empty server database without tables: the copy makes them (as db init)
    assert main(["db", "copy", str(demo_file), empty_url]) == 0
    out = capsys.readouterr().out
    assert "audit_log" in out and "unbroken" in out
    assert counts(empty_url) == before
    assert main(["audit", "verify", "--db", empty_url]) == 0

    back = tmp_path / "back.sqlite"
    assert main(["db", "copy", empty_url, str(back)]) == 0
    assert counts(back) == before
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(back)]) == 0
    assert "unbroken" in capsys.readouterr().out

    # the search index came along with its keys: the same customers in the same order
    expected = [c.id for c in _search(demo_file, "nen")]
    assert len(expected) >= 2
    for location in (demo_file, empty_url, back):
        db = open_database(parse_location(str(location)))
        try:
            found = [c.id for c in search_customers(db, "nen")]
        finally:
            db.close()
        assert found == expected


def _search(location: Path, text: str) -> list[object]:
    db = open_database(location)
    try:
        return list(search_customers(db, text))
    finally:
        db.close()


def test_identity_sequences_continue_after_the_copied_ids(
        demo_file: Path, pg_url: str) -> None:
    assert main(["db", "copy", str(demo_file), pg_url]) == 0
    with psycopg.connect(pg_url) as conn:
        for table in ("customers", "audit_log", "complaints", "vouchers"):
            top = conn.execute(f"SELECT max(id) FROM {table}").fetchone()
            following = conn.execute(
                f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))").fetchone()
            assert top is not None and following is not None
            assert following[0] == top[0] + 1, table


def test_a_target_holding_data_is_refused_and_left_untouched(
        demo_file: Path, pg_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "copy", str(demo_file), pg_url]) == 0
    on_server = counts(pg_url)
    capsys.readouterr()
    assert main(["db", "copy", str(demo_file), pg_url]) == 2
    assert "already holds data" in capsys.readouterr().err
    assert counts(pg_url) == on_server

    other = tmp_path / "other.sqlite"
    assert main(["demo", "--customers", "2", "--db", str(other)]) == 0
    local = counts(other)
    data = other.read_bytes()
    assert main(["db", "copy", pg_url, str(other)]) == 2
    assert "already holds data" in capsys.readouterr().err
    assert counts(other) == local and other.read_bytes() == data


def test_a_copy_failing_half_way_leaves_the_target_empty(
        demo_file: Path, pg_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = shop_copy._copy_table
    done: list[str] = []

    def failing(src: object, dst: object, table: shop_copy._Table) -> None:
        if table.name == "purchases":
            raise OSError(28, "No space left on device")
        real(src, dst, table)  # type: ignore[arg-type]
        done.append(table.name)

    monkeypatch.setattr(shop_copy, "_copy_table", failing)
    with pytest.raises(OSError):
        shop_copy.copy_database(demo_file, parse_location(pg_url))
    assert "customers" in done and "staff" in done  # it failed after real work
    left = counts(pg_url)  # as new: only shop 1, which every new database has
    assert left.pop("shops") == 1 and set(left.values()) == {0}

    target = tmp_path / "new.sqlite"
    with pytest.raises(OSError):
        shop_copy.copy_database(parse_location(pg_url), target)
    assert not target.exists() and not Path(str(target) + "-wal").exists()


def test_copying_a_database_onto_itself_or_from_nowhere_is_refused(
        demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "copy", str(demo_file), str(demo_file)]) == 2
    assert "same database" in capsys.readouterr().err
    assert main(["db", "copy", str(tmp_path / "none.sqlite"), str(tmp_path / "x.sqlite")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()
