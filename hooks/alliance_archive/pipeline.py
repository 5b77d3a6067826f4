"""The orchestrator: seeds folder in, statement records out. Steps read top to bottom."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from . import corrections, workers
from .cache import Store, open_store
from .clean import Cleaned, clean
from .extract import Extracted, extract, themes
from .read import Seed, SeedError, list_seeds, read_seed
from .record import DateRange, Person, Statement
from .registry import SITE_FILE, Registry, RegistryError, registry
from .textutil import md_escape, paragraphs, slugify

DEFAULT_SEED_TIME_BUDGET_S = 10.0


@dataclass
class Archive:
    statements: list[Statement] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (seed file, what is wrong)
    cached: int = 0  # how many records came from the record cache
    reg: Registry | None = None  # the registry the records were made with (the editors' file merged in)


def reset() -> None:
    """Forget the data files read so far (vocabularies, themes, places, registry), so a long-running
    ``mkdocs serve`` picks up an editor's change to them on the next build."""
    from . import clean, extract, people
    from . import registry as registry_module

    for cached in (
        clean.vocabulary,
        clean.chrome_kind,
        extract.themes,
        extract.gazetteer,
        extract._combined,
        extract._place_pattern,
        extract._theme_patterns,
        registry_module.registry,
        people.lexicon,
        people._publisher_patterns,
    ):
        cached.cache_clear()


_SIGNATURE: dict[str, tuple[tuple[str, int, int], ...]] = {}


def refresh(seeds_dir: Path) -> bool:
    """Forget the data files (``reset``) only where one of them changed since the last call: the
    package's data files and the editors' ``seeds/officials.yml``, by size and modification time.
    A ``mkdocs serve`` rebuild after an edit to a seed then reads none of them again. True when reset."""
    files = sorted(resources.files(__package__).joinpath("data").iterdir(), key=str)
    signature = []
    for path in [*files, seeds_dir / SITE_FILE]:
        try:
            stat = Path(str(path)).stat()
            signature.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            signature.append((str(path), -1, -1))
    key = str(seeds_dir.resolve())
    if _SIGNATURE.get(key) == tuple(signature) and len(_SIGNATURE) == 1:
        return False
    reset()
    _SIGNATURE.clear()
    _SIGNATURE[key] = tuple(signature)
    return True


def build_archive(
    seeds_dir: Path,
    reg: Registry | None = None,
    budget_s: float | None = DEFAULT_SEED_TIME_BUDGET_S,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    fork: bool = False,
) -> Archive:
    """Every seed in ``seeds_dir`` turned into a record; a seed that fails is reported, not fatal.

    With ``cache_dir``, a seed whose inputs are unchanged since a build stored it there is not built
    again (see ``cache``); the records are the same either way. The others are built in worker
    processes (``jobs`` of them, all cores by default; 0 builds them in this process; forked from this
    one with ``fork``, else started anew: see ``workers``), and one whose processing runs past
    ``budget_s`` seconds is stopped and reported with the stage it was in.
    """
    return begin(seeds_dir, reg, budget_s, jobs, cache_dir, fork).finish()


def begin(
    seeds_dir: Path,
    reg: Registry | None = None,
    budget_s: float | None = DEFAULT_SEED_TIME_BUDGET_S,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    fork: bool = False,
    start: bool = False,
) -> Begun:
    """``build_archive`` up to its workers, which ``Begun.finish`` gives the seeds to.

    With ``start`` and nothing in the record cache (a first build, where every seed is built), the
    workers are started here, and load their data files and models while this process reads the
    cache and, in a build, while MkDocs goes on setting up until it asks for the records."""
    started = time.perf_counter()
    archive = Archive()
    if reg is None:
        try:
            reg = registry(seeds_dir)  # with the editors' own seeds/officials.yml
        except RegistryError as exc:
            archive.problems.append((SITE_FILE, f"{exc}; the archive's own registry was used instead"))
            reg = registry()
    archive.reg = reg
    paths, refused = list_seeds(seeds_dir)
    for path, why in refused:
        archive.problems.append((path.name, why))
    store = open_store(cache_dir, seeds_dir)
    attempt = functools.partial(build_or_problem, reg=reg, seeds_dir=seeds_dir)
    begun = Begun(archive, reg, paths, store, attempt, budget_s, jobs, "fork" if fork else "spawn")
    if start and store.empty:
        begun.start_workers(paths)
    try:
        with _collector_paused():  # thousands of records unpickled: no cycles to collect among them
            begun.built = {path: record for path in paths if (record := store.get(path)) is not None}
    except BaseException:
        begun.close()  # no one else holds the workers yet
        raise
    begun.seconds = time.perf_counter() - started
    return begun


@dataclass
class Begun:
    """The records of a build begun (``begin``): the seeds, the record cache, and whatever workers
    were started already."""

    archive: Archive
    reg: Registry
    paths: list[Path]
    store: Store
    attempt: functools.partial[Statement | str]
    budget_s: float | None
    jobs: int | None
    start_method: workers.StartMethod
    built: dict[Path, Statement] = field(default_factory=dict)
    pool: workers.Pool[Statement | str] | None = None
    seconds: float = 0.0  # the time ``begin`` took

    def start_workers(self, todo: list[Path]) -> None:
        jobs = workers.jobs_for([_size(p) for p in todo], self.budget_s) if self.jobs is None else self.jobs
        if jobs <= 0 or not todo:
            return
        pool = workers.Pool(
            self.attempt, self.budget_s, jobs, functools.partial(warm_up, self.reg), self.start_method
        )
        try:
            pool.start(len(todo))
        except workers.PoolError:
            pool.close()  # ``finish`` goes the way it would have without it
            return
        self.pool = pool

    def close(self) -> None:
        """End the workers started, where the build ends before ``finish`` (it failed elsewhere)."""
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def finish(self) -> Archive:
        """Every seed not in the record cache built, and the records in the order of the seeds."""
        archive, built, store = self.archive, self.built, self.store
        todo = [path for path in self.paths if path not in built]
        if self.pool is None and todo:
            self.start_workers(todo)
        outcomes: list[Statement | str | workers.Stopped] | None = None
        if self.pool is not None:
            try:
                outcomes = self.pool.run(todo)
            except workers.PoolError:
                pass  # no worker processes here (an interpreter without a main module file, a sandbox)
            finally:
                self.close()
        if outcomes is None:  # built in this process, which is what a small archive does anyway
            outcomes = workers.run_all(todo, self.attempt, self.budget_s, 0)
        for path, outcome in zip(todo, outcomes, strict=True):
            if isinstance(outcome, Statement):
                built[path] = outcome
                store.put(path, outcome)
            elif isinstance(outcome, workers.Stopped):
                archive.problems.append((path.name, _stopped(outcome, self.budget_s)))
            else:
                archive.problems.append((path.name, outcome))
        store.close(keep={path.name for path in self.paths})
        archive.cached, archive.statements = store.hits, [built[p] for p in self.paths if p in built]
        assign_ids(archive.statements)
        return archive


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a while: unpickling many records allocates many objects, and
    in a large process (``mkdocs serve`` after a build) each collection it sets off walks the whole
    heap, which made reading 1,000 cached records take twice as long."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _stopped(stopped: workers.Stopped, budget_s: float | None) -> str:
    if stopped.reason == "budget":
        return (
            f"stopped in the {stopped.stage} stage: processing ran past the time budget of {budget_s:g} s "
            "per seed (extra: archive: seed_time_budget in mkdocs.yml)"
        )
    if stopped.reason == "died":
        return f"stopped in the {stopped.stage} stage: the process building it ended (out of memory?)"
    return f"internal error in the {stopped.stage} stage ({stopped.reason}); please report it"


def build_or_problem(path: Path, reg: Registry, seeds_dir: Path | None = None) -> Statement | str:
    """One seed's record, or what is wrong with the seed (a fault of the archive's is reported too)."""
    try:
        return build_statement(path, reg, seeds_dir)
    except SeedError as exc:
        return str(exc)
    except Exception as exc:  # a fault of the archive's, not the editor's: report it, build the rest
        return f"internal error while building it ({exc.__class__.__name__}: {exc}); please report it"


_WARM_UP_LINES = [
    "Allies Meet for Talks",
    "",
    "TOKYO, May 2, 2022",
    "",
    "Secretary of State Antony Blinken said the alliance remains the cornerstone of peace in the region.",
    "Menteri Luar Negeri bertemu dengan rakan sejawatnya di ibu kota",
]


def warm_up(reg: Registry) -> None:
    """Load the data files and the language models once (in a new worker, before any budget runs)."""
    extract(clean(_WARM_UP_LINES), reg)


def build_statement(path: Path, reg: Registry, seeds_dir: Path | None = None) -> Statement:
    """One seed file to one record: read, clean, extract, apply the editor's corrections."""
    workers.stage("read")
    seed = read_seed(path)
    workers.stage("corrections")
    fixes = corrections.load(path, set(themes()))
    workers.stage("clean")
    cleaned = clean(seed.lines)
    workers.stage("extract")
    found = extract(cleaned, reg)
    workers.stage("render")
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
    """The kept blocks as Markdown; every character of seed text is escaped so it stays text.

    A block of more than a few thousand characters (a page whose line breaks were lost) goes on
    as further paragraphs, split at sentence boundaries, or at spaces where a sentence is huge."""
    out: list[str] = []
    for block in cleaned.blocks:
        first, *more = paragraphs(block.text)
        text = md_escape(first)
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
        out.extend(md_escape(part) for part in more)
    return "\n\n".join(out) + ("\n" if out else "")


def apply_corrections(statement: Statement, fixes: dict[str, Any], reg: Registry) -> None:
    """Editor-set values win over extraction and are recorded as set by an editor."""
    for key, value in fixes.items():
        if key == "same_event":  # links between statements, not a field of this record
            statement.same_event = value
            continue
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
