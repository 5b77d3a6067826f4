"""Words a regular expression cannot match without: a quick test that a text holds none of them
skips the expression, as search engines' regex prefilters do (RE2's, Hyperscan's).

``needles(pattern)`` reads the pattern's parse tree for runs of plain characters every match must
contain: a run in the pattern's sequence, in a group, in a positive look-around, in a repeat of at
least once, or one from each branch of an alternation. It returns the best such set (its shortest
needle as long as can be, lower-case ASCII), or None where the pattern has none of at least
``MIN_LENGTH`` characters, and then it is always searched.

A :class:`Prefilter` holds the needles of many patterns (a vocabulary's) in one Aho-Corasick automaton
(``pyahocorasick``): one pass over a text, however many needles, tells which patterns it may match.

The test is exact for case-insensitive patterns: a pattern is turned away only where no match exists.
``fold(text)`` lower-cases a text for it, or gives None for the rare text holding one of the four
characters that Python's case-insensitive matching takes for an ASCII letter without ``str.lower``
giving that letter (U+0130, U+0131, U+017F, U+212A): such a text is searched with every pattern.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from .textutil import kept_when_short

sre_parser: Any
sre_constants: Any
try:  # Python's own regex parser (3.11+); without it every pattern is searched
    sre_parser = importlib.import_module("re._parser")
    sre_constants = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python that moved them
    sre_parser = sre_constants = None

MIN_LENGTH = 3
# characters that match an ASCII letter case-insensitively but do not lower-case to it alone
_ODD_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def needles(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    if sre_parser is None:
        return None
    try:
        parsed = sre_parser.parse(pattern, flags)
        found = _required(list(parsed))
    except Exception:  # a construct this reading does not know: no prefilter, never a wrong one
        return None
    if not found or min(len(n) for n in found) < MIN_LENGTH:
        return None
    return frozenset(found)


def automaton_of(words: Iterable[str]) -> Any:
    """An Aho-Corasick automaton of ``words``: ``automaton.iter(text)`` gives (end, word) for every
    occurrence of every word in ``text``, in one pass over it."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    if len(automaton):
        automaton.make_automaton()
    return automaton


@dataclass(frozen=True)
class Prefilter:
    """The needles of many patterns, read in one pass over a text: which of the patterns it may match.

    ``held(lowered)`` gives the needles a folded text holds (None where ``fold`` gave None: then every
    pattern is searched), found by one Aho-Corasick automaton of all the needles in a single pass over
    the text, whatever their number; ``held(part, among)``, those of a part of that text, looked for
    among the few needles the whole holds; ``patterns(held)``, the indices of the patterns that text may
    match, in order: those with a needle it holds, and those that have no needles."""

    count: int
    needles: tuple[str, ...]
    patterns_of: dict[str, frozenset[int]]  # needle -> the patterns it is a needle of
    always: frozenset[int]  # the patterns with no needles, searched in every text
    automaton: Any = field(repr=False, compare=False)

    @classmethod
    def of(cls, patterns: Sequence[str], flags: int = re.IGNORECASE) -> Prefilter:
        patterns_of: dict[str, set[int]] = {}
        always: set[int] = set()
        for i, pattern in enumerate(patterns):
            found = needles(pattern, flags)
            if found is None:
                always.add(i)
            for needle in found or ():
                patterns_of.setdefault(needle, set()).add(i)
        automaton = automaton_of(patterns_of)
        return cls(
            len(patterns),
            tuple(sorted(patterns_of)),
            {needle: frozenset(found) for needle, found in patterns_of.items()},
            frozenset(always),
            automaton,
        )

    def held(self, lowered: str | None, among: tuple[str, ...] | None = None) -> tuple[str, ...] | None:
        if lowered is None:
            return None
        if among is not None:
            return tuple(n for n in among if n in lowered)
        if not self.needles:
            return ()
        return tuple(sorted({needle for _, needle in self.automaton.iter(lowered)}))

    def patterns(self, held: tuple[str, ...] | None) -> Iterable[int]:
        if held is None:
            return range(self.count)
        if not held:
            return sorted(self.always)
        found = set(self.always)
        for needle in held:
            found |= self.patterns_of[needle]
        return sorted(found)


class Guarded:
    """A regular expression searched only in a text holding one of its needles, looked for first with
    an automaton of them: a pass over the text much quicker than the expression's own where, as with
    an alternation of words behind a word boundary, it tries every position. ``search`` and
    ``finditer`` give what the expression's own give; ``lowered`` is the text as ``fold`` gives it
    (several guarded expressions read the same sentence, which is lowered once)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._prefilter = Prefilter.of([pattern.pattern], pattern.flags)
        self._always = bool(self._prefilter.always)  # a pattern with no needles: searched in every text
        self._needles_in = self._prefilter.automaton.iter

    def may_match(self, lowered: str | None) -> bool:
        if lowered is None or self._always:
            return True
        return next(self._needles_in(lowered), None) is not None

    def search(self, text: str, lowered: str | None) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(lowered) else None

    def finditer(self, text: str, lowered: str | None) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(lowered) else iter(())


# a sentence is read by several guarded expressions and prefilters: its folded form is kept for the next
@kept_when_short(4096)
def fold(text: str) -> str | None:
    return None if _ODD_FOLDS.search(text) else text.lower()


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    if not b:
        return a
    if not a:
        return b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best set of literal runs one of which every match of this sequence contains."""
    c = sre_constants
    best: set[str] | None = None
    run: list[tuple[Any, Any]] = []  # the literal characters just read, in a row
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL and av < 128:
            run.append((op, av))
            continue
        if run:
            best = _better(best, {"".join(chr(ch).lower() for _, ch in run)})
        if op is c.SUBPATTERN:
            best = _better(best, _required(list(av[-1])))
        elif op is c.BRANCH:
            # Python's parser takes the prefix its alternatives share out of them ("US|USA" is read as
            # "US(?:|A)"): the characters just before a branch begin each of its alternatives again
            alternatives = [_required([*run, *alt]) for alt in av[1]]
            if all(alternatives):
                best = _better(best, set().union(*alternatives))  # type: ignore[arg-type]
        elif op is c.ASSERT:  # a positive look-ahead or look-behind must match too
            best = _better(best, _required(list(av[1])))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)) and av[0] >= 1:
            best = _better(best, _required(list(av[2])))
        run = []
    return best
