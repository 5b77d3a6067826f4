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

from .registry import Official, Registry, Term, name_key

STATEMENT_VERBS = (
    r"said|says|say|stated|states|told|tells|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|expressed|expresses|"
    r"reaffirmed|reaffirms|reiterated|reiterates|affirmed|affirms|confirmed|confirms|noted|notes|noting|"
    r"welcomed|welcomes|condemned|condemns|urged|urges|called for|calls for|pledged|pledges|agreed|agrees|"
    r"highlighted|highlights|vowed|vows|commented|comments|asserted|asserts|added|adds|declared|declares|"
    r"announced|announces|underscored|underscores|underlined|underlines|remarked|explained|explains|warned|"
    r"warns|insisted|insists|stating|adding|saying|emphasi[sz]ing|stressing|reaffirming|reiterating|"
    r"expressing|welcoming|condemning|urging|pledging|vowing|highlighting"
)
_VERB = re.compile(r"\b(?:" + STATEMENT_VERBS + r")\b")
_COUNTRY_WORDS = [
    ("US", r"U\.\s?S\.|US|American|United States|America's"),
    ("JP", r"Japanese|Japan's|Japan"),
    ("KR", r"South Korean|South Korea's|ROK|Republic of Korea's|Republic of Korea|Korean|Korea's"),
    ("other", r"Chinese|China's|North Korean|DPRK|Russian|Russia's|Australian|Indian|British|French|German"),
]
_HONORIFICS = (
    r"Mr\.|Ms\.|Mrs\.|Dr\.|Minister|Secretary|Chairman|Chairwoman|Leader|Ambassador|Director|Premier|Chancellor|"
    r"Spokesperson|Spokesman|Spokeswoman|Envoy|Representative|Senator|Sen\.|Gen\.|General|Admiral|Adm\.|Governor|"
    r"Chief|Commissioner|Counselor|Advis[oe]r|President|Vice President|Prime Minister|Foreign Minister|Deputy"
)
_CAP = r"[A-Z][A-Za-z'\u2019\-]+"
_NAME_RUN = re.compile(_CAP + r"(?:\s+(?:[A-Z]\.\s*)*" + _CAP + r")*")
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
    r"\b(?:met|meet|meets|meeting|held|hold|holds|talks|dialogue|together with|joined|hosted)\b"
)
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_QUOTE_SPAN = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{2,}?)(?:[\u201d\"]|$)")
NON_PERSON_LABELS = frozenset(
    {"question", "q", "moderator", "participant", "audience", "operator", "staff", "reporter", "interpreter",
     "answer", "a", "note", "editor", "end", "more", "update", "source", "sources", "photo", "caption"}
)  # fmt: skip


@dataclass
class Found:
    """An official identified in the text: registry entry (if any), display name, title seen, country."""

    name: str
    official: Official | None
    titles: list[str] = field(default_factory=list)
    country: str = "other"
    lines: list[int] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.official.name if self.official else self.name


@dataclass(frozen=True)
class Mention:
    who: Found
    start: int
    end: int  # span of the name (and the title before it)


@cache
def _office_patterns(reg: Registry) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for office in reg.offices.values():
        for pat in office.patterns:
            out.append((office.id, re.compile(r"\b" + re.escape(pat) + r"\b", re.I)))
    return out


def country_from_title(title: str) -> str | None:
    for code, pattern in _COUNTRY_WORDS:
        if re.search(r"(?:^|\s)(?:" + pattern + r")(?=\s|$)", title):
            return code
    return None


def offices_for_title(reg: Registry, title: str) -> list[str]:
    """Offices whose wording appears in a title phrase, most specific wording first."""
    hits: list[tuple[int, str]] = []
    for office_id, pattern in _office_patterns(reg):
        m = pattern.search(title)
        if m:
            hits.append((-(m.end() - m.start()), office_id))
    hits.sort()
    seen: list[str] = []
    for _, office_id in hits:
        if office_id not in seen:
            seen.append(office_id)
    return seen


class PeopleFinder:
    """Finds the officials of one document; keeps them so later references resolve to the same person."""

    def __init__(self, reg: Registry, day: dt.date | None) -> None:
        self.reg = reg
        self.day = day
        self.people: dict[str, Found] = {}

    # -- naming -----------------------------------------------------------------------------
    def _add(self, name: str, official: Official | None, title: str, line: int) -> Found:
        key = official.name if official else name
        found = self.people.get(key)
        if found is None:
            country = official.country if official else self._country_of_unknown(name, title)
            found = Found(name=official.name if official else name, official=official, country=country)
            self.people[key] = found
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
            {self.reg.offices[o].country for o in offices_for_title(self.reg, title)} if title else set()
        )
        if len(countries) == 1:
            return countries.pop()
        parts = name.split()
        if len(parts) >= 2 and parts[0] in _KOREAN_FAMILY_NAMES and ("-" in parts[1] or len(parts) == 3):
            return "KR"
        return "other"

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

    def find(self, text: str, line: int = 0) -> list[Mention]:
        """Officials named in ``text``: full names from the registry, titled names, and family names
        of people already found."""
        mentions: list[Mention] = []
        for run in _NAME_RUN.finditer(text):
            tokens = list(re.finditer(r"(?:[A-Z]\.\s*)*" + _CAP, run.group(0)))
            used = [False] * len(tokens)
            # full names, longest span first
            for size in range(min(5, len(tokens)), 1, -1):
                for i in range(len(tokens) - size + 1):
                    if any(used[i : i + size]):
                        continue
                    span_text = run.group(0)[tokens[i].start() : tokens[i + size - 1].end()]
                    cands = self.reg.lookup(span_text)
                    start = run.start() + tokens[i].start()
                    end = run.start() + tokens[i + size - 1].end()
                    title = self._title_before(text, start)
                    after = _title_after(text, end) if cands else ""
                    official = self._pick(cands, title or after) if cands else None
                    if official is None and cands:
                        official = cands[0]
                    if official is not None:
                        who = self._add(official.name, official, title, line)
                        if after and after not in who.titles:
                            who.titles.append(after)
                        mentions.append(Mention(who, start - len(title), end))
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
                word = tokens[i].group(0)
                fam = name_key(word)
                if not title:
                    # a family name alone: only for someone this text has already named
                    for person in list(self.people.values()):
                        if person.official and name_key(person.official.family_name) == fam:
                            mentions.append(Mention(person, start, run.start() + tokens[i].end()))
                            break
                    i += 1
                    continue
                cands = self.reg.by_family.get(fam, [])
                official = self._pick_family(cands, title)
                if official is not None:
                    end = run.start() + tokens[i].end()
                    # a Korean given name may follow the family name ("Vice Minister Kim Hong Kyun")
                    who = self._add(official.name, official, title, line)
                    mentions.append(Mention(who, start - len(title), end))
                    i += 1
                    continue
                # an unknown official: title followed by a full name of two or three words
                rest = []
                for t in tokens[i : i + 3]:
                    word_i = t.group(0).strip(".")
                    if (
                        word_i in _NOT_NAME
                        or word_i.rstrip("'s\u2019") in _NOT_NAME
                        or word_i.endswith(("'s", "\u2019s"))
                    ):
                        break
                    rest.append(t.group(0))
                if _is_official_title(title) and len(rest) >= 2 and not self._is_place_or_org(rest):
                    name = " ".join(rest[:3] if len(rest) >= 3 and "-" not in rest[1] else rest[:2])
                    who = self._add(_tidy_name(name), None, title, line)
                    end = run.start() + tokens[min(i + len(name.split()) - 1, len(tokens) - 1)].end()
                    mentions.append(Mention(who, start - len(title), end))
                    i += len(name.split())
                    continue
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
        return None

    @staticmethod
    def _is_place_or_org(tokens: list[str]) -> bool:
        return tokens[0] in _PLACE_OR_ORG

    @staticmethod
    def _title_before(text: str, start: int) -> str:
        """The title phrase right before a name ("U.S. Secretary of State", "Foreign Minister")."""
        phrase = text[max(0, start - 160) : start]
        # a title ends right before the name ("... Secretary of State", "... Foreign Minister")
        if not phrase[-1:].isspace() or not _TITLE_END.search(phrase):
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
                if before in _NOT_NAME:
                    keep.insert(0, tok)
                    continue
                break
            if bare in _NOT_NAME or re.fullmatch(_COUNTRY_ALT, tok.rstrip(",")) or tok in ("U.S.", "ROK"):
                keep.insert(0, tok)
                continue
            break
        while keep and keep[0] in ("of", "for", "the", "on", "to", "and"):
            keep.pop(0)
        title = " ".join(keep)
        if not title or not _HONORIFIC.search(title):
            return ""
        # the same characters as in the text, from the first title word to the name
        return phrase[spans[len(toks) - len(keep)].start() :]


_COUNTRY_ALT = "|".join(p for _, p in _COUNTRY_WORDS)
_KOREAN_FAMILY_NAMES = frozenset(
    [
        "Kim",
        "Lee",
        "Yi",
        "Park",
        "Pak",
        "Choi",
        "Choe",
        "Chung",
        "Jung",
        "Jeong",
        "Kang",
        "Cho",
        "Jo",
        "Yoon",
        "Yun",
        "Jang",
        "Chang",
        "Lim",
        "Im",
        "Han",
        "Oh",
        "Seo",
        "Shin",
        "Kwon",
        "Hwang",
        "Ahn",
        "An",
        "Song",
        "Ryu",
        "Yoo",
        "Yu",
        "Hong",
        "Jeon",
        "Chun",
        "Ko",
        "Moon",
        "Mun",
        "Yang",
        "Son",
        "Bae",
        "Baek",
        "Heo",
        "Nam",
        "Noh",
        "Roh",
        "Ha",
        "Kwak",
        "Sung",
        "Cha",
        "Joo",
        "Woo",
        "Ku",
        "Koo",
        "Min",
        "Ra",
        "Wi",
        "Ban",
        "Hyun",
    ]
)
_HONORIFIC = re.compile(r"\b(?:" + _HONORIFICS + r")\b")
_PLACE_OR_ORG = frozenset(
    [
        "Japan",
        "Korea",
        "China",
        "United",
        "Republic",
        "States",
        "Department",
        "Ministry",
        "Office",
        "House",
        "Council",
        "Affairs",
        "Defense",
        "State",
        "Asia",
        "Pacific",
    ]
)
_TITLE_END = re.compile(
    r"\b(?:" + _HONORIFICS + r"|State|Defen[cs]e|Affairs|General|Trade|Policy|Security Affairs|Office|"
    r"Unification|Finance|to (?:Japan|Korea|the Republic of Korea|South Korea|China|the United States))\s*$"
)
# words that belong to titles and organisations, never to a person's name
_NOT_NAME = frozenset(
    [
        "President",
        "Vice",
        "Prime",
        "Minister",
        "Ministers",
        "Secretary",
        "Secretaries",
        "Deputy",
        "Assistant",
        "Under",
        "Foreign",
        "Defense",
        "Defence",
        "Affairs",
        "State",
        "National",
        "Security",
        "Advisor",
        "Adviser",
        "Director",
        "General",
        "Secretariat",
        "Office",
        "Ministry",
        "Department",
        "Ambassador",
        "Special",
        "Representative",
        "Envoy",
        "Chairman",
        "Leader",
        "Chief",
        "Council",
        "Committee",
        "House",
        "White",
        "Embassy",
        "Republic",
        "Korea",
        "Korean",
        "Japan",
        "Japanese",
        "China",
        "Chinese",
        "United",
        "States",
        "American",
        "Asia",
        "Asian",
        "East",
        "Pacific",
        "Northeast",
        "South",
        "North",
        "Trade",
        "Policy",
        "Peninsula",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        "The",
        "Of",
        "And",
        "For",
        "On",
        "To",
        "First",
        "Second",
        "Senior",
        "Administration",
        "Government",
        "Agency",
        "Forces",
        "Force",
        "Command",
        "Navy",
        "Army",
        "Air",
        "Marine",
        "Self",
        "Spokesperson",
        "Staff",
        "Cabinet",
        "Summit",
        "Dialogue",
        "Meeting",
        "Talks",
        "Statement",
        "Press",
        "Vice-Minister",
    ]
)


_AFTER_TITLE = re.compile(
    r"^,\s+(?:the\s+)?((?:[A-Z][\w.'\u2019-]*|of|for|and|the|on|to)(?:\s+(?:[A-Z][\w.'\u2019-]*|of|for|and|the|on|to)){0,9})"
)


def _title_after(text: str, end: int) -> str:
    """A title written after the name ("KAMIKAWA Yoko, Minister for Foreign Affairs, ...")."""
    m = _AFTER_TITLE.match(text[end : end + 120])
    if not m:
        return ""
    title = re.sub(r"(?:\s+(?:of|for|and|the|on|to))+$", "", m.group(1))
    return title if _HONORIFIC.search(title) else ""


def _is_official_title(title: str) -> bool:
    return bool(
        re.search(
            r"\b(?:President|Minister|Secretary|Ambassador|Advis[oe]r|Director|Chairman|Envoy|Representative|"
            r"Leader|Premier|Spokes\w+|Chief|Deputy)\b",
            title,
        )
    )


def _tidy_name(name: str) -> str:
    parts = name.split()
    # "KISHIDA Fumio": an upper-case family name written first
    if len(parts) == 2 and parts[0].isupper() and not parts[1].isupper():
        return f"{parts[1]} {parts[0].capitalize()}"
    return name


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
        stripped = re.sub(r"^(?:(?:" + _COUNTRY_ALT + r")\s+)+", "", title.strip()).strip(" ,")
        if stripped and stripped not in ("Mr.", "Ms.", "Mrs.", "Dr."):
            return stripped
    return ""


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
