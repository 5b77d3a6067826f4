"""Editors' corrections (seeds/NAME.yml beside seeds/NAME.txt): set values win and are marked; a bad
correction is a clear error naming the seed and the field, and does not stop the rest of the build."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_archive.pipeline import build_archive, build_statement
from alliance_archive.read import SeedError
from alliance_archive.record import Person
from alliance_archive.registry import registry

SEED = (
    "Coast Guards Agree on Joint Rescue Training\n"
    "\n"
    "June 4, 2021\n"
    "\n"
    "Japanese Foreign Minister Toshimitsu Motegi said the coast guards of the two countries would hold "
    "joint search-and-rescue training twice a year.\n"
    "\n"
    "Crews from each service will spend three weeks aboard the other's cutters, officials said.\n"
)


def seed_with(tmp_path: Path, correction: str | None, name: str = "rescue") -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    path = seeds / f"{name}.txt"
    path.write_text(SEED, encoding="utf-8")
    if correction is not None:
        (seeds / f"{name}.yml").write_text(correction, encoding="utf-8")
    return path


def test_without_a_correction_nothing_is_overridden(tmp_path: Path) -> None:
    s = build_statement(seed_with(tmp_path, None), registry())
    assert s.overridden == []
    assert s.date == "2021-06-04"
    assert s.date_basis == "stated"


def test_set_fields_win_and_are_marked(tmp_path: Path) -> None:
    path = seed_with(
        tmp_path,
        "title: Japan and the United States Agree on Coast Guard Drills\n"
        "themes: [maritime-security, defense-posture]\n"
        "places: [Yokohama]\n"
        "publisher: Harbor Notes\n",
    )
    s = build_statement(path, registry())
    assert s.title == "Japan and the United States Agree on Coast Guard Drills"
    assert s.themes == ["maritime-security", "defense-posture"]
    assert s.places == ["Yokohama"]
    assert s.publisher == "Harbor Notes"
    assert set(s.overridden) == {"title", "themes", "places", "publisher"}
    # the article text is not touched
    assert "three weeks aboard the other's cutters" in s.text


def test_date_correction_has_basis_override(tmp_path: Path) -> None:
    s = build_statement(seed_with(tmp_path, "date: 2021-06-03\n"), registry())
    assert (s.date, s.date_basis) == ("2021-06-03", "override")
    assert s.date_range is None
    assert "date" in s.overridden


def test_quoted_date_correction(tmp_path: Path) -> None:
    s = build_statement(seed_with(tmp_path, "date: '2020-12-31'\n"), registry())
    assert (s.date, s.date_basis) == ("2020-12-31", "override")


def test_speakers_correction_resolves_people_through_the_registry(tmp_path: Path) -> None:
    path = seed_with(tmp_path, "speakers:\n  - Toshimitsu Motegi\n  - name: Jane Roe\n    role: Commandant\n")
    s = build_statement(path, registry())
    assert s.speakers == [
        Person("Toshimitsu Motegi", "Foreign Minister", "JP"),
        Person("Jane Roe", "Commandant", "other"),
    ]
    assert "speakers" in s.overridden


def test_slug_correction_pins_the_id(tmp_path: Path) -> None:
    seed_with(tmp_path, "slug: coast-guard-drills-2021\n")
    archive = build_archive(tmp_path / "seeds")
    assert not archive.problems
    (s,) = archive.statements
    assert s.id == "coast-guard-drills-2021"
    assert "slug" in s.overridden


def test_an_empty_correction_file_changes_nothing(tmp_path: Path) -> None:
    s = build_statement(seed_with(tmp_path, "# nothing to correct yet\n"), registry())
    assert s.overridden == []


@pytest.mark.parametrize(
    ("correction", "blamed"),
    [
        ("headline: Something Else\n", "unknown field 'headline'"),
        ("themes: [maritime-security, fisheries]\n", "field 'themes': unknown theme 'fisheries'"),
        ("date: 2021-6-4\n", "field 'date': '2021-6-4' is not a date"),
        ("date: June 4, 2021\n", "field 'date': 'June 4, 2021' is not a date"),
        ("date: 2021-02-30\n", "field 'date': day is out of range"),
        ("themes: maritime-security\n", "field 'themes' must be a list"),
        ("speakers:\n  - name: Jane Roe\n    country: Atlantis\n", "field 'speakers': country must be"),
        ("speakers:\n  - name: Jane Roe\n    title: Minister\n", "field 'speakers': unknown key 'title'"),
        ("mentioned:\n  - name: Jane Roe\n    rank: 3\n", "field 'mentioned': unknown key 'rank'"),
        (
            "date_range: {earliest: 2021-06-01, latest: 2021-06-30, basis: a note, source: a letter}\n",
            "field 'date_range' needs earliest, latest and basis",
        ),
        ("date_range: {earliest: 2021-06-01, latest: June 30}\n", "field 'date_range.latest': 'June 30'"),
        ("date_range: {latest: 2021-06-30}\n", "field 'date_range.earliest': 'None'"),
    ],
)
def test_bad_corrections_raise_naming_the_file_and_field(
    tmp_path: Path, correction: str, blamed: str
) -> None:
    path = seed_with(tmp_path, correction)
    with pytest.raises(SeedError) as info:
        build_statement(path, registry())
    message = str(info.value)
    assert message.startswith("correction file rescue.yml: "), message
    assert blamed in message, message


def test_unknown_theme_is_named(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="fisheries"):
        build_statement(seed_with(tmp_path, "themes: [fisheries]\n"), registry())


def test_correction_that_is_not_yaml_mapping(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match=r"rescue\.yml"):
        build_statement(seed_with(tmp_path, "- just\n- a list\n"), registry())
    with pytest.raises(SeedError, match=r"rescue\.yml"):
        build_statement(seed_with(tmp_path, "title: [unclosed\n"), registry())


@pytest.mark.expect_warnings
@pytest.mark.parametrize(
    ("correction", "field"),
    [
        ("headline: Something Else\n", "headline"),
        ("themes: [fisheries]\n", "fisheries"),
        ("date: 2021-13-01\n", "date"),
    ],
    ids=["unknown-field", "unknown-theme", "impossible-date"],
)
def test_build_with_a_bad_correction_warns_once_and_builds_the_rest(
    build_site: Callable[..., Path], warnings_logged: list[logging.LogRecord], correction: str, field: str
) -> None:
    other = SEED.replace("Coast Guards Agree on Joint Rescue Training", "Port Cities Sign Sister Agreement")
    site = build_site(
        {
            "bad.txt": SEED,
            "bad.yml": correction,
            "good.txt": other,
        },
        strict=False,
    )
    messages = [r.getMessage() for r in warnings_logged if r.levelno >= logging.WARNING]
    about_seed = [m for m in messages if "bad.txt" in m]
    assert len(about_seed) == 1, messages
    assert field in about_seed[0]
    data = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))
    assert [s["title"] for s in data["statements"]] == ["Port Cities Sign Sister Agreement"]
    assert (site / data["statements"][0]["url"] / "index.html").is_file()
