"""Drafts, future and pinned posts, and reading time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import Site, post, write_site
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig


def blog_with_drafts() -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n",
        "live.md": post("2026-01-02", "Live", ["News"]),
        "draft.md": "---\ndate: 2026-01-03\ndraft: true\ncategories: [News]\n---\n# Draft\n",
        "future.md": post("2999-01-01", "Future", ["News"]),
        "pinned.md": "---\ndate: 2025-01-01\npin: true\n---\n# Pinned\n\nOld but pinned.\n",
    }


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_drafts_and_future_posts_are_left_out_of_a_build(make_site: Any, theme: str) -> None:
    site: Site = make_site(blog_with_drafts(), {"theme": {"name": theme}})
    assert [e["title"] for e in site.listing("blog/index.html")] == ["Pinned", "Live"]
    assert site.count("blog/category/news/index.html") == "1 post"
    assert not site.exists("draft/index.html") and not site.exists("future/index.html")
    feed = (site.site_dir / "blog/feed.json").read_text()
    assert "Draft" not in feed and "Future" not in feed
    assert not site.soup("blog/index.html").select(".blog-archive-draft")


def test_options_publish_drafts_and_future_posts(make_site: Any) -> None:
    options = {"drafts": True, "future_posts": True}
    site: Site = make_site(blog_with_drafts(), {"plugins": [{"blog-archive": options}]})
    titles = [e["title"] for e in site.listing("blog/index.html")]
    assert titles == ["Pinned", "Future", "Draft", "Live"]
    assert not site.soup("blog/index.html").select(".blog-archive-draft")


def served(root: Path, docs: dict[str, str | bytes], config: dict[str, Any] | None = None) -> Site:
    """The site as `mkdocs serve` builds it (its plugins told the command is `serve`)."""
    config_file = write_site(root, docs, config)
    cache = MkDocsConfig.plugins.plugin_cache
    cache.pop("blog-archive", None)
    loaded = load_config(str(config_file))
    loaded.plugins.on_startup(command="serve", dirty=False)
    try:
        build(loaded, serve_url="http://127.0.0.1:8000/")
    finally:
        cache.pop("blog-archive", None)  # the next builds are plain builds again
    return Site(root)


def test_serve_shows_drafts_with_a_mark(tmp_path: Path) -> None:
    site = served(tmp_path, blog_with_drafts())
    entries = site.soup("blog/category/news/index.html").select(".blog-archive-post")
    marks = {
        li.select_one("a.blog-archive-post-title").get_text(): li.select_one(".blog-archive-draft")
        is not None  # type: ignore[union-attr]
        for li in entries
    }
    assert marks == {"Future": True, "Draft": True, "Live": False}
    block = site.soup("draft/index.html").select_one("div.blog-archive-post-links")
    assert block is not None and block.select_one(".blog-archive-draft") is not None


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_reading_time(make_site: Any, theme: str) -> None:
    words = " ".join(["word"] * 530)
    code = "\n".join(f"line_{n} = {n}" for n in range(265))
    docs: dict[str, str | bytes] = {
        "prose.md": post("2026-01-03", "Prose", body=words),
        "code.md": post("2026-01-02", "Code", body=f"Intro.\n\n```\n{code}\n```\n"),
        "given.md": "---\ndate: 2026-01-01\nreadtime: 12\n---\n# Given\n\nShort.\n",
    }
    site: Site = make_site(docs, {"theme": {"name": theme}})
    times = {
        li.select_one("a.blog-archive-post-title").get_text(): li.select_one(  # type: ignore[union-attr]
            ".blog-archive-readtime"
        ).get_text(strip=True)
        for li in site.soup("blog/index.html").select(".blog-archive-post")
    }
    assert times == {"Prose": "2 min read", "Code": "1 min read", "Given": "12 min read"}
    block = site.soup("given/index.html").select_one(".blog-archive-post-links")
    assert block is not None and "12 min read" in block.get_text()

    options = {"reading_time": False}
    site = make_site(docs, {"plugins": [{"blog-archive": options}]})
    assert not site.soup("blog/index.html").select(".blog-archive-readtime")
    options = {"words_per_minute": 100}
    site = make_site(docs, {"plugins": [{"blog-archive": options}]})
    prose = site.soup("prose/index.html").select_one(".blog-archive-readtime")
    assert prose is not None and prose.get_text() == "5 min read"


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("draft: maybe", r"'draft' must be true or false, got 'maybe'"),
        ("pin: 1", r"'pin' must be true or false, got 1"),
        ("readtime: soon", r"'readtime' must be a whole number of minutes, got 'soon'"),
        ("readtime: -3", r"'readtime' must be a whole number of minutes, got -3"),
    ],
)
def test_bad_flags(make_site: Any, front_matter: str, expected: str) -> None:
    docs: dict[str, str | bytes] = {"p.md": f"---\ndate: 2026-01-01\n{front_matter}\n---\n# P\n"}
    site: Site = make_site(docs, expect=[r"p\.md: " + expected])
    assert site.count("blog/index.html") == "1 post"


def series_blog() -> dict[str, str | bytes]:
    rows = [
        ("2026-01-01", "First", ["A"], ["x"]),
        ("2026-01-02", "Second", ["A"], ["y"]),
        ("2026-01-03", "Third", ["B"], ["x"]),
        ("2026-01-04", "Fourth", ["A"], ["x"]),
        ("2026-01-05", "Fifth", ["C"], []),
    ]
    docs: dict[str, str | bytes] = {"index.md": "# Home\n"}
    for date, title, categories, tags in rows:
        docs[f"posts/{title.lower()}.md"] = (
            f"---\ndate: {date}\ncategories: {categories}\ntags: {tags}\n---\n# {title}\n\nText.\n"
        )
    return docs


def _nav(site: Site, name: str) -> dict[str, str]:
    page = f"posts/{name}/index.html"
    nav = site.soup(page).select_one("nav.blog-archive-post-nav")
    found = {}
    for rel in ("prev", "next"):
        link = nav.select_one(f'a[rel="{rel}"]') if nav else None
        if link is not None:
            target = site.resolve(page, str(link["href"]))
            assert target.is_file()
            found[rel] = target.parent.name
    return found


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_previous_and_next_posts(make_site: Any, theme: str) -> None:
    site: Site = make_site(series_blog(), {"theme": {"name": theme}})
    assert _nav(site, "first") == {"next": "second"}  # the oldest post has no previous
    assert _nav(site, "third") == {"prev": "second", "next": "fourth"}
    assert _nav(site, "fifth") == {"prev": "fourth"}  # the newest has no next
    nav = site.soup("posts/third/index.html").select_one("nav.blog-archive-post-nav")
    assert nav is not None and "Second" in nav.get_text() and "Fourth" in nav.get_text()
    assert not site.soup("posts/third/index.html").select(".blog-archive-related")


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_related_posts_by_shared_terms_then_newest(make_site: Any, theme: str) -> None:
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"related": 2}}]}
    site: Site = make_site(series_blog(), config)

    def related(name: str) -> list[str]:
        block = site.soup(f"posts/{name}/index.html").select_one(".blog-archive-related")
        return [a.get_text() for a in block.select("a")] if block else []

    # First shares A and x with Fourth (2), A with Second (1), x with Third (1): Third is newer.
    assert related("first") == ["Fourth", "Third"]
    assert related("fifth") == []  # shares nothing
    assert related("second") == ["Fourth", "First"]


def test_post_nav_can_be_turned_off(make_site: Any) -> None:
    site: Site = make_site(series_blog(), {"plugins": [{"blog-archive": {"post_nav": False}}]})
    soup = site.soup("posts/third/index.html")
    assert not soup.select("nav.blog-archive-post-nav")
    content = soup.select_one("[role=main]")  # the mkdocs theme's page content
    assert content is not None
    assert not content.select('a[rel="prev"], a[rel="next"]')  # no post's link either
    assert content.select("div.blog-archive-post-links")  # the back-links stay


def test_draft_on_serve_false_keeps_drafts_out_under_serve(tmp_path: Path) -> None:
    """Material's `draft_on_serve: false`: `mkdocs serve` leaves drafts out as a build does."""
    plugins = [{"blog-archive": {"draft_on_serve": False, "material": False}}]
    site = served(tmp_path, blog_with_drafts(), {"plugins": plugins})
    titles = [e["title"] for e in site.listing("blog/index.html")]
    assert "Draft" not in titles and "Live" in titles
    assert not site.exists("draft/index.html")
