"""Other accounts of the same event: statements that report one meeting, call or summit.

Governments publish their own readouts of one meeting (a State Department readout, Japan's MOFA
overview, Korea's press release), and a leaders' joint statement comes with each side's remarks.
Two dated statements are linked when the evidence adds up (``THRESHOLD``) and nothing contradicts it:

- dates: the same day scores 3, one day apart 2 (readouts dated in different time zones), two or
  three days apart 1; further apart, never linked;
- participants (speakers and mentioned officials): one shared name scores 1, two or more 2; no
  shared name, never linked;
- place: a shared place scores 2; two stated places that differ rule the link out;
- meeting type, read from the title and opening of each text: the medium (telephone, video, in
  person) and the format (trilateral, bilateral) score 1 each when they agree and rule the link
  out when they differ.

So two calls by the same ministers three days apart, or a bilateral meeting and the trilateral one
the next day, stay apart. An editor confirms or removes a link in the seed's correction file
(``same_event: {add: [...], remove: [...]}``); a removal wins over a link from either side.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .record import Statement
from .textutil import normalize

WINDOW_DAYS = 3
THRESHOLD = 6

_MEDIA: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "video",
        re.compile(
            r"\bvideo ?(?:conference|call|link)|\bvideoconferenc|\bvirtual(?:ly)? (?:meeting|summit)", re.I
        ),
    ),
    ("telephone", re.compile(r"\b(?:tele)?phone\b|\bphone call|\bcall with\b|\bspoke by phone", re.I)),
    (
        "in person",
        re.compile(r"\bmeeting\b|\bmet\b|\bsummit\b|\btalks\b|\bvisit(?:ed)?\b|\bdialogue\b", re.I),
    ),
)
_TRILATERAL = re.compile(
    r"\btrilateral|\bthree-way\b|\b(?:three|3) (?:countries|nations|ministers|leaders|sides)\b", re.I
)
_BILATERAL = re.compile(r"\bbilateral\b", re.I)
_MAIN_COUNTRIES = {"US", "JP", "KR"}
_MEDIUM_WORDS = {"telephone": "a telephone call", "video": "a video conference", "in person": "a meeting"}


@dataclass(frozen=True)
class Link:
    """One statement's link to another account of the same event, with the evidence for it."""

    other: str  # the other statement's id
    evidence: tuple[str, ...]
    score: int
    confirmed: bool = False  # confirmed or added by an editor


@dataclass
class Events:
    links: dict[str, list[Link]] = field(default_factory=dict)  # statement id -> its links
    problems: list[tuple[str, str]] = field(default_factory=list)  # (seed file, what is wrong)


@dataclass(frozen=True)
class Kind:
    medium: str | None
    format: str | None


def meeting_kind(s: Statement) -> Kind:
    """The event's medium and format, as the title and the opening paragraph describe them."""
    text = f"{s.title}\n{s.summary[:600]}"
    medium = next((name for name, pattern in _MEDIA if pattern.search(text)), None)
    if _TRILATERAL.search(text):
        fmt: str | None = "trilateral"
    elif _BILATERAL.search(text):
        fmt = "bilateral"
    else:
        countries = {p.country for p in s.speakers + s.mentioned} & _MAIN_COUNTRIES
        fmt = "trilateral" if len(countries) == 3 else "bilateral" if len(countries) == 2 else None
    return Kind(medium, fmt)


def _people(s: Statement) -> list[str]:
    return [p.name for p in s.speakers + s.mentioned]


def _places(s: Statement) -> dict[str, str]:
    return {normalize(p): p for p in s.places}


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _day_label(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class _Features:
    """What the comparison reads from a statement, worked out once per statement."""

    day: dt.date
    people: frozenset[str]
    places: dict[str, str]
    kind: Kind


def _features(s: Statement) -> _Features | None:
    if not s.date:
        return None
    return _Features(dt.date.fromisoformat(s.date), frozenset(_people(s)), _places(s), meeting_kind(s))


def compare(a: Statement, b: Statement) -> tuple[int, tuple[str, ...]]:
    """The score for ``a`` and ``b`` reporting the same event and the evidence (score 0: never)."""
    fa, fb = _features(a), _features(b)
    if fa is None or fb is None:
        return 0, ()
    return _compare(fa, fb)


def _compare(a: _Features, b: _Features) -> tuple[int, tuple[str, ...]]:
    gap = abs((a.day - b.day).days)
    if gap > WINDOW_DAYS:
        return 0, ()
    shared = sorted(a.people & b.people)  # sorted: the evidence reads the same from both sides
    if not shared:
        return 0, ()
    same_places = [a.places[k] for k in a.places if k in b.places]
    if a.places and b.places and not same_places:
        return 0, ()
    kind_a, kind_b = a.kind, b.kind
    if kind_a.medium and kind_b.medium and kind_a.medium != kind_b.medium:
        return 0, ()
    if kind_a.format and kind_b.format and kind_a.format != kind_b.format:
        return 0, ()

    evidence: list[str] = []
    score = {0: 3, 1: 2}.get(gap, 1)
    if gap == 0:
        evidence.append(f"both dated {_day_label(a.day)}")
    else:
        first, last = sorted((a.day, b.day))
        days = "one day" if gap == 1 else f"{gap} days"
        evidence.append(f"dated {_day_label(first)} and {_day_label(last)} ({days} apart)")
    score += 2 if len(shared) >= 2 else 1
    evidence.append(f"both name {_names(shared)}")
    if same_places:
        score += 2
        evidence.append(f"both place it in {_names(same_places)}")
    if kind_a.medium and kind_a.medium == kind_b.medium:
        score += 1
        evidence.append(f"both report {_MEDIUM_WORDS[kind_a.medium]}")
    if kind_a.format and kind_a.format == kind_b.format:
        score += 1
        evidence.append(f"both describe a {kind_a.format} event")
    return score, tuple(evidence)


def _resolver(statements: list[Statement]) -> dict[str, Statement]:
    """An editor names another statement by its id (as in its address) or by its seed file."""
    names: dict[str, Statement] = {}
    for s in statements:
        stem = Path(s.source_file).stem
        names.setdefault(stem, s)
        names.setdefault(f"{stem}.txt", s)
    for s in statements:
        names[s.id] = s
    return names


def link_events(statements: list[Statement]) -> Events:
    """Every statement's links to other accounts of the same event, strongest first."""
    events = Events()
    pairs: dict[tuple[str, str], Link] = {}
    dated = [(s, f) for s in statements if (f := _features(s)) is not None]
    dated.sort(key=lambda sf: sf[1].day)
    for i, (a, fa) in enumerate(dated):
        for b, fb in dated[i + 1 :]:
            if (fb.day - fa.day).days > WINDOW_DAYS:
                break
            score, evidence = _compare(fa, fb)
            if score >= THRESHOLD:
                pairs[_key(a.id, b.id)] = Link("", evidence, score)

    # the editors' word: additions, then removals (a removal from either side wins)
    by_name = _resolver(statements)
    removed: set[tuple[str, str]] = set()
    for s in statements:
        for action in ("add", "remove"):
            for name in s.same_event.get(action, []):
                other = by_name.get(name)
                where = f"correction file {Path(s.source_file).stem}.yml"
                if other is None:
                    events.problems.append(
                        (s.seed_name, f"{where}: same_event.{action} names no statement {name!r}; ignored")
                    )
                    continue
                if other.id == s.id:
                    events.problems.append(
                        (s.seed_name, f"{where}: same_event.{action} names the statement itself; ignored")
                    )
                    continue
                key = _key(s.id, other.id)
                if action == "remove":
                    removed.add(key)
                else:
                    found = pairs.get(key)
                    if found is None:
                        score, evidence = compare(s, other)
                        found = Link("", evidence, score)
                    pairs[key] = Link("", found.evidence, found.score, confirmed=True)
    for key in removed:
        pairs.pop(key, None)

    for (x, y), link in pairs.items():
        events.links.setdefault(x, []).append(Link(y, link.evidence, link.score, link.confirmed))
        events.links.setdefault(y, []).append(Link(x, link.evidence, link.score, link.confirmed))
    for links in events.links.values():
        links.sort(key=lambda link: (-link.confirmed, -link.score, link.other))
    return events


def _key(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)
