"""Small text helpers shared by the stages: normalisation, words, sentences, escaping."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*", re.UNICODE)

SHORT_TEXT = 2000  # characters: a sentence's or a paragraph's length, the longest text a cache keeps


def kept_when_short(maxsize: int) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """An LRU cache of ``maxsize`` texts for a function of one text, keeping only texts of at most
    ``SHORT_TEXT`` characters: a longer one is worked out again each time, so that a worker reading
    seeds of megabyte lines holds no megabytes of them (``cache_info`` and ``cache_clear`` as lru_cache's)."""

    def wrap(fn: Callable[[str], T]) -> Callable[[str], T]:
        kept = lru_cache(maxsize=maxsize)(fn)

        @functools.wraps(fn)
        def call(text: str) -> T:
            return kept(text) if len(text) <= SHORT_TEXT else fn(text)

        wrapper: Any = call
        wrapper.cache_info, wrapper.cache_clear = kept.cache_info, kept.cache_clear
        return call

    return wrap


ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "there",
        "they",
        "we",
        "our",
        "us",
        "he",
        "she",
        "his",
        "her",
        "him",
        "i",
        "you",
        "your",
        "not",
        "no",
        "but",
        "if",
        "than",
        "then",
        "so",
        "such",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "about",
        "after",
        "before",
        "over",
        "under",
        "between",
        "among",
        "into",
        "through",
        "during",
        "since",
        "also",
        "more",
        "most",
        "said",
        "says",
        "told",
        "all",
        "both",
        "each",
        "other",
        "new",
        "two",
        "three",
        "first",
    ]
)


_SPACED_HYPHEN = re.compile(r"\s*-\s*")


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Case-folded, quote- and dash-normalised text with single spaces, for comparing lines."""
    if not text.isascii():  # plain ASCII is its own NFKC form and holds no curly quote or dash
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    if "-" in text or not text.isascii():
        text = _DASHES.sub("-", text)
        text = _SPACED_HYPHEN.sub("-", text)
    return " ".join(text.split()).casefold()  # str.split's white space is the same as \s


_NOT_WORD = re.compile(r"[^\w]+")
# in ASCII text the word characters are the letters, the digits and "_": every other ASCII character goes
_ASCII_NOT_WORD = str.maketrans(
    dict.fromkeys(ch for ch in map(chr, range(128)) if not (ch.isalnum() or ch == "_"))
)


@lru_cache(maxsize=8192)
def comparable(text: str) -> str:
    """Letters and digits only: for spotting a repeated headline, caption or teaser. The same as
    ``normalize`` and then letters and digits: the quotes, dashes and spaces ``normalize`` rewrites
    are none of them, so only its NFKC form and case folding are kept. Plain ASCII is its own NFKC
    form, and there one table drops what is not a word character (as the expression does, quicker)."""
    if text.isascii():
        return text.translate(_ASCII_NOT_WORD).lower()
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def words(text: str) -> list[str]:
    return WORD.findall(text)


def is_function_word(word: str) -> bool:
    """An English function word ("the", "of" ...), whatever its case and the stops or quotes after it."""
    return word.lower().strip(".'") in ENGLISH_FUNCTION_WORDS


def english_word_count(text: str) -> int:
    return sum(map(is_function_word, words(text)))


def has_english_word(text: str) -> bool:
    """Whether ``english_word_count(text)`` is above 0, read only as far as the first such word."""
    return any(is_function_word(m.group()) for m in WORD.finditer(text))


# a full stop, question or exclamation mark, the closing quotes and brackets after it, white space, and
# the start of the next sentence (the mark is matched, not looked behind for: a search then skips to
# the marks instead of trying every position of the text)
_SENTENCE_END = re.compile(r"""[.!?](["'\u201d\u2019)\]]*)\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])""")
_ABBREV = re.compile(
    r"\b(?:U\.S|U\.N|U\.K|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Gen|Lt|Col|Adm|Sen|Rep|Gov|Amb|Sept?|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Oct|Nov|Dec|[A-Z])\.$"
)
# the longest abbreviation above with its full stop ("Sept.", "U.S.")
_ABBREV_REACH = 6
_LIST_NUMBER = re.compile(r"\s*\d{1,3}\.")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations such as "U.S." and "Sept." intact.

    One pass over the text: each candidate boundary looks only at the few characters before it (the
    abbreviation, if any, ends there), so the cost is linear in the length of the paragraph however
    many abbreviations it holds.
    """
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        stop = m.start() + 1  # just after the full stop, question or exclamation mark
        if _ABBREV.search(text, max(start, stop - _ABBREV_REACH), stop):
            continue
        if stop - start <= 5 and _LIST_NUMBER.fullmatch(text, start, stop):
            continue  # "1. The ministers ...": a list number, not a sentence
        parts.append(text[start : m.end(1)].strip())  # closing quotes and brackets stay with it
        start = m.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


def paragraphs(text: str, longest: int = 4000, target: int = 2000) -> list[str]:
    """A paragraph longer than ``longest`` characters as several, each of whole sentences up to
    about ``target`` characters; a sentence longer than that is cut at a space (or, in a run with no
    space, every ``target`` characters). Nothing is dropped: the parts joined by spaces give the
    text back, less the spaces at the cuts. Linear in the length of the text."""
    if len(text) <= longest:
        return [text]
    pieces: list[str] = []
    for sentence in sentences(text):
        while len(sentence) > target:
            cut = sentence.rfind(" ", target // 2, target)
            if cut <= 0:
                cut = target
            pieces.append(sentence[:cut].rstrip())
            sentence = sentence[cut:].lstrip()
        if sentence:
            pieces.append(sentence)
    out: list[str] = []
    current: list[str] = []
    size = 0
    for piece in pieces:
        if current and size + 1 + len(piece) > target:
            out.append(" ".join(current))
            current, size = [], 0
        current.append(piece)
        size += len(piece) + (1 if size else 0)
    if current:
        out.append(" ".join(current))
    return out


# Python-Markdown's escapable characters; the site enables no extension (tables, tilde, emoji, ...)
# that would give other characters a meaning.
_MD_INLINE = re.compile(r"([\\`*_\[\]{}#!+])")
_NUMBERED_START = re.compile(r"^(\s*)(\d+)([.)])(\s)")
_DASH_START = re.compile(r"^(\s*)([-])")


def md_escape(text: str) -> str:
    """Seed text as Markdown that renders to exactly these characters and never to markup."""
    text = html.escape(text, quote=False)
    text = _MD_INLINE.sub(r"\\\1", text)
    # Line-start syntax: lists, quotes, headings, setext underlines, indented code.
    text = _NUMBERED_START.sub(r"\1\2\\\3\4", text)
    text = _DASH_START.sub(r"\1\\\2", text)
    return text.strip()


def slugify(text: str, max_length: int = 80) -> str:
    """A URL slug: ASCII letters, digits and hyphens."""
    text = text.replace("\u2019", "'")
    # abbreviations keep their letters together ("U.S." -> "us"); articles opening a title or a
    # subtitle are dropped ("The U.S.-Japan Alliance: The Cornerstone" -> "us-japan-alliance-cornerstone")
    text = re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), text)
    text = re.sub(r"(^|[:;]\s*)(?:the|a|an)\s+", r"\1", text.strip(), flags=re.I)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "untitled"
