"""Translations: the window and the data layer speak Finnish and Chinese, and the shipped
catalogues are current, complete, compiled and keep every placeholder."""

from __future__ import annotations

import gettext
import os
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from console.app import install_translators
from console.cmd_run import create_window
from db import i18n
from db.customers.records import validate
from db.errors import ValidationError
from db.models import ROLES, CustomerInput
from db.service.models import ENTRY_KINDS, Decision
from widgets.dialogs import FakeDialogService

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "assets" / "i18n"
QT_LANGS = ("fi", "zh_TW", "zh_CN")
PLACEHOLDER = re.compile(r"%\d|\{[^{}]*\}")
ACCELERATOR = re.compile(r"&[^&\s]")

Message = tuple[str, str]  # (context, source)


# ------------------------------------------------------------------ catalogue readers

def ts_messages(path: Path) -> dict[Message, ET.Element]:
    """Every message of a Qt .ts file, keyed by (context, source)."""
    found: dict[Message, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def ts_forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def ts_state(message: ET.Element) -> str:
    """"" for a finished translation, else "unfinished", "vanished" or "obsolete"."""
    translation = message.find("translation")
    return "" if translation is None else translation.get("type", "")


def po_messages(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a .po/.pot file (header left out); fuzzy entries count as empty.

    A plural entry (ngettext) is keyed by its singular msgid; its text is every form joined
    by a line break, empty when any form is missing.
    """
    with path.open("rb") as handle:
        catalog = read_po(handle)
    found: dict[str, str] = {}
    for m in catalog:
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            forms = list(m.string) if isinstance(m.string, tuple) else [str(m.string)]
            text = "" if m.fuzzy or not all(forms) else "\n".join(forms)
            found[str(m.id[0])] = text
        else:
            found[str(m.id)] = "" if m.fuzzy else str(m.string)
    return found


def po_plurals(path: Path) -> dict[tuple[str, str], list[str]]:
    """(singular, plural) -> the translated forms, for the ngettext entries."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {(str(m.id[0]), str(m.id[1])): list(m.string) for m in catalog
            if m.id and isinstance(m.id, tuple)}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the extractors (not the compilers) over today's code into a temporary folder."""
    out = tmp_path_factory.mktemp("extracted")
    env = dict(os.environ, EXTRACT_ONLY="1", QT_LANGS="fi", BIN=str(Path(sys.executable).parent))
    subprocess.run(["bash", str(ROOT / "scripts" / "extract_messages.sh"), str(out)],
                   check=True, env=env, cwd=ROOT, timeout=120)
    return out


# ------------------------------------------------------------------ catalogues are current

def test_every_qt_string_in_the_code_is_in_each_ts_file(fresh: Path) -> None:
    in_code = set(ts_messages(fresh / "counterpart_fi.ts"))
    assert len(in_code) > 300  # the extractor really read widgets/ and console/
    for lang in QT_LANGS:
        shipped = set(ts_messages(I18N / f"counterpart_{lang}.ts"))
        missing = sorted(in_code - shipped)
        stale = sorted(shipped - in_code)
        assert not missing, f"{lang}: run scripts/extract_messages.sh and translate {missing}"
        assert not stale, f"{lang}: strings no longer in the code, re-run the script: {stale}"


def test_every_gettext_string_in_the_code_is_in_the_pot_and_each_po(fresh: Path) -> None:
    in_code = set(po_messages(fresh / "counterpart.pot"))
    assert "A phone number has 6 to 15 digits." in in_code
    catalogues = [I18N / "counterpart.pot"]
    catalogues += [I18N / lang / "LC_MESSAGES" / "counterpart.po" for lang in QT_LANGS]
    for path in catalogues:
        shipped = set(po_messages(path))
        assert not sorted(in_code - shipped), f"{path.name}: run scripts/extract_messages.sh"
        assert not sorted(shipped - in_code), f"{path.name}: stale, re-run the script"


@pytest.mark.parametrize("lang", QT_LANGS)
def test_no_entry_is_left_unfinished(lang: str) -> None:
    unfinished = [key for key, message in ts_messages(I18N / f"counterpart_{lang}.ts").items()
                  if ts_state(message) or not all(ts_forms(message))]
    assert not unfinished, f"{lang}.ts: {unfinished}"
    po = I18N / lang / "LC_MESSAGES" / "counterpart.po"
    empty = [msgid for msgid, text in po_messages(po).items() if not text]
    assert not empty, f"{lang}.po: {empty}"


@pytest.mark.parametrize("lang", QT_LANGS)
def test_translations_keep_placeholders_and_accelerators(lang: str) -> None:
    """A lost {name} shows the raw text; an extra one makes str.format raise."""
    wrong: list[tuple[str, str]] = []
    for (_, source), message in ts_messages(I18N / f"counterpart_{lang}.ts").items():
        for text in filter(None, ts_forms(message)):  # empty: the test above reports it
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                wrong.append((source, text))
            if ACCELERATOR.search(source) and not ACCELERATOR.search(text):
                wrong.append((source, text))
    for msgid, text in po_messages(I18N / lang / "LC_MESSAGES" / "counterpart.po").items():
        for form in filter(None, text.split("\n") if "\n" not in msgid else [text]):
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(msgid)):
                wrong.append((msgid, form))
    assert not wrong


@pytest.mark.parametrize("lang", QT_LANGS)
def test_compiled_catalogues_match_the_translations(lang: str) -> None:
    """The .qm and .mo the program loads were compiled after the last translation edit."""
    translator = QTranslator()
    assert translator.load(str(I18N / f"counterpart_{lang}.qm"))
    stale_qm = [(context, source)
                for (context, source), message in ts_messages(I18N / f"counterpart_{lang}.ts")
                .items()
                if message.get("numerus") != "yes"
                and not ts_state(message)
                and translator.translate(context, source) != ts_forms(message)[0]]
    assert not stale_qm
    with (I18N / lang / "LC_MESSAGES" / "counterpart.mo").open("rb") as handle:
        mo = gettext.GNUTranslations(handle)
    po_file = I18N / lang / "LC_MESSAGES" / "counterpart.po"
    plurals = po_plurals(po_file)
    singles = {msgid: text for msgid, text in po_messages(po_file).items()
               if msgid not in {s for s, _p in plurals}}
    assert [msgid for msgid, text in singles.items() if mo.gettext(msgid) != (text or msgid)] == []
    stale_plurals = [(one, many) for (one, many), forms in plurals.items()
                     if all(forms) and [mo.ngettext(one, many, n) for n in (1, 2, 5)]
                     != [forms[min(i, len(forms) - 1)] for i in _plural_indexes(lang)]]
    assert stale_plurals == []


def _plural_indexes(lang: str) -> list[int]:
    """Which form gettext picks for n = 1, 2, 5: Finnish has two, Chinese one."""
    return [0, 1, 1] if lang == "fi" else [0, 0, 0]


def test_an_installed_copy_ships_the_catalogues() -> None:
    """pyproject's package data globs cover every compiled catalogue under assets/."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["*"]  # asset folders are packages
    shipped = {path for pattern in patterns for path in (ROOT / "assets").rglob(pattern)
               if path.is_file()}
    needed = set(I18N.glob("*.qm")) | set(I18N.glob("*/LC_MESSAGES/*.mo"))
    assert len(needed) == 6
    assert needed <= shipped


# ------------------------------------------------------------------ the data layer

@pytest.fixture
def data_language() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(("lang", "name", "phone"), [
    ("fi", "Nimi on pakollinen.", "Puhelinnumerossa on 6–15 numeroa."),
    ("zh-TW", "姓名為必填。", "電話號碼為 6 到 15 位數。"),
    ("zh-CN", "姓名为必填项。", "电话号码为 6 到 15 位数字。"),
    ("en", "A name is required.", "A phone number has 6 to 15 digits."),
])
def test_customer_validation_speaks_the_ui_language(
    data_language: None, lang: str, name: str, phone: str
) -> None:
    i18n.set_language(lang)
    with pytest.raises(ValidationError) as caught:
        validate(CustomerInput(name="  ", phone="040 12"))
    assert caught.value.fields["name"] == name
    assert caught.value.fields["phone"] == phone


@pytest.mark.parametrize("lang", ["fi", "zh-TW", "zh-CN"])
def test_stored_words_put_into_messages_are_translated(data_language: None, lang: str) -> None:
    """Roles, entry kinds and decisions go through _() as variables; each has a translation."""
    i18n.set_language(lang)
    words = [*ROLES, *(key for key, _label in ENTRY_KINDS), *get_args(Decision)]
    assert [word for word in words if i18n._(word) == word] == []


def test_formatted_messages_fill_in_their_values(data_language: None) -> None:
    i18n.set_language("fi")
    with pytest.raises(ValidationError) as caught:
        validate(CustomerInput(name="Aino", birth_month=2, birth_day=29, birth_year=2023))
    assert caught.value.fields["birthday"] == "Vuonna 2023 ei ole 29. helmikuuta."


# ------------------------------------------------------------------ the command line

@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "fi_FI.UTF-8"}, "fi"),
    ({"LANGUAGE": "zh_TW:en", "LANG": "fi_FI.UTF-8"}, "zh-TW"),
    ({"LC_ALL": "zh_HK.UTF-8"}, "zh-TW"),
    ({"LC_MESSAGES": "zh_CN.GB18030"}, "zh-CN"),
    ({"LANGUAGE": "de:fi"}, "fi"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_command_line_language_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    assert i18n.language_from_environment(environ) == expected


def test_command_line_speaks_finnish_in_a_finnish_locale(
    data_language: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from console.cli import main

    monkeypatch.setenv("LANGUAGE", "fi")
    assert main(["audit", "verify", "--db", str(tmp_path / "missing.sqlite")]) == 2
    assert "ei ole olemassa" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "tietokantatiedosto" in capsys.readouterr().out


# ------------------------------------------------------------------ the window

WINDOW_TEXTS = {
    "fi": ("Kuka on kassalla?", "Kukaan ei ole kirjautunut", "Hae: nimi", "Etusivu"),
    "zh-TW": ("誰在櫃檯值班？", "無人登入", "搜尋：姓名", "首頁"),
    "zh-CN": ("谁在柜台值班？", "无人登录", "搜索：姓名", "首页"),
}


def _untranslated_sources(lang: str) -> set[str]:
    """English texts that have a different translation in `lang` (so must not show)."""
    return {source for (_, source), message in ts_messages(I18N / f"counterpart_{lang}.ts")
            .items() if message.get("numerus") != "yes" and ts_forms(message)[0] != source}


@pytest.mark.gui
@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize("lang", sorted(WINDOW_TEXTS))
def test_main_window_speaks_the_chosen_language(
    qtbot: QtBot, qapp: QApplication, memory_db: Database, fixed_clock: object,
    data_language: None, lang: str,
) -> None:
    from tests.service_data_support import seed_staff

    seed_staff(memory_db, "Aino Manager", "manager")
    default_locale = QLocale()
    translators = install_translators(qapp, lang)
    try:
        win = create_window(memory_db, dialogs=FakeDialogService())
        qtbot.addWidget(win)
        win.show()
        question, nobody, search, home = WINDOW_TEXTS[lang]
        labels = {label.text() for label in win.findChildren(QLabel)}
        buttons = {button.text() for button in win.findChildren(QAbstractButton)}
        assert question in labels  # the sign-in panel
        assert win.staff_label.text() == nobody
        assert win.search.field.placeholderText().startswith(search)
        assert home in buttons
        # Nothing the program wrote stays English: every label, button and placeholder on
        # every page (all are built with the window) is translated.
        english = _untranslated_sources(lang.replace("-", "_"))
        texts = labels | buttons | {edit.placeholderText()
                                    for edit in win.findChildren(QLineEdit)}
        assert sorted(texts & english) == []
    finally:  # leave the shared QApplication as other tests expect it
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(default_locale)
