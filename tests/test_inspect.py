"""The editor's command: ``python -m alliance_archive inspect seeds/FILE.txt`` shows the record with the
evidence for each field; a missing or unusable seed exits with status 2 and says why."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

SEED = (
    "Allies Pledge Closer Coast Guard Cooperation\n"
    "\n"
    "Share\n"
    "September 14, 2023\n"
    "\n"
    "Secretary of State Antony Blinken said the United States and Japan would train their coast guards "
    "together to protect freedom of navigation in the East China Sea.\n"
    "\n"
    "The two sides also discussed North Korea's latest missile launch.\n"
)


def inspect(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alliance_archive", "inspect", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def field_lines(out: str, name: str) -> list[str]:
    return [line[len(name) :].strip() for line in out.splitlines() if line.startswith(name + " ")]


def test_inspect_prints_fields_with_their_evidence(tmp_path: Path) -> None:
    seed = tmp_path / "coast-guard.txt"
    seed.write_text(SEED, encoding="utf-8")
    result = inspect(str(seed))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert field_lines(out, "title") == ["Allies Pledge Closer Coast Guard Cooperation"]
    assert field_lines(out, "date") == ["2023-09-14  (stated)"]
    # the date's evidence: the raw line and its number
    assert re.search(r"^\s+date\s+2023-09-14\s+line 4: September 14, 2023$", out, re.M), out
    assert field_lines(out, "speaker") == ["Antony Blinken — Secretary of State (US)"]
    assert re.search(
        r"^\s+speaker\s+Antony Blinken\s+line 6: Secretary of State Antony Blinken said", out, re.M
    )
    themes = field_lines(out, "themes")[0].split(", ")
    assert {"maritime-security", "north-korea"} <= set(themes)
    # every theme is shown with the sentence that gave it
    for theme in themes:
        m = re.search(rf"^\s+themes\s+{re.escape(theme)}\s+text: (.+)$", out, re.M)
        assert m, f"no evidence for {theme}"
        assert m.group(1).rstrip("…")[:100] in SEED.replace("\n", " ")
    assert re.search(r"^\s+themes\s+north-korea\s+text: The two sides also discussed North Korea", out, re.M)
    # the removed lines are listed with their reasons
    assert re.search(r"^\s+3\s+share, print or subscribe link\s+Share$", out, re.M)


def test_inspect_a_seed_of_the_archive() -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    result = inspect(f"seeds/{seed.name}")
    assert result.returncode == 0, result.stderr
    assert f"seeds/{seed.name}" in result.stdout
    for name in ("title", "date", "themes", "places", "publisher"):
        assert field_lines(result.stdout, name), name
    assert "\nevidence\n" in result.stdout


def test_inspect_json(tmp_path: Path) -> None:
    import json

    seed = tmp_path / "coast-guard.txt"
    seed.write_text(SEED, encoding="utf-8")
    result = inspect(str(seed), "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["date"] == "2023-09-14"
    assert [p["name"] for p in record["speakers"]] == ["Antony Blinken"]


def test_inspect_marks_fields_set_by_an_editor(tmp_path: Path) -> None:
    seed = tmp_path / "coast-guard.txt"
    seed.write_text(SEED, encoding="utf-8")
    (tmp_path / "coast-guard.yml").write_text("date: 2023-09-13\n", encoding="utf-8")
    result = inspect(str(seed))
    assert result.returncode == 0, result.stderr
    assert field_lines(result.stdout, "date") == ["2023-09-13  (override)  [set by an editor]"]


def test_missing_file_exits_2_with_a_clear_message() -> None:
    result = inspect("seeds/no-such-seed.txt")
    assert result.returncode == 2
    assert "seeds/no-such-seed.txt" in result.stderr
    assert "no such" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("content", "correction", "words"),
    [
        ("", None, "empty"),
        (SEED, "colour: blue\n", "colour"),
    ],
    ids=["empty-seed", "bad-correction"],
)
def test_unusable_seed_exits_2_naming_the_problem(
    tmp_path: Path, content: str, correction: str | None, words: str
) -> None:
    seed = tmp_path / "broken.txt"
    seed.write_text(content, encoding="utf-8")
    if correction is not None:
        (tmp_path / "broken.yml").write_text(correction, encoding="utf-8")
    result = inspect(str(seed))
    assert result.returncode == 2
    assert "broken" in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_no_command_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "alliance_archive"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "inspect" in result.stderr
