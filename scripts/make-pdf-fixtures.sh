#!/usr/bin/env bash
# Makes the PDF fixtures from the corpus text documents. The PDFs are committed: CI and the tests use them
# and need none of the tools this script installs.
#
#   corpus/pdf/laksaman/*.pdf   every corpus document typeset in Laksaman 16 pt (TLWG's TH Sarabun-like face)
#   corpus/pdf/garuda/*.pdf     the same in Garuda 14 pt (a sans face with wide marks)
#   corpus/pdf/scanned/001_…pdf the Laksaman 001 printed to images only (300 dpi, bilevel): OCR input
#   Tests/Fixtures/pdf/thai-pua.pdf   Thai set with a legacy font's private-use glyphs
#   Tests/Fixtures/pdf/encrypted.pdf  needs a password
#   Tests/Fixtures/pdf/scanned.pdf    the thai-pua page printed to an image
#   Tests/Fixtures/pdf/mixed.pdf      a page with a text layer, then the scanned one
#
# Each document goes text → flat ODF (scripts/pdf-fixtures/text2fodt.py: paragraphs, bordered tables,
# a running header and page numbers) → PDF by LibreOffice → recompressed by qpdf. Their gold is the text
# documents' gold (corpus/gold), matched by file name without extension (`sarabun eval --match-stem`).
#
#   make-pdf-fixtures.sh             refresh the committed fixtures above
#   make-pdf-fixtures.sh --all OUT   only typeset, in both fonts, every seed and development document into
#                                    OUT/fodt-<font>/corpus/*.pdf and OUT/fodt-<font>/dev/*.pdf (nothing
#                                    committed changes), for measuring the whole set
set -euo pipefail
cd "$(dirname "$0")/.."

all=""
case "${1:-}" in
  "") ;;
  --all) all=${2:?make-pdf-fixtures: --all needs an output folder} ;;
  -h|--help) sed -n 2,20p "$0" | cut -c3-; exit 0 ;;
  *) echo "make-pdf-fixtures: unknown argument '$1' (see --help)" >&2; exit 2 ;;
esac

need=(libreoffice-writer-nogui fonts-thai-tlwg qpdf poppler-utils netpbm img2pdf)
missing=()
for pkg in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "make-pdf-fixtures: installing ${missing[*]}" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=/usr/bin/python3  # Debian's, whatever python3 comes first on PATH (the helpers use only its standard library)
tools=scripts/pdf-fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# typeset DIR FONT SIZE TEXT... : PDFs of the text files, in $work/DIR/
typeset_pdfs() {
  local dir=$work/$1 font=$2 size=$3
  shift 3
  mkdir -p "$dir"
  for text in "$@"; do
    "$python" "$tools/text2fodt.py" "$text" "$font" "$size" > "$dir/$(basename "${text%.*}").fodt"
  done
  (cd "$dir" && soffice --headless --convert-to pdf:writer_pdf_Export ./*.fodt >/dev/null 2>&1)
}

# store PDF TARGET : recompressed into the repository
store() {
  mkdir -p "$(dirname "$2")"
  qpdf --recompress-flate --compression-level=9 --object-streams=generate "$1" "$2"
}

# scan PDF TARGET : every page as a 300 dpi bilevel image (CCITT G4), no text layer
scan() {
  local pages="$work/scan-$(basename "$1" .pdf)"
  mkdir -p "$pages"
  pdftoppm -r 300 -mono "$1" "$pages/page"
  for page in "$pages"/page-*.pbm; do pamtotiff -g4 "$page" > "${page%.pbm}.tif" 2>/dev/null; done
  img2pdf --pagesize A4 -o "$work/scanned.pdf" "$pages"/page-*.tif >/dev/null 2>&1
  store "$work/scanned.pdf" "$2"
}

if [[ -n $all ]]; then
  for face in "laksaman Laksaman 16" "garuda Garuda 14"; do
    read -r name font size <<< "$face"
    typeset_pdfs "$name/corpus" "$font" "$size" corpus/*.txt
    typeset_pdfs "$name/dev" "$font" "$size" corpus/dev/docs/*.txt
    for set in corpus dev; do
      mkdir -p "$all/fodt-$name/$set"
      for pdf in "$work/$name/$set"/*.pdf; do store "$pdf" "$all/fodt-$name/$set/$(basename "$pdf")"; done
    done
  done
  du -sh "$all"/fodt-*
  exit 0
fi

typeset_pdfs laksaman Laksaman 16 corpus/*.txt
typeset_pdfs garuda Garuda 14 corpus/*.txt
for pdf in "$work"/laksaman/*.pdf; do store "$pdf" "corpus/pdf/laksaman/$(basename "$pdf")"; done
for pdf in "$work"/garuda/*.pdf; do store "$pdf" "corpus/pdf/garuda/$(basename "$pdf")"; done
scan corpus/pdf/laksaman/001_011c0f1b3c03aec7.pdf corpus/pdf/scanned/001_011c0f1b3c03aec7.pdf

# Test fixtures.
fixtures=Tests/Fixtures/pdf
mkdir -p "$work/text" "$fixtures"
{
  "$python" "$tools/thai_pua.py" "ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต ได้คะแนน ๙๓.๗๕ คะแนน"
  echo
  "$python" "$tools/thai_pua.py" "ฝั่งน้ำ ปุ่มป้าย กฎหมาย ญี่ปุ่น"
} > "$work/text/thai-pua.txt"
typeset_pdfs pua Garuda 16 "$work/text/thai-pua.txt"
store "$work/pua/thai-pua.pdf" "$fixtures/thai-pua.pdf"
qpdf --encrypt secret owner 256 -- "$fixtures/thai-pua.pdf" "$fixtures/encrypted.pdf"
scan "$fixtures/thai-pua.pdf" "$fixtures/scanned.pdf"
qpdf --empty --pages corpus/pdf/laksaman/004_60047c3f0ac86c0d.pdf 1 "$fixtures/scanned.pdf" 1 -- "$work/mixed.pdf"
store "$work/mixed.pdf" "$fixtures/mixed.pdf"

du -ch corpus/pdf/*/*.pdf "$fixtures"/*.pdf | tail -1
