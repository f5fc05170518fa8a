"""QApplication set-up: shipped fonts, the touch-friendly style sheet, translations.

The fonts in assets/fonts are registered with Qt so Chinese, Finnish and English render
on any machine, not only one that happens to have a CJK font installed.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from console.paths import ASSETS_DIR
from db.i18n import set_language
from widgets.plain_labels import install_plain_labels
from widgets.plurals import EnglishPlurals
from widgets.wheel_guard import install_wheel_guard

log = logging.getLogger(__name__)

FONT_FAMILIES = ["DejaVu Sans", "Droid Sans Fallback"]
BASE_POINT_SIZE = 15
_registered = False


def register_fonts() -> list[str]:
    """Register every shipped font once; returns the family names Qt now knows."""
    global _registered
    families: list[str] = []
    if _registered:
        return families
    for path in sorted((ASSETS_DIR / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _registered = True
    return families


def app_font(point_size: int = BASE_POINT_SIZE) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(point_size)
    return font


def style_sheet() -> str:
    path = ASSETS_DIR / "style.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def ui_language(requested: str = "") -> str:
    """en, fi, zh-TW or zh-CN: the requested one, else the system's, else English."""
    if requested:
        return requested
    name = QLocale.system().name()  # e.g. fi_FI, zh_TW
    if name.startswith("fi"):
        return "fi"
    if name in ("zh_TW", "zh_HK", "zh_MO"):
        return "zh-TW"
    if name.startswith("zh"):
        return "zh-CN"
    return "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own strings and ours (assets/i18n/counterpart_<lang>.qm) when present."""
    installed: list[QTranslator] = []
    set_language(language)
    # Month and day names in widgets that use the default locale follow the screen language.
    QLocale.setDefault(QLocale({"en": "en_GB", "fi": "fi_FI", "zh-TW": "zh_TW",
                                "zh-CN": "zh_CN"}.get(language, "en_GB")))
    plurals = EnglishPlurals(app)  # first installed, asked last: English plural forms
    app.installTranslator(plurals)
    installed.append(plurals)
    qt_name = language.replace("-", "_")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{qt_name}", qt_dir),
                         (f"counterpart_{qt_name}", str(ASSETS_DIR / "i18n"))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def switch_language(app: QApplication, language: str) -> None:
    """Swap the installed translators for `language` (windows built afterwards use it)."""
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    install_translators(app, ui_language(language))


def _crash_hook(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """Bugs end in a dialog (and the log), not in a silently dead window; a full or failing
    disk met outside a write (reading, say) gets its one sentence instead."""
    from db.errors import ServerUnavailable
    from db.store.faults import describe_fault

    if isinstance(value, ServerUnavailable):
        # a read nobody asked for (a refresh) while the server is away: the window's banner
        # says so already, and the view fills again when it is back; never a box each time
        log.warning("%s", value)
        return
    known = describe_fault(value)
    if known is not None:
        log.error("%s", known)
        if QApplication.instance() is not None:
            QMessageBox.warning(
                None, QCoreApplication.translate("app", "Database problem"), str(known))
        return
    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("unhandled exception\n%s", text)
    sys.__excepthook__(kind, value, tb)
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "Something went wrong"),
            QCoreApplication.translate(
                "app", "An unexpected error happened. What was saved is safe.\n\n{error}"
            ).replace("{error}", f"{kind.__name__}: {value}"),
        )


def configure(app: QApplication, *, language: str = "", point_size: int = BASE_POINT_SIZE) -> None:
    """Fonts, style and translations on an existing QApplication (tests call this too)."""
    app.setApplicationName("Counterpart")
    app.setOrganizationName("Counterpart")
    register_fonts()
    app.setFont(app_font(point_size))
    app.setStyleSheet(style_sheet())
    install_wheel_guard(app)  # app-wide: the wheel never changes an unfocused field
    install_plain_labels(app)  # app-wide: a name with markup characters shows as typed
    install_translators(app, ui_language(language))


def create_application(
    argv: Sequence[str] | None = None, *, language: str = "", point_size: int = BASE_POINT_SIZE
) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv))
    configure(app, language=language, point_size=point_size)
    sys.excepthook = _crash_hook
    return app
