"""User preferences, declared in one place with type, default and translatable title.

Widgets never use QSettings keys: they read `AppContext.options.get(name)`. Window state
(geometry, splitter positions) is kept apart under its own group, so resetting
preferences never moves windows and vice versa (Picard's options.py idea).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from console.paths import config_dir


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's own name
    """Mark a title for extraction; it is translated when shown."""
    return text


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    title: str  # untranslated; show with QCoreApplication.translate("Options", title)

    def shown_title(self) -> str:
        return QCoreApplication.translate("Options", self.title)


OPTIONS: tuple[Option, ...] = (
    Option("ui_language", str, "", QT_TRANSLATE_NOOP("Options", "Screen language (empty: system)")),
    Option("base_font_pt", int, 15, QT_TRANSLATE_NOOP("Options", "Base font size (points)")),
    Option("search_debounce_ms", int, 0,
           QT_TRANSLATE_NOOP("Options", "Wait after a keystroke before searching (ms)")),
    Option("history_page_size", int, 50,
           QT_TRANSLATE_NOOP("Options", "Purchases loaded at a time in the history")),
    Option("birthday_days_ahead", int, 7,
           QT_TRANSLATE_NOOP("Options", "Days ahead shown in this week's birthdays")),
    # This machine's till name (db.tills), recorded on what it writes; empty: not named yet
    # (the console asks at start). `counterpart --till NAME` overrides it for one command.
    Option("till_name", str, "", QT_TRANSLATE_NOOP("Options", "Till name (this machine)")),
    # The shop's database file for this till (e.g. on the shop machine's shared disk), used
    # when no --db is given; empty: the console's own file in the user data folder.
    Option("database", str, "", QT_TRANSLATE_NOOP("Options", "Database file of this till")),
    # The shop of the company this till belongs to (db.shops), by number or name, when the
    # database holds several; empty: the database's first shop. `--shop` overrides it.
    Option("shop", str, "", QT_TRANSLATE_NOOP("Options", "Shop of this till")),
)
_BY_NAME = {o.name: o for o in OPTIONS}


class Options:
    """Typed access to the declared options, stored in an INI file in the config folder."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or config_dir() / "options.ini"
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, name: str) -> Any:
        option = _BY_NAME[name]
        raw = self._settings.value(f"options/{name}", option.default)
        try:
            return option.type(raw)
        except (TypeError, ValueError):
            return option.default

    def set(self, name: str, value: Any) -> None:
        option = _BY_NAME[name]
        self._settings.setValue(f"options/{name}", option.type(value))

    def reset(self) -> None:
        self._settings.remove("options")

    # Window state, apart from preferences.
    def window_state(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def save_window_state(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self._settings.sync()
