#!/usr/bin/env bash
# Every test on a fresh machine: install what is missing, build, run the Swift and Python suites.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --tests
swift build --build-tests
# Scans of a development report with tool and indicator tables (200 and 300 dpi, gray and bilevel, skewed
# and noisy) for the test that every OCR record warns of the numbers that break the genre's rules
# (PipelineTests); a few pages, as OCR takes seconds a page.
scans=$(mktemp -d)
mkdir "$scans/pdf"
cp corpus/pdf/html-loma/D29.pdf "$scans/pdf/"
bash scripts/make-scan-fixtures.sh "$scans/made" "$scans/pdf" >/dev/null
export SARABUN_SCAN_FIXTURES="$scans/made"
source scripts/test-postgres.sh
trap 'stop_test_postgres; rm -rf "$scans"' EXIT
swift test --skip-build
python3 -m pytest -q Tests/schema
