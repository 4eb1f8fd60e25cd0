"""Pagination of every archive page: boundaries, pager links, totals."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Site, post


def blog(count: int) -> dict[str, str | bytes]:
    docs: dict[str, str | bytes] = {"index.md": "# Home\n"}
    for number in range(1, count + 1):
        docs[f"posts/p{number:02d}.md"] = post(f"2026-01-{number:02d}", f"P{number:02d}", ["Cat"])
    return docs


def pager(site: Site, page: str) -> list[tuple[str, str]]:
    """(text, target file relative to site_dir) of each pager link; the current page as ''."""
    nav = site.soup(page).select_one("nav.blog-archive-pager")
    if nav is None:
        return []
    found = []
    for item in nav.select("a, span.blog-archive-pager-current"):
        if item.name == "span":
            found.append((item.get_text(), ""))
            continue
        target = site.resolve(page, str(item["href"]))
        assert target.is_file(), item
        found.append((item.get_text().strip(), str(target.relative_to(site.site_dir))))
    return found


def test_exactly_per_page_posts_make_one_page(make_site: Any) -> None:
    site: Site = make_site(blog(5), {"plugins": [{"blog-archive": {"per_page": 5}}]})
    assert len(site.listing("blog/category/cat/index.html")) == 5
    assert pager(site, "blog/category/cat/index.html") == []
    assert not (site.site_dir / "blog/category/cat/page").exists()


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_one_more_post_makes_a_second_page(make_site: Any, theme: str) -> None:
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"per_page": 5}}]}
    site: Site = make_site(blog(6), config)
    first, second = "blog/category/cat/index.html", "blog/category/cat/page/2/index.html"
    assert [e["title"] for e in site.listing(first)] == ["P06", "P05", "P04", "P03", "P02"]
    assert [e["title"] for e in site.listing(second)] == ["P01"]
    assert site.count(first) == site.count(second) == "6 posts"
    assert pager(site, first) == [
        ("1", ""),
        ("2", "blog/category/cat/page/2/index.html"),
        ("Next →", "blog/category/cat/page/2/index.html"),
    ]
    assert pager(site, second) == [
        ("← Previous", "blog/category/cat/index.html"),
        ("1", "blog/category/cat/index.html"),
        ("2", ""),
    ]
    assert "(page 2)" in site.soup(second).title.get_text()  # type: ignore[union-attr]
    for entry in site.listing(second):
        assert site.resolve(second, entry["href"]).is_file()


def test_the_blog_index_paginates_too(make_site: Any) -> None:
    site: Site = make_site(blog(12), {"plugins": [{"blog-archive": {"per_page": 5}}]})
    assert [len(site.listing(p)) for p in ["blog/index.html", "blog/page/2/index.html"]] == [5, 5]
    assert [e["title"] for e in site.listing("blog/page/3/index.html")] == ["P02", "P01"]
    assert not site.exists("blog/page/4/index.html")
    back = site.soup("blog/page/3/index.html").select_one(".blog-archive-back a")
    assert back is not None
    assert site.resolve("blog/page/3/index.html", str(back["href"])).parent.name == "blog"
    assert [text for text, _ in pager(site, "blog/page/2/index.html")] == [
        "← Previous",
        "1",
        "2",
        "3",
        "Next →",
    ]
    assert site.count("blog/page/3/index.html") == "12 posts"
    assert site.exists("blog/2026/page/2/index.html")  # date archives paginate as well
