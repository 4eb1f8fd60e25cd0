"""What a reader finds on the pages (#16), parsed from real builds on every theme: the blog
index's sections with ids in the table of contents, page 2 headed as page 2, months on a
year's page, a post's series, author pages, the pin mark, Material's author cards and chips,
unique landmarks and nav titles. (tests/test_browser.py runs axe-core on the same kinds of
page in chromium.)"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import THEMES, Site, link_count, link_name

AUTHORS = """\
authors:
  ann:
    name: Ann Lee
    description: Writes about speed.
    url: https://example.com/ann/
    avatar: img/ann.png
  bob:
    name: Bob Roe
"""


def _post(day: int, title: str, **front: Any) -> str:
    lines = [f"date: 2026-{6 + day // 28:02d}-{1 + day % 28:02d}"]
    lines += [f"{key}: {value}" for key, value in front.items()]
    return "---\n" + "\n".join(lines) + f"\n---\n\n# {title}\n\nSummary of {title}.\n"


def _docs() -> dict[str, str | bytes]:
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "img/ann.png": b"\x89PNG\r\n\x1a\n",
        "blog/.authors.yml": AUTHORS,
        "blog/posts/pinned.md": _post(0, "Pinned One", categories="[AI]", pin="true"),
        "blog/posts/duo.md": _post(
            40, "Written Together", categories="[AI]", authors="[ann, bob]", tags="[speed]"
        ),
        "blog/posts/part1.md": _post(30, "Part One", series="Fast Builds", authors="[ann]"),
        "blog/posts/part2.md": _post(31, "Part Two", series="Fast Builds", authors="[ann]"),
        "blog/posts/edited.md": "---\ndate:\n  created: 2026-06-20\n  updated: 2026-08-02\n"
        "categories: [Ops]\ntags: [speed, yaml]\nauthors: [ann]\n---\n\n# Edited Later\n\nText.\n",
    }
    for n in range(12):
        docs[f"blog/posts/ops{n}.md"] = _post(2 + n, f"Ops Note {n}", categories="[Ops]")
    return docs


def _site(make_site: Any, theme: str, **options: Any) -> Site:
    block = {"month_archives": True, "archives": ["series"], "per_page": 10, **options}
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": block}]}
    site: Site = make_site(_docs(), config, strict=True)
    return site


@pytest.fixture(scope="module", params=THEMES)
def built(request: Any, tmp_path_factory: pytest.TempPathFactory) -> Site:
    from conftest import run_build, write_site

    theme = request.param
    root = tmp_path_factory.mktemp(f"look-{theme}")
    block = {"month_archives": True, "archives": ["series"], "per_page": 10}
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": block}]}
    assert run_build(write_site(root, _docs(), config), strict=True) == []
    site = Site(root)
    site.theme = theme  # type: ignore[attr-defined]
    return site


def test_index_sections_come_after_the_posts_with_ids_in_the_toc(built: Site) -> None:
    soup = built.soup("blog/index.html")
    index = soup.select_one(".blog-archive-index")
    assert isinstance(index, Tag)
    headings = [(h.name, h.get("id"), h.get_text()) for h in index.find_all(["h2", "h3"])]
    sections = [h for h in headings if h[1] in ("blog-categories", "blog-archive", "blog-tags")]
    assert [h[2] for h in sections] == ["Categories", "Archive", "Tags"]
    posts = [h for h in headings if h not in sections]
    assert posts and all(h[0] == "h2" and h[1] for h in posts)  # each entry's heading: an id
    assert headings.index(sections[0]) > headings.index(posts[-1])  # after the posts
    # The page's table of contents (every theme's sidebar) links each section.
    outside = [a for a in soup.select("a[href^='#']") if not a.find_parent(class_="blog-archive")]
    assert {"#blog-categories", "#blog-archive", "#blog-tags"} <= {a["href"] for a in outside}
    # Each count is inside its link: no text beside a link told apart by colour alone.
    for link in index.select(".blog-archive-categories a"):
        assert link.parent is not None and link.parent.get_text().strip() == link.get_text().strip()
    categories = {link_name(a): link_count(a) for a in index.select(".blog-archive-categories a")}
    assert categories == {"AI": "2 posts", "Ops": "13 posts"}


def test_the_archive_section_lists_years_with_their_months(built: Site) -> None:
    soup = built.soup("blog/index.html")
    years = soup.select("ul.blog-archive-years > li")
    assert [link_name(li.a) for li in years] == ["2026"]  # type: ignore[arg-type]
    months = years[0].select("ul.blog-archive-months a")
    assert [link_name(a) for a in months] == ["June 2026", "July 2026"]
    for link in months:
        assert built.resolve("blog/index.html", str(link["href"])).is_file()
    # A year's own page lists its months too: months are reached from somewhere.
    page = built.soup("blog/2026/index.html")
    nav = page.select_one("nav.blog-archive-months")
    assert nav is not None and nav.get("aria-label") == "Months"
    assert [link_name(a) for a in nav.select("a")] == ["June 2026", "July 2026"]


def test_later_pages_say_which_page_they_are(built: Site) -> None:
    first = built.soup("blog/category/ops/index.html").h1
    second = built.soup("blog/category/ops/page/2/index.html").h1
    assert first is not None and second is not None
    assert first.get_text().strip() == "Ops Articles"
    assert second.get_text().strip() == "Ops Articles (page 2)"
    assert second.get("id")
    pager = built.soup("blog/category/ops/page/2/index.html").select_one("nav.blog-archive-pager")
    assert pager is not None and pager.get("aria-label") == "Pagination"
    current = pager.select_one("[aria-current=page]")
    assert current is not None and current.get_text() == "2"


def test_tags_on_the_index_lead_to_all_tags(built: Site) -> None:
    soup = built.soup("blog/index.html")
    tags = soup.select(".blog-archive-index-tags a")
    assert [(link_name(a), link_count(a)) for a in tags] == [("speed", "2"), ("yaml", "1")]
    if built.theme == "material":  # type: ignore[attr-defined]
        assert all("md-tag" in a["class"] for a in tags)  # Material's chips
    everything = soup.select_one(".blog-archive-tags-link a")
    assert everything is not None and everything.get_text().startswith("All tags")
    assert built.resolve("blog/index.html", str(everything["href"])) == (
        built.site_dir / "blog/tag/index.html"
    )


def test_a_post_links_its_series_and_its_updated_date(built: Site) -> None:
    block = built.soup("blog/posts/part1/index.html").select_one(".blog-archive-post-links")
    assert block is not None
    series = block.select_one(".blog-archive-post-field")
    assert series is not None and " ".join(series.get_text().split()) == "Series: Fast Builds"
    link = series.select_one("a")
    assert link is not None
    assert built.resolve("blog/posts/part1/index.html", str(link["href"])) == (
        built.site_dir / "blog/series/fast-builds/index.html"
    )
    edited = built.soup("blog/posts/edited/index.html").select_one(".blog-archive-updated")
    assert edited is not None and " ".join(edited.get_text().split()) == "Updated August 2, 2026"
    time = edited.select_one("time")
    assert time is not None and str(time["datetime"]).startswith("2026-08-02")
    # Not a landmark (a line about the post); the links to older and newer posts are one,
    # named for what they are; no two landmarks of one kind share a name.
    page = built.soup("blog/posts/part1/index.html")
    assert page.select_one("nav.blog-archive-post-links") is None
    post_nav = page.select_one("nav.blog-archive-post-nav")
    assert post_nav is not None and post_nav.get("aria-label") == "Previous and next posts"
    _assert_unique_landmarks(page)


def _name(soup: BeautifulSoup, landmark: Tag) -> str | None:
    """A landmark's accessible name: its aria-label, or the text it is labelled by."""
    by = landmark.get("aria-labelledby")
    if by:
        label = soup.find(id=str(by))
        return label.get_text() if label is not None else None
    label = landmark.get("aria-label")
    return str(label) if label is not None else None


def _assert_unique_landmarks(soup: BeautifulSoup) -> None:
    named = Counter((nav.name, _name(soup, nav)) for nav in soup.find_all(["nav", "aside"]))
    ours = [nav for nav in soup.find_all("nav") if "blog-archive" in " ".join(nav.get("class", []))]
    for nav in ours:  # each of ours has a name no other landmark of its kind has
        assert _name(soup, nav) and named[(nav.name, _name(soup, nav))] == 1, named


def test_an_authors_page(built: Site) -> None:
    page = "blog/author/ann/index.html"
    soup = built.soup(page)
    card = soup.select_one(".blog-archive-author")
    assert card is not None
    avatar = card.select_one("img.blog-archive-avatar")
    assert avatar is not None and built.resolve(page, str(avatar["src"])).is_file()
    website = card.select_one(".blog-archive-author-url a")
    assert website is not None and website["href"] == "https://example.com/ann/"
    assert website.get_text() == "Website: example.com/ann"
    # Its entries do not repeat "by Ann Lee"; a co-author stays.
    authors = {
        entry.select_one(".blog-archive-post-title").get_text(): entry.select_one(  # type: ignore[union-attr]
            ".blog-archive-authors"
        )
        for entry in soup.select(".blog-archive-post")
    }
    assert authors["Part One"] is None
    together = authors["Written Together"]
    assert together is not None and together.get_text().strip() == "by Bob Roe"
    # ... while other listings name every author.
    listed = built.soup("blog/category/ai/index.html").select_one(".blog-archive-authors")
    assert listed is not None and listed.get_text().strip() == "by Ann Lee, Bob Roe"


def test_a_pinned_post_is_marked(built: Site) -> None:
    entries = built.soup("blog/index.html").select(".blog-archive-post")
    first = entries[0]
    assert first.select_one(".blog-archive-post-title").get_text() == "Pinned One"  # type: ignore[union-attr]
    pin = first.select_one(".blog-archive-pin")
    assert pin is not None and pin.get_text().strip() == "Pinned"
    assert not entries[1].select(".blog-archive-pin")


def test_materials_post_head_has_author_cards_and_tag_chips(make_site: Any) -> None:
    site = _site(make_site, "material")
    page = "blog/posts/duo/index.html"
    block = site.soup(page).select_one(".blog-archive-post-links")
    assert block is not None
    cards = block.select(".md-profile.blog-archive-author-card")
    assert [" ".join(c.get_text(" ").split()) for c in cards] == [
        "Ann Lee Writes about speed.",
        "Bob Roe",
    ]
    img = cards[0].select_one(".md-author img")
    assert img is not None and site.resolve(page, str(img["src"])).is_file()
    assert img.get("width") and img.get("height")
    for card in cards:
        link = card.select_one("a.blog-archive-author-link")
        assert link is not None and site.resolve(page, str(link["href"])).is_file()
    assert [a.get_text() for a in block.select(".md-tags a.md-tag")] == ["speed"]
    assert all(svg.get("aria-hidden") == "true" for svg in block.select("svg"))
    # Listings show the authors' avatars (Material's excerpt header) and the categories.
    entry = site.soup("blog/category/ai/index.html").select_one("article.blog-archive-post")
    assert entry is not None
    avatars = entry.select(".md-post__authors img")
    assert [a["alt"] for a in avatars] == ["Ann Lee"]
    assert site.resolve("blog/category/ai/index.html", str(avatars[0]["src"])).is_file()
    categories = entry.select_one(".blog-archive-post-categories")
    assert categories is not None and "AI" in categories.get_text()


def test_category_pages_are_titled_by_their_name(built: Site) -> None:
    soup = built.soup("blog/category/ai/index.html")
    assert soup.title is not None and soup.title.get_text().startswith("AI ")
    assert soup.h1 is not None and soup.h1.get_text().strip() == "AI Articles"


def test_two_blogs_have_two_names_in_the_nav(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/a.md": _post(1, "A Post", categories="[AI]"),
        "release-notes/b.md": _post(2, "A Release"),
    }
    plugins = [
        {"blog-archive": {"nav_categories": True}},
        {"blog-archive": {"blog_dir": "release-notes", "posts": ["release-notes/*.md"]}},
    ]
    site: Site = make_site(docs, {"plugins": plugins}, strict=True)
    soup = site.soup("index.html")
    top = [a.get_text().strip() for a in soup.select(".navbar-nav > li > a")]
    assert "Blog" in top and "Release notes" in top
    assert len(top) == len(set(top)), top
    heading = site.soup("release-notes/index.html").h1
    assert heading is not None and heading.get_text().strip() == "Release notes"
