#!/usr/bin/env bash
# Installs what Sarabun needs on a fresh Debian machine, only when it is missing.
# Usage: scripts/setup.sh [--tests]   (--tests adds what the test suite needs)
set -euo pipefail

need=(libicu-dev libsqlite3-dev pkg-config)
# PDFs: poppler (glib for documents and rendering, C++ for glyph boxes, the core library's output device
# for ruling lines), tesseract with Thai for scanned pages, poppler-utils for `sarabun bench --pdf`.
need+=(libpoppler-glib-dev libpoppler-cpp-dev libpoppler-private-dev tesseract-ocr tesseract-ocr-tha poppler-utils)
# postgresql: the tests start a throwaway server (scripts/test-postgres.sh); python3-pil damages the
# scans they make (scripts/make-scan-fixtures.sh).
if [[ "${1:-}" == "--tests" ]]; then need+=(python3-pip postgresql python3-pil); fi

missing=()
for pkg in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--tests" ]]; then
  python3 -c 'import jsonschema, pytest' 2>/dev/null || python3 -m pip install -q jsonschema pytest
fi

command -v swift >/dev/null || { [[ -x /opt/swift/usr/bin/swift ]] && export PATH=/opt/swift/usr/bin:$PATH; }
command -v swift >/dev/null || { echo "setup: no Swift toolchain on PATH (Swift 6 is needed)" >&2; exit 1; }
