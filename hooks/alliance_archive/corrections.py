"""Editors' corrections: a YAML file beside a seed (``seeds/NAME.yml`` for ``seeds/NAME.txt``).

Any record field can be set there without touching the article text; the value set wins over
extraction and is marked as set by an editor. An unknown field, an unknown theme or a malformed date
is an error that names the seed and the field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from .dates import parse_iso
from .read import SeedError

FIELDS = frozenset(
    {
        "title", "slug", "date", "date_range", "speakers", "mentioned", "themes", "places", "publisher",
        "same_event",
    }
)  # fmt: skip
COUNTRIES = ("US", "JP", "KR", "other")


class _TextDatesLoader(yaml.SafeLoader):
    """Safe YAML that leaves dates as the text the editor typed, so a bad date is reported by field."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def corrections_path(seed_path: Path) -> Path:
    return seed_path.with_suffix(".yml")


def load(seed_path: Path, theme_ids: set[str]) -> dict[str, Any]:
    """The validated corrections for a seed ({} when it has none)."""
    path = corrections_path(seed_path)
    if not path.is_file():
        return {}
    where = f"correction file {path.name}"
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TextDatesLoader)
    except yaml.YAMLError as exc:
        raise SeedError(f"{where} is not valid YAML ({exc.__class__.__name__})") from exc
    except UnicodeDecodeError as exc:
        raise SeedError(f"{where} is not UTF-8 text") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SeedError(f"{where} must be a mapping of field: value")
    return validate(data, theme_ids, where)


def validate(data: dict[str, Any], theme_ids: set[str], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in FIELDS:
            raise SeedError(f"{where}: unknown field {key!r} (fields: {', '.join(sorted(FIELDS))})")
        if key in ("title", "slug", "publisher"):
            if value is not None and not isinstance(value, str):
                raise SeedError(f"{where}: field {key!r} must be text")
            out[key] = value
        elif key == "date":
            if value is None:
                out[key] = None
                continue
            text = value.isoformat() if isinstance(value, dt.date) else str(value)
            try:
                parse_iso(text)
            except ValueError as exc:
                raise SeedError(f"{where}: field 'date': {exc}") from exc
            out[key] = text
        elif key == "date_range":
            if value is None:
                out[key] = None
                continue
            if not isinstance(value, dict) or set(value) - {"earliest", "latest", "basis"}:
                raise SeedError(f"{where}: field 'date_range' needs earliest, latest and basis")
            rng = {}
            for part in ("earliest", "latest"):
                raw = value.get(part)
                text = raw.isoformat() if isinstance(raw, dt.date) else str(raw)
                try:
                    parse_iso(text)
                except ValueError as exc:
                    raise SeedError(f"{where}: field 'date_range.{part}': {exc}") from exc
                rng[part] = text
            rng["basis"] = str(value.get("basis") or "set by an editor")
            out[key] = rng
        elif key == "themes":
            if not isinstance(value, list):
                raise SeedError(f"{where}: field 'themes' must be a list of theme ids")
            for tid in value:
                if tid not in theme_ids:
                    raise SeedError(f"{where}: field 'themes': unknown theme {tid!r}")
            out[key] = [str(t) for t in value]
        elif key == "places":
            if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
                raise SeedError(f"{where}: field 'places' must be a list of place names")
            out[key] = value
        elif key in ("speakers", "mentioned"):
            if not isinstance(value, list):
                raise SeedError(f"{where}: field {key!r} must be a list of people")
            people = []
            for item in value:
                if isinstance(item, str):
                    people.append({"name": item})
                elif isinstance(item, dict) and isinstance(item.get("name"), str):
                    extra = set(item) - {"name", "role", "country"}
                    if extra:
                        raise SeedError(f"{where}: field {key!r}: unknown key {sorted(extra)[0]!r}")
                    if "country" in item and item["country"] not in COUNTRIES:
                        raise SeedError(
                            f"{where}: field {key!r}: country must be one of {', '.join(COUNTRIES)}"
                        )
                    people.append({k: str(v) for k, v in item.items()})
                else:
                    raise SeedError(f"{where}: field {key!r}: each person needs a name")
            out[key] = people
        elif key == "same_event":
            out[key] = _same_event(value, where)
    return out


def _same_event(value: object, where: str) -> dict[str, list[str]]:
    """``same_event: {add: [...], remove: [...]}``: other statements by id or seed file name."""
    if not isinstance(value, dict) or not value or set(value) - {"add", "remove"}:
        raise SeedError(f"{where}: field 'same_event' needs add and/or remove, each a list of statements")
    out: dict[str, list[str]] = {}
    for action, names in value.items():
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise SeedError(
                f"{where}: field 'same_event.{action}' must be a list of statement ids or seed file names"
            )
        out[action] = [n.strip() for n in names]
    return out
