"""Hostile seed shapes of any size, for the worst-case tests and the worst-case benchmark.

Every shape is a function ``size -> text`` giving about ``size`` characters of seed text that an
editor (or a broken copy) could drop into ``seeds/``. ``ordinary`` is the yardstick: an article of
the same size with a headline, a dateline and paragraphs of plain sentences. Shapes that hold real
text carry *marker sentences* (ordinary sentences, each with a distinct number) spread through the
hostile material, so a test can check that every one of them survives cleaning.

The text is the archive's own invention: no sentence is taken from a real article.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Callable

HEADLINE = "Allies Review Security Cooperation at Annual Talks"
DATELINE = "TOKYO, May 2, 2022"

OFFICES = ["SECRETARY OF STATE", "MINISTER OF FOREIGN AFFAIRS", "DEPUTY SECRETARY OF DEFENSE", "AMBASSADOR"]
NAMES = [
    "Secretary of State Antony Blinken",
    "Foreign Minister Yoshimasa Hayashi",
    "Foreign Minister Park Jin",
    "Deputy Secretary Kurt M. Campbell",
    "Gen. Paul LaCamera",
    "Amb. Rahm Emanuel",
]
LABELS = ["SECRETARY BLINKEN", "MINISTER HAYASHI", "MR. PRICE", "QUESTION", "MS. PSAKI", "MODERATOR"]
CHROME = [
    "Share",
    "Print",
    "Accessibility links",
    "Breaking News",
    "XS SM MD LG",
    "Skip to main content",
    "Subscribe to our newsletter",
    "0:00 0:03:48 0:00",
    "please wait",
    "Direct link",
    "--",
    "Home > News > Press Releases",
]


def marker(i: int) -> str:
    """An ordinary sentence of real text that must survive, numbered so each one is distinct."""
    return (
        f"In session {i} the delegations agreed that the alliance remains central to peace in the region "
        f"and asked working group {i % 89} to report on supply chains before the next meeting."
    )


def _fill(size: int, pieces: Callable[[int], str], sep: str = "\n\n", head: str = "") -> str:
    out = [head] if head else []
    total = len(head)
    for i in itertools.count():
        piece = pieces(i)
        out.append(piece)
        total += len(piece) + len(sep)
        if total >= size:
            break
    return sep.join(out) + "\n"


ARTICLE_HEAD = f"{HEADLINE}\n\n{DATELINE}"


def ordinary(size: int) -> str:
    """The yardstick: headline, dateline, paragraphs of three plain sentences."""

    def paragraph(i: int) -> str:
        return (
            f"{marker(i)} Officials said the ministers would meet again in the autumn to review item {i} "
            f"of the agenda. The talks also covered economic security and exchanges between students."
        )

    return _fill(size, paragraph, head=ARTICLE_HEAD)


def long_line(size: int) -> str:
    """An article whose line breaks were lost: headline and every sentence on one line."""
    return _fill(size, marker, sep=" ", head=f"{HEADLINE}. {DATELINE} -").replace("\n", "") + "\n"


def huge_token(size: int) -> str:
    """One unbroken token with no spaces at all (a pasted blob): not text."""
    return ("QWxsaWFuY2VBcmNoaXZl" * (size // 20 + 1))[:size] + "\n"


def huge_word_in_article(size: int) -> str:
    """An ordinary short article with one enormous token pasted into its middle paragraph."""
    blob = "x" * max(0, size - 600)
    return f"{ARTICLE_HEAD}\n\n{marker(0)}\n\nThe delegates read {blob} aloud.\n\n{marker(1)}\n"


def abbreviations(size: int) -> str:
    """Thousands of abbreviations on long lines ("Mr.", "U.S.", "No.", "Gen.", initials)."""
    runs = ["Mr. " * 400, "U.S. " * 400, "No. 1 " * 300, "Gen. Amb. Dr. St. " * 100, "J. K. L. " * 200]
    return _fill(size, lambda i: runs[i % len(runs)] if i % 6 else marker(i), head=ARTICLE_HEAD)


def titles_and_mr(size: int) -> str:
    """One huge line repeating an upper-case office title, one huge line repeating "Mr. "."""
    half = max(1, size // 2)
    title_line = ((OFFICES[0] + " ") * (half // (len(OFFICES[0]) + 1) + 1))[:half]
    mr_line = ("Mr. " * (half // 4 + 1))[:half]
    return f"{title_line}\n{mr_line}\n"


def speaker_labels(size: int) -> str:
    """A transcript of thousands of turns under upper-case labels, some with no text after them."""

    def turn(i: int) -> str:
        label = LABELS[i % len(LABELS)]
        return f"{label}: {marker(i)}" if i % 3 else f"{label}:"

    return _fill(size, turn, sep="\n", head=ARTICLE_HEAD)


def upper_titles(size: int) -> str:
    """Thousands of upper-case office titles as lines of their own, between paragraphs."""
    return _fill(size, lambda i: OFFICES[i % len(OFFICES)] if i % 4 else marker(i), head=ARTICLE_HEAD)


def dates(size: int) -> str:
    """Thousands of dates: date lines, and paragraphs crowded with dates."""
    months = ["January", "March", "May", "July", "Sept.", "Nov.", "Dec."]

    def piece(i: int) -> str:
        date = f"{months[i % 7]} {i % 28 + 1}, {1990 + i % 35}"
        if i % 3 == 0:
            return date
        if i % 3 == 1:
            return " ".join(f"{months[(i + k) % 7]} {k % 28 + 1}, {2000 + k % 25}," for k in range(60))
        return marker(i)

    return _fill(size, piece, head=ARTICLE_HEAD)


def names(size: int) -> str:
    """Thousands of officials' names with titles and statement verbs."""

    def piece(i: int) -> str:
        if i % 4 == 0:
            return marker(i)
        people = ", ".join(NAMES[(i + k) % len(NAMES)] for k in range(40))
        return f"{people} and {NAMES[i % len(NAMES)]} said the alliance is ironclad."

    return _fill(size, piece, head=ARTICLE_HEAD)


def quotes_brackets(size: int) -> str:
    """Thousands of quotation marks and brackets, balanced and not."""
    runs = ['"' * 2000, "\u201c" * 1000 + "\u201d" * 900, "(" * 1500, "[[[" * 500 + "]" * 10, "'\u2019" * 800]

    def piece(i: int) -> str:
        if i % 3 == 0:
            return f"\u201c{marker(i)}\u201d {NAMES[i % len(NAMES)]} said."
        return runs[i % len(runs)]

    return _fill(size, piece, head=ARTICLE_HEAD)


def chrome(size: int) -> str:
    """Page chrome repeated thousands of times around a few paragraphs."""
    return _fill(
        size, lambda i: marker(i) if i % 25 == 0 else CHROME[i % len(CHROME)], sep="\n", head=ARTICLE_HEAD
    )


def mixed_scripts(size: int) -> str:
    """English paragraphs between lines in Korean, Japanese, Cyrillic and Arabic scripts."""
    others = [
        "한미 동맹은 지역 평화의 핵심이다",
        "日米同盟は地域の平和と安定の礎である",
        "Альянс остается основой мира в регионе",
        "التحالف يبقى أساس السلام في المنطقة",
        "Tokyo 東京 서울 Seoul Москва",
    ]
    return _fill(size, lambda i: marker(i) if i % 2 == 0 else others[i % len(others)] * 3, head=ARTICLE_HEAD)


def hard_wrapped(size: int) -> str:
    """The ordinary article broken at 72 characters without blank lines between paragraphs: one
    paragraph of hundreds of thousands of lines once its lines are joined."""
    body = ordinary(size - len(ARTICLE_HEAD)).split("\n\n", 2)[2]
    return f"{ARTICLE_HEAD}\n\n" + "\n".join(textwrap.wrap(body, 72)) + "\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "hard_wrapped": hard_wrapped,
    "long_line": long_line,
    "huge_token": huge_token,
    "huge_word_in_article": huge_word_in_article,
    "abbreviations": abbreviations,
    "titles_and_mr": titles_and_mr,
    "speaker_labels": speaker_labels,
    "upper_titles": upper_titles,
    "dates": dates,
    "names": names,
    "quotes_brackets": quotes_brackets,
    "chrome": chrome,
    "mixed_scripts": mixed_scripts,
}

# Shapes that hold no real sentence and are refused as not text.
NOT_TEXT = frozenset({"huge_token"})


_MARKER = re.compile(r"In session \d+ the delegations agreed that .*? before the next meeting\.")


def markers_in(text: str) -> list[str]:
    """The marker sentences a generated seed holds, in order (a hard-wrapped one's lines read as one)."""
    return _MARKER.findall(" ".join(text.split()))
