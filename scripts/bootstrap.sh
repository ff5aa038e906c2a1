#!/usr/bin/env bash
# Set up everything the project needs on a fresh Debian/Ubuntu machine (or any machine with
# Python 3.12 or 3.13): system packages when we can install them, a virtual environment with the app
# and its test tools, and the compiled translations. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Python 3.12 or later: there `None` is immortal (PEP 683). On 3.11, PySide6 6.12.0 drops a
# reference to None on every call of a void Qt method and the app aborts after ~500 keystrokes
# (docs/runtime.md). Prefer 3.12, the version the frozen build ships with; take 3.13 otherwise.
is_ok() { "$1" -c 'import sys; sys.exit(not (3, 12) <= sys.version_info[:2] < (3, 14))' >/dev/null 2>&1; }
find_python() {
  for c in ${PYTHON:-} python3.12 python3.13 python3; do
    command -v "$c" >/dev/null 2>&1 && is_ok "$c" && { command -v "$c"; return 0; }
  done
  if command -v pyenv >/dev/null 2>&1; then  # pyenv installs that are not the active version
    for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.1[23]\.[0-9]+$' | sort -V); do
      c="$(pyenv root)/versions/$v/bin/python3"
      is_ok "$c" && { echo "$c"; return 0; }
    done
  fi
  return 1
}
PY=$(find_python) || { echo "bootstrap: Python 3.12 or 3.13 is needed (see README)" >&2; exit 1; }

# System packages: a CJK TrueType font (documents and UI must render Chinese), poppler (PDF
# checks), LibreOffice Calc without its GUI (the tests convert exported workbooks with it, as an
# officer's LibreOffice would open them), Xvfb and the X/GL libraries Qt needs even offscreen. Only when apt is available and we
# are root (CI and the developers' machines); elsewhere install them by hand (see README).
# PostgreSQL: the county store's second engine; the tests start a throwaway server from its
# binaries (tests/fixtures/postgres.py), no service is enabled.
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=""
  for pkg in fonts-wqy-zenhei poppler-utils libreoffice-calc-nogui xvfb libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 \
             libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
             libxcb-randr0 libxcb-render-util0 libxcb-image0 libfontconfig1 libdbus-1-3 postgresql; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "bootstrap: installing system packages:$missing"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi

# A .venv made by an older bootstrap on Python 3.11 is replaced, not reused.
if [ -x .venv/bin/python ] && ! is_ok .venv/bin/python; then
  echo "bootstrap: replacing .venv ($(.venv/bin/python -V 2>&1)) with $("$PY" -V 2>&1)"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test,build]"  # build: PyInstaller, for the frozen-app tests
.venv/bin/python -m inspector_app.tools.build_translations
