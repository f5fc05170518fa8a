"""An import whose merge meets a full disk: what it says, what it leaves, and how it is
finished or removed afterwards (the command line here; the window in
test_widgets_import)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from console.cli import main
from console.import_bench_data import write_customer_csv
from db.customers.search import search_customers
from db.imports import job as import_job
from db.imports.formats import ImportOptions
from db.imports.job import (
    ImportInterrupted,
    ImportProgress,
    abandon_import,
    import_customers_file,
    resume_import,
    unfinished_imports,
)
from db.store.connection import open_database
from tests.hostile_support import DISK_FULL, WRITES, faulty_sqlite
from tests.import_support import customer_count, interrupt_with_full_disk, quick_slices

ROWS = 300


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_slices(monkeypatch)


def _fill_the_disk_while_merging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                 ) -> tuple[Path, Path, ImportInterrupted]:
    """A file of ROWS customers whose merge finds the disk full after about 80 rows."""
    source = tmp_path / "customers.csv"
    write_customer_csv(source, ROWS)
    shop = tmp_path / "shop.sqlite"
    return shop, source, interrupt_with_full_disk(monkeypatch, shop, source)


def test_a_full_disk_mid_merge_says_the_import_waits_not_that_nothing_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop, source, error = _fill_the_disk_while_merging(tmp_path, monkeypatch)
    text = str(error)
    assert f"the disk holding {shop} is full" in text
    assert "nothing was saved" not in text
    assert "counterpart import resume" in text and "counterpart import abandon" in text
    added = customer_count(shop)
    assert 80 <= added < ROWS  # the tills see these: the message must not deny them
    assert f"{added} of {ROWS} customers added" in text
    db = open_database(shop)
    waiting = unfinished_imports(db)
    assert [(w.id, w.state, w.added) for w in waiting] == [(error.import_id, "merging", added)]
    db.close()


def test_with_room_again_the_interrupted_import_is_finished_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop, _source, _error = _fill_the_disk_while_merging(tmp_path, monkeypatch)
    db = open_database(shop)
    report = resume_import(db, workers=1)
    assert report.added == ROWS and not report.cancelled
    assert unfinished_imports(db) == []
    name = db.execute("SELECT name FROM customers ORDER BY id DESC").fetchone()[0]
    assert name in [hit.name for hit in search_customers(db, name)]  # indexed too
    db.close()
    assert customer_count(shop) == ROWS


def test_or_it_is_removed_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shop, _source, _error = _fill_the_disk_while_merging(tmp_path, monkeypatch)
    db = open_database(shop)
    report = abandon_import(db)
    assert report.cancelled and unfinished_imports(db) == []
    for table in ("customers", "customer_fts", "customer_terms", "import_row_hashes",
                  "import_added", "import_undo"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    db.close()


def test_the_command_says_it_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "customers.csv"
    write_customer_csv(source, ROWS)
    shop = tmp_path / "shop.sqlite"
    open_database(shop).close()
    slices = {"n": 0}
    real = import_job._Job._slice

    def counted(self: import_job._Job, size: int, step: object) -> object:
        slices["n"] += 1
        return real(self, size, step)  # type: ignore[arg-type]

    monkeypatch.setattr(import_job._Job, "_slice", counted)
    with faulty_sqlite(monkeypatch, DISK_FULL, WRITES, armed=lambda: slices["n"] >= 3):
        assert main(["--db", str(shop), "import", "customers", str(source)]) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("counterpart: ")]
    assert len(lines) == 1 and "Traceback" not in err
    assert "is full" in lines[0] and "'counterpart import resume'" in lines[0]
    capsys.readouterr()
    assert main(["--db", str(shop), "import", "resume"]) == 0
    assert customer_count(shop) == ROWS


def test_undo_records_a_finished_import_could_not_drop_go_with_the_next_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The last step of a finished import (dropping what would undo it) meets a full disk:
    the import still reports success, and the next import drops them."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    write_customer_csv(first, 120)
    second.write_text("external_id,name\nNEW-1,Aino Aalto\n", encoding="utf-8")
    shop = tmp_path / "shop.sqlite"
    db = open_database(shop)
    with caplog.at_level(logging.WARNING), \
            faulty_sqlite(monkeypatch, DISK_FULL, r"DELETE FROM main\.import_"):
        report = import_customers_file(db, first, ImportOptions(), workers=1)
    assert report.added == 120 and not report.cancelled
    assert "undo records stay" in caplog.text
    assert db.execute("SELECT count(*) FROM import_added").fetchone()[0] > 0
    assert import_customers_file(db, second, ImportOptions(), workers=1).added == 1
    assert db.execute("SELECT count(*) FROM import_added").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM import_undo").fetchone()[0] == 0
    db.close()


def test_a_cancel_whose_undo_meets_a_full_disk_says_the_import_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "customers.csv"
    write_customer_csv(source, ROWS)
    shop = tmp_path / "shop.sqlite"
    state = {"cancel": False, "full": False}

    def progress(p: ImportProgress) -> None:
        if p.stage == "merging" and p.done >= 80:
            state["cancel"] = True  # the person presses Cancel...

    def cancelled() -> bool:
        if state["cancel"]:
            state["full"] = True  # ...just as the disk fills up
        return state["cancel"]

    with faulty_sqlite(monkeypatch, DISK_FULL, WRITES, armed=lambda: state["full"]):
        db = open_database(shop)
        with pytest.raises(ImportInterrupted) as info:
            import_customers_file(db, source, ImportOptions(), workers=1, progress=progress,
                                  cancelled=cancelled)
        db.close()
    assert "is full" in str(info.value) and "nothing" not in str(info.value)
    db = open_database(shop)
    assert [w.state for w in unfinished_imports(db)] == ["merging"]
    abandon_import(db)
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    db.close()


def test_removing_it_on_a_still_full_disk_says_it_still_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop, _source, _error = _fill_the_disk_while_merging(tmp_path, monkeypatch)
    added = customer_count(shop)
    with faulty_sqlite(monkeypatch, DISK_FULL, WRITES):
        db = open_database(shop)
        with pytest.raises(ImportInterrupted) as info:
            abandon_import(db)
        db.close()
    assert "is full" in str(info.value)
    assert customer_count(shop) == added  # nothing half-removed: every slice failed whole
    db = open_database(shop)
    assert len(unfinished_imports(db)) == 1
    abandon_import(db)  # room again
    assert unfinished_imports(db) == []
    db.close()
    assert customer_count(shop) == 0


def test_a_server_gone_mid_merge_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server's own "cannot be reached, so nothing was read or saved; what you typed
    stays" is for a form's save: the import's message names the server and says it waits."""
    from db.errors import ServerUnavailable
    from db.imports import merge as import_merge

    source = tmp_path / "customers.csv"
    write_customer_csv(source, ROWS)
    calls = {"n": 0}
    real = import_merge.merge_new

    def away(*args: object, **kw: object) -> int:
        calls["n"] += 1
        if calls["n"] > 2:
            raise ServerUnavailable("The database server X cannot be reached, so nothing "
                                    "was read or saved.")
        return real(*args, **kw)  # type: ignore[arg-type]

    def still_away(*_args: object, **_kw: object) -> None:
        raise ServerUnavailable("The database server X cannot be reached.")

    monkeypatch.setattr(import_merge, "merge_new", away)
    monkeypatch.setattr(import_merge, "undo_added", still_away)
    db = open_database(tmp_path / "shop.sqlite")
    with pytest.raises(ImportInterrupted) as info:
        import_customers_file(db, source, ImportOptions(), workers=1)
    text = str(info.value)
    assert "the database server" in text and "cannot be reached." in text
    assert "nothing was read or saved" not in text and "import resume" in text
    db.close()
