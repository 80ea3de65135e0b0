#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build, extract corpus/ into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build -c release --static-swift-stdlib --product sarabun
swift build -c release --static-swift-stdlib --product sarabun-pdf
.build/release/sarabun extract corpus --out out "$@"
