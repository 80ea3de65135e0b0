#!/usr/bin/env python3
"""Typesets a corpus text document as one HTML page, the way an office user's export looks, for
LibreOffice's HTML import (filter "HTML (StarWriter)") to print to PDF.

Usage: text2html.py DOCUMENT.txt FONT SIZE_PT > DOCUMENT.html

This is the second fixture generator's typesetter (scripts/make-pdf-fixtures-html.sh); the first,
text2fodt.py, sets column widths itself. Here nothing is sized: LibreOffice sizes the columns to their
content, so narrow columns wrap their cells over several lines, header cells included, as in real office
PDFs. The text is kept as it is (Thai digits, spacing, punctuation); only the markup changes:
- one source line is one paragraph <p>; a blank line stays as an empty paragraph (vertical space);
  leading spaces become a first-line indent, a short line indented far (a centred title) is centred;
  runs of spaces inside a line are kept (non-breaking spaces);
- `**` toggles bold (the state runs across plain lines: a bold heading may span two);
- TAB-separated lines and markdown pipe tables become `<table border="1" cellspacing="0">` without any
  width; rows of dashes and pipe separators are dropped, the rows above a pipe separator are header
  cells (<th>); the leftover <p>/<ul>/<ol>/<li>/<br> markup in a cell becomes line breaks (<br>);
- HTML already in the text (<h1>-<h6>, <p>, <table> … </table>) is kept, rebuilt without widths, heights or
  styles other than text-align, tables with border="1" cellspacing="0", rowspan/colspan kept.
"""
import html
import re
import sys

from text_tables import is_dash_row, is_pipe_separator, pipe_cells
from html.parser import HTMLParser

BLOCK_LINE = re.compile(r"^\s*<(h[1-6]|p|div)\b([^>]*)>(.*)</\1>\s*$", re.IGNORECASE | re.DOTALL)
TIGHT_CSS = "margin-top: 0cm; margin-bottom: 0cm"  # paragraphs without spacing, as a memo's single lines
TIGHT = f' style="{TIGHT_CSS}"'
SIZE = [14]  # the body's font size in points (for indents)
ALIGN = re.compile(r"text-align\s*:\s*(left|right|center|justify)", re.IGNORECASE)


def spaces(text):
    """Escaped text with runs of spaces kept: every space after the first of a run is non-breaking."""
    out = html.escape(text, quote=False)
    return re.sub(r" {2,}", lambda m: " " + "&nbsp;" * (len(m.group(0)) - 1), out)


class Bold:
    """`**` toggles bold; `close()` ends a bold run left open (a cell, a table row)."""

    def __init__(self):
        self.on = False

    def render(self, text):
        out = []
        for k, piece in enumerate(text.split("**")):
            if k > 0:
                out.append("</b>" if self.on else "<b>")
                self.on = not self.on
            out.append(spaces(piece))
        if self.on:  # a paragraph's markup is closed at its end and reopened on the next line
            out.append("</b>")
        result = "".join(out)
        return ("<b>" + result) if self._was_on else result

    def line(self, text):
        self._was_on = self.on
        return self.render(text)


class Inline(HTMLParser):
    """HTML fragment → the text with <br> at paragraph/list/line-break boundaries and <b> kept; every other
    tag dropped. Used for cells (leftover markup in TAB/pipe cells, cells of HTML tables) and for the content
    of <p>/<h*> lines."""

    BREAK = {"p", "br", "li", "ul", "ol", "div", "tr"}
    BOLD = {"b", "strong"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BREAK:
            self.parts.append("\n")
        elif tag in self.BOLD:
            self.parts.append("\x01")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BREAK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.BREAK and tag != "br":
            self.parts.append("\n")
        elif tag in self.BOLD:
            self.parts.append("\x02")

    def handle_data(self, data):
        self.parts.append(data)

    @classmethod
    def render(cls, fragment):
        parser = cls()
        parser.feed(fragment)
        parser.close()
        lines = [line.strip() for line in "".join(parser.parts).split("\n")]
        out = []
        for line in (t for t in lines if t.replace("\x01", "").replace("\x02", "").strip()):
            body = spaces(line)
            opened = body.count("\x01") - body.count("\x02")
            body = body.replace("\x01", "<b>").replace("\x02", "</b>")
            out.append(body + "</b>" * max(0, opened))
        return "<br>".join(out)


def cell_html(cell, bold):
    """A TAB or pipe cell: its markup to <br>, ** to bold, closed at the cell's end."""
    text = cell.strip()
    if "<" in text:
        text = Inline.render(text)
        parts = text.split("**")
        out = parts[0]
        on = False
        for piece in parts[1:]:
            out += ("</b>" if on else "<b>") + piece
            on = not on
        return out + ("</b>" if on else "")
    bold.on = False
    return bold.line(text)








def table_html(rows, header_rows=0):
    width = max(len(r) for r in rows)
    bold = Bold()
    out = ['<table border="1" cellspacing="0" cellpadding="4">']
    for k, cells in enumerate(rows):
        cells = cells + [""] * (width - len(cells))
        tag = "th" if k < header_rows else "td"
        out.append("<tr>" + "".join(f"<{tag}>{cell_html(c, bold)}</{tag}>" for c in cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


class HTMLTable(HTMLParser):
    """An HTML table in the text, rebuilt: rows and cells with their spans, each cell's content through
    Inline; widths, heights, styles and other attributes dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.cell = None  # (tag, attrs, [fragment pieces])

    def handle_starttag(self, tag, attrs):
        if self.cell is not None and tag not in ("td", "th", "tr", "table"):
            self.cell[2].append(self.get_starttag_text())
            return
        if tag == "table":
            self.out.append('<table border="1" cellspacing="0" cellpadding="4">')
        elif tag == "tr":
            self._end_cell()
            self.out.append("<tr>")
        elif tag in ("td", "th"):
            self._end_cell()
            keep = " ".join(f'{k}="{v}"' for k, v in attrs if k in ("rowspan", "colspan") and v)
            self.cell = (tag, (" " + keep) if keep else "", [])

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_cell()
            self.out.append("</tr>")
        elif tag == "table":
            self._end_cell()
            self.out.append("</table>")
        elif self.cell is not None:
            self.cell[2].append(f"</{tag}>")

    def handle_startendtag(self, tag, attrs):
        if self.cell is not None:
            self.cell[2].append(f"<{tag}>")

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[2].append(data)

    def handle_entityref(self, name):
        if self.cell is not None:
            self.cell[2].append(f"&{name};")

    def handle_charref(self, name):
        if self.cell is not None:
            self.cell[2].append(f"&#{name};")

    def _end_cell(self):
        if self.cell is not None:
            tag, attrs, pieces = self.cell
            self.out.append(f"<{tag}{attrs}>{Inline.render(''.join(pieces))}</{tag}>")
            self.cell = None

    @classmethod
    def render(cls, text):
        parser = cls()
        parser.feed(text)
        parser.close()
        return "\n".join(parser.out)


def paragraph(line, bold):
    """One plain line as a paragraph: leading spaces as a first-line indent (about a quarter em each),
    a short line indented 16 spaces or more centred."""
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    stripped = stripped.rstrip()
    if indent >= 16 and len(stripped) <= 40:
        return f'<p align="center"{TIGHT}>{bold.line(stripped)}</p>'
    if indent:
        return f'<p style="{TIGHT_CSS}; text-indent: {indent * 0.25 * SIZE[0]:.1f}pt">{bold.line(stripped)}</p>'
    return f"<p{TIGHT}>{bold.line(stripped)}</p>"


def html_block(match):
    tag, attrs, content = match.group(1).lower(), match.group(2), match.group(3)
    align = ALIGN.search(attrs)
    keep = f' align="{align.group(1).lower()}"' if align else ""
    return f"<{tag}{keep}>{Inline.render(content)}</{tag}>"


def convert(lines):
    """The body's blocks: tables for runs of table lines, a paragraph for every other line."""
    body = []
    bold = Bold()
    i, n = 0, len(lines)
    after_table = False  # a lone cell line right after a table continues it, as in the text
    while i < n:
        line = lines[i].replace("\u00a0", " ")
        if not line.strip():
            body.append(f"<p{TIGHT}><br></p>")
            i += 1
            continue
        if re.match(r"^\s*<table\b", line, re.IGNORECASE):
            block = []
            while i < n:
                block.append(lines[i])
                i += 1
                if re.search(r"</table\s*>", block[-1], re.IGNORECASE):
                    break
            body.append(HTMLTable.render("\n".join(block)))
            after_table = True
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
                body.append(table_html(rows))
            after_table = True
            continue
        if line.lstrip().startswith("|") or (i + 1 < n and is_pipe_separator(lines[i + 1]) and "|" in line):
            rows, header = [], 0
            while i < n and lines[i].strip() and "|" in lines[i]:
                if is_pipe_separator(lines[i]):
                    header = header or len(rows)
                else:
                    rows.append(pipe_cells(lines[i]))
                i += 1
            if rows:
                body.append(table_html(rows, header))
            after_table = True
            continue
        after_table = False
        block = BLOCK_LINE.match(line)
        if block:
            body.append(html_block(block))
        elif "\t" in line:  # a lone TAB line that is not a table: its cells separated by spaces
            body.append(paragraph("  ".join(c.strip() for c in line.split("\t") if c.strip()), bold))
        else:
            body.append(paragraph(line, bold))
        i += 1
    return body


def page(body, font, size, title):
    family = f"'{font}'"
    return f"""<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
@page {{ size: 21cm 29.7cm; margin: 2cm 2cm 2cm 2.5cm; }}
body, p, td, th, li, h1, h2, h3, h4, h5, h6 {{ font-family: {family}; }}
body, p, td, th {{ font-size: {size}pt; }}
p {{ margin-top: 0; margin-bottom: 0; }}
</style>
</head>
<body lang="th-TH">
{chr(10).join(body)}
</body>
</html>
"""


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    path, font, size = sys.argv[1], sys.argv[2], float(sys.argv[3])
    size = int(size) if size == int(size) else size
    SIZE[0] = size
    with open(path, encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    title = re.sub(r"\.[^.]*$", "", path.rsplit("/", 1)[-1])
    sys.stdout.write(page(convert(lines), font, size, title))


if __name__ == "__main__":
    main()
