"""The orchestrator: seeds folder in, statement records out. Steps read top to bottom."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import corrections
from .cache import open_store
from .clean import Cleaned, clean
from .extract import Extracted, extract, themes
from .read import Seed, SeedError, list_seeds, read_seed
from .record import DateRange, Person, Statement
from .registry import Registry, registry
from .textutil import md_escape, slugify


@dataclass
class Archive:
    statements: list[Statement] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (seed file, what is wrong)
    cached: int = 0  # how many records came from the record cache


def reset() -> None:
    """Forget the data files read so far (vocabularies, themes, places, registry), so a long-running
    ``mkdocs serve`` picks up an editor's change to them on the next build."""
    from . import clean, extract
    from . import registry as registry_module

    for cached in (
        clean.vocabulary,
        extract.themes,
        extract.gazetteer,
        extract._combined,
        registry_module.registry,
    ):
        cached.cache_clear()


def build_archive(seeds_dir: Path, reg: Registry | None = None, cache_dir: Path | None = None) -> Archive:
    """Every seed in ``seeds_dir`` turned into a record; a seed that fails is reported, not fatal.

    With ``cache_dir``, a seed whose inputs are unchanged since a build stored it there is not built
    again (see ``cache``); the records are the same either way.
    """
    reg = reg or registry()
    archive = Archive()
    paths, refused = list_seeds(seeds_dir)
    for path, why in refused:
        archive.problems.append((path.name, why))
    store = open_store(cache_dir)
    built = {path: record for path in paths if (record := store.get(path)) is not None}
    for path in paths:
        if path in built:
            continue
        try:
            built[path] = build_statement(path, reg, seeds_dir)
            store.put(path, built[path])
        except SeedError as exc:
            archive.problems.append((path.name, str(exc)))
        except Exception as exc:  # a fault of the archive's, not the editor's: report it, build the rest
            archive.problems.append(
                (
                    path.name,
                    f"internal error while building it ({exc.__class__.__name__}: {exc}); please report it",
                )
            )
    store.close(keep={path.name for path in paths})
    archive.cached, archive.statements = store.hits, [built[p] for p in paths if p in built]
    assign_ids(archive.statements)
    return archive


def build_statement(path: Path, reg: Registry, seeds_dir: Path | None = None) -> Statement:
    """One seed file to one record: read, clean, extract, apply the editor's corrections."""
    seed = read_seed(path)
    fixes = corrections.load(path, set(themes()))
    cleaned = clean(seed.lines)
    found = extract(cleaned, reg)
    rel = f"seeds/{path.name}"
    statement = Statement(
        id="",
        title=cleaned.title or path.stem,
        date=found.date,
        date_basis=found.date_basis,  # type: ignore[arg-type]
        date_range=found.date_range,
        speakers=found.speakers,
        mentioned=found.mentioned,
        themes=found.themes,
        places=found.places,
        publisher=found.publisher,
        source_file=rel,
        source_sha256=seed.sha256,
        text=render_text(cleaned),
        removed=cleaned.removed,
        quotes=found.quotes,
        theme_evidence=found.theme_evidence,
        evidence=found.evidence,
        seed_name=seed.name,
        summary=_opening(cleaned),
    )
    apply_corrections(statement, fixes, reg)
    return statement


def _opening(cleaned: Cleaned, length: int = 600) -> str:
    """The article's first paragraphs as plain text (for feeds), about ``length`` characters."""
    parts: list[str] = []
    for block in cleaned.blocks:
        if block.kind == "caption":
            continue
        parts.append(block.text)
        if sum(len(p) for p in parts) >= length:
            break
    return "\n\n".join(parts)


def render_text(cleaned: Cleaned) -> str:
    """The kept blocks as Markdown; every character of seed text is escaped so it stays text."""
    out: list[str] = []
    for block in cleaned.blocks:
        text = md_escape(block.text)
        if block.kind == "heading":
            out.append(f"## {text}")
        elif block.kind == "bullet":
            out.append(f"- {text}")
        elif block.kind == "numbered":
            out.append(f"{block.label}. {text}")
        elif block.kind == "turn":
            out.append(f"**{md_escape(block.label)}:** {text}")
        elif block.kind == "caption":
            out.append(f'<p class="aa-caption" markdown="span">{text}</p>')
        else:
            out.append(text)
    return "\n\n".join(out) + ("\n" if out else "")


def apply_corrections(statement: Statement, fixes: dict[str, Any], reg: Registry) -> None:
    """Editor-set values win over extraction and are recorded as set by an editor."""
    for key, value in fixes.items():
        if key == "slug":
            statement.overridden.append("slug")
            continue
        if key == "date":
            statement.date = value
            statement.date_basis = "override" if value else "none"
            statement.date_range = None if value else statement.date_range
        elif key == "date_range":
            statement.date_range = DateRange(**value) if value else None
        elif key in ("speakers", "mentioned"):
            day = dt.date.fromisoformat(statement.date) if statement.date else None
            setattr(statement, key, [_person_from(p, reg, day) for p in value])
        else:
            setattr(statement, key, value)
        statement.overridden.append(key)
    if fixes.get("slug"):
        statement.id = slugify(fixes["slug"])


def _person_from(item: dict[str, str], reg: Registry, day: dt.date | None) -> Person:
    name = item["name"]
    known = reg.lookup(name)
    official = known[0] if known else None
    role = item.get("role")
    if role is None and official is not None:
        term = official.term_at(day) if day else None
        role = term.title if term else (official.terms[-1].title if official.terms else "")
    country = item.get("country") or (official.country if official else "other")
    return Person(official.name if official else name, role or "", country)  # type: ignore[arg-type]


def assign_ids(statements: list[Statement]) -> None:
    """Slugs from titles; where titles clash the date is added, then a counter. Pinned slugs stay."""
    taken: set[str] = {s.id for s in statements if s.id}
    by_base: dict[str, list[Statement]] = {}
    for s in statements:
        if not s.id:
            by_base.setdefault(slugify(s.title), []).append(s)
    for base, group in sorted(by_base.items()):
        group.sort(key=lambda s: (s.date or "", s.seed_name))
        for s in group:
            candidate = base if len(group) == 1 and base not in taken else f"{base}-{s.date or 'undated'}"
            n = 2
            unique = candidate
            while unique in taken:
                unique = f"{candidate}-{n}"
                n += 1
            s.id = unique
            taken.add(unique)


__all__ = ["Archive", "Extracted", "Seed", "build_archive", "build_statement"]
