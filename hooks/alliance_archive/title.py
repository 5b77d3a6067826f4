"""The headline, chosen by evidence: every candidate line near the top of the page is scored.

A headline is found by what holds on any site, not by its wording:

- shape: a few to a few dozen words, mostly capitalised or a sentence without a closing period, not a
  URL, not mostly digits, not a list of separated labels;
- position: at the top of the page, above the first paragraphs of the article (a line with article
  paragraphs above it is a subheading); right above the body or the byline and date lines;
- agreement with the article: a headline shares its content words with the paragraphs below it, a site
  banner, a slogan or a navigation label does not;
- repetition: a headline is often repeated once on the page; a masthead recurs inside several lines
  (the site's name in its social links);
- as one signal among these, the chrome vocabulary (a known navigation or section label).

Each candidate keeps the evidence for its score, so ``inspect`` can show why a line won and how close
the runner-up came.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .document import Document, Line

# how many non-blank lines from the top a headline is looked for in
WINDOW = 60
# how much article text below a candidate is compared with it
BODY_CHARS = 4000
BODY_LINES = 400
# a score from which a line reads as a headline (a later one is then a subtitle or a deck)
PLAUSIBLE = 3.0

_DATE_CODE = re.compile(r"^\s*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{6,8})\s*(?:[\u2013\u2014:|-]\s*)?(?=\S)")
_TAG = re.compile(r"^\s*\[[^\]]{1,40}\]\s*(?:[\u2013\u2014:|-]\s*)?(?=\S)")
_SITE_SUFFIX = re.compile(r"\s+(?:\||\u2013|\u2014|-)\s+([^|\u2013\u2014]{2,60})$")
_NAME_SHAPE = re.compile(
    r"^(?:[A-Z][a-z'\u2019-]+\.?\s+){1,3}[A-Z][a-zA-Z'\u2019-]+$|^[A-Z]{2,}[, ]+[A-Z][a-z]+"
)


@dataclass
class Candidate:
    """A line that might be the headline, the headline text it would give, and why it scored so."""

    index: int  # 0-based raw line
    text: str
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)

    def add(self, points: float, why: str) -> None:
        if points:
            self.score += points
            self.evidence.append(f"{points:+.1f} {why}")


@dataclass(frozen=True)
class TitleChoice:
    candidate: Candidate | None
    ranked: list[Candidate]
    confidence: float
    doubt: str


def headline_text(text: str) -> str:
    """The headline a line gives: a leading date code ("11/04/14 –", "170210") or a bracketed tag
    ("[Press Release]") dropped, as is a trailing site name after a bar ("Headline | Site")."""
    text = text.strip()
    for pattern in (_DATE_CODE, _TAG):
        m = pattern.match(text)
        if m and len(text[m.end() :].split()) >= 3:
            text = text[m.end() :]
    if " | " in text:
        parts = [p.strip() for p in text.split(" | ") if p.strip()]
        if len(parts) == 2:
            text = max(parts, key=len)
    return text.strip()


def _body_words(doc: Document, lines: list[Line], start: int, key: str) -> set[str]:
    out: set[str] = set()
    size = 0
    for line in lines[start : start + BODY_LINES]:
        if (doc.classes.get(line.index) != "good" and line.words < 8) or line.key == key:
            continue
        out |= line.content
        size += line.chars
        if size >= BODY_CHARS:
            break
    return out


def score_candidates(
    doc: Document,
    chrome: Callable[[str], str | None],
    site_name: Callable[[str], bool],
    foreign: Callable[[str], bool],
) -> list[Candidate]:
    """Every plausible headline line near the top, best first."""
    lines = doc.lines()[:WINDOW]
    everything = doc.lines()
    out: list[Candidate] = []
    good_above = 0
    plausible_above = 0
    for pos, line in enumerate(lines):
        if doc.classes.get(line.index) == "good" and line.words >= 12:
            good_above += 1 if pos == 0 or line.ends_sentence else 0
        text = headline_text(line.text)
        n = len(text.split())
        if n < 1 or line.link_like or len(text) > 300:
            continue
        c = Candidate(line.index, text)
        # shape
        if 3 <= n <= 30:
            c.add(1.0, "headline length")
        elif n > 30:
            c.add(-2.0, "too long for a headline")
        elif n == 1:
            c.add(-2.0, "a single word")
        if n >= 2 and len({w.lower().strip(".,:;") for w in text.split()}) == 1:
            c.add(-3.0, "one word repeated")
        bare = text.rstrip("\"'\u201d\u2019)] ")
        if (
            bare.endswith(".")
            and not re.search(r"\b(?:[A-Z]|[A-Z][a-z]{0,3}|[A-Z]\.[A-Z])\.$", bare)
            and n >= 6
        ):
            c.add(-2.0 if n > 12 else -1.5, "a sentence with a closing period")
        if bare.endswith((",", ";")):
            c.add(-2.0, "an unfinished sentence")
        if text[:1] in "\"\u201c\u2018'" and text.rstrip()[-1:] in "\"\u201d\u2019',":
            c.add(-2.0, "a quotation standing alone (a pull-quote)")
        if re.search(r"[a-z]{2}[.!?]\s+[A-Z]", text) and n > 12:
            c.add(-2.0, "more than one sentence")
        if text.endswith(":"):
            c.add(-1.0, "ends with a colon")
        if line.title_case >= 0.6 and n >= 3:
            c.add(0.5, "capitalised like a headline")
        if line.digits > 0.3:
            c.add(-2.0, "mostly digits")
        if line.separators >= 2:
            c.add(-2.0, "separated labels (breadcrumb or menu)")
        if foreign(text):
            c.add(-4.0, "in another language")
        parts = [p.split() for p in text.split(",")]
        if len(parts) >= 3 and all(
            len(p) >= 2 and sum(w[:1].isupper() for w in p) >= len(p) - 1 for p in parts
        ):
            c.add(-2.0, "a list of names and titles (a caption or a byline)")
        if _NAME_SHAPE.match(text) and n <= 4:
            c.add(-1.5, "a name or a short label alone (a byline, a section)")
        # agreement with the article below
        below = _body_words(doc, everything, pos + 1, line.key)
        mine = line.content
        if mine:
            shared = len(mine & below)
            # a short line (a name, a place) agrees with the article easily: its share counts less
            ratio = shared / len(mine) * min(1.0, len(mine) / 4)
            c.add(
                round(2.5 * ratio + 0.4 * min(shared, 8), 2),
                f"shares {shared} of {len(mine)} words with the article",
            )
        # position
        if good_above:
            c.add(-1.5 * min(good_above, 3), f"{good_above} article paragraph(s) above it")
        if plausible_above:
            c.add(-1.0, "a headline-like line above it")
        # repetition
        if line.repeats == 1:
            c.add(1.0, "repeated once on the page")
        if line.contained_in >= 2:
            c.add(-2.0, f"recurs inside {line.contained_in} other lines (a masthead)")
        # the chrome vocabulary, as one signal
        kind = chrome(line.text)
        if kind is not None:
            c.add(-3.0, f"reads as page chrome ({kind})")
        elif site_name(text):
            c.add(-1.5, "a site or publisher name")
        out.append(c)
        if c.score >= PLAUSIBLE:
            plausible_above += 1
    out.sort(key=lambda c: (-c.score, c.index))
    return out


def choose(
    doc: Document,
    chrome: Callable[[str], str | None],
    site_name: Callable[[str], bool],
    foreign: Callable[[str], bool],
    minimum: float = 1.5,
) -> TitleChoice:
    """The best candidate if it is good enough, with a confidence from the margin to the runner-up."""
    ranked = score_candidates(doc, chrome, site_name, foreign)
    if not ranked or ranked[0].score < minimum:
        return TitleChoice(None, ranked, 0.4, "no line reads as a headline: titled by the first sentence")
    best = ranked[0]
    runner = ranked[1].score if len(ranked) > 1 else 0.0
    margin = best.score - runner
    confidence = max(0.3, min(1.0, 0.5 + margin / 4))
    doubt = ""
    if margin < 1.0 and len(ranked) > 1:
        doubt = f"close runner-up: line {ranked[1].index + 1} {ranked[1].text[:80]!r}"
    return TitleChoice(best, ranked, round(confidence, 2), doubt)
