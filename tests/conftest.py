"""Shared fixtures: a fresh database, data and config dirs in tmp_path, a fixed clock."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "0")

from sqlite_utils import Database  # noqa: E402

from db import clock  # noqa: E402
from db.store.connection import open_database  # noqa: E402

pytest_plugins = ["tests.pg_support"]  # the PostgreSQL server fixtures (pg_url, ...)

FIXED_NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
ENGINES = ("sqlite", "pg")
TEST_KEY = bytes(range(32))  # a fixed shop PIN key, so PIN hashes can be cached in tests


@pytest.fixture(scope="session", autouse=True)
def _session_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Module- and session-scoped fixtures run before `_isolated_dirs`: point them at a
    session folder too (with the test PIN key), never at a real user profile."""
    from db.security import pin_key

    base = tmp_path_factory.mktemp("session-home")
    pin_key.write_key_file(TEST_KEY, base / "config")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COUNTERPART_DATA_DIR", str(base / "data"))
        patch.setenv("COUNTERPART_CONFIG_DIR", str(base / "config"))
        patch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
        patch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
        yield


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches a real user profile."""
    base = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COUNTERPART_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("COUNTERPART_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    # every test's config folder holds the test PIN key, so a database set up with it (even
    # by a module-scoped fixture) checks PINs in any test; see tests.service_data_support
    from db.security import pin_key

    pin_key.write_key_file(TEST_KEY, base / "config")


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """A test that switches the messages' language (a Chinese window, a Finnish command)
    leaves English behind: a later test in the same process reads English messages."""
    from db.i18n import current_language, set_language

    before = current_language()
    yield
    if current_language() != before:
        set_language(before)


@pytest.fixture
def fixed_clock() -> Iterator[datetime]:
    clock.set_clock(lambda: FIXED_NOW)
    yield FIXED_NOW
    clock.set_clock(None)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """In a module marked `both_engines`, every test using `fresh_db` or `memory_db` runs on
    SQLite and on PostgreSQL (ids `[sqlite]`, `[pg]`), except one marked `sqlite_only`
    (SQLite machinery in the test itself: query plans, its triggers, its files)."""
    uses_db = {"fresh_db", "memory_db"} & set(metafunc.fixturenames)
    if (uses_db and metafunc.definition.get_closest_marker("both_engines") is not None
            and metafunc.definition.get_closest_marker("sqlite_only") is None):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The engine of `fresh_db`/`memory_db`: "sqlite" unless parametrised (both_engines)."""
    return str(getattr(request, "param", "sqlite"))


def _engine_db(request: pytest.FixtureRequest, engine: str, path: str | Path) -> Database:
    if engine == "pg":  # a new database on the session's throwaway server
        return open_database(str(request.getfixturevalue("pg_url")))
    return open_database(path)


@pytest.fixture
def fresh_db(tmp_path: Path, request: pytest.FixtureRequest, engine: str) -> Iterator[Database]:
    db = _engine_db(request, engine, tmp_path / "test.sqlite")
    yield db
    db.close()


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test() -> Iterator[None]:
    """Delete every top-level widget a test left behind. A closed window stays alive while
    anything refers to it, and with it its application-wide event filter (idle sign-out)
    and its data-bus listeners: hundreds of them made every later key press slow."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def memory_db(request: pytest.FixtureRequest, engine: str) -> Iterator[Database]:
    db = _engine_db(request, engine, ":memory:")
    yield db
    db.close()


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str], qapp_cls: type, pytestconfig: pytest.Config) -> Iterator[object]:
    """pytest-qt's application, with English plural forms as the console installs them."""
    from PySide6.QtWidgets import QApplication

    from widgets.plurals import EnglishPlurals

    app = QApplication.instance() or qapp_cls(qapp_args)
    name = pytestconfig.getini("qt_qapp_name")
    app.setApplicationName(name)
    app.installTranslator(EnglishPlurals(app))
    from widgets.plain_labels import install_plain_labels

    install_plain_labels(app)  # as console.app.configure does: labels show text as typed
    yield app
