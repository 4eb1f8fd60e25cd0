"""A site laid out the way Material's blog plugin wants, switched to blog-archive."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Site

MATERIAL_BLOG: dict[str, str | bytes] = {
    "index.md": "# Home\n\nRead [the launch post](blog/posts/launch.md).\n",
    "blog/index.md": "# Blog\n",
    "blog/.authors.yml": "authors:\n  squidfunk:\n    name: Martin\n",
    "blog/posts/launch.md": (
        "---\ndate:\n  created: 2026-05-16\n  updated: 2026-05-20\ncategories:\n  - News\n"
        "authors:\n  - squidfunk\nslug: hello-world\nreadtime: 3\npin: true\n---\n\n"
        "# We launched\n\nThe excerpt.\n\n<!-- more -->\n\nThe rest.\n"
    ),
    "blog/posts/second.md": (
        "---\ndate: 2026-05-17\ncategories: [News, Releases]\ntags: [v1]\n---\n\n"
        "# Second post!\n\nAnother one.\n"
    ),
    "blog/posts/draft.md": "---\ndate: 2026-05-18\ndraft: true\n---\n\n# Draft\n",
}


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_material_post_urls_are_kept(make_site: Any, theme: str) -> None:
    config = {
        "theme": {"name": theme},
        "plugins": [
            "search",
            {"blog-archive": {"post_url_format": "{yyyy}/{mm}/{dd}/{slug}"}},
        ],
    }
    site: Site = make_site(MATERIAL_BLOG, config, strict=True)
    assert site.exists("blog/2026/05/16/hello-world/index.html")  # front matter slug
    assert site.exists("blog/2026/05/17/second-post/index.html")  # from the title
    assert not site.exists("blog/posts/launch/index.html")
    assert not site.exists("blog/2026/05/18/draft/index.html")
    link = site.soup("index.html").select_one('a[href*="hello-world"]')
    assert link is not None  # the user's own link follows the post
    for page in ["blog/index.html", "blog/category/news/index.html"]:
        for entry in site.listing(page):
            assert site.resolve(page, entry["href"]).is_file(), entry
    assert [e["title"] for e in site.listing("blog/category/news/index.html")] == [
        "Second post!",
        "We launched",
    ]
    assert site.listing("blog/index.html")[0]["title"] == "We launched"  # pinned
    block = site.soup("blog/2026/05/16/hello-world/index.html").select_one(
        "div.blog-archive-post-links"
    )
    assert block is not None and "3 min read" in block.get_text() and "Martin" in block.get_text()
    assert site.count("blog/category/releases/index.html") == "1 post"


def test_colliding_post_urls_warn(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "a.md": "---\ndate: 2026-01-01\nslug: same\n---\n# A\n",
        "b.md": "---\ndate: 2026-01-01\nslug: same\n---\n# B\n",
    }
    config = {"plugins": [{"blog-archive": {"post_url_format": "{yyyy}/{slug}"}}]}
    site: Site = make_site(docs, config, expect=[r"b\.md: post_url_format gives the URL of a\.md"])
    assert site.exists("blog/2026/same/index.html") and site.exists("b/index.html")


@pytest.mark.parametrize("pattern", ["{yyyy}/{title}", "{yyyy}/{mm}", "../{slug}"])
def test_bad_post_url_format(make_site: Any, pattern: str) -> None:
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        make_site(MATERIAL_BLOG, {"plugins": [{"blog-archive": {"post_url_format": pattern}}]})


EXCERPTS: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "about.md": "# About\n",
    "blog/index.md": "# Blog\n",
    "blog/.authors.yml": (
        "authors:\n  ann:\n    name: Ann\n    avatar: assets/ann.png\n"
        "  bob:\n    name: Bob\n    avatar: https://example.com/bob.png\n"
    ),
    "assets/ann.png": b"\x89PNG\r\n\x1a\n",
    "blog/posts/img.png": b"\x89PNG\r\n\x1a\n",
    "blog/posts/linked.md": (
        "---\ndate: 2026-05-16\ncategories: [News, Deep Dives]\nauthors: [ann, bob]\n---\n\n"
        "# Linked\n\nSee [about](../../about.md), ![pic](img.png), [below](#later) and "
        "**bold** `code`.\n\n## Later\n\nStill the excerpt.\n\n<!-- more -->\n\nNot listed.\n"
    ),
    "blog/posts/whole.md": "---\ndate: 2026-05-15\n---\n\n# Whole\n\nAll of it is listed.\n",
}


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_excerpts_are_listed_rendered_with_working_links(make_site: Any, theme: str) -> None:
    block = {"material": True} if theme == "material" else {"excerpts": True}
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": block}]}
    site: Site = make_site(EXCERPTS, config, strict=True)
    for page in ["blog/index.html", "blog/category/news/index.html"]:
        soup = site.soup(page)
        entries = soup.select(".blog-archive-post")
        titles = [str(e.select_one(".blog-archive-post-title").get_text()) for e in entries]  # type: ignore[union-attr]
        assert titles == ["Linked", "Whole"][: len(entries)]
        excerpt = entries[0].select_one(".blog-archive-post-excerpt")
        assert excerpt is not None and excerpt.select_one("strong") is not None
        assert "Not listed" not in excerpt.get_text() and "Still the excerpt" in excerpt.get_text()
        assert excerpt.select("[id]") == []  # one page lists many posts: no repeated ids
        for tag, attribute in [("a", "href"), ("img", "src")]:
            for element in excerpt.select(f"{tag}[{attribute}]"):
                target = str(element[attribute])
                assert site.resolve(page, target.split("#")[0]).is_file(), (page, target)
        hrefs = [str(a["href"]) for a in excerpt.select("a")]
        assert any(h.endswith("#later") for h in hrefs)  # the anchor, on the post's page
        assert entries[0].select_one(".blog-archive-read-more") is not None
        assert entries[0].select_one(".blog-archive-post-summary") is None
        if theme == "material":
            avatars = entries[0].select(".md-post__authors img")
            assert [img["alt"] for img in avatars] == ["Ann"]  # post_excerpt_max_authors: 1
            assert site.resolve(page, str(avatars[0]["src"])).is_file()
            links = entries[0].select(".blog-archive-post-categories a")
            assert [a.get_text() for a in links] == ["News", "Deep Dives"]
            assert all(site.resolve(page, str(a["href"])).is_file() for a in links)
    whole = site.soup("blog/index.html").select(".blog-archive-post")[1]
    assert "All of it is listed." in whole.get_text()
    assert whole.select_one(".blog-archive-read-more") is None  # nothing more to read


def test_excerpt_required_and_a_separator_of_its_own(make_site: Any) -> None:
    docs = {
        **EXCERPTS,
        "blog/posts/linked.md": str(EXCERPTS["blog/posts/linked.md"]).replace(
            "<!-- more -->", "<!-- cut -->"
        ),
    }
    block = {"post_excerpt": "required", "post_excerpt_separator": "<!-- cut -->"}
    config = {"theme": {"name": "material"}, "plugins": [{"blog-archive": block}]}
    site: Site = make_site(
        docs, config, expect=[r"whole\.md: the post has no excerpt separator '<!-- cut -->'"]
    )
    excerpt = site.soup("blog/index.html").select_one(".blog-archive-post-excerpt")
    assert excerpt is not None and "Not listed" not in excerpt.get_text()


def test_plain_summaries_stay_the_default(make_site: Any) -> None:
    site: Site = make_site(EXCERPTS, {"theme": {"name": "material"}}, strict=True)
    assert site.soup("blog/index.html").select(".blog-archive-post-excerpt") == []
    assert site.listing("blog/index.html")[0]["summary"].startswith("See about")


def test_blog_toc_lists_the_posts_shown_in_the_table_of_contents(make_site: Any) -> None:
    block = {"blog_toc": True, "categories_toc": False, "pagination_per_page": 1}
    config = {"theme": {"name": "material"}, "plugins": [{"blog-archive": block}]}
    site: Site = make_site(EXCERPTS, config, strict=True)
    for page, titles in [("blog/index.html", ["Linked"]), ("blog/page/2/index.html", ["Whole"])]:
        soup = site.soup(page)
        toc = soup.select("nav.md-nav--secondary a.md-nav__link")
        listed = [a for a in toc if str(a["href"]).startswith("#")]
        # the posts, then the index's own sections (which follow them on the page)
        listed = [a for a in listed if soup.select_one(f"h2.blog-archive-post-heading{a['href']}")]
        assert [a.get_text().strip() for a in listed][-len(titles) :] == titles
        for link in listed[-len(titles) :]:
            target = soup.find(id=str(link["href"])[1:])
            assert target is not None and target.get_text().strip() in titles
    category = site.soup("blog/category/news/index.html")
    assert not [a for a in category.select("nav.md-nav--secondary a") if "Linked" in a.get_text()]


def test_materials_functions_from_mkdocs_yml(tmp_path: Any) -> None:
    """Material's callables are set with YAML tags: `post_slugify`, `categories_sort_by`."""
    from conftest import Site, link_name, run_build, write_site

    docs: dict[str, str | bytes] = {"index.md": "# Home\n", "blog/index.md": "# Blog\n"}
    for n, names in enumerate([["Alpha"], ["Beta"], ["Beta"], ["Gamma", "Beta"]]):
        docs[f"blog/posts/p{n}.md"] = (
            f"---\ndate: 2026-01-0{n + 1}\ncategories: {names}\n---\n# Post Number {n}\n"
        )
    config_file = write_site(tmp_path, docs, {"theme": {"name": "material"}})
    text = config_file.read_text("utf-8").replace(
        "- blog-archive",
        "- blog-archive:\n"
        "    post_slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: none}}\n"
        "    post_slugify_separator: _\n"
        "    categories_sort_by: !!python/name:material.plugins.blog.view_post_count\n"
        "    categories_sort_reverse: true",
    )
    config_file.write_text(text, "utf-8")
    assert run_build(config_file, strict=True) == []
    site = Site(tmp_path)
    assert site.exists("blog/2026/01/02/Post_Number_1/index.html")
    links = site.soup("blog/index.html").select(
        ".blog-archive-categories a, .blog-archive-category-list a"
    )
    names = [link_name(a) for a in links]
    assert names[:3] == ["Beta", "Alpha", "Gamma"], names  # by count, then by name


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (None, "posts in blog/posts/ keep their own URLs and our defaults; to keep every URL "),
        ({"post_url_format": "{slug}"}, "keep the URLs post_url_format gives and our defaults"),
        (
            {"material": True},
            "switching from Material's blog: its URLs are kept (posts at blog/{date}/{slug}, "
            "categories at blog/category/{slug}, archives at blog/archive/{date}, "
            "10 posts a page)",
        ),
    ],
)
def test_what_a_switched_site_is_told(
    make_site: Any, caplog: pytest.LogCaptureFixture, block: Any, message: str
) -> None:
    caplog.set_level("INFO")
    plugin = "blog-archive" if block is None else {"blog-archive": block}
    make_site(MATERIAL_BLOG, {"theme": {"name": "material"}, "plugins": [plugin]}, strict=True)
    infos = [r.getMessage() for r in caplog.records if r.levelname == "INFO"]
    assert sum(message in m for m in infos) == 1, infos
    if block is None:  # the hint only where posts sit as Material's blog has them
        caplog.clear()
        make_site(MATERIAL_BLOG, {"theme": {"name": "mkdocs"}}, strict=True)
        assert not [r for r in caplog.records if "material: true" in r.getMessage()]


def test_hostile_names_stay_inside_the_blog_when_switching(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/index.md": "# Blog\n",
        "blog/posts/up.md": "---\ndate: 2026-01-01\nslug: ../../escape\n---\n# Up\n",
        "blog/posts/emoji.md": "---\ndate: 2026-01-03\n---\n# 🚀🚀\n",
        "blog/posts/markup.md": (
            "---\ndate: 2026-01-02\ncategories: ['<img src=x onerror=alert(1)>', '../../etc']\n"
            "---\n# <script>alert(1)</script> Title\n"
        ),
    }
    site: Site = make_site(
        docs,
        {"theme": {"name": "material"}, "plugins": [{"blog-archive": {"material": True}}]},
        expect=[
            r"up\.md: slug '\.\./\.\./escape' cannot be a URL path; 'escape' is used",
            r"emoji\.md: the title '🚀🚀' gives the slug '', which cannot be a URL path",
        ],
    )
    assert site.exists("blog/2026/01/01/escape/index.html")
    written = {p.relative_to(site.site_dir).as_posix() for p in site.site_dir.rglob("*")}
    assert all(not p.startswith("..") for p in written)
    assert site.exists("blog/category/etc/index.html")
    soup = site.soup("blog/index.html")
    # No script but data (JSON-LD, which holds the title as text, with no "<" in it).
    scripts = soup.select("script:-soup-contains('alert')")
    assert all(s.get("type") == "application/ld+json" and "<" not in s.get_text() for s in scripts)
    assert soup.select("img[onerror]") == []
    titles = [e.get_text() for e in soup.select(".blog-archive-post-title")]
    assert "alert(1) Title" in titles  # MkDocs' title of that heading: its text


def test_authors_off_and_materials_nav_titles(make_site: Any) -> None:
    block = {"authors": False, "categories_name": "Topics", "nav_categories": True}
    config = {"theme": {"name": "material"}, "plugins": [{"blog-archive": block}]}
    site: Site = make_site(EXCERPTS, config, strict=True)
    assert not (site.site_dir / "blog/author").exists()
    soup = site.soup("blog/2026/05/16/linked/index.html")
    assert "Ann" not in soup.select_one("div.blog-archive-post-links").get_text()  # type: ignore[union-attr]
    nav = [
        a.get_text().strip()
        for a in soup.select("nav.md-nav--primary label, nav.md-nav--primary a")
    ]
    assert "Topics" in nav, nav


@pytest.mark.parametrize("redirects_first", [True, False])
def test_old_material_urls_redirect_to_archive_pages(make_site: Any, redirects_first: bool) -> None:
    """A site choosing other URLs than Material's keeps old links with mkdocs-redirects,
    archive pages and moved posts as targets (as the README shows)."""
    pytest.importorskip("mkdocs_redirects")
    maps = {
        "blog/2026/05/16/hello-world.md": "blog/posts/launch.md",
        "blog/archive/2026.md": "blog/2026.md",
        "news.md": "blog/category/releases.md",
    }
    redirects = {"redirects": {"redirect_maps": maps}}
    plugins = [redirects, "blog-archive"] if redirects_first else ["blog-archive", redirects]
    site: Site = make_site(MATERIAL_BLOG, {"plugins": plugins}, strict=True)
    for old, new in [
        ("blog/2026/05/16/hello-world/index.html", "blog/posts/launch/index.html"),
        ("blog/archive/2026/index.html", "blog/2026/index.html"),
        ("news/index.html", "blog/category/releases/index.html"),
    ]:
        assert site.redirect(old) == site.site_dir / new


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_a_switched_blog_on_every_theme(make_site: Any, theme: str) -> None:
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"material": True}}]}
    site: Site = make_site(EXCERPTS, config, strict=True)
    assert site.exists("blog/2026/05/16/linked/index.html")
    assert site.exists("blog/archive/2026/index.html")
    for page in [
        "blog/index.html",
        "blog/archive/2026/index.html",
        "blog/category/news/index.html",
    ]:
        excerpt = site.soup(page).select_one(".blog-archive-post-excerpt")
        assert excerpt is not None and excerpt.select_one("strong") is not None, page
        for img in excerpt.select("img"):
            assert site.resolve(page, str(img["src"])).is_file()
    assert site.soup("blog/category/news/index.html").h1.get_text().strip() == "News"  # type: ignore[union-attr]
