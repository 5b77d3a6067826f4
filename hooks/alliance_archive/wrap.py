"""Hard-wrapped text: lines broken at a fixed width (a wire story, a plain-text government file, an
e-mail, a PDF copied line by line) joined back into the paragraphs they were cut from.

A page copied from a browser gives one line per paragraph; a text wrapped at a fixed width gives
several, each as long as the width allows. Such a text is recognised by its shape alone: many lines
that run to nearly the same length and go on in the next line without a blank line between. In it,
a line is joined to the next where the next line's first word would not have fitted on it (the
break was the wrap's, not the writer's), or where the line stops without a sentence's closing mark
and the next goes on in lower case. A blank line, an indented first line, a list item or a
transcript's speaker label starts a new paragraph, as it does on the page.

Only the reading changes: every raw line keeps its number, and a joined paragraph's removal lists
each of its lines.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from .document import ADDRESS_ALONE, transcript_turn

# a text counts as wrapped when at least this many lines reach nearly the width, and they are at
# least this share of the lines that go on in the next line
MIN_FULL_LINES = 4
FULL_SHARE = 0.5
# widths at which texts are wrapped (a page's own paragraphs are longer)
MIN_WIDTH = 40
MAX_WIDTH = 130
# how far below the width a line still counts as reaching it
NEAR = 0.8
# a word that would have taken a line past this share of the width did not fit on it (a copy from a
# PDF or a page set in a proportional font breaks lines a little short of the widest)
FIT = 0.9
# the share of those lines whose next line goes on in lower case (in mid-sentence)
LOWER_SHARE = 0.3

_WORDISH = re.compile(r"[\"'\u201c\u2018(]?\w")
_LIST_START = re.compile(r"^\s*(?:[•·▪◦●○■□►▸‣⁃*+\-–—]\s|\(?\d{1,3}[.)]\s|\([a-z]\)\s|[IVX]{1,5}\.\s)")
_SENTENCE_END = re.compile(r"""[.!?:;]["'\u201d\u2019)\]]*$""")
# a line that is page furniture, never a piece of a sentence: a web address alone, or labels in a row
_LABEL_ROW = re.compile(r"\s[|/>»›·•]\s.*\s[|/>»›·•]\s")


def _furniture(line: str) -> bool:
    return bool(ADDRESS_ALONE.match(line) or _LABEL_ROW.search(line))


def _lone_label(line: str) -> bool:
    """A word alone in lower case with no closing mark ("share", "print"): a label, which tells
    nothing of how the text around it was wrapped."""
    return len(line.split()) == 1 and line.lstrip()[:1].islower() and not _SENTENCE_END.search(line.rstrip())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None where the lines are not wrapped: many
    lines reach nearly the same length and go on in the next line, often in mid-sentence (the next
    line starts in lower case), which a list of headlines or menu labels does not."""
    # a line the page repeats is its furniture (a label, a player's notice): no wrapped line recurs
    counts = Counter(line.strip() for line in lines if line.strip())
    followed = [
        (len(line.rstrip()), nxt.lstrip()[:1].islower() and not _furniture(nxt) and not _lone_label(nxt))
        for line, nxt in pairwise(lines)
        if line.strip() and nxt.strip() and len(line.rstrip()) >= MIN_WIDTH // 2 and counts[line.strip()] == 1
    ]
    fits = [(n, lower) for n, lower in followed if n <= MAX_WIDTH]
    if len(fits) < MIN_FULL_LINES:
        return None
    wrap = _densest_width([n for n, _ in fits])
    if wrap < MIN_WIDTH:
        return None
    full = [lower for n, lower in fits if n >= NEAR * wrap]
    if len(full) < MIN_FULL_LINES or len(full) < FULL_SHARE * len(followed):
        return None
    if sum(full) < LOWER_SHARE * len(full):
        return None
    return wrap


def _densest_width(lengths: list[int]) -> int:
    """The longest length with the most lines just below it (a header or two running past the width
    do not set it). The lengths are at most ``MAX_WIDTH``: counted by length, in one pass."""
    counts = [0] * (MAX_WIDTH + 1)
    for n in lengths:
        counts[n] += 1
    below = [0]  # below[n]: how many lines are shorter than n
    for c in counts:
        below.append(below[-1] + c)
    best, best_count = max(lengths), 0
    for n in range(MAX_WIDTH + 1):
        if counts[n]:
            near = below[n + 1] - below[int(n * NEAR)]
            if near >= best_count:
                best, best_count = n, near
    return best


def continues(line: str, nxt: str, wrap: int) -> bool:
    """Whether ``nxt`` goes on with the paragraph ``line`` belongs to, in a text wrapped at ``wrap``."""
    if not line.strip() or not nxt.strip():
        return False
    if _indent(nxt) > _indent(line) + 1 or _LIST_START.match(nxt) or transcript_turn(nxt.strip()):
        return False  # an indented first line, a list item, a speaker's turn: a new paragraph
    if _furniture(line) or _furniture(nxt):
        return False  # an address alone or a row of labels is the page's furniture, not a sentence
    if line.strip() == nxt.strip():
        return False  # a line and its copy: a label repeated, not a sentence going on
    if _lone_label(nxt):
        return False  # a word alone in lower case with no stop ("share"): a label, not a paragraph's end
    text = line.rstrip()
    if len(text) > wrap + 2:
        return False  # longer than the wrap: a header or a paragraph of its own, not a wrapped line
    first_word = nxt.split()[0]
    if not _WORDISH.match(first_word) or not _WORDISH.search(text):
        return False  # a rule of "=====" or a row of symbols is no part of a sentence
    if len(text) + 1 + len(first_word) > wrap * FIT:
        return True  # the next word would not have fitted: the wrap broke the line
    return not _SENTENCE_END.search(text) and first_word[:1].islower()


def paragraphs(lines: list[str]) -> dict[int, list[int]]:
    """For each line that opens a paragraph cut into several lines, the lines that continue it (all
    0-based); empty where the text is not hard-wrapped. One pass over the lines."""
    wrap = width(lines)
    if wrap is None:
        return {}
    out: dict[int, list[int]] = {}
    head = -1
    for i in range(len(lines) - 1):
        if continues(lines[i], lines[i + 1], wrap):
            if head < 0:
                head = i
            out.setdefault(head, []).append(i + 1)
        else:
            head = -1
    return out


def join(lines: list[str], groups: dict[int, list[int]]) -> list[str]:
    """The lines with each paragraph's text on its first line and its other lines left blank."""
    out = list(lines)
    for head, rest in groups.items():
        text = lines[head].strip()
        for i in rest:
            part = lines[i].strip()
            # a word broken at a hyphen ("U.S.-" / "Japan") is joined without a space
            text = text + part if text.endswith("-") and not text[-2:-1].isspace() else f"{text} {part}"
            out[i] = ""
        out[head] = lines[head][: _indent(lines[head])] + text
    return out
