"""The cleaner's line tests at their edges, on lines these tests write: what counts as a sentence, a
paragraph, a site's name, a label, a transcript speaker's label, a title cut from a sentence, and the
switch that turns the chrome vocabulary off."""

from __future__ import annotations

import pytest

from alliance_archive import clean
from alliance_archive.clean import is_sentence, is_site_name, vocabulary_enabled


def n_words(n: int, end: str = ".") -> str:
    return " ".join(["word"] * n) + end


def test_a_sentence_is_seven_words_with_an_ending_or_twenty_without() -> None:
    assert is_sentence(n_words(7))
    assert not is_sentence(n_words(6))
    assert not is_sentence(n_words(7, ""))
    assert not is_sentence(n_words(19, ""))
    assert is_sentence(n_words(20, ""))


def test_a_paragraph_is_more_than_twenty_five_words_with_an_ending() -> None:
    assert clean._reads_as_a_paragraph(n_words(26))
    assert not clean._reads_as_a_paragraph(n_words(25))
    assert not clean._reads_as_a_paragraph(n_words(26, ""))


def test_a_site_name_is_a_short_organisation_name_without_an_event() -> None:
    assert is_site_name("Yonhap News Agency")
    assert is_site_name("Ministry of Foreign Affairs of Japan Press Office Tokyo Bureau")  # ten words
    assert not is_site_name("Ministry of Foreign Affairs of Japan Press Office Tokyo Bureau Two")  # eleven
    assert not is_site_name("Seoul and Tokyo")  # no organisation word
    assert not is_site_name("Ministry Statement on the Launch")  # an event word
    assert not is_site_name("Yonhap News Agency reported the launch.")


@pytest.mark.parametrize(
    ("value", "enabled"),
    [
        (None, True),
        ("on", True),
        ("off", False),
        (" OFF ", False),
        ("0", False),
        ("no", False),
        ("False", False),
        ("yes", True),
    ],
)
def test_the_vocabulary_switch(monkeypatch: pytest.MonkeyPatch, value: str | None, enabled: bool) -> None:
    if value is None:
        monkeypatch.delenv(clean.VOCABULARY_SWITCH, raising=False)
    else:
        monkeypatch.setenv(clean.VOCABULARY_SWITCH, value)
    assert vocabulary_enabled() is enabled


@pytest.mark.parametrize(
    ("line", "foreign"),
    [
        ("한미 외교장관 회담 개최", True),  # another script
        ("Hội nghị Việt Nam", True),  # four words, a quarter of the letters accented, no English word
        ("Café culture in Seoul", False),  # an accented word in English
        ("Crème brûlée in Séoul", False),  # accents enough for another language, but an English word
        ("Ministers \u201creaffirmed\u201d the alliance \u2014 again", False),  # curly quotes, a dash
        ("a \u00e9", False),  # too few words to tell
    ],
)
def test_a_line_in_another_language_by_its_letters(line: str, foreign: bool) -> None:
    assert clean.foreign_language.__wrapped__(line) is foreign


def test_a_label_is_one_to_six_words_without_sentence_punctuation() -> None:
    assert clean._label_like("Read the full text")
    assert clean._label_like("One two three four five six")
    assert not clean._label_like("One two three four five six seven")
    assert not clean._label_like("Read the full text.")
    assert not clean._label_like("Read the \u201cfull text\u201d")
    assert not clean._label_like("")
    assert not clean._label_like("1. Read the full text")


def test_a_turn_label_is_more_than_four_fifths_capitals() -> None:
    assert clean._is_turn_label("SECRETARY POMPEO")
    assert clean._is_turn_label("MS. PSAKI")
    assert clean._is_turn_label("QA")
    assert not clean._is_turn_label("Q")
    assert not clean._is_turn_label("Secretary Pompeo")
    assert not clean._is_turn_label("ABCDe")  # exactly four in five
    assert clean._is_turn_label("ABCDEFGHIj")  # nine in ten


def test_a_title_from_a_long_sentence_is_cut_at_a_word_and_marked() -> None:
    short = "The allies met in Seoul."
    assert clean._title_from_sentence(short + " Then they left.") == short
    exact = "w" * 120
    assert clean._title_from_sentence(exact) == exact
    long = "The ministers of the two allies met, " + "again " * 20 + "in Seoul."
    title = clean._title_from_sentence(long, limit=40)
    assert title == "The ministers of the two allies met…"
    # the word the limit cuts through goes, even one ending right at the limit
    assert clean._title_from_sentence("A B C D E F G H I J K L", limit=5) == "A B…"
    assert clean._title_from_sentence("Ministers met, again and again", limit=16) == "Ministers met…"
    assert clean._title_from_sentence("   ") == ""


def test_a_title_cut_from_a_sentence_ends_at_a_word_whatever_the_spaces() -> None:
    assert clean._title_from_sentence("Ministers met  again and again", limit=16) == "Ministers met…"
    assert clean._title_from_sentence("Ministers met\tagain and again", limit=16) == "Ministers met…"
    # the default limit is 120 characters
    assert clean._title_from_sentence("w" * 119 + " x") == "w" * 119 + "…"
    assert clean._title_from_sentence("w" * 119 + "x") == "w" * 119 + "x"
    # the punctuation of a clause the cut ends is dropped, the letters before it kept
    cut = clean._title_from_sentence("Talks with Group X, again and again", limit=22)
    assert cut == "Talks with Group X…"


TITLE = "Allies Agree to Expand Coast Guard Training"


@pytest.mark.parametrize(
    "line",
    [
        "Partners in Peace",  # three words
        "Global Partners for the Future",
        " ".join(["Partners"] * 16),  # sixteen words
        "[opening statement by the prime minister]",  # a bracketed label, lower case
        "(opening statement by the prime minister)",
        "Partners of the Future",  # function words do not count against it
        "On the Horizon",  # one word that counts, capitalised
        "Allies Discuss Maritime training plans",  # three in five capitalised
    ],
)
def test_a_line_that_opens_the_body_is_a_subtitle_or_section_label(line: str) -> None:
    assert clean._opens_the_body(line, TITLE)


@pytest.mark.parametrize(
    "line",
    [
        "Global Partners",  # two words
        " ".join(["Partners"] * 17),
        "Allies Agree to Expand Coast Guard Training",  # the headline again
        "Talks on March 3, 2021",
        "Chapter 12 Global Partners",  # a number
        "By the Editorial Board Staff",  # a byline
        "Jane Doe Smith",  # a name alone
        "For Immediate Release:",  # a document type
        "Yonhap News Agency",  # a site name
        "Allies, Partners and Friends",  # a comma
        "(opening statement by the prime minister",  # an opening bracket only
        "opening statement by the prime minister)",
        "Xenial opening words by the minister)",
        "(opening words by the minister endX",
        "Allies discuss maritime training plans",  # one in five capitalised
        "Allies Discuss maritime training plans",  # two in five
    ],
)
def test_metadata_or_a_plain_phrase_does_not_open_the_body(line: str) -> None:
    assert not clean._opens_the_body(line, TITLE)


def test_a_teaser_repeats_the_start_of_the_longer_line() -> None:
    # thirty letters compared (spaces and punctuation do not count) are enough, twenty-nine are not
    met = "Coast guard crews of both allies met"
    assert clean._overlaps_as_teaser(met, met + ".")
    assert not clean._overlaps_as_teaser(
        "Coast guard crews of the allies met", "Coast guard crews of the allies met in Busan on Monday."
    )
    assert clean._overlaps_as_teaser(
        "Coast guard crews of both allies met", "Coast guard crews of both allies met in Busan on Monday."
    )
    # the longer line must hold the shorter one
    assert not clean._overlaps_as_teaser(met + " in Busan", "Coast guard crews of both")


def test_a_teaser_may_add_to_the_paragraph_s_first_sentence() -> None:
    first = "The coast guards of the two allies will train together twice a year at sea."  # sixty letters
    paragraph = first + " The first rotation begins in the autumn."
    assert clean._overlaps_as_teaser(first + " The commander said so.", paragraph)
    # a first sentence of fifty-nine letters is not enough
    short_first = "The coast guards of the two allies will train together twice yearly now."
    assert not clean._overlaps_as_teaser(short_first + " He said.", short_first + " Officials agreed on it.")
