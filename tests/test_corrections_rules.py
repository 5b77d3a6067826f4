"""The correction file's rules field by field, on files these tests write: what each field accepts, the
value it gives, and the message that names the file and the field when it is wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from alliance_archive.corrections import corrections_path, load, validate
from alliance_archive.read import SeedError

THEMES = {"alliance", "sanctions"}
WHERE = "correction file talks.yml"


def correct(tmp_path: Path, text: str | bytes) -> dict[str, Any]:
    seed = tmp_path / "talks.txt"
    seed.write_text("Talks\n", encoding="utf-8")
    path = corrections_path(seed)
    assert path == tmp_path / "talks.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load(seed, THEMES)


def refused(tmp_path: Path, text: str | bytes) -> str:
    with pytest.raises(SeedError) as info:
        correct(tmp_path, text)
    return str(info.value)


def test_no_file_or_an_empty_one_corrects_nothing(tmp_path: Path) -> None:
    assert load(tmp_path / "talks.txt", THEMES) == {}
    assert correct(tmp_path, "") == {}
    assert correct(tmp_path, "# later\n") == {}


def test_every_field_as_an_editor_writes_it(tmp_path: Path) -> None:
    text = (
        "\ufefftitle: Harbor Talks\nslug: harbor-talks\npublisher: null\n"
        "date: 2021-06-04\n"
        "date_range: {earliest: 2021-06-01, latest: '2021-06-30'}\n"
        "themes: [alliance]\nplaces: [Busan, Tokyo]\n"
        "speakers: [Hana Mori, {name: Lee Min-ho, role: Minister, country: KR}]\n"
        "mentioned: []\n"
        "same_event: {add: ['  harbor-talks-kr  '], remove: [other.txt]}\n"
    )
    assert correct(tmp_path, text) == {
        "title": "Harbor Talks",
        "slug": "harbor-talks",
        "publisher": None,
        "date": "2021-06-04",
        "date_range": {"earliest": "2021-06-01", "latest": "2021-06-30", "basis": "set by an editor"},
        "themes": ["alliance"],
        "places": ["Busan", "Tokyo"],
        "speakers": [{"name": "Hana Mori"}, {"name": "Lee Min-ho", "role": "Minister", "country": "KR"}],
        "mentioned": [],
        "same_event": {"add": ["harbor-talks-kr"], "remove": ["other.txt"]},
    }


def test_a_date_and_a_range_may_be_cleared_or_given_as_dates() -> None:
    assert validate({"date": None, "date_range": None}, THEMES, WHERE) == {"date": None, "date_range": None}
    # a field cleared does not stop the fields after it from being read
    cleared = {"date_range": None, "date": None, "title": "Harbor Talks"}
    assert validate(cleared, THEMES, WHERE) == cleared
    data = {
        "date": dt.date(2021, 6, 4),
        "date_range": {"earliest": dt.date(2021, 6, 1), "latest": dt.date(2021, 6, 30), "basis": "a letter"},
    }
    assert validate(data, THEMES, WHERE) == {
        "date": "2021-06-04",
        "date_range": {"earliest": "2021-06-01", "latest": "2021-06-30", "basis": "a letter"},
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a list\n", f"{WHERE} must be a mapping of field: value"),
        ("title: [unclosed\n", f"{WHERE} is not valid YAML (ParserError)"),
        ("colour: red\n", f"{WHERE}: unknown field 'colour' (fields: date, date_range, mentioned, places,"),
        ("title: [Harbor Talks]\n", f"{WHERE}: field 'title' must be text"),
        ("slug: 12\n", f"{WHERE}: field 'slug' must be text"),
        ("publisher: {name: MOFA}\n", f"{WHERE}: field 'publisher' must be text"),
        ("date: June 4\n", f"{WHERE}: field 'date': 'June 4' is not a date in the form YYYY-MM-DD"),
        ("date_range: 2021\n", f"{WHERE}: field 'date_range' needs earliest, latest and basis"),
        ("date_range: {earliest: 2021-06-01, latest: 2021-6-30}\n", f"{WHERE}: field 'date_range.latest': "),
        ("themes: [alliance, fisheries]\n", f"{WHERE}: field 'themes': unknown theme 'fisheries'"),
        ("themes: alliance\n", f"{WHERE}: field 'themes' must be a list of theme ids"),
        ("places: Busan\n", f"{WHERE}: field 'places' must be a list of place names"),
        ("places: [Busan, 7]\n", f"{WHERE}: field 'places' must be a list of place names"),
        ("speakers: Hana Mori\n", f"{WHERE}: field 'speakers' must be a list of people"),
        ("mentioned: [{role: Minister}]\n", f"{WHERE}: field 'mentioned': each person needs a name"),
        ("speakers: [{name: 7}]\n", f"{WHERE}: field 'speakers': each person needs a name"),
        ("speakers: [7]\n", f"{WHERE}: field 'speakers': each person needs a name"),
        ("speakers: [{name: A, title: B, age: 3}]\n", f"{WHERE}: field 'speakers': unknown key 'age'"),
        (
            "speakers: [{name: A, country: CN}]\n",
            f"{WHERE}: field 'speakers': country must be one of US, JP, KR, other",
        ),
        ("same_event: [a]\n", f"{WHERE}: field 'same_event' needs add and/or remove"),
        ("same_event: {}\n", f"{WHERE}: field 'same_event' needs add and/or remove"),
        ("same_event: {add: [a], keep: [b]}\n", f"{WHERE}: field 'same_event' needs add and/or remove"),
        ("same_event: {add: a}\n", f"{WHERE}: field 'same_event.add' must be a list of statement ids"),
        ("same_event: {remove: [a, '  ']}\n", f"{WHERE}: field 'same_event.remove' must be a list"),
        ("same_event: {add: [a, 7]}\n", f"{WHERE}: field 'same_event.add' must be a list"),
    ],
)
def test_a_wrong_field_is_named_with_what_it_needs(tmp_path: Path, text: str, message: str) -> None:
    assert refused(tmp_path, text).startswith(message)


def test_a_person_may_have_a_role_and_an_other_country(tmp_path: Path) -> None:
    assert correct(tmp_path, "mentioned: [{name: A, role: Envoy, country: other}]\n") == {
        "mentioned": [{"name": "A", "role": "Envoy", "country": "other"}]
    }


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    assert refused(tmp_path, "title: Ōno\n".encode("utf-16")) == f"{WHERE} is not UTF-8 text"
