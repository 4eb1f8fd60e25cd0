"""Archives of any kind built by one model: categories, tags, and fields named in `archives`."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ENGINE, THEMES, Site, link_count, link_name


def tagged_blog() -> dict[str, str | bytes]:
    docs: dict[str, str | bytes] = {"index.md": "# Home\n"}
    rows = [
        ("2026-03-01", "One", ["python", "speed"], "Intro"),
        ("2026-03-02", "Two", ["python"], "Intro"),
        ("2026-03-03", "Three", ["python", "Speed"], "Deep dive"),
        ("2026-03-04", "Four", ["rust"], None),
    ]
    for date, title, tags, series in rows:
        series_line = f"series: {series}\n" if series else ""
        docs[f"posts/{title.lower()}.md"] = (
            f"---\ndate: {date}\ncategories: [Notes]\ntags: {tags}\n{series_line}---\n"
            f"# {title}\n\nAbout {title}.\n"
        )
    return docs


@pytest.mark.parametrize("theme", THEMES)
def test_tag_pages_and_tags_index(make_site: Any, theme: str) -> None:
    site: Site = make_site(tagged_blog(), {"theme": {"name": theme}})  # speed, Speed: one tag
    page = "blog/tag/python/index.html"
    heading = site.soup(page).select_one("h1")
    assert heading is not None and heading.get_text().strip() == "Posts tagged “python”"
    assert site.count(page) == "3 posts"
    assert [e["title"] for e in site.listing(page)] == ["Three", "Two", "One"]
    back = site.soup(page).select_one(".blog-archive-back a")
    assert back is not None
    assert site.resolve(page, str(back["href"])) == site.site_dir / "blog/index.html"

    cloud = site.soup("blog/tag/index.html").select("ul.blog-archive-tag-cloud > li")
    counts = {li.a.get_text(): (li.span.get_text(), li["class"][0]) for li in cloud}  # type: ignore[union-attr]
    assert counts == {
        "python": ("3", "blog-archive-tag-level-5"),
        "rust": ("1", "blog-archive-tag-level-1"),
        "speed": ("2", "blog-archive-tag-level-3"),
    }
    for li in cloud:
        assert site.resolve("blog/tag/index.html", str(li.a["href"])).is_file()  # type: ignore[union-attr]

    tags_link = site.soup("blog/index.html").select_one(".blog-archive-tags-link a")
    assert tags_link is not None
    assert site.resolve("blog/index.html", str(tags_link["href"])).name == "index.html"

    block = site.soup("posts/one/index.html").select_one("div.blog-archive-post-links")
    assert block is not None
    assert [a.get_text() for a in block.select("a.blog-archive-tag-link")] == ["python", "speed"]
    if theme == "material":  # Material's chips, as its tags plugin shows a page's tags
        assert [a.get_text() for a in block.select("a.md-tag")] == ["python", "speed"]
    else:
        assert "tagged" in block.get_text()
    assert (site.site_dir / "blog/tag/python/atom.xml").is_file()
    block = site.soup("posts/three/index.html").select_one("div.blog-archive-post-links")
    assert block is not None  # "Speed" is listed as the first spelling seen, "speed"
    assert [a.get_text() for a in block.select("a.blog-archive-tag-link")] == ["python", "speed"]


def test_spellings_differing_in_case_are_one_name_the_most_frequent(
    make_site: Any, caplog: pytest.LogCaptureFixture
) -> None:
    docs: dict[str, str | bytes] = {"index.md": "# Home\n"}
    spellings = ["runtime", "Runtime", "Runtime", " RUNTIME ", "C++", "C"]
    for n, name in enumerate(spellings):
        front = f"---\ndate: 2026-03-0{n + 1}\ncategories: ['{name}']\n---\n"
        docs[f"posts/p{n}.md"] = f"{front}# P{n}\n"
    caplog.set_level("INFO", logger=f"{ENGINE}.plugins.mkdocs_blog_archive.finish")
    site: Site = make_site(
        docs, expect=[r"p5\.md: category 'C' has the same slug \('c'\) as 'C\+\+'"], strict=False
    )
    page = "blog/category/runtime/index.html"
    assert site.soup(page).h1.get_text().strip() == "Runtime Articles"  # type: ignore[union-attr]
    assert site.count(page) == "4 posts"
    infos = [r.getMessage() for r in caplog.records if r.levelname == "INFO"]
    assert any("p0.md: category 'runtime' is listed as 'Runtime'" in m for m in infos), infos
    assert any("category 'RUNTIME' is listed as 'Runtime'" in m for m in infos), infos
    assert [e["title"] for e in site.listing("blog/category/c/index.html")] == ["P5", "P4"]


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_archives_by_any_front_matter_field(make_site: Any, theme: str) -> None:
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"archives": ["series"]}}]}
    site: Site = make_site(tagged_blog(), config)
    page = "blog/series/intro/index.html"
    heading = site.soup(page).select_one("h1")
    assert heading is not None and heading.get_text().strip() == "Series: Intro"
    assert site.count(page) == "2 posts"
    assert site.count("blog/series/deep-dive/index.html") == "1 post"
    assert (site.site_dir / "blog/series/intro/feed.json").is_file()
    # A page without the field is in no series archive, and no other field makes archives.
    assert not (site.site_dir / "blog/categories").exists()


def test_labels_for_tags_and_fields(make_site: Any) -> None:
    labels = {"tag_heading": "Schlagwort {name}", "field_heading": "{name} ({field})"}
    config = {"plugins": [{"blog-archive": {"archives": ["series"], "labels": labels}}]}
    site: Site = make_site(tagged_blog(), config)
    assert site.soup("blog/tag/rust/index.html").h1.get_text().strip() == "Schlagwort rust"  # type: ignore[union-attr]
    assert site.soup("blog/series/intro/index.html").h1.get_text().strip() == "Intro (Series)"  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", ["tags", "Series", "page", "a/b", "../x", ""])
def test_bad_archive_field_names_fail_at_load_time(make_site: Any, bad: str) -> None:
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        make_site(tagged_blog(), {"plugins": [{"blog-archive": {"archives": [bad]}}]})


def test_wrong_types_for_tags_and_fields(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "p.md": "---\ndate: 2026-01-01\ntags: 5\nseries: [1, ok]\n---\n# P\n",
    }
    site: Site = make_site(
        docs,
        {"plugins": [{"blog-archive": {"archives": ["series"]}}]},
        expect=[
            r"p\.md: 'tags' must be a list of names, got int 5",
            r"p\.md: 'series' has an entry that is not a name: 1",
        ],
    )
    assert site.count("blog/series/ok/index.html") == "1 post"
    assert not (site.site_dir / "blog/tag").exists()


def dated_blog() -> dict[str, str | bytes]:
    docs: dict[str, str | bytes] = {"index.md": "# Home\n"}
    for date, title in [
        ("2025-12-30", "Old"),
        ("2026-01-05", "January"),
        ("2026-01-20", "Late January"),
        ("2026-05-16", "May"),
    ]:
        docs[f"posts/{title.lower().replace(' ', '-')}.md"] = (
            f"---\ndate: {date}\n---\n# {title}\n\nText.\n"
        )
    return docs


@pytest.mark.parametrize("theme", THEMES)
def test_year_archives_linked_from_the_index(make_site: Any, theme: str) -> None:
    site: Site = make_site(dated_blog(), {"theme": {"name": theme}})
    assert site.count("blog/2026/index.html") == "3 posts"
    assert [e["title"] for e in site.listing("blog/2026/index.html")] == [
        "May",
        "Late January",
        "January",
    ]
    assert site.count("blog/2025/index.html") == "1 post"
    assert site.soup("blog/2026/index.html").h1.get_text().strip() == "2026"  # type: ignore[union-attr]
    years = site.soup("blog/index.html").select("ul.blog-archive-years a")
    assert [link_name(a) for a in years] == ["2026", "2025"]
    assert [link_count(a) for a in years] == ["3 posts", "1 post"]
    for link in years:
        assert site.resolve("blog/index.html", str(link["href"])).is_file()
    assert not (site.site_dir / "blog/2026/01").exists()


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_month_archives_in_the_sites_language(make_site: Any, theme: str) -> None:
    options = {"month_archives": True, "locale": "de"}
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": options}]}
    site: Site = make_site(dated_blog(), config)
    page = "blog/2026/01/index.html"
    assert site.count(page) == "2 Artikel"
    assert site.soup(page).h1.get_text().strip() == "Januar 2026"  # type: ignore[union-attr]
    assert site.count("blog/2025/12/index.html") == "1 Artikel"
    back = site.soup(page).select_one(".blog-archive-back a")
    assert back is not None
    assert site.resolve(page, str(back["href"])) == site.site_dir / "blog/index.html"


def test_date_archives_can_be_turned_off(make_site: Any) -> None:
    site: Site = make_site(dated_blog(), {"plugins": [{"blog-archive": {"year_archives": False}}]})
    assert not (site.site_dir / "blog/2026").exists()
    assert not site.soup("blog/index.html").select("ul.blog-archive-years")
    options = {"year_archives": False, "month_archives": True}
    site = make_site(dated_blog(), {"plugins": [{"blog-archive": options}]})
    assert site.exists("blog/2026/05/index.html")
    assert not site.exists("blog/2026/index.html")


AUTHORS = """\
authors:
  alice:
    name: Alice Liddell
    description: Writes about <b>rabbits</b>.
    avatar: https://example.com/alice.png
    url: https://example.com/alice
  bob:
    name: Bob
"""


def authored_blog() -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n",
        "blog/.authors.yml": AUTHORS,
        "posts/a.md": "---\ndate: 2026-02-01\nauthors: [alice, bob]\n---\n# A\n\nText.\n",
        "posts/b.md": "---\ndate: 2026-02-02\nauthors: [alice]\n---\n# B\n\nText.\n",
    }


@pytest.mark.parametrize("theme", THEMES)
def test_authors_from_the_authors_file(make_site: Any, theme: str) -> None:
    site: Site = make_site(authored_blog(), {"theme": {"name": theme}})
    page = "blog/author/alice/index.html"
    soup = site.soup(page)
    assert soup.h1 is not None and soup.h1.get_text().strip() == "Alice Liddell"
    assert site.count(page) == "2 posts"
    description = soup.select_one(".blog-archive-author-description")
    assert description is not None and description.get_text() == "Writes about <b>rabbits</b>."
    avatar = soup.select_one("img.blog-archive-avatar")
    assert avatar is not None and avatar["src"] == "https://example.com/alice.png"
    assert site.count("blog/author/bob/index.html") == "1 post"

    names = {
        li.select_one("a").get_text(): li.select_one(".blog-archive-authors").get_text()  # type: ignore[union-attr]
        for li in site.soup("blog/index.html").select(".blog-archive-post")
    }
    assert names == {"A": "by Alice Liddell, Bob", "B": "by Alice Liddell"}
    block = site.soup("posts/a/index.html").select_one("div.blog-archive-post-links")
    assert block is not None
    links = {a.get_text(): a["href"] for a in block.select("a.blog-archive-author-link")}
    assert list(links) == ["Alice Liddell", "Bob"]
    for href in links.values():
        assert site.resolve("posts/a/index.html", str(href)).is_file()
    import json

    feed = json.loads((site.site_dir / "blog/feed.json").read_text())
    assert feed["items"][1]["authors"] == [{"name": "Alice Liddell"}, {"name": "Bob"}]


def test_unknown_author_id(make_site: Any) -> None:
    docs = authored_blog()
    docs["posts/c.md"] = "---\ndate: 2026-02-03\nauthors: [carol]\n---\n# C\n"
    site: Site = make_site(
        docs, expect=[r"posts/c\.md: author 'carol' is not in blog/\.authors\.yml"]
    )
    assert site.count("blog/author/carol/index.html") == "1 post"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("authors: [unclosed", r"\.authors\.yml: cannot read the authors file"),
        ("- just\n- a list\n", r"\.authors\.yml: the authors file needs a mapping"),
        ("authors:\n  alice: 5\n", r"\.authors\.yml: author 'alice' must be a mapping"),
    ],
)
def test_bad_authors_file(make_site: Any, content: str, expected: str) -> None:
    docs = authored_blog()
    docs["blog/.authors.yml"] = content
    site: Site = make_site(docs, expect=[expected, "is not in blog/.authors.yml"])
    assert site.count("blog/index.html") == "2 posts"


def test_a_date_without_a_day_goes_to_its_month(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {"p.md": "---\ndate: '2026-05'\n---\n# P\n\nText.\n"}
    site: Site = make_site(docs, {"plugins": [{"blog-archive": {"month_archives": True}}]})
    assert site.count("blog/2026/05/index.html") == "1 post"
    assert site.listing("blog/index.html")[0]["datetime"].startswith("2026-05-01T00:00:00")
