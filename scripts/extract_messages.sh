#!/usr/bin/env bash
# Refresh every translation catalogue in one go, keeping what is already translated.
#
#   Qt side (widgets/, console/: tr(), QCoreApplication.translate, QT_TRANSLATE_NOOP)
#     pyside6-lupdate  -> assets/i18n/counterpart_{fi,zh_TW,zh_CN}.ts
#     pyside6-lrelease -> assets/i18n/counterpart_<lang>.qm      (loaded by console/app.py)
#   gettext side (db/, reports/, console/: _() and N_())
#     pybabel extract  -> assets/i18n/counterpart.pot
#     pybabel update/init -> assets/i18n/<lang>/LC_MESSAGES/counterpart.po
#     pybabel compile  -> assets/i18n/<lang>/LC_MESSAGES/counterpart.mo (loaded by db/i18n.py)
#
# Usage: scripts/extract_messages.sh [OUTPUT_DIR]
#   OUTPUT_DIR defaults to assets/i18n. tests/test_i18n.py runs the extractors alone
#   (EXTRACT_ONLY=1, QT_LANGS=fi) into a temporary directory to check that the shipped
#   catalogues hold every string in the code.
# After running it, translate what is new: entries marked type="unfinished" in the .ts
# files (Qt Linguist, pyside6-linguist, or any text editor) and empty msgstr in the .po
# files, then run it again so the .qm and .mo are compiled from the finished catalogues.
set -euo pipefail
OUT=""
if [ -n "${1:-}" ]; then
    mkdir -p "$1"
    OUT=$(cd "$1" && pwd)   # relative to where the script was started
fi
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN="${BIN:-$ROOT/.venv/bin}"   # tests pass the running interpreter's bin folder
[ -n "$OUT" ] || OUT="$ROOT/assets/i18n"

QT_LANGS="${QT_LANGS:-fi zh_TW zh_CN}"
PO_LANGS="fi zh_TW zh_CN"

# --- Qt ------------------------------------------------------------------------------------
QT_SOURCES=$(find widgets console -name '*.py' -not -path '*/__pycache__/*' | sort)
for lang in $QT_LANGS; do
    # shellcheck disable=SC2086
    "$BIN/pyside6-lupdate" -silent -no-obsolete -locations relative -source-language en \
        -target-language "$lang" $QT_SOURCES -ts "$OUT/counterpart_$lang.ts"
done

# --- gettext -------------------------------------------------------------------------------
"$BIN/pybabel" -q extract --no-default-keywords -k _ -k N_ -k ngettext:1,2 \
    --project=Counterpart --copyright-holder="Counterpart" --msgid-bugs-address="" \
    --sort-by-file --no-wrap -o "$OUT/counterpart.pot" db reports console

if [ "${EXTRACT_ONLY:-0}" = "1" ]; then
    exit 0
fi

for lang in $QT_LANGS; do
    "$BIN/pyside6-lrelease" -silent "$OUT/counterpart_$lang.ts" -qm "$OUT/counterpart_$lang.qm"
done

for lang in $PO_LANGS; do
    po="$OUT/$lang/LC_MESSAGES/counterpart.po"
    if [ -f "$po" ]; then
        "$BIN/pybabel" -q update --no-wrap --ignore-obsolete -D counterpart \
            -i "$OUT/counterpart.pot" -d "$OUT" -l "$lang"
    else
        "$BIN/pybabel" -q init --no-wrap -D counterpart -i "$OUT/counterpart.pot" -d "$OUT" -l "$lang"
    fi
done
"$BIN/pybabel" -q compile --statistics -D counterpart -d "$OUT"
echo "catalogues refreshed in $OUT"
