"""What blog readers and authors ask for most (#17), from real builds on the mkdocs theme and
Material, parsed: reading time in every script, unlisted posts, updated dates."""

from __future__ import annotations

import json
from typing import Any

import feedparser
import pytest
from conftest import Site

from mkdocs_blog_archive.summary import reading_minutes

ZH = "我们的目标是让每一个博客都能在几秒钟内完成构建。"  # 24 CJK characters, 2 punctuation


def test_reading_time_counts_characters_in_chinese_japanese_and_korean() -> None:
    chinese = "<p>" + "字" * 5000 + "</p>"
    assert reading_minutes(chinese, 265) == 10  # 5,000 characters at 500 a minute, not "1 min"
    assert reading_minutes("<p>" + "かな漢字" * 1250 + "</p>", 265) == 10  # kana and kanji
    assert reading_minutes("<p>" + "한국어" * 1000 + "</p>", 265) == 6  # Hangul: 3,000
    english = "<p>" + "word " * 2650 + "</p>"
    assert reading_minutes(english, 265) == 10
    mixed = "<p>" + "word " * 1325 + "字" * 2500 + "</p>"
    assert reading_minutes(mixed, 265) == 10  # 5 + 5: both counted
    assert reading_minutes(chinese, 265, characters_per_minute=1000) == 5
    assert reading_minutes("<p>Café déjà vu</p>", 265) == 1  # other non-ASCII: words


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_a_chinese_post_says_how_long_it_reads(make_site: Any, theme: str) -> None:
    body = (ZH * 200) + "\n"  # 4,800 characters of Han
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "blog/posts/zh.md": f"---\ndate: 2026-05-01\n---\n\n# 构建速度\n\n{body}",
    }
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"categories": False}}]}
    site: Site = make_site(docs, config, strict=True)
    readtime = site.soup("blog/index.html").select_one(".blog-archive-readtime")
    assert readtime is not None and readtime.get_text().strip() == "10 min read"
    config["plugins"] = [{"blog-archive": {"characters_per_minute": 300}}]
    site = make_site(docs, config, strict=True)
    block = site.soup("blog/posts/zh/index.html").select_one(".blog-archive-post-links")
    assert block is not None and "16 min read" in block.get_text()


def _sitemap(site: Site) -> dict[str, str]:
    """The sitemap's URLs with their lastmod, parsed."""
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site.site_dir / "sitemap.xml").getroot()
    found = {}
    for url in root.findall("s:url", ns):
        found[url.findtext("s:loc", "", ns)] = url.findtext("s:lastmod", "", ns)
    return found


UNLISTED: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "blog/posts/a.md": "---\ndate: 2026-05-01\ncategories: [AI]\ntags: [llm]\n---\n# Alpha\n\nA.\n",
    "blog/posts/hidden.md": "---\ndate: 2026-05-02\ncategories: [AI, Secret]\ntags: [llm]\n"
    "unlisted: true\n---\n# Hidden\n\nOnly for those who have the link.\n",
    "blog/posts/c.md": "---\ndate: 2026-05-03\ncategories: [AI]\ntags: [llm]\n---\n# Gamma\n\nC.\n",
}


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_an_unlisted_post_is_built_and_listed_nowhere(make_site: Any, theme: str) -> None:
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"related": 3}}]}
    site: Site = make_site(UNLISTED, config, strict=True)
    page = "blog/posts/hidden/index.html"
    soup = site.soup(page)
    assert soup.h1 is not None and soup.h1.get_text().strip() == "Hidden"
    robots = soup.select_one('head meta[name="robots"]')
    assert robots is not None and robots["content"] == "noindex"
    assert site.soup(page).select_one(".blog-archive-post-links") is not None  # back to the blog
    assert soup.select_one("nav.blog-archive-post-nav") is None  # no older, no newer
    for listing in ("blog/index.html", "blog/category/ai/index.html", "blog/tag/llm/index.html"):
        assert [e["title"] for e in site.listing(listing)] == ["Gamma", "Alpha"], listing
        assert site.count(listing) == "2 posts"
    assert not site.exists("blog/category/secret/index.html")  # only the unlisted post has it
    for feed in ("blog/atom.xml", "blog/feed.xml", "blog/category/ai/atom.xml"):
        parsed = feedparser.parse((site.site_dir / feed).read_bytes())
        assert [entry.title for entry in parsed.entries] == ["Gamma", "Alpha"], feed
    items = json.loads((site.site_dir / "blog/feed.json").read_text("utf-8"))["items"]
    assert [item["title"] for item in items] == ["Gamma", "Alpha"]
    older = site.soup("blog/posts/c/index.html").select_one("a.blog-archive-previous")
    assert older is not None and "Alpha" in older.get_text()  # Gamma's older post: not Hidden
    related = site.soup("blog/posts/c/index.html").select(".blog-archive-related a")
    assert [a.get_text() for a in related] == ["Alpha"]
    urls = _sitemap(site)
    assert "https://example.com/blog/posts/c/" in urls
    assert "https://example.com/blog/posts/hidden/" not in urls
    assert not site.soup("blog/posts/c/index.html").select('meta[name="robots"]')


def test_unlisted_must_be_true_or_false(make_site: Any) -> None:
    docs = dict(UNLISTED)
    docs["blog/posts/hidden.md"] = str(docs["blog/posts/hidden.md"]).replace("true", '"yes"')
    expect = [r"blog/posts/hidden\.md: 'unlisted' must be true or false, got 'yes'"]
    site: Site = make_site(docs, expect=expect)
    assert "Hidden" in [e["title"] for e in site.listing("blog/index.html")]  # taken as false


UPDATED: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "blog/posts/a.md": "---\ndate: 2026-05-01\nupdated: 2026-05-20\n---\n# Alpha\n\nA.\n",
    "blog/posts/b.md": "---\ndate:\n  created: 2026-05-02\n  updated: 2026-06-01\n---\n"
    "# Beta\n\nB.\n",
    "blog/posts/c.md": "---\ndate: 2026-05-03\n---\n# Gamma\n\nC.\n",
}


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_updated_dates_on_the_post_in_feeds_and_in_the_sitemap(make_site: Any, theme: str) -> None:
    site: Site = make_site(UPDATED, {"theme": {"name": theme}}, strict=True)
    for page, text, iso in [
        ("a", "Updated May 20, 2026", "2026-05-20"),
        ("b", "Updated June 1, 2026", "2026-06-01"),
    ]:
        updated = site.soup(f"blog/posts/{page}/index.html").select_one(".blog-archive-updated")
        assert updated is not None and " ".join(updated.get_text().split()) == text
        assert str(updated.select_one("time")["datetime"]).startswith(iso)  # type: ignore[index]
    assert site.soup("blog/posts/c/index.html").select_one(".blog-archive-updated") is None
    atom = feedparser.parse((site.site_dir / "blog/atom.xml").read_bytes())
    updated = {entry.title: entry.updated[:10] for entry in atom.entries}
    assert updated == {"Gamma": "2026-05-03", "Beta": "2026-06-01", "Alpha": "2026-05-20"}
    items = json.loads((site.site_dir / "blog/feed.json").read_text("utf-8"))["items"]
    modified = {item["title"]: item.get("date_modified", "")[:10] for item in items}
    assert modified == {"Gamma": "", "Beta": "2026-06-01", "Alpha": "2026-05-20"}
    urls = _sitemap(site)
    assert urls["https://example.com/blog/posts/a/"] == "2026-05-20"
    assert urls["https://example.com/blog/posts/b/"] == "2026-06-01"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-04-01", r"'updated' 2026-04-01T00:00:00\+00:00 is before the post's date"),
        ("soon", r"'updated' .*soon"),
    ],
)
def test_a_bad_updated_date_warns_and_is_left_out(
    make_site: Any, value: str, expected: str
) -> None:
    docs = dict(UPDATED)
    docs["blog/posts/a.md"] = f"---\ndate: 2026-05-01\nupdated: {value}\n---\n# Alpha\n\nA.\n"
    site: Site = make_site(docs, expect=[r"blog/posts/a\.md: " + expected])
    assert site.soup("blog/posts/a/index.html").select_one(".blog-archive-updated") is None
    assert "https://example.com/blog/posts/a/" in _sitemap(site)


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_listings_in_order_of_updates_showing_them(make_site: Any, theme: str) -> None:
    options = {"order_by": "updated", "updated_in_listings": True}
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": options}]}
    site: Site = make_site(UPDATED, config, strict=True)
    assert [e["title"] for e in site.listing("blog/index.html")] == ["Beta", "Alpha", "Gamma"]
    entries = site.soup("blog/index.html").select(".blog-archive-post")
    shown = [e.select_one(".blog-archive-updated") for e in entries]
    texts = [" ".join(s.get_text().split()) if s else None for s in shown]
    assert texts == ["Updated June 1, 2026", "Updated May 20, 2026", None]
    atom = feedparser.parse((site.site_dir / "blog/atom.xml").read_bytes())
    assert [entry.title for entry in atom.entries] == ["Beta", "Alpha", "Gamma"]
    # By default: by date, and entries show no updated date.
    site = make_site(UPDATED, {"theme": {"name": theme}}, strict=True)
    assert [e["title"] for e in site.listing("blog/index.html")] == ["Gamma", "Beta", "Alpha"]
    assert not site.soup("blog/index.html").select(".blog-archive-posts .blog-archive-updated")


MIXED = '# Mixed\n\n<!-- blog-archive:posts tag=\'llm\' year="2026" series="Deep" -->\n'
EMBED: dict[str, str | bytes] = {
    "index.md": '# Home\n\nLatest:\n\n<!-- blog-archive:posts limit="2" -->\n\nThe end.\n',
    "guide/ai.md": '# AI corner\n\n<!-- blog-archive:posts category="AI" -->\n',
    "guide/mixed.md": MIXED,
    "blog/posts/a.md": "---\ndate: 2025-05-01\ncategories: [AI]\ntags: [llm]\n---\n# Alpha\n\nA.\n",
    "blog/posts/b.md": "---\ndate: 2026-05-02\ncategories: [Ops]\ntags: [llm]\nseries: Deep\n"
    "---\n# Beta\n\nB.\n",
    "blog/posts/c.md": "---\ndate: 2026-05-03\ncategories: [AI]\n---\n# Gamma\n\nC & more.\n",
    "blog/posts/d.md": "---\ndate: 2026-05-04\ncategories: [Ops]\ntags: [llm]\n---\n"
    "# Delta\n\nD.\n",
}


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_a_marker_lists_the_newest_matching_posts_on_any_page(make_site: Any, theme: str) -> None:
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"archives": ["series"]}}]}
    site: Site = make_site(EMBED, config, strict=True)
    home = site.soup("index.html")
    box = home.select_one(".blog-archive-embedded")
    assert box is not None
    assert [e["title"] for e in site.listing("index.html")] == ["Delta", "Gamma"]  # limit 2
    for entry in site.listing("index.html"):
        assert site.resolve("index.html", entry["href"]).is_file()
    text = home.get_text()
    assert text.index("Latest:") < text.index("Delta") < text.index("The end.")  # in place
    assert "blog-archive:posts" not in str(home)
    ai = "guide/ai/index.html"
    assert [e["title"] for e in site.listing(ai)] == ["Gamma", "Alpha"]
    assert site.listing(ai)[0]["summary"] == "C & more."  # escaped, as text
    for entry in site.listing(ai):  # links right from a page two folders down
        assert (
            site.resolve(ai, entry["href"])
            == site.site_dir / entry["href"].replace("../../", "").rstrip("/") / "index.html"
        )
    assert [e["title"] for e in site.listing("guide/mixed/index.html")] == ["Beta"]


def test_a_marker_with_several_blogs_names_its_blog(make_site: Any) -> None:
    docs = {key: value for key, value in EMBED.items() if key != "guide/mixed.md"}
    docs["index.md"] = (
        '# Home\n\n<!-- blog-archive:posts -->\n\n<!-- blog-archive:posts blog="notes" -->\n'
    )
    docs["notes/n1.md"] = "---\ndate: 2026-01-01\n---\n# Note One\n\nN.\n"
    plugins = [
        {"blog-archive": {"posts": ["blog/**"]}},
        {"blog-archive": {"blog_dir": "notes", "posts": ["notes/*.md"]}},
    ]
    site: Site = make_site(docs, {"plugins": plugins}, strict=True)
    boxes = site.soup("index.html").select(".blog-archive-embedded")
    assert len(boxes) == 2
    titles = [[a.get_text() for a in box.select("a.blog-archive-post-title")] for box in boxes]
    assert titles == [["Delta", "Gamma", "Beta", "Alpha"], ["Note One"]]


def test_a_marker_finds_an_author_by_name_and_needs_no_spaces(make_site: Any) -> None:
    docs = {key: value for key, value in EMBED.items() if key != "guide/mixed.md"}
    docs["blog/.authors.yml"] = "authors:\n  ann:\n    name: Ann Lee\n"
    docs["blog/posts/c.md"] = str(EMBED["blog/posts/c.md"]).replace(
        "---\n#", "authors: [ann]\n---\n#"
    )
    docs["index.md"] = '# Home\n\n<!--blog-archive:posts author="Ann Lee"-->\n'
    docs["guide/ai.md"] = '# AI\n\n<!--  blog-archive:posts author="ann" tag="llm"  -->\n'
    site: Site = make_site(docs, strict=True)
    assert [e["title"] for e in site.listing("index.html")] == ["Gamma"]
    assert site.listing("guide/ai/index.html") == []  # Gamma has no tag llm: none match
    assert "blog-archive:posts" not in str(site.soup("guide/ai/index.html").select_one("body"))


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ('category="Nope"', r"no category 'Nope' in the blog"),
        ('colour="red"', r"unknown filter 'colour'"),
        ('limit="many"', r"limit must be a whole number above 0, got 'many'"),
        ('blog="elsewhere"', r"no blog at 'elsewhere'"),
    ],
)
def test_a_bad_marker_warns_with_the_page_and_the_value(
    make_site: Any, marker: str, expected: str
) -> None:
    docs = {key: value for key, value in EMBED.items() if key != "guide/mixed.md"}
    docs["index.md"] = f"# Home\n\n<!-- blog-archive:posts {marker} -->\n"
    site: Site = make_site(docs, expect=[r"index\.md: <!-- blog-archive:posts .*" + expected])
    assert "blog-archive:posts" not in str(site.soup("index.html").select_one("body"))


SERIES: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "blog/posts/p1.md": "---\ndate: 2026-01-01\nseries: Deep Dive\n---\n# Part One\n\nOne.\n",
    "blog/posts/p2.md": "---\ndate: 2026-02-01\nseries: Deep Dive\n---\n# Part Two\n\nTwo.\n",
    "blog/posts/p3.md": "---\ndate: 2026-03-01\nseries: [Deep Dive]\n---\n# Part Three\n\n3.\n",
    "blog/posts/hidden.md": "---\ndate: 2026-02-15\nseries: Deep Dive\nunlisted: true\n---\n"
    "# Hidden Part\n\nH.\n",
    "blog/posts/alone.md": "---\ndate: 2026-04-01\nseries: Lonely\n---\n# Alone\n\nA.\n",
}


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize("archives", [["series"], []])
def test_a_post_of_a_series_shows_its_part_and_every_part(
    make_site: Any, theme: str, archives: list[str]
) -> None:
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"archives": archives}}]}
    site: Site = make_site(SERIES, config, strict=True)
    page = "blog/posts/p2/index.html"
    box = site.soup(page).select_one("nav.blog-archive-series")
    assert box is not None
    heading = box.select_one(".blog-archive-series-heading")
    assert heading is not None and heading.get_text() == "Part 2 of 3 in Deep Dive"
    link = heading.select_one("a")
    if archives:  # the series' archive page, linked from the box
        assert link is not None
        assert site.resolve(page, str(link["href"])) == (
            site.site_dir / "blog/series/deep-dive/index.html"
        )
    else:
        assert link is None
    parts = box.select("ol > li")
    assert [li.get_text().strip() for li in parts] == ["Part One", "Part Two", "Part Three"]
    assert parts[1].get("aria-current") == "page" and parts[1].select_one("a") is None
    for li in (parts[0], parts[2]):
        assert site.resolve(page, str(li.a["href"])).is_file()  # type: ignore[index]
    first = site.soup("blog/posts/p1/index.html").select_one(".blog-archive-series-heading")
    assert first is not None and first.get_text() == "Part 1 of 3 in Deep Dive"
    assert site.soup("blog/posts/alone/index.html").select_one(".blog-archive-series") is None
    assert site.soup("blog/posts/hidden/index.html").select_one(".blog-archive-series") is None


def test_the_series_field_is_an_option(make_site: Any) -> None:
    docs = {key: str(text).replace("series:", "saga:") for key, text in SERIES.items()}
    config = {"plugins": [{"blog-archive": {"series_field": "saga"}}]}
    site: Site = make_site(docs, config, strict=True)
    assert site.soup("blog/posts/p3/index.html").select_one(".blog-archive-series") is not None
    config = {"plugins": [{"blog-archive": {"series_field": ""}}]}
    site = make_site(SERIES, config, strict=True)
    assert site.soup("blog/posts/p3/index.html").select_one(".blog-archive-series") is None


def test_a_series_of_the_wrong_type_warns(make_site: Any) -> None:
    docs = dict(SERIES)
    docs["blog/posts/p3.md"] = "---\ndate: 2026-03-01\nseries: {name: x}\n---\n# Part Three\n\n3.\n"
    site: Site = make_site(docs, expect=[r"blog/posts/p3\.md: 'series' must be a list of names"])
    heading = site.soup("blog/posts/p2/index.html").select_one(".blog-archive-series-heading")
    assert heading is not None and heading.get_text() == "Part 2 of 2 in Deep Dive"


STRUCTURED: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "blog/.authors.yml": "authors:\n  ann:\n    name: Ann Lee\n",
    "blog/posts/a.md": "---\ndate: 2026-05-01\nupdated: 2026-05-20\ncategories: [AI, Ops]\n"
    "tags: [llm, speed]\nauthors: [ann]\ntitle: 'Alpha </script> & <b>bold</b>'\n---\n"
    "The summary.\n",
    **{
        f"blog/posts/p{n}.md": f"---\ndate: 2026-04-{n + 1:02d}\ncategories: [Ops]\n---\n"
        f"# Post {n}\n\nText {n}.\n"
        for n in range(3)
    },
}


def _extracted(site: Site, page: str) -> dict[str, Any]:
    import extruct

    text = (site.site_dir / page).read_text("utf-8")
    return extruct.extract(text, base_url="https://example.com/", syntaxes=["json-ld", "opengraph"])


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_posts_carry_blogposting_json_ld_and_opengraph(make_site: Any, theme: str) -> None:
    site: Site = make_site(STRUCTURED, {"theme": {"name": theme}}, strict=True)
    data = _extracted(site, "blog/posts/a/index.html")
    [posting] = [item for item in data["json-ld"] if item.get("@type") == "BlogPosting"]
    assert posting["headline"] == "Alpha </script> & <b>bold</b>"  # text, whole, no markup
    assert posting["url"] == "https://example.com/blog/posts/a/"
    assert posting["datePublished"].startswith("2026-05-01")
    assert posting["dateModified"].startswith("2026-05-20")
    assert posting["author"] == [
        {"@type": "Person", "name": "Ann Lee", "url": "https://example.com/blog/author/ann/"}
    ]
    assert posting["description"] == "The summary."
    assert posting["keywords"] == ["llm", "speed"]
    assert posting["publisher"] == {"@type": "Organization", "name": "Test site"}
    [graph] = data["opengraph"]
    properties: dict[str, list[str]] = {}
    for key, value in graph["properties"]:
        properties.setdefault(key, []).append(value)
    assert properties["og:type"] == ["article"]
    assert properties["og:url"] == ["https://example.com/blog/posts/a/"]
    assert properties["article:published_time"][0].startswith("2026-05-01")
    assert properties["article:modified_time"][0].startswith("2026-05-20")
    assert properties["article:author"] == ["https://example.com/blog/author/ann/"]
    assert properties["article:section"] == ["AI"]
    assert properties["article:tag"] == ["llm", "speed"]
    assert properties["og:title"] == ["Alpha </script> & <b>bold</b>"]  # escaped: text again
    soup = site.soup("blog/posts/a/index.html")
    scripts = soup.select('script[type="application/ld+json"]')
    assert [json.loads(script.get_text())["@type"] for script in scripts] == ["BlogPosting"]
    assert len(soup.select('head meta[name="description"]')) == 1


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_archive_pages_are_collection_pages_linked_in_order(make_site: Any, theme: str) -> None:
    config = {"theme": {"name": theme}, "plugins": [{"blog-archive": {"per_page": 2}}]}
    site: Site = make_site(STRUCTURED, config, strict=True)
    first, second = "blog/category/ops/index.html", "blog/category/ops/page/2/index.html"
    data = _extracted(site, second)
    [page] = [item for item in data["json-ld"] if item.get("@type") == "CollectionPage"]
    assert page["url"] == "https://example.com/blog/category/ops/page/2/"
    items = page["mainEntity"]["itemListElement"]
    assert page["mainEntity"]["numberOfItems"] == 4
    assert [(i["position"], i["name"]) for i in items] == [(3, "Post 1"), (4, "Post 0")]
    assert [e["title"] for e in site.listing(second)] == ["Post 1", "Post 0"]
    head = site.soup(second).head
    assert head is not None
    assert [str(link["href"]) for link in head.select('link[rel="prev"]')] == [
        "https://example.com/blog/category/ops/"
    ]
    assert not head.select('link[rel="next"]')
    assert len(head.select('link[rel="canonical"]')) == 1
    first_head = site.soup(first).head
    assert first_head is not None
    assert [str(link["href"]) for link in first_head.select('link[rel="next"]')] == [
        "https://example.com/blog/category/ops/page/2/"
    ]


def test_a_themes_own_social_tags_are_not_written_twice(make_site: Any) -> None:
    docs = dict(STRUCTURED)
    docs["overrides/main.html"] = (
        '{% extends "base.html" %}\n{% block extrahead %}'
        '<meta property="og:title" content="Mine"><meta property="og:type" content="website">'
        "{% endblock %}\n"
    )
    config = {"theme": {"name": "mkdocs", "custom_dir": "docs/overrides"}}
    site: Site = make_site(docs, config, strict=True)
    head = site.soup("blog/posts/a/index.html").head
    assert head is not None
    assert [m["content"] for m in head.select('meta[property="og:title"]')] == ["Mine"]
    assert [m["content"] for m in head.select('meta[property="og:type"]')] == ["website"]
    assert head.select('meta[property="article:section"]')  # the ones it lacks: added


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)
COVERS: dict[str, str | bytes] = {
    "index.md": "# Home\n",
    "assets/wide.png": PNG,
    "blog/posts/2026/here.png": PNG,
    "blog/posts/2026/a.md": "---\ndate: 2026-05-01\nimage: here.png\nimage_alt: A red square\n"
    "---\n# Alpha\n\nA.\n",
    "blog/posts/2026/b.md": "---\ndate: 2026-05-02\nimage: assets/wide.png\n---\n# Beta\n\nB.\n",
    "blog/posts/2026/c.md": "---\ndate: 2026-05-03\nimage: https://cdn.example.org/c.jpg\n"
    "image_alt: Far away\n---\n# Gamma\n\nC.\n",
    "blog/posts/2026/d.md": "---\ndate: 2026-05-04\n---\n# Delta\n\nD.\n",
}


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_cover_images_in_listings_posts_feeds_and_previews(make_site: Any, theme: str) -> None:
    site: Site = make_site(COVERS, {"theme": {"name": theme}}, strict=True)
    index = "blog/index.html"
    thumbs = {
        e.select_one(".blog-archive-post-title").get_text(): e.select_one("img.blog-archive-cover")  # type: ignore[union-attr]
        for e in site.soup(index).select(".blog-archive-post")
    }
    assert thumbs["Delta"] is None
    alpha, beta, gamma = thumbs["Alpha"], thumbs["Beta"], thumbs["Gamma"]
    assert alpha is not None and beta is not None and gamma is not None
    assert site.resolve(index, str(alpha["src"])) == site.site_dir / "blog/posts/2026/here.png"
    assert site.resolve(index, str(beta["src"])) == site.site_dir / "assets/wide.png"
    assert gamma["src"] == "https://cdn.example.org/c.jpg"
    assert (alpha["alt"], beta["alt"], gamma["alt"]) == ("A red square", "", "Far away")
    assert all(t["width"] and t["height"] and t["loading"] == "lazy" for t in (alpha, beta))
    page = "blog/posts/2026/a/index.html"
    cover = site.soup(page).select_one("img.blog-archive-post-cover")
    assert cover is not None and site.resolve(page, str(cover["src"])).is_file()
    data = _extracted(site, page)
    [posting] = [item for item in data["json-ld"] if item.get("@type") == "BlogPosting"]
    assert posting["image"] == "https://example.com/blog/posts/2026/here.png"
    properties = dict(data["opengraph"][0]["properties"])
    assert properties["og:image"] == "https://example.com/blog/posts/2026/here.png"
    assert properties["og:image:alt"] == "A red square"
    twitter = site.soup(page).select_one('meta[name="twitter:image"]')
    assert twitter is not None and twitter["content"] == properties["og:image"]
    atom = feedparser.parse((site.site_dir / "blog/atom.xml").read_bytes())
    enclosures = {
        e.title: [link.href for link in e.links if link.rel == "enclosure"] for e in atom.entries
    }
    assert enclosures["Alpha"] == ["https://example.com/blog/posts/2026/here.png"]
    assert enclosures["Gamma"] == ["https://cdn.example.org/c.jpg"] and enclosures["Delta"] == []
    rss = feedparser.parse((site.site_dir / "blog/feed.xml").read_bytes())
    [enclosure] = next(e for e in rss.entries if e.title == "Alpha").enclosures
    assert enclosure.href.endswith("here.png") and enclosure.length == str(len(PNG))
    assert enclosure.type == "image/png"
    items = json.loads((site.site_dir / "blog/feed.json").read_text("utf-8"))["items"]
    assert {i["title"]: i.get("image") for i in items}[
        "Beta"
    ] == "https://example.com/assets/wide.png"


def test_post_image_off_keeps_the_thumbnails(make_site: Any) -> None:
    config = {"plugins": [{"blog-archive": {"post_image": False}}]}
    site: Site = make_site(COVERS, config, strict=True)
    assert site.soup("blog/posts/2026/a/index.html").select_one(".blog-archive-post-cover") is None
    assert site.soup("blog/index.html").select("img.blog-archive-cover")


def test_a_missing_cover_image_warns_with_the_post_and_the_path(make_site: Any) -> None:
    docs = dict(COVERS)
    docs["blog/posts/2026/d.md"] = "---\ndate: 2026-05-04\nimage: gone.png\n---\n# Delta\n\nD.\n"
    site: Site = make_site(
        docs, expect=[r"blog/posts/2026/d\.md: 'image' 'gone\.png' is no file of the site"]
    )
    entry = [
        e
        for e in site.soup("blog/index.html").select(".blog-archive-post")
        if "Delta" in e.get_text()
    ]
    assert entry and entry[0].select_one("img") is None
