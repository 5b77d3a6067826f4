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

from .dates import find_dates
from .document import Document, Line, is_caption, transcript_turn
from .textutil import ENGLISH_FUNCTION_WORDS, comparable

# how many non-blank lines from the top a headline is looked for in
WINDOW = 60
# how much article text below a candidate is compared with it
BODY_CHARS = 4000
BODY_LINES = 400
# the longest line that may be a headline
MAX_HEADLINE_CHARS = 300
# a score from which a line reads as a headline (a later one is then a subtitle or a deck)
PLAUSIBLE = 3.0
# a line whose shape alone scores this much ends the stretch of article text a headline above it heads
RIVAL_SHAPE = 1.0
OWNED_WEIGHT = 3.0
STACK_TOP = 1.0
# the share of the page's running text above a line from which its paragraphs above weigh in full, and
# the least they weigh
ABOVE_SHARE_FULL = 0.3
ABOVE_FLOOR = 0.25

_DATE_CODE = re.compile(
    r"^\s*(?:[a-z]+:?\s+)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?|\d{6,8})\s*(?:[\u2013\u2014:|,-]\s*)?(?=\S)"
)
# a label in capitals before a colon ("URGENT:", "BREAKING NEWS:"), or a run of words in another script
# before a comma or a dash (a blog's own tag in its language)
_CAPS_LABEL = re.compile(r"^\s*[A-Z]{3,}(?:\s[A-Z]{3,})?:\s+(?=\S)")
_OTHER_SCRIPT = re.compile(
    r"^\s*([^,\u3001:|\u2013\u2014A-Za-z]{1,40}?)\s*[,\u3001:|\u2013\u2014]\s*(?=[A-Za-z])"
)
_DATE_SUFFIX = re.compile(r"\s+[-\u2013\u2014|]\s+(?=[^-\u2013\u2014|]{6,30}$)")
_LIST_ITEM = re.compile(r"^\s*[-•·▪◦●○■□►▸‣⁃*+–—▶▷▲△]\s+\S")
# "Christopher R. Hill, Assistant Secretary for ...": a name, a comma, an office
_NAME_AND_TITLE = re.compile(
    r"^(?:[A-Z][a-z'\u2019-]+\.?\s+)(?:[A-Z]\.\s+)?(?:[A-Z][a-z'\u2019-]+\s*){1,2},\s+(?:[A-Z]|the\b)"
)
_TAG = re.compile(r"^\s*(?:\[[^\]]{1,40}\]|\([^)]{1,30}\))\s*(?:[\u2013\u2014:|-]\s*)?(?=\S)")
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
    reasons: list[tuple[float, str]] = field(default_factory=list)  # (points, why), as added
    rest: int | None = None  # the raw line that goes on with a headline broken in two on the page

    def add(self, points: float, why: str) -> None:
        if points:
            self.score += points
            self.reasons.append((points, why))

    @property
    def evidence(self) -> list[str]:
        """Each reason with its points ("+1.0 headline length"): written out only for the candidates
        read (the headline's, and those ``inspect`` shows), not for every line scored."""
        return [f"{points:+.1f} {why}" for points, why in self.reasons]


@dataclass(frozen=True)
class TitleChoice:
    candidate: Candidate | None
    ranked: list[Candidate]
    confidence: float
    doubt: str


def _without_other_script_tail(text: str) -> str:
    """A translation in another script after the headline ("... Unbreakable Alliance 한미, 동맹 ...")
    dropped: the text up to its last Latin letter or digit, where what follows holds another script."""
    end = len(text)
    while end and not (text[end - 1].isascii() and text[end - 1].isalnum()):
        end -= 1
    tail = text[end:]
    if any(ch.isalpha() and ord(ch) > 0x24F for ch in tail) and len(text[:end].split()) >= 3:
        return text[:end]
    return text


def headline_text(text: str, site_name: Callable[[str], bool] | None = None) -> str:
    """The headline a line gives: a leading date code ("11/04/14 –", "170210") or a bracketed tag
    ("[Press Release]") dropped, as is a trailing site name after a bar ("Headline | Site") or, when
    ``site_name`` says the tail is one, after a dash ("Headline – Department of State"), and a date
    that ends it ("Dialogue 13 December": the posting date, fused to the headline)."""
    text = text.strip()
    if len(text) > MAX_HEADLINE_CHARS:
        return text  # no headline: a paragraph, read as it is
    for pattern in (_DATE_CODE, _OTHER_SCRIPT, _TAG, _CAPS_LABEL):
        m = pattern.match(text)
        if pattern is _OTHER_SCRIPT and m and not any(ord(ch) > 0x24F for ch in m.group(1)):
            continue  # digits or punctuation alone, not another script
        if m and len(text[m.end() :].split()) >= (1 if pattern is _TAG else 3):
            text = text[m.end() :]
    text = _without_other_script_tail(text)
    dash = _DATE_SUFFIX.search(text)
    if dash and find_dates(text[dash.start() :]) and len(text[: dash.start()].split()) >= 3:
        text = text[: dash.start()]  # "Address to the Congress - May 8, 2013": the date is the page's
    text = _without_trailing_date(text)
    if site_name is not None:
        suffix = _SITE_SUFFIX.search(text)
        if suffix and len(text[: suffix.start()].split()) >= 2 and site_name(suffix.group(1)):
            text = text[: suffix.start()]
    if " | " in text:
        parts = [p.strip() for p in text.split(" | ") if p.strip()]
        if len(parts) == 2:
            text = max(parts, key=len)
    return text.strip()


def _without_trailing_date(text: str) -> str:
    """A headline that ends with a date not tied to it by a word ("Dialogue 13 December", not "the
    attack of December 7") loses the date: it is when the page was posted."""
    if not text[-1:].isalnum():
        return text
    dates = find_dates(text)
    last = dates[-1] if dates else None
    if last is None or last.end != len(text) or last.start == 0:
        return text
    head = text[: last.start].rstrip(" ")
    words = head.split()  # ", April 6, 2014" after a transcript's title is its own: a comma keeps it
    if len(words) < 3 or words[-1].lower() in ENGLISH_FUNCTION_WORDS or not words[-1][-1:].isalpha():
        return text
    return head


def _body_words(doc: Document, lines: list[Line], start: int, key: str) -> set[str]:
    out: set[str] = set()
    size = 0
    for line in lines[start : start + BODY_LINES]:
        if not _article_paragraph(doc, line) or line.key == key:
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
    # a transcript: turns under speakers' labels ("SECRETARY KERRY: ..."), more than one
    transcript = sum(1 for line in everything if transcript_turn(line.text)) >= 2
    out: list[Candidate] = []
    shapes: dict[int, float] = {}  # each candidate's score before agreement with the article
    continuing: set[int] = set()
    good_above = 0
    text_above = 0
    text_total = sum(line.chars for line in everything if _running_text(line))
    plausible_above = 0
    # the site's menu: a row of six labels or more between separators (a share row has fewer)
    menu = next((pos for pos, line in enumerate(lines) if line.separators >= 5), None)
    for pos, line in enumerate(lines):
        paragraph = doc.classes.get(line.index) == "good" and line.words >= 12
        paragraph = paragraph and (pos == 0 or line.ends_sentence)
        good_above += paragraph
        text_above += line.chars if paragraph else 0
        if line.index in continuing:
            continue  # the second line of a headline broken in two: scored with its first
        rest = _goes_on(doc, pos, lines)
        if rest is not None:
            continuing.add(rest.index)
        text = headline_text(line.text if rest is None else f"{line.text} {rest.text}", site_name)
        n = len(text.split())
        if (
            n < 1
            or line.link_like
            or len(text) > MAX_HEADLINE_CHARS
            or (transcript and transcript_turn(line.text))
        ):
            continue  # a transcript's turn ("MR. KIM: Thank you.") is what someone said, never the headline
        c = Candidate(line.index, text, rest=rest.index if rest is not None else None)
        # shape
        if 3 <= n <= 30:
            c.add(1.0, "headline length")
        elif n > 30:
            c.add(-2.0, "too long for a headline")
        elif n == 1:
            c.add(-2.0, "a single word")
        if n >= 2 and _one_word_repeated(text.split()):
            c.add(-3.0, "one word repeated")
        bare = text.rstrip("\"'\u201d\u2019)] ")
        # a headline may end on a quotation, full stop and all: "Governor tells Washington: “We ...”"
        quoted_end = bare != text.rstrip() and bool(re.search('["\u201c\u2018]', text[:-1]))
        if (
            not quoted_end
            and bare.endswith(".")
            and not re.search(r"\b(?:[A-Z]|[JS]r|Inc|Co|Corp|Ltd|[A-Z]\.[A-Z])\.$", bare)
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
        dated = [f for f in find_dates(text) if f.year is not None]
        if dated and len(words_outside(text, dated[0].start, dated[0].end)) <= 3:
            c.add(-2.5, "a date line (a date and a word or two: the release's date, a place)")
        if _LIST_ITEM.match(line.text):
            c.add(-3.0, "an item of a list (a list of links, highlights or headlines)")
        elif _heads_a_list(lines, pos, rest):
            c.add(-3.0, "the first item of a list, its mark lost (a story's highlights)")
        if is_caption(text, marked=True):
            c.add(-2.5, "marked as a photo caption")
        if _NAME_AND_TITLE.match(text) and _capitalised(text.split(",", 1)[1]):
            c.add(-2.0, "a name and a title (a byline or the speaker's card)")
        if (text.startswith("[") and text.endswith("]")) or (text.startswith("(") and text.endswith(")")):
            c.add(-2.0, "a bracketed note (an editor's or a collection's label)")
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
        shapes[c.index] = c.score  # the line's shape alone
        # agreement with the article below
        below = _body_words(doc, everything, pos + 1, line.key)
        mine = line.content
        agreement = 0.0
        if mine:
            shared = len(mine & below)
            # a short line (a name, a place) agrees with the article easily: its share counts less
            ratio = shared / len(mine) * min(1.0, len(mine) / 4)
            agreement = round(2.5 * ratio + 0.4 * min(shared, 8), 2)
            c.add(agreement, f"shares {shared} of {len(mine)} words with the article")
        # position
        if good_above:
            # weighed by how much of the page's running text lies above it: a banner's sentence or two
            # above the headline weigh little against the article below, half the article a lot
            above = text_above / max(1, text_total)
            c.add(
                round(-1.5 * min(good_above, 3) * max(min(1.0, above / ABOVE_SHARE_FULL), ABOVE_FLOOR), 2),
                f"{good_above} article paragraph(s) above it ({above:.0%} of the text)",
            )
        if plausible_above:
            c.add(-1.0, "a headline-like line above it")
        if menu is not None and pos < menu:
            c.add(-3.0, "above the site's menu (a banner, the site's name)")
        # repetition
        if line.repeats == 1 and agreement and not _next_to_its_copy(everything, pos, line.key):
            c.add(1.0, "repeated once on the page")  # an on-topic copy: the page's title and its headline
        elif line.repeats and not agreement and line.title_case < 0.6:
            c.add(-1.0, "recurs on the page without a word of the article (a label or a player's text)")
        elif line.repeats >= 2:
            c.add(-2.0, f"repeated {line.repeats + 1} times on the page (a masthead or a label)")
        if line.contained_in >= 2:
            c.add(-2.0, f"recurs inside {line.contained_in} other lines (a masthead)")
        # the chrome vocabulary, as one signal
        kind = chrome(line.text)
        if kind is not None:
            c.add(-3.0, f"reads as page chrome ({kind})")
            shapes[c.index] = -1.0  # no headline: it heads nothing
        elif site_name(text):
            c.add(-1.5, "a site or publisher name")
            shapes[c.index] = -1.0
        out.append(c)
        if c.score >= PLAUSIBLE:
            plausible_above += 1
        if not paragraph and _running_text(line):
            good_above += 1  # a sentence of running text all the same: a line below it is not the headline
            text_above += line.chars
    _cut_short(out, {c.index: comparable(c.text) for c in out})
    _owned_text(doc, out, shapes)
    _fused_labels(out)
    out.sort(key=lambda c: (-c.score, c.index))
    return out


def _one_word_repeated(found: list[str]) -> bool:
    """Every word the first one, whatever its case and the stops after it ("News news NEWS:")."""
    first = found[0].lower().strip(".,:;")
    return all(w.lower().strip(".,:;") == first for w in found[1:])


def _article_paragraph(doc: Document, line: Line) -> bool:
    """A line of running article text: classed good, of some length, a sentence or a long run of words
    (not capitalised like a headline)."""
    good = doc.classes.get(line.index) == "good"
    long_run = line.words >= 15 and line.title_case < 0.6  # not a long headline in title case
    return good and line.words >= 8 and (line.ends_sentence or long_run)


def _capitalised(text: str) -> bool:
    """Most words that are not function words start with a capital: an office ("Assistant Secretary
    for East Asian Affairs"), not a headline's sentence-case clause ("US and Japan launch a system")."""
    words = [w for w in text.split() if w.lower().strip(".,") not in ENGLISH_FUNCTION_WORDS]
    return bool(words) and sum(1 for w in words if w[:1].isupper()) >= 0.6 * len(words)


def _cut_short(candidates: list[Candidate], keys: dict[int, str]) -> None:
    """A line that is the start of a later line, cut short (a page title truncated by its tab or
    feed: "... to share real" above "... to share real time missile warning data"), is not the
    headline: the later line gives it whole."""
    for c in candidates:
        key = keys.get(c.index, "")
        if len(key) < 12:
            continue
        if any(
            d.index > c.index and len(keys.get(d.index, "")) > len(key) and keys[d.index].startswith(key)
            for d in candidates
        ):
            c.add(-2.0, "cut short: a later line gives it whole")


def words_outside(text: str, start: int, end: int) -> list[str]:
    """The words of ``text`` before ``start`` and after ``end`` (around a date found in it)."""
    return re.findall(r"[^\W\d_]{2,}", text[:start] + " " + text[end:])


def _goes_on(doc: Document, pos: int, lines: list[Line]) -> Line | None:
    """The line right below a headline-shaped line that stops mid-phrase, on a function word or a
    comma ("U.S., S. Korea Agree to" / "Move Alliance Forward"): a headline broken in two."""
    line = lines[pos]
    if pos + 1 >= len(lines) or lines[pos + 1].index != line.index + 1 or not 2 <= line.words <= 20:
        return None  # a word alone ("May", "More") is a label, not a headline's first half
    nxt = lines[pos + 1]
    words = line.text.split()
    stops = words[-1].lower() in ENGLISH_FUNCTION_WORDS or line.text.endswith((",", ":", "\u2013"))
    if not stops or line.ends_sentence or nxt.ends_sentence or nxt.words > 12:
        return None
    if line.separators or line.link_like or not nxt.text[:1].isupper() or nxt.link_like:
        return None
    # a headline's first half speaks of what the article does ("Coast Guards of"), or is set in the
    # same capitals as its second ("PRESS BRIEFING BY" / "ON THE PRESIDENT'S TRIP"); a label that
    # happens to end on a function word ("Read More", "Aa May") does neither
    same_capitals = line.words >= 3 and line.text.isupper() and nxt.text.isupper()
    if same_capitals or line.content & _body_words(doc, doc.lines(), pos + 2, line.key):
        return nxt
    return None


def _heads_a_list(lines: list[Line], pos: int, rest: Line | None) -> bool:
    """The two lines right below (no blank line between) are items of a list with their marks."""
    last = rest if rest is not None else lines[pos]
    start = pos + (2 if rest is not None else 1)
    below = lines[start : start + 2]
    return (
        len(below) == 2
        and below[0].index == last.index + 1
        and below[1].index == below[0].index + 1
        and all(_LIST_ITEM.match(line.text) for line in below)
    )


def _running_text(line: Line) -> bool:
    """A sentence of some length with function words: running text, whatever its jusText class."""
    return line.words >= 7 and line.ends_sentence and line.stop_density > 0


def _next_to_its_copy(lines: list[Line], pos: int, key: str) -> bool:
    """The line right before or after it is the same (a doubled caption or label, not a headline's copy)."""
    return any(0 <= p < len(lines) and lines[p].key == key for p in (pos - 1, pos + 1))


def _fused_labels(candidates: list[Candidate]) -> None:
    """A line that is another candidate with a few words fused before or after it ("Uncategorized" + the
    headline, the headline + a site's name) is that headline with a label: the bare line is the headline."""
    bare = {" ".join(c.text.split()): c for c in candidates if len(c.text.split()) >= 3}
    for c in candidates:
        tokens = c.text.split()
        for extra in (1, 2):
            if len(tokens) - extra < 3:
                break
            inner = bare.get(" ".join(tokens[extra:])) or bare.get(" ".join(tokens[:-extra]))
            if inner is not None and inner is not c:
                c.add(-2.5, f"line {inner.index + 1} gives the same headline without the words around it")
                break


def _headline_shaped(c: Candidate, shapes: dict[int, float]) -> bool:
    return shapes[c.index] >= RIVAL_SHAPE and len(c.text.split()) >= 3


def _owned_text(doc: Document, candidates: list[Candidate], shapes: dict[int, float]) -> None:
    """A headline heads the article: the share of the page's running text that lies between a candidate
    and the next line shaped like a headline below some of that text (a site banner heads only its own
    sentences; a deck or a subtitle right below a headline, with no text between, does not end it)."""
    everything = doc.lines()
    # running totals of the article text's characters, so that any stretch's is one subtraction
    upto = [0]
    for line in everything:
        upto.append(upto[-1] + (line.chars if _article_paragraph(doc, line) else 0))
    total = upto[-1]
    if not total:
        return
    position = {line.index: pos for pos, line in enumerate(everything)}
    # a line that recurs on the page (a label, a caption, the headline's own copy) ends no stretch
    rivals = sorted(
        position[c.index]
        for c in candidates
        if shapes[c.index] >= RIVAL_SHAPE
        and len(c.text.split()) >= 3
        and not everything[position[c.index]].repeats
    )
    stack_top = -1  # the first headline-shaped line above the text, since the last article paragraph
    for c in sorted(candidates, key=lambda c: c.index):
        if not _headline_shaped(c, shapes):
            continue
        here = position[c.index]
        if stack_top < 0 or upto[here] - upto[stack_top]:
            stack_top = here
            c.add(STACK_TOP, "the first headline-shaped line above the text")
        start = position[c.index] + 1
        key = everything[start - 1].key
        stop = next(
            (
                r
                for r in rivals
                if r >= start
                and everything[r].key != key
                and upto[r] - upto[start]
                and shapes[everything[r].index] >= shapes[c.index]
            ),
            len(everything),
        )
        share = (upto[stop] - upto[start]) / total
        c.add(round(OWNED_WEIGHT * share, 2), f"heads {share:.0%} of the article's text")


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
