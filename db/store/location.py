"""Where a shop's database is: a SQLite file (a `Path`) or a PostgreSQL server (`ServerUrl`).

`--db` and the options file's `database = ...` are parsed once into a `DatabaseLocation`, so
a libpq URL is never turned into a path (`Path("postgresql://h/db")` is `postgresql:/h/db`).
`open_database` takes either. Commands that are SQLite-only by nature (bench's file
copies) ask for `sqlite_file`, which refuses a URL with a translated message; backup,
check and import work on both (a server's work files go to `local_data_dir`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class ServerUrl:
    """A libpq URL (postgresql://user@host/dbname, TLS via sslmode). `str()` shows it
    without its password, for messages."""

    url: str

    def __str__(self) -> str:
        from db.store.engines.postgres import safe_url  # psycopg only when a URL is shown

        return safe_url(self.url)


DatabaseLocation = Path | ServerUrl


def parse_location(text: str | DatabaseLocation) -> DatabaseLocation:
    """A URL stays a URL; anything else is a file path (`~` expanded)."""
    if isinstance(text, Path | ServerUrl):
        return text
    text = text.strip()
    if text.startswith(POSTGRES_SCHEMES):
        return ServerUrl(text)
    return Path(text).expanduser()


def is_server(location: object) -> bool:
    return isinstance(location, ServerUrl)


def missing(location: DatabaseLocation) -> bool:
    """A file that does not exist (a server's database is checked when it is opened)."""
    return isinstance(location, Path) and not location.exists()


def local_file(location: DatabaseLocation) -> Path | None:
    """The SQLite file, or None for a server (for checks that an output never overwrites
    the database, and for work only a file has, such as the end-of-day backup)."""
    return location if isinstance(location, Path) else None


def _user_folder(override: str, xdg: str, default: Path) -> Path:
    given = os.environ.get(override)
    if given:
        return Path(given)
    return Path(os.environ.get(xdg) or str(default)) / "counterpart"


def local_data_dir() -> Path:
    """This till's own data folder (`console.paths.data_dir` is this): where work about a
    server database that belongs to this till is kept (an import's stage file, the server's
    backups unless the settings name a folder)."""
    return _user_folder("COUNTERPART_DATA_DIR", "XDG_DATA_HOME", Path.home() / ".local" / "share")


def local_config_dir() -> Path:
    """This till's config folder (`console.paths.config_dir` is this): options, PIN keys."""
    return _user_folder("COUNTERPART_CONFIG_DIR", "XDG_CONFIG_HOME", Path.home() / ".config")


def server_slug(url: ServerUrl) -> str:
    """A file-name-safe name for a server database: its database name and a short hash of
    its address (without the password), so two servers' files never mix."""
    import hashlib
    import re

    shown = str(url)
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", shown.rsplit("/", 1)[-1]).strip("-")[:30]
    return f"{name or 'server'}-{hashlib.sha256(shown.encode()).hexdigest()[:8]}"


def database_files(location: DatabaseLocation) -> list[Path]:
    """The database's file as a list (empty for a server), for output checks."""
    return [location] if isinstance(location, Path) else []
