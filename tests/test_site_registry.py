"""The editors' own registry file, seeds/officials.yml: validated like a correction file, merged over the
archive's registry, used by the build and by inspect; a broken file is reported, never fatal."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from alliance_archive import __main__ as cli
from alliance_archive.pipeline import build_archive, reset
from alliance_archive.registry import RegistryError, load_raw, load_site, merge, registry

OFFICES, PACKAGE = load_raw()

SEED = (
    "Harbor Talks Resume\n\nMay 14, 2024\n\n"
    "Japanese Vice Foreign Minister Kenji Arakawa said the harbor inspections would resume next month.\n"
)
NEW_OFFICIAL = """\
- name: Kenji Arakawa
  country: JP
  aliases: [ARAKAWA Kenji]
  roles:
    - title: Senior Deputy Minister for Foreign Affairs
      start: 2023-09-01
"""


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    reset()


def seeds(tmp_path: Path, registry_text: str | None, seed: str = SEED) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir(parents=True)
    (folder / "001_talks.txt").write_text(seed, encoding="utf-8")
    if registry_text is not None:
        (folder / "officials.yml").write_text(registry_text, encoding="utf-8")
    return folder


def test_an_official_added_by_the_editors_is_used_with_their_role(tmp_path: Path) -> None:
    without = build_archive(seeds(tmp_path / "a", None)).statements[0]
    assert [p.role for p in without.speakers] == ["Vice Foreign Minister"]  # only what the text says
    archive = build_archive(seeds(tmp_path / "b", NEW_OFFICIAL))
    assert archive.problems == []
    speaker = archive.statements[0].speakers[0]
    assert (speaker.name, speaker.role, speaker.country) == (
        "Kenji Arakawa",
        "Senior Deputy Minister for Foreign Affairs",
        "JP",
    )


def test_a_correction_of_a_package_official_replaces_roles_and_adds_aliases() -> None:
    role = {
        "office": None,
        "title": "Minister of Foreign Affairs",
        "start": dt.date(2024, 1, 12),
        "end": None,
    }
    merged = merge(PACKAGE, [{"name": "Cho Tae-yul", "aliases": ["Jo Tae-yeol"], "roles": [role]}])
    assert len(merged) == len(PACKAGE)
    entry = next(p for p in merged if p["name"] == "Cho Tae-yul")
    assert entry["roles"] == [role]
    assert "Jo Tae-yeol" in entry["aliases"]
    assert entry["country"] == "KR"  # kept from the package


def test_an_entry_named_by_an_alias_renames_the_official_and_keeps_the_old_name() -> None:
    package = [{"name": "Jon Doe", "country": "US", "aliases": ["John Doe"], "roles": []}]
    merged = merge(package, [{"name": "John Doe"}])
    assert [(p["name"], p["aliases"]) for p in merged] == [("John Doe", ["Jon Doe"])]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- name: Kenji Arakawa\n  country: XX\n  roles: [{title: Envoy, start: 2023-01-01}]\n",
         "entry 1 (Kenji Arakawa): field 'country' must be one of"),
        ("- name: Kenji Arakawa\n  country: JP\n  roles: [{title: Envoy, start: soon}]\n",
         "entry 1 (Kenji Arakawa): role 1: field 'start': 'soon' is not a date"),
        ("- name: Kenji Arakawa\n  country: JP\n  roles: [{office: jp-emperor, start: 2023-01-01}]\n",
         "field 'office': unknown office 'jp-emperor'"),
        ("- name: Kenji Arakawa\n  country: JP\n  role: [{title: Envoy, start: 2023-01-01}]\n",
         "entry 1 (Kenji Arakawa): unknown field 'role'"),
        ("- country: JP\n", "entry 1 needs a field 'name'"),
        ("name: Kenji Arakawa\n", "must be a list of officials"),
        ("- name: Kenji Arakawa\n  roles: [{title: Envoy, start: 2023-01-01}]\n",
         "'Kenji Arakawa' is not in the archive's registry, so it needs the field 'country'"),
        ("- name: [unclosed\n", "is not valid YAML"),
        ("- name: Kenji Arakawa\n  country: JP\n  roles: [{title: X, start: 2023-05-01, end: 2023-01-01}]",
         "field 'end' is before 'start'"),
    ],
)  # fmt: skip
def test_an_invalid_file_names_the_file_the_entry_and_the_field(
    tmp_path: Path, text: str, message: str
) -> None:
    folder = seeds(tmp_path, text)
    with pytest.raises(RegistryError) as err:
        registry(folder)
    assert "site registry file officials.yml" in str(err.value)
    assert message in str(err.value)


def test_an_invalid_file_is_reported_and_the_build_goes_on(tmp_path: Path) -> None:
    archive = build_archive(seeds(tmp_path, "- name: Kenji Arakawa\n  country: XX\n"))
    assert len(archive.statements) == 1
    assert archive.statements[0].speakers[0].name == "Kenji Arakawa"
    assert [name for name, _ in archive.problems] == ["officials.yml"]
    assert "field 'country'" in archive.problems[0][1]


@pytest.mark.expect_warnings
def test_the_site_build_reports_a_broken_registry_file(
    tmp_path: Path, build_site: object, warnings_logged: list[logging.LogRecord]
) -> None:
    site = build_site(  # type: ignore[operator]
        {"001_talks.txt": SEED, "officials.yml": "- name: Kenji Arakawa\n  country: XX\n"}
    )
    assert any("officials.yml" in r.getMessage() and "country" in r.getMessage() for r in warnings_logged)
    data = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))
    assert len(data["statements"]) == 1


def test_the_site_build_uses_the_editors_registry(tmp_path: Path, build_site: object) -> None:
    site = build_site({"001_talks.txt": SEED, "officials.yml": NEW_OFFICIAL})  # type: ignore[operator]
    data = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))
    assert data["statements"][0]["speakers"][0]["role"] == "Senior Deputy Minister for Foreign Affairs"


def test_inspect_reads_the_editors_registry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = seeds(tmp_path, NEW_OFFICIAL)
    assert cli.main(["inspect", str(folder / "001_talks.txt")]) == 0
    assert "Senior Deputy Minister for Foreign Affairs" in capsys.readouterr().out


def test_no_file_and_an_empty_file_change_nothing(tmp_path: Path) -> None:
    assert load_site(tmp_path, OFFICES) == []
    (tmp_path / "officials.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert load_site(tmp_path, OFFICES) == []
    assert len(registry(tmp_path).officials) == len(PACKAGE)


def test_the_about_page_example_is_a_valid_registry_file(tmp_path: Path) -> None:
    about = (Path(__file__).resolve().parent.parent / "docs" / "about.md").read_text(encoding="utf-8")
    section = about.split("## How to add or correct an official", 1)[1].split("\n## ", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "officials.yml").write_text(example, encoding="utf-8")
    reg = registry(tmp_path)
    assert [o.name for o in reg.lookup("ARAKAWA Kenji")] == ["Kenji Arakawa"]
    assert [o.name for o in reg.lookup("Jo Tae-yeol")] == ["Cho Tae-yul"]


def test_the_official_page_shows_the_terms_of_the_editors_registry(
    tmp_path: Path, build_site: object
) -> None:
    site = build_site({"001_talks.txt": SEED, "officials.yml": NEW_OFFICIAL})  # type: ignore[operator]
    page = (site / "officials" / "kenji-arakawa" / "index.html").read_text(encoding="utf-8")
    assert "Senior Deputy Minister for Foreign Affairs, 1 September 2023 – present" in page
    assert "not in the officials registry" not in page
