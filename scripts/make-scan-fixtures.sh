#!/usr/bin/env bash
# Scanned-PDF fixtures: the corpus and development PDFs printed and scanned, as archives hold them.
# Each PDF of the chosen folder (default: corpus/pdf/laksaman, the seeds in the project's own layout, and
# corpus/pdf/html-loma, development documents with drawn tables) is rendered by pdftoppm at 200 and 300 dpi
# and damaged by scripts/pdf-fixtures/scan_damage.py (skew up to 1°, sensor noise, specks; gray scans
# JPEG-compressed, bilevel ones thresholded), into
#   OUT/scan-<dpi>-<gray|bilevel>/<name>.pdf
# OUT defaults to a new temporary folder, printed at the end. The damage is seeded by file name and
# variant: the same inputs give the same scans. Gold is the text's gold, matched by file name:
#   sarabun extract OUT/scan-300-gray --out P --db none && sarabun eval corpus/gold P --match-stem --predicted-only
# Needs poppler-utils and python3-pil (Debian); OCR of the whole set takes a few seconds a page.
#
#   make-scan-fixtures.sh [OUT] [PDF_FOLDER...]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
shift || true
folders=("$@")
((${#folders[@]})) || folders=(corpus/pdf/laksaman corpus/pdf/html-loma)
command -v pdftoppm >/dev/null || { echo "make-scan-fixtures: needs pdftoppm (poppler-utils)" >&2; exit 1; }
/usr/bin/python3 -c "import PIL" 2>/dev/null || { echo "make-scan-fixtures: needs python3-pil" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for folder in "${folders[@]}"; do
  for pdf in "$folder"/*.pdf; do
    name=$(basename "$pdf" .pdf)
    for dpi in 200 300; do
      rm -f "$work"/p-*.pgm
      pdftoppm -r "$dpi" -gray "$pdf" "$work/p"
      for mode in gray bilevel; do
        mkdir -p "$out/scan-$dpi-$mode"
        /usr/bin/python3 scripts/pdf-fixtures/scan_damage.py "$out/scan-$dpi-$mode/$name.pdf" "$dpi" "$mode" \
          "$name-$dpi-$mode" "$work"/p-*.pgm
      done
    done
  done
done
echo "$out"
