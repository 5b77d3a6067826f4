"""Dates as real pages write them: "2014-3-8", "Mar 16, 2017", "2 September 2022", "Sept. 28, 2012",
"Friday, May 31" (year to be worked out), "July 02, 2013 1:26 AM"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .needles import fold

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?P<weekday>Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# 09/28/2012, month first as U.S. pages write it; 28/09/2012, which cannot be, day first (see _dates_in)
_SLASHED = re.compile(r"(?<![\d/])(?P<mnum>[0-3]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d{2})(?!\d)")
_PATTERNS = [
    re.compile(r"(?<!\d)" + _YEAR + r"[-/.](?P<mnum>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # 2024. 4. 12. (Korean pages) and 2017年2月12日 (Japanese and Chinese pages)
    re.compile(r"(?<!\d)" + _YEAR + r"\.\s(?P<mnum>[01]?\d)\.\s(?P<day>[0-3]?\d)\.(?!\d)"),
    re.compile(r"(?<!\d)" + _YEAR + r"\s*年\s*(?P<mnum>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日"),
    # 28.09.2012 (day first, as European and Asian pages write it) and 09/28/2012 (above)
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d{2})(?!\d)"),
    _SLASHED,
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,\s*|\s+)" + _YEAR + r"\b", re.I),
    re.compile(_WEEKDAY + r"(?<!\d)" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r"\b(?!\s*,?\s*(?:19|20)\d{2})(?!:)", re.I),
    re.compile(_WEEKDAY + r"(?<!\d)" + _DAY + r"\s+" + _MONTH + r"\b(?!,?\s*(?:19|20)\d{2})", re.I),
]
# what each pattern above cannot match without: (a year in digits, a month's name)
_NEEDS = [(pattern, "(?P<year>" in pattern.pattern, "(?P<month>" in pattern.pattern) for pattern in _PATTERNS]
_DIGIT = re.compile(r"\d")
_YEARISH = re.compile(r"(?:19|20)\d{2}")
_MONTHISH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_TIME = r"(?:\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?)?"
_DATE_LINE_NOISE = re.compile(
    r"^\s*(?:[•·*\-–—]\s*)?"
    r"(?:(?:posted|published|updated|released|date|dated|issued|last updated)(?:\s+on)?\s*:?\s*)?",
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text. ``year`` is None when the text gives only day and month."""

    year: int | None
    month: int
    day: int
    weekday: int | None
    start: int
    end: int

    def to_date(self) -> dt.date | None:
        if self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


_GLUED = re.compile(r"([a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")


_MONTH_HEADS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NEEDLES = tuple(m.lower() for m in _MONTH_HEADS)


def _split_glued(text: str) -> str:
    # "3 min readMar 16, 2017": a date glued to the word before it (never where no month's name is)
    if not any(m in text for m in _MONTH_HEADS):
        return text
    return _GLUED.sub(r"\1 ", text)


def _has_month(text: str) -> bool:
    """``_MONTHISH.search(text)``, looked for in the lowered text where ``fold`` can lower it."""
    lowered = fold(text)
    if lowered is None:
        return bool(_MONTHISH.search(text))
    return any(m in lowered for m in _MONTH_NEEDLES)


def find_dates(text: str) -> list[FoundDate]:
    """Every date in ``text``, in order of appearance; full dates win over overlapping partial ones."""
    if not _DIGIT.search(text):
        return []  # every date form has a day in digits
    return list(_dates_in(text))


# a line is read by several stages (chrome, date, headline): its dates are found once
@lru_cache(maxsize=8192)
def _dates_in(text: str) -> tuple[FoundDate, ...]:
    text = _split_glued(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    # each pattern needs a year in digits, a month's name or both: one scan for each says which can match
    has_year = bool(_YEARISH.search(text))
    has_month = _has_month(text)
    for pattern, needs_year, needs_month in _NEEDS:
        if (needs_year and not has_year) or (needs_month and not has_month):
            continue
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            if groups.get("mnum"):
                month = int(groups["mnum"])
            else:
                month = MONTHS[groups["month"][:3].lower()]
            day = int(groups["day"])
            if pattern is _SLASHED and month > 12:
                month, day = day, month  # "28/09/2012": day first, where month first cannot be read
            year = int(groups["year"]) if groups.get("year") else None
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            if year is None and groups.get("month") and groups["month"].lower().rstrip(".") == "may":
                # "may 5" is more often the verb than the month unless a weekday or capital says so
                if not groups.get("weekday") and not groups["month"][0].isupper():
                    continue
            wd = groups.get("weekday")
            weekday = _WEEKDAYS.get(wd[:3].lower()) if wd else None
            fd = FoundDate(year, month, day, weekday, m.start(), m.end())
            if year is not None and fd.to_date() is None:
                continue
            found.append(fd)
            taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda d: d.start))


# a month named with its year and no day ("November 2017", "Nov. 2017"), as an issue or an archive names it
_MONTH_YEAR = re.compile(
    r"(?<![\w.])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b"
)


def find_month_years(text: str) -> list[tuple[int, int]]:
    """(month, year) of every month ``text`` names with its year and no day ("November 2017")."""
    out = []
    for m in _MONTH_YEAR.finditer(text):
        if re.search(r"\d\s*(?:of\s*)?$", text[max(0, m.start() - 4) : m.start()]):
            continue  # "6 November 2017": a full date, read as one
        out.append((MONTHS[m.group(1).lower()], int(m.group(2))))
    return out


@lru_cache(maxsize=8192)
def is_date_line(text: str) -> bool:
    """The line is a date and nothing else (a weekday, a time or a 'Posted' label may go with it)."""
    text = _split_glued(text.strip())
    if not text or len(text) > 60:
        return False
    stripped = _DATE_LINE_NOISE.sub("", text)
    for d in find_dates(stripped):
        if d.year is None:
            continue
        rest = (stripped[: d.start] + stripped[d.end :]).strip().strip(" ,|-–—")
        rest = re.sub(r"^" + _TIME + r"$", "", rest).strip(" ,|-–—")
        if not rest:
            return True
    return False


def infer_year(found: FoundDate, earliest: dt.date, latest: dt.date) -> dt.date | None:
    """The one year within [earliest, latest] that fits a day-month date (and its weekday, if given)."""
    fits = []
    for year in range(earliest.year, latest.year + 1):
        try:
            candidate = dt.date(year, found.month, found.day)
        except ValueError:
            continue
        if not earliest <= candidate <= latest:
            continue
        if found.weekday is not None and candidate.weekday() != found.weekday:
            continue
        fits.append(candidate)
    return fits[0] if len(fits) == 1 else None


def parse_iso(value: str) -> dt.date:
    """Strict ``YYYY-MM-DD`` (editors' corrections); raises ValueError otherwise."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    return dt.date.fromisoformat(value)
