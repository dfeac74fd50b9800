#!/usr/bin/env bash
# Build a one-folder desktop bundle with PyInstaller: dist/sanaq/sanaq (Linux), sanaq.exe
# (Windows) or sanaq.app (macOS). The bundle carries Python, Qt and the sample; on a bare
# Debian it needs only libgl1 and libegl1. Run on each target system (no cross-building).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q -r requirements.txt "pyinstaller==6.22.0"
for ts in resources/translations/*.ts; do pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"; done
python3 -m PyInstaller --noconfirm --clean packaging/sanaq.spec
echo "built: dist/sanaq"
