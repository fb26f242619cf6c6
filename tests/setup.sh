#!/usr/bin/env bash
# Installs what the tests need: Debian's Chromium for the browser tests (Playwright drives
# it; its own browser download is not used) and the Noto CJK fonts, Node.js and npm (the search engine's tests;
# axe-core and vnu-jar from the npm registry), Java (runs vnu-jar), and a virtual environment
# .venv with the package and its test extras. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v node >/dev/null 2>&1 || missing="$missing nodejs npm"   # search engine tests, axe-core, vnu-jar
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"   # runs the Nu Html Checker
# Japanese fonts: without them every kanji is a box in screenshots, and the text's measures
# (where lines break, how tall a paragraph is) differ from what readers see.
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing="$missing fonts-noto-cjk"
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error   # axe-core and vnu-jar, pinned in package-lock.json
python3 -m venv .venv
.venv/bin/pip install -q -e ".[test]"
