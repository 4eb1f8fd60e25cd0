"""The stencil (templates rendered once per shape, filled per use) gives exactly what a plain
Jinja render gives, for every template it fills, on every flavor, for any values."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import material
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from mkdocs_blog_archive import i18n, stencil
from mkdocs_blog_archive.render import TEMPLATES_DIR, CategoryLink, Entry, Renderer
from mkdocs_blog_archive.stencil import LATE, Stencils, plain

MATERIAL_DIR = str(Path(material.__file__).parent / "templates")


def _renderer(flavor: str, extra_dirs: tuple[str, ...] = ()) -> Renderer:
    labels = i18n.resolve_labels("en", {})
    dirs = [*extra_dirs, *([MATERIAL_DIR] if flavor else []), TEMPLATES_DIR]
    return Renderer(
        dirs,
        labels,
        lambda date: date.isoformat(),
        lambda year, month: f"{year}-{month}",
        i18n.count_formatter("en", labels),
        flavor=flavor,
    )


RENDERERS = {flavor: _renderer(flavor) for flavor in ("", "material")}

text = st.text(alphabet=st.sampled_from("ab <>&\"'é中\n"), max_size=6)
entries = st.builds(
    Entry,
    title_html=text,
    url=text,
    date=text,
    datetime=text,
    summary=text,
    readtime=text,
    draft=st.booleans(),
    pinned=st.booleans(),
    authors=st.lists(text, max_size=3).map(tuple),
    excerpt_html=st.sampled_from(["", "<p>An <b>excerpt</b></p>", f'<a href="{LATE}u/">l</a>']),
    more=st.booleans(),
    avatars=st.lists(st.tuples(text | text.map(lambda t: str(LATE) + t), text), max_size=2).map(
        tuple
    ),
    categories=st.lists(st.tuples(text, text.map(lambda t: str(LATE) + t)), max_size=2).map(tuple),
    anchor=st.sampled_from(["", "blog-2026-a"]),
)
links = st.builds(CategoryLink, name=text, href=text, count=st.integers(0, 3000), count_label=text)
link_lists = st.lists(links, max_size=3)
sections = st.lists(
    st.tuples(
        st.none() | text,
        st.lists(st.tuples(text | text.map(Markup), text), min_size=1, max_size=3),
    ),
    max_size=2,
)
flavors = st.sampled_from(sorted(RENDERERS))


def _same(flavor: str, name: str, literal: dict[str, Any], values: dict[str, Any]) -> None:
    renderer = RENDERERS[flavor]
    filled = renderer.stencils.fill(name, literal, values)
    assert filled is not None, f"{name} ({flavor or 'plain'}) is not filled from a skeleton"
    assert renderer.stencils.html(filled) == renderer.render(name, **literal, **values)


prefixes = st.integers(0, 4).map(lambda depth: "../" * depth)  # as `url_prefix` makes them


@settings(max_examples=300, derandomize=True, deadline=None)
@given(flavors, entries, prefixes)
def test_post_entry(flavor: str, entry: Entry, prefix: str) -> None:
    renderer = RENDERERS[flavor]
    filled = renderer.stencils.fill("post-entry.html", {"prefix": LATE}, {"entry": entry})
    assert filled is not None
    plain = renderer.render("post-entry.html", entry=entry, prefix=prefix)
    html = renderer.stencils.html(filled)
    assert html.replace(LATE, prefix) == plain.replace(LATE, prefix)  # excerpts hold it
    fresh = _renderer(flavor)  # its entry cache is by id(), for entries that live all build
    assert fresh.entries_html([entry], prefix) == plain.replace(LATE, prefix)


@settings(max_examples=100, derandomize=True, deadline=None)
@given(flavors, st.lists(entries, min_size=1, max_size=5), prefixes, prefixes)
def test_a_listing_of_entries_from_two_pages(
    flavor: str, listed: list[Entry], first: str, second: str
) -> None:
    """Entries filled once and put in listings of pages at other depths: each listing has
    its own prefix in every entry, in the skeletons' text and in the values that hold it."""
    renderer = _renderer(flavor)
    for prefix in (first, second, first):
        plain = [renderer.render("post-entry.html", entry=e, prefix=prefix) for e in listed]
        expected = "\n".join(html.replace(LATE, prefix) for html in plain)
        assert renderer.entries_html(listed, prefix) == expected
        assert "".join(renderer.entries_pieces(listed, prefix)) == expected


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    flavors,
    st.sampled_from(["top", "bottom"]),
    st.booleans(),
    text,
    text,
    text,
    text,
    link_lists,
    link_lists,
    link_lists,
)
def test_post_links(
    flavor: str,
    placement: str,
    draft: bool,
    blog_href: str,
    date: str,
    datetime: str,
    readtime: str,
    categories: list[CategoryLink],
    tags: list[CategoryLink],
    authors: list[CategoryLink],
) -> None:
    values = {
        "blog_href": blog_href,
        "date": date,
        "datetime": datetime,
        "readtime": readtime,
        "categories": categories,
        "tags": tags,
        "authors": authors,
    }
    _same(flavor, "post-links.html", {"placement": placement, "draft": draft}, values)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    flavors,
    text,
    st.none() | entries,
    st.none() | entries,
    st.lists(entries, max_size=3),
    sections,
)
def test_post_nav(
    flavor: str,
    prefix: str,
    previous: Entry | None,
    next: Entry | None,
    related: list[Entry],
    links: list[tuple[str | None, list[tuple[str, str]]]],
) -> None:
    values = {
        "prefix": prefix,
        "previous": previous,
        "next": next,
        "related": related,
        "links": links,
    }
    _same(flavor, "post-nav.html", {}, values)


def test_a_site_template_is_rendered_per_use(tmp_path: Path) -> None:
    (tmp_path / "blog-archive").mkdir()
    (tmp_path / "blog-archive/related.html").write_text("{{ related|length }}", "utf-8")
    renderer = _renderer("", (str(tmp_path),))
    assert renderer.ours("post-entry.html")
    assert not renderer.ours("related.html")
    assert not renderer.ours("post-nav.html")  # it includes the site's related.html
    values = {"prefix": "", "previous": None, "next": None, "related": [], "links": []}
    assert renderer.stencils.fill("post-nav.html", {}, values) is None
    assert renderer.html(renderer.post_nav("", None, None, [], [])) == "0"


@pytest.mark.parametrize(
    ("template", "why"),
    [
        ("{{ value|upper }}", "a filter that changes the stand-in"),
        ("{{ value[:2] }}", "a slice that cuts it"),
        ("{{ count + 1 }}", "arithmetic"),
    ],
)
def test_a_template_the_stand_ins_do_not_survive_is_rendered(template: str, why: str) -> None:
    import jinja2

    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": template}))
    stencils = Stencils(lambda name, **context: env.get_template(name).render(**context))
    assert stencils.fill("t.html", {}, {"value": "abc", "count": 2}) is None, why


def test_one_skeleton_per_shape() -> None:
    renderer = _renderer("")
    date = dt.datetime(2026, 1, 1).isoformat()
    for number in range(50):
        entry = Entry(f"T{number}", f"u{number}/", "Jan 1", date, "A summary.", "1 min read")
        renderer.entries_html([entry], "../")
    shapes = [key for key in renderer.stencils._skeletons if key[0] == "post-entry.html"]
    assert len(shapes) == 1


@given(st.text(st.sampled_from("ab &<>'\"é東")))
def test_plain_is_what_escaping_leaves_as_it_is(value: str) -> None:
    assert plain(value) is (str(escape(value)) == value)


@dataclasses.dataclass(frozen=True, slots=True)
class _Fields:
    one: Any
    two_html: Any
    three: Any


_values = st.one_of(
    text, st.none(), st.booleans(), st.integers(-2, 2), st.builds(Markup, text),
    st.lists(text, max_size=2), st.tuples(text, st.integers(0, 1)),
)  # fmt: skip


@given(_values, _values, _values, st.booleans())
def test_a_dataclass_has_the_shape_and_leaves_of_its_fields(
    a: Any, b: Any, c: Any, shared: bool
) -> None:
    # The shaper written for a class gives what `_shape` gives its fields one by one (`*_html`
    # fields raw), in the same order; lists of shared objects (`_shapes`) as items one by one.
    value = _Fields(a, b, c)
    leaves: list[str] = []
    shape = stencil._record_shape(value, leaves, {})
    expected: list[str] = []
    fields = tuple(
        stencil._shape(item, expected, raw) for item, raw in ((a, False), (b, True), (c, False))
    )
    assert shape == (_Fields, fields) and leaves == expected
    link = CategoryLink("A & B", "a/", 2, "2 posts")
    link_leaves: list[str] = []
    link_shape = stencil._shape(link, link_leaves)
    memo: stencil.Memo = {CategoryLink: {}} if shared else {}
    listed: list[str] = []
    shapes = stencil._shapes([link, value, link], listed, memo)
    assert shapes == (link_shape, shape, link_shape)
    assert listed == [*link_leaves, *leaves, *link_leaves]
