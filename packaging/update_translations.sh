#!/usr/bin/env bash
# Extract every user-visible string of ui/ into resources/translations/sanaq_{ru,kk}.ts (for
# Qt Linguist: pyside6-linguist FILE.ts), then compile the translated ones into .qm files that
# ui/translations.py loads. Re-run after changing strings; finished translations are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
out=resources/translations
mkdir -p "$out"
sources=$(find ui -name '*.py' | sort)
for lang in ru kk; do
  pyside6-lupdate $sources -ts "$out/sanaq_$lang.ts" -target-language "$lang" -no-obsolete
  pyside6-lrelease "$out/sanaq_$lang.ts" -qm "$out/sanaq_$lang.qm"
done
