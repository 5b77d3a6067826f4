"""Editors' review: the seeds whose fields are least certain, worst first, with what to write.

Each record's evidence carries a confidence (see :class:`~alliance_archive.record.Evidence`). A field
set by an editor in a correction file is certain; every other field whose evidence is below
:data:`THRESHOLD` is listed with the evidence, the doubt and the correction line that would fix it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .record import Statement

# below this confidence a field is worth an editor's look
THRESHOLD = 0.85
# the fields a confidence is kept for, and the correction key that sets each
CORRECTION_KEYS = {
    "title": "title",
    "date": "date",
    "date_range": "date",
    "speaker": "speakers",
    "places": "places",
}


@dataclass(frozen=True)
class Doubt:
    field: str
    value: str
    confidence: float
    doubt: str
    line: int
    evidence: str
    correction: str


@dataclass(frozen=True)
class SeedReview:
    statement: Statement
    doubts: list[Doubt]

    @property
    def confidence(self) -> float:
        return min((d.confidence for d in self.doubts), default=1.0)

    @property
    def correction_file(self) -> str:
        return f"seeds/{self.statement.seed_name.rsplit('.', 1)[0]}.yml"


def _yaml_line(key: str, value: object) -> str:
    """``key: value`` as one line of a correction file (JSON's quoting is valid YAML)."""
    return f"{key}: {json.dumps(value, ensure_ascii=False)}"


def _correction(statement: Statement, field: str) -> str:
    key = CORRECTION_KEYS[field]
    if key == "title":
        return _yaml_line("title", statement.title)
    if key == "date":
        return _yaml_line("date", statement.date or "YYYY-MM-DD")
    if key == "speakers":
        return _yaml_line("speakers", [p.to_json() for p in statement.speakers])
    return _yaml_line("places", list(statement.places))


def doubts(statement: Statement, threshold: float = THRESHOLD) -> list[Doubt]:
    """The fields of one record whose evidence is below ``threshold`` (fields an editor set are sure)."""
    out = []
    set_by_editor = set(statement.overridden)
    for ev in statement.evidence:
        if ev.field not in CORRECTION_KEYS or ev.confidence >= threshold:
            continue
        if CORRECTION_KEYS[ev.field] in set_by_editor:
            continue
        out.append(
            Doubt(
                field=ev.field,
                value=ev.value,
                confidence=ev.confidence,
                doubt=ev.doubt,
                line=ev.line,
                evidence=ev.text,
                correction=_correction(statement, ev.field),
            )
        )
    return sorted(out, key=lambda d: d.confidence)


def review(statements: list[Statement], threshold: float = THRESHOLD) -> list[SeedReview]:
    """Every seed with a doubtful field, the least certain first."""
    reviews = [SeedReview(s, doubts(s, threshold)) for s in statements]
    reviews = [r for r in reviews if r.doubts]
    return sorted(reviews, key=lambda r: (r.confidence, r.statement.seed_name))


def as_text(reviews: list[SeedReview]) -> str:
    if not reviews:
        return "Every field of every seed is certain enough; nothing to review.\n"
    lines: list[str] = []
    for r in reviews:
        s = r.statement
        lines.append(f"{s.source_file}  (lowest confidence {r.confidence:.2f})  {s.title[:80]}")
        for d in r.doubts:
            where = f"line {d.line}" if d.line else "text"
            lines.append(f"  {d.field:<10} {d.value[:40]!s:<40} {d.confidence:.2f}  {d.doubt}")
            lines.append(f"             evidence ({where}): {d.evidence[:140]}")
            lines.append(f"             to correct it, write in {r.correction_file}:  {d.correction}")
        lines.append("")
    return "\n".join(lines)


def page(reviews: list[SeedReview], threshold: float = THRESHOLD) -> str:
    """The editors' Review page (Markdown), shown by the live preview only."""
    from .render import render

    return render("review.md.jinja", reviews=reviews, threshold=threshold)
