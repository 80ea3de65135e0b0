#!/usr/bin/env python3
"""Typesets a corpus text document as a word-processor memo: a flat ODF text file for LibreOffice to print.

Usage: text2fodt.py DOCUMENT.txt FONT SIZE_PT > DOCUMENT.fodt

The text is what an export of the original document left: paragraphs one per line, tables as
tab-separated or markdown pipe rows, cells with leftover <p>/<ul> markup, **bold**. This puts it back
into the form a word processor prints, so that the PDF reader has the real problems to solve:
- paragraphs that wrap (consecutive lines of the text stay one paragraph with line breaks; a blank
  line starts a new one), a bold centred memo title;
- bordered tables with padded cells whose text wraps, column widths set as a typist would (wide enough
  for the longest score, code or year, otherwise growing with the text); a group of table lines
  without a blank line between them is one table, ruling lines of dashes are dropped, <p> in a cell
  becomes a line break;
- landscape pages when a table has six columns or more;
- a running header and a page-number footer on every page, which the reader has to leave out.

Flat ODF rather than HTML: LibreOffice's HTML import puts the header on odd pages only and replaces
the column widths with its own.
"""
import math
import re
import sys

from text_tables import is_dash_row, is_pipe_separator, pipe_cells
from xml.sax.saxutils import escape

TAG = re.compile(r"</?(p|ul|ol|li)\b[^>]*>", re.IGNORECASE)
HEADER_TEXT = "เอกสารประกอบการประเมินคุณธรรมและความโปร่งใส (ITA)"


class Bold:
    """`**` toggles bold; the state runs across lines because a bold heading may span two."""

    def __init__(self):
        self.on = False

    def render(self, text):
        out = []
        for k, piece in enumerate(text.split("**")):
            if k > 0:
                self.on = not self.on
            if piece:
                body = escape(piece)
                out.append(f'<text:span text:style-name="B">{body}</text:span>' if self.on else body)
        return "".join(out)


def cell_lines(cell):
    """A cell's text split at its <p> markup; list tags dropped (the lists carry their own markers)."""
    parts = re.split(r"</?p\b[^>]*>", cell, flags=re.IGNORECASE)
    return [t for t in (TAG.sub(" ", part).strip() for part in parts) if t]








def column_widths(rows, width, total_cm):
    """Widths in cm: enough for the column's longest short token (a score, a code, a year), the rest
    shared by the amount of text in each column."""
    need = [0.0] * width
    amount = [0] * width
    for cells in rows:
        for k, cell in enumerate(cells):
            text = TAG.sub(" ", cell)
            amount[k] += len(text.strip())
            for token in text.split():
                need[k] = max(need[k], len(token) if len(token) <= 12 else 6)
    weights = [max(n + 2, math.sqrt(a)) for n, a in zip(need, amount)]
    total = sum(weights)
    return [total_cm * w / total for w in weights]


class Document:
    def __init__(self, font, size, landscape):
        self.font = font
        self.size = size
        self.landscape = landscape
        self.text_width = 24.7 if landscape else 16.0
        self.body = []
        self.column_styles = []
        self.tables = 0
        self.bold = Bold()

    def paragraph(self, lines, style="Body"):
        content = "<text:line-break/>".join(self.bold.render(line) for line in lines)
        self.body.append(f'<text:p text:style-name="{style}">{content}</text:p>')

    def table(self, rows):
        width = max(len(r) for r in rows)
        self.tables += 1
        name = f"T{self.tables}"
        widths = column_widths(rows, width, self.text_width)
        out = [f'<table:table table:name="{name}" table:style-name="Table">']
        for k, w in enumerate(widths):
            self.column_styles.append(
                f'<style:style style:name="{name}.{k}" style:family="table-column">'
                f'<style:table-column-properties style:column-width="{w:.3f}cm"/></style:style>')
            out.append(f'<table:table-column table:style-name="{name}.{k}"/>')
        for cells in rows:
            cells = cells + [""] * (width - len(cells))
            out.append("<table:table-row>")
            for cell in cells:
                content = "<text:line-break/>".join(self.bold.render(t) for t in cell_lines(cell))
                out.append('<table:table-cell table:style-name="Cell" office:value-type="string">'
                           f'<text:p text:style-name="CellText">{content}</text:p></table:table-cell>')
            out.append("</table:table-row>")
        out.append("</table:table>")
        self.body.append("".join(out))

    def xml(self):
        font, size, small = self.font, self.size, self.size - 2
        page_w, page_h = ("29.7cm", "21cm") if self.landscape else ("21cm", "29.7cm")
        orientation = "landscape" if self.landscape else "portrait"

        def text_props(pt, bold=False):
            weight = ' fo:font-weight="bold" style:font-weight-complex="bold"' if bold else ""
            return (f'<style:text-properties style:font-name="{font}" fo:font-size="{pt}pt" '
                    f'style:font-name-complex="{font}" style:font-size-complex="{pt}pt" '
                    f'style:language-complex="th" style:country-complex="TH"{weight}/>')

        return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="{font}"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">{text_props(size)}</style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.15cm"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>{text_props(size + 8, bold=True)}</style:style>
<style:style style:name="CellText" style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>{text_props(small)}</style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/>{text_props(small)}</style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>{text_props(small)}</style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-complex="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="{page_w}" fo:page-height="{page_h}" style:print-orientation="{orientation}" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="3cm" fo:margin-right="2cm"/>
<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>
<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:style style:name="Table" style:family="table"><style:table-properties style:width="{self.text_width}cm" table:align="margins" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.15cm" fo:border="0.5pt solid #000000" style:vertical-align="top"/></style:style>
{"".join(self.column_styles)}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page">
<style:header><text:p text:style-name="Header">{escape(HEADER_TEXT)}</text:p></style:header>
<style:footer><text:p text:style-name="Footer">- <text:page-number text:select-page="current">1</text:page-number> -</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(self.body)}
</office:text></office:body></office:document>
"""


def convert(lines, document):
    """Blocks of the text: tables for runs of table lines, paragraphs for runs of other lines."""
    i, n = 0, len(lines)
    after_table = False  # a lone cell line right after a table continues it, as in the text
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        filled = sum(1 for c in line.split("\t") if c.strip())
        if "\t" in line and (filled >= 2 or after_table):
            rows = []
            while i < n and "\t" in lines[i] and lines[i].strip():
                cells = lines[i].split("\t")
                if not is_dash_row(cells):
                    rows.append(cells)
                i += 1
            if rows:
                document.table(rows)
            after_table = True
            continue
        if line.lstrip().startswith("|") or (i + 1 < n and is_pipe_separator(lines[i + 1]) and "|" in line):
            rows = []
            while i < n and lines[i].strip() and "|" in lines[i]:
                if not is_pipe_separator(lines[i]):
                    rows.append(pipe_cells(lines[i]))
                i += 1
            if rows:
                document.table(rows)
            after_table = True
            continue
        after_table = False
        if line.strip() == "บันทึกข้อความ":
            document.paragraph([line.strip()], style="Title")
            i += 1
            continue
        # Consecutive plain lines are one paragraph with line breaks; markup <p> in them splits lines.
        block = []
        while i < n and lines[i].strip() and "\t" not in lines[i] and not lines[i].lstrip().startswith("|") \
                and lines[i].strip() != "บันทึกข้อความ" \
                and not (i + 1 < n and is_pipe_separator(lines[i + 1])):
            block += cell_lines(lines[i]) if "<" in lines[i] else [lines[i].strip()]
            i += 1
        if block:
            document.paragraph(block)


def main():
    path, font, size = sys.argv[1], sys.argv[2], float(sys.argv[3])
    size = int(size) if size == int(size) else size
    with open(path, encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    wide = any(line.count("\t") >= 5 for line in lines)
    document = Document(font, size, landscape=wide)
    convert(lines, document)
    sys.stdout.write(document.xml())


if __name__ == "__main__":
    main()
