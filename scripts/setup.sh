#!/usr/bin/env bash
# Set up everything Counterpart needs on a fresh Debian/Ubuntu machine:
# the system libraries Qt loads, Xvfb and poppler (screenshots, PDF previews),
# a virtual environment in .venv and the package with its test extra.
# Safe to run again, and quiet: it only installs what is missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    echo "Counterpart needs Python 3.11 or newer (found: $("$PY" --version 2>&1))." >&2
    exit 1
fi

# Shared libraries PySide6 loads even offscreen, plus tools used by scripts.
SYSTEM_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
    libxcb-randr0 libxcb-render-util0 libxcb-image0 libglib2.0-0 xvfb xauth poppler-utils)
# scripts/test.sh adds PostgreSQL's server (the data-API tests run on both engines).
read -r -a extra <<<"${SETUP_EXTRA_PACKAGES:-}"
SYSTEM_PACKAGES+=("${extra[@]}")
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        echo "Installing system packages: ${missing[*]}"
        SUDO=""
        if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
else
    echo "Not a Debian-based system: make sure these are installed: ${SYSTEM_PACKAGES[*]}" >&2
fi

if [ ! -x .venv/bin/python ]; then
    if ! "$PY" -m venv .venv; then
        echo "python3 -m venv failed; on Debian/Ubuntu install python3-venv (apt-get install python3-venv)." >&2
        rm -rf .venv
        exit 1
    fi
fi

# Reinstall only when pyproject.toml or the venv's Python changed since the last install:
# the stamp holds both, and is written only after pip succeeded.
STAMP=.venv/counterpart-setup.stamp
want=$(.venv/bin/python -c 'import hashlib, sys
print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest(), sys.version.split()[0])')
if [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ] || [ ! -x .venv/bin/counterpart ]; then
    echo "Installing Counterpart and its dependencies into .venv (first run, or pyproject.toml or Python changed)..."
    rm -f "$STAMP"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test]'
    echo "$want" > "$STAMP"
fi
# Fonts are shipped in assets/fonts (DejaVu for Latin, Droid Sans Fallback for CJK),
# so the window and the PDFs render Chinese, Finnish and English everywhere.
