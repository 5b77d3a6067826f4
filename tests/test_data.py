"""The archive as data: statements.json checked against the JSON Schema published beside it, the CSV
(one row per statement, lists joined), and a Data page that documents every field and column."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from alliance_archive import export
from alliance_archive.extract import themes
from tests.conftest import ROOT

DATA_PAGE = ROOT / "docs" / "data.md"


def _load(site: Path, name: str) -> dict:
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def _rows(site: Path) -> list[dict[str, str]]:
    text = (site / "data" / "statements.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_statements_json_follows_its_schema(seeds_site: Path) -> None:
    schema = _load(seeds_site, "statements.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = list(validator.iter_errors(_load(seeds_site, "statements.json")))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("date",), "16 March 2017"),
        (("date_basis",), "guessed"),
        (("themes",), ["not-a-theme"]),
        (("speakers", 0, "country"), "CN"),
        (("source", "sha256"), "abc"),
        (("extra",), 1),
        (("removed",), [{"line": 0, "text": "", "reason": "x"}]),
    ],
)
def test_the_schema_rejects_a_broken_record(seeds_site: Path, path: tuple, value: object) -> None:
    schema = _load(seeds_site, "statements.schema.json")
    data = copy.deepcopy(_load(seeds_site, "statements.json"))
    target = data["statements"][0]
    # a valid speaker of our own, so the speaker's country can be broken whatever the sample seeds hold
    target["speakers"] = [{"name": "Hana Mori", "role": "Minister for Foreign Affairs", "country": "JP"}]
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())


def test_the_schema_lists_the_theme_vocabulary_and_the_record_fields(seeds_site: Path) -> None:
    schema = _load(seeds_site, "statements.schema.json")
    statement = schema["$defs"]["statement"]
    assert statement["properties"]["themes"]["items"]["enum"] == list(themes())
    record = _load(seeds_site, "statements.json")["statements"][0]
    assert statement["required"] == list(record) == list(statement["properties"])


def test_csv_has_one_row_per_statement(seeds_site: Path) -> None:
    records = _load(seeds_site, "statements.json")["statements"]
    rows = _rows(seeds_site)
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert list(rows[0]) == export.CSV_COLUMNS
    for row, r in zip(rows, records, strict=True):
        assert row["title"] == r["title"] and row["url"] == r["url"]
        assert row["date"] == (r["date"] or "")
        assert row["themes"] == "; ".join(r["themes"])
        assert row["places"] == "; ".join(r["places"])
        assert [s.split(" (")[0] for s in row["speakers"].split("; ") if s] == [
            p["name"] for p in r["speakers"]
        ]
        assert row["speaker_countries"] == "; ".join(dict.fromkeys(p["country"] for p in r["speakers"]))
        assert row["source_sha256"] == r["source"]["sha256"]
        assert row["quotes"] == str(len(r["quotes"]))
        assert row["text"] == r["text"]
        if r["date_range"]:
            assert (row["date_earliest"], row["date_latest"]) == (
                r["date_range"]["earliest"],
                r["date_range"]["latest"],
            )


def test_csv_cells_never_start_a_spreadsheet_formula(build_site) -> None:
    seed = (
        '=HYPERLINK("http://example.com") Allies Meet in Tokyo\n\n'
        "TOKYO, May 2, 2022\n\n"
        "Foreign Minister Yoshimasa Hayashi said the alliance remains the cornerstone of peace.\n"
    )
    site = build_site({"formula.txt": seed})
    (row,) = _rows(site)
    record = _load(site, "statements.json")["statements"][0]
    assert record["title"].startswith("=HYPERLINK")
    assert row["title"] == "'" + record["title"]


def _documented_fields() -> list[str]:
    text = DATA_PAGE.read_text(encoding="utf-8")
    section = text[text.index("## Fields of a record") : text.index("## Columns of the CSV")]
    return re.findall(r"^\| `([a-z_]+)` \|", section, re.M)


def test_the_data_page_documents_every_field_and_column(seeds_site: Path) -> None:
    schema = _load(seeds_site, "statements.schema.json")
    assert _documented_fields() == list(schema["$defs"]["statement"]["properties"])
    text = DATA_PAGE.read_text(encoding="utf-8")
    columns = text[text.index("## Columns of the CSV") : text.index("## Licence")]
    for column in export.CSV_COLUMNS:
        assert f"`{column}`" in columns, column
    assert "Licence of the texts" in text and "public domain" in text
