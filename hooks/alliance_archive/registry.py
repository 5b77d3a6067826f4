"""The officials registry (``data/officials/*.yml``) and the offices it refers to (``data/offices.yml``).

A site adds or corrects officials in a registry file of its editors' own, ``seeds/officials.yml``, in the
same format; it is validated like a correction file and merged over the package's registry.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .read import SeedError
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


@lru_cache(maxsize=1 << 16)  # the same names are keyed over and over as a text is read
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


SITE_FILE = "officials.yml"
_ENTRY_KEYS = frozenset({"name", "country", "aliases", "roles", "disambiguation"})
_ROLE_KEYS = frozenset({"office", "title", "start", "end"})


class RegistryError(SeedError):
    """The site's registry file cannot be used; the message names the file, the entry and the field."""


def load_site(seeds_dir: Path, offices: dict[str, Any]) -> list[dict[str, Any]]:
    """The validated entries of ``seeds/officials.yml`` ([] when the site has none)."""
    path = seeds_dir / SITE_FILE
    if not path.is_file():
        return []
    where = f"site registry file {path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        raise RegistryError(f"{where} is not valid YAML ({exc.__class__.__name__})") from exc
    except UnicodeDecodeError as exc:
        raise RegistryError(f"{where} is not UTF-8 text") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise RegistryError(f"{where} must be a list of officials (each starting with '- name: ...')")
    return [_valid_entry(entry, n, where, offices) for n, entry in enumerate(data, 1)]


def _valid_entry(entry: Any, n: int, where: str, offices: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise RegistryError(f"{where}: entry {n} needs a field 'name' with the official's name")
    at = f"{where}: entry {n} ({entry['name']})"
    extra = set(entry) - _ENTRY_KEYS
    if extra:
        raise RegistryError(
            f"{at}: unknown field {sorted(extra)[0]!r} (fields: {', '.join(sorted(_ENTRY_KEYS))})"
        )
    out: dict[str, Any] = {"name": entry["name"].strip()}
    if "country" in entry:
        if entry["country"] not in COUNTRY_ORDER:
            raise RegistryError(f"{at}: field 'country' must be one of {', '.join(COUNTRY_ORDER)}")
        out["country"] = entry["country"]
    if "aliases" in entry:
        aliases = entry["aliases"] or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise RegistryError(f"{at}: field 'aliases' must be a list of names")
        out["aliases"] = aliases
    if "disambiguation" in entry:
        out["disambiguation"] = str(entry["disambiguation"])
    if "roles" in entry:
        roles = entry["roles"]
        if not isinstance(roles, list) or not roles:
            raise RegistryError(f"{at}: field 'roles' must be a list of roles, each with a start date")
        out["roles"] = [_valid_role(role, f"{at}: role {k}", offices) for k, role in enumerate(roles, 1)]
    return out


def _valid_role(role: Any, at: str, offices: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(role, dict):
        raise RegistryError(f"{at} must be a mapping with office or title, start and end")
    extra = set(role) - _ROLE_KEYS
    if extra:
        raise RegistryError(
            f"{at}: unknown field {sorted(extra)[0]!r} (fields: {', '.join(sorted(_ROLE_KEYS))})"
        )
    office, title = role.get("office"), role.get("title")
    if office is not None and office not in offices:
        raise RegistryError(f"{at}: field 'office': unknown office {office!r} (see data/offices.yml)")
    if office is None and not (isinstance(title, str) and title.strip()):
        raise RegistryError(f"{at} needs a field 'office' (an id of data/offices.yml) or 'title'")
    out: dict[str, Any] = {"office": office, "title": title}
    for key in ("start", "end"):
        value = role.get(key)
        if value is None:
            if key == "start":
                raise RegistryError(f"{at}: field 'start' is missing (the date the role began, YYYY-MM-DD)")
            out[key] = None
            continue
        try:
            out[key] = _date(value)
        except ValueError as exc:
            raise RegistryError(f"{at}: field {key!r}: {value!r} is not a date (YYYY-MM-DD)") from exc
    if out["end"] is not None and out["end"] < out["start"]:
        raise RegistryError(f"{at}: field 'end' is before 'start'")
    return out


def merge(package: list[dict[str, Any]], site: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The package's officials with the site's entries over them. A site entry naming a package official
    (by name or alias) corrects it: its country and roles replace the package's, its aliases are added,
    and its name becomes the one shown (the old one stays an alias). Any other entry adds an official,
    which needs a country and roles."""
    people = [dict(p) for p in package]
    for entry in site:
        keys = name_variants(entry["name"], entry.get("country", "other"))
        match = next(
            (p for p in people if any(name_key(s) in keys for s in (p["name"], *(p.get("aliases") or [])))),
            None,
        )
        if match is None:
            missing = [f for f in ("country", "roles") if f not in entry]
            if missing:
                raise RegistryError(
                    f"site registry file {SITE_FILE}: entry {entry['name']!r} is not in the archive's "
                    f"registry, so it needs the field {missing[0]!r}"
                )
            people.append(dict(entry))
            continue
        aliases = [a for a in match.get("aliases") or [] if name_key(a) != name_key(entry["name"])]
        if match["name"] != entry["name"] and match["name"] not in aliases:
            aliases.append(match["name"])
        aliases += [a for a in entry.get("aliases", []) if a not in aliases and a != entry["name"]]
        match.update({k: v for k, v in entry.items() if k != "aliases"})
        match["aliases"] = aliases
    return people


@cache
def registry(seeds_dir: Path | None = None) -> Registry:
    """The package's registry, with the site's own ``officials.yml`` merged over it when a seeds folder
    is given (raises :class:`RegistryError` if that file cannot be used)."""
    offices, people = load_raw()
    if seeds_dir is not None:
        people = merge(people, load_site(seeds_dir, offices))
    return parse_registry(offices, people)
