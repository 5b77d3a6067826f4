"""The archive as data files beside ``statements.json``: a CSV table and the JSON Schema of the record."""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources
from typing import Any

from .record import Person, Statement, archive_json

CSV_COLUMNS = [
    "id", "url", "title", "date", "date_basis", "date_earliest", "date_latest", "speakers",
    "speaker_countries", "mentioned", "themes", "places", "publisher", "source_file", "source_sha256",
    "quotes", "text",
]  # fmt: skip
JOIN = "; "
# a cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice for CSV export)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@cache
def _schema_template() -> dict[str, Any]:
    text = resources.files("alliance_archive").joinpath("data/statements.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def schema(theme_ids: list[str]) -> dict[str, Any]:
    """The JSON Schema of ``statements.json``, with the theme vocabulary as the themes' enum."""
    out = json.loads(json.dumps(_schema_template()))
    out["$defs"]["statement"]["properties"]["themes"]["items"]["enum"] = list(theme_ids)
    return out  # type: ignore[no-any-return]


def schema_json(theme_ids: list[str]) -> str:
    return json.dumps(schema(theme_ids), ensure_ascii=False, indent=1) + "\n"


def _person(p: Person) -> str:
    return f"{p.name} ({p.role}, {p.country})" if p.role else f"{p.name} ({p.country})"


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_row(s: Statement) -> dict[str, str]:
    countries = list(dict.fromkeys(p.country for p in s.speakers))
    row = {
        "id": s.id,
        "url": s.url,
        "title": s.title,
        "date": s.date or "",
        "date_basis": s.date_basis,
        "date_earliest": s.date_range.earliest if s.date_range else "",
        "date_latest": s.date_range.latest if s.date_range else "",
        "speakers": JOIN.join(_person(p) for p in s.speakers),
        "speaker_countries": JOIN.join(countries),
        "mentioned": JOIN.join(_person(p) for p in s.mentioned),
        "themes": JOIN.join(s.themes),
        "places": JOIN.join(s.places),
        "publisher": s.publisher or "",
        "source_file": s.source_file,
        "source_sha256": s.source_sha256,
        "quotes": str(len(s.quotes)),
        "text": s.text,
    }
    return {key: _cell(value) for key, value in row.items()}


def csv_text(statements: list[Statement]) -> str:
    """One row per statement, in the order of ``statements.json``; lists joined with "; "."""
    by_id = {s.id: s for s in statements}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in archive_json(statements)["statements"]:
        writer.writerow(csv_row(by_id[record["id"]]))
    return out.getvalue()
