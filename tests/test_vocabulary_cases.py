"""Every theme pattern and chrome entry earns its place: each has a sentence of our own that it must catch
and a near miss it must not (tests/vocabulary_cases.yml), and no entry of the vocabularies is without one."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from alliance_archive.clean import _key, chrome_kind, vocabulary
from alliance_archive.extract import find_themes, themes
from alliance_archive.textutil import normalize

CASES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parent / "vocabulary_cases.yml").read_text(encoding="utf-8")
)


def _data(name: str) -> dict[str, Any]:
    text = resources.files("alliance_archive").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return yaml.safe_load(text)


THEMES = _data("themes.yml")
CHROME = _data("chrome.yml")
THEME_CASES = [(tid, case) for tid, cases in CASES["themes"].items() for case in cases]
CHROME_CASES = [
    (category, kind, case)
    for category, kinds in CASES["chrome"].items()
    for kind, cases in kinds.items()
    for case in cases
]


def test_every_theme_pattern_has_cases_and_every_case_a_pattern() -> None:
    assert set(CASES["themes"]) == set(THEMES)
    for tid, spec in THEMES.items():
        covered = [case["pattern"] for case in CASES["themes"][tid]]
        assert sorted(covered) == sorted(spec["patterns"]), tid


def test_every_chrome_entry_has_cases_and_every_case_an_entry() -> None:
    assert set(CASES["chrome"]) == set(CHROME)
    for category, spec in CHROME.items():
        for kind in ("lines", "phrases", "patterns", "prefixes"):
            listed = sorted(str(entry) for entry in spec.get(kind) or [])
            covered = sorted(case["entry"] for case in CASES["chrome"][category].get(kind, []))
            assert covered == listed, (category, kind)


@pytest.mark.parametrize(("tid", "case"), THEME_CASES, ids=[f"{t}:{c['match'][:40]}" for t, c in THEME_CASES])
def test_a_theme_pattern_catches_its_sentence_and_not_its_near_miss(tid: str, case: dict[str, str]) -> None:
    pattern = re.compile(case["pattern"], re.I)
    assert pattern.search(case["match"]), case["match"]
    assert not pattern.search(case["miss"]), case["miss"]
    # and the theme is given by the sentence as the pipeline reads it (no `unless` takes it away)
    theme = themes()[tid]
    assert not (theme.any_unless and theme.any_unless.search(case["match"])), case["match"]


def test_the_theme_cases_give_their_themes_through_the_extractor() -> None:
    class Block:
        def __init__(self, text: str) -> None:
            self.text = text

    for tid, case in THEME_CASES:
        found = find_themes([Block(case["match"])])  # type: ignore[list-item]
        assert tid in found, (tid, case["match"])


def _first_category(kind: str, entry: str) -> str:
    """The category a line or phrase is reported under: the first in the file that lists it."""
    for category, spec in CHROME.items():
        if category in ("related_prefixes", "doc_types"):
            continue
        if any(_key(str(e)) == _key(entry) for e in spec.get(kind) or []):
            return category
    raise AssertionError(f"{entry!r} is in no {kind} list")


@pytest.mark.parametrize(
    ("category", "kind", "case"), CHROME_CASES, ids=[f"{c}:{k}:{x['entry']}" for c, k, x in CHROME_CASES]
)
def test_a_chrome_entry_catches_its_line_and_not_its_near_miss(
    category: str, kind: str, case: dict[str, str]
) -> None:
    entry, match, miss = case["entry"], case["match"], case["miss"]
    if category == "doc_types":
        assert _key(match) in vocabulary().doc_types
        assert _key(miss) not in vocabulary().doc_types
        assert chrome_kind(miss) is None, miss
        return
    found = chrome_kind(match)
    assert found is not None, match
    if kind == "lines":
        assert _key(match) == _key(entry)
        assert found[0] == _first_category("lines", entry)
    elif kind == "phrases":
        assert normalize(entry) in normalize(match)
        assert found[0] == _first_category("phrases", entry) or _key(match) in vocabulary().lines
    elif kind == "patterns":
        assert re.search(entry, _key(match)), match
        assert not re.search(entry, _key(miss)), miss
        assert found[0] == category
    else:
        assert found == ("related", CHROME["related_prefixes"]["reason"])
    assert chrome_kind(miss) is None, miss
