"""A generated page's front matter written as YAML: block style, every text double-quoted.

PyYAML's dumper builds a node for every value and asks its resolver, for each text, whether the
text would read back as something else (a number, a date, true or false), before it decides how to
quote it: on a statement page, whose front matter holds the whole record, that was half the cost of
writing the page. The front matter is made only of mappings with text keys, lists, texts, whole
numbers, true and false, and nothing (``None``), so it is written here directly, in one pass:

- every text value is double-quoted, so no text is read back as anything but text, and no seed's
  wording can end the front matter or open a YAML construct;
- inside the quotes, the characters YAML escapes or would fold (quotes, backslashes, line breaks
  including U+0085, U+2028 and U+2029, control characters, the byte-order mark, lone surrogates)
  are written as escapes, so each value is one line of text;
- a key is written bare where it is a plain word YAML reads as text, quoted otherwise;
- a list or mapping used twice is written twice, never as an anchor and alias.

What each page's YAML reads back as is tested against PyYAML's readers (tests/test_front_matter.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from frontmatter.default_handlers import YAMLHandler

_BARE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# bare words YAML 1.1 reads as true, false or nothing, in any case
_NOT_TEXT = frozenset({"yes", "no", "y", "n", "true", "false", "on", "off", "null"})
_ESCAPED = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]')
_NAMED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
# a YAML reader takes a key written without "? " as at most 1,024 characters
_MAX_KEY = 1000


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar on one line."""
    return '"' + _ESCAPED.sub(_escape, text) + '"'


def _key(key: object) -> str:
    if type(key) is not str:
        raise TypeError(f"a front matter key must be text, not {key!r}")
    if len(key) > _MAX_KEY:
        raise ValueError(f"a front matter key is at most {_MAX_KEY} characters, not {len(key)}")
    return key if _BARE_KEY.fullmatch(key) and key.lower() not in _NOT_TEXT else quoted(key)


def _scalar(value: object) -> str | None:
    """``value`` as YAML on one line, or None for a non-empty list or mapping."""
    kind = type(value)
    if kind is str:
        return quoted(value)  # type: ignore[arg-type]
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, Mapping):
        return None if value else "{}"
    if isinstance(value, list | tuple):
        return None if value else "[]"
    raise TypeError(
        f"front matter holds text, whole numbers, true, false, null, lists and mappings, not {value!r}"
    )


def _mapping(mapping: Mapping[Any, object], pad: str, out: list[str]) -> None:
    for key, value in mapping.items():
        text = _scalar(value)
        if text is not None:
            out.append(f"{pad}{_key(key)}: {text}")
            continue
        out.append(f"{pad}{_key(key)}:")
        if isinstance(value, Mapping):
            _mapping(value, pad + "  ", out)
        else:
            _sequence(value, pad, out)  # type: ignore[arg-type]  # a list: its items at the key's indent


def _sequence(items: list[object] | tuple[object, ...], pad: str, out: list[str]) -> None:
    inner = pad + "  "
    for item in items:
        text = _scalar(item)
        if text is not None:
            out.append(f"{pad}- {text}")
            continue
        first = len(out)
        if isinstance(item, Mapping):
            _mapping(item, inner, out)
        else:
            _sequence(item, inner, out)  # type: ignore[arg-type]
        out[first] = f"{pad}- {out[first][len(inner) :]}"  # the item's first line after its dash


def lines(meta: Mapping[str, object]) -> list[str]:
    """``meta`` as the lines of a YAML block mapping, one line for each value that is not a list or a
    mapping, and one for each key of a list or a mapping."""
    out: list[str] = []
    _mapping(meta, "", out)
    return out


def dump(meta: Mapping[str, object]) -> str:
    """``meta`` as a YAML block mapping (``lines``), ending with a line break."""
    return "\n".join(lines(meta)) + "\n"


class Handler(YAMLHandler):
    """python-frontmatter's YAML handler, writing the front matter as ``lines``."""

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        return "\n".join(lines(metadata))
