"""The statement record every stage shares, and the JSON contract it serializes to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Country = Literal["US", "JP", "KR", "other"]
DateBasis = Literal["stated", "year_inferred", "override", "none"]

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Person:
    """A named official as a record lists them: name, the role held at the statement's date, country."""

    name: str
    role: str
    country: Country

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role, "country": self.country}


@dataclass(frozen=True)
class Removed:
    """A raw line left out of the cleaned text (1-based over the seed's lines) and why."""

    line: int
    text: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {"speaker": self.speaker, "text": self.text}


@dataclass(frozen=True)
class DateRange:
    earliest: str
    latest: str
    basis: str

    def to_json(self) -> dict[str, str]:
        return {"earliest": self.earliest, "latest": self.latest, "basis": self.basis}


@dataclass(frozen=True)
class Evidence:
    """Why a field has its value: the raw line (0 when not tied to one line) and the text that decided it.

    ``confidence`` (0 to 1) says how sure the evidence is: 1 for a field stated plainly, lower where a
    close runner-up, an inferred value, a pattern-only find or an official unknown to the registry
    leaves room for doubt; ``doubt`` says why, in words an editor can act on.
    """

    field: str
    value: str
    line: int
    text: str
    confidence: float = 1.0
    doubt: str = ""


@dataclass
class Statement:
    """One seed's record. ``to_json`` gives exactly the fields of the published contract."""

    id: str
    title: str
    date: str | None
    date_basis: DateBasis
    date_range: DateRange | None
    speakers: list[Person]
    mentioned: list[Person]
    themes: list[str]
    places: list[str]
    publisher: str | None
    source_file: str
    source_sha256: str
    text: str
    removed: list[Removed]
    quotes: list[Quote]
    # Not part of the JSON contract: what the pages and the editor's inspect command show.
    theme_evidence: dict[str, str] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    overridden: list[str] = field(default_factory=list)
    seed_name: str = ""
    summary: str = ""  # the first paragraph as plain text, for feeds and listings
    # an editor's word on links to other accounts of the same event: {"add": [...], "remove": [...]}
    same_event: dict[str, list[str]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"statements/{self.id}/"

    @property
    def year(self) -> str:
        return self.date[:4] if self.date else "undated"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "date": self.date,
            "date_basis": self.date_basis,
            "date_range": self.date_range.to_json() if self.date_range else None,
            "speakers": [p.to_json() for p in self.speakers],
            "mentioned": [p.to_json() for p in self.mentioned],
            "themes": list(self.themes),
            "places": list(self.places),
            "publisher": self.publisher,
            "source": {"file": self.source_file, "sha256": self.source_sha256},
            "text": self.text,
            "removed": [r.to_json() for r in self.removed],
            "quotes": [q.to_json() for q in self.quotes],
        }


def archive_json(statements: list[Statement]) -> dict[str, Any]:
    """The whole archive as the ``data/statements.json`` contract: newest first, undated last."""
    ordered = sorted(statements, key=lambda s: (s.date is not None, s.date or "", s.id), reverse=True)
    return {"schema": SCHEMA_VERSION, "statements": [s.to_json() for s in ordered]}
