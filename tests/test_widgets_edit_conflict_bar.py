"""The strip that says another till saved first: names shown as typed, sentences joined as
the language joins them."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from console.app import install_translators
from db.errors import EditConflict
from widgets.edit_conflict_bar import EditConflictBar

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
ZONE = ZoneInfo("Europe/Helsinki")


def _conflict(name: str, till: str) -> EditConflict:
    return EditConflict("", record_id=1, version=3, changed_by=name, till=till,
                        changed_at=datetime(2026, 11, 30, 12, 5, tzinfo=UTC))


def test_a_name_holding_a_placeholder_is_shown_as_typed(qtbot: QtBot) -> None:
    bar = EditConflictBar()
    qtbot.addWidget(bar)
    bar.show_conflict(_conflict("Pia 50%2 <b>Oy</b>", "Bar %1"), ZONE)
    text = bar.message.text()
    assert text.startswith("Pia 50%2 <b>Oy</b> changed this entry at till Bar %1 at ")
    assert "14:05" in text and ", after you opened it. Your changes were not saved" in text


def test_chinese_sentences_are_joined_without_a_space(qtbot: QtBot, qapp: object) -> None:
    default_locale = QLocale()
    translators = install_translators(qapp, "zh_TW")  # type: ignore[arg-type]
    try:
        bar = EditConflictBar()
        qtbot.addWidget(bar)
        bar.show_conflict(_conflict("林小姐", "收銀台 2"), ZONE)
        text = bar.message.text()
        assert "林小姐" in text and "收銀台 2" in text
        assert "。您的修改未儲存" in text  # no space after the full stop
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)  # type: ignore[attr-defined]
        QLocale.setDefault(default_locale)
