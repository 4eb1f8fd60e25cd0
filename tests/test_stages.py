"""The stages called directly: the planner, the renderer's blocks, the feed writers, related
posts and the nav helpers (no site build)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from mkdocs_blog_archive import feeds, i18n
from mkdocs_blog_archive import nav as blog_nav
from mkdocs_blog_archive.archive import Archive, Post, related_posts
from mkdocs_blog_archive.kinds import CATEGORIES, MONTH, TAGS, field_kind, site_kinds
from mkdocs_blog_archive.plan import PlanOptions, plan_archives, reserved_paths, url_of
from mkdocs_blog_archive.render import TEMPLATES_DIR, Renderer

UTC = dt.timezone.utc


def _post(
    name: str, day: int, categories: tuple[str, ...] = (), tags: tuple[str, ...] = ()
) -> Post:
    date = dt.datetime(2026, 1 + day // 28, 1 + day % 28, tzinfo=UTC)
    post = Post(
        f"posts/{name}.md", f"posts/{name}/", date, {"categories": categories, "tags": tags}
    )
    post.title = name.capitalize()
    return post


def _options(**changes: object) -> PlanOptions:
    options = PlanOptions("blog", site_kinds([], True, False), feed_formats=("atom", "rss"))
    return PlanOptions(**{**options.__dict__, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    "src_uri",
    ["blog/index.md", "index.md", "blog/category/ai.md", "blog/2026/05.md", "blog/page/2.md",
     "blog/tag/中文.md", "blog/atom.xml", "blog/tag/index/index.md"],
)  # fmt: skip
def test_url_of_is_the_url_mkdocs_gives(src_uri: str, directory_urls: bool) -> None:
    file = File(src_uri, "/docs", "/site", directory_urls)
    assert url_of(src_uri, directory_urls) == file.url


def test_plan_pages_feeds_and_order() -> None:
    posts = [_post("c", 3, ("AI",), ("x",)), _post("b", 2, ("AI", "Ops")), _post("a", 1, ("Ops",))]
    plan = plan_archives(posts, _options())
    described = [(a.kind.name, a.name, a.url, [p.src_uri for p in a.posts]) for a in plan.archives]
    assert described == [
        ("index", "", "blog/", ["posts/c.md", "posts/b.md", "posts/a.md"]),
        ("categories", "AI", "blog/category/ai/", ["posts/c.md", "posts/b.md"]),
        ("categories", "Ops", "blog/category/ops/", ["posts/b.md", "posts/a.md"]),
        ("tags", "x", "blog/tag/x/", ["posts/c.md"]),
        ("year", "2026", "blog/2026/", ["posts/c.md", "posts/b.md", "posts/a.md"]),
        ("tags-index", "", "blog/tag/", []),
    ]
    assert [f.src_uri for f in plan.archives[1].feeds] == [
        "blog/category/ai/atom.xml",
        "blog/category/ai/feed.xml",
    ]
    assert plan.of_kind("year")[0].feeds == []  # date archives have no feeds
    assert plan.index.pages[0].stop == 10  # index_posts


def test_plan_pagination_slices() -> None:
    posts = [_post(f"p{n}", n, ("All",)) for n in range(5)]
    plan = plan_archives(posts, _options(per_page=2, kinds=site_kinds([], False, False)))
    pages = [(p.url, p.number, p.start, p.stop) for p in plan.of_kind("categories")[0].pages]
    assert pages == [
        ("blog/category/all/", 1, 0, 2),
        ("blog/category/all/page/2/", 2, 2, 4),
        ("blog/category/all/page/3/", 3, 4, 6),
    ]
    tags_index = plan.of_kind("tags-index")
    assert tags_index == []  # no tags, no tags index


def test_reserved_paths_keep_posts_out_of_archive_folders() -> None:
    options = _options(kinds=site_kinds(["series"], True, True))
    assert reserved_paths(options) == (
        "blog/index.md",
        "blog/category/",
        "blog/tag/",
        "blog/author/",
        "blog/series/",
    )


def _renderer(flavor: str = "") -> Renderer:
    labels = i18n.resolve_labels("en", {})
    return Renderer(
        [TEMPLATES_DIR],
        labels,
        lambda date: f"{date:%b} {date.day}, {date.year}",
        lambda year, month: dt.date(year, month, 1).strftime("%B %Y"),
        i18n.count_formatter("en", labels),
        flavor=flavor,
    )


def test_headings_of_every_kind() -> None:
    renderer = _renderer()
    renderer.authors = {"ada": {"name": "Ada L."}}
    authors = site_kinds([], True, True)[3]
    cases = [
        (Archive(CATEGORIES, "AI", "ai"), "AI Articles"),
        (Archive(TAGS, "py", "py"), "Posts tagged “py”"),
        (Archive(field_kind("series"), "Intro", "intro"), "Series: Intro"),
        (Archive(MONTH, "2026-05", "2026/05"), "May 2026"),
        (Archive(authors, "ada", "ada"), "Ada L."),
    ]
    for archive, heading in cases:
        assert renderer.heading(archive) == heading
    assert (
        renderer.heading_html(Archive(CATEGORIES, "<b>", "b"), 2) == "&lt;b&gt; Articles (page 2)"
    )


def test_post_links_block() -> None:
    renderer = _renderer()
    posts = [_post("a", 1, ("AI", "Ops"), ("x",))]
    plan = plan_archives(posts, _options())
    terms = plan.terms()
    post = posts[0]
    links = {
        kind: renderer.category_links([terms[kind][n] for n in post.terms.get(kind, ())], post.url)
        for kind in ("categories", "tags", "authors")
    }
    soup = BeautifulSoup(
        renderer.html(renderer.post_links(post, "blog/", post.url, links, "top")), "html.parser"
    )
    assert [a["href"] for a in soup.select("a")] == [
        "../../blog/",
        "../../blog/category/ai/",
        "../../blog/category/ops/",
        "../../blog/tag/x/",
    ]
    time = soup.select_one("time")
    assert time is not None and time.get_text() == "Jan 2, 2026"


def test_post_nav_block() -> None:
    renderer = _renderer("material")
    older, newer = _post("older", 1), _post("newer", 3)
    html = renderer.post_nav("posts/x/", renderer.entry(older), renderer.entry(newer), [], [])
    soup = BeautifulSoup(renderer.html(html), "html.parser")
    assert {a["rel"][0]: a["href"] for a in soup.select("a[rel]")} == {
        "prev": "../../posts/older/",
        "next": "../../posts/newer/",
    }


def test_feed_writers() -> None:
    published = dt.datetime(2026, 5, 16, 10, tzinfo=UTC)
    entry = feeds.FeedEntry("A & <b>", "https://e.com/a/", published, None, ("AI",), ("Ada",), "S")
    feed = feeds.Feed(
        "Site: Blog",
        "https://e.com/blog/",
        {"atom": "https://e.com/blog/atom.xml"},
        [entry],
        language="en",
    )
    for name in ("atom", "rss"):
        parsed = feedparser.parse(feeds.WRITERS[name](feed))
        assert not parsed.bozo, name
        assert parsed.entries[0].title == "A & <b>"
        assert parsed.entries[0].link == "https://e.com/a/"
        assert parsed.entries[0].published_parsed[:4] == (2026, 5, 16, 10)
    document = json.loads(feeds.json_feed(feed))
    assert document["items"][0]["date_published"] == "2026-05-16T10:00:00+00:00"
    assert document["items"][0]["authors"] == [{"name": "Ada"}]


def test_related_posts_window_and_ties() -> None:
    posts = [_post(f"p{n}", 100 - n, ("A",), ("x",) if n % 2 else ()) for n in range(60)]
    plan = plan_archives(posts, _options())
    terms = plan.terms()
    for archive in (*terms["categories"].values(), *terms["tags"].values()):
        archive.positions = {p.src_uri: i for i, p in enumerate(archive.posts)}
    post = posts[31]  # in A and x
    found = related_posts(post, [terms["categories"]["A"], terms["tags"]["x"]], 3, window=4)
    # p27, p29, p33 and p35 share both (within 4 places in each); the newer first.
    assert [p.src_uri for p in found] == ["posts/p27.md", "posts/p29.md", "posts/p33.md"]


def _nav(tmp_path: Path) -> tuple[Navigation, Page, list[Page]]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", "utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))

    def page(src_uri: str) -> Page:
        return Page(None, File(src_uri, config.docs_dir, config.site_dir, True), config)

    home, index = page("index.md"), page("blog/index.md")
    section = Section("Blog", [index])
    index.parent = section  # as MkDocs' get_navigation links them
    return Navigation([home, section], [home, index]), index, [page("blog/category/ai.md")]


def test_nav_lone_index_is_hoisted(tmp_path: Path) -> None:
    nav, index, _ = _nav(tmp_path)
    blog_nav.arrange(nav, index, "Categories", [])
    assert nav.items[1] is index and index.parent is None


def test_nav_categories_section_follows_the_index(tmp_path: Path) -> None:
    nav, index, categories = _nav(tmp_path)
    blog_nav.arrange(nav, index, "Categories", categories)
    section = nav.items[1]
    assert isinstance(section, Section) and section.children[0] is index
    assert isinstance(section.children[1], Section)
    assert section.children[1].children == categories
    assert index.next_page is categories[0] and categories[0].previous_page is index
