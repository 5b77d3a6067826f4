"""The officials registry (data/officials/*.yml, data/offices.yml) is well formed, and the theme
vocabulary in data/themes.yml is exactly the one PRODUCT.md defines."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from importlib import resources
from typing import Any

import pytest
import yaml

from alliance_archive.registry import COUNTRY_ORDER, load_raw, load_yaml, name_key, parse_registry, registry

OFFICES, PEOPLE = load_raw()

# PRODUCT.md, "Theme vocabulary"
THEME_IDS = [
    "alliance",
    "trilateral-cooperation",
    "north-korea",
    "denuclearization",
    "sanctions",
    "regional-security",
    "defense-posture",
    "economy-trade",
    "democracy-human-rights",
    "maritime-security",
    "humanitarian-aid",
    "climate-energy",
    "global-issues",
    "people-to-people",
]
# Names written with initials in their official style (PRODUCT.md allows no other middle initials).
INITIALS_ALLOWED = {"George H. W. Bush", "George W. Bush"}
# Korean names whose holders' official romanisation has no hyphen.
KOREAN_OFFICIAL_SPELLINGS = {"Yoon Suk Yeol"}


def as_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def test_registry_loads_and_is_not_empty() -> None:
    reg = registry()
    assert len(reg.officials) == len(PEOPLE) > 100
    assert {p.country for p in reg.officials} <= set(COUNTRY_ORDER)


def test_offices_are_well_formed() -> None:
    for oid, spec in OFFICES.items():
        assert re.fullmatch(r"(us|jp|kr)-[a-z0-9-]+", oid), oid
        assert spec["country"] == oid[:2].upper(), oid
        assert spec["title"], oid
        assert spec["patterns"], oid


def test_people_entries_have_the_known_keys() -> None:
    for person in PEOPLE:
        assert set(person) <= {"name", "country", "aliases", "roles", "disambiguation"}, person.get("name")
        assert person["country"] in COUNTRY_ORDER, person["name"]
        assert person["roles"], f"{person['name']} has no role"
        for role in person["roles"]:
            assert set(role) <= {"office", "title", "start", "end"}, person["name"]


def test_every_role_names_a_known_office_or_a_free_title() -> None:
    for person in PEOPLE:
        for role in person["roles"]:
            office = role.get("office")
            if office is not None:
                assert office in OFFICES, f"{person['name']}: unknown office {office}"
            else:
                assert isinstance(role.get("title"), str) and role["title"].strip(), person["name"]


def test_role_dates_parse_and_start_before_end() -> None:
    for person in PEOPLE:
        for role in person["roles"]:
            start = as_date(role["start"])
            end = as_date(role.get("end"))
            assert start is not None, person["name"]
            assert dt.date(1940, 1, 1) <= start <= dt.date.today(), (person["name"], start)
            if end is not None:
                assert start <= end, (person["name"], role)


def test_terms_in_one_office_do_not_overlap_across_people() -> None:
    by_office: dict[str, list[tuple[dt.date, dt.date | None, str]]] = defaultdict(list)
    for person in PEOPLE:
        for role in person["roles"]:
            if role.get("office"):
                by_office[role["office"]].append(
                    (as_date(role["start"]), as_date(role.get("end")), person["name"])
                )  # type: ignore[arg-type]
    problems = []
    for office, terms in by_office.items():
        terms.sort(key=lambda t: t[0])
        for (s1, e1, n1), (s2, _e2, n2) in itertools.pairwise(terms):
            # a successor may start on the day the predecessor leaves
            if e1 is None or e1 > s2:
                problems.append(f"{office}: {n1} ({s1} to {e1}) overlaps {n2} (from {s2})")
    assert not problems, problems


def test_terms_of_one_person_are_ordered_in_the_registry() -> None:
    # the files list roles in order already, so read them listed backwards: the registry must reorder
    backwards = [{**p, "roles": list(reversed(p.get("roles", [])))} for p in PEOPLE]
    several = [p for p in backwards if len(p["roles"]) > 1]
    assert several, "no official with more than one role to order"
    for official in parse_registry(OFFICES, several).officials:
        starts = [t.start for t in official.terms]
        assert starts == sorted(starts), official.name


def test_aliases_are_unique_and_never_another_persons_name() -> None:
    assert len({p["name"] for p in PEOPLE}) == len(PEOPLE), "two entries share a name"
    names = {name_key(p["name"]): p["name"] for p in PEOPLE}
    seen: dict[str, str] = {}
    for person in PEOPLE:
        for alias in person.get("aliases") or []:
            key = name_key(alias)
            assert key not in seen, f"alias {alias!r} of {person['name']} also belongs to {seen[key]}"
            seen[key] = person["name"]
            owner = names.get(key)
            assert owner in (None, person["name"]), f"alias {alias!r} of {person['name']} is {owner}'s name"


def test_canonical_names_follow_the_naming_rules() -> None:
    problems = []
    for person in PEOPLE:
        name = person["name"]
        if name != name.strip() or "  " in name:
            problems.append(f"{name!r}: stray spaces")
        tokens = name.split()
        # a middle initial: a single letter (with a period) between the first and the last name
        if name not in INITIALS_ALLOWED and any(re.fullmatch(r"[A-Z]\.?", t) for t in tokens[1:-1]):
            problems.append(f"{name}: middle initial")
        if re.search(r",|\b(?:Jr|Sr|II|III|IV)\b\.?$", name):
            problems.append(f"{name}: suffix")
        if any(len(t) > 2 and t.isalpha() and t.isupper() for t in tokens):
            problems.append(f"{name}: a name written in capitals")
        if person["country"] == "KR" and name not in KOREAN_OFFICIAL_SPELLINGS:
            # family name first, then a hyphenated given name (or a one-syllable given name)
            if not re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?", name):
                problems.append(f"{name}: Korean name not in the form 'Kim Sung-han'")
    assert not problems, problems


def test_parse_registry_rejects_a_role_without_start() -> None:
    offices = {"us-president": {"title": "President", "country": "US", "patterns": ["President"]}}
    with pytest.raises(ValueError, match="no start date"):
        parse_registry(
            offices, [{"name": "Test Person", "country": "US", "roles": [{"office": "us-president"}]}]
        )


def test_registry_lookup_by_spelling_variants() -> None:
    reg = registry()
    assert [p.name for p in reg.lookup("KISHIDA Fumio")] == ["Fumio Kishida"]
    assert [p.name for p in reg.lookup("Kim Hong Kyun")] == ["Kim Hong-kyun"]
    assert [p.name for p in reg.lookup("Kurt M. Campbell")] == ["Kurt Campbell"]
    kurt = reg.lookup("Kurt Campbell")[0]
    assert [t.title for t in kurt.terms] == [
        "Assistant Secretary of State for East Asian and Pacific Affairs",
        "Deputy Secretary of State",
    ]


# -- the documentation and the code agree ------------------------------------------------------


def _themes_yml() -> dict[str, Any]:
    text = resources.files("alliance_archive").joinpath("data/themes.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def test_theme_vocabulary_is_exactly_the_one_product_md_defines() -> None:
    assert list(_themes_yml()) == THEME_IDS


def test_every_theme_has_a_label_definition_and_working_patterns() -> None:
    for tid, spec in _themes_yml().items():
        assert spec["label"].strip(), tid
        assert spec["definition"].strip(), tid
        assert "not_for" in spec, tid
        assert spec["patterns"], tid
        for pattern in [*spec["patterns"], *(spec.get("unless") or [])]:
            re.compile(pattern)


def test_the_fast_loader_reads_every_registry_file_as_the_safe_loader_does() -> None:
    data = resources.files("alliance_archive").joinpath("data")
    files = [data.joinpath("offices.yml"), *data.joinpath("officials").iterdir()]
    assert len(files) >= 2
    for item in files:
        text = item.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.safe_load(text), item.name
    # and it stays safe: a Python object tag is refused
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")
