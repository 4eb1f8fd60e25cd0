"""How the pages look: Material's own markup on Material, plain HTML elsewhere; post `links`."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import Tag
from conftest import THEMES, Site, post

DOCS: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "guide.md": "# The Guide & More\n\n## Setup\n\nText.\n",
    "blog/posts/a.md": post("2026-05-01", "Alpha", ["AI"]),
    "blog/posts/b.md": "---\ndate: 2026-05-02\ncategories: [AI]\ntags: [llm]\n"
    "authors: [Ann]\n---\n# Beta\n\nBeta's summary.\n",
}


def _classes(tag: Tag) -> set[str]:
    return {name for element in [tag, *tag.find_all(True)] for name in element.get("class", [])}


def test_material_listing_uses_materials_excerpts_and_icons(make_site: Any) -> None:
    site: Site = make_site(DOCS, {"theme": {"name": "material"}})
    soup = site.soup("blog/category/ai/index.html")
    excerpts = soup.select(".blog-archive-posts > article.md-post.md-post--excerpt")
    assert len(excerpts) == 2
    beta = excerpts[0]
    meta = beta.select_one(".md-post__header .md-meta .md-meta__list")
    items = meta.select(".md-meta__item") if meta is not None else []
    texts = [" ".join(item.get_text().split()) for item in items]
    assert texts == ["May 2, 2026", "in AI", "by Ann", "1 min read"]  # Material's order
    assert not meta.select("svg"), "excerpts carry no icons, as Material's do not"
    heading = beta.select_one(".md-post__content h2 a.blog-archive-post-title")
    assert heading is not None and heading.get_text() == "Beta"
    more = beta.select_one(".md-post__action a.blog-archive-read-more")
    assert more is not None and more.get_text() == "Read more"
    assert site.resolve("blog/category/ai/index.html", str(more["href"])) == site.resolve(
        "blog/category/ai/index.html", str(heading["href"])
    )
    assert site.listing("blog/category/ai/index.html")[0]["summary"] == "Beta's summary."


def test_material_post_meta_line(make_site: Any) -> None:
    site: Site = make_site(DOCS, {"theme": {"name": "material"}})
    block = site.soup("blog/posts/b/index.html").select_one("div.blog-archive-post-links")
    assert block is not None
    assert {"md-meta", "md-post__meta"} <= set(block["class"])
    back = block.select_one("a.blog-archive-back")
    assert back is not None and " ".join(back.get_text().split()) == "Back to Blog"
    items = block.select(".md-meta__list > .md-meta__item")
    texts = [" ".join(item.get_text().split()) for item in items]
    assert texts == ["May 2, 2026", "by Ann", "1 min read", "in AI"]
    assert all(item.select_one("svg[aria-hidden=true]") for item in items)  # decorative
    assert all("md-meta__link" in a["class"] for a in block.select(".md-meta__list a"))
    chips = block.select(".md-tags > a.md-tag")  # tags as Material's chips
    assert [a.get_text() for a in chips] == ["llm"]


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs"])
def test_other_themes_get_plain_html(make_site: Any, theme: str) -> None:
    site: Site = make_site(DOCS, {"theme": {"name": theme}})
    for path in ("blog/category/ai/index.html", "blog/index.html", "blog/posts/b/index.html"):
        soup = site.soup(path)
        ours = soup.select(".blog-archive, .blog-archive-post-links")
        assert ours, path
        for part in ours:
            assert not any(name.startswith("md-") for name in _classes(part)), path
            assert part.select_one("svg") is None
    entry = site.soup("blog/index.html").select_one(".blog-archive-post")
    assert entry is not None and entry.select_one("a.blog-archive-read-more") is not None


def test_material_templates_can_be_overridden(make_site: Any, tmp_path: Any) -> None:
    docs = dict(DOCS)
    docs["../overrides/blog-archive/material/post-list.html"] = (
        '<ol class="blog-archive-posts">{% for entry in entries %}'
        '<li class="blog-archive-post mine">{{ entry.title }}</li>{% endfor %}</ol>\n'
    )
    site: Site = make_site(docs, {"theme": {"name": "material", "custom_dir": "overrides"}})
    items = site.soup("blog/category/ai/index.html").select("ol.blog-archive-posts > li.mine")
    assert [item.get_text() for item in items] == ["Beta", "Alpha"]


LINKS_POST = """\
---
date: 2026-05-03
links:
  - guide.md
  - guide.md#setup
  - Our site: https://example.org/?a=1&b=<2>
  - Reading:
      - blog/posts/a.md
      - Elsewhere: https://example.net/
---
# Gamma

Text.
"""


@pytest.mark.parametrize("theme", THEMES)
def test_links_front_matter(make_site: Any, theme: str) -> None:
    docs = dict(DOCS, **{"blog/posts/c.md": LINKS_POST})
    site: Site = make_site(docs, {"theme": {"name": theme}})
    page = "blog/posts/c/index.html"
    box = site.soup(page).select_one(".blog-archive-links")
    assert box is not None
    lists = box.select("ul")
    first = [(a.get_text(), str(a["href"])) for a in lists[0].select("a")]
    assert [title for title, _ in first] == ["The Guide & More", "The Guide & More", "Our site"]
    assert site.resolve(page, first[0][1]) == site.site_dir / "guide/index.html"
    assert first[1][1].endswith("#setup")
    assert first[2][1] == "https://example.org/?a=1&b=<2>"
    section = box.select_one(".blog-archive-links-section")
    assert section is not None and section.get_text() == "Reading"
    second = [(a.get_text(), str(a["href"])) for a in lists[1].select("a")]
    assert second[0][0] == "Alpha"
    assert site.resolve(page, second[0][1]) == site.site_dir / "blog/posts/a/index.html"
    assert second[1] == ("Elsewhere", "https://example.net/")


def test_bad_links_are_warned_about_and_left_out(make_site: Any) -> None:
    bad = (
        "---\ndate: 2026-05-03\nlinks:\n  - missing.md\n  - 42\n"
        "  - A:\n      - B:\n          - guide.md\n---\n# Gamma\n"
    )
    site: Site = make_site(
        dict(DOCS, **{"blog/posts/c.md": bad, "blog/posts/d.md": post("2026-05-04", "D")}),
        expect=[
            r"blog/posts/c\.md: 'links' names 'missing\.md', which is not in docs_dir",
            r"blog/posts/c\.md: 'links' entries are .* got 42",
            r"blog/posts/c\.md: 'links' sections do not nest",
        ],
    )
    assert site.soup("blog/posts/c/index.html").select_one(".blog-archive-links a") is None
    wrong_type = "---\ndate: 2026-05-03\nlinks: guide.md\n---\n# Gamma\n"
    make_site(
        dict(DOCS, **{"blog/posts/c.md": wrong_type}),
        expect=[r"blog/posts/c\.md: 'links' must be a list, got str 'guide\.md'"],
    )


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_the_post_block_is_the_same_from_a_copy_of_our_template(make_site: Any, theme: str) -> None:
    """Our post-links, post-nav and post-entry templates are rendered once per shape (or
    post) with stand-ins; a site's own copy is rendered per use. Both give the same HTML,
    escaping included."""
    from pathlib import Path

    from mkdocs_blog_archive.render import TEMPLATES_DIR

    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "p1.md": "---\ndate: 2026-05-01\ncategories: ['A&B', '<x>']\ntags: [\"q'uote\", 't\"2']\n"
        "authors: [Zoë]\n---\n# One\n\nText.\n",
        "p2.md": "---\ndate: 2026-05-02\ncategories: ['A&B']\n---\n# Two\n\nText.\n",
        "p3.md": "---\ndate: 2026-05-03\ndraft: true\nreadtime: 7\n---\n# Three\n",
    }
    docs["p4.md"] = "---\ndate: 2026-05-04\ncategories: ['A&B']\n---\n# Four <&> \"q\"\n\nText.\n"
    docs["p5.md"] = (
        "---\ndate: 2026-05-05\nauthors: ['Ann & <Bo>', Cy]\n---\n# Five\n\n"
        'Fish & 1 < 2 "quoted" \\0ba:prefix\\0 and more.\n'
    )
    options = {"drafts": True, "related": 2}
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": options}]}
    ours: Site = make_site(docs, config)
    folder = "material/" if theme == "material" else ""
    copy = dict(docs)
    for name in ("post-links.html", "post-nav.html", "post-entry.html"):
        source = Path(TEMPLATES_DIR, "blog-archive", folder, name)
        copy[f"../overrides/blog-archive/{folder}{name}"] = source.read_text("utf-8")
    theirs: Site = make_site(copy, {**config, "theme": {"name": theme, "custom_dir": "overrides"}})
    for page in (
        "p1/index.html",
        "p2/index.html",
        "p3/index.html",
        "p4/index.html",
        "p5/index.html",
    ):
        for part in ("div.blog-archive-post-links", "nav.blog-archive-post-nav"):
            mine = ours.soup(page).select_one(part)
            other = theirs.soup(page).select_one(part)
            assert mine is not None and str(mine) == str(other), (page, part)
        mine_related = ours.soup(page).select_one(".blog-archive-related")
        other_related = theirs.soup(page).select_one(".blog-archive-related")
        assert str(mine_related) == str(other_related), page
    archive_pages = sorted(
        str(path.relative_to(ours.site_dir))
        for path in (ours.site_dir / "blog").rglob("index.html")
    )
    assert len(archive_pages) >= 4
    listed = 0
    for page in archive_pages:
        mine = ours.soup(page).select_one(".blog-archive-posts")
        other = theirs.soup(page).select_one(".blog-archive-posts")
        assert str(mine) == str(other), page
        listed += mine is not None and len(mine.select(".blog-archive-post")) > 0
    assert listed >= 3
    five = ours.soup("blog/index.html").select_one(".blog-archive-post")
    assert five is not None
    summary = five.select_one(".blog-archive-post-summary")
    assert summary is not None
    assert summary.get_text() == 'Fish & 1 < 2 "quoted" \\0ba:prefix\\0 and more.'
    assert "Ann & <Bo>, Cy" in five.get_text()
    previous = ours.soup("p1/index.html").select_one("a.blog-archive-next")
    assert previous is not None and previous.get_text().endswith("Two")
    newest_link = ours.soup("p3/index.html").select_one("a.blog-archive-next")
    assert newest_link is not None and 'Four <&> "q"' in newest_link.get_text()
    one = ours.soup("p1/index.html").select_one("div.blog-archive-post-links")
    assert one is not None
    names = [a.get_text() for a in one.select("a")]
    assert names[1:] == ["Zoë", "A&B", "<x>", "q'uote", 't"2']
