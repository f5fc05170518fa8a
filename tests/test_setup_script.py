"""scripts/setup.sh installs the package only when pyproject.toml or Python changed, and
says nothing when there is nothing to do (it runs before every start of the demo).

The script runs on a copy of itself next to a copy of pyproject.toml, with a stand-in
`.venv/bin/python` that records pip calls instead of installing anything.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOT_DEBIAN = "Not a Debian-based system"  # said on machines without dpkg: not ours to hide


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    python = bin_dir / "python"
    python.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then\n'
        '    echo "$*" >> "$(dirname "$0")/../../pip-calls.log"\n'
        '    [ "$5" = "-e" ] && printf "#!/bin/sh\\n" > "$(dirname "$0")/counterpart"'
        ' && chmod +x "$(dirname "$0")/counterpart"\n'
        "    exit 0\n"
        "fi\n"
        f'exec "{sys.executable}" "$@"\n',
        encoding="utf-8",
    )
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    return tmp_path


def _setup(checkout: Path) -> tuple[list[str], list[str]]:
    """(what it printed, the pip calls so far)."""
    result = subprocess.run(["bash", str(checkout / "scripts" / "setup.sh")],
                            capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, PYTHON=sys.executable))
    assert result.returncode == 0, result.stderr
    said = [line for line in (result.stdout + result.stderr).splitlines()
            if line.strip() and NOT_DEBIAN not in line]
    log = checkout / "pip-calls.log"
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return said, calls


def test_setup_installs_once_then_stays_silent_until_pyproject_changes(checkout: Path) -> None:
    said, calls = _setup(checkout)
    assert len(said) == 1 and said[0].startswith("Installing Counterpart")
    assert calls[-1] == "-m pip install -q -e .[test]"
    first = len(calls)

    said, calls = _setup(checkout)  # nothing changed
    assert said == []
    assert len(calls) == first

    pyproject = checkout / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + "\n# a new pin\n",
                         encoding="utf-8")
    said, calls = _setup(checkout)
    assert len(said) == 1 and len(calls) > first

    said, calls = _setup(checkout)
    assert said == []


def test_setup_installs_again_when_the_console_script_is_gone(checkout: Path) -> None:
    _setup(checkout)
    (checkout / ".venv" / "bin" / "counterpart").unlink()
    said, _ = _setup(checkout)
    assert len(said) == 1 and (checkout / ".venv" / "bin" / "counterpart").exists()


def test_a_failed_install_leaves_no_stamp_so_the_next_run_tries_again(checkout: Path) -> None:
    python = checkout / ".venv" / "bin" / "python"
    python.write_text(python.read_text(encoding="utf-8").replace("    exit 0\n", "    exit 1\n"),
                      encoding="utf-8")
    result = subprocess.run(["bash", str(checkout / "scripts" / "setup.sh")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert not (checkout / ".venv" / "counterpart-setup.stamp").exists()
