"""db/ and reports/ must run headless: importing them must not pull in Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_db_and_reports_do_not_import_qt() -> None:
    modules = [  # every module, in db's part packages too (db/customers, db/store, ...)
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for pkg in ("db", "reports")
        for p in sorted((ROOT / pkg).rglob("*.py"))
        if p.stem != "__init__"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"db/reports imported Qt: {out}"


def test_widgets_do_not_import_console() -> None:
    offenders = [
        p.name
        for p in (ROOT / "widgets").glob("*.py")
        if "from console" in p.read_text(encoding="utf-8")
        or "import console" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_db_does_not_import_reports_or_console() -> None:
    """db/ is the bottom layer: reports and the console build on it, never the reverse."""
    offenders = [
        p.name
        for p in (ROOT / "db").rglob("*.py")
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(("from reports", "import reports", "from widgets",
                                     "import widgets", "from console", "import console"))
    ]
    assert offenders == []
