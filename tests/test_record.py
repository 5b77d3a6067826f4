"""The statement record serializes to exactly the published JSON contract, and the archive lists records
newest first with undated ones last."""

from __future__ import annotations

from typing import Any

from alliance_archive.record import (
    SCHEMA_VERSION,
    DateRange,
    Person,
    Quote,
    Removed,
    Statement,
    archive_json,
)


def statement(id: str, date: str | None, **fields: Any) -> Statement:
    values: dict[str, Any] = {
        "id": id,
        "title": f"Title of {id}",
        "date": date,
        "date_basis": "stated" if date else "none",
        "date_range": None,
        "speakers": [],
        "mentioned": [],
        "themes": [],
        "places": [],
        "publisher": None,
        "source_file": f"seeds/{id}.txt",
        "source_sha256": "0" * 64,
        "text": "Text.",
        "removed": [],
        "quotes": [],
    }
    values.update(fields)
    return Statement(**values)


def test_a_statement_serializes_every_contract_field() -> None:
    s = statement(
        "harbor-talks",
        "2021-06-04",
        date_basis="year_inferred",
        date_range=DateRange("2021-01-01", "2021-12-31", "a weekday and the term of the speaker"),
        speakers=[Person("Hana Mori", "Minister for Foreign Affairs", "JP")],
        mentioned=[Person("Lee Min-ho", "Minister of Foreign Affairs", "KR")],
        themes=["alliance", "maritime-security"],
        places=["Tokyo"],
        publisher="Ministry of Foreign Affairs of Japan",
        text="Body text.",
        removed=[Removed(3, "Share", "share, print or subscribe link")],
        quotes=[Quote("Hana Mori", "We will meet again.")],
        theme_evidence={"alliance": "a sentence"},
        summary="Body text.",
    )
    assert s.url == "statements/harbor-talks/"
    assert s.year == "2021"
    assert s.to_json() == {
        "id": "harbor-talks",
        "url": "statements/harbor-talks/",
        "title": "Title of harbor-talks",
        "date": "2021-06-04",
        "date_basis": "year_inferred",
        "date_range": {
            "earliest": "2021-01-01",
            "latest": "2021-12-31",
            "basis": "a weekday and the term of the speaker",
        },
        "speakers": [{"name": "Hana Mori", "role": "Minister for Foreign Affairs", "country": "JP"}],
        "mentioned": [{"name": "Lee Min-ho", "role": "Minister of Foreign Affairs", "country": "KR"}],
        "themes": ["alliance", "maritime-security"],
        "places": ["Tokyo"],
        "publisher": "Ministry of Foreign Affairs of Japan",
        "source": {"file": "seeds/harbor-talks.txt", "sha256": "0" * 64},
        "text": "Body text.",
        "removed": [{"line": 3, "text": "Share", "reason": "share, print or subscribe link"}],
        "quotes": [{"speaker": "Hana Mori", "text": "We will meet again."}],
    }


def test_the_json_lists_are_copies() -> None:
    s = statement("a", None, themes=["alliance"], places=["Seoul"])
    data = s.to_json()
    data["themes"].append("sanctions")
    data["places"].clear()
    assert (s.themes, s.places) == (["alliance"], ["Seoul"])


def test_an_undated_statement_is_in_the_undated_year() -> None:
    s = statement("a", None)
    assert s.year == "undated"
    assert s.to_json()["date"] is None
    assert s.to_json()["date_range"] is None


def test_the_archive_is_newest_first_undated_last_and_by_id_on_the_same_day() -> None:
    records = [
        statement("b-undated", None),
        statement("old", "2012-09-28"),
        statement("a-same-day", "2021-06-04"),
        statement("a-undated", None),
        statement("new", "2024-04-12"),
        statement("b-same-day", "2021-06-04"),
    ]
    data = archive_json(records)
    assert data["schema"] == SCHEMA_VERSION == 1
    assert [s["id"] for s in data["statements"]] == [
        "new",
        "b-same-day",
        "a-same-day",
        "old",
        "b-undated",
        "a-undated",
    ]
