"""Stage 3: read the record's fields from the cleaned text and the metadata lines cleaning set aside.

Each field keeps its evidence (the line and text that decided it), which the statement page and the
editor's ``inspect`` command show.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources
from typing import Any

from .clean import _BYLINE, Block, Cleaned, Drop
from .dates import FoundDate, find_dates, find_month_years, infer_year
from .document import has_address, is_caption
from .needles import Guarded, Prefilter, fold
from .people import (
    _COLLECTIVE,
    _COLLECTIVE_SUBJECT,
    _MEETING,
    _NOT_NAME,
    _PLACE_OR_ORG,
    _PRONOUN,
    _THEY_SAY,
    _VERB,
    NON_PERSON_LABELS,
    Found,
    Mention,
    PeopleFinder,
    mask_quotes,
    quoted_spans,
    role_for,
    small_words_lowered,
    terms_named,
)
from .record import DateRange, Evidence, Person, Quote
from .registry import Registry, load_yaml, registry
from .textutil import sentences, words

EARLIEST = dt.date(1990, 1, 1)
DATE_SOURCES = ("date", "read_time", "header", "byline", "doctype", "player_text", "above_title")


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    definition: str
    not_for: str
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]

    # worked out once per theme (the vocabulary is loaded once), not once per sentence searched
    @cached_property
    def any_unless(self) -> re.Pattern[str] | None:
        return _combined(self.unless) if self.unless else None


@cache
def _combined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One regex for a theme's exceptions: a sentence is searched once per theme, not once per pattern."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.I)


@cache
def themes() -> dict[str, Theme]:
    raw: dict[str, Any] = load_yaml(
        resources.files(__package__).joinpath("data/themes.yml").read_text(encoding="utf-8")
    )
    return {
        tid: Theme(
            id=tid,
            label=spec["label"],
            definition=spec["definition"],
            not_for=spec.get("not_for") or "",
            patterns=tuple(re.compile(p, re.I) for p in spec.get("patterns", [])),
            unless=tuple(re.compile(p, re.I) for p in spec.get("unless", [])),
        )
        for tid, spec in raw.items()
    }


@dataclass
class Extracted:
    date: str | None
    date_basis: str
    date_range: DateRange | None
    speakers: list[Person]
    mentioned: list[Person]
    themes: list[str]
    places: list[str]
    publisher: str | None
    quotes: list[Quote]
    theme_evidence: dict[str, str] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


# -- dates ---------------------------------------------------------------------------------------


def _full_dates(text: str) -> list[dt.date]:
    return [d for d in (f.to_date() for f in find_dates(text)) if d is not None]


def find_stated_date(cleaned: Cleaned) -> tuple[dt.date | None, Evidence | None]:
    """Publication date from the page header first (below the headline, then above it), then a
    dateline, a caption, the opening of a paragraph; a date inside a link address comes last."""
    # the header: lines removed as header furniture, and any removed line between the headline and
    # the article's first block whatever its kind (a date in a breadcrumb row: "17-016 | Aug. 30, 2017");
    # the headline's own line after those below it ("... Press Briefing (April 26, 2018)")
    first_block = min((b.line for b in cleaned.blocks), default=len(cleaned.drops) + cleaned.title_line + 1)
    header = sorted(
        (
            d
            for d in cleaned.drops
            if d.category in DATE_SOURCES
            or d.category in ("foreign", "link", "title", "navigation")
            or (cleaned.title_line < d.line < first_block and d.category != "related")
        ),
        key=lambda d: (d.line < cleaned.title_line, d.category == "title", d.line),
    )
    # a photo caption above the headline dates its photo: read after the article's own dateline
    pictured = [d for d in header if d.line < cleaned.title_line and is_caption(d.text, marked=True)]
    photos = {d.line for d in pictured}
    for drop in header:
        if has_address(drop.text) or drop.line in photos:
            continue
        days = _full_dates(drop.text)
        if days:
            return _header_date(days[0], drop, cleaned)
    paragraphs = [b for b in cleaned.blocks if b.kind in ("paragraph", "numbered", "bullet", "turn")]
    if paragraphs:
        first = paragraphs[0]
        opening = [f for f in find_dates(first.text[:80]) if f.to_date()]
        if opening and opening[0].start < 60:
            day = opening[0].to_date()
            assert day is not None
            return day, Evidence("date", day.isoformat(), first.line, first.text[:120])
        dated = _dateline_day(first.text, first.line, cleaned)
        if dated is not None:
            return dated
    for block in cleaned.blocks:
        if block.kind == "caption":
            days = _full_dates(block.text)
            if days:
                return days[0], Evidence("date", days[0].isoformat(), block.line, block.text)
    for drop in pictured:
        days = _full_dates(drop.text)
        if days:
            return _header_date(days[0], drop, cleaned)
    for drop in cleaned.drops:
        if drop.category in ("repeat", "teaser") and "caption" in drop.reason:
            days = _full_dates(drop.text)
            if days:
                return days[0], Evidence("date", days[0].isoformat(), drop.line, drop.text)
    # a label or a caption near the top that closes on its date ("Address to the Harbor Society,
    # November 27, 2013", "... in the East Room, April 30, 2012.")
    for block in cleaned.blocks[:LABEL_BLOCKS]:
        day = _closing_date(block.text)
        if day is not None and len(words(block.text)) <= LABEL_WORDS and not _EARLIER.search(block.text):
            return day, Evidence(
                "date", day.isoformat(), block.line, block.text[:160], 0.7, "date closing a line near the top"
            )
    # the event the opening reports: "... convened a trilateral meeting on November 12, 2023"
    for block in paragraphs[:2]:
        for sentence in cleaned.sentences(block.text)[:2]:
            if _EARLIER.search(sentence):
                continue
            for f in find_dates(sentence[:OPENING_CHARS])[:3]:
                day = f.to_date()
                before = sentence[max(0, f.start - 140) : f.start]
                after = sentence[f.end : f.end + 140]
                if day is not None and (
                    _ON_THE_DAY.search(before)
                    or (_ON_DAY_FIRST.search(before) and _THEN_THE_EVENT.search(after))
                ):
                    return day, Evidence(
                        "date",
                        day.isoformat(),
                        block.line,
                        sentence[:160],
                        0.7,
                        "date of the event the opening reports",
                    )
    # a full date later in the text is most often another event's ("the meeting of April 17, 2013"):
    # it is not the statement's date unless it opens a paragraph of the first few ("On May 7, 2013, ...")
    for block in paragraphs[1:4]:
        opening = [f for f in find_dates(block.text[:60]) if f.to_date() and f.start < 30]
        if opening:
            day = opening[0].to_date()
            assert day is not None
            return day, Evidence(
                "date", day.isoformat(), block.line, block.text[:160], 0.7, "date read from a paragraph"
            )
    for drop in header:
        days = _full_dates(drop.text) if has_address(drop.text) else []
        if days:
            return days[0], Evidence(
                "date", days[0].isoformat(), drop.line, drop.text, 0.5, "date read from a link address only"
            )
    return None, None


ABOVE_HEADLINE = "date read above the headline"


def _header_date(day: dt.date, drop: Drop, cleaned: Cleaned) -> tuple[dt.date, Evidence]:
    doubt = "" if drop.line > cleaned.title_line else f"{ABOVE_HEADLINE} (a site or repost date?)"
    return day, Evidence("date", day.isoformat(), drop.line, drop.text, 0.8 if doubt else 1.0, doubt)


# a wire story's dateline with its day and month: "BUSAN, Dec. 19 (Harbor News) -- ...", "Tokyo, 3 May: ..."
_DATELINE_START = re.compile(r"^\s*[A-Z][A-Za-z .'\u2019-]{1,30},(?:\s*[A-Z][A-Za-z.]+,)?\s*$")
_DATELINE_END = re.compile(r"^\s*(?:\([^()]{1,30}\)\s*)?\.?(?:--|\u2014|\u2013|-|:)")


def _dateline_day(text: str, line: int, cleaned: Cleaned) -> tuple[dt.date, Evidence] | None:
    """The day a wire story's dateline gives without its year, in the year of the page's own dates
    that puts it nearest to one of them (a caption's "November 12, 2023" for "Dec. 19")."""
    found = next((f for f in find_dates(text[:60]) if f.year is None), None)
    if found is None or not _DATELINE_START.match(text[: found.start]):
        return None
    if not _DATELINE_END.match(text[found.end :]):
        return None
    texts = [b.text for b in cleaned.blocks] + [d.text for d in cleaned.drops]
    stated = [day for t in texts for day in _full_dates(t)]
    best: tuple[int, dt.date] | None = None
    for day in stated:
        for year in (day.year - 1, day.year, day.year + 1):
            guess = _on_day(year, found)
            if guess is not None and (best is None or abs((guess - day).days) < best[0]):
                best = (abs((guess - day).days), guess)
    if best is None or best[0] > DATELINE_REACH_DAYS:
        return None
    day = best[1]
    return day, Evidence(
        "date",
        day.isoformat(),
        line,
        text[:120],
        0.7,
        "day and month from the dateline, year from the page's own dates",
    )


def _closing_date(text: str) -> dt.date | None:
    """The full date a line ends on after a comma (", November 27, 2013", ", 30 April 2012.")."""
    found = [f for f in find_dates(text) if f.to_date()]
    if not found or text[found[-1].end :].strip(" .") or not text[: found[-1].start].rstrip().endswith(","):
        return None
    return found[-1].to_date()


LABEL_BLOCKS = 3  # the article's first blocks, where such a line stands
LABEL_WORDS = 30  # a label or a caption, not a paragraph of the article
# how far from a date the page states a dateline's day may lie for that date to give its year
DATELINE_REACH_DAYS = 120
# how much of an opening sentence is read for the day of its event
OPENING_CHARS = 600
# an event's day in the opening's words: "met ... on May 2, 2022", "held talks on 2 May 2022"
_EVENT_VERBS = (
    r"\b(?:met|meet|meets|held|holds|hold|convened|hosted|hosts|signed|issued|released|published|spoke|"
    r"announced|visited|visits|gathered|agreed)\b"
)
_ON_THE_DAY = re.compile(_EVENT_VERBS + r"[^;]{0,120}\bon\s*$", re.I)  # one sentence: "D.C." may be in it
# or the day first: "On April 19, 2019, the Security Consultative Committee convened ..."
_ON_DAY_FIRST = re.compile(r"\bOn\s*$")
_THEN_THE_EVENT = re.compile(r"^,?\s[^;]{0,120}?" + _EVENT_VERBS, re.I)  # one sentence: "U.S." may be in it
_EARLIER = re.compile(r"\b(?:last|previous|earlier|ago|former|since)\b", re.I)


_WIRE_DATELINE = re.compile(
    r"^\s*([A-Z][A-Za-z .'-]{2,30}?)\s*(?:\([A-Z][\w .-]{0,20}\)\s*)?(?:--|\u2014|\u2013)\s"
)


def _partial_dates(cleaned: Cleaned) -> list[tuple[FoundDate, int, str]]:
    """Day-and-month dates of the text, leaving out those of an earlier occasion ("last August 18") and
    those of an occasion to come ("will host the ministers on July 1st")."""
    out = []
    for block in cleaned.blocks:
        for sentence in cleaned.sentences(block.text):
            if _EARLIER.search(sentence):
                continue
            for f in find_dates(sentence):
                if f.year is None and not _TO_COME.search(sentence[max(0, f.start - 160) : f.start]):
                    out.append((f, block.line, block.text))
    return out


def _month_years(cleaned: Cleaned) -> set[tuple[int, int]]:
    """(month, year) of every month the page names with its year and no day, headline and removed lines
    included (a breadcrumb's issue label)."""
    texts = [cleaned.title, *(b.text for b in cleaned.blocks), *(d.text for d in cleaned.drops)]
    return {found for text in texts for found in find_month_years(text)}


def _on_day(year: int, found: FoundDate) -> dt.date | None:
    return replace(found, year=year).to_date()


# an occasion to come, in the words before its day: "will host ...", "is to visit ...", "plans to ..."
_TO_COME = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|plans?\s+to|planning\s+to|scheduled|expected\s+to|upcoming|next)\b",
    re.I,
)


def _title_evidence(cleaned: Cleaned) -> Evidence:
    """The headline's evidence: the winning line, and the confidence its margin over the runner-up gives."""
    choice = cleaned.title_choice
    if choice is None or choice.candidate is None:
        doubt = choice.doubt if choice else "no headline"
        return Evidence("title", cleaned.title, 0, "titled by the first sentence", 0.4, doubt)
    best = choice.candidate
    return Evidence(
        "title", cleaned.title, best.index + 1, "; ".join(best.evidence), choice.confidence, choice.doubt
    )


# -- people --------------------------------------------------------------------------------------


@dataclass
class Attribution:
    speakers: list[Found] = field(default_factory=list)
    quotes: list[tuple[Found, str]] = field(default_factory=list)
    evidence: dict[str, Evidence] = field(default_factory=dict)

    def add(self, who: Found, line: int, text: str, confidence: float = 1.0, doubt: str = "") -> None:
        """``who`` made a statement; the evidence keeps the surest reason seen for it."""
        confidence, doubt = _registry_doubt(who, confidence, doubt)
        if who not in self.speakers:
            self.speakers.append(who)
        old = self.evidence.get(who.key)
        if old is None or confidence > old.confidence:
            self.evidence[who.key] = Evidence("speaker", who.key, line, text, round(confidence, 2), doubt)


def _registry_doubt(who: Found, confidence: float, doubt: str) -> tuple[float, str]:
    """A speaker the registry does not know is less certain: the name and the role come from the text."""
    if who.official is not None:
        return confidence, doubt
    if who.basis == "quoted":
        why = "a quoted person the registry does not know (not an official?)"
        return min(confidence, 0.6), "; ".join(d for d in (doubt, why) if d)
    why = "not in the registry: add to seeds/officials.yml"
    if who.basis == "shape":
        why = "found by the written shape of the name only; " + why
    return min(confidence, 0.5 if who.basis == "title" else 0.4), "; ".join(d for d in (doubt, why) if d)


_GAP_OK = re.compile(
    r"^\s*(?:,[^;:]{0,120}?,)?\s*(?:(?:also|further|again|then|strongly|repeatedly|firmly|later|separately|"
    r"has|have|had|will|would|once more|jointly|publicly|today|yesterday|on \w+day|"
    # where they stood: "X and Y at the White House agreed", "X in Seoul said"
    r"(?:at|in)\s+(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3},?)\s+)*$"
)
# a meeting, then the statement, with one subject: "X spoke by phone with Y on Wednesday and said"
_MET_AND = re.compile(
    r"^\s*(?:met|meets|held|holds|hold|talked|spoke|speaks|discussed|had|gathered|convened)\b"
    r"[^,;:.!?]{0,100}?\s+and\s*$"
)
# what joins the names of a list of subjects, once the names are taken out: commas and "and"
_LIST_JOINS = re.compile(r"(?:\s*(?:,|\band\b)\s*)+")
_INVERT_OK = re.compile(r"^\s*(?:(?:[A-Z][\w.'\u2019-]*|of|for|and|the|on|to|U\.S\.)\s+)*$")
_TITLE_ONLY = re.compile(
    r"\b[Tt]he\s+((?:(?:[A-Z][a-z]+)\s+){0,3}(?:Secretary|Minister|President|Ambassador|Advis[oe]r|Director|"
    r"Envoy|Representative|Chairman|Premier))\b"
)


def _subject_verbs(masked: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions that are the subject of a statement verb, or named right after one ("said X")."""
    hits: list[Mention] = []
    if not mentions:
        return hits
    verbs = list(_VERB.finditer(masked))
    for m in mentions:
        for v in verbs:
            if v.start() >= m.end:
                gap = masked[m.end : v.start()]
                # "X and Y reaffirmed": let another named person stand in the gap
                for other in mentions:
                    if other is not m and m.end <= other.start and other.end <= v.start():
                        gap = gap.replace(masked[other.start : other.end], " ")
                if len(gap) >= 140:
                    continue
                # "X, the ROK's Vice Minister, said" (an apposition); "X and Y reaffirmed"; "X, Y and Z urged"
                joined = re.sub(r"^\s*(?:and|,)\s*", " ", gap)
                listed = _LIST_JOINS.sub(" ", gap, count=1) if _LIST_JOINS.match(gap) else gap
                # "X and Y held talks on Friday and reaffirmed": the meeting's subjects
                if any(_GAP_OK.match(t) for t in (gap, joined, listed)) or _MET_AND.match(listed):
                    hits.append(m)
                    break
            elif v.end() <= m.start:
                gap = masked[v.end() : m.start]
                if v.group(0) in (
                    "said",
                    "says",
                    "added",
                    "stated",
                    "noted",
                    "told",
                    "explained",
                    "remarked",
                ) and (_INVERT_OK.match(gap) and len(gap) < 120):
                    hits.append(m)
                    break
    return hits


# labels of people who ask or chair, not of those whose statements a transcript reports
_QUESTIONER = re.compile(
    r"\b(?:q|questions?|moderator|reporter|journalist|audience|participant|operator|interpreter|translator|"
    r"announcer|narrator|press|unidentified|voice|staff|member|mc|emcee)\b",
    re.I,
)
_ANSWER_LABELS = frozenset({"a", "answer", "briefer", "official", "senior official"})
_BRIEFER_TITLE = re.compile(r"\b(?:Spokes\w+|Briefer|Official|Press Secretary)\b", re.I)
_JOINT_STATEMENT = re.compile(
    r"\bJoint\s+(?:[A-Z][\w'\u2019]*\s+){0,3}(?:Statement|Declaration|Communiqu\w+|Press Statement)\b"
    r"|\bStatement\s+(?:of|by)\s+(?:the\s+)?(?:[A-Z][\w'\u2019]*\s+){0,3}(?:Leaders|Ministers|Secretaries)\b",
    re.I,
)
_WE_THE = re.compile(
    r"^\s*We,\s+the\s+((?:[\w-]+\s+){0,3}?(?:leaders|ministers|secretaries|advis[oe]rs|heads))\b", re.I
)


@dataclass
class _Turns:
    """How the transcript labels of one text resolve to people (each label resolved once)."""

    finder: PeopleFinder
    headline: str
    headline_people: list[Found]
    briefers: list[Found] = field(default_factory=list)  # named as giving the briefing or the call
    countries: set[str] = field(default_factory=set)  # of the government whose page it is
    resolved: dict[str, tuple[Found | None, float, str]] = field(default_factory=dict)

    def who(self, label: str, line: int) -> tuple[Found | None, float, str]:
        key = label.strip().rstrip(":").strip()
        if key not in self.resolved:
            self.resolved[key] = self._resolve(key, line)
        return self.resolved[key]

    def _resolve(self, label: str, line: int) -> tuple[Found | None, float, str]:
        bare = re.sub(r"\s*\([^)]*\)\s*", " ", label).strip()
        if bare.lower() in NON_PERSON_LABELS - _ANSWER_LABELS or _QUESTIONER.search(bare):
            return None, 0.0, ""
        text = _label_as_text(bare)
        found = self.finder.find(text, line)
        if found:
            return found[-1].who, 1.0, ""
        office = re.sub(r"^(?:The|Mr\.?|Madam|Madame|Ms\.?)\s+", "", text).strip()
        if office.lower() in _ANSWER_LABELS or re.search(r"\b(?:Official|Briefer)\b", office):
            # answers in a briefing, an official briefing on background: the one briefer the page names
            briefers = self.briefers or [
                p for p in self._people() if any(_BRIEFER_TITLE.search(t) for t in p.titles)
            ]
            if len(briefers) == 1:
                return briefers[0], 0.6, f"turns labelled '{label}' taken for the briefer the page names"
            return None, 0.0, ""
        if not office or not self.finder.reg.offices:
            return None, 0.0, ""
        pattern = re.compile(r"(?<![\w-])" + re.escape(office) + r"(?![\w-])", re.I)
        cands = [p for p in self._people() if any(_holds(pattern, t) for t in self._titles(p))]
        if not cands:
            return self._holder_on_the_day(office, label, line)
        in_headline = [p for p in cands if p in self.headline_people]
        pool = in_headline or cands
        if len(pool) > 1:
            # "Remarks by President A and President B of Korea": the label without a country is the host
            hosts = [p for p in pool if not self._qualified_in_headline(p)]
            pool = hosts if len(hosts) == 1 else pool
        if len(pool) != 1:
            return None, 0.0, ""
        where = "the headline" if in_headline else "the text"
        confidence = 0.8 if in_headline and len(cands) == 1 else 0.7 if in_headline else 0.6
        return pool[0], confidence, f"transcript label '{label}' read as {pool[0].name}, named so in {where}"

    def _holder_on_the_day(self, office: str, label: str, line: int) -> tuple[Found | None, float, str]:
        """A label the text names nobody for: the one holder of that office on the day, in the country
        of the government whose page it is ("THE PRESIDENT" on a White House page)."""
        holders = self.finder.holders_on_the_day(office)
        if len(holders) > 1 and self.countries:
            holders = [p for p in holders if p.country in self.countries]
        if len(holders) != 1:
            return None, 0.0, ""
        who = self.finder.add_official(holders[0], line)
        return who, 0.5, f"transcript label '{label}' taken for {who.name}, who held the office on the day"

    def _people(self) -> list[Found]:
        rest = [
            p for p in self.finder.people.values() if p not in self.headline_people and p.basis != "quoted"
        ]
        return [*self.headline_people, *rest]

    def _titles(self, person: Found) -> list[str]:
        titles = list(person.titles)
        if person.official is not None:
            titles.append(role_for(person, self.finder.reg, self.finder.day))
        return titles

    def _qualified_in_headline(self, person: Found) -> bool:
        names = [person.name, person.family, person.family.upper()]
        return any(re.search(re.escape(n) + r"\s+of\s+(?:the\s+)?[A-Z]", self.headline) for n in names if n)


_BRIEFING_WITH = re.compile(
    r"\b(?:briefing|call|conference call|background call|press conference|teleconference)\s+(?:with|by)\s+",
    re.I,
)


def _briefers(cleaned: Cleaned, finder: PeopleFinder) -> list[Found]:
    """Those the page names as giving a briefing or a call ("Briefing with Assistant Secretary X")."""
    texts = [(cleaned.title_line, cleaned.title)] + [(d.line, d.text) for d in cleaned.drops]
    texts += [(b.line, b.text) for b in cleaned.blocks[:3]]
    out: list[Found] = []
    for line, text in texts:
        for m in _BRIEFING_WITH.finditer(text):
            # "Briefing by <title> <name>" says a person follows: a titled name there is read as in
            # running text, even in a title-case line, once its capitalized small words ("On The
            # Trip") are written in lowercase, so that they end a name
            found = finder.find(small_words_lowered(text[m.end() : m.end() + 200]), line, headline=False)
            if found and found[0].start < 120 and found[0].who not in out:
                out.append(found[0].who)
    return out


def _holds(pattern: re.Pattern[str], title: str) -> bool:
    """``title`` names the office of ``pattern`` itself, not a deputy's ("President", not "Vice
    President")."""
    for m in pattern.finditer(title):
        if not re.search(r"(?:Vice|Deputy|Assistant|Under)[\s-]+$", title[: m.start()], re.I):
            return True
    return False


def attribute(
    cleaned: Cleaned, finder: PeopleFinder, header_people: list[Found], header_quote: str
) -> Attribution:
    att = Attribution()
    blocks = _datelines_as_text([_as_turn(b) for b in cleaned.blocks])
    has_turns = any(b.kind == "turn" for b in blocks)
    last_subject: Found | None = None
    current_turn: Found | None = None
    in_turn = False
    pending_quote_for: Found | None = None
    last_collective = False
    # the headline: title-case text, where only a name's shape, a title or the registry makes a name
    headline_people: list[Found] = []
    if cleaned.title:
        for m in finder.find(cleaned.title, cleaned.title_line, headline=True):
            if m.who not in headline_people:
                headline_people.append(m.who)
    turns = _Turns(
        finder,
        cleaned.title,
        headline_people,
        _briefers(cleaned, finder) if has_turns else [],
        finder.page_countries([d.text for d in cleaned.drops if d.category not in ("related", "foreign")]),
    )
    if has_turns:
        # names in the text before the labels resolve them ("THE PRESIDENT" for the president it names)
        for block in blocks:
            if block.kind != "turn":
                finder.find(block.text, block.line)

    for block in blocks:
        if block.kind == "turn":
            in_turn = True
            current_turn, confidence, doubt = turns.who(block.label, block.line)
            if current_turn is not None:
                att.add(current_turn, block.line, f"{block.label}: {block.text[:120]}", confidence, doubt)
                att.quotes.append((current_turn, block.text))
            finder.find(block.text, block.line)
            continue
        if has_turns and in_turn and block.kind in ("paragraph", "numbered", "bullet"):
            # a transcript turn goes on until the next speaker label
            finder.find(block.text, block.line)
            if current_turn is not None:
                att.quotes.append((current_turn, block.text))
            continue
        if block.kind == "heading":
            continue
        if pending_quote_for is not None:
            spans = quoted_spans(block.text)
            if spans or block.text.lstrip()[:1] in '"\u201c':
                att.quotes.append((pending_quote_for, " ".join(spans) or block.text))
                finder.find(block.text, block.line)
                pending_quote_for = None
                continue
            pending_quote_for = None
        for sentence in cleaned.sentences(block.text):
            masked = mask_quotes(sentence)
            lowered = fold(masked)
            mentions = finder.find(masked, block.line)
            if masked != sentence:
                finder.find(sentence, block.line)  # names inside quotes are mentioned, not speakers
            speakers = [(m.who, 1.0, "") for m in _subject_verbs(masked, mentions)]
            for t in _TITLE_ONLY_GUARD.finditer(masked, lowered):
                after = masked[t.end() :]
                if _SAYS_AFTER_TITLE.match(after):
                    who = _resolve_title_only(t.group(1), finder, last_subject)
                    if who is not None:
                        speakers.append((who, 0.7, f"named only by title ('{t.group(0)}')"))
            for p in _PRONOUN.finditer(masked):
                after = masked[p.end() :]
                says_after = _SAYS_AFTER_PRONOUN.match(after)
                # "..., said he": the words before it end on a statement verb (looked at from their end)
                says_before = masked[: p.start()].rstrip().endswith(("said", "says", "added", "noted"))
                if says_after or says_before:
                    subject = mentions[0].who if mentions and mentions[0].start < p.start() else last_subject
                    if subject is not None:
                        speakers.append((subject, 0.6, f"named by a pronoun ('{p.group(0)}')"))
            collective = _COLLECTIVE_GUARD.search(masked, lowered)
            if collective or (last_collective and _THEY_SAY.search(masked)):
                noun = _collective_noun(collective.group(0) if collective else "")
                for who in _participants(finder, cleaned, noun):
                    speakers.append((who, 0.8, "one of the participants a collective statement names"))
            if _COLLECTIVE_SUBJECT.search(masked):
                last_collective = True
            elif not _THEY_OPENS.match(masked):
                last_collective = False
            spans = quoted_spans(sentence)
            if spans and not speakers:
                who = _quoted_person(sentence, finder, block.line)
                if who is not None:
                    speakers.append((who, 0.6, "quoted, found by the pattern of the quotation"))
            if _EARLIER_OCCASION.match(masked):
                speakers = []  # "In February, the two leaders agreed ...": an earlier occasion, recalled
            for who, confidence, doubt in speakers:
                att.add(who, block.line, sentence, confidence, doubt)
                for q in spans:
                    att.quotes.append((who, q))
            if speakers and sentence.rstrip().endswith(":") and not spans:
                pending_quote_for = speakers[0][0]
            if mentions:
                last_subject = mentions[0].who
            elif speakers:
                last_subject = speakers[0][0]

    # A press statement issued under a name (the name stands alone in the page header).
    for person in header_people:
        turn_speakers = {s.key for s in att.speakers}
        if not has_turns or person.key in turn_speakers:
            att.add(person, 0, f"statement issued under the name {person.name}")
            if header_quote and not any(w is person for w, _ in att.quotes):
                att.quotes.append((person, header_quote))
    _joint_statement(cleaned, finder, headline_people, att)
    _statement_labels(cleaned, finder, has_turns, att)
    return att


_THEY_OPENS = re.compile(r"\s*They\b")
# a statement verb after a title alone ("The Secretary, in Tokyo, said"), after a pronoun ("she also said")
_SAYS_AFTER_TITLE = re.compile(r"\s*(?:,[^;:]{0,120}?,)?\s*(?:also\s+)?(?:" + _VERB.pattern + r")")
_SAYS_AFTER_PRONOUN = re.compile(r"\s+(?:also\s+|further\s+)?(?:" + _VERB.pattern + r")")
# a sentence that opens on an earlier time recalls what was said then ("In February, ...", "Last year, ...",
# "Earlier, ..."): the people it names are mentioned, not the speakers of this text
_EARLIER_OCCASION = re.compile(
    r"^\W*(?:(?:(?:back\s+)?in|last|earlier\s+(?:in|this))\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:Jan\w*|Feb\w*|Mar\w*|Apr\w*|May|June?|July?|Aug\w*|Sep\w*|Oct\w*|Nov\w*|Dec\w*|spring|summer|"
    r"autumn|fall|winter|(?:19|20)\d\d|year|month|week)\b[^,.;]{0,40}|previously|earlier|formerly),",
    re.I,
)
# "Statement by X", "[Opening remarks by X]", "X's statement concerning ...": whose statement a text is
_STATEMENT_BY = re.compile(
    r"\b(?:opening\s+|closing\s+)?(?:statement|remarks|address|message|speech|press\s+release)\s+(?:by|of|from)\s+"
    r"(.{3,100})",
    re.I,
)
_STATEMENT_OF = re.compile(
    r"^(.{3,80}?)['\u2019]s?\s+(?:opening\s+)?(?:statement|remarks|message|address)\b", re.I
)


# a joint paper issued in the names it gives ("Joint Press Release from A and B"), not an event
_JOINT_PAPER = re.compile(r"\bjoint\s+(?:statement|press\s+(?:release|statement)|message)\b", re.I)


def _statement_labels(cleaned: Cleaned, finder: PeopleFinder, has_turns: bool, att: Attribution) -> None:
    """A label that says whose statement follows: a line or heading ("[Opening statement by Prime Minister
    X]") or, where the text has no transcript turns, the headline ("Gen. X's statement concerning ...")."""
    lines: list[tuple[int, str]] = [(b.line, b.text) for b in cleaned.blocks if b.kind == "heading"]
    lines += [(b.line, b.text) for b in cleaned.blocks if _label_line(b.text) and b.kind == "paragraph"]
    header = [d for d in cleaned.drops if d.category in ("header", "above_title")]
    lines += [(d.line, d.text) for d in header if _label_line(d.text)]
    if not has_turns and cleaned.title:
        lines.append((cleaned.title_line, cleaned.title))
    for line, text in lines:
        if re.search(r"\bjoint\b", text, re.I) and (has_turns or not _JOINT_PAPER.search(text)):
            continue  # "Joint press conference by A and B": the turns or the text say who spoke
        text = text.strip().strip("[]()")
        by, of = _STATEMENT_BY.search(text), _STATEMENT_OF.match(text)
        match = by if by is not None else of
        if match is None:
            continue
        words = match.group(1)
        mentions = finder.find(words, line, headline=True)
        if by is None:
            mentions = [m for m in mentions if words[m.end :].strip() == ""]  # the one whose statement it is
        for mention in _named_first(words, mentions):
            doubt = "named by a label saying whose statement follows, not by a statement verb"
            att.add(mention.who, line, f"statement labelled: {text[:120]}", 0.9, doubt)


def _named_first(text: str, mentions: list[Mention]) -> list[Mention]:
    """The people named at the start of ``text`` ("A and B ..."), not those named later in it ("the
    Press Secretary on the visit of Prime Minister C")."""
    out: list[Mention] = []
    end = 0
    for m in mentions:
        if not re.fullmatch(r"\s*(?:the\s+)?|\s*(?:,|and|,\s*and)\s+(?:the\s+)?", text[end : m.start]):
            break
        if m.who.basis != "quoted":
            out.append(m)
        end = m.end
    return out


def _label_line(text: str) -> bool:
    """A short line that labels what follows, not a sentence of the article."""
    stripped = text.strip()
    return len(stripped.split()) <= 14 and not re.search(r"[.!?:;]$", stripped.strip("[]()"))


_QA = re.compile(r"^\s*([QA])\s*:\s+(?=\S)")


def _datelines_as_text(blocks: list[Block]) -> list[Block]:
    """A text's one "turn" whose label is a place ("SEOUL: South Korean President Lee said ...") is a
    wire story's dateline, not a transcript: its paragraph is read as running text."""
    turns = [b for b in blocks if b.kind == "turn"]
    if len(turns) != 1 or not _is_place_name(turns[0].label):
        return blocks
    return [replace(b, kind="paragraph", label="") if b is turns[0] else b for b in blocks]


def _is_place_name(text: str) -> bool:
    cities, countries = gazetteer()
    key = text.strip().lower()
    return key in cities or key in countries


def _as_turn(block: Block) -> Block:
    """A paragraph opening with "Q:" or "A:" is a turn of a question-and-answer transcript."""
    m = _QA.match(block.text) if block.kind == "paragraph" else None
    if m is None:
        return block
    return Block("turn", block.line, block.text[m.end() :], m.group(1))


def _joint_statement(
    cleaned: Cleaned, finder: PeopleFinder, headline_people: list[Found], att: Attribution
) -> None:
    """A joint statement is issued in the names of its signers: those the headline names ("Joint
    Statement of Secretary A and Minister B"), else, where the text speaks as "We, the leaders of ...",
    the people it names with that office."""
    header = [d.text for d in cleaned.drops if d.category in ("header", "above_title")]
    headings = [b.text for b in cleaned.blocks[:3] if b.kind == "heading"]
    if not any(_JOINT_STATEMENT.search(t) and _label_line(t) for t in (cleaned.title, *header, *headings)):
        return
    signers = [p for p in headline_people if p.basis != "quoted"]
    if signers:
        for person in signers:
            why = f"joint statement issued in the name of {person.name}"
            att.add(person, cleaned.title_line, why, 0.9, "a signer its headline names")
        return
    for block in cleaned.blocks[:3]:
        named = _we_named(block.text, finder, block.line)
        if named:
            for person in named:
                att.add(person, block.line, block.text[:160], 0.9, "named as the 'we' of a joint statement")
            return
        we = _WE_THE.match(block.text)
        if we is None:
            continue
        named = _participants(finder, cleaned, we.group(0), meeting_only=False)
        for person in named:
            att.add(person, block.line, block.text[:160], 0.7, "a signer of the joint statement, by office")
        return


def _we_named(text: str, finder: PeopleFinder, line: int) -> list[Found]:
    """The officials a joint statement names as its "we" ("Today, we, President A and Prime Minister B,
    affirm ..."): those named between "we," and the verb."""
    m = re.search(r"\b[Ww]e,\s+", text)
    if m is None:
        return []
    window = text[m.end() : m.end() + 240]
    verb = re.search(r"\b[a-z]{3,}\s+[a-z]{2,}\b", window)  # two lower-case words: past the names
    window = window[: verb.start()] if verb else window
    out: list[Found] = []
    for mention in finder.find(window, line):
        if mention.who not in out and mention.who.basis != "quoted":
            out.append(mention.who)
    return out if len(out) >= 2 else []


_PERSON = r"([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'\u2019]+(?:-[A-Z]?[a-z]+)?)"
_QUOTED_BY = [
    # "…," said Laura Whitfield, a maritime analyst …
    re.compile(
        r"[\u201d\"]\s*,?\s*(?:said|says|added|noted|told [\w ]{1,30}?)\s+"
        + _PERSON
        + r"(?=\s*[,.;]|\s+(?:of|from|at|who)\b)"
    ),
    # "…," Laura Whitfield said / Laura Whitfield, a maritime analyst, said, "…"
    re.compile(r"[\u201d\"]\s*,?\s*" + _PERSON + r"\s+(?:said|says|added|noted)\b"),
    re.compile(r"^\s*" + _PERSON + r",\s+(?:a|an|the)\s+[^,]{3,80},\s+(?:said|says|added|noted)\b"),
]


def _quoted_person(sentence: str, finder: PeopleFinder, line: int) -> Found | None:
    """A quoted person the registry does not know (an analyst, a scholar): a speaker with country
    ``other`` unless the text ties them to one of the three governments."""
    for pattern in _QUOTED_BY:
        m = pattern.search(sentence)
        if not m:
            continue
        name = re.sub(r"\s+[A-Z]\.", "", m.group(1))
        parts = name.split()
        if any(p in _NOT_NAME or p in _PLACE_OR_ORG for p in parts):
            continue
        known = finder.find(name, line)
        if known:
            return known[0].who
        found = Found(name=name, official=None, country="other", basis="quoted")
        return finder.people.setdefault(name, found)
    return None


def _label_as_text(label: str) -> str:
    """A transcript label in capitals ("SECRETARY POMPEO") written as a title and name."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in label.split())


def _resolve_title_only(title: str, finder: PeopleFinder, last: Found | None) -> Found | None:
    word = title.split()[-1].lower()
    people = [p for p in finder.people.values() if any(word in t.lower() for t in p.titles)]
    if last is not None and last in people:
        return last
    return people[0] if len(people) == 1 else (people[0] if people else None)


def _collective_noun(phrase: str) -> str:
    """The subject of "the three national security advisors ... reaffirmed": up to its first plural noun."""
    m = re.search(
        r"\b(?:ministers|leaders|advis[oe]rs|secretaries|envoys|representatives|officials|counterparts|"
        r"principals|heads)\b",
        phrase,
        re.I,
    )
    return phrase[: m.end()] if m else ""


# the office words a collective subject stands for ("the three leaders": presidents and prime ministers)
_COLLECTIVE_OFFICES = (
    (
        re.compile(r"\b(?:leaders|heads)\b", re.I),
        re.compile(r"\b(?:President|Prime Minister|Premier|Chancellor)\b"),
    ),
    (
        re.compile(r"\bsecurity advis[oe]rs\b", re.I),
        re.compile(r"\b(?:Security Advis[oe]r|National Security|Secretary General|Director)\b", re.I),
    ),
    (re.compile(r"\b(?:ministers|secretaries)\b", re.I), re.compile(r"\b(?:Minister|Secretary)\b")),
    (re.compile(r"\b(?:envoys|representatives)\b", re.I), re.compile(r"\b(?:Envoy|Representative)\b")),
)


def _participants(
    finder: PeopleFinder, cleaned: Cleaned, collective: str = "", meeting_only: bool = True
) -> list[Found]:
    """People named as taking part in the meeting itself (a sentence or headline that reports the
    meeting: met, held, talks, a call, together with), or, without ``meeting_only``, anyone named. Where the
    collective subject names an office ("the three leaders"), only those holding it."""
    out: list[Found] = []
    texts = [(cleaned.title_line, cleaned.title)] + [(b.line, b.text) for b in cleaned.blocks]
    for line, text in texts:
        for sentence in cleaned.sentences(text):
            if meeting_only and not _MEETING_GUARD.search(sentence, fold(sentence)):
                continue
            for m in finder.find(sentence, line, headline=line == cleaned.title_line):
                if m.who not in out and re.search(r"\bhost\w*\s+by\s*$", sentence[: m.start]) is None:
                    out.append(m.who)
    for noun, office in _COLLECTIVE_OFFICES:
        if noun.search(collective):
            holders = [
                p for p in out if any(office.search(t) for t in p.titles) or _holds_now(p, finder, office)
            ]
            if len(holders) >= 2 or (holders and not meeting_only):
                return holders
            break
    return out


def _holds_now(person: Found, finder: PeopleFinder, office: re.Pattern[str]) -> bool:
    return person.official is not None and bool(office.search(role_for(person, finder.reg, finder.day)))


_UNNAMED_OFFICIAL = re.compile(
    r"\b(U\.S\.|American|Japanese|South Korean|ROK)\s+(?:[a-z]+\s+){0,2}"
    r"(?:minister|secretary|officials?|counterparts?|envoy|president|prime minister|leader|delegation)\b",
    re.I,
)


def _three_way_meeting(cleaned: Cleaned, finder: PeopleFinder) -> str | None:
    """A sentence reporting a meeting among U.S., Japanese and ROK officials, named or by title."""
    for block in cleaned.blocks:
        for sentence in cleaned.sentences(block.text):
            if not _MEETING_GUARD.search(sentence, fold(sentence)):
                continue
            countries = {m.who.country for m in finder.find(sentence, block.line)}
            for m in _UNNAMED_OFFICIAL.finditer(sentence):
                adjective = m.group(1).lower()
                countries.add(
                    "JP" if adjective == "japanese" else "US" if adjective in ("u.s.", "american") else "KR"
                )
            if {"US", "JP", "KR"} <= countries:
                return sentence
    return None


def _header_people(cleaned: Cleaned, finder: PeopleFinder) -> list[Found]:
    """A name standing alone on a header line: the person a press statement is issued under. The
    registry's officials by name ("John Kerry", "Antony J. Blinken, Secretary of State"); others where
    a title and a full name fill the line or its part before a comma ("Deputy Spokesperson Kim Min-ho",
    "General John Q. Doe, Commander, Statement, 7 July 2012")."""
    out = []
    for drop in cleaned.drops:
        if drop.category not in ("header", "above_title", "date", "byline"):
            continue
        text = drop.text.strip()
        if drop.category == "byline":
            # an official who signs the text ("By Ann Lee, Minister of Fisheries"): its author and speaker;
            # a reporter's byline names no office, and is left out below
            signed = _BYLINE.match(text)
            text = text[signed.end() - 1 :] if signed else text
        name = text.split(",", 1)[0].strip()
        if drop.category == "date" and name == text:
            continue  # a date line alone
        if finder.reg.lookup(name):
            found = finder.find(text, drop.line)
            if found and found[0].who not in out:
                out.append(found[0].who)
            continue
        scratch = PeopleFinder(finder.reg, finder.day)
        named = scratch.find(name, drop.line, headline=False)
        if len(named) != 1 or (named[0].start, named[0].end) != (0, len(name)):
            continue
        scratch.find(text, drop.line)
        if len(scratch.people) != 1:
            continue  # a list of names (a caption of who is pictured), not the one a statement is under
        if not named[0].who.titles or named[0].who.basis == "shape":
            continue
        who = finder.find(name, drop.line, headline=False)[0].who
        finder.country_from_line(who, text)
        if who not in out:
            out.append(who)
    return out


# -- themes, places, publisher ---------------------------------------------------------------------


@cache
def _theme_patterns() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], Prefilter]:
    """Every theme's patterns (theme id, pattern) in the vocabulary's order, and their needles."""
    patterns = tuple((theme.id, p) for theme in themes().values() for p in theme.patterns)
    return patterns, Prefilter.of([p.pattern for _, p in patterns])


def find_themes(blocks: list[Block], split: Callable[[str], list[str]] = sentences) -> dict[str, str]:
    """Theme id -> the first sentence of the article text that gives it (``split`` gives a block's
    sentences: the document model's, so they are split once)."""
    vocabulary = themes()
    patterns, prefilter = _theme_patterns()
    found: dict[str, str] = {}
    for block in blocks:
        # a sentence is searched only with the patterns whose needles it holds, and those with none
        # (``alliance_archive.needles``): the block is read once for every pattern's needles, each of
        # its sentences (slices of it) only for the needles the block holds
        held = prefilter.held(fold(block.text))
        for sentence in split(block.text):
            in_sentence = prefilter.held(fold(sentence), held) if held else held
            for i in prefilter.patterns(in_sentence):
                tid, pattern = patterns[i]
                if tid in found or not pattern.search(sentence):
                    continue
                unless = vocabulary[tid].any_unless
                if unless is None or not unless.search(sentence):
                    found[tid] = sentence
            if len(found) == len(vocabulary):
                break
    return {tid: found[tid] for tid in vocabulary if tid in found}


@cache
def gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    raw = load_yaml(resources.files(__package__).joinpath("data/places.yml").read_text(encoding="utf-8"))
    cities = {c.lower(): c for c in raw["cities"]}
    countries = {c.lower(): c for c in raw["countries"]}
    for alias, name in (raw.get("aliases") or {}).items():
        (cities if name.lower() in cities else countries)[alias.lower()] = name
    return cities, countries


_EVENT = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|visit\w*|travel\w*|trip|held|hold|holds|"
    r"press (?:conference|availability)|"
    r"summit|forum|assembl\w+|gathered|dialogue|here in|arrived|attend\w*|pose|hosted|convened|conference|"
    r"speaking|spoke|remarks|briefing|briefed)\b",
    re.I,
)


_NAMED_PLACE = re.compile(
    r"\b(?:city|town|village|port|island|prefecture|province|county|district) of "
    r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b"
)
# a venue: a capitalised name ending in a word for a building or an institution that hosts meetings
_VENUE = re.compile(
    r"\b(?:in|at|to)\s+(?:the\s+)?(?:very\s+|famous\s+|historic\s+)*"
    r"((?:U\.S\.\s+|[A-Z][\w'\u2019.-]*\s+(?:of\s+(?:the\s+)?)?){0,6}"
    r"(?:House|Ministry of [A-Z][a-z]+(?:\s+[A-Z][a-z]+)*|Department of [A-Z][a-z]+|Pentagon|Palace|Hall|"
    r"Hotel|Center|Centre|Residence|Office|Embassy|Base|Camp [A-Z][a-z]+|Headquarters))\b"
)
# where the speaker stands: "here in Seoul", "welcome you to the White House"
_HERE = re.compile(r"\b(?:here\s+(?:in|at)|welcome\s+(?:you\s+)?(?:all\s+)?(?:back\s+)?to)\s+", re.I)
# a sentence about another occasion: an earlier meeting, a trip still to come
_ELSEWHEN = re.compile(
    r"\b(?:ago|last\s+(?:week|month|year|time|meeting|summit|visit)|previous|former|"
    # "earlier in the day", "earlier today": the same occasion
    r"earlier(?!\s+(?:in\s+the\s+day|today|that\s+day))|"
    r"when\s+(?:we|I|they|he|she)\s+(?:last\s+)?(?:met|visited|spoke)|"
    r"will\s+(?:be\s+)?(?:travel\w*|arriv\w*|visit\w*|head\w*)|next\s+(?:week|month|year)|"
    r"upcoming|plans?\s+to\s+(?:visit|travel)|is\s+scheduled\s+to)\b",
    re.I,
)
_CALL = re.compile(
    r"\b(?:conference call|tele(?:phone|conference)|phone call|video ?(?:call|conference)|virtual(?:ly)?)\b",
    re.I,
)
_VISIT_TO = re.compile(r"\bvisit\w*\s+to\s+(?:the\s+)?([A-Z][A-Za-z.]+(?:\s+(?:of\s+)?[A-Z][A-Za-z.]+){0,3})")
# a short header line naming a room or a building, and lines naming an organisation instead
_VENUE_LINE = re.compile(
    r"^(?:[A-Z][\w'\u2019.-]*\s+){1,4}(?:Room|Hall|House|Palace|Residence|Hotel|Center|Centre)$"
)
_ORG_LINE = re.compile(r"\b(?:Office|Ministry|Department|Secretary|Spokesperson|Press|News|Bureau)\b")
_PLACE_LINE = re.compile(r"^([A-Z][A-Za-z.'\u2019 -]{1,40}?),\s*([A-Z][A-Za-z. ]{1,40})$")


@cache
def _place_pattern() -> re.Pattern[str]:
    cities, countries = gazetteer()
    names = sorted({*cities, *countries}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(r"\b(?:in|at|to|visiting)\s+(?:the\s+)?(" + alt + r")\b", re.I)


def find_places(cleaned: Cleaned) -> tuple[list[str], Evidence | None]:
    """The event's place: where the speaker says they are, a place line in the page header, a dateline,
    the city of a sentence reporting the meeting; a venue where no city is named; sentences about
    an earlier meeting or a trip still to come are not read."""
    known_cities, countries = gazetteer()
    cities = dict(known_cities)  # this text's own additions stay with this text
    pattern = _place_pattern()
    found_cities: list[tuple[str, Evidence]] = []
    found_countries: list[tuple[str, Evidence]] = []
    venues: list[tuple[str, Evidence]] = []
    seen: set[tuple[str, str]] = set()  # names already listed, so a long text is read in linear time

    def add(name: str, line: int, text: str, confidence: float = 1.0) -> None:
        key = name.lower()
        if key in cities:
            canon = cities[key]
            if ("city", canon) not in seen:
                seen.add(("city", canon))
                found_cities.append((canon, Evidence("places", canon, line, text, confidence)))
        elif key in countries:
            canon = countries[key]
            if ("country", canon) not in seen:
                seen.add(("country", canon))
                found_countries.append((canon, Evidence("places", canon, line, text, confidence)))

    # the headline first: "Joint Press Conference With ... in Tokyo" names the event's city
    texts: list[tuple[int, str]] = [(cleaned.title_line, cleaned.title)] if cleaned.title_line > 0 else []
    texts += [(b.line, b.text) for b in cleaned.blocks]
    texts += [(d.line, d.text) for d in cleaned.drops if d.category in ("teaser", "player_text")]
    # a call has no place: the page header or the headline says the event was held by telephone or video
    for text in [cleaned.title, *(d.text for d in cleaned.drops if d.line > cleaned.title_line)][:8]:
        if _CALL.search(text):
            return [], Evidence("places", "none", 0, f"held remotely: {text[:100]}", 0.8)
    # where the speaker stands ("here in the Ministry of National Defense") outweighs everything
    for line, text in texts:
        for sentence in cleaned.sentences(text):
            for cue in _HERE_GUARD.finditer(sentence, fold(sentence)):
                rest = sentence[cue.end() :]
                venue = _VENUE.match("at " + rest)
                city = pattern.match("in " + rest)
                if city:
                    add(city.group(1), line, sentence)
                elif venue:
                    venues.append(
                        (venue.group(1).strip(), Evidence("places", venue.group(1).strip(), line, sentence))
                    )
    if found_cities or venues:
        chosen = found_cities[:1] or venues[:1]
        return [chosen[0][0]], chosen[0][1]
    # a place line in the page header ("Seoul, South Korea", "Pyeongtaek, Republic of Korea")
    header_places: list[tuple[str, Evidence]] = []
    for drop in cleaned.drops:
        if drop.category in ("header", "doctype", "date", "above_title") and len(drop.text.split()) <= 6:
            text = drop.text.strip()
            # a city among the line's parts: "Seoul, South Korea", "Harbor Center, Busan", "Hall, Tokyo"
            known = next(
                (part for part in (p.strip().lower() for p in text.split(",")) if part in cities), None
            )
            if known is not None:
                add(known, drop.line, drop.text)
                continue
            m = _PLACE_LINE.match(text)
            if m and m.group(2).strip().lower() in countries and not find_dates(text):
                cities[m.group(1).strip().lower()] = m.group(1).strip()
                add(m.group(1).strip(), drop.line, drop.text, 0.8)
                continue
            if drop.line > cleaned.title_line:
                # below the headline: a country alone, or a venue line ("East Room", "Blue House")
                bare = re.sub(r"^the\s+", "", text.strip(" .,"), flags=re.I)
                if bare.lower() in countries:
                    header_places.append(
                        (countries[bare.lower()], Evidence("places", bare, drop.line, text, 0.7))
                    )
                elif _VENUE_LINE.match(bare) and not _ORG_LINE.search(bare):
                    header_places.append((bare, Evidence("places", bare, drop.line, text, 0.7)))
    # a dateline opening the first paragraph ("Honolulu, 2 September 2022 (TDI): ...")
    paragraphs = [b for b in cleaned.blocks if b.kind in ("paragraph", "numbered", "turn")]
    dateline = None
    if paragraphs:
        m = re.match(r"^\s*([A-Z][A-Za-z .'-]{2,30}?)(?:,\s*[A-Z][A-Za-z.]+)?\s*[,(—–-]", paragraphs[0].text)
        if m and m.group(1).strip().lower() in cities and find_dates(paragraphs[0].text[:60]):
            dateline = (m.group(1).strip(), paragraphs[0].line, paragraphs[0].text[:120])
        # or a city and a dash alone, with an agency's name perhaps: "TOKYO -- ", "Seoul (AP) — "
        wire = _WIRE_DATELINE.match(paragraphs[0].text)
        if dateline is None and wire and wire.group(1).strip().lower() in cities:
            dateline = (cities[wire.group(1).strip().lower()], paragraphs[0].line, paragraphs[0].text[:120])
    visited: list[tuple[str, Evidence]] = []
    for line, text in texts:
        for sentence in cleaned.sentences(text):
            lowered = fold(sentence)
            if not _EVENT_GUARD.search(sentence, lowered) or _ELSEWHEN_GUARD.search(sentence, lowered):
                continue
            for hit in pattern.finditer(sentence):
                if hit.group(0)[:2].lower() == "to" and hit.group(1).lower() in countries:
                    continue  # "a message to North Korea": a country after "to" is addressed, not a venue
                add(hit.group(1), line, sentence)
            for hit in _VENUE.finditer(sentence):
                name = hit.group(1).strip()
                if ("venue", name) not in seen:
                    seen.add(("venue", name))
                    venues.append((name, Evidence("places", name, line, sentence, 0.8)))
            for hit in _VISIT_TO.finditer(sentence):
                name = hit.group(1).strip().lower()
                if name in countries:
                    visited.append(
                        (countries[name], Evidence("places", countries[name], line, sentence, 0.7))
                    )
    if dateline and not found_cities:
        add(*dateline)
    if not found_cities:
        # a place the gazetteer does not know, named as such: "the fishing town of Onagawa"
        for line, text in texts:
            for sentence in cleaned.sentences(text):
                if not _EVENT_GUARD.search(sentence, fold(sentence)):
                    continue
                m = _NAMED_PLACE.search(sentence)
                if m:
                    cities[m.group(1).lower()] = m.group(1)
                    add(m.group(1), line, sentence)
                    break
            if found_cities:
                break
    # the event's place: the first city named (header, dateline or first event sentence), else a venue,
    # else a country other than the three (a visit to one of them names it as its destination)
    chosen = found_cities[:1]
    if not chosen and venues:
        chosen = venues[:1]
    if not chosen and header_places:
        chosen = header_places[:1]
    if not chosen:
        others = [c for c in found_countries if c[0] not in ("United States", "Japan", "South Korea")]
        chosen = others[:1] or visited[:1]
    places = [c for c, _ in chosen]
    return places, (chosen[0][1] if chosen else None)


_ORG = re.compile(
    r"\b(?:Department|Ministry|Office|White House|Embassy|Agency|News|Times|Post|Herald|Press|Broadcasting|"
    r"Voice of America|Blog|Spokesperson|Secretariat|Cabinet)\b"
)


def find_publisher(cleaned: Cleaned, blocks: list[Block]) -> tuple[str | None, Evidence | None]:
    for drop in cleaned.drops:
        m = re.search(
            r"originally (?:appeared|published|posted) (?:on|in) ([^,.]+)(?:, (?:the )?(.+))?", drop.text
        )
        if m:
            name = m.group(1).strip()
            owner = m.group(2) or ""
            org = re.search(
                r"((?:U\.S\. )?Department of [A-Z]\w+|Ministry of [A-Z][\w ]+|White House)", owner
            )
            value = f"{name}, {org.group(1).replace('’s', '')}" if org else name
            return value, Evidence("publisher", value, drop.line, drop.text)
    orgs = [
        d
        for d in cleaned.drops
        if d.category in ("header", "doctype", "byline", "above_title")
        and _ORG.search(d.text)
        and len(d.text.split()) <= 8
        and not re.search(r"\d", d.text)
    ]
    if orgs:
        first = re.sub(r"\bOf\b", "of", orgs[0].text.strip())
        first = re.sub(r"^(?:Posted|Written) by\s+", "", first, flags=re.I)
        extra = [o.text.strip() for o in orgs[1:2] if o.text.strip().lower() != orgs[0].text.strip().lower()]
        if extra and "Office" in extra[0]:
            value = f"{first} ({extra[0]})"
        else:
            value = first
        return value, Evidence("publisher", value, orgs[0].line, orgs[0].text)
    for block in blocks[:2]:
        # a wire dateline: "SEOUL, June 14 (Yonhap) --", "Honolulu, 2 September 2022 (TDI):"
        m = re.search(r"^[^()]{0,60}?\d{1,4}\s*\(([A-Z][A-Za-z]{1,12})\)\s*(?:--|[—–:-])", block.text)
        if m:
            return m.group(1), Evidence("publisher", m.group(1), block.line, block.text[:120])
    for block in blocks:
        if "VOA" in block.text and re.search(r"\bVOA\b", block.text):
            return "Voice of America", Evidence("publisher", "Voice of America", block.line, block.text[:120])
    return None, None


# -- the whole record --------------------------------------------------------------------------------


def _person(found: Found, reg: Registry, day: dt.date | None) -> Person:
    country = found.country if found.country in ("US", "JP", "KR", "other") else "other"
    return Person(found.name, role_for(found, reg, day), country)  # type: ignore[arg-type]


def _term_range(people: list[Found], reg: Registry) -> tuple[dt.date, dt.date, str] | None:
    earliest, latest, basis = EARLIEST, dt.date.today(), []
    for p in people:
        terms = terms_named(p, reg)
        if not terms:
            continue
        start = min(t.start for t in terms)
        ends = [t.end for t in terms]
        end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
        earliest = max(earliest, start)
        if end is not None:
            latest = min(latest, end)
        basis.append(
            f"{p.name}'s term as {terms[0].title} ({start:%B %Y} to {end:%B %Y})"
            if end
            else f"{p.name}'s term as {terms[0].title} (from {start:%B %Y})"
        )
    if not basis or earliest > latest:
        return None
    return earliest, latest, "; ".join(basis)


def _nobody_in_office(people: list[Found], reg: Registry, day: dt.date) -> bool:
    """Some of ``people`` have terms in the registry, and none of those terms covers ``day``."""
    terms = [t for p in people for t in terms_named(p, reg)]
    return bool(terms) and not any(t.covers(day) for t in terms)


def extract(cleaned: Cleaned, reg: Registry | None = None) -> Extracted:
    reg = reg or registry()
    evidence: list[Evidence] = [_title_evidence(cleaned)]
    day, date_ev = find_stated_date(cleaned)
    basis = "stated" if day else "none"
    if date_ev:
        evidence.append(date_ev)

    finder = PeopleFinder(reg, day)
    header_people = _header_people(cleaned, finder)
    first_para = next((b.text for b in cleaned.blocks if b.kind == "paragraph"), "")
    att = attribute(cleaned, finder, header_people, first_para if header_people else "")
    for b in cleaned.blocks:
        if b.kind == "caption":
            finder.find(b.text, b.line)
    people = list(finder.people.values())

    if day is not None and date_ev is not None and date_ev.doubt.startswith(ABOVE_HEADLINE):
        # a date above the headline may be the page's and not the statement's (today's date in a site's
        # bar, a repost's day): it is not taken where the speakers' terms rule it out, or, with no speaker
        # in the registry, where none of the officials named held office that day (all of them at once
        # need not: a text names former officials, and those who have died)
        spoke = _term_range(att.speakers, reg)
        ruled_out = not spoke[0] <= day <= spoke[1] if spoke else _nobody_in_office(people, reg, day)
        if ruled_out:
            evidence.remove(date_ev)
            day, basis, finder.day = None, "none", None

    date_range = None
    if day is None:
        rng = _term_range(people, reg)
        if rng:
            earliest, latest, why = rng
            named = _month_years(cleaned)
            for f, line, text in _partial_dates(cleaned):
                # the year the page gives that month ("Harbor Monthly November 2017" over "On
                # November 6"), else the one year the officials' terms leave
                given = {y for m, y in named if m == f.month and earliest.year <= y <= latest.year}
                guess = _on_day(given.pop(), f) if len(given) == 1 else None
                source = f"the page's {guess:%B %Y}" if guess else why
                if guess is None or not earliest <= guess <= latest:
                    guess, source = infer_year(f, earliest, latest), why
                if guess:
                    day, basis = guess, "year_inferred"
                    evidence.append(
                        Evidence(
                            "date",
                            guess.isoformat(),
                            line,
                            f"{text[:120]} (year from {source})",
                            0.6,
                            "day and month stated, year inferred from the page and the officials' terms",
                        )
                    )
                    break
            if day is None:
                years = [int(y) for b in cleaned.blocks for y in re.findall(r"\b((?:19|20)\d{2})\b", b.text)]
                if years and max(years) <= latest.year:
                    earliest = max(earliest, dt.date(max(years), 1, 1))
                    why += f"; the text names the year {max(years)}"
                date_range = DateRange(earliest.isoformat(), latest.isoformat(), why)
                evidence.append(
                    Evidence(
                        "date_range", f"{earliest} to {latest}", 0, why, 0.6, "no date stated: range inferred"
                    )
                )
    if day is None and date_range is None:
        evidence.append(
            Evidence(
                "date", "none", 0, "no date in the text", 0.5, "no date stated and no range could be inferred"
            )
        )
    if day is not None:
        # roles are those held on the statement's date
        finder.day = day

    speakers = [_person(who, reg, day) for who in att.speakers]
    speaker_keys = {who.key for who in att.speakers}
    mentioned = [_person(who, reg, day) for who in people if who.key not in speaker_keys]
    for who in att.speakers:
        evidence.append(att.evidence[who.key])
    if not att.speakers:
        evidence.append(
            Evidence("speaker", "none", 0, "no statement attributed to anyone", 0.7, "no speaker found")
        )
    # a quote the article repeats word for word (a pull quote beside the body) is one quote
    quotes = list(dict.fromkeys(Quote(who.name, text) for who, text in att.quotes))

    theme_evidence = find_themes(cleaned.blocks, cleaned.sentences)
    if "trilateral-cooperation" not in theme_evidence:
        sentence = _three_way_meeting(cleaned, finder)
        if sentence:
            theme_evidence["trilateral-cooperation"] = sentence
            theme_evidence = {tid: theme_evidence[tid] for tid in themes() if tid in theme_evidence}
    for tid, sentence in theme_evidence.items():
        evidence.append(Evidence("themes", tid, 0, sentence))
    places, place_ev = find_places(cleaned)
    evidence.append(
        place_ev or Evidence("places", "none", 0, "no event place in the text", 0.7, "no place found")
    )
    publisher, pub_ev = find_publisher(cleaned, cleaned.blocks)
    if pub_ev:
        evidence.append(pub_ev)
    return Extracted(
        date=day.isoformat() if day else None,
        date_basis=basis,
        date_range=date_range,
        speakers=speakers,
        mentioned=mentioned,
        themes=list(theme_evidence),
        places=places,
        publisher=publisher,
        quotes=quotes,
        theme_evidence=theme_evidence,
        evidence=evidence,
    )


# the sentence-level expressions above, each searched only in a sentence holding one of its needles
_EVENT_GUARD = Guarded(_EVENT)
_ELSEWHEN_GUARD = Guarded(_ELSEWHEN)
_HERE_GUARD = Guarded(_HERE)
_MEETING_GUARD = Guarded(_MEETING)
_TITLE_ONLY_GUARD = Guarded(_TITLE_ONLY)
_COLLECTIVE_GUARD = Guarded(_COLLECTIVE)


__all__ = ["Drop", "Extracted", "extract", "find_themes", "themes"]
