"""Seeing the archive's shape: timeline charts drawn at build time as accessible SVG (title,
description, a table as text alternative, no script), theme counts on the theme index, and the
Quotes page with every quote linking back to its statement."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from alliance_archive import timeline
from alliance_archive.extract import themes
from tests.conftest import BuildSite

SVG = "{http://www.w3.org/2000/svg}"


def _records(site: Path) -> list[dict]:
    return json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]


def _figure(page: str) -> ET.Element:
    start = page.index('<figure class="aa-timeline"')
    end = page.index("</figure>", start) + len("</figure>")
    # the figure is well-formed XML apart from the bare data-search-exclude attribute
    return ET.fromstring(page[start:end].replace("data-search-exclude>", 'data-search-exclude="">', 1))


def _table(page: str, title: str) -> list[list[str]]:
    start = page.index(f"<summary>{title}: the figures as a table</summary>")
    table = page[start : page.index("</table>", start)]
    return [
        re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]


def _check_accessible(svg: ET.Element) -> None:
    assert svg.get("role") == "img"
    ids = (svg.get("aria-labelledby") or "").split()
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert ids == [title.get("id"), desc.get("id")]
    assert (title.text or "").strip() and (desc.text or "").strip()
    assert not svg.findall(f".//{SVG}script") and not svg.findall(".//script")
    for element in svg.iter():
        assert not any(k.startswith("on") for k in element.attrib), element.tag
        assert "href" not in " ".join(element.attrib), "the chart links nowhere outside the page"


def test_chart_geometry() -> None:
    chart = timeline.chart("t", "T", [("A", {2010: 2, 2013: 1}), ("B", {}), ("C", {2012: 4})])
    assert chart is not None
    assert chart.years == [2009, 2010, 2011, 2012, 2013]  # widened to five years
    assert [r.label for r in chart.rows] == ["A", "C"]  # an empty row is left out
    a, c = chart.rows
    assert [(b.year, b.count) for b in a.bars] == [(2010, 2), (2013, 1)]
    tallest = c.bars[0]
    assert tallest.height == timeline.BAR_SPACE and a.bars[0].height == timeline.BAR_SPACE / 2
    assert a.bars[0].x < c.bars[0].x < a.bars[1].x  # bars stand in year order
    assert all(b.x + b.width <= chart.width for r in chart.rows for b in r.bars)
    assert chart.table_rows == [["2010", "2", "0"], ["2012", "0", "4"], ["2013", "1", "0"]]
    assert "2009 to 2013" in chart.desc and "A: 3; C: 4" in chart.desc
    assert timeline.chart("t", "T", [("A", {})]) is None


def test_a_chart_spans_an_officials_terms_and_at_least_five_years() -> None:
    one = timeline.chart("t", "T", [("A", {2017: 1})])
    assert one is not None and one.years == [2015, 2016, 2017, 2018, 2019]
    termed = timeline.chart("t", "T", [("A", {2017: 1})], span=(2009, 2018))
    assert termed is not None and termed.years == list(range(2009, 2019))
    wide = timeline.chart("t", "T", [("A", {2001: 1, 2020: 2})], span=(2009, 2012))
    assert wide is not None and wide.years == list(range(2001, 2021))


def test_terms_of_office_are_shaded_and_described() -> None:
    chart = timeline.chart(
        "t", "T", [("A", {2010: 1, 2016: 1})], shade=[(2009, 2012), (2015, 9999)], shade_label="in office"
    )
    assert chart is not None and chart.years == list(range(2010, 2017))
    column = (timeline.WIDTH - timeline.LABEL_WIDTH - 8) / 7
    assert chart.bands == [
        (timeline.LABEL_WIDTH, pytest.approx(3 * column)),  # 2010-2012: clipped to the chart
        (pytest.approx(timeline.LABEL_WIDTH + 5 * column), pytest.approx(2 * column)),  # 2015-2016
    ]
    assert chart.desc.endswith("Shaded: in office (2010\u20132012, 2015\u20132016).")
    outside = timeline.chart("t", "T", [("A", {2010: 1})], shade=[(1990, 1995)])
    assert outside is not None and outside.bands == []


def test_long_spans_label_every_few_years() -> None:
    chart = timeline.chart("t", "T", [("A", {1990: 1, 2024: 1})])
    assert chart is not None and len(chart.years) == 35
    assert 5 <= len(chart.ticks) <= 14 and chart.ticks[0][1] == 1990


def test_a_span_of_centuries_keeps_to_fourteen_labels() -> None:
    """One statement dated by an editor far from the rest still gives a chart, not a failed build."""
    chart = timeline.chart("t", "T", [("A", {1066: 1, 2024: 2})])
    assert chart is not None and len(chart.years) == 2024 - 1066 + 1
    assert 10 <= len(chart.ticks) <= 14 and chart.ticks[0][1] == 1066
    assert [bar.year for row in chart.rows for bar in row.bars] == [1066, 2024]


def test_home_page_timeline_counts_statements_by_speakers_country(seeds_site: Path) -> None:
    page = (seeds_site / "index.html").read_text(encoding="utf-8")
    figure = _figure(page)
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    _check_accessible(svg)
    records = _records(seeds_site)
    names = {"US": "United States", "JP": "Japan", "KR": "Republic of Korea", "other": "Other"}
    expected: dict[str, Counter[str]] = {}
    for r in records:
        if not r["date"]:
            continue
        countries = {names[p["country"]] for p in r["speakers"]} or {"No speaker named"}
        for country in countries:
            expected.setdefault(country, Counter())[r["date"][:4]] += 1
    bars = {
        (rect.findtext(f"{SVG}title") or "")
        for rect in svg.iter(f"{SVG}rect")
        if "aa-timeline-bar" in (rect.get("class") or "")
    }
    wanted = {
        f"{country}, {year}: {n} statement{'s' if n != 1 else ''}"
        for country, years in expected.items()
        for year, n in years.items()
    }
    assert bars == wanted
    rows = _table(page, "Statements per year, by the country of their speakers")
    header, body = rows[0], rows[1:]
    assert header[0] == "Year" and set(header[1:]) == set(expected)
    for row in body:
        for country, cell in zip(header[1:], row[1:], strict=True):
            assert int(cell) == expected[country][row[0]]
    undated = sum(1 for r in records if not r["date"])
    desc = svg.findtext(f"{SVG}desc") or ""
    assert (f"{undated} undated statement" in desc) == bool(undated)


def test_each_official_page_has_a_timeline_of_their_statements(seeds_site: Path) -> None:
    records = _records(seeds_site)
    checked = 0
    for page_path in sorted((seeds_site / "officials").glob("*/index.html")):
        page = page_path.read_text(encoding="utf-8")
        name = re.search(r"<h1[^>]*>(.*?)<", page).group(1)  # type: ignore[union-attr]
        made = Counter(
            r["date"][:4] for r in records if r["date"] and name in [p["name"] for p in r["speakers"]]
        )
        named = Counter(
            r["date"][:4] for r in records if r["date"] and name in [p["name"] for p in r["mentioned"]]
        )
        if not made and not named:
            assert '<figure class="aa-timeline"' not in page
            continue
        svg = _figure(page).find(f"{SVG}svg")
        assert svg is not None
        _check_accessible(svg)
        assert name in (svg.findtext(f"{SVG}title") or "")
        table = _table(page, f"Statements by {name} per year")
        header = table[0]
        for row in table[1:]:
            cells = dict(zip(header, row, strict=True))
            assert int(cells.get("Statements made", "0")) == made[row[0]]
            assert int(cells.get("Mentioned in", "0")) == named[row[0]]
        checked += 1
    assert checked >= 3


def test_theme_index_shows_how_often_each_theme_occurs(seeds_site: Path) -> None:
    records = _records(seeds_site)
    counts = Counter(t for r in records for t in r["themes"])
    page = (seeds_site / "themes" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('id="how-often-each-theme-occurs"') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<a href="([a-z-]+)/">[^<]+</a></td>\s*<td[^>]*>(\d+)</td>', table)
    assert len(rows) == len(themes())
    assert {tid: int(n) for tid, n in rows} == {tid: counts.get(tid, 0) for tid in themes()}
    numbers = [int(n) for _, n in rows]
    assert numbers == sorted(numbers, reverse=True), "most frequent first"


def test_quotes_page_gathers_every_quote_by_official(seeds_site: Path) -> None:
    records = _records(seeds_site)
    page = (seeds_site / "quotes" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    quoted = [(q["speaker"], r) for r in records for q in r["quotes"]]
    assert quoted, "the seeds hold quotes"
    blockquotes = re.findall(r"<blockquote class=\"aa-quote\">(.*?)</blockquote>", article, re.S)
    assert len(blockquotes) == len(quoted)
    for speaker, r in quoted:
        # the official's heading, then (before the next official's heading) the link back
        found = re.search(rf"<h3[^>]*><a [^>]*>{re.escape(speaker)}</a>(.*?)(?=<h[23]|$)", article, re.S)
        assert found, speaker
        assert f'href="../{r["url"]}"' in found.group(1), f"{speaker}: no link back to {r['url']}"
    # each official's page lists their quotes with a link back too
    for speaker, r in quoted:
        slug = re.sub(r"[^a-z0-9]+", "-", speaker.lower()).strip("-")
        official = (seeds_site / "officials" / slug / "index.html").read_text(encoding="utf-8")
        assert f'<a href="../../{r["url"]}">in the statement</a>' in official


def test_an_editors_date_centuries_away_still_builds_the_archive(build_site: BuildSite) -> None:
    seeds = {
        "a.txt": "Allies Meet in Tokyo\n\nMarch 3, 2021\n\nSecretary of State Antony Blinken met his "
        "counterpart in Tokyo and reaffirmed the alliance.\n",
        "b.txt": "Allies Meet Again\n\nMay 9, 2023\n\nSecretary of State Antony Blinken said the "
        "alliance is stronger than ever.\n",
        "b.yml": "date: 1023-05-09\n",  # a typo for 2023, as an editor might make it
    }
    site = build_site(seeds)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "1023 to 2021" in home, "the home chart spans the corrected year"
    assert (site / "years" / "1023" / "index.html").is_file()
