"""Front matter in the shape nearly every post has (`key: value` lines and lists of `- item`)
read without the YAML machinery, to the very values PyYAML's safe loader makes of it.

Anything outside that shape (nesting, flow collections, block scalars, anchors, tags, escapes,
comments after a value, tabs, characters Python does not call printable) is left to PyYAML:
`load` returns None for it. A value PyYAML would turn into something other than a string
(dates, numbers, booleans, null) is made by PyYAML's own resolver and constructors, so both
ways agree (`tests/test_quickyaml.py` compares them on generated documents).

Measured: 4.8 µs for a benchmark post's front matter (a date, a category, three tags),
against 32.7 µs with libyaml's loader; 0.3 s at 10,000 posts.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

_STR = "tag:yaml.org,2002:str"
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The loader `frontmatter` reads with: its resolvers and constructors, as they are when used."""
_CONSTRUCTOR = SafeConstructor()
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,127}\Z")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NOT_PLAIN = re.compile(r": |:$| #|\t")
"""In a plain scalar: a mapping value, a comment, a tab (PyYAML's rules there differ)."""
_keys: dict[str, bool] = {}
_scalars: dict[str, tuple[bool, Any]] = {}
_REMEMBERED, _SHORT = 25_000, 40
"""Values remembered at most, and how long (names and dates, not titles). Full, the memo of
values takes 4 MB (tracemalloc, 32-character names); the 10,000-post benchmark has 3,708."""


def _tag(value: str) -> str:
    """The tag PyYAML's resolver gives a plain scalar."""
    resolvers: list[tuple[str, re.Pattern[str]]] = _LOADER.yaml_implicit_resolvers.get(
        value[:1] or "", []
    )
    for tag, pattern in resolvers:
        if pattern.match(value):
            return tag
    return _STR


def _scalar(text: str) -> tuple[bool, Any]:
    """(True, value) of a one-line scalar in the simple shape; (False, None) outside it.
    Remembered: posts share their categories, tags, authors and many dates, and every value
    made is immutable (a string, date, number, bool or None)."""
    found = _scalars.get(text)
    if found is None:
        found = _read_scalar(text)
        if len(text) <= _SHORT and len(_scalars) < _REMEMBERED:
            _scalars[text] = found
    return found


def _read_scalar(text: str) -> tuple[bool, Any]:
    first = text[:1]
    if first == "'":
        inner = text[1:-1]
        return (len(text) > 1 and text[-1] == "'" and "'" not in inner), inner
    if first == '"':
        inner = text[1:-1]
        ok = len(text) > 1 and text[-1] == '"' and '"' not in inner and "\\" not in inner
        return ok, inner
    if not first or first in _INDICATORS or _NOT_PLAIN.search(text) is not None:
        return False, None
    tag = _tag(text)
    if tag == _STR:
        return True, text
    construct = _LOADER.yaml_constructors.get(tag)
    if construct is None:
        return False, None
    try:
        return True, construct(_CONSTRUCTOR, ScalarNode(tag, text))
    except Exception:  # a date that is none (2026-13-45): PyYAML says what is wrong
        return False, None


def _plain_key(key: str) -> bool:
    found = _keys.get(key)
    if found is None:
        found = bool(_KEY.match(key)) and _tag(key) == _STR
        if len(_keys) < _REMEMBERED:
            _keys[key] = found
    return found


def load(text: str) -> dict[str, Any] | None:
    """The mapping PyYAML's safe loader makes of `text`, if it is in the simple shape and
    has a key; else None (load it with PyYAML)."""
    if not text.replace("\n", "").isprintable():
        return None
    data: dict[str, Any] = {}
    items: list[Any] | None = None  # the list of the key last read without a value
    listed, indent = "", -1
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue  # a blank line or a comment line
        if stripped[0] == "-" and stripped[1:2] in ("", " "):
            at = len(line) - len(stripped)
            if items is None or (indent >= 0 and at != indent):
                return None
            ok, value = _scalar(stripped[2:].strip(" "))
            if not ok:
                return None
            indent = at
            items.append(value)
            continue
        if stripped is not line:
            return None  # an indented line that is no list item: nesting, or a folded value
        if items is not None and not items:
            data[listed] = None  # a key without a value or items is null
        key, colon, rest = line.partition(":")
        if not colon or not _plain_key(key) or rest[:1] not in ("", " "):
            return None
        rest = rest.strip(" ")
        if rest:
            ok, value = _scalar(rest)
            if not ok:
                return None
            data[key], items = value, None
        else:
            items, indent, listed = [], -1, key
            data[key] = items
    if items is not None and not items:
        data[listed] = None
    return data or None  # no key at all: PyYAML reads it as null
