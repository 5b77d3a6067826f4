"""Officials the registry does not know, found by the office and nationality written around their
name or by the written shape of the name; the word lists behind it live in data/names.yml."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from alliance_archive import people, pipeline
from alliance_archive.pipeline import build_statement
from alliance_archive.record import Person, Statement
from alliance_archive.registry import registry


def statement(tmp_path: Path, text: str) -> Statement:
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    return build_statement(path, registry())


def page(body: str, title: str = "Officials Discuss Port Security", date: str = "May 14, 2024") -> str:
    return f"{title}\n\n{date}\n\n{body}\n"


def only_speaker(s: Statement) -> Person:
    assert len(s.speakers) == 1, s.speakers
    return s.speakers[0]


@pytest.mark.parametrize(
    ("written", "name", "role", "country"),
    [
        ("Japanese Vice Foreign Minister Kenji Arakawa", "Kenji Arakawa", "Vice Foreign Minister", "JP"),
        ("Republic of Korea Vice Foreign Minister Park Min-ho", "Park Min-ho", "Vice Foreign Minister", "KR"),
        ("Korean Vice Foreign Minister Kim Tae Ho", "Kim Tae-ho", "Vice Foreign Minister", "KR"),
        ("Commander of U.S. Forces Korea Gen. Robert Hale", "Robert Hale", "Commander of U.S. Forces Korea",
         "US"),
        ("Rep. Tom Dunne", "Tom Dunne", "Representative", "US"),
        ("Sen. Ann Gray", "Ann Gray", "Senator", "US"),
        ("U.S. Ambassador Mary Lindqvist", "Mary Lindqvist", "Ambassador", "US"),
        ("Deputy Assistant Secretary of State Mark R. Ellison", "Mark Ellison",
         "Deputy Assistant Secretary of State", "US"),
        ("Vice Minister CHOI Jae-won", "Choi Jae-won", "Vice Minister", "KR"),
        ("U.S. Ambassador Luis de Souza", "Luis de Souza", "Ambassador", "US"),
        ("Sen. Anna van der Berg", "Anna van der Berg", "Senator", "US"),
    ],
)  # fmt: skip
def test_an_official_missing_from_the_registry_is_found_by_title(
    tmp_path: Path, written: str, name: str, role: str, country: str
) -> None:
    s = statement(tmp_path, page(f"{written} said the harbor inspections would resume next month."))
    assert only_speaker(s) == Person(name, role, country)


def test_a_given_name_after_a_registry_family_name_makes_another_person(tmp_path: Path) -> None:
    # the registry's Foreign Minister Park Jin shares the family name, but a given name follows
    s = statement(
        tmp_path,
        page(
            "Republic of Korea Vice Foreign Minister Park Min-ho said the talks were useful.",
            date="June 2, 2023",
        ),
    )
    assert [p.name for p in s.speakers] == ["Park Min-ho"]
    assert s.mentioned == []


def test_a_title_set_off_by_commas_after_the_name(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        page(
            "Seo Ji-hoon, the ROK's First Vice Minister of Foreign Affairs, said the allies would meet again."
        ),
    )
    assert only_speaker(s) == Person("Seo Ji-hoon", "First Vice Minister of Foreign Affairs", "KR")


def test_a_capitalized_phrase_after_an_article_is_no_person(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        page(
            "Secretary of State Antony Blinken met his counterparts in Tokyo. Following the Harbor Dialogue, "
            "the Secretary said the talks had gone well.",
            date="May 14, 2023",
        ),
    )
    assert [p.name for p in s.speakers + s.mentioned] == ["Antony Blinken"]


@pytest.mark.parametrize(
    ("written", "name", "country"),
    [
        ("OKADA Ren", "Ren Okada", "JP"),  # the registry's Katsuya Okada shares the family name only
        ("HAN, Seung-woo", "Han Seung-woo", "KR"),
        ("SEO Ji-hoon", "Seo Ji-hoon", "KR"),
    ],
)
def test_a_family_name_written_first_in_capitals(
    tmp_path: Path, written: str, name: str, country: str
) -> None:
    s = statement(tmp_path, page(f"{written} said the harbor inspections would resume next month."))
    speaker = only_speaker(s)
    assert (speaker.name, speaker.country) == (name, country)


@pytest.mark.parametrize(
    ("written", "name", "role"),
    [
        ("Foreign Minister KAMIKAWA Yoko", "Yoko Kamikawa", "Foreign Minister"),
        ("CHO Tae-yul", "Cho Tae-yul", "Foreign Minister"),
        ("Foreign Minister Cho Tae Yul", "Cho Tae-yul", "Foreign Minister"),
    ],
)
def test_the_registry_confirms_and_normalises(tmp_path: Path, written: str, name: str, role: str) -> None:
    s = statement(tmp_path, page(f"{written} said the harbor inspections would resume.", date="July 1, 2024"))
    speaker = only_speaker(s)
    assert (speaker.name, speaker.role) == (name, role)


def test_capitals_that_are_not_a_name(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        page(
            "TOKYO, Japan - ROK Navy ships joined the drill on Tuesday. SEOUL Station was closed. The USFK "
            "Commander attended the ceremony."
        ),
    )
    assert s.speakers == [] and s.mentioned == []


def test_capitals_without_a_vowel_or_before_a_place_are_not_a_name(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        page(
            "HAKODATE, Hokkaido - Crews from the JTF Hawk unit said the drill went well. Sailors of the "
            "JMSDF Ominato District attended."
        ),
    )
    assert s.speakers == [] and s.mentioned == []


def test_a_deputys_title_does_not_name_the_principal(tmp_path: Path) -> None:
    # the registry's Foreign Minister Park Jin held office on the day; a Vice Foreign Minister Park is
    # someone else, whom the text does not name in full
    s = statement(
        tmp_path,
        page("Republic of Korea Vice Foreign Minister Park said the talks were useful.", date="June 2, 2023"),
    )
    assert s.speakers == [] and s.mentioned == []


def test_an_unknown_official_named_again_by_family_name(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        page(
            "Japanese Vice Foreign Minister Kenji Arakawa met his Korean counterpart in Seoul. "
            "Arakawa said the two sides agreed to meet again in the autumn."
        ),
    )
    assert only_speaker(s).name == "Kenji Arakawa"


def test_an_unknown_korean_official_named_again_by_family_name(tmp_path: Path) -> None:
    # the family name written first: "Park", not the given name "Min-ho" a name's last word would be
    s = statement(
        tmp_path,
        page(
            "South Korean Vice Foreign Minister Park Min-ho met his Japanese counterpart in Tokyo. "
            "Park said the two sides agreed to meet again in the autumn."
        ),
    )
    assert only_speaker(s).name == "Park Min-ho"


# -- headlines --------------------------------------------------------------------------------


def test_the_words_of_a_title_case_headline_are_no_person(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        page(
            "The delegation inspected the new breakwater and met local fishermen.",
            title="Vice Minister Visits Coastal Radar Site Near Busan",
        ),
    )
    assert s.speakers == [] and s.mentioned == []


def test_a_registry_official_named_in_the_headline_is_found(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        page(
            "The delegation inspected the new breakwater and met local fishermen.",
            title="Secretary Blinken Visits Coastal Radar Site Near Busan",
            date="May 14, 2023",
        ),
    )
    assert [p.name for p in s.mentioned] == ["Antony Blinken"]


def test_a_korean_name_in_a_headline_has_a_names_shape(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        page(
            "The delegation inspected the new breakwater and met local fishermen.",
            title="Vice Minister Park Min-ho Tours Coastal Radar Site",
        ),
    )
    assert [(p.name, p.country) for p in s.mentioned] == [("Park Min-ho", "KR")]


def test_a_name_in_capitals_before_another_headline_word(tmp_path: Path) -> None:
    s = statement(
        tmp_path,
        page(
            "The delegation inspected the new breakwater and met local fishermen.",
            title="Vice Minister SEO, Ji-hoon Remarks at the Harbor Forum",
        ),
    )
    assert [(p.name, p.country) for p in s.mentioned] == [("Seo Ji-hoon", "KR")]


def test_a_title_case_caption_is_read_as_a_headline(tmp_path: Path) -> None:
    finder = people.PeopleFinder(registry(), None)
    assert finder.find("Deputy Minister Tours Harbor Defense Works Near Incheon") == []
    assert people.is_title_case("Deputy Minister Tours Harbor Defense Works Near Incheon")
    assert not people.is_title_case("Deputy Minister Kenji Arakawa Met Officials In Seoul.")


# -- the word lists are data --------------------------------------------------------------------


def test_the_word_lists_come_from_the_data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = page("Vice Minister Seo Ji-hoon said the harbor inspections would resume.")
    assert only_speaker(statement(tmp_path, text)).country == "KR"
    lex = people.lexicon()
    without_seo = dataclasses.replace(lex, korean_family_names=lex.korean_family_names - {"Seo"})
    monkeypatch.setattr(people, "lexicon", lambda: without_seo)
    assert only_speaker(statement(tmp_path, text)).country != "KR"


def test_the_word_lists_are_read_once_and_forgotten_on_reset() -> None:
    pipeline.reset()
    people.lexicon()
    people.lexicon()
    assert people.lexicon.cache_info().misses == 1
    pipeline.reset()
    assert people.lexicon.cache_info().currsize == 0


def test_the_names_file_is_well_formed() -> None:
    lex = people.lexicon()
    for words in (lex.not_name, lex.function_words, lex.place_or_org, lex.korean_family_names):
        assert words and all(w[:1].isupper() for w in words)
    assert all(a.isupper() for a in lex.acronyms)
    assert all(country in (None, "US", "JP", "KR", "other") for _, country in lex.abbreviations.values())


def test_a_text_is_searched_for_people_once_while_nothing_changes(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from alliance_archive.people import PeopleFinder
    from alliance_archive.registry import registry

    finder = PeopleFinder(registry(), None)
    searches: list[str] = []
    search = PeopleFinder._search

    def counting(self, text, line, headline):  # type: ignore[no-untyped-def]
        searches.append(text)
        return search(self, text, line, headline)

    monkeypatch.setattr(PeopleFinder, "_search", counting)
    sentence = "Secretary of State Antony Blinken met Foreign Minister Hayashi Yoshimasa."
    first = finder.find(sentence, 3)
    again = finder.find(sentence, 7)
    assert [m.who.name for m in again] == [m.who.name for m in first]
    assert len(searches) == 2  # the second call found new people before it: searched again
    assert finder.find(sentence, 9) == again and len(searches) == 2  # now nothing changed: read back
    assert all(9 in m.who.lines for m in again)


def test_a_lowercase_word_joins_a_name_only_between_two_capitalized_words(tmp_path: Path) -> None:
    # "de facto" after a name is running text, not part of the name
    s = statement(
        tmp_path, page("U.S. Ambassador Mary Lindqvist said the de facto border would stay closed.")
    )
    assert only_speaker(s) == Person("Mary Lindqvist", "Ambassador", "US")
