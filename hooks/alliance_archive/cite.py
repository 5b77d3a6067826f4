"""How to cite a statement: a Chicago notes-style citation, BibTeX, CSL-JSON and the ``citation_*``
meta tags that reference managers (Zotero, Google Scholar) read from a page's head.

Every function takes the record and the page's absolute URL and returns plain text; the templates
escape it for where it goes (Markdown, HTML attributes). BibTeX escapes its own special characters.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from .record import Person, Statement

ARCHIVE = "Alliance Archive"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Name:
    given: str
    family: str


def split_name(person: Person) -> Name:
    """Given and family name: Korean names are written family name first, the others family name last."""
    parts = person.name.split()
    if len(parts) < 2:
        return Name("", person.name)
    if person.country == "KR":
        return Name(" ".join(parts[1:]), parts[0])
    return Name(" ".join(parts[:-1]), parts[-1])


def _day(s: Statement) -> dt.date | None:
    return dt.date.fromisoformat(s.date) if s.date else None


def _authors_in_prose(people: list[Person]) -> str:
    """Chicago notes: up to three authors by name ("A, B, and C"), more as "A et al."."""
    names = [p.name for p in people]
    if len(names) > 3:
        return f"{names[0]} et al."
    if len(names) == 3:
        return f"{names[0]}, {names[1]}, and {names[2]}"
    return " and ".join(names)


def chicago(s: Statement, url: str, archive: str = ARCHIVE) -> str:
    """A Chicago notes-style citation (17th ed., web page): Author, "Title," Publisher, Month D, YYYY, …"""
    day = _day(s)
    when = f"{day:%B} {day.day}, {day.year}" if day else "n.d."
    title = s.title.strip().rstrip(".,")
    head = f"\u201c{title},\u201d"
    if s.speakers:
        head = f"{_authors_in_prose(s.speakers)}, {head}"
    tail = [p for p in (s.publisher, when, f"in {archive}", url) if p]
    return f"{head} {', '.join(tail)}."


_BIB_SPECIAL = re.compile(r"([\\{}&%$#_^~])")
_BIB_REPLACE = {"\\": r"\textbackslash{}", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}


def bib_escape(text: str) -> str:
    """Text as a BibTeX field value: special characters escaped, braces balanced by construction."""
    text = re.sub(r"\s+", " ", text).strip()
    return _BIB_SPECIAL.sub(lambda m: _BIB_REPLACE.get(m.group(1), "\\" + m.group(1)), text)


def bibtex_key(s: Statement) -> str:
    first = split_name(s.speakers[0]).family if s.speakers else "statement"
    key = re.sub(r"[^A-Za-z0-9]+", "", first.lower()) or "statement"
    return f"{key}{s.date[:4] if s.date else 'nd'}{re.sub(r'[^a-z0-9]+', '', s.id)[:24]}"


def bibtex(s: Statement, url: str, archive: str = ARCHIVE) -> str:
    """A BibTeX ``@misc`` entry (biblatex reads ``date`` too)."""
    fields: list[tuple[str, str]] = []
    if s.speakers:
        names = [split_name(p) for p in s.speakers]
        authors = " and ".join(
            f"{bib_escape(n.family)}, {bib_escape(n.given)}" if n.given else f"{{{bib_escape(n.family)}}}"
            for n in names
        )
        fields.append(("author", authors))
    # double braces keep the title's capitals (U.S., ROK) as written
    fields.append(("title", f"{{{bib_escape(s.title)}}}"))
    if s.publisher:
        fields.append(("howpublished", bib_escape(s.publisher)))
    day = _day(s)
    if day:
        fields.append(("year", str(day.year)))
        fields.append(("month", _MONTHS[day.month - 1]))
        fields.append(("date", day.isoformat()))
    fields.append(("url", url))
    fields.append(("note", bib_escape(f"{archive}, {s.url}")))
    lines = [f"@misc{{{bibtex_key(s)},"]
    for name, value in fields:
        # month abbreviations are BibTeX macros, left bare
        lines.append(f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def csl(s: Statement, url: str, archive: str = ARCHIVE) -> dict[str, object]:
    """The statement as one CSL-JSON item (the format Zotero, Mendeley and citeproc read)."""
    item: dict[str, object] = {"id": s.id, "type": "webpage", "title": s.title}
    if s.speakers:
        item["author"] = [
            {"family": n.family, "given": n.given} if n.given else {"literal": n.family}
            for n in (split_name(p) for p in s.speakers)
        ]
    if s.publisher:
        item["container-title"] = s.publisher
    day = _day(s)
    if day:
        item["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    item["URL"] = url
    item["archive"] = archive
    item["archive_location"] = s.url
    return item


def csl_json(s: Statement, url: str, archive: str = ARCHIVE) -> str:
    """CSL-JSON as a file holds it: a list of items."""
    return json.dumps([csl(s, url, archive)], ensure_ascii=False, indent=2) + "\n"


def meta_tags(s: Statement, url: str, archive: str = ARCHIVE) -> list[tuple[str, str]]:
    """``citation_*`` (Highwire Press) meta tags as (name, content) pairs, in the order they appear."""
    tags: list[tuple[str, str]] = [("citation_title", s.title)]
    tags += [("citation_author", p.name) for p in s.speakers]
    day = _day(s)
    if day:
        tags.append(("citation_publication_date", f"{day:%Y/%m/%d}"))
        tags.append(("citation_date", f"{day:%Y/%m/%d}"))
    if s.publisher:
        tags.append(("citation_publisher", s.publisher))
    tags.append(("citation_public_url", url))
    tags.append(("citation_language", "en"))
    return tags
