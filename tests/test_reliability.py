"""Reliability: fuzzed front matter and file names, link checks, more bad input."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import THEMES, Site, post, run_build, write_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_build import architecture_blog

SITE_URL = "https://example.com/"
OUR_TAGS = {"div", "p", "ul", "li", "a", "time", "h2", "span", "nav"}


# -- link check ------------------------------------------------------------------------------


def _target(site_dir: Path, page_url: str, link: str) -> Path | None:
    """The file a link points to, or None for links that leave the site."""
    if link.startswith(("#", "mailto:", "javascript:", "data:")) or not link:
        return None
    absolute = urljoin(urljoin(SITE_URL, page_url), link)
    if not absolute.startswith(SITE_URL):
        return None
    path = unquote(urlsplit(absolute).path)[len(urlsplit(SITE_URL).path) :]
    target = site_dir / path
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site_dir: Path) -> list[tuple[str, str]]:
    """Every internal link of every page and feed that points to no file in site_dir."""
    broken = []
    for file in sorted(site_dir.rglob("*")):
        relative = file.relative_to(site_dir).as_posix()
        links: list[str] = []
        if file.suffix == ".html":
            soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
            for tag, attribute in (
                ("a", "href"),
                ("link", "href"),
                ("img", "src"),
                ("script", "src"),
            ):
                links += [str(t[attribute]) for t in soup.find_all(tag) if t.get(attribute)]
        elif file.name in {"atom.xml", "feed.xml"}:
            for element in ET.fromstring(file.read_bytes()).iter():
                local = element.tag.rsplit("}", 1)[-1]
                if local == "link" and element.get("href"):
                    links.append(str(element.get("href")))
                elif local in {"link", "guid", "id"} and element.text:
                    links.append(element.text)
        elif file.name == "feed.json":
            document = json.loads(file.read_text("utf-8"))
            links += [document["home_page_url"], document["feed_url"]]
            links += [item["url"] for item in document["items"]]
        for link in links:
            target = _target(site_dir, relative, link.strip())
            if target is not None and not target.is_file():
                broken.append((relative, link))
    return broken


@pytest.mark.parametrize("theme", THEMES)
def test_every_internal_link_resolves(make_site: Any, theme: str) -> None:
    config = {
        "theme": {"name": theme},
        "plugins": ["search", {"blog-archive": {"nav_categories": True}}],
    }
    site: Site = make_site(architecture_blog(), config)
    assert broken_links(site.site_dir) == []


def test_every_link_of_the_example_site_resolves(tmp_path: Path) -> None:
    example = Path(__file__).parent.parent / "example_site"
    shutil.copytree(example, tmp_path / "example", ignore=shutil.ignore_patterns("site"))
    config_file = tmp_path / "example/mkdocs.yml"
    settings_ = yaml.safe_load(config_file.read_text())
    settings_["site_url"] = SITE_URL
    config_file.write_text(yaml.safe_dump(settings_))
    assert run_build(config_file, strict=True) == []
    assert broken_links(tmp_path / "example/site") == []


# -- fuzzing ---------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(timezones=st.none() | st.timezones()),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
front_matter = st.fixed_dictionaries(
    {},
    optional={
        key: values
        for key in ("date", "categories", "description", "summary", "title", "authors", "author")
    },
)
name_characters = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters='/\\\0:*?"<>|'
)
file_names = st.builds(
    lambda prefix, stem: (prefix + stem).strip(" .") or "x",
    st.sampled_from(["", "2026-05-16-", "2026-13-45-", "0000-00-00-"]),
    st.text(name_characters, min_size=1, max_size=30),
)
category_names = st.text(max_size=60)


def _check_site(root: Path) -> None:
    site = Site(root)
    for path in root.rglob("*"):
        assert path.resolve().is_relative_to(root.resolve())
        relative = path.relative_to(root).parts
        assert relative[0] in {"docs", "site", "mkdocs.yml"}, path
    for page in site.site_dir.rglob("*.html"):
        if not page.is_file():
            continue  # a page named `x.html.md` makes a folder `x.html/`
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for block in soup.select(".blog-archive, div.blog-archive-post-links"):
            tags = {tag.name for tag in block.find_all(True)}
            assert tags <= OUR_TAGS, (page, tags - OUR_TAGS)
    for feed in site.site_dir.rglob("atom.xml"):
        import feedparser

        assert not feedparser.parse(feed.read_bytes()).bozo, feed


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    pages=st.lists(st.tuples(file_names, front_matter), min_size=1, max_size=4),
    categories=st.lists(category_names, max_size=4),
)
def test_fuzzed_front_matter_and_file_names_never_break_the_build(
    pages: list[tuple[str, dict[str, Any]]], categories: list[str]
) -> None:
    root = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        docs: dict[str, str | bytes] = {}
        for number, (name, data) in enumerate(pages):
            if number == 0:
                data = {**data, "categories": categories, "date": "2026-01-01"}
            text = yaml.safe_dump(data, allow_unicode=True) if data else ""
            docs[f"p{number}/{name}.md"] = f"---\n{text}---\n\nBody {number} <b>x</b>.\n"
        write_site(root, docs, {"plugins": [{"blog-archive": {"nav_categories": True}}]})
        run_build(root / "mkdocs.yml")  # warnings are fine; exceptions are not
        _check_site(root)
    finally:
        shutil.rmtree(root)


# -- more bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("date: 0000-01-01", r"x\.md: the front matter has a value YAML cannot convert"),
        ("date: '99999-01-01'", r"x\.md: cannot read '99999-01-01' as a date"),
        ("date: 2026-01-01\nauthors: 5", r"x\.md: 'authors' must be a list of names, got int 5"),
        ("date: 2026-01-01\nauthor: [1]", r"x\.md: 'author' must be text, got list \[1\]"),
        ("date: 2026-01-01\nsummary: {a: 1}", r"x\.md: 'summary' must be text, got dict"),
        (
            "date: 2026-01-01\ncategories: ''",
            r"x\.md: 'categories' has an entry that is not a name",
        ),
    ],
)
def test_more_bad_values(make_site: Any, front_matter: str, expected: str) -> None:
    make_site({"x.md": f"---\n{front_matter}\n---\n# X\n\nText.\n"}, expect=[expected, "|no posts"])


def test_a_file_in_another_encoding_is_left_out_with_a_warning(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "latin.md": "---\ndate: 2026-01-01\n---\n# Café\n".encode("latin-1"),
        "good.md": post("2026-01-02", "Good"),
    }
    site: Site = make_site(docs, expect=[r"latin\.md: cannot read the file as UTF-8 .* left out"])
    assert [e["title"] for e in site.listing("blog/index.html")] == ["Good"]
    assert not site.exists("latin/index.html")


def test_untitled_posts_and_odd_names(make_site: Any) -> None:
    odd = ["R\u200fTL עברית", "emoji 🎉", "a/b\\c", "nul\x00byte", "x" * 500, "<b>bold</b>"]
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "2026-01-01-untitled.md": "Just a body without a heading.\n",
        "titled.md": "---\ndate: 2026-01-02\ntitle: 5\n---\nBody.\n",
        "odd.md": post("2026-01-03", "Odd", odd),
    }
    site: Site = make_site(docs)
    titles = [e["title"] for e in site.listing("blog/index.html")]
    assert titles == ["Odd", "5", "2026 01 01 untitled"]
    links = site.soup("odd/index.html").select("a.blog-archive-category-link")
    assert len(links) == len(odd)
    for link in links:
        assert site.resolve("odd/index.html", str(link["href"])).is_file()
    assert broken_links(site.site_dir) == []


def test_a_user_stylesheet_at_the_plugins_path_wins(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "a.md": post("2026-01-01", "A"),
        "blog-archive/blog-archive.css": "/* mine */",
    }
    site: Site = make_site(docs, expect=[r"blog-archive/blog-archive\.css: your file stands"])
    assert (site.site_dir / "blog-archive/blog-archive.css").read_text() == "/* mine */"


def test_ten_thousand_categories(tmp_path: Path) -> None:
    docs: dict[str, str | bytes] = {
        f"p{number}.md": post(
            f"2026-01-{number % 28 + 1:02d}",
            f"P{number}",
            [f"Category {number * 10 + k}" for k in range(10)],
        )
        for number in range(1000)
    }
    config_file = write_site(tmp_path, docs, {"plugins": [{"blog-archive": {}}]})
    assert run_build(config_file) == []
    site = Site(tmp_path)
    assert len(list((site.site_dir / "blog/category").iterdir())) == 10_000
    assert site.count("blog/category/category-9999/index.html") == "1 post"
    assert len(site.soup("blog/index.html").select("a.blog-archive-category-link")) == 10_000


def test_a_post_with_thousands_of_categories_is_capped(make_site: Any) -> None:
    names = [f"Category {number}" for number in range(5000)]
    site: Site = make_site(
        {"a.md": post("2026-01-01", "A", names)},
        expect=[r"a\.md: 'categories' lists 5000 names; only the first 100 are used"],
    )
    assert len(list((site.site_dir / "blog/category").iterdir())) == 100
