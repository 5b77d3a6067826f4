"""Who is a speaker, who is only mentioned, and how names and roles are written (PRODUCT.md)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from alliance_archive import people
from alliance_archive.pipeline import build_statement
from alliance_archive.record import Person, Statement
from alliance_archive.registry import registry


def statement(tmp_path: Path, text: str, name: str = "seed.txt") -> Statement:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return build_statement(path, registry())


def speakers(s: Statement) -> list[str]:
    return [p.name for p in s.speakers]


def mentioned(s: Statement) -> list[str]:
    return [p.name for p in s.mentioned]


def person(people: list[Person], name: str) -> Person:
    for p in people:
        if p.name == name:
            return p
    raise AssertionError(f"{name} not among {[p.name for p in people]}")


# -- speakers -------------------------------------------------------------------------------------


def test_direct_quote_with_said_x(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Allies Consult After Missile Launch\n\nMarch 3, 2023\n\n"
        "\u201cWe will not be intimidated by these launches, and we will keep working with our allies,\u201d "
        "said Secretary of State Antony Blinken after a call with his counterparts.\n\n"
        "Blinken spoke for about forty minutes with Japanese Foreign Minister Yoshimasa Hayashi.\n",
    )
    assert speakers(s) == ["Antony Blinken"]
    assert "Yoshimasa Hayashi" in mentioned(s)
    assert any(q.speaker == "Antony Blinken" and "intimidated" in q.text for q in s.quotes)


def test_a_quote_the_article_repeats_is_one_quote(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Allies Consult After Missile Launch\n\nMarch 3, 2023\n\n"
        "\u201cWe will keep working with our allies,\u201d said Secretary of State Antony Blinken.\n\n"
        "He spoke for about forty minutes with Japanese Foreign Minister Yoshimasa Hayashi.\n\n"
        "The talks ended at noon. \u201cWe will keep working with our allies,\u201d Blinken said.\n\n"
        "\u201cThe launches will not divide us,\u201d said Secretary of State Antony Blinken.\n",
    )
    assert [q.text for q in s.quotes if q.speaker == "Antony Blinken"] == [
        "We will keep working with our allies,",
        "The launches will not divide us,",
    ]


def test_x_said(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Japan to Expand Support for Coast Guard Training\n\nApril 11, 2022\n\n"
        "Foreign Minister Yoshimasa Hayashi said Japan would double its funding for regional coast guard "
        "training over the next three years.\n",
    )
    assert speakers(s) == ["Yoshimasa Hayashi"]
    p = person(s.speakers, "Yoshimasa Hayashi")
    assert (p.role, p.country) == ("Foreign Minister", "JP")


def test_pronoun_he_said(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Defense Chief Arrives for Talks\n\nJune 1, 2023\n\n"
        "Secretary of Defense Lloyd Austin arrived in Tokyo on Thursday for two days of talks.\n\n"
        "He said the visit would focus on faster decisions about joint air defense drills.\n",
    )
    assert speakers(s) == ["Lloyd Austin"]


def test_transcript_turns(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Remarks to the Press With Foreign Minister Park Jin\n\nNovember 13, 2022\n\n"
        "SECRETARY BLINKEN: Good morning, everyone. It is a pleasure to be back with my friend and "
        "colleague.\n\n"
        "FOREIGN MINISTER PARK: Thank you, Tony. Our talks today covered a wide range of subjects.\n\n"
        "QUESTION: Did you discuss the next round of exercises?\n\n"
        "SECRETARY BLINKEN: We did, and we agreed to announce the schedule soon.\n",
    )
    assert set(speakers(s)) == {"Antony Blinken", "Park Jin"}
    assert person(s.speakers, "Park Jin").country == "KR"
    assert all("question" not in n.lower() for n in speakers(s))


def test_press_statement_issued_under_a_name_alone(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "On the Anniversary of the Camp David Summit\n\nPress Statement\n\nAntony Blinken\n\n"
        "August 18, 2024\n\n"
        "One year ago, the leaders of our three countries opened a new chapter of cooperation that has "
        "made each of us safer and more prosperous.\n",
    )
    assert speakers(s) == ["Antony Blinken"]


def test_press_statement_issued_under_a_name_and_title(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "On the Anniversary of the Camp David Summit\n\nPress Statement\n\n"
        "Antony J. Blinken, Secretary of State\n\nAugust 18, 2024\n\n"
        "One year ago, the leaders of our three countries opened a new chapter of cooperation that has "
        "made each of us safer and more prosperous.\n",
    )
    assert speakers(s) == ["Antony Blinken"]
    assert person(s.speakers, "Antony Blinken").role == "Secretary of State"


def test_the_three_ministers_reaffirmed(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Trilateral Foreign Ministers Meet on the Sidelines of ASEAN\n\nNovember 13, 2022\n\n"
        "Secretary of State Antony Blinken met with Japanese Foreign Minister Yoshimasa Hayashi and Republic "
        "of Korea Foreign Minister Park Jin in Phnom Penh on Sunday.\n\n"
        "The three ministers reaffirmed their commitment to the complete denuclearization of North Korea.\n",
    )
    assert set(speakers(s)) == {"Antony Blinken", "Yoshimasa Hayashi", "Park Jin"}
    assert mentioned(s) == []


def test_participation_verbs_do_not_make_a_speaker(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Defense Ministers Hold Talks at the Pentagon\n\nJanuary 12, 2024\n\n"
        "Secretary of Defense Lloyd Austin hosted Japanese Defense Minister Minoru Kihara at the Pentagon "
        "on Friday.\n\n"
        "Republic of Korea Defense Minister Shin Won-sik attended a working lunch with the two ministers.\n\n"
        "The officials met for three hours and toured a new training center near the building.\n",
    )
    assert speakers(s) == []
    assert set(mentioned(s)) == {"Lloyd Austin", "Minoru Kihara", "Shin Won-sik"}


def test_a_position_inside_another_speakers_quote(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Blinken Says Seoul Ready to Resume Talks\n\nMay 2, 2023\n\n"
        "\u201cForeign Minister Park Jin said to me that Seoul stands ready to resume talks at any "
        "time,\u201d "
        "Secretary of State Antony Blinken said on Tuesday.\n",
    )
    assert speakers(s) == ["Antony Blinken"]
    assert mentioned(s) == ["Park Jin"]


def test_countries_are_not_speakers(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Three Allies Consult in Jakarta\n\nJuly 14, 2023\n\n"
        "Secretary of State Antony Blinken met Japanese Foreign Minister Yoshimasa Hayashi and Republic of "
        "Korea Foreign Minister Park Jin in Jakarta on Friday.\n\n"
        "All three countries reaffirmed their commitment to regional peace and stability.\n",
    )
    assert speakers(s) == []
    assert set(mentioned(s)) == {"Antony Blinken", "Yoshimasa Hayashi", "Park Jin"}


def test_a_text_can_have_no_speaker(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "New Ferry Route Opens Between Busan and Fukuoka\n\nApril 3, 2019\n\n"
        "A new ferry route opened on Wednesday, cutting the crossing time to under three hours for "
        "passengers and freight.\n",
    )
    assert speakers(s) == []
    assert mentioned(s) == []


def test_a_quoted_non_official_is_a_speaker_from_elsewhere(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Analysts Welcome Coast Guard Deal\n\nApril 11, 2022\n\n"
        "\u201cThis is the most practical step the two governments have taken in years,\u201d said Laura "
        "Whitfield, a maritime analyst at a research institute in Singapore.\n",
    )
    assert speakers(s) == ["Laura Whitfield"]
    assert person(s.speakers, "Laura Whitfield").country == "other"


# -- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "date", "name", "role", "country"),
    [
        ("Prime Minister KISHIDA Fumio", "July 12, 2023", "Fumio Kishida", "Prime Minister", "JP"),
        ("Deputy Secretary of State Kurt M. Campbell", "March 8, 2024", "Kurt Campbell",
         "Deputy Secretary of State", "US"),
        ("First Vice Foreign Minister Kim Hong Kyun", "May 20, 2024", "Kim Hong-kyun",
         "First Vice Foreign Minister", "KR"),
        ("Assistant Secretary of State Kurt M. Campbell", "March 8, 2011", "Kurt Campbell",
         "Assistant Secretary of State for East Asian and Pacific Affairs", "US"),
    ],
)  # fmt: skip
def test_names_are_normalised(
    tmp_path: Path, written: str, date: str, name: str, role: str, country: str
) -> None:
    s = statement(
        tmp_path,
        f"Officials Discuss Supply Chains\n\n{date}\n\n"
        f"{written} said the allies would coordinate more closely on supply chains for critical minerals.\n",
    )
    assert speakers(s) == [name]
    p = person(s.speakers, name)
    assert (p.role, p.country) == (role, country)


def test_an_unknown_japanese_official_written_family_name_first(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Ambassador Visits Port Project\n\nMay 20, 2024\n\n"
        "Japanese Ambassador SUGIMORI Haruto said the new terminal would open to ships next spring.\n",
    )
    assert speakers(s) == ["Haruto Sugimori"]
    assert person(s.speakers, "Haruto Sugimori").country == "JP"


# -- roles held at the statement's date -----------------------------------------------------


@pytest.mark.parametrize(
    ("date", "role"),
    [("February 14, 2018", "Foreign Minister"), ("August 29, 2020", "Defense Minister")],
)
def test_role_is_the_one_held_at_the_date(tmp_path: Path, date: str, role: str) -> None:
    s = statement(
        tmp_path,
        f"Kono Comments on Regional Security\n\n{date}\n\n"
        "Taro Kono said Japan would keep a close watch on activity in the seas around the country.\n",
    )
    assert speakers(s) == ["Taro Kono"]
    assert person(s.speakers, "Taro Kono").role == role


def test_family_name_with_title_resolves_through_the_registry(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Defense Chiefs Discuss Training\n\nMarch 30, 2025\n\n"
        "Japanese Minister of Defense Nakatani said the two forces would train together more often in the "
        "southwestern islands.\n",
    )
    assert speakers(s) == ["Gen Nakatani"]
    p = person(s.speakers, "Gen Nakatani")
    assert (p.role, p.country) == ("Defense Minister", "JP")


def test_titled_registry_official_gets_role_and_country(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Vice Ministers Meet in Seoul\n\nOctober 27, 2016\n\n"
        "First Vice Foreign Minister Lim Sung-nam said the three countries must keep up close "
        "coordination.\n",
    )
    assert speakers(s) == ["Lim Sung-nam"]
    p = person(s.speakers, "Lim Sung-nam")
    assert (p.role, p.country) == ("First Vice Foreign Minister", "KR")


def test_an_official_missing_from_the_registry_keeps_the_title_of_the_text(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Defense Officials Meet in Seoul\n\nOctober 27, 2016\n\n"
        "South Korean Vice Minister of National Defense Baek Seung-joo said the two militaries would share "
        "more information about launches.\n",
    )
    assert speakers(s) == ["Baek Seung-joo"]
    p = person(s.speakers, "Baek Seung-joo")
    assert p.country == "KR"
    assert p.role == "Vice Minister of National Defense"


def test_an_office_in_lower_case_after_the_name_makes_an_official(tmp_path: Path) -> None:
    # news style writes the office in lower case, set off by commas after the name
    s = statement(
        tmp_path,
        "Coast Guards Sign Annex on Joint Drills\n\nMay 20, 2022\n\n"
        "At the signing ceremony in Tokyo, Kenta Moriwaki, the Japan Coast Guard's vice commandant for "
        "operations, touted the annex as a symbol of cooperation between the two services.\n\n"
        "Dana Whitfield, a retired fisherman from the port, watched the ceremony from the pier.\n",
    )
    assert speakers(s) == ["Kenta Moriwaki"]
    assert "vice commandant" in person(s.speakers, "Kenta Moriwaki").role.lower()
    assert "Dana Whitfield" not in speakers(s) + mentioned(s)


def test_a_sentence_recalling_an_earlier_occasion_names_no_speaker(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Allies Open Talks on Port Security\n\nJune 2, 2023\n\n"
        "Foreign Minister Yoshimasa Hayashi said the talks would cover port inspections and data sharing.\n\n"
        "In February, President Joe Biden and Prime Minister Fumio Kishida agreed to start the talks when "
        "the two leaders met in Washington.\n",
    )
    assert speakers(s) == ["Yoshimasa Hayashi"]
    assert {"Joe Biden", "Fumio Kishida"} <= set(mentioned(s))


def test_a_joint_press_release_from_two_officials_is_theirs(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        "Joint Press Release from Secretary of State Antony Blinken and Foreign Minister Yoshimasa Hayashi "
        "on Port Security\n\nJune 2, 2023\n\n"
        "The two co-chairs launched a dialogue on port security and will meet again by the year's end.\n",
    )
    assert sorted(speakers(s)) == ["Antony Blinken", "Yoshimasa Hayashi"]


def test_a_page_names_the_government_that_publishes_it() -> None:
    """Page lines naming a government's office give its country (for "THE PRESIDENT" in a transcript);
    a name inside a longer word is not one."""
    from alliance_archive.people import PeopleFinder

    lines = ["Home | The White House", "Briefing Room", "Kantei", "Statements and releases"]
    assert PeopleFinder.page_countries(lines) == {"US", "JP"}
    assert PeopleFinder.page_countries(["Cheong Wa Dae"]) == {"KR"}
    assert PeopleFinder.page_countries(["The White Housekeeping staff", "Kanteis", "Briefing Room"]) == set()


_CAPS_BITS = [
    "KISHIDA",
    "Fumio",
    "HAN",
    ", ",
    " ",
    "Min-koo",
    "a",
    ".",
    "'",
    "-",
    "X",
    "AB",
    "Cd",
    "\u2019",
    "K",
]


@given(st.lists(st.sampled_from(_CAPS_BITS), max_size=8).map("".join))
@example("Prime Minister KISHIDA Fumio and HAN, Min-koo met")
@example("U.S.-ROK Kim")
def test_a_name_in_capitals_first_is_found_where_the_look_behind_form_finds_it(text: str) -> None:
    look_behind = re.compile(
        r"(?<![\w.'\u2019-])([A-Z]{2,})(,\s*|\s+)([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![\w'\u2019-])"
    )
    found = [(m.span(), m.groups()) for m in people._CAPS_FIRST.finditer(text)]
    assert found == [(m.span(), m.groups()) for m in look_behind.finditer(text)]


_TITLE_BITS = [
    "Secretary", "of", "State", "to", "the", "Republic", "Korea", "Mr.", "Minister", "Defence",
    "Vice President", "Security Affairs", "U.S.", "a", "Xy", "xto", ".to", "Antidisestablishmentarian",
    " ", "  ", "\n", ".",
]  # fmt: skip


@given(st.lists(st.sampled_from(_TITLE_BITS), max_size=9).map(" ".join), st.sampled_from(["", " ", "\n"]))
@example("Ambassador to the Republic Of Korea ", "")
@example("close to Antidisestablishmentarian Foo Bar ", "")
@example("the National Security Affairs", " ")
def test_a_title_ending_a_phrase_is_found_as_the_whole_expression_finds_it(phrase: str, end: str) -> None:
    lex = people.lexicon()
    assert lex.ends_with_title(phrase + end) == bool(lex.title_end.search(phrase + end))


def test_a_title_word_as_long_as_the_reach_is_read_from_its_first_character() -> None:
    """The reach is the longest word's length: a word of that length ending the phrase is found."""
    word = "Abcdefghijklmnop"
    assert people._reach((word, "Ab")) == len(word)
    assert people._reach(("Ab", "Cd ")) >= 10**9  # a word ending in white space: the whole phrase is read
    lex = dataclasses.replace(
        people.lexicon(),
        title_end_words=re.compile(r"(?<![\w.])(?:" + word + r")\s*$"),
        title_reach=people._reach((word,)),
    )
    assert lex.ends_with_title(f"the {word} ")
    assert not lex.ends_with_title(f"the x{word} ")
