"""The regex prefilter (alliance_archive.needles): a text it turns away is one the pattern cannot
match, for every theme pattern, for the texts written for them, for texts made up by Hypothesis and
for the characters Python's case-insensitive matching folds in ways ``str.lower`` does not; the
automaton finds the needles a text holds exactly as looking for each in turn does."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from alliance_archive import extract
from alliance_archive.clean import Block, vocabulary
from alliance_archive.extract import _theme_patterns, find_themes
from alliance_archive.needles import Guarded, Prefilter, fold, needles
from tests.test_vocabulary_cases import THEME_CASES


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\btrilateral\b", {"trilateral"}),
        (r"\b(?:close|treaty|staunch) all(?:y|ies)\b", {" ally", " allies"}),
        # Python's parser takes a shared prefix out of the alternatives: it begins each of them again
        (r"\bUS Forces Korea\b|\bUS Forces Japan\b", {"us forces korea", "us forces japan"}),
        (r"\bG20 summit\b|\bG7 summit\b", {"g20 summit", "g7 summit"}),
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


def test_a_prefilter_searches_the_patterns_whose_needles_a_text_holds_and_those_with_none() -> None:
    prefilter = Prefilter.of([r"\btrilateral\b", r"\bUS\b", r"\bthree-way\b|\bthree nations\b"])
    assert prefilter.always == {1}
    held = prefilter.held(fold("A Three-Way meeting, TRILATERAL in all but name."))
    assert held == ("three-way", "trilateral")
    assert list(prefilter.patterns(held)) == [0, 1, 2]
    assert list(prefilter.patterns(prefilter.held(fold("Nothing of the kind.")))) == [1]
    assert list(prefilter.patterns(None)) == [0, 1, 2]  # a text fold could not lower: every pattern
    # a part of a text, read among the needles the whole holds
    assert prefilter.held(fold("a three-way talk"), held) == ("three-way",)
    assert list(Prefilter.of([r"\bUS\b"]).patterns(())) == [0]  # no needles at all: always searched


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
    prefilter = Prefilter.of([r"\balliance\b"])
    assert list(prefilter.patterns(prefilter.held(fold(text)))) == [0]


@pytest.mark.parametrize(
    ("tid", "case"), THEME_CASES, ids=[f"{t}:{i}" for i, (t, _) in enumerate(THEME_CASES)]
)
def test_every_sentence_a_theme_pattern_catches_holds_one_of_its_needles(
    tid: str, case: dict[str, str]
) -> None:
    patterns, prefilter = _theme_patterns()
    alone = Prefilter.of([case["pattern"]])
    for text in (case["match"], case["miss"], case["match"].upper(), case["match"].lower()):
        if re.search(case["pattern"], text, re.IGNORECASE):
            assert list(alone.patterns(alone.held(fold(text)))) == [0], text
            searched = set(prefilter.patterns(prefilter.held(fold(text))))
            theirs = [i for i, (t, _) in enumerate(patterns) if t == tid]
            assert any(i in searched and patterns[i][1].search(text) for i in theirs), text
    assert find_themes([Block("paragraph", 1, case["match"])]).get(tid) == case["match"]


_OTHERS = ["U.S.", "ROK", "Japan", "the", "\u0130", "\u0131", "\u017f", "\u212a", "\u2013", ".", ","]
_WORDS = [*_theme_patterns()[1].needles, *_OTHERS]


@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=14).map(" ".join))
@example("Allıance partners and the stronger alliance")
@example("ALLIANCE between Japan and the U.S.")
def test_a_text_the_prefilter_turns_away_matches_no_theme_pattern(text: str) -> None:
    patterns, prefilter = _theme_patterns()
    held = prefilter.held(fold(text))
    searched = set(prefilter.patterns(held))
    for i, (tid, pattern) in enumerate(patterns):
        if i not in searched:
            assert not pattern.search(text), (tid, pattern.pattern, text)


@given(
    st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=14).map(" ".join),
    st.integers(0, 200),
    st.integers(0, 200),
)
def test_the_automaton_finds_the_needles_looking_for_each_in_turn_finds(text: str, a: int, b: int) -> None:
    prefilter = _theme_patterns()[1]
    lowered = fold(text)
    held = prefilter.held(lowered)
    if lowered is None:
        assert held is None
        return
    assert held == tuple(n for n in prefilter.needles if n in lowered)
    part = lowered[min(a, b) : max(a, b)]  # a sentence is a slice of its block
    assert prefilter.held(part, held) == prefilter.held(part)


_PHRASES = [phrase for phrase, _, _ in vocabulary().phrases]


@given(st.lists(st.sampled_from(_PHRASES) | st.text(max_size=8), max_size=8).map(" ".join))
@example("share this page subscribe to our newsletter")
def test_the_chrome_vocabulary_automaton_finds_the_phrases_a_line_holds(text: str) -> None:
    """The phrases a line holds, and the patterns a key may match, found as the loops they replace did."""
    vocab = vocabulary()
    held = {phrase for _, phrase in vocab.phrase_finder.iter(text)}
    assert held == {phrase for phrase in _PHRASES if phrase in text}
    for guarded, _, _ in vocab.guarded_patterns:
        if guarded.pattern.search(text):
            assert guarded.may_match(fold(text)), (guarded.pattern.pattern, text)


_GUARDED = [
    extract._EVENT_GUARD,
    extract._ELSEWHEN_GUARD,
    extract._HERE_GUARD,
    extract._MEETING_GUARD,
    extract._TITLE_ONLY_GUARD,
    extract._COLLECTIVE_GUARD,
]
_GUARD_WORDS = sorted({n for g in _GUARDED for n in g._prefilter.needles} | {"The", "Secretary", "said"})


@given(st.lists(st.sampled_from(_GUARD_WORDS) | st.text(max_size=5), max_size=10).map(" ".join))
@example("The three ministers said they met here in Seoul")
@example("The Secretary said it, \u0130 \u017f")
def test_a_guarded_expression_finds_what_the_expression_finds(text: str) -> None:
    for guarded in _GUARDED:
        found = guarded.search(text, fold(text))
        expected = guarded.pattern.search(text)
        assert (found and found.span()) == (expected and expected.span()), guarded.pattern.pattern
        assert [m.span() for m in guarded.finditer(text, fold(text))] == [
            m.span() for m in guarded.pattern.finditer(text)
        ]


def test_an_expression_without_needles_is_searched_in_every_text() -> None:
    guarded = Guarded(re.compile(r"\bUS\b"))
    match = guarded.search("The US and Japan", fold("The US and Japan"))
    assert match is not None and match.group(0) == "US"
    assert Guarded(re.compile(r"\btrilateral\b", re.I)).search("Three-way", fold("Three-way")) is None
