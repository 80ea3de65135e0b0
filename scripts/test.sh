#!/usr/bin/env bash
# Every test on a fresh machine: install what is missing, build, run the Swift and Python suites.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --tests
swift build --build-tests
source scripts/test-postgres.sh
swift test --skip-build
python3 -m pytest -q Tests/schema
