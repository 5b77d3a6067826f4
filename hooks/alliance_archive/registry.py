"""The officials registry (``data/officials/*.yml``) and the offices it refers to (``data/offices.yml``)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .textutil import slugify

COUNTRY_ORDER = ("US", "JP", "KR", "other")

# libyaml's safe loader reads the registry about seven times faster than the pure-Python one and
# gives the same data; the pure-Python loader stays as the fallback where PyYAML was built without it
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
COUNTRY_NAMES = {"US": "United States", "JP": "Japan", "KR": "Republic of Korea", "other": "Other"}


@dataclass(frozen=True)
class Office:
    id: str
    title: str
    country: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    office: str | None
    title: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Official:
    name: str
    country: str
    aliases: tuple[str, ...]
    terms: tuple[Term, ...]

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def family_name(self) -> str:
        parts = self.name.split()
        # Korean names are written family name first; others family name last.
        return parts[0] if self.country == "KR" else parts[-1]

    def term_at(self, day: dt.date) -> Term | None:
        for term in self.terms:
            if term.covers(day):
                return term
        return None


def name_key(name: str) -> str:
    """A spelling-tolerant key: no accents, case, periods, apostrophes or hyphens; initials dropped."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = text.replace("'", "").replace("\u2019", "").casefold()
    toks = [t for t in re.split(r"[\s.\-,]+", text) if t]
    toks = [t for t in toks if len(t) > 1 and t not in ("jr", "sr", "ii", "iii")]
    return " ".join(toks)


def name_variants(name: str, country: str) -> set[str]:
    """Keys a text may use for ``name``: as written, hyphen-joined syllables, family name moved."""
    base = name_key(name)
    keys = {base}
    parts = name.split()
    if country in ("JP", "KR", "other") and len(parts) >= 2:
        keys.add(name_key(" ".join([*parts[1:], parts[0]])))
        keys.add(name_key(" ".join([parts[-1], *parts[:-1]])))
    if "-" in name:
        keys.add(name_key(name.replace("-", "")))
        joined = " ".join(p.replace("-", "") for p in parts)
        keys.add(name_key(joined))
        if country in ("JP", "KR", "other") and len(parts) >= 2:
            keys.add(name_key(" ".join([*[p.replace("-", "") for p in parts[1:]], parts[0]])))
    return keys


class Registry:
    """Officials with their terms, looked up by any spelling or by family name and office."""

    def __init__(self, offices: dict[str, Office], officials: list[Official]) -> None:
        self.offices = offices
        self.officials = officials
        self.by_key: dict[str, list[Official]] = {}
        self.by_family: dict[str, list[Official]] = {}
        for person in officials:
            for spelling in (person.name, *person.aliases):
                for key in name_variants(spelling, person.country):
                    bucket = self.by_key.setdefault(key, [])
                    if person not in bucket:
                        bucket.append(person)
            fam = name_key(person.family_name)
            self.by_family.setdefault(fam, []).append(person)
            for alias in person.aliases:
                parts = alias.split()
                if len(parts) >= 2:
                    alt = parts[0] if person.country == "KR" else parts[-1]
                    if person not in self.by_family.setdefault(name_key(alt), []):
                        self.by_family[name_key(alt)].append(person)

    def lookup(self, name: str) -> list[Official]:
        return list(self.by_key.get(name_key(name), []))


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def parse_registry(offices_raw: dict[str, Any], people_raw: list[dict[str, Any]]) -> Registry:
    offices = {
        oid: Office(oid, spec["title"], spec["country"], tuple(spec.get("patterns", [])))
        for oid, spec in offices_raw.items()
    }
    officials = []
    for entry in people_raw:
        terms = []
        for role in entry.get("roles", []):
            office = role.get("office")
            title = role.get("title") or (offices[office].title if office in offices else "")
            start = _date(role.get("start"))
            if start is None:
                raise ValueError(f"{entry['name']}: a role has no start date")
            terms.append(Term(office, title, start, _date(role.get("end"))))
        officials.append(
            Official(
                name=entry["name"],
                country=entry["country"],
                aliases=tuple(entry.get("aliases") or ()),
                terms=tuple(sorted(terms, key=lambda t: t.start)),
            )
        )
    return Registry(offices, officials)


def load_yaml(text: str) -> Any:
    """Safe YAML (no tags, no objects) through libyaml when PyYAML has it."""
    return yaml.load(text, Loader=_SafeLoader)


def load_raw() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    data = resources.files(__package__).joinpath("data")
    offices = load_yaml(data.joinpath("offices.yml").read_text(encoding="utf-8"))
    people: list[dict[str, Any]] = []
    folder = data.joinpath("officials")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yml"):
            people.extend(load_yaml(item.read_text(encoding="utf-8")) or [])
    return offices, people


@cache
def registry() -> Registry:
    return parse_registry(*load_raw())
