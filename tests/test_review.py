"""Editors' review: the least certain fields first, with the evidence and the correction to write;
shown as a page by the live preview only."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from alliance_archive.__main__ import main
from alliance_archive.pipeline import build_archive
from alliance_archive.review import doubts, review
from tests.conftest import make_project

BODY = (
    "Foreign Minister Hayashi Taro and Secretary of State Antony Blinken held talks on fisheries "
    "cooperation, agreeing to share data on catches and to patrol their shared waters together."
)
CERTAIN = "\n\n".join(["Allies Agree to Share Fisheries Data", "March 4, 2023", BODY]) + "\n"
# no date line: only a day and a month, the year to be worked out from the officials' terms
UNCERTAIN = (
    "\n\n".join(
        [
            "Allies Agree to Share Fisheries Data Again",
            "On Friday, March 3, Foreign Minister Hayashi Taro and Secretary of State Antony Blinken held "
            "talks on fisheries cooperation, agreeing to share data on catches.",
        ]
    )
    + "\n"
)


def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "certain.txt").write_text(CERTAIN, encoding="utf-8")
    (folder / "uncertain.txt").write_text(UNCERTAIN, encoding="utf-8")
    return folder


def test_the_least_certain_seed_comes_first_with_its_correction_line(tmp_path: Path) -> None:
    archive = build_archive(seeds(tmp_path))
    listed = review(archive.statements)
    assert listed, "the inferred year must be listed"
    first = listed[0]
    assert first.statement.seed_name == "uncertain.txt"
    fields = {d.field: d for d in first.doubts}
    assert "date" in fields
    assert fields["date"].confidence < 0.85
    assert "year inferred" in fields["date"].doubt
    assert fields["date"].correction == f'date: "{first.statement.date}"'
    assert first.correction_file == "seeds/uncertain.yml"
    assert all(a.confidence <= b.confidence for a, b in pairwise(listed))


def test_a_field_an_editor_set_is_not_listed(tmp_path: Path) -> None:
    folder = seeds(tmp_path)
    (folder / "uncertain.yml").write_text("date: 2023-03-03\n", encoding="utf-8")
    archive = build_archive(folder)
    statement = next(s for s in archive.statements if s.seed_name == "uncertain.txt")
    assert not [d for d in doubts(statement) if d.field == "date"]


def test_the_review_command_prints_the_list_worst_first(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = seeds(tmp_path)
    assert main(["review", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("seeds/uncertain.txt")
    assert "to correct it, write in seeds/uncertain.yml:" in out
    assert main(["review", str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["seed"] == "seeds/uncertain.txt"
    assert data[0]["fields"][0]["confidence"] < 0.85


def test_the_review_command_refuses_a_missing_folder(tmp_path: Path) -> None:
    assert main(["review", str(tmp_path / "nope")]) == 2


def _build(project: Path, command: str) -> Path:
    site = project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command=command, dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site


def test_the_review_page_is_in_the_live_preview_only(tmp_path: Path) -> None:
    folder = seeds(tmp_path)
    served = _build(make_project(tmp_path / "serve", folder), "serve")
    page = (served / "review" / "index.html").read_text(encoding="utf-8")
    assert "Editors&rsquo; page" in page or "Editors' page" in page
    assert "year inferred" in page and "seeds/uncertain.yml" in page
    built = _build(make_project(tmp_path / "build", folder), "build")
    assert not (built / "review").exists()
