#!/usr/bin/env bash
# The second PDF fixture generator: documents typeset the way an office user's HTML export prints, not in
# the project's own layout (scripts/make-pdf-fixtures.sh). Every text goes text → HTML
# (scripts/pdf-fixtures/text2html.py: one paragraph a line, tables with borders and no widths, so
# LibreOffice sizes the columns to their content and narrow columns wrap, header cells included) → PDF by
# LibreOffice's Writer HTML import ("HTML (StarWriter)", not Writer/Web) → recompressed by qpdf.
#
#   make-pdf-fixtures-html.sh [OUT]      every corpus seed (corpus/0*.txt) and every development document
#                                        (corpus/dev/docs/*.txt) in each font, into
#                                        OUT/html-<font>/corpus/*.pdf and OUT/html-<font>/dev/*.pdf
#                                        (OUT defaults to a new temporary folder, printed at the end)
#   make-pdf-fixtures-html.sh --store    also refresh the committed few: the development documents with
#                                        tables (D20–D30) in Loma and Norasi, corpus/pdf/html-<font>/D*.pdf
#   make-pdf-fixtures-html.sh --pua [OUT]
#                                        the texts as a Word export of a legacy Thai font writes them:
#                                        displaced tone marks and vowels as the font's private-use glyphs
#                                        (U+F700–U+F71A, scripts/pdf-fixtures/thai_pua.py), which the
#                                        PDF's text layer then carries; into OUT/html-pua-<font>/…
#
# Fonts (fonts-thai-tlwg), each at the size an office user would pick for it: Loma 14, Norasi 15,
# Kinnari 15, Umpush 14, Sawasdee 14. Gold is the text's gold, matched by file name without extension:
#   sarabun extract OUT/html-loma/dev --out P --db none && sarabun eval corpus/dev/gold P --match-stem
#   sarabun extract OUT/html-loma/corpus --out Q --db none && sarabun eval corpus/gold Q --match-stem
# The whole set is about 5 MB and takes a minute or two; only the committed few are kept in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

store=false
pua=false
prefix=html
out=""
for arg in "$@"; do
  case "$arg" in
    --store) store=true ;;
    --pua) pua=true; prefix=html-pua ;;
    -h|--help) sed -n 2,24p "$0"; exit 0 ;;
    *) out=$arg ;;
  esac
done
if $store && $pua; then
  echo "make-pdf-fixtures-html: --pua makes no committed fixtures; use it without --store" >&2
  exit 2
fi

need=(libreoffice-writer-nogui fonts-thai-tlwg qpdf)
missing=()
for pkg in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "make-pdf-fixtures-html: installing ${missing[*]}" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=/usr/bin/python3  # Debian's, whatever python3 comes first on PATH (the helper uses only its standard library)
tools=scripts/pdf-fixtures
[[ -n $out ]] || out=$(mktemp -d -t sarabun-html-pdf.XXXXXX)
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# LibreOffice in its own profile: a user's running instance or settings change nothing here.
profile="-env:UserInstallation=file://$work/profile"

fonts=("Loma 14" "Norasi 15" "Kinnari 15" "Umpush 14" "Sawasdee 14")
committed_fonts=(Loma Norasi)
committed_docs=(D20 D21 D22 D23 D24 D25 D26 D27 D28 D29 D30)

# typeset FONT SIZE SET TEXT... : PDFs of the texts in OUT/html-<font>/SET/
typeset_pdfs() {
  local font=$1 size=$2 set=$3
  shift 3
  local slug html pdfs name
  slug=$prefix-$(echo "$font" | tr 'A-Z ' 'a-z-')
  html=$work/$slug/$set
  pdfs=$out/$slug/$set
  mkdir -p "$html" "$pdfs"
  for text in "$@"; do
    name=$(basename "${text%.*}")
    if $pua; then
      "$python" "$tools/thai_pua.py" < "$text" > "$html/$name.txt"
      text=$html/$name.txt
    fi
    "$python" "$tools/text2html.py" "$text" "$font" "$size" > "$html/$name.html"
  done
  (cd "$html" && soffice "$profile" --headless --infilter="HTML (StarWriter)" \
    --convert-to pdf:writer_pdf_Export ./*.html >/dev/null 2>&1)
  for pdf in "$html"/*.pdf; do
    qpdf --recompress-flate --compression-level=9 --object-streams=generate "$pdf" "$pdfs/$(basename "$pdf")"
  done
  local made
  made=$(find "$pdfs" -name '*.pdf' | wc -l)
  (($# == made)) || { echo "make-pdf-fixtures-html: $font $set: $made PDFs of $# texts" >&2; exit 1; }
}

for entry in "${fonts[@]}"; do
  read -r font size <<<"$entry"
  typeset_pdfs "$font" "$size" corpus corpus/0*.txt
  typeset_pdfs "$font" "$size" dev corpus/dev/docs/*.txt
done

if $store; then
  for font in "${committed_fonts[@]}"; do
    slug=html-$(echo "$font" | tr 'A-Z ' 'a-z-')
    rm -rf "corpus/pdf/$slug"
    mkdir -p "corpus/pdf/$slug"
    for doc in "${committed_docs[@]}"; do cp "$out/$slug/dev/$doc.pdf" "corpus/pdf/$slug/"; done
  done
  du -ch corpus/pdf/html-*/*.pdf | tail -1 | sed 's/total/committed (corpus\/pdf\/html-*)/'
fi
du -sh "$out"/html-* | sed "s|$out/||"
echo "$out"
