"""How the corpus's text documents write tables, for both fixture generators (text2fodt.py, text2html.py)."""

import re

DASH_CELL = re.compile(r"^[\s\-=_:+–—]*$")


def is_pipe_separator(line):
    body = line.strip()
    if "|" not in body:
        return False
    cells = body.strip("|").split("|")
    return bool(cells) and all(re.fullmatch(r"\s*:?-+:?\s*", c) for c in cells)


def pipe_cells(line):
    body = line.strip()
    pieces = body.split("|")
    if body.startswith("|"):
        pieces = pieces[1:]
    if body.endswith("|"):
        pieces = pieces[:-1]
    return pieces


def is_dash_row(cells):
    return all(DASH_CELL.match(c) for c in cells) and any(c.strip() for c in cells)
