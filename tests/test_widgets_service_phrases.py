"""Phrases per language: every language has both lists, the panel switches language."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db.models import LANGUAGES
from db.text import has_cjk
from widgets.phrases_panel import AVOID, HELP, PhrasesModel, PhrasesPanel, load_phrases

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_help_and_avoid_phrases(language: str) -> None:
    data = load_phrases(language)
    assert data["language"] == language
    assert len(data[HELP]) >= 5 and len(data[AVOID]) >= 5
    assert not set(data[HELP]) & set(data[AVOID])
    if language.startswith("zh"):
        assert all(has_cjk(p) for p in data[HELP] + data[AVOID])
    elif language != "en":
        assert data[HELP] != load_phrases("en")[HELP]


def test_traditional_and_simplified_differ() -> None:
    assert load_phrases("zh-TW")[HELP] != load_phrases("zh-CN")[HELP]
    assert "這是公司規定。" in load_phrases("zh-TW")[AVOID]
    assert "这是公司规定。" in load_phrases("zh-CN")[AVOID]


def test_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = PhrasesModel(AVOID, "fi")
    qtmodeltester.check(model)
    assert "Se on yrityksen käytäntö." in model.phrases()


def test_panel_starts_in_customer_language_and_switches(qtbot: QtBot) -> None:
    panel = PhrasesPanel("fi")
    qtbot.addWidget(panel)
    assert panel.language() == "fi"
    assert "Kiitos, että kerroitte tästä meille." in panel.help_model.phrases()
    panel.language_box.setCurrentIndex(panel.language_box.findData("zh-TW"))
    assert panel.language() == "zh-TW"
    assert "謝謝您告訴我們。" in panel.help_model.phrases()
    assert "That's company policy." not in panel.avoid_model.phrases()


def test_unknown_language_falls_back_to_english(qtbot: QtBot) -> None:
    panel = PhrasesPanel("xx")
    qtbot.addWidget(panel)
    assert panel.language() == "en"
    assert "That's company policy." in panel.avoid_model.phrases()
