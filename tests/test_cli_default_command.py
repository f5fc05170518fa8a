"""`counterpart --db X --language zh-TW` is `counterpart run --db X --language zh-TW`.

The README and scripts/run-demo.sh start the window without naming `run`; every option of
`run` must work that way too, and a command's own options must not be mistaken for it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import console.cmd_run
from console.cli import build_parser, main, with_default_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[argparse.Namespace]:
    """What `run` would have been started with, instead of opening a window."""
    calls: list[argparse.Namespace] = []

    def fake_run(args: argparse.Namespace) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr(console.cmd_run, "run", fake_run)
    return calls


@pytest.mark.parametrize("argv", [
    ["--db", "x.sqlite", "--language", "zh-TW"],
    ["--language", "zh-TW", "--db", "x.sqlite"],
    ["--db=x.sqlite", "--language=zh-TW"],
    ["run", "--db", "x.sqlite", "--language", "zh-TW"],
    ["--db", "x.sqlite", "run", "--language", "zh-TW"],
    ["--db", "x.sqlite", "--language", "zh_tw"],
])
def test_the_screen_language_is_taken_with_or_without_run(
    argv: list[str], started: list[argparse.Namespace]
) -> None:
    assert main(argv) == 0
    [args] = started
    assert args.language == "zh-TW"
    assert args.db == Path("x.sqlite")


def test_no_arguments_start_the_window_in_the_configured_language(
    started: list[argparse.Namespace]
) -> None:
    assert main([]) == 0
    [args] = started
    assert args.language == ""  # run() then falls back to the options file, then the system


def test_an_unknown_language_is_refused_with_the_choices(
    started: list[argparse.Namespace], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", "x.sqlite", "--language", "klingon"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "klingon" in err and "en, fi, zh-TW, zh-CN" in err
    assert started == []


@pytest.mark.parametrize("argv, expected", [
    (["report", "--db", "x"], ["report", "--db", "x"]),
    (["--db", "x", "report"], ["--db", "x", "report"]),
    (["--db", "report", "--language", "fi"], ["run", "--db", "report", "--language", "fi"]),
    (["--help"], ["--help"]),
    (["--quit-when-shown"], ["run", "--quit-when-shown"]),
    ([], ["run"]),
])
def test_run_is_put_in_front_only_when_no_command_is_named(
    argv: list[str], expected: list[str]
) -> None:
    assert with_default_command(build_parser(), argv) == expected


def test_other_commands_still_parse_their_own_options(started: list[Any]) -> None:
    args = build_parser().parse_args(
        with_default_command(build_parser(), ["--db", "x", "audit", "verify"]))
    assert args.command == "audit"
    assert started == []


def test_the_window_really_opens_in_the_language_given_without_run(tmp_path: Path) -> None:
    """End to end in a fresh process: parse, open the database, show the window, quit."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QLocale\n"
        "from console.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('locale', QLocale().name())\n"
        "sys.exit(code)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", script, "--db", str(tmp_path / "x.sqlite"),
         "--language", "zh-TW", "--quit-when-shown"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[0].startswith("shown ")
    assert "locale zh_TW" in lines
    assert (tmp_path / "x.sqlite").exists()
