#!/usr/bin/env bash
# The digit specimen that OCR's digit reader learns its shapes from: Thai and ASCII digits, the decimal
# point and the marks numbers are written with, in every Thai font Debian ships (fonts-thai-tlwg), regular
# and bold, typeset by LibreOffice into Sources/PDFText/Resources/digit-specimen.pdf. Each character is a
# word of its own, so the PDF's text layer names every shape; the reader renders the page at several
# resolutions and cuts the shapes out by their glyph boxes. Run again when the font list changes.
#
#   make-digit-specimen.sh [OUT.pdf]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Sources/PDFText/Resources/digit-specimen.pdf}
for tool in soffice qpdf fc-list; do
  command -v "$tool" >/dev/null || { echo "make-digit-specimen: needs $tool (libreoffice-writer, qpdf, fontconfig)" >&2; exit 1; }
done
fonts=(Garuda Kinnari Laksaman Loma Norasi Purisa Sawasdee Umpush Waree "Tlwg Typo" "Tlwg Typist")
for font in "${fonts[@]}"; do
  fc-list ":family=$font" family | grep -q . || { echo "make-digit-specimen: font $font is missing (fonts-thai-tlwg)" >&2; exit 1; }
done
shapes="๐ ๑ ๒ ๓ ๔ ๕ ๖ ๗ ๘ ๙ 0 1 2 3 4 5 6 7 8 9 . , / - ( ) : %"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo '<html><head><meta charset="utf-8"></head><body>'
  for font in "${fonts[@]}"; do
    for weight in normal bold; do
      echo "<p style=\"font-family: '$font'; font-size: 20pt; font-weight: $weight\">$shapes</p>"
    done
  done
  echo '</body></html>'
} > "$work/digit-specimen.html"
(cd "$work" && soffice -env:UserInstallation=file://"$work"/profile --headless --infilter="HTML (StarWriter)" \
  --convert-to pdf:writer_pdf_Export digit-specimen.html >/dev/null 2>&1)
qpdf --recompress-flate --compression-level=9 --object-streams=generate "$work/digit-specimen.pdf" "$out"
echo "$out"
