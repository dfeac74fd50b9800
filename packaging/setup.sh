#!/usr/bin/env bash
# Install everything Sanaq needs on a fresh machine: Qt's system libraries (Debian/Ubuntu,
# via apt-get), then the pinned Python packages. `--dev` adds the test tools (and
# LibreOffice Calc, which the audited-workbook tests recalculate with).
set -euo pipefail
cd "$(dirname "$0")/.."
dev=0
[ "${1:-}" = "--dev" ] && dev=1

pkgs=(libgl1 libegl1 libglib2.0-0 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 fontconfig
      fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-render-util0 libxcb-shape0)
[ $dev = 1 ] && pkgs+=(xvfb xauth libreoffice-calc-nogui)

if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" != 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "setup.sh: no apt-get here; install Qt's libraries (${pkgs[*]}) with your package manager" >&2
fi

python3 -m pip install -q -r requirements.txt
[ $dev = 1 ] && python3 -m pip install -q -r requirements-dev.txt
exit 0
