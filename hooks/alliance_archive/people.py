"""Officials in a text: who is named (with the title around the name) and who made a statement.

Rules (PRODUCT.md, "Who is a speaker"): a speaker is a person whose statement the text reports — a
transcript turn, a press statement issued under their name, a direct quote or a statement verb with
their name, title or a pronoun for them as the subject; "the three ministers reaffirmed" makes each
participating minister a speaker. Positions reported inside someone else's quote or turn, and
participation verbs (met, attended, hosted), do not make a speaker. Everyone else named is mentioned.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .registry import Official, Registry, Term, load_yaml, name_key

STATEMENT_VERBS = (
    r"said|says|say|stated|states|told|tells|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|expressed|expresses|"
    r"reaffirmed|reaffirms|reiterated|reiterates|affirmed|affirms|confirmed|confirms|noted|notes|noting|"
    r"welcomed|welcomes|condemned|condemns|urged|urges|called for|calls for|pledged|pledges|agreed|agrees|"
    r"highlighted|highlights|vowed|vows|commented|comments|asserted|asserts|added|adds|declared|declares|"
    r"announced|announces|underscored|underscores|underlined|underlines|remarked|explained|explains|warned|"
    r"warns|insisted|insists|stating|adding|saying|emphasi[sz]ing|stressing|reaffirming|reiterating|"
    r"expressing|welcoming|condemning|urging|pledging|vowing|highlighting|touted|touts|hailed|hails|praised|"
    r"praises|argued|argues|acknowledged|acknowledges|promised|promises|cautioned|cautions|"
    r"replied|replies|responded|responds|answered"
)
_VERB = re.compile(r"\b(?:" + STATEMENT_VERBS + r")\b")
_COUNTRY_WORDS = [
    ("US", r"U\.\s?S\.|US|American|United States|America's"),
    ("JP", r"Japanese|Japan's|Japan"),
    ("KR", r"South Korean|South Korea's|ROK|Republic of Korea's|Republic of Korea|Korean|Korea's"),
    ("other", r"Chinese|China's|North Korean|DPRK|Russian|Russia's|Australian|Indian|British|French|German"),
]
_CAP = r"[A-Z][A-Za-z'\u2019\-]+"
# a lowercase particle inside a name ("Rudy de Leon", "Ursula von der Leyen"): only between two
# capitalized words, so "de facto" or "la" in running text never joins a name
_PARTICLES = r"(?:(?:de|da|del|della|di|du|dos|das|van|von|der|den|ter|la|le|bin|ibn)\s+){0,2}"
_NAME_TOKEN = r"(?:[A-Z]\.\s*)*" + _PARTICLES + _CAP
_NAME_RUN = re.compile(_CAP + r"(?:\s+" + _NAME_TOKEN + r")*")
_NAME_TOKENS = re.compile(_NAME_TOKEN)
_COLLECTIVE = re.compile(
    r"\b(?:the|both|all)\s+(?:two\s+|three\s+|four\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:ministers|leaders|advis[oe]rs|secretaries|officials|counterparts|envoys|representatives|principals|"
    r"vice ministers)(?:\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:secretary|minister|advis[oe]r))?"
    r"(?:\s+(?:also\s+|further\s+|again\s+|jointly\s+|strongly\s+|all\s+)*|[^.;]{0,220}?\band\s+(?:also\s+)?)"
    r"(?:" + STATEMENT_VERBS + r")\b",
    re.I,
)
_COLLECTIVE_SUBJECT = re.compile(
    r"^\s*(?:The|Both|All)\s+(?:two\s+|three\s+|four\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:ministers|leaders|advis[oe]rs|secretaries|officials|counterparts|envoys|representatives|principals)\b"
)
_THEY_SAY = re.compile(
    r"^\s*They\s+(?:(?:also|further|again|jointly|strongly|all)\s+)*(?:" + STATEMENT_VERBS + r")\b"
    r"|^\s*They\b[^.;]{0,220}?\band\s+(?:also\s+)?(?:" + STATEMENT_VERBS + r")\b"
)
_MEETING = re.compile(
    r"\b(?:met|meet|meets|meeting|held|hold|holds|talks|dialogue|together with|joined|hosted|convened|"
    r"gathered|conferred|(?:telephone|phone|video) (?:call|talk|conversation|conference)|"
    r"spoke by (?:tele)?phone|summit|ministerial|consultations?)\b",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_QUOTE_SPAN = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{2,}?)(?:[\u201d\"]|$)")
NON_PERSON_LABELS = frozenset(
    {"question", "q", "moderator", "participant", "audience", "operator", "staff", "reporter", "interpreter",
     "answer", "a", "note", "editor", "end", "more", "update", "source", "sources", "photo", "caption"}
)  # fmt: skip


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``data/names.yml``, and the patterns built from them."""

    not_name: frozenset[str]
    event_words: frozenset[str]
    function_words: frozenset[str]
    place_or_org: frozenset[str]
    place_words: frozenset[str]  # words that end the name of a place or a unit ("Air Base", "Fleet")
    korean_family_names: frozenset[str]
    honorifics: tuple[str, ...]
    abbreviations: dict[str, tuple[str, str | None]]  # "Rep." -> ("Representative", "US")
    acronyms: frozenset[str]
    acronym_countries: dict[str, str]  # "USFK" -> "US"
    publisher_countries: dict[str, str]  # "The White House" -> "US"
    places: frozenset[str]  # one-word place names of data/places.yml: never a name in capitals
    honorific: re.Pattern[str]
    title_end: re.Pattern[str]  # a title or office word ending the text: the whole expression
    # the same, in two parts: the title and office words (none longer than ``title_reach`` characters,
    # so a match ending the text starts no further back), and "to the Republic of Korea"
    title_end_words: re.Pattern[str]
    title_reach: int
    title_end_to: re.Pattern[str]

    def ends_with_title(self, phrase: str) -> bool:
        """``title_end.search(phrase)``, read only as far back as a title word can start, and for the
        "to ..." form only from each "to " (instead of trying every position of the phrase)."""
        start = max(0, len(phrase.rstrip()) - self.title_reach)
        return bool(self.title_end_words.search(phrase, start) or self.title_end_to.search(phrase))

    def never_a_name(self, word: str) -> bool:
        """A word that cannot be part of a person's name (title, organisation, place, function word)."""
        bare = word.strip(".,").removesuffix("'s").removesuffix("\u2019s")
        return (
            bare in self.not_name
            or bare in self.event_words
            or bare in self.function_words
            or bare in self.place_or_org
            or bare in self.places
            or bare.upper() in self.acronyms
        )


def _alternation(words: tuple[str, ...]) -> str:
    # an abbreviation ends in a period, after which a word boundary cannot follow: look for a space instead
    parts = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) + (r"(?=\s|$)" if w.endswith(".") else r"\b") for w in parts)


@cache
def lexicon() -> Lexicon:
    data = resources.files(__package__).joinpath("data")
    raw: dict[str, Any] = load_yaml(data.joinpath("names.yml").read_text(encoding="utf-8"))
    places_raw: dict[str, Any] = load_yaml(data.joinpath("places.yml").read_text(encoding="utf-8"))
    places = {
        w
        for key in ("cities", "countries")
        for name in places_raw.get(key) or []
        for w in str(name).split()
        if len(name.split()) == 1
    }
    honorifics = tuple(str(w) for w in raw["honorifics"])
    alt = _alternation(honorifics)
    words_alt = alt + "|" + "|".join(_OFFICE_WORDS)
    return Lexicon(
        not_name=frozenset(str(w) for w in raw["not_name"]),
        event_words=frozenset(str(w) for w in raw["event_words"]),
        function_words=frozenset(str(w) for w in raw["function_words"]),
        place_or_org=frozenset(str(w) for w in raw["place_or_org"]),
        place_words=frozenset(str(w) for w in raw["place_words"]),
        korean_family_names=frozenset(str(w) for w in raw["korean_family_names"]),
        honorifics=honorifics,
        abbreviations={
            str(k): (str(v["title"]), v.get("country")) for k, v in (raw.get("abbreviations") or {}).items()
        },
        acronyms=frozenset(str(w) for w in raw["acronyms"]),
        acronym_countries={str(k): str(v) for k, v in (raw.get("acronym_countries") or {}).items()},
        publisher_countries={str(k): str(v) for k, v in (raw.get("publisher_countries") or {}).items()},
        places=frozenset(places),
        honorific=re.compile(r"(?<![\w.])(?:" + alt + r")"),
        title_end=re.compile(r"(?<![\w.])(?:" + words_alt + "|" + _TO_PLACE + r")\s*$"),
        title_end_words=re.compile(r"(?<![\w.])(?:" + words_alt + r")\s*$"),
        title_reach=_reach((*honorifics, *_OFFICE_WORDS)),
        # "to " matched first, then the look back at the character before it (a search skips to each "to ")
        title_end_to=re.compile(r"to (?<![\w.]to )" + _TO_PLACE[len("to ") :] + r"\s*$"),
    )


def _reach(words: tuple[str, ...]) -> int:
    """How far back from a text's last character a match of one of ``words`` ending the text can start:
    each is matched as written (a look-ahead after an abbreviation's full stop adds no character); one
    ending in white space could end before more of it, and then the whole text is read."""
    if any(w[-1:].isspace() for w in words):
        return 10**9
    return max((len(w) for w in words), default=0)


# words that end an office's name ("Secretary of State", "Minister of Defense"), as written
_OFFICE_WORDS = (
    "State", "Defense", "Defence", "Affairs", "General", "Trade", "Policy", "Security Affairs", "Office",
    "Unification", "Finance", "Korea", "Japan", "Staff", "Command", "Industry", "Treasury", "Commerce",
    "Economy", "Energy", "Justice", "Intelligence", "USFK", "USFJ", "INDOPACOM", "PACOM", "CFC", "UNC",
)  # fmt: skip
# "to the Republic of Korea", "to Japan": an ambassador's post
_TO_PLACE = r"to (?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}"


class _Words:
    """A word list of ``data/names.yml`` read as a set, loaded when first used."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __contains__(self, word: object) -> bool:
        words: frozenset[str] = getattr(lexicon(), self.key)
        return word in words


_NOT_NAME = _Words("not_name")
_PLACE_OR_ORG = _Words("place_or_org")
_KOREAN_FAMILY_NAMES = _Words("korean_family_names")

# "KISHIDA Fumio", "HAN, Min-koo", "CHO Tae-yul": a family name in capitals written first
# (the first capital is matched before the look back at the character ahead of it, so that a search
# skips to capitals instead of looking back from every position of the text)
_CAPS_FIRST = re.compile(
    r"([A-Z](?<![\w.'\u2019-][A-Z])[A-Z]+)(,\s*|\s+)([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)(?![\w'\u2019-])"
)


@dataclass
class Found:
    """An official identified in the text: registry entry (if any), display name, title seen, country.

    ``basis`` says how a person the registry does not know was recognised: ``title`` (an office or
    honorific next to the name), ``shape`` (a name's written form alone, such as a family name in
    capitals) or ``quoted`` (a quoted non-official).
    """

    name: str
    official: Official | None
    titles: list[str] = field(default_factory=list)
    country: str = "other"
    lines: list[int] = field(default_factory=list)
    basis: str = "registry"

    @property
    def key(self) -> str:
        return self.official.name if self.official else self.name

    @property
    def family(self) -> str:
        if self.official:
            return self.official.family_name
        parts = self.name.split()
        return parts[0] if self.country == "KR" and len(parts) >= 2 else parts[-1]


@dataclass(frozen=True)
class Mention:
    who: Found
    start: int
    end: int  # span of the name (and the title before it)


# an office named inside a longer one ("Foreign Minister" in "Vice Foreign Minister") is not that office
_SUBORDINATE = re.compile(r"(?:Vice|Deputy|Assistant|Under|Associate)[\s-]+$", re.I)


@cache
def _office_patterns(reg: Registry) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for office in reg.offices.values():
        for pat in office.patterns:
            out.append((office.id, re.compile(r"\b" + re.escape(pat) + r"\b", re.I)))
    return out


def country_from_title(title: str) -> str | None:
    for code, pattern in _COUNTRY_WORDS:
        if re.search(r"(?:^|\s)(?:" + pattern + r")(?:'s|\u2019s)?(?=\s|$|,)", title):
            return code
    abbreviations = lexicon().abbreviations
    for word in title.split():
        if word in abbreviations and abbreviations[word][1]:
            return abbreviations[word][1]
    return None


def country_in(text: str) -> str | None:
    """The country a line names by a country word or by an organisation's acronym ("USFK")."""
    country = country_from_title(text)
    if country:
        return country
    acronyms = lexicon().acronym_countries
    for word in re.findall(r"[A-Z]{2,}", text):
        if word in acronyms:
            return acronyms[word]
    return None


def offices_for_title(reg: Registry, title: str, subordinate: bool = False) -> list[str]:
    """Offices whose wording appears in a title phrase, most specific wording first; with
    ``subordinate`` also those named inside a deputy's title (which serves the same country)."""
    hits: list[tuple[int, str]] = []
    for office_id, pattern in _office_patterns(reg):
        for m in pattern.finditer(title):
            if not subordinate and _SUBORDINATE.search(title[: m.start()]):
                continue
            hits.append((-(m.end() - m.start()), office_id))
            break
    hits.sort()
    seen: list[str] = []
    for _, office_id in hits:
        if office_id not in seen:
            seen.append(office_id)
    return seen


@cache
def _publisher_patterns() -> tuple[tuple[tuple[re.Pattern[str], str], ...], re.Pattern[str]]:
    """Each publisher's name as a whole word or phrase, with its country, and one pattern for any of
    them (compiled once)."""
    names = lexicon().publisher_countries
    each = tuple(
        (re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)"), country) for name, country in names.items()
    )
    anyone = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in each) or "(?!)")
    return each, anyone


class PeopleFinder:
    """Finds the officials of one document; keeps them so later references resolve to the same person."""

    def __init__(self, reg: Registry, day: dt.date | None) -> None:
        self.reg = reg
        self.day = day
        self.people: dict[str, Found] = {}
        self._families: set[str] = set()  # name_key of every family name a person found may have
        # mentions already found in a text: the header, attribution, participants and quotes read the
        # same sentences, and each is searched once for as long as the people known and the day stay
        self._found: dict[tuple[str, bool | None, int, dt.date | None], list[Mention]] = {}

    # -- naming -----------------------------------------------------------------------------
    def _add(
        self, name: str, official: Official | None, title: str, line: int, basis: str = "title"
    ) -> Found:
        key = official.name if official else name
        found = self.people.get(key)
        if found is None:
            country = official.country if official else self._country_of_unknown(name, title)
            found = Found(
                name=official.name if official else name,
                official=official,
                country=country,
                basis="registry" if official else basis,
            )
            self.people[key] = found
            # the family name as ``Found.family`` gives it, or could once the country is known
            parts = found.name.split()
            self._families.update(
                name_key(f) for f in ((official.family_name,) if official else (parts[0], parts[-1]))
            )
        elif found.official is None and found.country == "other" and title:
            found.country = self._country_of_unknown(name, title)
        if title and title not in found.titles:
            found.titles.append(title)
        if line and line not in found.lines:
            found.lines.append(line)
        return found

    def _country_of_unknown(self, name: str, title: str) -> str:
        """An official not in the registry: the country adjective of the title, else the one country
        whose offices use that title, else a Korean family name, else other."""
        country = country_from_title(title) if title else None
        if country:
            return country
        countries = (
            {self.reg.offices[o].country for o in offices_for_title(self.reg, title, subordinate=True)}
            if title
            else set()
        )
        if len(countries) == 1:
            return countries.pop()
        parts = name.split()
        if (
            len(parts) >= 2
            and parts[0] in lexicon().korean_family_names
            and ("-" in parts[1] or len(parts) == 3)
        ):
            return "KR"
        return "other"

    def holders_on_the_day(self, title: str) -> list[Official]:
        """The registry's holders, on the text's day, of the offices a bare title names in full
        ("President": the presidents, not a vice president)."""
        if self.day is None:
            return []
        offices = [
            o
            for o in offices_for_title(self.reg, title)
            if any(p.lower() == title.strip().lower() for p in self.reg.offices[o].patterns)
        ]
        return [
            p for p in self.reg.officials if (t := p.term_at(self.day)) is not None and t.office in offices
        ]

    def add_official(self, official: Official, line: int) -> Found:
        """A registry official the text does not name but refers to (a transcript label)."""
        return self._add(official.name, official, "", line)

    @staticmethod
    def page_countries(lines: list[str]) -> set[str]:
        """The governments a page's own lines name as its publisher ("The White House", "Kantei")."""
        patterns, anyone = _publisher_patterns()
        found = set()
        for line in lines:
            if not anyone.search(line):
                continue  # most lines name no publisher: one search says so
            for pattern, country in patterns:
                if pattern.search(line):
                    found.add(country)
        return found

    @staticmethod
    def country_from_line(who: Found, text: str) -> None:
        """An official of unknown country takes the one the line naming them gives ("General X, USFK")."""
        if who.official is None and who.country == "other":
            who.country = country_in(text) or "other"

    def _pick(self, candidates: list[Official], title: str) -> Official | None:
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        known = [c for c in candidates if c.name in self.people]
        if len(known) == 1:
            return known[0]
        offices = offices_for_title(self.reg, title) if title else []
        country = country_from_title(title) if title else None
        scored = []
        for c in candidates:
            score = 0
            if country and c.country == country:
                score += 2
            for term in c.terms:
                if term.office in offices or (
                    term.office is None and title and term.title.lower() in title.lower()
                ):
                    score += 3
                    if self.day and term.covers(self.day):
                        score += 5
            if self.day and c.term_at(self.day):
                score += 1
            scored.append((score, c))
        scored.sort(key=lambda x: -x[0])
        if scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        return None

    def _known_by_family(self, word: str) -> Found | None:
        """Someone this text has already named whose family name is ``word``."""
        fam = name_key(word)
        if fam not in self._families:
            return None  # no one named yet has it as a family name, whatever their country says
        for person in list(self.people.values()):
            if person.basis != "quoted" and name_key(person.family) == fam:
                return person
        return None

    def _caps_first(self, text: str, line: int, headline: bool) -> list[Mention]:
        """Names written family name first in capitals ("KISHIDA Fumio", "HAN, Min-koo")."""
        lex = lexicon()
        out: list[Mention] = []
        for m in _CAPS_FIRST.finditer(text):
            fam, comma, given = m.group(1), m.group(2), m.group(3)
            family = fam.capitalize()
            if fam in lex.acronyms or lex.never_a_name(family) or lex.never_a_name(given):
                continue
            if not re.search(r"[AEIOUY]", fam):
                continue  # "MSDF": an acronym has no vowel, a family name has
            following = re.match(r"\s+([A-Z][\w'\u2019-]*)", text[m.end() :])
            if following and following.group(1) in lex.place_words:
                continue  # "ROKA Camp Base", "MSDF Kanoya Air Base": an organisation or a place
            if "," in comma and "-" not in given:
                continue  # "TOKYO, Japan": a dateline, not a Korean name with a comma
            start, end = m.start(), m.end()
            title = before = self._title_before(text, start)
            cands = self.reg.lookup(f"{family} {given}")
            after = _title_after(text, end)
            known = self._registry_hit(cands, title, after, line)
            if known is not None:
                who = known
            else:
                title = title or (after if _is_official_title(after) else "")
                korean = family in lex.korean_family_names and ("-" in given or not title)
                name = f"{family} {_syllables(given)}" if korean else f"{given} {family}"
                who = self._add(name, None, title, line, basis="title" if title else "shape")
                if who.country == "other":
                    who.country = "KR" if korean else "JP"
            out.append(Mention(who, start - len(before), end))
        return out

    def _registry_hit(self, cands: list[Official], title: str, after: str, line: int) -> Found | None:
        """The registry's official among ``cands`` that the title before or after the name points to
        (the first candidate if none fits better), with that title kept; None without candidates."""
        if not cands:
            return None
        official = self._pick(cands, title or after) or cands[0]
        who = self._add(official.name, official, title, line)
        if after and after not in who.titles:
            who.titles.append(after)
        return who

    def find(self, text: str, line: int = 0, headline: bool | None = None) -> list[Mention]:
        """Officials named in ``text``: full names from the registry, titled names, names written family
        name first in capitals, and family names of people already found.

        In a ``headline`` (title-case text, where every word is capitalized) a run of capitals is a name
        only where the registry knows it, where it has a name's written shape (a family name in capitals,
        a Korean family name with its given name), or where the text has already named that person.

        A text searched before, with the same people known and the same day, gives the same mentions
        without a second search."""
        key = (text, headline, len(self.people), self.day)
        known = self._found.get(key)
        if known is not None:
            for m in known:
                if line and line not in m.who.lines:
                    m.who.lines.append(line)
            return list(known)
        mentions = self._search(text, line, headline)
        self._found[key] = mentions
        return list(mentions)

    def _search(self, text: str, line: int, headline: bool | None) -> list[Mention]:
        headline = is_title_case(text) if headline is None else headline
        mentions = self._caps_first(text, line, headline)
        taken = [(m.start, m.end) for m in mentions]
        for run in _NAME_RUN.finditer(text):
            tokens = list(_NAME_TOKENS.finditer(run.group(0)))
            used = (
                [
                    any(a <= run.start() + t.start() < b for a, b in taken)
                    or any(a < run.start() + t.end() <= b for a, b in taken)
                    for t in tokens
                ]
                if taken
                else [False] * len(tokens)
            )
            # full names, longest span first
            for size in range(min(5, len(tokens)), 1, -1):
                for i in range(len(tokens) - size + 1):
                    if any(used[i : i + size]):
                        continue
                    span_text = run.group(0)[tokens[i].start() : tokens[i + size - 1].end()]
                    cands = self.reg.lookup(_POSSESSIVE.sub("", span_text))
                    if not cands:
                        continue  # not a registry name: no title to read around it
                    start = run.start() + tokens[i].start()
                    end = run.start() + tokens[i + size - 1].end()
                    title = self._title_before(text, start)
                    after = _title_after(text, end)
                    hit = self._registry_hit(cands, title, after, line)
                    if hit is not None:
                        mentions.append(Mention(hit, start - len(title), end))
                        for k in range(i, i + size):
                            used[k] = True
            # titled names not in the registry, and family names after a title
            i = 0
            while i < len(tokens):
                if used[i]:
                    i += 1
                    continue
                start = run.start() + tokens[i].start()
                title = self._title_before(text, start)
                word = _POSSESSIVE.sub("", tokens[i].group(0))
                rest = _name_words(tokens[i : i + 3], used[i : i + 3])
                if not title:
                    # someone this text has already named, by full name or family name
                    size = _name_size(rest)
                    if size >= 2 and _tidy_name(" ".join(rest[:size])) in self.people:
                        who = self.people[_tidy_name(" ".join(rest[:size]))]
                        mentions.append(Mention(who, start, run.start() + tokens[i + size - 1].end()))
                        i += size
                        continue
                    person = self._known_by_family(word)
                    if person is not None:
                        mentions.append(Mention(person, start, run.start() + tokens[i].end()))
                        i += 1
                        continue
                    # a full name with its title written after it: "Kim Min-ho, the ROK's Vice Minister, ..."
                    if not headline and size >= 2 and _name_shaped(rest[:size]):
                        end = run.start() + tokens[i + size - 1].end()
                        after = _apposition(text, start, end) if end == run.end() else ""
                        if after:
                            who = self._add(_tidy_name(" ".join(rest[:size])), None, after, line)
                            mentions.append(Mention(who, start, end))
                            i += size
                            continue
                    i += 1
                    continue
                cands = self.reg.by_family.get(name_key(word), [])
                # "Vice Minister Park Min-ho": a given name follows, so this is not the registry's Park
                given_follows = len(rest) >= 2 and (not headline or _korean_shaped(rest[:2]))
                official = (
                    None if given_follows and cands and rest[0] == word else self._pick_family(cands, title)
                )
                if official is not None:
                    end = run.start() + tokens[i].end()
                    who = self._add(official.name, official, title, line)
                    mentions.append(Mention(who, start - len(title), end))
                    i += 1
                    continue
                # an unknown official: title followed by a full name of two or three words
                size = _name_size(rest)
                if (
                    _is_official_title(title)
                    and size >= 2
                    and not self._is_place_or_org(rest)
                    and (
                        not headline
                        or _korean_shaped(rest[:size])
                        or _tidy_name(" ".join(rest[:size])) in self.people
                    )
                ):
                    name = _tidy_name(" ".join(rest[:size]))
                    who = self._add(name, None, title, line)
                    end = run.start() + tokens[i + size - 1].end()
                    mentions.append(Mention(who, start - len(title), end))
                    i += size
                    continue
                # a family name after a title, for someone already named ("Vice Minister Sato")
                person = self._known_by_family(word)
                if person is not None:
                    mentions.append(Mention(person, start - len(title), run.start() + tokens[i].end()))
                i += 1
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _pick_family(self, cands: list[Official], title: str) -> Official | None:
        if not cands:
            return None
        known = [c for c in cands if c.name in self.people]
        if len(known) == 1:
            return known[0]
        offices = offices_for_title(self.reg, title)
        if not offices:
            return (
                known[0] if known else (cands[0] if len(cands) == 1 and _is_official_title(title) else None)
            )
        country = country_from_title(title)
        fits = []
        for c in cands:
            if country and c.country != country and country != "other":
                continue
            terms = [t for t in c.terms if t.office in offices]
            if not terms:
                continue
            if self.day is not None and not any(t.covers(self.day) for t in terms):
                continue
            fits.append(c)
        if len(fits) == 1:
            return fits[0]
        if not fits:
            return self._pick_family_loosely(cands, title, country)
        return None

    def _pick_family_loosely(self, cands: list[Official], title: str, country: str | None) -> Official | None:
        """No candidate held the office on the day: the one candidate who held a role of that wording on
        the day ("Secretary Hagel": Secretary of Defense), else the one who ever held the office (a
        nominee, a former holder)."""
        lex = lexicon()
        words = [w for w in title.split() if not re.fullmatch(_COUNTRY_ALT, w) and w not in ("U.S.", "ROK")]
        offices = offices_for_title(self.reg, title)
        same_country = [c for c in cands if not country or country == "other" or c.country == country]
        if len(words) == 1 and words[0] in lex.honorifics and self.day is not None:
            head = words[0]
            now = [c for c in same_country if (t := c.term_at(self.day)) is not None and head in t.title]
            if len(now) == 1:
                return now[0]
            return None
        ever = [c for c in same_country if any(t.office in offices for t in c.terms)]
        return ever[0] if len(ever) == 1 else None

    @staticmethod
    def _is_place_or_org(tokens: list[str]) -> bool:
        return tokens[0] in lexicon().place_or_org

    @staticmethod
    def _title_before(text: str, start: int) -> str:
        """The title phrase right before a name ("U.S. Secretary of State", "Foreign Minister")."""
        lex = lexicon()
        phrase = text[max(0, start - 160) : start]
        # a title ends right before the name ("... Secretary of State", "... Foreign Minister")
        if not phrase[-1:].isspace() or not lex.ends_with_title(phrase):
            return ""
        # walk back over title words ("Japanese Minister of Defense"); stop at a name or other word
        spans = list(re.finditer(r"\S+", phrase))[-16:]
        toks = [t.group(0) for t in spans]
        keep: list[str] = []
        for pos in range(len(toks) - 1, -1, -1):
            tok = toks[pos]
            bare = tok.strip(".,").removesuffix("'s").removesuffix("\u2019s")
            if tok in ("of", "for", "the", "on", "to"):
                keep.insert(0, tok)
                continue
            if tok == "and":
                before = toks[pos - 1].strip(".,") if pos else ""
                if before in lex.not_name:
                    keep.insert(0, tok)
                    continue
                break
            if (
                bare in lex.not_name
                or bare in lex.places
                or tok in lex.abbreviations
                or re.fullmatch(_COUNTRY_ALT, tok.rstrip(","))
                or re.fullmatch(_COUNTRY_ALT, bare)
                or tok in ("U.S.", "ROK")
            ):
                keep.insert(0, tok)
                continue
            break
        while keep and keep[0] in ("of", "for", "the", "on", "to", "and"):
            keep.pop(0)
        title = " ".join(keep)
        if not title or not lex.honorific.search(title):
            return ""
        # the same characters as in the text, from the first title word to the name
        return phrase[spans[len(toks) - len(keep)].start() :]


_SENTENCE_END_MARK = re.compile(r"[.!?:;\u201d\"]\s*$")
_LATIN_WORD = re.compile(r"[A-Za-z][\w'\u2019-]+")


def is_title_case(text: str) -> bool:
    """Text whose words are nearly all capitalized (a headline, a caption written as one): there a
    capitalized word says nothing about being a name."""
    if _SENTENCE_END_MARK.search(text):
        return False  # a sentence, not a headline
    words = [w for w in _LATIN_WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if len(words) < 5:
        return False
    capitalized = sum(1 for w in words if w[0].isupper())
    return capitalized >= 0.8 * len(words)


_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to with vs via over after before".split()  # noqa: SIM905
)
_CAPITALIZED_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def small_words_lowered(text: str) -> str:
    """Title-case text with the small words a headline capitalizes ("On", "The") in lowercase, so
    that they end a run of capitals as they do in running text; other words ("May") stay."""
    return _CAPITALIZED_WORD.sub(
        lambda m: m.group(0).lower() if m.group(0).lower() in _SMALL_WORDS else m.group(0), text
    )


def _apposition(text: str, start: int, end: int) -> str:
    """An official title set off by commas after a name ("X, the ROK's Vice Minister, said", or as news
    style writes it in lower case: "X, the coast guard's vice commandant for operations, said"); not
    after an article ("the Trilateral Ministerial, the Secretary said" names no one)."""
    if re.search(r"\b(?:the|a|an|this|that|its|their)\s+$", text[:start], re.I):
        return ""
    after = _title_after(text, end)
    if after and _is_official_title(after):
        if re.match(r",\s+(?:the\s+)?" + re.escape(after) + r"\s*(?:[,;.)]|$)", text[end:]):
            return after
    lower = _LOWER_APPOSITION.match(text[end : end + 160])
    return lower.group(1) if lower else ""


# "..., the Japan Coast Guard's vice commandant for operations, ...": an office in lower case, closed
# by a comma, within a few words
_LOWER_APPOSITION = re.compile(
    r",\s+(?:the\s+)?((?:[\w.'\u2019-]+\s+){0,5}?(?:vice\s+|deputy\s+|chief\s+|top\s+)?"
    r"(?:minister|secretary|ambassador|envoy|spokes(?:man|woman|person)|commander|commandant|admiral|"
    r"general|director(?:-general)?|chairman|chairwoman|chair|adviser|advisor|president|premier|governor|"
    r"negotiator|representative|official)(?:\s+(?:for|of|to|at|on)\s+[\w.'\u2019 -]{1,80}?)?)\s*,"
)


def _name_words(tokens: list[re.Match[str]], used: list[bool]) -> list[str]:
    """The words of a name at the start of ``tokens``: up to the first title, place or function word."""
    lex = lexicon()
    out: list[str] = []
    for t, is_used in zip(tokens, used, strict=False):
        word = t.group(0)
        if is_used or lex.never_a_name(word):
            break
        if _POSSESSIVE.search(word):
            out.append(_POSSESSIVE.sub("", word))  # "Minister Kenji Arakawa's visit": the name ends here
            break
        out.append(word)
    return out


_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _name_size(rest: list[str]) -> int:
    """How many of the words make the name: three for "Kim Hong Kyun" or "Mary Ann Roe", else two."""
    if len(rest) >= 3 and "-" not in rest[1]:
        return 3
    return min(len(rest), 2)


def _korean_shaped(words: list[str]) -> bool:
    """A Korean family name followed by a hyphenated given name ("Park Min-ho")."""
    return len(words) >= 2 and words[0] in lexicon().korean_family_names and "-" in words[1]


def _name_shaped(words: list[str]) -> bool:
    """Two or three capitalized words, each with a lower-case letter (not an acronym), none a title word."""
    lex = lexicon()
    return 2 <= len(words) <= 3 and all(
        re.fullmatch(r"(?:[A-Z]\.\s*)*[A-Z][a-z'\u2019]+(?:-[A-Za-z][a-z]+)?", w) and not lex.never_a_name(w)
        for w in words
    )


def _syllables(given: str) -> str:
    """A Korean given name as usually written: "Min-Ho" and "Min ho" become "Min-ho"."""
    parts = [p for p in re.split(r"[\s-]+", given) if p]
    return "-".join([parts[0].capitalize(), *(p.lower() for p in parts[1:])]) if parts else given


_COUNTRY_ALT = "|".join(p for _, p in _COUNTRY_WORDS)


_AFTER_TITLE = re.compile(
    r"^,\s+(?:the\s+)?((?:[A-Z][\w.'\u2019-]*|of|for|and|the|on|to)(?:\s+(?:[A-Z][\w.'\u2019-]*|of|for|and|the|on|to)){0,9})"
)


def _title_after(text: str, end: int) -> str:
    """A title written after the name ("KAMIKAWA Yoko, Minister for Foreign Affairs, ...")."""
    m = _AFTER_TITLE.match(text[end : end + 120])
    if not m:
        return ""
    title = re.split(r"(?<=[a-z])\.\s", m.group(1), maxsplit=1)[0].rstrip(".")  # not past a sentence end
    title = re.sub(r"(?:\s+(?:of|for|and|the|on|to))+$", "", title)
    return title if lexicon().honorific.search(title) else ""


def _is_official_title(title: str) -> bool:
    return bool(
        re.search(
            r"\b(?:President|Minister|Secretary|Ambassador|Advis[oe]r|Director|Chairman|Envoy|Representative|"
            r"Leader|Premier|Spokes\w+|Chief|Deputy|Commander|Senator|Congress\w+|General|Admiral|Governor|"
            r"Mayor)\b|(?<![\w.])(?:Rep|Sen|Gen|Adm|Amb|Gov)\.",
            title,
        )
    )


def _tidy_name(name: str) -> str:
    """A name as PRODUCT.md writes it: no middle initials; "KISHIDA Fumio" as "Fumio Kishida"; a Korean
    name family name first with its given name hyphenated ("Kim Hong Kyun" as "Kim Hong-kyun")."""
    parts = [p for p in name.split() if not re.fullmatch(r"[A-Z]\.", p)]
    parts = [re.sub(r"^(?:[A-Z]\.\s*)+", "", p) for p in parts]
    korean = lexicon().korean_family_names
    if len(parts) == 2 and parts[0].isupper() and len(parts[0]) > 1 and not parts[1].isupper():
        family = parts[0].capitalize()
        if family in korean and "-" in parts[1]:
            return f"{family} {_syllables(parts[1])}"
        return f"{parts[1]} {family}"
    if len(parts) >= 2 and parts[0] in korean and ("-" in parts[1] or len(parts) == 3):
        return f"{parts[0]} {_syllables(' '.join(parts[1:]))}"
    return " ".join(parts)


def mask_quotes(text: str) -> str:
    """The text with every quoted span blanked out (same length), so positions still line up."""
    return _QUOTE_SPAN.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], text)


def quoted_spans(text: str) -> list[str]:
    return [m.group(1).strip() for m in _QUOTE_SPAN.finditer(text) if len(m.group(1).split()) >= 3]


def role_for(found: Found, reg: Registry, day: dt.date | None) -> str:
    """The role a person held on ``day`` (or the one the text gives them)."""
    if found.official:
        if day:
            term = found.official.term_at(day)
            if term:
                return term.title
        for title in found.titles:
            for office_id in offices_for_title(reg, title):
                for term in found.official.terms:
                    if term.office == office_id:
                        return term.title
        if found.official.terms:
            if day:
                past = [t for t in found.official.terms if t.start <= day]
                if past:
                    return past[-1].title
            return found.official.terms[-1].title
    for title in found.titles:
        stripped = _role_from_title(title)
        if stripped:
            return stripped
    return ""


def _role_from_title(title: str) -> str:
    """The role a title phrase names, without the country words around it and with abbreviations
    written out ("the ROK's First Vice Minister" -> "First Vice Minister"; "Sen." -> "Senator")."""
    abbreviations = lexicon().abbreviations
    text = re.sub(r"^(?:the\s+)?(?:(?:" + _COUNTRY_ALT + r")(?:'s|\u2019s)?\s+)+", "", title.strip()).strip(
        " ,"
    )
    words = text.split()
    # a rank written before the name after an office ("Commander of U.S. Forces Korea Gen.")
    while len(words) > 1 and words[-1] in abbreviations:
        words.pop()
    if len(words) == 1 and words[0] in abbreviations:
        return abbreviations[words[0]][0]
    text = " ".join(words)
    return "" if text in ("Mr.", "Ms.", "Mrs.", "Dr.") else text


def terms_named(found: Found, reg: Registry) -> list[Term]:
    """The terms of office that the titles used for this person in the text point to."""
    if not found.official:
        return []
    out: list[Term] = []
    for title in found.titles:
        offices = offices_for_title(reg, title)
        matching = [t for t in found.official.terms if t.office in offices]
        if matching and len({t.office for t in matching}) >= 1:
            best = [t for t in matching if t.office == offices[0]] or matching
            out.extend(x for x in best if x not in out)
            break
    return out


__all__ = [
    "Found",
    "Mention",
    "PeopleFinder",
    "mask_quotes",
    "quoted_spans",
    "role_for",
    "terms_named",
]
