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


@pytest.mark.parametrize(
    ("numbers", "current", "window", "shown"),
    [
        (5, 3, 0, [1, 2, 3, 4, 5]),
        (7, 4, 2, [1, 2, 3, 4, 5, 6, 7]),
        (20, 1, 2, [1, 2, 3, 0, 20]),
        (20, 6, 2, [1, 0, 4, 5, 6, 7, 8, 0, 20]),
        (20, 3, 2, [1, 2, 3, 4, 5, 0, 20]),
        (20, 4, 2, [1, 2, 3, 4, 5, 6, 0, 20]),
        (20, 20, 2, [1, 0, 18, 19, 20]),
        (20, 17, 2, [1, 0, 15, 16, 17, 18, 19, 20]),
    ],
)
def test_pager_window(numbers: int, current: int, window: int, shown: list[int]) -> None:
    from mkdocs_blog_archive.render import pager_pages

    assert pager_pages(numbers, current, window) == shown


def test_materials_pager_format_and_single_pages(make_site: Any) -> None:
    block = {"pagination_per_page": 2, "post_dir": "posts"}
    config = {"theme": {"name": "material"}, "plugins": [{"blog-archive": block}]}
    site: Site = make_site(blog(30), config, strict=True)  # 15 pages, Material's "~2~"
    assert [text for text, _ in pager(site, "blog/page/8/index.html")] == [
        "← Previous",
        "1",
        "6",
        "7",
        "8",
        "9",
        "10",
        "15",
        "Next →",
    ]
    gaps = site.soup("blog/page/8/index.html").select(".blog-archive-pager-gap")
    assert [gap.get_text() for gap in gaps] == ["…", "…"]
    assert pager(site, "blog/category/cat/page/15/index.html")[-1] == ("15", "")
    single = {"pagination_if_single_page": True, "pagination_per_page": 50, "post_dir": "posts"}
    config = {"theme": {"name": "material"}, "plugins": [{"blog-archive": single}]}
    site = make_site(blog(3), config, strict=True)
    assert pager(site, "blog/category/cat/index.html") == [("1", "")]


@pytest.mark.parametrize("keep", [True, False])
def test_pagination_keep_content(make_site: Any, keep: bool) -> None:
    docs = {**blog(5), "blog/index.md": "# Our blog\n\nWelcome, reader.\n"}
    block = {"pagination_per_page": 2, "post_dir": "posts", "pagination_keep_content": keep}
    config = {"theme": {"name": "material"}, "plugins": [{"blog-archive": block}]}
    site: Site = make_site(docs, config, strict=True)
    assert "Welcome, reader." in site.soup("blog/index.html").get_text()
    for later in ["blog/page/2/index.html", "blog/page/3/index.html"]:
        assert ("Welcome, reader." in site.soup(later).get_text()) is keep
        assert len(site.listing(later)) in (1, 2)
