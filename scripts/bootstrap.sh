#!/usr/bin/env bash
# Set up everything the project needs on a fresh Debian/Ubuntu machine (or any machine with
# Python 3.11): system packages when we can install them, a virtual environment with the app
# and its test tools, and the compiled translations. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3

# System packages: a CJK TrueType font (documents and UI must render Chinese), poppler (PDF
# checks), Xvfb and the X/GL libraries Qt needs even offscreen. Only when apt is available and we
# are root (CI and the developers' machines); elsewhere install them by hand (see README).
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=""
  for pkg in fonts-wqy-zenhei poppler-utils xvfb libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 \
             libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
             libxcb-randr0 libxcb-render-util0 libxcb-image0 libfontconfig1 libdbus-1-3; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "bootstrap: installing system packages:$missing"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
.venv/bin/python -m inspector_app.tools.build_translations
