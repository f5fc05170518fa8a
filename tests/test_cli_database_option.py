"""A till's options file names the shop's database, so staff never type `--db`."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.cli import main
from console.paths import config_dir
from tests.import_support import customer_count


def test_the_options_file_names_the_database_and_db_still_wins(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shop = tmp_path / "shared disk" / "shop.sqlite"
    shop.parent.mkdir()
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "options.ini").write_text(f"[options]\ndatabase = {shop}\n",
                                               encoding="utf-8")
    assert main(["demo", "--customers", "4"]) == 0
    assert str(shop) in capsys.readouterr().out  # "Demo database written to <shop>"
    assert customer_count(shop) == 4

    elsewhere = tmp_path / "elsewhere.sqlite"
    assert main(["demo", "--customers", "2", "--db", str(elsewhere)]) == 0
    assert customer_count(elsewhere) == 2 and customer_count(shop) == 4
