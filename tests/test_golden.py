"""Golden tests: whole invented articles in the raw copied-web-page form (tests/golden/*.txt), each
with what a careful editor reads in it (tests/golden/*.expected.yml): title, date, speakers,
mentioned, themes, places and the numbers of the raw lines left out of the text."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from alliance_archive.pipeline import build_statement
from alliance_archive.registry import registry

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(GOLDEN.glob("*.txt"))


def expected_for(seed: Path) -> dict[str, Any]:
    data = yaml.safe_load(seed.with_suffix(".expected.yml").read_text(encoding="utf-8"))
    if isinstance(data.get("date"), dt.date):
        data["date"] = data["date"].isoformat()
    return data


def test_the_golden_folder_is_complete() -> None:
    assert len(CASES) >= 4, "the golden folder holds at least four whole articles"
    for seed in CASES:
        assert seed.with_suffix(".expected.yml").is_file(), seed.name
        assert set(expected_for(seed)) >= {
            "title",
            "date",
            "speakers",
            "mentioned",
            "themes",
            "places",
            "removed",
        }


@pytest.mark.parametrize("seed", CASES, ids=[p.stem for p in CASES])
def test_golden(seed: Path, tmp_path: Path) -> None:
    expected = expected_for(seed)
    # a copy, so that no correction file or neighbour in the golden folder can affect the record
    copy = tmp_path / seed.name
    copy.write_bytes(seed.read_bytes())
    s = build_statement(copy, registry())
    got = {
        "title": s.title,
        "date": s.date,
        "speakers": sorted(p.name for p in s.speakers),
        "mentioned": sorted(p.name for p in s.mentioned),
        "themes": sorted(s.themes),
        "places": s.places,
        "removed": sorted(r.line for r in s.removed),
    }
    want = {
        "title": expected["title"],
        "date": expected["date"],
        "speakers": sorted(expected["speakers"]),
        "mentioned": sorted(expected["mentioned"]),
        "themes": sorted(expected["themes"]),
        "places": expected["places"],
        "removed": sorted(expected["removed"]),
    }
    if "date_basis" in expected:
        got["date_basis"] = s.date_basis
        want["date_basis"] = expected["date_basis"]
    assert got == want


@pytest.mark.parametrize("seed", CASES, ids=[p.stem for p in CASES])
def test_golden_keeps_every_line_that_is_not_removed(seed: Path, tmp_path: Path) -> None:
    """Every non-blank raw line the editor keeps appears in the cleaned text."""
    expected = expected_for(seed)
    copy = tmp_path / seed.name
    copy.write_bytes(seed.read_bytes())
    s = build_statement(copy, registry())
    lines = seed.read_text(encoding="utf-8").split("\n")
    text = " ".join(html.unescape(s.text.replace("\\", "")).split())
    for number, line in enumerate(lines, start=1):
        if not line.strip() or number in expected["removed"]:
            continue
        # list numbers and transcript labels become Markdown; the words of the line remain
        words = re.sub(r"^\s*(?:\d+[.)]|[A-Z][A-Z. ]+:)\s+", "", line)
        probe = " ".join(words.split())[:60]
        assert probe in text, f"line {number} lost: {line!r}"
