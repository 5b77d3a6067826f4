"""Small text helpers shared by the stages: normalisation, words, sentences, escaping."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*", re.UNICODE)

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


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Case-folded, quote- and dash-normalised text with single spaces, for comparing lines."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


@lru_cache(maxsize=8192)
def comparable(text: str) -> str:
    """Letters and digits only: for spotting a repeated headline, caption or teaser."""
    return re.sub(r"[^\w]+", "", normalize(text))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def english_word_count(text: str) -> int:
    return sum(1 for w in words(text) if w.lower().strip(".'") in ENGLISH_FUNCTION_WORDS)


_SENTENCE_END = re.compile(r"""(?<=[.!?])["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])""")
_ABBREV = re.compile(
    r"\b(?:U\.S|U\.N|U\.K|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Gen|Lt|Col|Adm|Sen|Rep|Gov|Amb|Sept?|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Oct|Nov|Dec|[A-Z])\.$"
)


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations such as "U.S." and "Sept." intact."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        candidate = text[start : m.start()].rstrip("\"'\u201d\u2019)] ")
        if _ABBREV.search(candidate):
            continue
        # the sentence keeps its closing quotation mark or bracket; only the space after it goes
        parts.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return [p for p in parts if p]


# Python-Markdown's escapable characters; the site enables no extension (tables, tilde, emoji, ...)
# that would give other characters a meaning.
_MD_INLINE = re.compile(r"([\\`*_\[\]{}#!+])")


def md_escape(text: str) -> str:
    """Seed text as Markdown that renders to exactly these characters and never to markup."""
    text = html.escape(text, quote=False)
    text = _MD_INLINE.sub(r"\\\1", text)
    # Line-start syntax: lists, quotes, headings, setext underlines, indented code.
    text = re.sub(r"^(\s*)(\d+)([.)])(\s)", r"\1\2\\\3\4", text)
    text = re.sub(r"^(\s*)([-])", r"\1\\\2", text)
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
