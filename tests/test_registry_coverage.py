"""The offices the registry knows beyond the heads of government, foreign and defense ministries:
military commanders, trade and economy ministers, cabinet secretaries, spokespeople, unification
ministers. Each has holders, its wordings find them in a text, and their terms follow one another."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from pathlib import Path

import pytest

from alliance_archive.people import offices_for_title
from alliance_archive.pipeline import build_statement
from alliance_archive.record import Person, Statement
from alliance_archive.registry import load_raw, load_site, registry

OFFICES, PEOPLE = load_raw()

# Offices whose holders the registry lists for the archive's period.
WIDER_OFFICES = [
    "us-cjcs",
    "us-commander-indopacom",
    "us-commander-usfk",
    "us-commander-usfj",
    "us-trade-representative",
    "us-deputy-secretary-of-defense",
    "us-under-secretary-political",
    "us-deputy-national-security-advisor",
    "us-assistant-secretary-defense-indo-pacific",
    "us-state-spokesperson",
    "us-white-house-press-secretary",
    "us-secretary-of-the-treasury",
    "us-secretary-of-commerce",
    "jp-chief-cabinet-secretary",
    "jp-meti-minister",
    "jp-chief-of-staff-joint-staff",
    "kr-unification-minister",
    "kr-jcs-chairman",
]
# Offices held by several people at once (none of the above so far).
SEVERAL_HOLDERS: set[str] = set()
# Predecessor and successor may share a day or two (a handover, a date known only to the month).
HANDOVER = dt.timedelta(days=2)
# Holders whose written name the text reader does not take for a name yet (a lowercase particle).


def as_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def terms_of(office: str) -> list[tuple[str, dt.date, dt.date | None, str]]:
    """(name, start, end, title) of every role in ``office``."""
    out = []
    for person in PEOPLE:
        for role in person["roles"]:
            if role.get("office") == office:
                start = as_date(role["start"])
                assert start is not None
                title = role.get("title") or OFFICES[office]["title"]
                out.append((person["name"], start, as_date(role.get("end")), title))
    return sorted(out, key=lambda t: t[1])


def inside(start: dt.date, end: dt.date | None) -> dt.date:
    """A day well inside a term (a term still running is taken to run to the end of 2026)."""
    last = end or dt.date(2026, 12, 1)
    return start + (last - start) / 2


def page(body: str, day: dt.date) -> str:
    return f"Officials Discuss Cooperation\n\n{day:%B} {day.day}, {day.year}\n\n{body}\n"


def statement(tmp_path: Path, text: str) -> Statement:
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    return build_statement(path, registry())


def only_speaker(s: Statement) -> Person:
    assert len(s.speakers) == 1, s.speakers
    return s.speakers[0]


# -- the registry as a whole ---------------------------------------------------------------------


def test_the_package_registry_passes_the_site_registry_checks(tmp_path: Path) -> None:
    # the package's own files, read the way an editor's seeds/officials.yml is checked
    folder = Path(__file__).parents[1] / "hooks" / "alliance_archive" / "data" / "officials"
    for item in sorted(folder.glob("*.yml")):
        (tmp_path / "officials.yml").write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
        entries = load_site(tmp_path, OFFICES)
        assert entries, item.name
        assert all(e["roles"] for e in entries), item.name
    assert len(registry().officials) == len(PEOPLE)


@pytest.mark.parametrize("office", WIDER_OFFICES)
def test_every_wider_office_is_defined_and_has_holders(office: str) -> None:
    spec = OFFICES[office]
    assert spec["title"] and spec["patterns"], office
    assert spec["country"] == office[:2].upper()
    assert terms_of(office), f"{office} has no holder"


@pytest.mark.parametrize("office", WIDER_OFFICES)
def test_terms_of_one_office_follow_one_another(office: str) -> None:
    if office in SEVERAL_HOLDERS:
        return
    problems = []
    for (n1, s1, e1, _), (n2, s2, _e2, _) in itertools.pairwise(terms_of(office)):
        if e1 is None or e1 - s2 > HANDOVER:
            problems.append(f"{n1} ({s1} to {e1}) overlaps {n2} (from {s2})")
    assert not problems, problems


def test_patterns_are_listed_most_specific_first() -> None:
    # a shorter wording inside a longer one of the same office must come after it
    for oid in WIDER_OFFICES:
        patterns = [p.lower() for p in OFFICES[oid]["patterns"]]
        for i, j in itertools.combinations(range(len(patterns)), 2):
            assert not (patterns[i] in patterns[j] and len(patterns[i]) < len(patterns[j])), (
                oid,
                patterns[i],
                patterns[j],
            )


def test_one_person_has_one_entry_across_offices() -> None:
    names: defaultdict[str, int] = defaultdict(int)
    for person in PEOPLE:
        names[person["name"]] += 1
    assert not [n for n, k in names.items() if k > 1]


# -- each office's wordings find its holders in a text ---------------------------------------------


@pytest.mark.parametrize(
    ("office", "wording"), [(o, w) for o in WIDER_OFFICES for w in OFFICES[o]["patterns"]]
)
def test_each_wording_names_its_own_office_first(office: str, wording: str) -> None:
    country = {"US": "U.S.", "JP": "Japanese", "KR": "ROK"}[OFFICES[office]["country"]]
    for phrase in (wording, f"the {country} {wording}"):
        assert office in first_offices(phrase), phrase


def first_offices(phrase: str) -> list[str]:
    """The offices named by the longest wording found in ``phrase`` (several where two countries' offices
    share a wording, such as the chairmen of the Joint Chiefs of Staff)."""
    found = offices_for_title(registry(), phrase)
    if not found:
        return []
    size = {o: max(len(p) for p in OFFICES[o]["patterns"] if p.lower() in phrase.lower()) for o in found}
    return [o for o in found if size[o] == size[found[0]]]


def test_a_wording_shared_by_two_countries_names_both_offices() -> None:
    assert sorted(first_offices("Chairman of the Joint Chiefs of Staff Gen.")) == [
        "kr-jcs-chairman",
        "us-cjcs",
    ]


@pytest.mark.parametrize(
    ("phrase", "office"),
    [
        ("Commander of U.S. Forces Korea Gen.", "us-commander-usfk"),
        ("USFK Commander Gen.", "us-commander-usfk"),
        ("Commander of United Nations Command, Combined Forces Command and U.S. Forces Korea Gen.",
         "us-commander-usfk"),
        ("Commander of U.S. Forces Japan Lt. Gen.", "us-commander-usfj"),
        ("U.S. Indo-Pacific Command Commander Adm.", "us-commander-indopacom"),
        ("Commander of the U.S. Pacific Command Adm.", "us-commander-indopacom"),
        ("Chairman of the Joint Chiefs of Staff Gen.", "us-cjcs"),
        ("U.S. Trade Representative", "us-trade-representative"),
        ("Deputy Secretary of Defense", "us-deputy-secretary-of-defense"),
        ("Under Secretary of State for Political Affairs", "us-under-secretary-political"),
        ("Principal Deputy National Security Advisor", "us-deputy-national-security-advisor"),
        ("Assistant Secretary of Defense for Indo-Pacific Security Affairs",
         "us-assistant-secretary-defense-indo-pacific"),
        ("State Department Spokesperson", "us-state-spokesperson"),
        ("White House Press Secretary", "us-white-house-press-secretary"),
        ("Treasury Secretary", "us-secretary-of-the-treasury"),
        ("Commerce Secretary", "us-secretary-of-commerce"),
        ("Japanese Chief Cabinet Secretary", "jp-chief-cabinet-secretary"),
        ("Japan's Minister of Economy, Trade and Industry", "jp-meti-minister"),
        ("Minister of International Trade and Industry", "jp-meti-minister"),
        ("Chief of Staff, Joint Staff, Gen.", "jp-chief-of-staff-joint-staff"),
        ("South Korean Unification Minister", "kr-unification-minister"),
        ("ROK JCS Chairman Gen.", "kr-jcs-chairman"),
    ],
)  # fmt: skip
def test_titles_as_texts_write_them_name_the_office(phrase: str, office: str) -> None:
    assert office in first_offices(phrase)


@pytest.mark.parametrize(
    ("written", "day", "name", "role"),
    [
        ("Commander of U.S. Forces Korea Gen. Abrams", dt.date(2019, 3, 1), "Robert Abrams",
         "Commander, U.S. Forces Korea"),
        ("Commander, U.S. Forces Japan, Lt. Gen. Schneider", dt.date(2020, 5, 1), "Kevin Schneider",
         "Commander, U.S. Forces Japan"),
        ("U.S. Trade Representative Lighthizer", dt.date(2019, 3, 1), "Robert Lighthizer",
         "U.S. Trade Representative"),
        ("Deputy Secretary of Defense Shanahan", dt.date(2018, 3, 1), "Patrick Shanahan",
         "Deputy Secretary of Defense"),
        ("Deputy National Security Advisor Pottinger", dt.date(2020, 3, 1), "Matthew Pottinger",
         "Deputy National Security Advisor"),
        ("White House Press Secretary Psaki", dt.date(2021, 9, 1), "Jen Psaki",
         "White House Press Secretary"),
        ("Treasury Secretary Mnuchin", dt.date(2019, 3, 1), "Steven Mnuchin", "Secretary of the Treasury"),
        ("Commerce Secretary Raimondo", dt.date(2023, 3, 1), "Gina Raimondo", "Secretary of Commerce"),
        ("State Department Spokesperson Price", dt.date(2022, 3, 1), "Ned Price",
         "Department of State Spokesperson"),
        ("Chief Cabinet Secretary Suga", dt.date(2015, 7, 1), "Yoshihide Suga", "Chief Cabinet Secretary"),
        ("Chief Cabinet Secretary Hayashi", dt.date(2024, 6, 3), "Yoshimasa Hayashi",
         "Chief Cabinet Secretary"),
        ("Unification Minister Kwon", dt.date(2022, 9, 1), "Kwon Young-se", "Minister of Unification"),
        ("Economy, Trade and Industry Minister Seko", dt.date(2018, 5, 1), "Hiroshige Seko",
         "Minister of Economy, Trade and Industry"),
    ],
)  # fmt: skip
def test_a_title_and_a_family_name_find_the_holder(
    tmp_path: Path, written: str, day: dt.date, name: str, role: str
) -> None:
    s = statement(tmp_path, page(f"{written} said the two governments would keep working closely.", day))
    assert only_speaker(s) == Person(
        name, role, OFFICES[offices_for_title(registry(), written)[0]]["country"]
    )


@pytest.mark.parametrize("office", WIDER_OFFICES)
def test_every_holder_is_named_in_the_role_of_the_day(tmp_path: Path, office: str) -> None:
    wording = OFFICES[office]["patterns"][0]
    wrong = []
    for name, start, end, title in terms_of(office):
        day = inside(start, end)
        s = statement(tmp_path, page(f"{wording} {name} said the meeting had been productive.", day))
        expected = Person(name, title, OFFICES[office]["country"])
        if s.speakers != [expected]:
            wrong.append((name, str(day), s.speakers))
    assert not wrong, wrong


# names with a lowercase particle ("de", "von der"), read as one name
PARTICLE_NAMES = sorted(
    p.name for p in registry().officials if any(word.islower() for word in p.name.split())
)


def test_the_registry_has_names_with_a_particle() -> None:
    assert "Rudy de Leon" in PARTICLE_NAMES


@pytest.mark.parametrize("name", PARTICLE_NAMES)
def test_names_with_a_lowercase_particle(tmp_path: Path, name: str) -> None:
    official = next(p for p in registry().officials if p.name == name)
    day = inside(official.terms[0].start, official.terms[0].end)
    s = statement(tmp_path, page(f"{name} said the meeting had been productive.", day))
    assert [p.name for p in s.speakers] == [name]


# -- roles at a date -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "day", "name", "role", "country"),
    [
        ("Commander of U.S. Forces Korea Gen. Paul LaCamera", dt.date(2023, 3, 9), "Paul LaCamera",
         "Commander, U.S. Forces Korea", "US"),
        ("Adm. Harry Harris, Commander of U.S. Pacific Command,", dt.date(2016, 8, 2), "Harry Harris",
         "Commander, U.S. Pacific Command", "US"),
        ("Ambassador Harry Harris", dt.date(2019, 8, 2), "Harry Harris",
         "Ambassador to the Republic of Korea", "US"),
        ("Gen. Richard B. Myers", dt.date(1995, 3, 1), "Richard Myers", "Commander, U.S. Forces Japan", "US"),
        ("Gen. Richard B. Myers", dt.date(2003, 3, 1), "Richard Myers",
         "Chairman of the Joint Chiefs of Staff", "US"),
        ("Adm. Samuel J. Paparo", dt.date(2025, 6, 1), "Samuel Paparo",
         "Commander, U.S. Indo-Pacific Command", "US"),
        ("Ambassador Mickey Kantor", dt.date(1995, 6, 28), "Mickey Kantor", "U.S. Trade Representative",
         "US"),
        ("Secretary Mickey Kantor", dt.date(1996, 9, 3), "Mickey Kantor", "Secretary of Commerce", "US"),
        ("Deputy Secretary Ashton Carter", dt.date(2012, 9, 17), "Ash Carter", "Deputy Secretary of Defense",
         "US"),
        ("Yukio Edano", dt.date(2011, 5, 10), "Yukio Edano", "Chief Cabinet Secretary", "JP"),
        ("Yukio Edano", dt.date(2012, 3, 10), "Yukio Edano", "Minister of Economy, Trade and Industry",
         "JP"),
        ("Takeo Hiranuma", dt.date(2000, 10, 2), "Takeo Hiranuma",
         "Minister of International Trade and Industry", "JP"),
        ("Gen. Jeong Kyeong-doo", dt.date(2018, 3, 2), "Jeong Kyeong-doo",
         "Chairman of the Joint Chiefs of Staff", "KR"),
        ("Gen. Jeong Kyeong-doo", dt.date(2019, 3, 2), "Jeong Kyeong-doo", "Defense Minister", "KR"),
        ("Chung Dong-young", dt.date(2005, 6, 17), "Chung Dong-young", "Minister of Unification", "KR"),
        ("Unification Minister Chung Dong-young", dt.date(2025, 10, 1), "Chung Dong-young",
         "Minister of Unification", "KR"),
        ("Unification Minister Ryoo Kihl-jae", dt.date(2014, 2, 5), "Ryoo Kihl-jae",
         "Minister of Unification", "KR"),
        ("Yoshihide Suga", dt.date(2021, 3, 1), "Yoshihide Suga", "Prime Minister", "JP"),
        ("Gen. Charles Q. Brown", dt.date(2024, 4, 2), "Charles Brown",
         "Chairman of the Joint Chiefs of Staff", "US"),
    ],
)  # fmt: skip
def test_role_at_the_date(
    tmp_path: Path, written: str, day: dt.date, name: str, role: str, country: str
) -> None:
    s = statement(tmp_path, page(f"{written} said the allies would stay in close contact.", day))
    assert only_speaker(s) == Person(name, role, country)


@pytest.mark.parametrize(
    ("written", "country"),
    [
        ("Chairman of the Joint Chiefs of Staff Gen. Park Soo-chan", "KR"),
        ("Commander of U.S. Forces Korea Gen. Robert Hale", "US"),
        ("Unification Minister Park Soo-chan", "KR"),
    ],
)
def test_an_official_missing_from_the_registry_takes_the_country_of_the_title(
    tmp_path: Path, written: str, country: str
) -> None:
    s = statement(tmp_path, page(f"{written} said the talks would resume.", dt.date(2024, 5, 14)))
    assert only_speaker(s).country == country


@pytest.mark.parametrize(
    ("sentence", "name", "year"),
    [
        (
            "Chairman of the Joint Chiefs of Staff Dunford said the allies stood together.",
            "Joseph Dunford",
            2016,
        ),
        ("Minister of Economy, Trade and Industry Seko said the talks went well.", "Hiroshige Seko", 2017),
    ],
)
def test_a_family_name_after_a_title_ending_in_an_office_word(sentence: str, name: str, year: int) -> None:
    import datetime as dt

    from alliance_archive.people import PeopleFinder
    from alliance_archive.registry import registry

    finder = PeopleFinder(registry(), dt.date(year, 6, 1))
    assert [m.who.name for m in finder.find(sentence)] == [name]
