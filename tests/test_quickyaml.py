"""The simple front-matter reader (`quickyaml`) against PyYAML's safe loader: wherever it
reads a document, it makes the same values of the same types; what it cannot read it leaves."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_blog_archive import quickyaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TRICKY = [
    "2026-05-20",
    "2026-05-20 10:30:00",
    "2026-05-20T10:30:00+02:00",
    "2026-13-45",
    "2026-5-2",
    "yes",
    "No",
    "on",
    "OFF",
    "true",
    "False",
    "y",
    "n",
    "null",
    "Null",
    "~",
    "",
    "1",
    "0x1f",
    "0o17",
    "017",
    "1_000",
    "1:20",
    "1.5",
    "1e3",
    "1.0e+3",
    ".inf",
    "-.inf",
    ".NaN",
    "-5",
    "+5",
    "=",
    "<<",
    "Hello, world",
    "C#",
    "a #b",
    "a: b",
    "a:b",
    "ends:",
    "it's",
    'say "hi"',
    "'quoted'",
    '"double"',
    "'it''s'",
    '"back\\slash"',
    "'open",
    '"open',
    "[a, b]",
    "{a: b}",
    "- x",
    "? x",
    "&anchor",
    "*alias",
    "!tag x",
    "|",
    ">",
    "%x",
    "@x",
    "`x",
    "Café Ærø",
    "Łódź date 1",
    "日本語",
    "a  b",
    "a\tb",
    "\u00a0x",
    "x\u2028y",
    "#hash",
    "trailing  ",
    " 0",  # a list item "-  0": the spaces after "-" are no part of the value
    "  true",
]
KEYS = [
    "date",
    "title",
    "tags",
    "categories",
    "yes",
    "on",
    "null",
    "Y",
    "a-b",
    "_x",
    "1a",
    "key ",
    "draft",
    "~",
    "<<",
    "Draft",
    "post-date",
    "x" * 130,
]


def typed(value: Any) -> Any:
    """`value` with the type of each part, so that 1 and True, or "1" and 1, differ."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    if isinstance(value, float) and value != value:
        return (float, "nan")
    return (type(value), value)


scalars = st.one_of(st.sampled_from(TRICKY), st.text(max_size=12))
lines = st.one_of(
    st.builds(lambda k, v: f"{k}: {v}", st.sampled_from(KEYS), scalars),
    st.builds(lambda k: f"{k}:", st.sampled_from(KEYS)),
    st.builds(lambda i, v: f"{' ' * i}- {v}", st.sampled_from([0, 2, 4]), scalars),
    st.sampled_from(
        [
            "",
            "  ",
            "# a comment",
            "  # indented comment",
            "  nested: x",
            "key:value",
            "\tdate: 2026-01-01",
            "-",
            "---",
            "...",
            "title:  spaced  ",
            "- ",
        ]
    ),
)


def compare(text: str) -> dict[str, Any] | None:
    """What `quickyaml` read of `text`, checked against PyYAML when it read anything."""
    quick = quickyaml.load(text)
    if quick is None:
        return None
    assert typed(quick) == typed(yaml.load(text, LOADER)), text
    return quick


@settings(max_examples=3000, deadline=None)
@given(st.lists(lines, max_size=8))
def test_same_values_as_pyyaml(document: list[str]) -> None:
    compare("\n".join(document) + "\n")


@pytest.mark.parametrize("value", TRICKY)
def test_each_tricky_value(value: str) -> None:
    for text in (f"key: {value}\n", f"key:\n  - {value}\n", f"key:\n- {value}\n- x\n"):
        try:
            compare(text)
        except yaml.YAMLError:  # PyYAML refuses it: the quick reader must have left it
            assert quickyaml.load(text) is None


def test_the_usual_front_matter_is_read_quickly() -> None:
    text = (
        "date: 2019-03-27\ntitle: 'A title: with a colon'\ndraft: false\ncategories:\n"
        "  - Feed schema 0\ntags:\n- navigation\n- latency, queue\nauthors:\nupdated:\n"
        '# a comment\n\ndescription: "Quoted, and #not a comment"\n'
    )
    assert compare(text) == {
        "date": dt.date(2019, 3, 27),
        "title": "A title: with a colon",
        "draft": False,
        "categories": ["Feed schema 0"],
        "tags": ["navigation", "latency, queue"],
        "authors": None,
        "updated": None,
        "description": "Quoted, and #not a comment",
    }


@pytest.mark.parametrize(
    "text",
    [
        "date: 2026-13-45\n",
        "title: a: b\n",
        "tags: [a, b]\n",
        "a:\n  b: c\n",
        "t: x\n  y\n",
        "k: v # c\n",
        "k:\n  - a\n    - b\n",
        "k: v\n- a\n",
        "yes: 1\n",
        "k: 'a'b\n",
    ],
)
def test_left_to_pyyaml(text: str) -> None:
    assert quickyaml.load(text) is None
