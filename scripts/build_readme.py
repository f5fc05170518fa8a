"""Assemble README.md from the sections in docs/readme (one file per area).

Run after editing a section: `python scripts/build_readme.py`. The order is the reading order
for someone new: start it, use it, then the rules, letters, report, speed and the code.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORDER = [
    "00-intro.md",
    "ui.md",
    "data.md",
    "complaints-ui.md",
    "service.md",
    "letters.md",
    "report.md",
    "i18n.md",
    "bench.md",
    "90-dev.md",
]


def main() -> None:
    folder = ROOT / "docs" / "readme"
    names = ORDER + sorted(p.name for p in folder.glob("*.md") if p.name not in ORDER)
    parts = []
    for name in names:
        path = folder / name
        if path.exists():
            parts.append(path.read_text(encoding="utf-8").strip() + "\n")
    text = "\n".join(parts).replace("](../images/", "](docs/images/")
    (ROOT / "README.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
