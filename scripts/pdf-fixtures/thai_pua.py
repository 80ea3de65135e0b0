#!/usr/bin/env python3
"""Writes Thai text the way pre-OpenType Thai fonts and the programs that used them did: the marks that a
tall consonant or a missing upper vowel displaces are replaced by the font's private-use glyphs for the
displaced forms (the Windows set, U+F700-U+F71A). PDFs made that way carry those code points in their text
layer, which the reader's normalizer has to map back.

Usage: thai_pua.py TEXT...   (prints the text in its private-use form)
       thai_pua.py < DOCUMENT.txt   (the same for a whole document)
"""
import sys

TALL = set("ปฝฟฬ")
UPPER = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47\u0e4d")
UPPER_LEFT = {"\u0e34": "\uf701", "\u0e35": "\uf702", "\u0e36": "\uf703", "\u0e37": "\uf704",
              "\u0e31": "\uf710", "\u0e4d": "\uf711", "\u0e47": "\uf712"}
TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
TONE_DOWN_LEFT = dict(zip(TONES, "\uf705\uf706\uf707\uf708\uf709"))
TONE_DOWN = dict(zip(TONES, "\uf70a\uf70b\uf70c\uf70d\uf70e"))
TONE_LEFT = dict(zip(TONES, "\uf713\uf714\uf715\uf716\uf717"))
LOWER = set("\u0e38\u0e39\u0e3a")
LOWER_DOWN = {"\u0e38": "\uf718", "\u0e39": "\uf719", "\u0e3a": "\uf71a"}
NO_DESCENDER = {"ญ": "\uf70f", "ฐ": "\uf700"}


def is_mark(c):
    return c in UPPER or c in LOWER or c in TONES


def to_pua(text):
    out = []
    i = 0
    while i < len(text):
        base = text[i]
        j = i + 1
        while j < len(text) and is_mark(text[j]):
            j += 1
        marks = text[i + 1:j]
        has_upper = any(m in UPPER for m in marks)
        has_lower = any(m in LOWER for m in marks)
        before_am = j < len(text) and text[j] == "\u0e33"  # a tone over SARA AM keeps its place
        if has_lower and base in NO_DESCENDER:
            base = NO_DESCENDER[base]
        new_marks = []
        for m in marks:
            if m in UPPER and base in TALL:
                m = UPPER_LEFT[m]
            elif m in TONE_DOWN and not before_am:
                if has_upper:
                    m = TONE_LEFT[m] if base in TALL else m
                else:
                    m = TONE_DOWN_LEFT[m] if base in TALL else TONE_DOWN[m]
            elif m in LOWER and base in "ฎฏ":
                m = LOWER_DOWN[m]
            new_marks.append(m)
        out.append(base + "".join(new_marks))
        i = j
    return "".join(out)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(to_pua(" ".join(sys.argv[1:])))
    else:
        sys.stdout.write(to_pua(sys.stdin.read()))
