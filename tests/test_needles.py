"""The regex prefilter (alliance_archive.needles): a text it turns away is one the pattern cannot
match, for every theme pattern, for the texts written for them, for texts made up by Hypothesis and
for the characters Python's case-insensitive matching folds in ways ``str.lower`` does not."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from alliance_archive.clean import Block
from alliance_archive.extract import find_themes, themes
from alliance_archive.needles import fold, may_match, needles, needles_of_all
from tests.test_vocabulary_cases import THEME_CASES


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\btrilateral\b", {"trilateral"}),
        (r"\b(?:close|treaty|staunch) all(?:y|ies)\b", {"close", "treaty", "staunch"}),
        (r"(?:very )?\bJapan\b", {"japan"}),  # an optional group is no needle
        (r"(?:foo)+ and more", {" and more"}),  # the longest run wins
        (r"(?:Japanese)+", {"japanese"}),  # a repeat of at least once is one
        (r"\b(?=[^.]{0,9}\bJapan\b)US\b", {"japan"}),  # a positive look-ahead must match too
        (r"(?<!political )\bclimate\b", {"climate"}),  # a negative look-behind is none
        (r"U\.S\.\u2013Japan", {"japan"}),  # a character beyond ASCII ends a run
        (r"\b(?:UN|United Nations)\b", None),  # "un": too short to be worth a test
        (r"\w+ment\b", {"ment"}),
        (r"(?P<x>ab)(?P=x)", None),
        (r"[", None),  # not a pattern at all
    ],
)
def test_needles_are_the_runs_every_match_contains(pattern: str, expected: set[str] | None) -> None:
    found = needles(pattern)
    assert (set(found) if found is not None else None) == expected


def test_a_set_of_patterns_has_needles_only_where_each_has() -> None:
    assert needles_of_all([r"\btrilateral\b", r"\bthree-way\b"]) == {"trilateral", "three-way"}
    assert needles_of_all([r"\btrilateral\b", r"\bUS\b"]) is None


def test_the_characters_folded_unlike_str_lower_are_the_four_the_prefilter_searches_anyway() -> None:
    # every character beyond ASCII that matches an ASCII letter or digit case-insensitively, and every
    # one that str.lower turns into text holding one: the prefilter must not look at a text with them
    ascii_alnum = re.compile("[a-z0-9]", re.IGNORECASE)
    odd = {
        chr(c)
        for c in range(0x80, sys.maxunicode + 1)
        if ascii_alnum.fullmatch(chr(c)) or any(ch.isascii() and ch.isalnum() for ch in chr(c).lower())
    }
    assert odd == {"\u0130", "\u0131", "\u017f", "\u212a"}
    assert all(fold(f"allied {ch}") is None for ch in odd)
    assert fold("The ALLIANCE") == "the alliance"


def test_a_dotless_i_is_searched_not_turned_away() -> None:
    text = "The all\u0131ance is strong."  # "ı" matches "i" case-insensitively
    assert re.search(r"\balliance\b", text, re.IGNORECASE)
    assert may_match(needles(r"\balliance\b"), fold(text))


@pytest.mark.parametrize(
    ("tid", "case"), THEME_CASES, ids=[f"{t}:{i}" for i, (t, _) in enumerate(THEME_CASES)]
)
def test_every_sentence_a_theme_pattern_catches_holds_one_of_its_needles(
    tid: str, case: dict[str, str]
) -> None:
    theme = themes()[tid]
    for text in (case["match"], case["miss"], case["match"].upper(), case["match"].lower()):
        if re.search(case["pattern"], text, re.IGNORECASE):
            assert may_match(needles(case["pattern"]), fold(text)), text
            assert may_match(theme.needles, fold(text)), text
    assert find_themes([Block("paragraph", 1, case["match"])]).get(tid) == case["match"]


_OTHERS = ["U.S.", "ROK", "Japan", "the", "\u0130", "\u0131", "\u017f", "\u212a", "\u2013", ".", ","]
_WORDS = [*sorted({n for t in themes().values() for n in t.needles or ()}), *_OTHERS]


@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=14).map(" ".join))
@example("Allıance partners and the stronger alliance")
@example("ALLIANCE between Japan and the U.S.")
def test_a_text_the_prefilter_turns_away_matches_no_theme_pattern(text: str) -> None:
    lowered = fold(text)
    for theme in themes().values():
        if not may_match(theme.needles, lowered):
            assert not theme.any_pattern.search(text), (theme.id, text)
