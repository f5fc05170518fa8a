"""The console id stays the same across restarts, even when the config folder is read-only.

Wrong PINs are recorded with the console id (the lockout itself counts across all tills),
and drafts are kept per console; the id must not change with every start.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from console.paths import console_id, derived_console_id
from db.security import lockout
from db.store.connection import open_database


@pytest.fixture
def unwritable_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config folder that cannot be created, even as root: its parent is a plain file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    config = blocker / "counterpart"
    monkeypatch.setenv("COUNTERPART_CONFIG_DIR", str(config))
    return config


def test_a_writable_config_folder_keeps_a_random_id(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COUNTERPART_CONFIG_DIR", str(tmp_path / "config"))
    first = console_id()
    assert (tmp_path / "config" / "console-id").read_text(encoding="utf-8") == first
    assert console_id() == first


def test_an_unwritable_config_folder_gives_the_same_id_every_start(
    unwritable_config: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = console_id()
    assert console_id() == first == derived_console_id()
    assert first.startswith("console-") and len(first) == len("console-") + 12
    assert not unwritable_config.exists()
    # another data folder (another shop database on this machine) is another console
    monkeypatch.setenv("COUNTERPART_DATA_DIR", str(tmp_path / "other-data"))
    assert console_id() != first


def test_a_lockout_survives_a_restart_with_an_unwritable_config_folder(
    unwritable_config: Path, tmp_path: Path,
) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    for _i in range(5):
        lockout.record_failure(db, console_id(), "sign_in")
    assert lockout.status(db, console_id()).locked
    db.close()
    db = open_database(path)  # "restart": a new process asks for its id again
    assert lockout.status(db, console_id()).locked
    db.close()
