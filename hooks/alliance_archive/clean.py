"""Stage 2: classify every raw line as article content or page chrome, with a reason.

The classifier works from evidence that holds across publishers rather than from any one page:
where a line sits (above the headline, in the header block before the first paragraph, in the
trailing footer), its shape (length, terminal punctuation, sentence structure, list markers),
repetition within the document (a repeated headline or caption, a teaser that a later paragraph
repeats), its language, and vocabularies of page chrome kept in ``data/chrome.yml``.

Nothing of the article is dropped silently: every non-blank line either becomes a block of the
cleaned text or a :class:`~alliance_archive.record.Removed` entry with a reason, and the removed
lines keep a category so that extraction can still read dates, places and bylines from them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any, Literal

from . import wrap
from .dates import find_dates, is_date_line
from .document import _TURN, Document, _is_turn_label, has_address, is_caption, link_shaped
from .needles import Guarded, automaton_of, fold
from .record import Removed
from .registry import load_yaml
from .textutil import (
    ENGLISH_FUNCTION_WORDS,
    comparable,
    english_word_count,
    has_english_word,
    kept_when_short,
    normalize,
    sentences,
    words,
)
from .title import TitleChoice
from .title import choose as choose_title

BlockKind = Literal["paragraph", "heading", "bullet", "numbered", "caption", "turn"]


@dataclass(frozen=True)
class Block:
    """A piece of the cleaned article: its kind, the raw line it came from and its text."""

    kind: BlockKind
    line: int
    text: str
    label: str = ""  # the speaker label of a transcript turn, or the number of a numbered item


@dataclass(frozen=True)
class Drop:
    """A removed line with a machine category (for extraction) and a reason (for readers)."""

    line: int
    text: str
    category: str
    reason: str

    def as_removed(self) -> Removed:
        return Removed(self.line, self.text, self.reason)


@dataclass
class Cleaned:
    title: str
    title_line: int
    blocks: list[Block]
    drops: list[Drop]
    title_choice: TitleChoice | None = None
    doc: Document | None = None
    # a hard-wrapped text's raw lines, and the lines that continue each joined paragraph (0-based):
    # a drop's text is its whole paragraph (extraction reads it), a removal lists each raw line
    raw: list[str] | None = None
    wrapped: dict[int, list[int]] = field(default_factory=dict)

    def sentences(self, text: str) -> list[str]:
        """A paragraph's sentences, split once for every stage that reads them."""
        return self.doc.sentences(text) if self.doc is not None else sentences(text)

    @property
    def removed(self) -> list[Removed]:
        out: list[Removed] = []
        for d in sorted(self.drops, key=lambda d: d.line):
            rest = self.wrapped.get(d.line - 1)
            if self.raw is None or rest is None:
                out.append(d.as_removed())
                continue
            for i in [d.line - 1, *rest]:
                out.append(Removed(i + 1, self.raw[i].rstrip("\n"), d.reason))
        return out


@dataclass(frozen=True)
class Vocabulary:
    lines: dict[str, tuple[str, str]]  # normalised line -> (category, reason)
    phrases: list[tuple[str, str, str]]  # (phrase, category, reason)
    patterns: list[tuple[re.Pattern[str], str, str]]  # (pattern, category, reason)
    related_prefixes: tuple[str, ...]
    related_reason: str
    doc_types: frozenset[str]

    @cached_property
    def phrase_finder(self) -> Any:
        """The phrases in one Aho-Corasick automaton: one pass over a line says which it holds, however
        many the vocabulary has (None without phrases)."""
        return automaton_of(p for p, _, _ in self.phrases) if self.phrases else None

    @cached_property
    def guarded_patterns(self) -> list[tuple[Guarded, str, str]]:
        """The patterns, each searched only in a key holding one of its needles (``needles.Guarded``)."""
        return [(Guarded(p), category, reason) for p, category, reason in self.patterns]


VOCABULARY_SWITCH = "ARCHIVE_CHROME_VOCABULARY"


def vocabulary_enabled() -> bool:
    """The chrome vocabulary is one signal among several: ``ARCHIVE_CHROME_VOCABULARY=off`` makes the
    cleaner ignore it, to check that structure alone carries the weight."""
    return os.environ.get(VOCABULARY_SWITCH, "on").strip().lower() not in ("off", "0", "no", "false")


@cache
def vocabulary() -> Vocabulary:
    raw: dict[str, Any] = load_yaml(
        resources.files(__package__).joinpath("data/chrome.yml").read_text(encoding="utf-8")
    )
    if not vocabulary_enabled():
        raw = {
            "related_prefixes": {"prefixes": [], "reason": raw["related_prefixes"]["reason"]},
            "doc_types": {"lines": []},
        }
    lines: dict[str, tuple[str, str]] = {}
    phrases: list[tuple[str, str, str]] = []
    patterns: list[tuple[re.Pattern[str], str, str]] = []
    for category, spec in raw.items():
        if category in ("related_prefixes", "doc_types"):
            continue
        for line in spec.get("lines", []):
            lines.setdefault(_key(str(line)), (category, spec["reason"]))
        for phrase in spec.get("phrases", []):
            if normalize(str(phrase)):  # an empty phrase would be in every line
                phrases.append((normalize(str(phrase)), category, spec["reason"]))
        for pattern in spec.get("patterns", []):
            patterns.append((re.compile(str(pattern)), category, spec["reason"]))
    return Vocabulary(
        lines=lines,
        phrases=phrases,
        patterns=patterns,
        related_prefixes=tuple(normalize(p) for p in raw["related_prefixes"]["prefixes"]),
        related_reason=raw["related_prefixes"]["reason"],
        doc_types=frozenset(_key(str(x)) for x in raw["doc_types"]["lines"]),
    )


_BULLET = re.compile(r"^\s*[•·▪◦●○■□►▸‣⁃*+\-–—]\s+")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(?=\S)")
_SEPARATOR = re.compile(r"^[\s\-–—_=*~•·.#|/\\<>+]{2,}$")
_TIMECODE = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*(?:/|of)?\s*(?:\d{1,2}:)?\d{1,2}:\d{2})*$")
# "[Video Clip – 31’23”] ...", "[Audio 4:05] ...": a bracketed tag holding a running time
_CLIP_TAG = re.compile(r"^\s*\[[^\]]{0,40}?\d{1,3}\s*(?:[’'′:]\s*\d{2}\s*[”\"″]?|min\w*)[^\]]{0,20}\]")
# one token of letters and digits, as images are named ("alliance2", "IMG_2041.jpg", "DSC01234")
_FILE_LABEL = re.compile(r"^[A-Za-z][A-Za-z_-]*\d[\w.-]*$")
_STRAY_NUMBER = re.compile(r"^[\s\d.,:;/%+()-]+[kKmM]?$")
_READ_TIME = re.compile(r"\b\d+\s*(?:min(?:ute)?s?|hours?)\s*read\b|\bread(?:ing)? time\b", re.I)
_VIEWS = re.compile(r"^\s*[\d.,]+\s*[kKmM]?\s*(?:views?|reads?|comments?|likes?|shares?)\s*$", re.I)
_BYLINE = re.compile(r"^\s*(?:posted|written|published|updated|reported|edited|compiled)?\s*by\s+\S", re.I)
_BREADCRUMB = re.compile(r"\s(?:/|>|»|›|\||:)\s")
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]*\s*$|[.!?]\s*["'\u201d\u2019]?\s*\]*$""")


def _key(line: str) -> str:
    """A line reduced for vocabulary look-up: bullets and edge punctuation gone, doubled phrase once."""
    text = normalize(_BULLET.sub("", line)).strip(" .:;,|-–—•·»›>")
    toks = text.split()
    half = len(toks) // 2
    if len(toks) % 2 == 0 and half and toks[:half] == toks[half:]:
        text = " ".join(toks[:half])
    return text


# a line is read by several stages and rules (chrome, headline, structure): these are worked out once
@lru_cache(maxsize=8192)
def word_count(line: str) -> int:
    return len(words(line))


@lru_cache(maxsize=8192)
def is_sentence(line: str) -> bool:
    """Body text: a sentence of some length, or a long run of words whatever its ending."""
    n = word_count(line)
    return (n >= 7 and bool(_SENTENCE_END.search(line.strip()))) or n >= 20


@cache
def _language_detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in PLAUSIBLE_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


# Languages a line copied from an alliance-related page may be in (lingua decides among these only).
PLAUSIBLE_LANGUAGES = (
    "ENGLISH", "FRENCH", "SPANISH", "GERMAN", "PORTUGUESE", "ITALIAN", "DUTCH", "RUSSIAN", "VIETNAMESE",
    "INDONESIAN", "MALAY", "TAGALOG", "KOREAN", "JAPANESE", "CHINESE",
)  # fmt: skip


def _not_english(line: str) -> bool:
    """Lingua is sure the line is in another language (names alone leave it unsure)."""
    values = _language_detector().compute_language_confidence_values(line)
    top = values[0] if values else None
    return bool(top is not None and top.language.name != "ENGLISH" and top.value >= 0.95)


@cache
def _is_latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=8192)
def foreign_language(line: str) -> bool:
    """A line in a language other than English (the archive's articles are English)."""
    if line.isascii():
        # plain ASCII has no other script and no accents: only a Latin-script line with no English
        # function word is left to decide ("Menteri Luar Negeri ..."), and only lingua decides it
        n = word_count(line)
        return n >= 5 and not has_english_word(line) and _not_english(line)
    letters = sum(map(str.isalpha, line))
    if letters < 2:
        return False
    # the letters outside ASCII: read from the few characters outside it, not from every character
    accented_letters = [ch for ch in _NOT_ASCII.findall(line) if ch.isalpha()]
    non_latin = sum(1 for ch in accented_letters if not _is_latin(ch))
    if non_latin / letters > 0.3:
        return True
    n = word_count(line)
    accented = len(accented_letters)
    # an English line holds a function word within its first few words: most lines stop reading there
    if n >= 4 and not has_english_word(line):
        if accented / letters > 0.06:
            return True
        # Latin script with no accents and no English function word ("Menteri Luar Negeri ...")
        if n >= 5 and _not_english(line):
            return True
    return n >= 8 and accented / letters > 0.04 and english_word_count(line) / n < 0.08


@lru_cache(maxsize=8192)  # cleared with the vocabulary (pipeline.reset)
def chrome_kind(line: str, phrases: bool = True) -> tuple[str, str] | None:
    """Chrome recognisable from the line alone: (category, reason), or None. With ``phrases`` off, a
    vocabulary phrase or pattern inside the line is not enough (the whole line must be chrome)."""
    text = line.strip()
    if not text:
        return None
    vocab = vocabulary()
    key = _key(text)
    if _SEPARATOR.match(text):
        return "separator", "separator"
    if key in vocab.lines:
        return vocab.lines[key]
    tokens = key.split()
    if len(tokens) > 1 and all(vocab.lines.get(t, ("",))[0] == "font_size" for t in tokens):
        return vocab.lines[tokens[0]]
    if _TIMECODE.match(key):
        return "player", "media-player timestamp"
    if _CLIP_TAG.match(text):
        return "player_text", "media-player description (a bracketed clip with its length)"
    if "read" in text.lower() and _READ_TIME.search(text) and word_count(text) <= 12:
        return "read_time", "read-time line"
    if _VIEWS.match(text):
        return "counter", "view counter"
    if is_date_line(text):
        return "date", "date line standing alone"
    if _STRAY_NUMBER.match(text):
        return "counter", "stray number (view counter or page furniture)"
    if len(key) == 1:
        return "glyph", "stray character (a button or icon)"
    half = len(text) // 2
    if len(text) % 2 == 0 and half >= 3 and text[:half] == text[half:]:
        return "glyph", "a button's label copied twice (its icon's text and its own)"
    if _FILE_LABEL.match(text) and not find_dates(text):
        return "glyph", "an image's file name or label"
    if foreign_language(text):
        return "foreign", "line in another language, unrelated to the article text"
    norm = normalize(text)
    keyed = key + " "
    # a line that starts with none of the prefixes (or holds none of the phrases) skips their loop
    for prefix in vocab.related_prefixes if keyed.startswith(vocab.related_prefixes) else ():
        if (
            keyed.startswith(prefix)
            and re.match(re.escape(prefix) + r"\s*[:|»›>-]", keyed)
            and "?" not in norm[-2:]
        ):
            rest = keyed[len(prefix) :].lstrip(" :|»›>-")
            if word_count(rest) <= 16:
                return "related", vocab.related_reason
    finder = vocab.phrase_finder if phrases else None
    held = {phrase for _, phrase in finder.iter(norm)} if finder is not None and norm else set()
    for phrase, category, reason in vocab.phrases if held else ():
        if phrase in held:
            # a long article sentence that merely contains a phrase stays content
            if word_count(text) <= 40:
                return category, reason
    lowered = fold(key)
    for guarded, category, reason in vocab.guarded_patterns if phrases else ():
        if guarded.search(key, lowered) and word_count(text) <= 40:
            return category, reason
    if _BREADCRUMB.search(text) and word_count(text) <= 8 and not _SENTENCE_END.search(text):
        return "navigation", "breadcrumb navigation"
    if "©" in text and word_count(text) <= 20:
        return "footer", "site footer"
    if link_shaped(text) and not _SENTENCE_END.search(text):
        return "link", "link or page anchor (its shape: an address or an arrow)"
    return None


def _reads_as_a_paragraph(line: str) -> bool:
    text = line.strip()
    return word_count(text) > 25 and bool(_SENTENCE_END.search(text))


def _chrome_category(line: str) -> str | None:
    kind = chrome_kind(line)
    if kind is not None:
        return kind[0]
    return "doctype" if _key(line) in vocabulary().doc_types else None


_ORG_WORDS = re.compile(
    r"\b(?:Ministry|Department|Agency|Embassy|Office|Council|Secretariat|Administration|Government|Cabinet|"
    r"White House|Blue House|News|Times|Herald|Post|Tribune|Journal|Daily|Broadcasting|Network|Institute|"
    r"Center|Centre|Foundation|Bureau|Mission|Consulate)\b"
)
_EVENT_WORDS = re.compile(
    r"\b(?:[Mm]eet\w*|[Tt]alks|[Ss]tatement|[Rr]emarks|[Rr]eadout|[Aa]vailability|[Bb]riefing|[Cc]onference|"
    r"[Ss]ummit|[Dd]ialogue|[Vv]isit\w*|[Hh]olds?|[Aa]gree\w*|[Ss]ays?|[Cc]alls?|[Uu]rges?|[Ww]arns?|"
    r"[Aa]lliance|[Rr]elations|[Tt]ies|[Cc]ooperation|[Ii]nterview|[Ss]peech|[Tt]estimony|[Rr]elease)\b"
)


def is_site_name(line: str) -> bool:
    """A publisher's or site's name standing alone ("Yonhap News Agency", "U.S. Department of State")."""
    text = line.strip()
    return (
        word_count(text) <= 10
        and not _SENTENCE_END.search(text)
        and bool(_ORG_WORDS.search(text))
        and not _EVENT_WORDS.search(text)
    )


_YAML_KEY = re.compile(r"^[A-Za-z_][\w -]{0,40}:(?:\s|$)|^\s*-\s")


def _leading_yaml_block(lines: list[str], nonblank: list[int]) -> set[int]:
    if not nonblank or lines[nonblank[0]].strip() != "---":
        return set()
    inside: set[int] = {nonblank[0]}
    for i in nonblank[1:31]:
        text = lines[i].strip()
        if text in ("---", "..."):
            inside.add(i)
            return inside if len(inside) > 2 else set()
        if not _YAML_KEY.match(text) and not lines[i].startswith((" ", "\t")):
            return set()
        inside.add(i)
    return set()


def _title_from_sentence(line: str, limit: int = 120) -> str:
    first = sentences(line.strip())[0] if line.strip() else ""
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(None, 1)[0]
    return cut.rstrip(",;:") + "…"


def _first_body_line(lines: list[str], candidates: Iterable[int]) -> int | None:
    for i in candidates:
        text = lines[i]
        if chrome_kind(text) is not None:
            continue
        if is_sentence(text) or _NUMBERED.match(text) or _TURN.match(text):
            return i
        # a list introduced by a sentence ending in a colon, or a list item that reads as a sentence
        if text.rstrip().endswith(":") and word_count(text) >= 5:
            return i
        if _BULLET.match(text) and word_count(text) >= 6:
            return i
    return None


_CREDIT = re.compile(r"\s*(?:photo|image|picture|video|courtesy|credit|source|file)\b", re.I)
_FIELD = re.compile(r"^[A-Z][a-z]+:\s")
_SECTION_NUMBER = re.compile(r"^(?:[IVX]{1,5}|\d{1,2})[.)]\s+[A-Z]")
_NAME_ONLY = re.compile(r"^(?:[A-Z][A-Za-z'\u2019-]+\.?,?\s+){1,3}[A-Z][A-Za-z'\u2019-]+$")


def _opens_the_body(text: str, title: str) -> bool:
    """A line right above the first paragraph that reads as the article's own subtitle or section
    label ("Global Partners for the Future", "[Opening statement by the Prime Minister]"), not as
    page metadata (a date, a time, a name alone, a place, a document type, a site name)."""
    n = word_count(text)
    if _SECTION_NUMBER.match(text) and n <= 12 and not find_dates(text):
        return True  # a numbered section heading ("I. Preamble", "A. Security")
    if n < 3 or n > 16 or comparable(text) == comparable(title) or _FIELD.match(text):
        return False  # "Location: Camp David" is a header's field, not a subtitle
    if find_dates(text) or re.search(r"\d", text) or _BYLINE.match(text) or _NAME_ONLY.match(text):
        return False
    if _key(text) in vocabulary().doc_types or is_site_name(text) or "," in text:
        return False
    bracketed = text[:1] in "[(" and text[-1:] in "])"
    if bracketed and _CREDIT.match(text[1:]):
        return False  # "(Photo courtesy of ...)": a credit, not a section label
    letters = [w for w in words(text) if w.lower() not in ENGLISH_FUNCTION_WORDS]
    capitalised = sum(1 for w in letters if w[:1].isupper()) / max(1, len(letters))
    return bracketed or capitalised >= 0.6


# how many lines of the article's start give the words a deck above it must share
BODY_LINES_FOR_TOPIC = 12
# a paragraph above the headline sharing fewer words than this with the article is the site's banner
ABOVE_SHARED_WORDS = 2
# a deck shares at least this many of its words with the article, and this share of them
DECK_SHARED_WORDS = 3
DECK_SHARED_SHARE = 0.3


def _on_topic(doc: Document, i: int, t: int) -> bool:
    """A paragraph above the headline shares some of the article's words (a lead before a document's
    own headline), where a site's banner sentences ("You are viewing an archived page ...") share none
    or one: only those go, so no paragraph of the article is lost for its place alone."""
    content = doc.line(i).content
    if not content:
        return False
    below = [j for j in doc.nonblank if j > t][:BODY_LINES_FOR_TOPIC]
    topic = frozenset().union(*(doc.line(j).content for j in below))
    return len(content & topic) >= ABOVE_SHARED_WORDS


def _reads_as_a_deck(text: str, title: str, content: frozenset[str], topic: frozenset[str]) -> bool:
    """A line between the headline and the first paragraph that sums the story up in running words
    ("Missile tests top the agenda as the ministers meet"): a sentence's length, in sentence case
    rather than as a list of names and titles, on the article's topic, and none of a header's
    metadata (a date, a byline, a name, a site's name, a note in brackets)."""
    n = word_count(text)
    if n < 6 or n > 45 or comparable(text) == comparable(title):
        return False
    if text[:1] in "[(" and text[-1:] in "])":
        return False
    if find_dates(text) or _BYLINE.match(text) or _NAME_ONLY.match(text) or is_site_name(text):
        return False
    if _key(text) in vocabulary().doc_types or link_shaped(text):
        return False
    letters = [w for w in words(text) if w.lower() not in ENGLISH_FUNCTION_WORDS]
    capitalised = sum(1 for w in letters if w[:1].isupper()) / max(1, len(letters))
    if capitalised >= 0.6:
        return False
    shared = len(content & topic)
    return shared >= DECK_SHARED_WORDS and shared >= DECK_SHARED_SHARE * len(content)


def _runs_into_the_body(text: str) -> bool:
    """A line right above the first paragraph that breaks off at a comma, with a sentence's words
    before it: the opening of a speech's address or a sentence cut by the copy, not a header's line
    (a header line that ends in a comma is short: "By Ann Lee,", "TOKYO, Japan,")."""
    return (
        text.endswith(",")
        and word_count(text) >= 8
        and not find_dates(text)
        and not _BYLINE.match(text)
        and not is_site_name(text)
    )


def _header_reason(text: str, title: str) -> tuple[str, str]:
    vocab = vocabulary()
    key = _key(text)
    if comparable(text) == comparable(title):
        return "repeat", "repeated headline"
    if key in vocab.doc_types:
        return "doctype", "document-type label"
    if _BYLINE.match(text):
        return "byline", "byline"
    # a date line standing alone is chrome already (chrome_kind): here only a line with a year is left
    if re.search(r"\d{4}", text) and re.search(r"\b(?:19|20)\d{2}\b", text) and word_count(text) <= 8:
        return "date", "date line"
    return "header", "byline or page header above the article"


def _is_caption(text: str) -> bool:
    return is_caption(text)


def _overlaps_as_teaser(short: str, long: str) -> bool:
    """``short`` repeats the start of ``long`` (a pull-quote or summary) closely enough to be a copy."""
    a, b = comparable(short), comparable(long)
    if len(a) < 30 or len(b) < len(a):
        return False
    if b.startswith(a):
        return True
    # the same complete first sentence, of some length, opens both lines: that sentence opens ``a`` too
    # (its letters and digits are the first of the line's), so lines whose first 60 differ share none
    if a[:60] != b[:60]:
        return False
    first, more = _opening_sentence(short)
    return len(first) >= 60 and b.startswith(first) and more


@kept_when_short(1024)  # a line is compared with the few after it: split once for all of them
def _opening_sentence(line: str) -> tuple[str, bool]:
    """A line's first sentence (``comparable``) and whether more follow."""
    parts = sentences(line)
    return (comparable(parts[0]) if parts else ""), len(parts) > 1


def clean(lines: list[str]) -> Cleaned:
    """Classify every line of a seed; return the title, the kept blocks and the removed lines.

    A hard-wrapped text is read as the paragraphs its lines were cut from (``wrap``): each paragraph
    is classified whole, on its first line, and a removed paragraph lists every line it spans."""
    groups = wrap.paragraphs(lines)
    if not groups:
        return _clean(lines)
    cleaned = _clean(wrap.join(lines, groups))
    cleaned.raw = lines
    cleaned.wrapped = groups
    return cleaned


def _clean(lines: list[str]) -> Cleaned:
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return Cleaned("", 0, [], [])
    drops: dict[int, Drop] = {}

    def drop(i: int, category: str, reason: str) -> None:
        drops[i] = Drop(i + 1, lines[i].rstrip("\n"), category, reason)

    # A YAML block copied at the top of the text ("---" / "key: value" / "---") is not the article and
    # never becomes metadata: corrections live in a file beside the seed.
    block = _leading_yaml_block(lines, nonblank)
    for i in block:
        drop(i, "yaml", "YAML block copied with the page (shown as text, not read as metadata)")
    nonblank = [i for i in nonblank if i not in block]
    if not nonblank:
        return Cleaned("", 0, [], sorted(drops.values(), key=lambda d: d.line))
    doc = Document([("" if i in block else line) for i, line in enumerate(lines)])
    choice = choose_title(doc, _chrome_category, is_site_name, foreign_language)
    if choice.candidate is not None and _reads_as_a_paragraph(lines[choice.candidate.index]):
        # the best line is an article paragraph: the page has no headline line, and nothing is lost
        choice = TitleChoice(None, choice.ranked, 0.4, "the best headline candidate is an article paragraph")
    if choice.candidate is not None:
        t = choice.candidate.index
        title = choice.candidate.text
        drop(t, "title", "headline (shown as the page title)")
        if choice.candidate.rest is not None:
            drop(choice.candidate.rest, "title", "headline, its second line")
    else:
        # no headline at all: the page is titled by its first sentence, and that line stays text
        first = next((i for i in nonblank if chrome_kind(lines[i]) is None), nonblank[0])
        title = _title_from_sentence(lines[first])
        t = -1
    kept_above: list[int] = []  # article paragraphs above the headline: they open the body
    for i in nonblank:
        if i >= t:
            break
        kind = chrome_kind(lines[i])
        if kind is not None:
            drop(i, *kind)
        elif _key(lines[i]) in vocabulary().doc_types:
            drop(i, "doctype", "document-type label")
        elif is_site_name(lines[i]):
            drop(i, "header", "site or publisher name")
        elif _reads_as_a_paragraph(lines[i]) and doc.classes.get(i) == "good" and _on_topic(doc, i, t):
            kept_above.append(i)  # an article paragraph stays: position alone never removes it
        else:
            drop(i, "above_title", "page header above the headline")

    after = [i for i in nonblank if i > t]
    body_start = _first_body_line(lines, after)
    header = [i for i in after if body_start is None or i < body_start]
    # the article's words, for telling a deck on its topic from page furniture
    topic = frozenset().union(*(doc.line(i).content for i in after[len(header) :][:BODY_LINES_FOR_TOPIC]))
    # no header line reads as a sentence: the first that does (a caption, a deck) starts the body
    for i in header:
        text = lines[i].strip()
        kind = chrome_kind(text)
        if kind is not None:
            drop(i, *kind)
        elif header and i == header[-1] and body_start is not None and _opens_the_body(text, title):
            continue  # a subtitle or section label right above the first paragraph is the article's
        elif body_start is not None and _reads_as_a_deck(text, title, doc.line(i).content, topic):
            continue  # a deck under the headline: the article's own summary, in running words
        elif header and i == header[-1] and body_start is not None and _runs_into_the_body(text):
            continue  # a sentence that goes on in the first paragraph ("Mr. Speaker, Members, ... ,")
        else:
            drop(i, *_header_reason(text, title))

    body = kept_above + [i for i in after if i not in drops]
    _mark_footer(lines, body, drop)
    body = [i for i in body if i not in drops]

    # Line-level chrome inside the body. A line that reads as a sentence of the article, with article
    # sentences on both sides, is never dropped for a vocabulary phrase alone: only at the body's
    # edges, or beside other chrome, does a phrase weigh enough.
    for pos, i in enumerate(body):
        text = lines[i].strip()
        inner = 0 < pos < len(body) - 1 and all(
            j not in drops and is_sentence(lines[j]) for j in (body[pos - 1], body[pos + 1])
        )
        kind = chrome_kind(text, phrases=not (inner and is_sentence(text)))
        if kind is not None:
            drop(i, *kind)
            continue
        # nothing after this line is dropped yet in this pass: the next body line is the next line
        nxt = body[pos + 1] if pos + 1 < len(body) else None
        if nxt is not None and not is_sentence(text) and word_count(text) <= 14:
            nkind = chrome_kind(lines[nxt])
            if nkind is not None and nkind[0] == "player":
                drop(i, "player_text", "media-player title")
    body = [i for i in body if i not in drops]
    _mark_chrome_runs(lines, body, drops, drop)
    body = [i for i in body if i not in drops]

    _mark_repeats(lines, t, body, drop)
    body = [i for i in body if i not in drops]

    blocks = _structure(lines, body)
    return Cleaned(
        title=title,
        title_line=t + 1,
        blocks=blocks,
        drops=sorted(drops.values(), key=lambda d: d.line),
        title_choice=choice,
        doc=doc,
    )


def _label_like(text: str) -> bool:
    """A short line without sentence punctuation: a link label, a button, a menu entry."""
    text = text.strip()
    return (
        0 < word_count(text) <= 6
        and not re.search(r"[.!?:;\u201d\"]\W*$", text)
        and not _NUMBERED.match(text)
        and not _TURN.match(text)
    )


def _mark_chrome_runs(lines: list[str], body: list[int], drops: dict[int, Drop], drop: Any) -> None:
    """Short labels beside page chrome inside the body ("please wait" next to a player's time code):
    a run of three or more lines, each chrome or a link label, takes the class of its chrome; a label
    followed by an article paragraph is a subheading and stays."""
    nonblank = sorted(set(body) | set(drops))
    after = dict(pairwise(nonblank))
    in_body = set(body)
    run: list[int] = []

    def settle() -> None:
        if len(run) >= 3 and any(i in drops for i in run):
            reason = next(drops[i].reason for i in run if i in drops)
            for i in run:
                if i in drops:
                    continue
                following = after.get(i)
                if following is not None and following not in drops and is_sentence(lines[following]):
                    continue
                drop(i, "beside_chrome", f"page furniture beside chrome ({reason})")

    for i in nonblank:
        # the headline is no chrome: it ends a run
        chrome = i in drops and drops[i].category != "title"
        if chrome or (i in in_body and _label_like(lines[i])):
            run.append(i)
        else:
            settle()
            run = []
    settle()


# a site's copyright notice: the sign or the word with a year ("©2022 GPlusMedia Inc.", "Copyright 2019 ...")
_SITE_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:19|20)\d{2}\b", re.I)
# what may lie below it, as a share of the page's running text, for all of it to be the site's footer
BELOW_COPYRIGHT_SHARE = 0.15


def _below_the_copyright(lines: list[str], body: list[int]) -> list[int]:
    """The lines below a site's copyright notice that follows the article (comment forms, sign-up
    blocks, other sites' promotions), when what lies below is a small share of the page's text."""
    sizes = [len(lines[i]) if is_sentence(lines[i]) else 0 for i in body]
    total = sum(sizes)
    below = total
    for pos, i in enumerate(body):
        below -= sizes[pos]
        text = lines[i].strip()
        if len(text) <= 80 and _SITE_COPYRIGHT.search(text) and below <= BELOW_COPYRIGHT_SHARE * total:
            return body[pos + 1 :] if total - below > 0 else []
    return []


def _mark_footer(lines: list[str], body: list[int], drop: Any) -> None:
    """The trailing run of chrome after the article: share links, tags, sign-up blocks, footers."""
    below = _below_the_copyright(lines, body)
    for i in below:
        kind = chrome_kind(lines[i].strip())
        drop(i, *(kind or ("footer", "below the site's copyright notice (the page's footer)")))
    if below:
        body = body[: len(body) - len(below)]
    tail: list[int] = []
    seen_marker = False
    for i in reversed(body):
        text = lines[i].strip()
        kind = chrome_kind(text)
        if kind is not None:
            tail.append(i)
            seen_marker = True
            continue
        n = word_count(text)
        # a slogan or a label runs to ten words without punctuation and with few function words; the
        # article's own last line ("Officials did not say when talks would begin") has many
        label = n <= 10 and not re.search(r"[.!?]", text) and english_word_count(text) < 0.2 * n
        short = n <= 6 or label
        if not is_sentence(text) and short and not _NUMBERED.match(text):
            tail.append(i)  # a short tag or label among the footer lines
            continue
        if word_count(text) <= 12 and has_address(text):
            tail.append(i)  # "Published at https://...": where the page came from
            seen_marker = True
            continue
        break
    if not tail:
        return
    # short trailing lines with no chrome marker count as a group (a topic-tag list), or alone when the
    # line has no sentence punctuation at all (a sign-off or a link label after the last paragraph)
    if not seen_marker and len(tail) < 2 and re.search(r"[.!?\u201d\"]", lines[tail[0]]):
        return
    for i in tail:
        kind = chrome_kind(lines[i].strip())
        if kind is not None:
            drop(i, *kind)
        elif _BYLINE.match(lines[i]):
            drop(i, "byline", "byline")
        elif _BULLET.match(lines[i]) or not seen_marker:
            drop(i, "tags", "topic tags or related links after the article")
        else:
            drop(i, "footer", "site footer")


def _mark_repeats(lines: list[str], t: int, body: list[int], drop: Any) -> None:
    """Repeated headlines and captions (later copies) and teasers that a later paragraph repeats."""
    seen: dict[str, int] = {comparable(lines[t]): t} if t >= 0 else {}
    for pos, i in enumerate(body):
        key = comparable(lines[i])
        if not key:
            continue
        if key in seen:
            what = "repeated headline" if seen[key] == t else "repeated line"
            if _is_caption(lines[i]):
                what = "repeated caption"
            drop(i, "repeat", what)
            continue
        seen[key] = i
        for j in body[pos + 1 : pos + 6]:
            if comparable(lines[j]) == key:
                continue  # an exact copy: the later one is dropped as a repeat
            if _overlaps_as_teaser(lines[i], lines[j]):
                if comparable(lines[j]).startswith(comparable(lines[i])) and _is_quote(lines[i]):
                    drop(i, "teaser", "pull-quote teaser repeating a later paragraph")
                else:
                    drop(i, "teaser", "summary repeating the paragraph that follows")
                break


def _is_quote(text: str) -> bool:
    return text.strip()[:1] in "\"'\u201c\u2018"


def _structure(lines: list[str], body: list[int]) -> list[Block]:
    """Kept lines as blocks: paragraphs, subheadings, list items, transcript turns, one caption each."""
    blocks: list[Block] = []
    for pos, i in enumerate(body):
        raw = lines[i]
        text = raw.strip()
        m_num = _NUMBERED.match(raw)
        m_turn = _TURN.match(raw)
        if m_num:
            blocks.append(Block("numbered", i + 1, raw[m_num.end() :].strip(), label=m_num.group(1)))
        elif _BULLET.match(raw):
            blocks.append(Block("bullet", i + 1, _BULLET.sub("", raw).strip()))
        elif m_turn and _is_turn_label(m_turn.group(1)):
            blocks.append(Block("turn", i + 1, raw[m_turn.end() :].strip(), label=m_turn.group(1).strip()))
        elif _is_caption(text) and is_sentence(text) and not _is_quote(text):
            blocks.append(Block("caption", i + 1, text))
        elif not is_sentence(text) and word_count(text) <= 14 and pos + 1 < len(body):
            blocks.append(Block("heading", i + 1, text))
        else:
            blocks.append(Block("paragraph", i + 1, text))
    return blocks
