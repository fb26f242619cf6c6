#!/usr/bin/env bash
# Installs what the tests need: Debian's Chromium for the browser tests (Playwright drives
# it; its own browser download is not used) and a virtual environment .venv with the
# package and its test extras. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install -q -e ".[test]"
