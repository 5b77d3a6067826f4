"""A statement's publisher when no header names one: a wire dateline's agency, or Voice of America for
a report that calls itself VOA."""

from __future__ import annotations

from pathlib import Path

import markdown

from alliance_archive.pipeline import build_statement
from alliance_archive.registry import registry
from alliance_archive.textutil import md_escape

BODY = (
    "Allies Plan Joint Harbor Drills\n\nJune 4, 2021\n\n{lead}\n\n"
    "Crews from each service will spend three weeks aboard the other's cutters, officials said.\n"
)


def publisher_of(tmp_path: Path, lead: str) -> str | None:
    seed = tmp_path / "report.txt"
    seed.write_text(BODY.format(lead=lead), encoding="utf-8")
    return build_statement(seed, registry()).publisher


def test_a_report_that_names_voa_is_published_by_voice_of_america(tmp_path: Path) -> None:
    lead = (
        "VOA's Seoul correspondent reported that the coast guards of the two countries would hold "
        "joint search-and-rescue training twice a year."
    )
    assert publisher_of(tmp_path, lead) == "Voice of America"


def test_a_report_without_voa_or_a_dateline_has_no_publisher(tmp_path: Path) -> None:
    lead = (
        "A Seoul correspondent reported that the coast guards of the two countries would hold "
        "joint search-and-rescue training twice a year."
    )
    assert publisher_of(tmp_path, lead) is None


def test_a_wire_dateline_names_its_agency(tmp_path: Path) -> None:
    lead = (
        "SEOUL, June 4 (Yonhap) -- The coast guards of the two countries will hold joint "
        "search-and-rescue training twice a year."
    )
    assert publisher_of(tmp_path, lead) == "Yonhap"


def test_a_line_opening_with_a_year_and_a_full_stop_stays_text_not_a_list() -> None:
    for line in ["2024. The allies met again.", "1. The allies met.", "  7) The allies met."]:
        page = markdown.markdown(md_escape(line))
        assert "<ol" not in page and "<li" not in page, page
        assert page == f"<p>{line.strip()}</p>"
