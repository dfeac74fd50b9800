#!/usr/bin/env bash
# Run tests/core in a fresh virtual environment that has no PySide6 and no pyqtgraph,
# proving the domain needs no Qt (napari's trick).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${TMPDIR:-/tmp}/sanaq-core-venv"
python3 -m venv "$venv"
grep -v -i -E '^(pyside6|pyqtgraph)' requirements.txt > "$venv/requirements-core.txt"
"$venv/bin/pip" install -q -r "$venv/requirements-core.txt" \
  "$(grep -i '^pytest==' requirements-dev.txt)" "$(grep -i '^hypothesis==' requirements-dev.txt)"
if "$venv/bin/python" -c "import PySide6" 2>/dev/null; then
  echo "PySide6 is importable in the core-only environment" >&2
  exit 1
fi
"$venv/bin/python" -m pytest -q -p no:cacheprovider -W "ignore::pytest.PytestConfigWarning" tests/core "$@"
