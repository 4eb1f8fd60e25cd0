"""Bad input: a clear warning naming the file and the value, never a traceback."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, post, run_build, strict_build_fails, write_site
from mkdocs.exceptions import Abort

GOOD = post("2026-01-01", "Good", ["Ok"])


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("date: nonsense", r"bad\.md: cannot read 'nonsense' as a date"),
        ("date: '5'", r"bad\.md: cannot read '5' as a date"),
        ("date: ''", r"bad\.md: the date is empty"),
        ("date: [1]", r"bad\.md: expected a date, got list \[1\]"),
        ("date: 12", r"bad\.md: expected a date, got int 12"),
        ("date:", r"bad\.md: expected a date, got NoneType None"),
        ("date: {updated: 2026-01-01}", r"bad\.md: a date mapping needs 'created'"),
        ("date: 2026-13-45", r"bad\.md: .*month must be in 1\.\.12.*'2026-13-45'"),
        ("date: [unclosed", r"bad\.md: the front matter is not valid YAML"),
    ],
)
def test_bad_dates_warn_and_skip_the_page(make_site: Any, front_matter: str, expected: str) -> None:
    docs: dict[str, str | bytes] = {"good.md": GOOD, "bad.md": f"---\n{front_matter}\n---\n# Bad\n"}
    site: Site = make_site(docs, expect=[expected])
    assert [e["title"] for e in site.listing("blog/index.html")] == ["Good"]
    assert site.exists("bad/index.html")


def test_bad_file_name_date(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {"good.md": GOOD, "2026-02-30-oops.md": "# Oops\n"}
    site: Site = make_site(docs, expect=[r"2026-02-30-oops\.md: file name date '2026-02-30'"])
    assert len(site.listing("blog/index.html")) == 1


@pytest.mark.parametrize(
    ("front_matter", "expected", "categories"),
    [
        ("categories: 5", r"'categories' must be a list of names, got int 5", []),
        ("categories: {a: 1}", r"'categories' must be a list of names, got dict", []),
        ("categories: [1, Ok]", r"'categories' has an entry that is not a name: 1", ["Ok"]),
        ("categories: ['', Ok]", r"'categories' has an entry that is not a name: ''", ["Ok"]),
        ("categories: [null]", r"'categories' has an entry that is not a name: None", []),
        ("description: 5", r"'description' must be text, got int 5", ["Ok"]),
    ],
)
def test_wrong_types_warn_and_the_post_stays(
    make_site: Any, front_matter: str, expected: str, categories: list[str]
) -> None:
    extra = "" if "categories" in front_matter else "categories: [Ok]\n"
    docs: dict[str, str | bytes] = {
        "p.md": f"---\ndate: 2026-01-01\n{front_matter}\n{extra}---\n# P\n\nText.\n"
    }
    site: Site = make_site(docs, expect=[r"^mkdocs_blog_archive: p\.md: " + expected])
    links = site.soup("p/index.html").select("a.blog-archive-category-link")
    assert [a.get_text() for a in links] == categories
    assert site.count("blog/index.html") == "1 post"


def test_lone_string_category_is_accepted(make_site: Any) -> None:
    site: Site = make_site({"p.md": "---\ndate: 2026-01-01\ncategories: foo\n---\n# P\n"})
    assert site.count("blog/category/foo/index.html") == "1 post"


def test_unknown_category_with_allow_list(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {"p.md": post("2026-01-01", "P", ["Ok", "Rogue"])}
    config = {"plugins": [{"blog-archive": {"categories_allowed": ["Ok"]}}]}
    site: Site = make_site(
        docs, config, expect=[r"p\.md: category 'Rogue' is not in categories_allowed"]
    )
    assert site.exists("blog/category/ok/index.html")
    assert not site.exists("blog/category/rogue/index.html")


def test_categories_with_the_same_slug_are_merged_with_a_warning(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "a.md": post("2026-01-02", "A", ["Data Science"]),
        "b.md": post("2026-01-01", "B", ["data-science"]),
    }
    site: Site = make_site(
        docs,
        expect=[
            r"b\.md: category 'data-science' has the same slug \('data-science'\) "
            r"as 'Data Science'"
        ],
    )
    assert site.count("blog/category/data-science/index.html") == "2 posts"
    links = site.soup("b/index.html").select("a.blog-archive-category-link")
    assert [a.get_text() for a in links] == ["Data Science"]


def test_empty_blog_warns_and_still_has_an_index(make_site: Any) -> None:
    site: Site = make_site({"index.md": "# Home\n"}, expect=[r"no posts found"])
    assert site.count("blog/index.html") == "0 posts"
    assert site.listing("blog/index.html") == []


def test_empty_blog_names_the_patterns(make_site: Any) -> None:
    config = {"plugins": [{"blog-archive": {"posts": ["news/**"]}}]}
    make_site({"index.md": "# Home\n"}, config, expect=[r"no page matching \['news/\*\*'\]"])


def test_invalid_yaml_front_matter(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {"good.md": GOOD, "broken.md": "---\ndate: [\n---\n# X\n"}
    make_site(docs, expect=[r"broken\.md: the front matter is not valid YAML"])


def test_strict_build_fails_on_bad_input(tmp_path: Path) -> None:
    bad = {"bad.md": "---\ndate: nonsense\n---\n# Bad\n", "good.md": GOOD}
    assert strict_build_fails(tmp_path / "a", bad, {})
    assert not strict_build_fails(tmp_path / "b", {"good.md": GOOD}, {})


HOSTILE = "<script>alert(1)</script>"


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_titles_categories_and_summaries_are_escaped(make_site: Any, theme: str) -> None:
    docs: dict[str, str | bytes] = {
        "x.md": (
            "---\ndate: 2026-01-01\n"
            f"title: '{HOSTILE} & <img src=x onerror=alert(2)>'\n"
            f"description: '{HOSTILE} summary'\n"
            f"categories: ['{HOSTILE}', '../../etc', '..\\\\..\\\\win', '/abs']\n---\n"
            "# Heading\n\nText.\n"
        )
    }
    site: Site = make_site(docs, {"theme": {"name": theme}})
    # The theme itself puts a front-matter title raw into the post's <title>; what the
    # plugin writes (archive pages, the post's link block) must carry no markup of the user's.
    blocks = [site.soup("x/index.html").select_one("div.blog-archive-post-links")]
    for page in site.site_dir.glob("blog/**/*.html"):
        blocks.append(site.soup(str(page.relative_to(site.site_dir))).select_one(".blog-archive"))
    for block in blocks:
        assert block is not None
        assert not block.find_all(["script", "img"])
    entry = site.listing("blog/index.html")[0]
    assert entry["title"] == f"{HOSTILE} & <img src=x onerror=alert(2)>"
    assert entry["summary"] == f"{HOSTILE} summary"
    category_pages = sorted(
        str(p.relative_to(site.site_dir)) for p in (site.site_dir / "blog/category").iterdir()
    )
    assert category_pages == [
        "blog/category/abs",
        "blog/category/etc",
        "blog/category/scriptalert1script",
        "blog/category/win",
    ]
    heading = site.soup("blog/category/scriptalert1script/index.html").select_one("h1")
    assert heading is not None and heading.get_text().strip() == f"{HOSTILE} Articles"
    for path in site.root.rglob("*"):
        assert path.resolve().is_relative_to(site.root)
    assert sorted(p.name for p in site.root.iterdir()) == ["docs", "mkdocs.yml", "site"]


def test_category_names_that_slug_to_nothing(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "x.md": post("2026-01-01", "X", ["!!!", "中文", "Café"]),
    }
    site: Site = make_site(docs)
    names = sorted(p.name for p in (site.site_dir / "blog/category").iterdir())
    assert names[0].startswith("c-") and len(names[0]) == 12
    assert names[1:] == ["cafe", "中文"]
    page = "x/index.html"
    for link in site.soup(page).select("a.blog-archive-category-link"):
        assert site.resolve(page, str(link["href"])).is_file()


def test_very_long_category_name(make_site: Any) -> None:
    site: Site = make_site({"x.md": post("2026-01-01", "X", ["long " * 100])})
    (folder,) = (site.site_dir / "blog/category").iterdir()
    assert len(folder.name.encode()) <= 120


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"blog_dir": "../outside"}, "blog_dir"),
        ({"blog_dir": 5}, "blog_dir"),
        ({"summary_words": -1}, "summary_words"),
        ({"summary_words": "many"}, "summary_words"),
        ({"index_posts": True}, "index_posts"),
        ({"backlinks": "sideways"}, "backlinks"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"posts": "blog/*.md"}, "posts"),
        ({"categories_allowed": [1]}, "categories_allowed"),
        ({"nav_posts": "yes"}, "nav_posts"),
        ({"labels": {"category_heading": "{nom} Articles"}}, "category_heading"),
        ({"labels": {"unknown_label": "x"}}, "unknown_label"),
        ({"unknown_option": 1}, "unknown_option"),
        ({"feeds": {"limit": -5}}, "limit"),
        ({"feeds": {"atom": "yes"}}, "atom"),
        ({"feeds": "sometimes"}, "feeds"),
        ({"date_format": 5}, "date_format"),
        ({"date_format": "xyz"}, "'xyz' is not a babel date pattern"),
        ({"date_format": "d qqqqqqq"}, "'d qqqqqqq' is not a babel date pattern"),
        ({"stylesheet": "no"}, "stylesheet"),
        ({"locale": 5}, "locale"),
    ],
)
def test_config_errors_name_the_option(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, Any], message: str
) -> None:
    config_file = write_site(tmp_path, {"a.md": GOOD}, {"plugins": [{"blog-archive": options}]})
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        run_build(config_file, strict=True)
    assert any(message in record.getMessage() for record in caplog.records), caplog.text
