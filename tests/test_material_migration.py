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
        "nav.blog-archive-post-links"
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
