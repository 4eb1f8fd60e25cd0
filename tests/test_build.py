"""Real builds on every theme: archive pages, counts, order, summaries, back-links, nav."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from conftest import THEMES, Site, link_count, link_name, post


def architecture_blog() -> dict[str, str | bytes]:
    """21 Architecture posts (two of them also in AI), one AI-only post, one uncategorized."""
    docs: dict[str, str | bytes] = {"index.md": "# Home\n\nWelcome.\n"}
    for day in range(1, 22):
        categories = ["Architecture", "AI"] if day in (3, 20) else ["Architecture"]
        folder = "blog/posts/2026" if day % 2 else "blog/posts/deep/er"
        docs[f"{folder}/post-{day:02d}.md"] = post(
            f"2026-04-{day:02d}", f"Architecture post {day:02d}", categories
        )
    docs["blog/posts/ai-only.md"] = post("2026-05-30", "AI only", ["AI"])
    docs["blog/posts/plain.md"] = post("2026-03-01", "No category")
    return docs


@pytest.mark.parametrize("theme", THEMES)
def test_category_page_lists_21_posts_newest_first(make_site: Any, theme: str) -> None:
    site: Site = make_site(architecture_blog(), {"theme": {"name": theme}})
    page = "blog/category/architecture/index.html"

    assert site.count(page) == "21 posts"
    heading = site.soup(page).select_one("h1")
    assert heading is not None and heading.get_text().strip() == "Architecture Articles"
    entries = site.listing(page)
    assert [e["title"] for e in entries] == [
        f"Architecture post {day:02d}" for day in range(21, 0, -1)
    ]
    assert entries[0]["date"] == "April 21, 2026"
    assert entries[0]["datetime"].startswith("2026-04-21T00:00:00")
    assert entries[-1]["summary"] == "Summary of Architecture post 01."
    for entry in entries:
        assert site.resolve(page, entry["href"]).is_file(), entry

    back = site.soup(page).select_one(".blog-archive-back a")
    assert back is not None and "Back to Blog" in back.get_text()
    assert site.resolve(page, str(back["href"])) == site.site_dir / "blog/index.html"


@pytest.mark.parametrize("theme", THEMES)
def test_every_post_links_back_to_index_and_categories(make_site: Any, theme: str) -> None:
    site: Site = make_site(architecture_blog(), {"theme": {"name": theme}})
    page = "blog/posts/deep/er/post-20/index.html"
    links = site.soup(page).select_one("div.blog-archive-post-links")
    assert links is not None
    back = links.select_one("a.blog-archive-back")
    assert back is not None
    assert site.resolve(page, str(back["href"])) == site.site_dir / "blog/index.html"
    categories = {
        a.get_text(): site.resolve(page, str(a["href"]))
        for a in links.select("a.blog-archive-category-link")
    }
    assert categories == {
        "Architecture": site.site_dir / "blog/category/architecture/index.html",
        "AI": site.site_dir / "blog/category/ai/index.html",
    }
    time = links.select_one("time")
    assert time is not None and time.get_text() == "April 20, 2026"
    # Every post has the block, and it sits right after the title.
    for number in range(1, 22):
        folder = "2026" if number % 2 else "deep/er"
        soup = site.soup(f"blog/posts/{folder}/post-{number:02d}/index.html")
        block = soup.select_one("div.blog-archive-post-links")
        assert block is not None
        heading = block.find_previous_sibling()
        assert heading is not None and heading.name == "h1"
        time = block.select_one("time")
        assert time is not None and time.get_text() == f"April {number}, 2026"
        assert str(time["datetime"]).startswith(f"2026-04-{number:02d}T")


@pytest.mark.parametrize("theme", THEMES)
def test_blog_index_lists_categories_with_counts_and_newest_posts(
    make_site: Any, theme: str
) -> None:
    site: Site = make_site(architecture_blog(), {"theme": {"name": theme}})
    page = "blog/index.html"
    assert site.count(page) == "23 posts"
    soup = site.soup(page)
    categories = {
        link_name(a): (link_count(a), site.resolve(page, str(a["href"])))
        for a in soup.select("ul.blog-archive-categories a")
    }
    assert categories == {
        "AI": ("3 posts", site.site_dir / "blog/category/ai/index.html"),
        "Architecture": ("21 posts", site.site_dir / "blog/category/architecture/index.html"),
    }
    entries = site.listing(page)
    assert len(entries) == 10  # index_posts default
    assert entries[0]["title"] == "AI only"
    assert entries[1]["title"] == "Architecture post 21"


def test_one_post_says_1_post(make_site: Any) -> None:
    site: Site = make_site(architecture_blog())
    assert site.count("blog/category/ai/index.html") == "3 posts"
    site = make_site({"a.md": post("2026-01-01", "Alone", ["Solo"])})
    assert site.count("blog/category/solo/index.html") == "1 post"
    assert site.count("blog/index.html") == "1 post"


def test_summaries_description_more_marker_and_first_paragraph(make_site: Any) -> None:
    long_text = " ".join(f"word{i}" for i in range(100))
    docs: dict[str, str | bytes] = {
        "described.md": "---\ndate: 2026-01-04\ndescription: From front matter.\n---\n"
        "# Described\n\nNot this.\n",
        "summary-key.md": "---\ndate: 2026-01-03\nsummary: Summary key.\n---\n# S\n\nNo.\n",
        "more.md": "---\ndate: 2026-01-02\n---\n# More\n\n"
        "!!! note\n    Admonition.\n\nFirst *part*.\n\n## Sub\n\nSecond part.\n\n"
        "<!-- more -->\n\nHidden part.\n",
        "long.md": f"---\ndate: 2026-01-01\n---\n# Long\n\n{long_text}\n",
    }
    site: Site = make_site(
        docs, {"markdown_extensions": ["admonition", {"toc": {"permalink": True}}]}
    )
    summaries = {e["title"]: e["summary"] for e in site.listing("blog/index.html")}
    assert summaries["Described"] == "From front matter."
    assert summaries["S"] == "Summary key."
    assert summaries["More"] == "Note Admonition. First part. Sub Second part."
    assert summaries["Long"] == " ".join(f"word{i}" for i in range(60)) + "…"


def test_title_sources(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "fm.md": "---\ndate: 2026-01-03\ntitle: Front <b>matter</b> title\n---\n# Heading\n",
        "heading.md": "---\ndate: 2026-01-02\n---\n# Heading & *more*\n\nText.\n",
        "2026-01-01-file-name-only.md": "Just text.\n",
    }
    site: Site = make_site(docs)
    titles = [e["title"] for e in site.listing("blog/index.html")]
    assert titles == ["Front <b>matter</b> title", "Heading & more", "2026 01 01 file name only"]


def test_dates_in_many_forms_and_time_zones(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "a.md": "---\ndate: 2026-05-16 23:30:00+02:00\n---\n# A\n",
        "b.md": "---\ndate: '2026-05-16T22:00:00Z'\n---\n# B\n",
        "c.md": "---\ndate: May 17, 2026\n---\n# C\n",
        "d.md": "---\ndate:\n  created: 2026-05-15\n  updated: 2026-05-20\n---\n# D\n",
        "2026-05-14-e.md": "# E\n",
        "f.md": "---\ndate: 2026-05-16 20:00:00\n---\n# F\n",
    }
    site: Site = make_site(docs, {"plugins": [{"blog-archive": {"timezone": "Europe/Paris"}}]})
    entries = site.listing("blog/index.html")
    # B (22:00 UTC) and C (midnight in Paris) are the same instant: the title breaks the tie.
    assert [e["title"] for e in entries] == ["B", "C", "A", "F", "D", "E"]
    datetimes = {e["title"]: e["datetime"] for e in entries}
    assert datetimes["A"] == "2026-05-16T23:30:00+02:00"
    assert datetimes["F"] == "2026-05-16T20:00:00+02:00"
    assert datetimes["E"] == "2026-05-14T00:00:00+02:00"


def test_same_date_posts_ordered_by_title(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        f"{name}.md": post("2026-02-02", title) for name, title in [("z", "Beta"), ("a", "alpha")]
    }
    site: Site = make_site(docs)
    assert [e["title"] for e in site.listing("blog/index.html")] == ["alpha", "Beta"]


def test_user_index_and_category_pages_keep_their_text(make_site: Any) -> None:
    docs = architecture_blog()
    docs["blog/index.md"] = "# Our blog\n\nWritten by *us*.\n"
    docs["blog/category/ai.md"] = "# About AI\n\nOur AI intro.\n"
    site: Site = make_site(docs)
    index = site.soup("blog/index.html")
    heading = index.select_one("h1")
    assert heading is not None and heading.get_text().strip() == "Our blog"
    intro = next((p for p in index.find_all("p") if "Written by" in p.get_text()), None)
    listing = index.select_one(".blog-archive-index")
    assert intro is not None and listing is not None
    assert (
        intro.select_one("em") is not None and intro.get_text(" ", strip=True) == "Written by us ."
    )
    assert listing in intro.find_all_next("div")  # the user's text comes first
    assert site.count("blog/index.html") == "23 posts"

    ai = site.soup("blog/category/ai/index.html")
    assert "Our AI intro." in ai.get_text()
    assert site.count("blog/category/ai/index.html") == "3 posts"
    assert len(site.listing("blog/category/ai/index.html")) == 3
    assert (site.docs_dir / "blog/index.md").read_text() == "# Our blog\n\nWritten by *us*.\n"


def test_user_page_places_the_listing_with_the_marker(make_site: Any) -> None:
    docs = architecture_blog()
    docs["blog/index.md"] = "# Blog\n\nBefore.\n\n<!-- blog-archive:listing -->\n\nAfter.\n"
    site: Site = make_site(docs)
    soup = site.soup("blog/index.html")
    listing = soup.select_one(".blog-archive-index")
    assert listing is not None
    before = listing.find_previous("p", string="Before.")
    after = listing.find_next("p", string="After.")
    assert before is not None and after is not None


def test_nothing_is_written_into_docs_dir(make_site: Any, tmp_path: Path) -> None:
    docs = architecture_blog()
    site: Site = make_site(docs)

    def snapshot(folder: Path) -> dict[str, str]:
        return {
            str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    before = snapshot(site.docs_dir)
    from conftest import run_build

    run_build(site.root / "mkdocs.yml")
    assert snapshot(site.docs_dir) == before
    assert not (site.docs_dir / "blog/index.md").exists()
    assert not (site.docs_dir / "blog/category").exists()


def _nav_targets(site: Site, page: str = "index.html") -> set[str]:
    soup = site.soup(page)
    return {
        str(site.resolve(page, str(a["href"])).relative_to(site.site_dir))
        for a in soup.select("a[href]")
        if not str(a["href"]).startswith(("http", "#"))
    }


@pytest.mark.parametrize("theme", THEMES)
def test_automatic_nav_has_the_index_not_posts(make_site: Any, theme: str) -> None:
    site: Site = make_site(architecture_blog(), {"theme": {"name": theme}})
    targets = _nav_targets(site)
    assert "blog/index.html" in targets
    assert not any("posts" in target or "category" in target for target in targets)


def _top_level_blog_link(site: Site, theme: str) -> bool:
    """Whether the home page's nav has the blog index as a top-level link, not a section."""
    soup = site.soup("index.html")
    if theme == "readthedocs":  # a section is a caption above its pages
        captions = [p.get_text().strip() for p in soup.select(".wy-menu-vertical p.caption")]
        links = soup.select(".wy-menu-vertical > ul > li.toctree-l1 > a")
        return "Blog" not in captions and any(a.get_text().strip() == "Blog" for a in links)
    selector = {
        "mkdocs": "ul.navbar-nav > li > a",  # a section is a dropdown toggle (href="#")
        "material": "nav.md-nav--primary > ul > li.md-nav__item > a.md-nav__link",
    }[theme]
    return any(
        a.get_text().strip() == "Blog" and str(a.get("href")) == "blog/"
        for a in soup.select(selector)
    )


@pytest.mark.parametrize("theme", THEMES)
def test_automatic_nav_has_the_blog_index_itself_not_a_section_of_one(
    make_site: Any, theme: str
) -> None:
    site: Site = make_site(architecture_blog(), {"theme": {"name": theme}})
    assert _top_level_blog_link(site, theme)


def test_blog_section_with_other_pages_is_kept(make_site: Any) -> None:
    docs = {**architecture_blog(), "blog/about.md": "# About this blog\n"}
    site: Site = make_site(docs, {"theme": {"name": "mkdocs"}})
    assert not _top_level_blog_link(site, "mkdocs")
    soup = site.soup("index.html")
    toggle = soup.select_one("ul.navbar-nav > li.dropdown > a.dropdown-toggle")
    assert toggle is not None and toggle.get_text().strip() == "Blog"
    menu = [a.get_text().strip() for a in toggle.find_next("ul").select("a")]
    assert menu == ["Blog", "About this blog"]


@pytest.mark.parametrize("theme", THEMES)
def test_nav_categories_adds_a_section_after_the_index(make_site: Any, theme: str) -> None:
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"nav_categories": True}}]}
    site: Site = make_site(architecture_blog(), config)
    targets = _nav_targets(site)
    assert "blog/index.html" in targets
    assert "blog/category/architecture/index.html" in targets
    assert "blog/category/ai/index.html" in targets
    assert not any("posts" in target for target in targets)
    if theme == "mkdocs":  # the section, its title, and its place right after the index
        soup = site.soup("index.html")
        section = soup.find("a", string="Categories")
        assert section is not None
        entries = [a.get_text() for a in section.find_next("ul").select("a")]
        assert entries == ["AI", "Architecture"]  # the names, as Material titles them
        blog_menu = [a.get_text().strip() for a in section.find_parent("ul").select("a")]
        assert blog_menu[:2] == ["Blog", "Categories"]


def test_nav_posts_option_lists_posts(make_site: Any) -> None:
    site: Site = make_site(
        architecture_blog(), {"plugins": [{"blog-archive": {"nav_posts": True}}]}
    )
    soup = site.soup("index.html")
    hrefs = [str(a["href"]) for a in soup.select("a[href]")]
    assert any("posts/2026/post-01" in href for href in hrefs)


def test_explicit_nav_is_not_changed(make_site: Any) -> None:
    docs = architecture_blog()
    config = {"nav": [{"Home": "index.md"}, {"Blog": "blog/index.md"}]}
    site: Site = make_site(docs, config)
    soup = site.soup("index.html")
    nav_text = [a.get_text().strip() for a in soup.select(".navbar-nav a.nav-link")]
    assert "Home" in nav_text and "Blog" in nav_text
    assert not soup.select('a[href*="category/"]')


def test_generated_pages_are_in_sitemap_and_search(make_site: Any) -> None:
    site: Site = make_site(architecture_blog(), {"plugins": ["search", "blog-archive"]})
    sitemap = (site.site_dir / "sitemap.xml").read_text()
    assert "https://example.com/blog/category/architecture/" in sitemap
    assert "https://example.com/blog/" in sitemap
    index = (site.site_dir / "search/search_index.json").read_text()
    assert "blog/category/architecture/" in index


def test_options_blog_dir_posts_and_index_posts(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "news/one.md": post("2026-01-01", "One", ["X"]),
        "news/two.md": post("2026-01-02", "Two", ["X"]),
        "docs/dated-reference.md": post("2026-01-03", "Not a post", ["X"]),
    }
    config = {
        "plugins": [
            {"blog-archive": {"blog_dir": "journal", "posts": ["news/*.md"], "index_posts": 1}}
        ]
    }
    site: Site = make_site(docs, config)
    assert site.count("journal/category/x/index.html") == "2 posts"
    assert [e["title"] for e in site.listing("journal/index.html")] == ["Two"]
    assert site.count("journal/index.html") == "2 posts"
    assert not site.soup("docs/dated-reference/index.html").select(".blog-archive-post-links")


def test_index_posts_zero_lists_all(make_site: Any) -> None:
    config = {"plugins": [{"blog-archive": {"index_posts": 0}}]}
    site: Site = make_site(architecture_blog(), config)
    assert len(site.listing("blog/index.html")) == 23


@pytest.mark.parametrize(
    ("date_format", "locale", "expected"),
    [
        ("%Y-%m-%d", None, "2026-04-21"),
        ("medium", None, "Apr 21, 2026"),
        ("long", "de", "21. April 2026"),
        ("d MMMM y", "fr", "21 avril 2026"),
    ],
)
def test_date_format_option(
    make_site: Any, date_format: str, locale: str | None, expected: str
) -> None:
    options: dict[str, Any] = {"date_format": date_format}
    if locale:
        options["locale"] = locale
    site: Site = make_site(architecture_blog(), {"plugins": [{"blog-archive": options}]})
    assert site.listing("blog/category/architecture/index.html")[0]["date"] == expected


def test_locale_comes_from_material_language(make_site: Any) -> None:
    config = {"theme": {"name": "material", "language": "de"}}
    site: Site = make_site(architecture_blog(), config)
    assert site.listing("blog/category/architecture/index.html")[0]["date"] == "21. April 2026"


@pytest.mark.parametrize("placement", ["top", "bottom", "none", False])
def test_backlinks_placement(make_site: Any, placement: object) -> None:
    site: Site = make_site(
        architecture_blog(), {"plugins": [{"blog-archive": {"backlinks": placement}}]}
    )
    soup = site.soup("blog/posts/2026/post-01/index.html")
    block = soup.select_one("div.blog-archive-post-links")
    if placement in ("none", False):
        assert block is None
        return
    assert block is not None
    body = soup.select_one('[role="main"]')
    assert body is not None
    children = [child for child in body.children if isinstance(child, type(block))]
    position = children.index(block)
    assert position == (1 if placement == "top" else len(children) - 1)


def test_labels_are_configurable(make_site: Any) -> None:
    labels = {
        "blog": "Journal",
        "back_to_blog": "Zurück zum Blog",
        "category_heading": "Artikel über {name}",
        "post_count_one": "{count} Artikel",
        "post_count_other": "{count} Artikel",
        "categories": "Kategorien",
    }
    site: Site = make_site(
        {"a.md": post("2026-01-01", "A", ["Solo"])},
        {"plugins": [{"blog-archive": {"labels": labels}}]},
    )
    page = "blog/category/solo/index.html"
    soup = site.soup(page)
    heading = soup.select_one("h1")
    assert heading is not None and heading.get_text().strip() == "Artikel über Solo"
    assert site.count(page) == "1 Artikel"
    back = soup.select_one(".blog-archive-back")
    assert back is not None and "Zurück zum Blog" in back.get_text()
    index = site.soup("blog/index.html")
    assert index.select_one("h1").get_text().strip() == "Journal"  # type: ignore[union-attr]
    assert "Kategorien" in index.get_text()


def test_stylesheet_option(make_site: Any) -> None:
    site: Site = make_site({"a.md": post("2026-01-01", "A")})
    assert site.exists("blog-archive/blog-archive.css")
    assert site.soup("blog/index.html").select('link[href$="blog-archive/blog-archive.css"]')
    site = make_site(
        {"a.md": post("2026-01-01", "A")}, {"plugins": [{"blog-archive": {"stylesheet": False}}]}
    )
    assert not site.soup("blog/index.html").select('link[href$="blog-archive.css"]')


def test_theme_custom_dir_overrides_a_template(make_site: Any, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "blog-archive"
    overrides.mkdir(parents=True)
    (overrides / "back-link.html").write_text(
        '<p class="custom-back"><a href="{{ href }}">Home of the blog</a></p>'
    )
    site: Site = make_site(
        {"a.md": post("2026-01-01", "A", ["Solo"])},
        {"theme": {"name": "mkdocs", "custom_dir": str(tmp_path / "overrides")}},
    )
    back = site.soup("blog/category/solo/index.html").select_one(".custom-back a")
    assert back is not None and back.get_text() == "Home of the blog"


def test_custom_post_links_template_that_transforms_the_date(
    make_site: Any, tmp_path: Path
) -> None:
    overrides = tmp_path / "overrides" / "blog-archive"
    overrides.mkdir(parents=True)
    (overrides / "post-links.html").write_text(
        '<p class="custom">{{ date|upper }} / {{ datetime[:4] }} / {{ categories|length }}</p>'
    )
    docs: dict[str, str | bytes] = {
        "a.md": post("2026-01-01", "A", ["X"]),
        "b.md": post("2025-02-03", "B", ["X"]),
    }
    site: Site = make_site(
        docs, {"theme": {"name": "mkdocs", "custom_dir": str(tmp_path / "overrides")}}
    )
    texts = [site.soup(f"{name}/index.html").select_one(".custom") for name in "ab"]
    assert [t.get_text() if t else None for t in texts] == [
        "JANUARY 1, 2026 / 2026 / 1",
        "FEBRUARY 3, 2025 / 2025 / 1",
    ]


def test_use_directory_urls_false(make_site: Any) -> None:
    site: Site = make_site(architecture_blog(), {"use_directory_urls": False})
    page = "blog/category/architecture.html"
    assert site.count(page) == "21 posts"
    for entry in site.listing(page):
        assert entry["href"].endswith(".html")
        assert site.resolve(page, entry["href"]).is_file()
    back = site.soup("blog/posts/2026/post-01.html").select_one("a.blog-archive-back")
    assert back is not None
    assert site.resolve("blog/posts/2026/post-01.html", str(back["href"])).name == "index.html"


def test_posts_outside_blog_dir_and_nested_folders(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "release-notes/2025/2025-12-24-v1.md": "---\ncategories: [Releases]\n---\n# v1\n\nFirst.\n",
        "guides/deep/a/b/howto.md": post("2026-01-01", "How-to", ["Guides"]),
    }
    site: Site = make_site(docs)
    assert [e["title"] for e in site.listing("blog/index.html")] == ["How-to", "v1"]
    assert site.count("blog/category/releases/index.html") == "1 post"


def test_build_is_deterministic(make_site: Any) -> None:
    first: Site = make_site(architecture_blog())
    second: Site = make_site(architecture_blog())
    for path in ["blog/index.html", "blog/category/architecture/index.html"]:
        assert (first.site_dir / path).read_bytes() == (second.site_dir / path).read_bytes()


def test_dates_are_aware_and_sorted_across_zones() -> None:
    from mkdocs_blog_archive.dates import parse_date

    utc = dt.timezone.utc
    assert parse_date("2026-01-01T00:30:00+01:00", utc) < parse_date("2026-01-01", utc)


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_search_listings_indexes_the_listings(make_site: Any, theme: str) -> None:
    """Listings are filled just before each archive page is written (so thousands of them
    never sit in memory together), yet, with `search_listings`, before the search plugin
    reads the page."""
    import json

    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/a.md": post("2026-05-01", "Zebra Crossing", ["AI"]),
    }
    plugins = ["search", {"blog-archive": {"search_listings": True}}]
    site: Site = make_site(docs, {"theme": {"name": theme}, "plugins": plugins})
    index = json.loads((site.site_dir / "search/search_index.json").read_text("utf-8"))
    texts: dict[str, str] = {}
    for doc in index["docs"]:  # a page's sections (each post's heading starts one) together
        page_url = doc["location"].partition("#")[0]
        texts[page_url] = texts.get(page_url, "") + doc["title"] + " " + doc["text"]
    assert "Zebra Crossing" in texts["blog/category/ai/"]
    assert "1 post" in texts["blog/category/ai/"]
