"""Translation of messages from the non-Qt layers (db, reports, command line).

One gettext catalogue, domain ``counterpart``, under ``assets/i18n/<lang>/LC_MESSAGES``.
Widgets use Qt's ``tr()``; both are extracted by ``scripts/extract_messages.sh``.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

_LOCALE_DIR = Path(__file__).resolve().parent.parent / "assets" / "i18n"
_current = "en"


def set_language(lang: str) -> None:
    """en, fi, zh-TW or zh-CN (Qt-style fi_FI, zh_TW work too); the window sets it."""
    global _current
    _current = lang


def current_language() -> str:
    """The UI language as one of en, fi, zh-TW, zh-CN (whatever form `set_language` got)."""
    code = _current.replace("_", "-")
    if code.startswith("fi"):
        return "fi"
    if code.startswith(("zh-TW", "zh-HK", "zh-MO", "zh-Hant")):
        return "zh-TW"
    if code.startswith("zh"):
        return "zh-CN"
    return "en"


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The command line's language from the POSIX locale variables, as gettext reads them.

    LANGUAGE (a colon list such as "fi:en") first, then LC_ALL, LC_MESSAGES, LANG; the
    first one set decides, so `LANGUAGE=fi counterpart report` prints in Finnish.
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if not value:
            continue
        for code in value.split(":"):
            code = code.split(".")[0].split("@")[0].replace("-", "_")
            if code.startswith("fi"):
                return "fi"
            if code.startswith(("zh_TW", "zh_HK", "zh_MO", "zh_Hant")):
                return "zh-TW"
            if code.startswith("zh"):
                return "zh-CN"
            if code.startswith("en"):
                return "en"
        return "en"  # C, POSIX or a language the program does not speak
    return "en"


@lru_cache(maxsize=16)
def _translation(lang: str) -> gettext.NullTranslations:
    return gettext.translation(
        "counterpart", localedir=str(_LOCALE_DIR), languages=[lang.replace("-", "_")],
        fallback=True,
    )


def _(message: str) -> str:
    """Translate `message` into the current UI language."""
    return _translation(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n` in the current UI language ("1 compliment").

    Extracted with ``-k ngettext:1,2`` (scripts/extract_messages.sh).
    """
    return _translation(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark `message` for extraction without translating it now."""
    return message


# Stored words the data layer translates from a variable (`_(staff.role)`,
# `_(complaint.kind)`, `_(decision)` in db/security/staff_admin.py, reports/letter_service.py,
# db/service/compensation.py and console/cmd_staff.py). pybabel only sees literal arguments, so
# they are marked here to reach the catalogues.
STORED_WORDS = (
    N_("staff"), N_("supervisor"), N_("manager"),
    N_("complaint"), N_("compliment"), N_("suggestion"),
    N_("approved"), N_("refused"),
)


def translator(lang: str) -> Callable[[str], str]:
    """gettext for one language regardless of the UI's (a letter or export in the reader's)."""
    return _translation(lang).gettext
