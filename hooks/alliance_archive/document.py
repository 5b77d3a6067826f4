"""The document model: a seed's lines read once, with the features every stage reads.

Each non-blank line gets its shallow text features once (position, length in words and characters,
share of English function words, letter case, sentence punctuation, link-like shape, repetition on the
page), and a class in the manner of jusText (Pomikálek 2011): lines are first classed by length and
function-word density alone, then short and near-good lines take their class from their neighbours,
because the word counts of a block and of the blocks around it carry most of the signal
(Kohlschütter et al. 2010). Cleaning, the title, dates and attribution read these features instead of
re-splitting the text; sentences of a paragraph are split once and kept.

Everything here is linear in the size of the seed: features are computed per line, repetition with one
dictionary of line keys, and the containment check (a masthead reused in several lines) is bounded to
the top of the page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

from .needles import Guarded, fold
from .textutil import ENGLISH_FUNCTION_WORDS, comparable, is_function_word, sentences, words

LineClass = Literal["good", "near", "short", "bad"]

# jusText's defaults scaled to this project's function-word list (a shorter list than jusText's
# stoplists gives lower densities: article lines of the development corpus have a median of 0.41).
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.25
STOPWORDS_HIGH = 0.30
# how far down the page a masthead or site name is looked for in other lines
TOP_LINES = 60

_DOMAIN_END = re.compile(r"\.(?:com|org|gov|net|kr|jp|html?|php|aspx?)\b")


def has_address(text: str) -> bool:
    """A web or mail address among the words of ``text`` (each word looked at once: linear)."""
    for token in text.split():
        if token.startswith(("http://", "https://", "www.")):
            return True
        if "@" in token and "." in token.rsplit("@", 1)[-1]:
            return True
        if "." in token and _DOMAIN_END.search(token):
            return True
    return False


# arrows and pointers that mark a link or an anchor ("More »", "↑ Top of page", "Next >")
# an arrow: a character drawn as one, a ">" closing the line, a "<" or "^" opening it (as the one regular
# expression r"[»›→↗↑⇧⬆▲△▴]|\s>\s*$|^\s*<\s|^\s*\^\s" finds one, which tried every position of a line)
_ARROW_CHARS = re.compile(r"[»›→↗↑⇧⬆▲△▴]")
ADDRESS_ALONE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


def has_arrow(text: str) -> bool:
    if _ARROW_CHARS.search(text):
        return True
    tail = text.rstrip()
    if len(tail) >= 2 and tail[-1] == ">" and tail[-2].isspace():
        return True
    head = text.lstrip()
    return len(head) >= 2 and head[0] in "<^" and head[1].isspace()


def link_shaped(text: str) -> bool:
    """A line shaped like a link: a web address standing alone, or short text with an arrow."""
    return bool(ADDRESS_ALONE.match(text)) or (has_arrow(text) and len(words(text)) <= 8)


_TURN = re.compile(
    r"^\s*((?:[A-Z][A-Za-z.'\u2019-]*\s){0,5}[A-Z][A-Z.'\u2019-]+(?:\s*\([^)]{1,40}\))?)\s*:\s+(?=\S)"
)


def _is_turn_label(label: str) -> bool:
    """A transcript speaker label: mostly upper case ("SECRETARY POMPEO", "MS. PSAKI", "QUESTION")."""
    letters = [ch for ch in label if ch.isalpha()]
    upper = sum(1 for ch in letters if ch.isupper())
    return len(letters) >= 2 and upper / len(letters) > 0.8


# what marks a photo caption: who stands where, a credit, a handshake or a pose for the cameras (an
# agency's name before a dash is a wire story's dateline, "SEOUL (AP) -- ...", not a credit). Each cue
# is in one of three groups, by what it cannot match without: an opening bracket (which the expression
# engine skips to by itself), a comma, or one of a few words (the needles its guard looks for first);
# a line is a caption where any group finds a cue, as where one search of all three would.
_IN_BRACKETS = (
    r"\(\s*(?:left|right|center|centre|second|third|front|rear|back|top|bottom)\b[^)]*\)"
    r"|\((?:\d(?:st|nd|rd|th)\s)?[LRC]\)|\([LR]\s*(?:to|-)\s*[LR]\)|\(from [LR]\)"
    r"|\((?:AP|Reuters|AFP|Getty|Yonhap|Kyodo|EPA)\b[^)]*\)(?!\s*(?:--|[\u2014\u2013-]))"
)
_BETWEEN_COMMAS = (
    r",\s*(?:left|right|center|centre|second (?:from )?(?:left|right)|far (?:left|right)|"
    r"front|back row|center left|center right),"
)
_IN_WORDS = (
    r"\bposes?d?\sfor\s(?:a\s)?(?:photo|photographs|photographers|pictures|a\spicture|a\sgroup\sphoto)"
    r"|\bshak(?:e|es|ing) hands\b|\blooks? on\b|\blistens? (?:as|to|during)\b"
    r"|\[[^\]]*photo[^\]]*\]|\b(?:photo(?:graph)?|image|picture)(?: credit)?\s*:|\bfile photo\b"
)
# the marks only a caption carries (who stands where, a credit), not its verbs ("looks on")
_MARKS_IN_BRACKETS = (
    r"\(\s*(?:left|right|center|centre)\b[^)]*\)|\((?:\d(?:st|nd|rd|th)\s)?[LRC]\)"
    r"|\([LR]\s*(?:to|-)\s*[LR]\)|\((?:AP|Reuters|AFP|Getty|Yonhap|Kyodo|EPA)\b[^)]*\)(?!\s*(?:--|[\u2014\u2013-]))"
)
_MARKS_BETWEEN_COMMAS = (
    r",\s*(?:left|right|center|centre|second (?:from )?(?:left|right)|far (?:left|right)),"
)
_MARKS_IN_WORDS = r"\b(?:photo(?:graph)?|image|picture)(?: credit)?\s*:"


_CAPTION_CUES = tuple(Guarded(re.compile(g, re.I)) for g in (_IN_BRACKETS, _BETWEEN_COMMAS, _IN_WORDS))
_CAPTION_MARKS = tuple(
    Guarded(re.compile(g, re.I)) for g in (_MARKS_IN_BRACKETS, _MARKS_BETWEEN_COMMAS, _MARKS_IN_WORDS)
)


def is_caption(text: str, marked: bool = False) -> bool:
    """A photo caption, by the cues captions carry ("(L)", "shake hands", "Photo: ..."); with
    ``marked``, only by the marks no headline has (who stands where, a credit)."""
    lowered = fold(text)
    return any(group.search(text, lowered) for group in (_CAPTION_MARKS if marked else _CAPTION_CUES))


def transcript_turn(text: str) -> bool:
    """A transcript turn: a speaker's label in capitals, a colon, and what they said ("MS. PSAKI: ...")."""
    m = _TURN.match(text)
    return bool(m and _is_turn_label(m.group(1)))


_ASCII_DIGIT = re.compile("[0-9]")
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]*\s*$""")
_SEPARATORS = re.compile(r"\s(?:\||/|>|»|›|·|•|:)\s")


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of three letters or more that are not function words, crudely stemmed."""
    return _content_of(words(text.replace("-", " ")))


def _content_of(found_words: list[str]) -> frozenset[str]:
    found = set(map(_content_key, found_words))
    found.discard("")
    return frozenset(found)


@lru_cache(maxsize=65536)
def _content_key(word: str) -> str:
    """A word's stem as ``content_words`` counts it, or "" for a short or a function word."""
    low = word.lower().strip(".'\u2019-").removesuffix("'s").removesuffix("\u2019s")
    if len(low) < 3 or low in ENGLISH_FUNCTION_WORDS:
        return ""
    return _stem(low)


def _stem(word: str) -> str:
    for suffix in ("ing", "ies", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Line:
    """One non-blank raw line and its shallow features."""

    index: int  # 0-based position among the seed's lines
    text: str  # without surrounding white space
    words: int
    chars: int
    stop_density: float  # share of English function words among the words
    title_case: float  # share of capitalised words among the words that are not function words
    digits: float  # share of the characters that are digits
    ends_sentence: bool
    link_like: bool  # a URL, an address, a "»" link or a run of separated link labels
    separators: int  # " | ", " / ", " > " between parts (breadcrumbs, share rows)
    repeats: int  # other lines of the page with the same letters and digits
    contained_in: int  # other lines near the top that contain this line's text (a masthead)
    content: frozenset[str] = field(repr=False)
    key: str = field(repr=False, default="")  # letters and digits only (``comparable``): repeats


def _line_features(index: int, raw: str, repeats: int = 0, contained_in: int = 0) -> Line:
    text = raw.strip()
    ws = words(text)
    n = len(ws)
    others = [w for w in ws if not is_function_word(w)]
    stops = n - len(others)
    caps = sum(1 for w in others if w[:1].isupper())
    # in ASCII text the digits are 0-9 alone, counted by one expression rather than a call a character
    digits = len(_ASCII_DIGIT.findall(text)) if text.isascii() else sum(map(str.isdigit, text))
    seps = len(_SEPARATORS.findall(f" {text} "))
    return Line(
        index=index,
        text=text,
        words=n,
        chars=len(text),
        stop_density=stops / n if n else 0.0,
        title_case=caps / len(others) if others else 0.0,
        digits=digits / len(text) if text else 0.0,
        ends_sentence=bool(_SENTENCE_END.search(text)),
        link_like=(n <= 12 and has_address(text)) or (n <= 8 and has_arrow(text)),
        separators=seps,
        repeats=repeats,
        contained_in=contained_in,
        content=_content_of(ws if "-" not in text else _unhyphenated(ws)),
        key=comparable(text),
    )


def _unhyphenated(found_words: list[str]) -> list[str]:
    """The words ``words(text.replace("-", " "))`` gives, from the words of ``text``: a hyphen only ever
    joins parts of one word (no word starts with one, and a letter outside a word starts one), so each
    word's parts are the words the text without hyphens has there."""
    out: list[str] = []
    for word in found_words:
        if "-" in word:
            out.extend(words(word.replace("-", " ")))
        else:
            out.append(word)
    return out


def _initial_class(line: Line) -> LineClass:
    if line.link_like or (line.separators >= 2 and not line.ends_sentence):
        return "bad"
    if line.chars < LENGTH_LOW:
        return "short"
    if line.stop_density >= STOPWORDS_HIGH:
        return "good" if line.chars >= LENGTH_HIGH or line.ends_sentence else "near"
    if line.stop_density >= STOPWORDS_LOW:
        return "near"
    return "bad"


def _nearest(classes: list[LineClass], wanted: tuple[LineClass, ...], step: int) -> list[LineClass]:
    """For each line, the class of the nearest line before it (``step`` -1) or after it (+1) whose
    class is one of ``wanted``; "bad" past the page's edge. One sweep: linear."""
    out: list[LineClass] = ["bad"] * len(classes)
    seen: LineClass = "bad"
    order = range(len(classes)) if step < 0 else range(len(classes) - 1, -1, -1)
    for i in order:
        out[i] = seen
        if classes[i] in wanted:
            seen = classes[i]
    return out


def classify(lines: list[Line]) -> list[LineClass]:
    """jusText's context-sensitive pass over the lines' initial classes (edges count as bad)."""
    initial = [_initial_class(line) for line in lines]
    hard: tuple[LineClass, ...] = ("good", "bad")
    prev_hard, next_hard = _nearest(initial, hard, -1), _nearest(initial, hard, 1)
    # near-good lines: bad when both neighbours are bad, good otherwise
    out = list(initial)
    for i, c in enumerate(initial):
        if c == "near":
            out[i] = "bad" if prev_hard[i] == "bad" and next_hard[i] == "bad" else "good"
    # short lines: from their neighbours
    prev_out, next_out = _nearest(out, hard, -1), _nearest(out, hard, 1)
    near_too: tuple[LineClass, ...] = ("good", "bad", "near")
    prev_any, next_any = _nearest(initial, near_too, -1), _nearest(initial, near_too, 1)
    settled = list(out)
    for i, c in enumerate(out):
        if c != "short":
            continue
        prev, nxt = prev_out[i], next_out[i]
        if prev == "good" and nxt == "good":
            settled[i] = "good"
        elif prev == "bad" and nxt == "bad":
            settled[i] = "bad"
        elif (prev == "bad" and prev_any[i] == "near") or (nxt == "bad" and next_any[i] == "near"):
            settled[i] = "good"
        else:
            settled[i] = "bad"
    return settled


class Document:
    """A seed's lines with their features, read once and shared by every stage."""

    def __init__(self, lines: list[str]) -> None:
        self.raw = lines
        self.nonblank = [i for i, line in enumerate(lines) if line.strip()]
        # what a line's features need from the other lines first (its repeats, the lines near the top
        # holding it), so that each line is made once
        keys = [comparable(lines[i].strip()) for i in self.nonblank]
        counts = Counter(keys)
        top = self.nonblank[:TOP_LINES]
        letters = [_letters(lines[i].strip()) for i in top]
        contained: dict[int, int] = {}
        for k, (i, low) in enumerate(zip(top, letters, strict=True)):
            if len(low) < 8:
                continue
            contained[i] = sum(
                1 for m, other in enumerate(letters) if m != k and low in other and keys[m] != keys[k]
            )
        self._lines = {
            i: _line_features(i, lines[i], counts[key] - 1, contained.get(i, 0))
            for i, key in zip(self.nonblank, keys, strict=True)
        }
        self._sentences: dict[str, list[str]] = {}

    def line(self, index: int) -> Line:
        return self._lines[index]

    def lines(self) -> list[Line]:
        return [self._lines[i] for i in self.nonblank]

    @cached_property
    def classes(self) -> dict[int, LineClass]:
        """Each non-blank line's jusText-style class (good, bad) after the context pass."""
        ordered = self.lines()
        return {line.index: c for line, c in zip(ordered, classify(ordered), strict=True)}

    def sentences(self, text: str) -> list[str]:
        """The sentences of a paragraph, split once per distinct text."""
        found = self._sentences.get(text)
        if found is None:
            found = self._sentences[text] = sentences(text)
        return found


_WORD_CHARS = re.compile(r"\w+")


def _letters(text: str) -> str:
    return " ".join(_WORD_CHARS.findall(text.casefold()))
