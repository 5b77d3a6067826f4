"""Timeline charts drawn at build time: statements per year as an accessible inline SVG.

The geometry is worked out here; ``templates/timeline.svg.jinja`` draws it (XML-escaped) and
``templates/timeline_table.html.jinja`` gives the same figures as a table for readers who cannot see
the chart. Colours come from the stylesheet (``.aa-timeline`` in ``docs/assets/archive.css``), so the
chart follows the light and dark palettes. No script runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .record import Statement

WIDTH = 720
LABEL_WIDTH = 150
ROW_HEIGHT = 46
BAR_SPACE = 30  # the tallest bar, in px
TOP = 8
AXIS_HEIGHT = 26


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    count: int
    year: int
    label: str  # what the bar's tooltip says


@dataclass(frozen=True)
class RowView:
    label: str
    y: float  # the row's baseline
    bars: tuple[Bar, ...]
    total: int


@dataclass
class Chart:
    """One chart: the SVG geometry, its accessible title and description, and the table behind it."""

    id: str
    title: str
    desc: str
    years: list[int]
    rows: list[RowView]
    ticks: list[tuple[float, int]]  # (x, year) of the axis labels
    height: float
    bands: list[tuple[float, float]] = field(default_factory=list)  # (x, width) of shaded years
    band_label: str = ""
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    table_header: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)


def _year(s: Statement) -> int | None:
    return int(s.date[:4]) if s.date else None


def per_year(statements: list[Statement]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for s in statements:
        year = _year(s)
        if year is not None:
            counts[year] = counts.get(year, 0) + 1
    return counts


MIN_YEARS = 5


def chart(
    chart_id: str,
    title: str,
    rows: list[tuple[str, dict[int, int]]],
    note: str = "",
    span: tuple[int, int] | None = None,
    shade: list[tuple[int, int]] | None = None,
    shade_label: str = "",
) -> Chart | None:
    """A chart with one row of yearly bars per (label, {year: count}); None when nothing is dated.

    The years run from the first to the last count, widened to ``span`` (an official's terms) and to
    at least ``MIN_YEARS``, so that one year's bar stands in its time rather than fills the chart.
    ``shade`` lists (first, last) year ranges drawn as a band behind the bars (terms of office),
    which the description names as ``shade_label``.
    """
    rows = [(label, counts) for label, counts in rows if counts]
    if not rows:
        return None
    first = min(min(c) for _, c in rows)
    last = max(max(c) for _, c in rows)
    if span:
        first, last = min(first, span[0]), max(last, span[1])
    while last - first + 1 < MIN_YEARS:
        first, last = (first - 1, last) if (last - first) % 2 else (first, last + 1)
    years = list(range(first, last + 1))
    peak = max(max(c.values()) for _, c in rows)
    column = (WIDTH - LABEL_WIDTH - 8) / len(years)
    bar_width = max(min(column * 0.7, 40.0), 3.0)
    views = []
    for i, (label, counts) in enumerate(rows):
        baseline = TOP + (i + 1) * ROW_HEIGHT - 6
        bars = []
        for j, year in enumerate(years):
            count = counts.get(year, 0)
            if not count:
                continue
            height = max(BAR_SPACE * count / peak, 3.0)
            x = LABEL_WIDTH + j * column + (column - bar_width) / 2
            noun = "statement" if count == 1 else "statements"
            bars.append(
                Bar(x, baseline - height, bar_width, height, count, year, f"{label}, {year}: {count} {noun}")
            )
        views.append(RowView(label, baseline, tuple(bars), sum(counts.values())))
    # a label every 1, 2, 5, 10, 20 or 50 years, at most 14 of them; a span of centuries (an
    # editor's date far from the rest) takes the step that keeps to 14
    step = next((s for s in (1, 2, 5, 10, 20, 50) if len(years) / s <= 14), -(-len(years) // 14))
    ticks = [
        (LABEL_WIDTH + j * column + column / 2, y) for j, y in enumerate(years) if (y - first) % step == 0
    ]
    period = f"{first} to {last}"
    parts = [f"{label}: {v.total}" for (label, _), v in zip(rows, views, strict=True)]
    desc = f"Bars per year, {period}, one row each. Totals: {'; '.join(parts)}."
    if note:
        desc += f" {note}"
    header = ["Year"] + [label for label, _ in rows]
    table = [[str(y)] + [str(c.get(y, 0)) for _, c in rows] for y in years if any(c.get(y) for _, c in rows)]
    bands, shown = [], []
    for start, end in shade or []:
        a, b = max(start, first), min(end, last)
        if a <= b:
            bands.append((LABEL_WIDTH + (a - first) * column, (b - a + 1) * column))
            shown.append(f"{a}" if a == b else f"{a}–{b}")
    if bands and shade_label:
        desc += f" Shaded: {shade_label} ({', '.join(shown)})."
    height = TOP + len(rows) * ROW_HEIGHT + AXIS_HEIGHT
    return Chart(
        chart_id,
        title,
        desc,
        years,
        views,
        ticks,
        height,
        bands=bands,
        band_label=shade_label if bands else "",
        table_header=header,
        table_rows=table,
    )
