"""Words a regular expression cannot match without: a quick test that a text holds none of them
skips the expression, as search engines' regex prefilters do (RE2's, Hyperscan's).

``needles(pattern)`` reads the pattern's parse tree for runs of plain characters every match must
contain: a run in the pattern's sequence, in a group, in a positive look-around, in a repeat of at
least once, or one from each branch of an alternation. It returns the best such set (its shortest
needle as long as can be, lower-case ASCII), or None where the pattern has none of at least
``MIN_LENGTH`` characters, and then it is always searched.

The test is exact for case-insensitive patterns: ``may_match(needles, lowered)`` is False only where
no match exists. ``fold(text)`` lower-cases a text for it, or gives None for the rare text holding
one of the four characters that Python's case-insensitive matching takes for an ASCII letter
without ``str.lower`` giving that letter (U+0130, U+0131, U+017F, U+212A): such a text is searched.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

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


def needles_of_all(patterns: Iterable[str], flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Needles for a text any of ``patterns`` may match: None where one of them has none."""
    out: set[str] = set()
    for pattern in patterns:
        found = needles(pattern, flags)
        if found is None:
            return None
        out |= found
    return frozenset(out)


def fold(text: str) -> str | None:
    return None if _ODD_FOLDS.search(text) else text.lower()


def may_match(found: frozenset[str] | None, lowered: str | None) -> bool:
    return found is None or lowered is None or any(n in lowered for n in found)


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
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            best = _better(best, {"".join(run)})
            run = []
        if op is c.SUBPATTERN:
            best = _better(best, _required(list(av[-1])))
        elif op is c.BRANCH:
            alternatives = [_required(list(alt)) for alt in av[1]]
            if all(alternatives):
                best = _better(best, set().union(*alternatives))  # type: ignore[arg-type]
        elif op is c.ASSERT:  # a positive look-ahead or look-behind must match too
            best = _better(best, _required(list(av[1])))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)) and av[0] >= 1:
            best = _better(best, _required(list(av[2])))
    return best
