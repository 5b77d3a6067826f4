"""The registry's own rules on registries these tests write: a term covers its first and last day, terms
are kept in order of their start, names match across spellings, family names are looked up by the
country's order, and the editors' file is checked and merged field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from alliance_archive.registry import (
    Registry,
    RegistryError,
    Term,
    load_site,
    merge,
    name_key,
    name_variants,
    parse_registry,
)

OFFICES: dict[str, Any] = {
    "jp-foreign-minister": {"title": "Minister for Foreign Affairs", "country": "JP"},
    "kr-foreign-minister": {"title": "Minister of Foreign Affairs", "country": "KR"},
}


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_a_term_covers_its_first_and_last_day_and_no_other() -> None:
    term = Term("jp-foreign-minister", "Minister for Foreign Affairs", day("2020-09-16"), day("2021-11-10"))
    assert term.covers(day("2020-09-16"))
    assert term.covers(day("2021-11-10"))
    assert not term.covers(day("2020-09-15"))
    assert not term.covers(day("2021-11-11"))
    open_ended = Term(None, "Special Envoy", day("2022-01-01"), None)
    assert open_ended.covers(day("2030-01-01"))
    assert not open_ended.covers(day("2021-12-31"))


def test_terms_are_ordered_by_start_whatever_order_the_file_lists_them() -> None:
    reg = parse_registry(
        OFFICES,
        [
            {
                "name": "Hana Mori",
                "country": "JP",
                "roles": [
                    {"title": "Ambassador to Canada", "start": "2019-04-01", "end": "2020-03-31"},
                    {"office": "jp-foreign-minister", "start": "2021-01-10"},
                    {"title": "Deputy Minister", "start": "2012-06-01", "end": "2014-06-01"},
                ],
            }
        ],
    )
    (mori,) = reg.officials
    assert [t.start for t in mori.terms] == [day("2012-06-01"), day("2019-04-01"), day("2021-01-10")]
    assert [t.title for t in mori.terms] == [
        "Deputy Minister",
        "Ambassador to Canada",
        "Minister for Foreign Affairs",  # from the office, the role giving no title of its own
    ]
    assert mori.term_at(day("2020-03-31")) == mori.terms[1]
    assert mori.term_at(day("2020-04-01")) is None
    assert mori.terms[2].end is None


def _two_people() -> Registry:
    return parse_registry(
        OFFICES,
        [
            {"name": "Park Ji-won", "country": "KR", "aliases": ["Jiwon Park"], "roles": []},
            {"name": "Hana Mori", "country": "JP", "aliases": ["Hanako Morita"]},
        ],
    )


def test_family_names_follow_the_country_order_of_names() -> None:
    reg = _two_people()
    park, mori = reg.officials
    assert (park.family_name, mori.family_name) == ("Park", "Mori")
    assert reg.by_family["park"] == [park]
    assert reg.by_family["mori"] == [mori]
    # an alias gives its own family name ("Jiwon Park" is written family name last, but a Korean
    # entry's aliases are read family name first like the name; "Morita" from the Japanese alias)
    assert reg.by_family["jiwon"] == [park]
    assert reg.by_family["morita"] == [mori]


def test_lookup_by_any_spelling_and_a_copy_each_time() -> None:
    reg = _two_people()
    park, mori = reg.officials
    assert reg.lookup("PARK Ji Won") == [park]
    assert reg.lookup("Ji-won Park") == [park]
    assert reg.lookup("Jiwon Park") == [park]
    assert reg.lookup("Mori Hana") == [mori]
    assert reg.lookup("Hanako Morita") == [mori]
    assert reg.lookup("Hana Morita") == []
    found = reg.lookup("Hana Mori")
    found.clear()
    assert reg.lookup("Hana Mori") == [mori]
    assert reg.by_key["hana mori"] == [mori]  # one entry even though name and variants share the key


def test_name_key_drops_accents_case_periods_apostrophes_hyphens_initials_and_suffixes() -> None:
    assert name_key("Ōno O'Hara-Smith Jr.") == "ono ohara smith"
    assert name_key("Ōno O\u2019Hara-Smith") == "ono ohara smith"
    assert name_key("John R. Doe, III") == "john doe"
    assert name_key("John Doe Sr") == name_key("JOHN DOE II") == "john doe"


def test_name_variants_move_the_family_name_only_outside_the_us() -> None:
    assert name_variants("Hana Mori", "JP") == {"hana mori", "mori hana"}
    assert name_variants("Hana Mori", "US") == {"hana mori"}
    assert name_variants("Anne-Marie Smith", "US") == {"anne marie smith", "annemarie smith"}
    assert name_variants("Kim Hong-kyun", "KR") == {
        "kim hong kyun",
        "kim hongkyun",
        "hong kyun kim",
        "hongkyun kim",
    }
    assert name_variants("Tanaka", "JP") == {"tanaka"}


def test_a_role_without_a_start_is_refused_with_the_persons_name() -> None:
    with pytest.raises(ValueError, match=r"^Hana Mori: a role has no start date$"):
        parse_registry(OFFICES, [{"name": "Hana Mori", "country": "JP", "roles": [{"title": "Envoy"}]}])


# -- the editors' registry file ------------------------------------------------------------------


def site_file(tmp_path: Path, text: str) -> Path:
    (tmp_path / "officials.yml").write_text(text, encoding="utf-8")
    return tmp_path


GOOD_ENTRY = """\
- name: "  Hana Mori  "
  country: JP
  aliases: [MORI Hana]
  disambiguation: 2024
  roles:
    - office: jp-foreign-minister
      start: 2021-01-10
    - title: Special Envoy
      start: "2023-02-01"
      end: 2023-12-31
"""


def test_a_valid_entry_is_read_with_dates_and_a_trimmed_name(tmp_path: Path) -> None:
    (entry,) = load_site(site_file(tmp_path, GOOD_ENTRY), OFFICES)
    assert entry == {
        "name": "Hana Mori",
        "country": "JP",
        "aliases": ["MORI Hana"],
        "disambiguation": "2024",
        "roles": [
            {"office": "jp-foreign-minister", "title": None, "start": day("2021-01-10"), "end": None},
            {"office": None, "title": "Special Envoy", "start": day("2023-02-01"), "end": day("2023-12-31")},
        ],
    }


def test_empty_aliases_are_no_aliases(tmp_path: Path) -> None:
    (entry,) = load_site(site_file(tmp_path, "- name: Hana Mori\n  aliases:\n"), OFFICES)
    assert entry == {"name": "Hana Mori", "aliases": []}


def test_a_role_may_end_on_the_day_it_starts(tmp_path: Path) -> None:
    text = "- name: Hana Mori\n  roles: [{title: Envoy, start: 2023-02-01, end: 2023-02-01}]\n"
    (entry,) = load_site(site_file(tmp_path, text), OFFICES)
    assert entry["roles"][0]["end"] == day("2023-02-01")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: Hana Mori\n", "site registry file officials.yml must be a list of officials"),
        ("- country: JP\n", "site registry file officials.yml: entry 1 needs a field 'name'"),
        ("- name: Hana Mori\n- name: '  '\n", "officials.yml: entry 2 needs a field 'name'"),
        ("- Hana Mori\n", "entry 1 needs a field 'name'"),
        (
            "- name: Hana Mori\n  office: jp-foreign-minister\n",
            "entry 1 (Hana Mori): unknown field 'office' "
            "(fields: aliases, country, disambiguation, name, roles)",
        ),
        ("- name: Hana Mori\n  country: Japan\n", "(Hana Mori): field 'country' must be one of US, JP, KR"),
        ("- name: Hana Mori\n  aliases: MORI Hana\n", "entry 1 (Hana Mori): field 'aliases' must be a list"),
        ("- name: Hana Mori\n  aliases: [MORI Hana, 7]\n", "field 'aliases' must be a list of names"),
        ("- name: Hana Mori\n  roles: []\n", "entry 1 (Hana Mori): field 'roles' must be a list of roles"),
        ("- name: Hana Mori\n  roles: Envoy\n", "field 'roles' must be a list of roles"),
        ("- name: Hana Mori\n  roles: [Envoy]\n", "entry 1 (Hana Mori): role 1 must be a mapping"),
        (
            "- name: Hana Mori\n  roles: [{title: Envoy, start: 2023-01-01}, {title: E, rank: 2}]\n",
            "entry 1 (Hana Mori): role 2: unknown field 'rank' (fields: end, office, start, title)",
        ),
        (
            "- name: Hana Mori\n  roles: [{office: jp-envoy, start: 2023-01-01}]\n",
            "role 1: field 'office': unknown office 'jp-envoy' (see data/offices.yml)",
        ),
        ("- name: Hana Mori\n  roles: [{start: 2023-01-01}]\n", "role 1 needs a field 'office'"),
        ("- name: Hana Mori\n  roles: [{title: ' ', start: 2023-01-01}]\n", "role 1 needs a field 'office'"),
        ("- name: Hana Mori\n  roles: [{title: Envoy}]\n", "role 1: field 'start' is missing"),
        (
            "- name: Hana Mori\n  roles: [{title: Envoy, start: 2023-01-01, end: soon}]\n",
            "role 1: field 'end': 'soon' is not a date (YYYY-MM-DD)",
        ),
        (
            "- name: Hana Mori\n  roles: [{title: Envoy, start: 2023-01-02, end: 2023-01-01}]\n",
            "role 1: field 'end' is before 'start'",
        ),
        ("- name: [unclosed\n", "site registry file officials.yml is not valid YAML (ParserError)"),
    ],
)
def test_a_bad_editors_file_names_the_entry_and_the_field(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(RegistryError) as info:
        load_site(site_file(tmp_path, text), OFFICES)
    assert message in str(info.value)


def test_an_editors_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    (tmp_path / "officials.yml").write_bytes("- name: Ōno\n".encode("utf-16"))
    with pytest.raises(RegistryError, match=r"^site registry file officials\.yml is not UTF-8 text$"):
        load_site(tmp_path, OFFICES)


PACKAGE = [
    {
        "name": "Hana Mori",
        "country": "JP",
        "aliases": ["MORI Hana"],
        "roles": [{"title": "A", "start": "2010-01-01"}],
    },
    {"name": "Lee Min-ho", "country": "KR", "roles": [{"title": "B", "start": "2011-01-01"}]},
]


def test_merge_corrects_an_official_named_by_any_spelling_and_keeps_the_old_name() -> None:
    merged = merge(PACKAGE, [{"name": "MORI Hana", "aliases": ["H. Mori", "MORI Hana"]}])
    mori = merged[0]
    assert mori["name"] == "MORI Hana"
    assert mori["aliases"] == ["Hana Mori", "H. Mori"]
    assert mori["roles"] == PACKAGE[0]["roles"]
    assert PACKAGE[0]["name"] == "Hana Mori"  # the package's entries are not changed in place
    assert merged[1] == PACKAGE[1]


def test_merge_replaces_roles_and_country_of_the_official_it_names() -> None:
    roles = [{"office": None, "title": "C", "start": day("2020-01-01"), "end": None}]
    merged = merge(PACKAGE, [{"name": "Min-ho Lee", "country": "KR", "roles": roles}])
    assert len(merged) == 2
    assert merged[1]["name"] == "Min-ho Lee"
    assert merged[1]["roles"] == roles
    assert merged[1]["aliases"] == ["Lee Min-ho"]


def test_merge_adds_a_new_official_only_with_a_country_and_roles() -> None:
    new = {"name": "Sora Aoki", "country": "JP", "roles": [{"title": "D", "start": day("2022-01-01")}]}
    assert merge(PACKAGE, [new])[-1] == new
    not_known = r"'Sora Aoki' is not in the archive's registry, so it needs the field 'roles'"
    with pytest.raises(RegistryError, match=not_known):
        merge(PACKAGE, [{"name": "Sora Aoki", "country": "JP"}])
    with pytest.raises(RegistryError, match=r"needs the field 'country'$"):
        merge(PACKAGE, [{"name": "Sora Aoki"}])


# -- more of the rules, each a fault a test once missed -----------------------------------------


def test_the_package_registry_reads_every_officials_file_in_name_order() -> None:
    from importlib import resources

    import yaml

    from alliance_archive.registry import load_raw

    offices, people = load_raw()
    data = resources.files("alliance_archive").joinpath("data")
    assert offices == yaml.safe_load(data.joinpath("offices.yml").read_text(encoding="utf-8"))
    files = sorted(
        (p for p in data.joinpath("officials").iterdir() if p.name.endswith(".yml")), key=lambda p: p.name
    )
    assert len(files) > 1
    expected = [entry for f in files for entry in yaml.safe_load(f.read_text(encoding="utf-8")) or []]
    assert people == expected
    assert offices["us-president"]["title"] == "President"


def test_offices_and_terms_keep_their_ids_countries_and_patterns() -> None:
    from alliance_archive.registry import Office

    reg = parse_registry(
        {"jp-fm": {"title": "Minister for Foreign Affairs", "country": "JP", "patterns": ["FM"]},
         "kr-fm": {"title": "Minister of Foreign Affairs", "country": "KR"}},
        [{"name": "Hana Mori", "country": "JP", "roles": [
            {"office": "jp-fm", "start": "2020-01-01"},
            {"office": "jp-envoy", "start": "2022-01-01"},
        ]}],
    )  # fmt: skip
    assert reg.offices == {
        "jp-fm": Office("jp-fm", "Minister for Foreign Affairs", "JP", ("FM",)),
        "kr-fm": Office("kr-fm", "Minister of Foreign Affairs", "KR", ()),
    }
    (mori,) = reg.officials
    assert [(t.office, t.title) for t in mori.terms] == [
        ("jp-fm", "Minister for Foreign Affairs"),
        ("jp-envoy", ""),
    ]


def test_name_keys_keep_two_letter_names() -> None:
    assert name_key("Ed Lee") == "ed lee"
    assert name_key("O\u2019Hara") == name_key("O'Hara") == "ohara"


def test_name_variants_outside_the_us_move_the_family_name_either_way() -> None:
    assert name_variants("Hana Mori", "other") == {"hana mori", "mori hana"}
    assert name_variants("Ana Maria Mori", "JP") == {"ana maria mori", "maria mori ana", "mori ana maria"}
    # a hyphenated given name written first, its hyphen dropped, in any country but the US
    for country in ("JP", "KR", "other"):
        assert "hongkyun kim" in name_variants("Kim Hong-kyun", country), country
    assert "hongkyun kim" not in name_variants("Kim Hong-kyun", "US")


def test_a_three_word_alias_gives_its_last_word_as_family_name() -> None:
    reg = parse_registry(OFFICES, [{"name": "Hana Mori", "country": "JP", "aliases": ["Hanako Ann Morita"]}])
    assert reg.by_family["morita"] == reg.officials
    assert "ann" not in reg.by_family


PACKAGE_WITH_ALIAS = [
    {
        "name": "Hana Mori",
        "country": "JP",
        "aliases": ["Hanako Morita"],
        "roles": [{"title": "A", "start": "2010-01-01"}],
    },
]


def test_merge_finds_an_official_by_an_alias_and_keeps_the_old_aliases() -> None:
    (mori,) = merge(PACKAGE_WITH_ALIAS, [{"name": "Hanako Morita", "country": "JP"}])
    assert mori["name"] == "Hanako Morita"
    assert mori["aliases"] == ["Hana Mori"]
    (same,) = merge(PACKAGE_WITH_ALIAS, [{"name": "Hana Mori", "aliases": ["H. Mori"]}])
    assert same["aliases"] == ["Hanako Morita", "H. Mori"]


def test_merge_reads_an_entry_without_a_country_in_either_name_order() -> None:
    (mori,) = merge(PACKAGE_WITH_ALIAS, [{"name": "Mori Hana"}])
    assert mori["name"] == "Mori Hana"
    assert mori["aliases"] == ["Hanako Morita", "Hana Mori"]
    # written family name first but said to be American, it is someone else, who needs roles
    with pytest.raises(RegistryError, match="needs the field 'roles'"):
        merge(PACKAGE_WITH_ALIAS, [{"name": "Mori Hana", "country": "US"}])


def test_merge_adds_every_new_official() -> None:
    new = [
        {"name": "Sora Aoki", "country": "JP", "roles": [{"title": "D", "start": day("2022-01-01")}]},
        {"name": "Jin Park", "country": "KR", "roles": [{"title": "E", "start": day("2022-01-01")}]},
    ]
    assert [p["name"] for p in merge(PACKAGE_WITH_ALIAS, new)] == ["Hana Mori", "Sora Aoki", "Jin Park"]
