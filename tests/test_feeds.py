"""Feeds: Atom, RSS 2.0 and JSON Feed of the blog and of each category."""

from __future__ import annotations

import datetime as dt
import json
import re
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from xml.etree import ElementTree as ET

import feedparser
import pytest
from conftest import Site, post
from hypothesis import given, settings
from hypothesis import strategies as st
from test_build import architecture_blog

from mkdocs_blog_archive import feeds

FEEDS = {"atom.xml": "atom10", "feed.xml": "rss20", "feed.json": None}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def validate_json_feed(document: dict[str, Any]) -> None:
    """The rules of https://jsonfeed.org/version/1.1 that a feed of ours must follow."""
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(document["title"], str) and document["title"]
    for key in ("home_page_url", "feed_url"):
        assert document[key].startswith("https://")
    assert isinstance(document["items"], list)
    ids = set()
    for item in document["items"]:
        assert isinstance(item["id"], str) and item["id"] not in ids
        ids.add(item["id"])
        assert "content_html" in item or "content_text" in item
        assert item["url"].startswith("https://")
        for key in ("date_published", "date_modified"):
            if key in item:
                assert RFC3339.match(item[key]), item[key]
        for author in item.get("authors", []):
            assert set(author) <= {"name", "url", "avatar"} and author
        assert all(isinstance(tag, str) for tag in item.get("tags", []))
        assert set(item) <= {
            "id", "url", "external_url", "title", "content_html", "content_text", "summary",
            "image", "banner_image", "date_published", "date_modified", "authors", "tags",
            "language", "attachments",
        }  # fmt: skip


def read_feeds(site: Site, folder: str) -> dict[str, Any]:
    """Every feed in `folder`, parsed; XML ones must parse without a bozo flag."""
    parsed: dict[str, Any] = {}
    for name, version in FEEDS.items():
        data = (site.site_dir / folder / name).read_bytes()
        if version is None:
            document = json.loads(data)
            validate_json_feed(document)
            parsed[name] = document
            continue
        ET.fromstring(data)  # well-formed XML
        feed = feedparser.parse(data)
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.version == version
        parsed[name] = feed
    return parsed


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_blog_and_category_feeds(make_site: Any, theme: str) -> None:
    site: Site = make_site(architecture_blog(), {"theme": {"name": theme}})
    feeds = read_feeds(site, "blog/category/architecture")
    expected = [f"Architecture post {day:02d}" for day in range(21, 1, -1)]  # 20: the limit
    for name in ("atom.xml", "feed.xml"):
        entries = feeds[name].entries
        assert [e.title for e in entries] == expected
        first = entries[0]
        assert first.link == "https://example.com/blog/posts/2026/post-21/"
        assert first.published_parsed[:3] == (2026, 4, 21)
        assert [t.term for t in first.tags] == ["Architecture"]
        assert first.summary == "Summary of Architecture post 21."
    assert feeds["feed.xml"].entries[0].id == "https://example.com/blog/posts/2026/post-21/"
    assert feeds["atom.xml"].feed.title == "Test site: Architecture Articles"
    assert feeds["atom.xml"].feed.link == "https://example.com/blog/category/architecture/"
    items = feeds["feed.json"]["items"]
    assert [i["title"] for i in items] == expected
    assert items[0]["date_published"] == "2026-04-21T00:00:00+00:00"
    assert items[0]["tags"] == ["Architecture"]

    blog = read_feeds(site, "blog")
    titles = [e.title for e in blog["atom.xml"].entries]
    assert titles[:3] == ["AI only", "Architecture post 21", "Architecture post 20"]
    assert len(titles) == 20
    ai = read_feeds(site, "blog/category/ai")
    assert len(ai["feed.xml"].entries) == len(ai["feed.json"]["items"]) == 3


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_pages_announce_their_feeds(make_site: Any, theme: str) -> None:
    site: Site = make_site(architecture_blog(), {"theme": {"name": theme}})

    def alternates(page: str) -> dict[str, str]:
        head = site.soup(page).head
        assert head is not None
        found = {  # rel is a set of tokens, as feed readers read it
            str(link["type"]): str(link["href"])
            for link in head.select("link[rel~=alternate]")
            if "feed" in str(link["type"]) or "xml" in str(link["type"])
        }
        # Material's JavaScript takes `link[rel=alternate]` (the whole value) for a language
        # version and fetches a sitemap.xml beside it: a 404 for a feed in a folder.
        exact = [link for link in head.find_all("link") if link.get("rel") == ["alternate"]]
        announced = [link for link in exact if "+" in str(link.get("type", ""))]
        assert not announced if theme == "material" else len(announced) == len(found)
        return found

    category = alternates("blog/category/architecture/index.html")
    assert category == {
        "application/atom+xml": "https://example.com/blog/category/architecture/atom.xml",
        "application/rss+xml": "https://example.com/blog/category/architecture/feed.xml",
        "application/feed+json": "https://example.com/blog/category/architecture/feed.json",
    }
    blog = {
        "application/atom+xml": "https://example.com/blog/atom.xml",
        "application/rss+xml": "https://example.com/blog/feed.xml",
        "application/feed+json": "https://example.com/blog/feed.json",
    }
    assert alternates("blog/index.html") == blog
    assert alternates("blog/posts/2026/post-01/index.html") == blog
    assert alternates("index.html") == {}

    page = "blog/category/architecture/index.html"
    visible = site.soup(page).select(".blog-archive-feeds a")
    assert [a.get_text() for a in visible] == ["Atom", "RSS", "JSON Feed"]
    for link in visible:
        assert site.resolve(page, str(link["href"])).is_file()


def test_two_builds_give_identical_feeds(make_site: Any) -> None:
    first: Site = make_site(architecture_blog())
    second: Site = make_site(architecture_blog())
    feeds = sorted(first.site_dir.rglob("feed.*")) + sorted(first.site_dir.rglob("atom.xml"))
    assert len(feeds) == 9
    for path in feeds:
        twin = second.site_dir / path.relative_to(first.site_dir)
        assert path.read_bytes() == twin.read_bytes(), path


def test_no_site_url_no_feeds(make_site: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO")
    site: Site = make_site(architecture_blog(), {"site_url": None})
    assert not list(site.site_dir.rglob("atom.xml"))
    assert not site.soup("blog/index.html").select(".blog-archive-feeds")
    assert not site.soup("blog/index.html").select('link[type="application/atom+xml"]')
    messages = [r.getMessage() for r in caplog.records if "feeds need" in r.getMessage()]
    assert len(messages) == 1 and "no feeds are written" in messages[0]


def test_feed_options(make_site: Any) -> None:
    options = {"feeds": {"atom": False, "json": False, "limit": 2, "build_date": True}}
    site: Site = make_site(architecture_blog(), {"plugins": [{"blog-archive": options}]})
    assert not list(site.site_dir.rglob("atom.xml"))
    assert not list(site.site_dir.rglob("feed.json"))
    rss = feedparser.parse((site.site_dir / "blog/feed.xml").read_bytes())
    assert not rss.bozo and len(rss.entries) == 2
    built = parsedate_to_datetime(rss.feed.updated)  # lastBuildDate
    assert abs((dt.datetime.now(dt.timezone.utc) - built).total_seconds()) < 600

    site = make_site(architecture_blog(), {"plugins": [{"blog-archive": {"feeds": False}}]})
    assert not list(site.site_dir.rglob("feed.xml"))
    site = make_site(architecture_blog(), {"plugins": [{"blog-archive": {"feeds": {"limit": 0}}}]})
    assert len(read_feeds(site, "blog/category/architecture")["feed.json"]["items"]) == 21


def test_full_content_has_absolute_links(make_site: Any) -> None:
    body = (
        "Intro with [a link](../other.md) and ![img](pic.png).\n\n"
        '<a href="#anchor">here</a> <a href="https://elsewhere.org/x">out</a>'
    )
    docs: dict[str, str | bytes] = {
        "posts/p.md": post("2026-01-01", "P", ["X"], body),
        "other.md": "# Other\n",
        "posts/pic.png": b"\x89PNG\r\n",
    }
    options = {"feeds": {"full_content": True}}
    site: Site = make_site(docs, {"plugins": [{"blog-archive": options}]})
    item = read_feeds(site, "blog")["feed.json"]["items"][0]
    content = item["content_html"]
    assert 'href="https://example.com/other/"' in content
    assert 'src="https://example.com/posts/pic.png"' in content
    assert 'href="#anchor"' in content and 'href="https://elsewhere.org/x"' in content
    assert "blog-archive-post-links" not in content  # our back-links stay out of feeds
    atom = feedparser.parse((site.site_dir / "blog/atom.xml").read_bytes())
    assert "https://example.com/other/" in atom.entries[0].content[0].value


def test_hostile_text_stays_valid_and_escaped(make_site: Any) -> None:
    title = "Tom & Jerry <b>bold</b> ]]> \x01bell\x1f 😀 עברית"
    docs: dict[str, str | bytes] = {
        "p.md": (
            "---\ndate: 2026-01-01\n"
            f"title: {json.dumps(title, ensure_ascii=False)}\n"
            f"description: {json.dumps('Summary & <i>more</i> ]]>')}\n"
            f"categories: [{json.dumps('R&D <x>')}]\n---\n# P\n"
        )
    }
    site: Site = make_site(docs)
    for folder in ("blog", "blog/category/rd-x"):
        feeds = read_feeds(site, folder)
        clean = "Tom & Jerry <b>bold</b> ]]> bell 😀 עברית"
        assert feeds["atom.xml"].entries[0].title == clean
        assert feeds["feed.xml"].entries[0].title == clean
        assert feeds["feed.xml"].entries[0].summary == "Summary & <i>more</i> ]]>"
        assert feeds["atom.xml"].entries[0].tags[0].term == "R&D <x>"
        assert feeds["feed.json"]["items"][0]["tags"] == ["R&D <x>"]


def test_many_posts_are_capped_and_an_empty_blog_has_valid_feeds(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        f"p{n}.md": post(f"2026-01-01 {n // 60:02d}:{n % 60:02d}:00", f"P{n}", ["Big"])
        for n in range(300)
    }
    site: Site = make_site(docs)
    feeds = read_feeds(site, "blog/category/big")
    assert [e.title for e in feeds["atom.xml"].entries] == [f"P{n}" for n in range(299, 279, -1)]

    empty: Site = make_site({"index.md": "# Home\n"}, expect=["no posts found"])
    feeds = read_feeds(empty, "blog")
    assert feeds["atom.xml"].entries == [] and feeds["feed.json"]["items"] == []


def test_time_zones_in_every_format(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "a.md": post("2026-07-01 09:30:00", "Local", ["X"]),
        "b.md": post("2026-07-01 09:30:00-05:00", "Offset", ["X"]),
    }
    config = {"plugins": [{"blog-archive": {"timezone": "Europe/Paris"}}]}
    site: Site = make_site(docs, config)
    feeds = read_feeds(site, "blog")
    rss = {e.title: e.published for e in feeds["feed.xml"].entries}
    assert rss == {
        "Local": "Wed, 01 Jul 2026 09:30:00 +0200",
        "Offset": "Wed, 01 Jul 2026 09:30:00 -0500",
    }
    atom = {e.title: e.published for e in feeds["atom.xml"].entries}
    assert atom == {"Local": "2026-07-01T09:30:00+02:00", "Offset": "2026-07-01T09:30:00-05:00"}
    items = {i["title"]: i["date_published"] for i in feeds["feed.json"]["items"]}
    assert items == atom


def test_updated_dates_and_authors(make_site: Any) -> None:
    docs: dict[str, str | bytes] = {
        "a.md": "---\ndate:\n  created: 2026-01-01\n  updated: 2026-02-01\n"
        "authors: [alice, bob]\n---\n# A\n\nText.\n",
        "b.md": "---\ndate: 2026-01-02\n---\n# B\n\nText.\n",
    }
    site: Site = make_site(docs, {"site_author": "The Team"})
    feeds = read_feeds(site, "blog")
    atom = {e.title: e for e in feeds["atom.xml"].entries}
    assert atom["A"].updated == "2026-02-01T00:00:00+00:00"
    assert [a.name for a in atom["A"].authors] == ["alice", "bob"]
    assert atom["B"].author == "The Team"
    items = {i["title"]: i for i in feeds["feed.json"]["items"]}
    assert items["A"]["date_modified"] == "2026-02-01T00:00:00+00:00"
    assert "date_modified" not in items["B"]
    assert feeds["atom.xml"].feed.updated == "2026-02-01T00:00:00+00:00"


def test_a_user_file_at_a_feed_path_wins(make_site: Any) -> None:
    docs = architecture_blog()
    docs["blog/feed.xml"] = "<rss>mine</rss>"
    site: Site = make_site(
        docs, expect=[r"blog/feed\.xml: your file stands where the RSS feed of blog/index\.md"]
    )
    assert (site.site_dir / "blog/feed.xml").read_text() == "<rss>mine</rss>"
    assert (site.site_dir / "blog/atom.xml").exists()


def _element_tree_feed(feed: feeds.Feed, kind: str) -> bytes:
    """The feed as the writers wrote it with ElementTree, before they wrote text: the
    reference the text must match."""
    tree = ET.Element("feed", {"xmlns": feeds.ATOM_NS}) if kind == "atom" else None

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
        element = ET.SubElement(parent, tag, attrib)
        if text is not None:
            element.text = feeds.xml_text(text)
        return element

    if tree is not None:
        if feed.language:
            tree.set(f"{{{feeds.XML_NS}}}lang", feed.language)
        sub(tree, "id", feed.urls.get("atom", feed.home_url))
        sub(tree, "title", feed.title)
        if feed.description:
            sub(tree, "subtitle", feed.description)
        sub(tree, "updated", feed.updated.isoformat())
        sub(tree, "link", rel="alternate", type="text/html", href=feed.home_url)
        if "atom" in feed.urls:
            sub(tree, "link", rel="self", type="application/atom+xml", href=feed.urls["atom"])
        sub(tree, "generator", "mkdocs-blog-archive")
        for entry in feed.entries:
            item = sub(tree, "entry")
            sub(item, "id", entry.url)
            sub(item, "title", entry.title)
            sub(item, "link", rel="alternate", type="text/html", href=entry.url)
            sub(item, "published", entry.published.isoformat())
            sub(item, "updated", entry.last_change.isoformat())
            for name in entry.authors:
                sub(sub(item, "author"), "name", name)
            for category in entry.categories:
                sub(item, "category", term=feeds.xml_text(category))
            if entry.summary:
                sub(item, "summary", entry.summary, type="text")
            if entry.content_html is not None:
                sub(item, "content", entry.content_html, type="html")
            if entry.image:
                more = {"type": entry.image_type} if entry.image_type else {}
                sub(item, "link", rel="enclosure", href=entry.image, **more)
    else:
        tree = ET.Element("rss", {"version": "2.0"})
        channel = sub(tree, "channel")
        sub(channel, "title", feed.title)
        sub(channel, "link", feed.home_url)
        sub(channel, "description", feed.description or feed.title)
        if "rss" in feed.urls:
            link = f"{{{feeds.ATOM_NS}}}link"
            sub(channel, link, rel="self", type="application/rss+xml", href=feed.urls["rss"])
        if feed.language:
            sub(channel, "language", feed.language)
        sub(channel, "generator", "mkdocs-blog-archive")
        if feed.entries:
            sub(channel, "pubDate", format_datetime(feed.updated))
        for entry in feed.entries:
            item = sub(channel, "item")
            sub(item, "title", entry.title)
            sub(item, "link", entry.url)
            sub(item, "guid", entry.url, isPermaLink="true")
            sub(item, "pubDate", format_datetime(entry.published))
            for category in entry.categories:
                sub(item, "category", category)
            if entry.authors:
                sub(item, f"{{{feeds.DC_NS}}}creator", ", ".join(entry.authors))
            sub(item, "description", entry.content_html or entry.summary)
            if entry.image:
                kind_ = entry.image_type or "application/octet-stream"
                sub(item, "enclosure", url=entry.image, length=str(entry.image_size), type=kind_)
    ET.register_namespace("atom", feeds.ATOM_NS)
    ET.register_namespace("dc", feeds.DC_NS)
    ET.indent(tree)
    document = ET.tostring(tree, encoding="unicode")
    return f"<?xml version='1.0' encoding='utf-8'?>\n{document}\n".encode()


_words = st.text(alphabet=st.sampled_from("ab &<>\"'\r\n\t\x01\ufffeé中"), max_size=8)
_entries = st.builds(
    feeds.FeedEntry,
    title=_words,
    url=_words,
    published=st.just(dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)),
    updated=st.none() | st.just(dt.datetime(2026, 5, 3, tzinfo=dt.timezone.utc)),
    categories=st.tuples() | st.tuples(_words) | st.tuples(_words, _words),
    authors=st.tuples() | st.tuples(_words) | st.tuples(_words, _words),
    summary=_words,
    content_html=st.none() | _words,
    image=st.sampled_from(["", "https://e.com/a.png"]),
    image_type=st.sampled_from(["", "image/png"]),
    image_size=st.integers(0, 9),
)


@settings(max_examples=300)
@given(
    st.lists(_entries, max_size=3),
    _words,
    _words,
    st.sampled_from(["", "en", "pt-BR"]),
    st.sampled_from([{}, {"atom": "https://e.com/atom.xml", "rss": "https://e.com/feed.xml"}]),
)
def test_xml_feeds_are_what_element_tree_writes(
    entries: list[feeds.FeedEntry],
    title: str,
    description: str,
    language: str,
    urls: dict[str, str],
) -> None:
    # The writers build the XML as text; ElementTree, which they used before, is the
    # reference: the same bytes for any titles, names and URLs (markup, quotes, line ends,
    # characters XML forbids).
    feed = feeds.Feed(title, "https://e.com/", urls, entries, description, language)
    for kind in ("atom", "rss"):
        assert feeds.WRITERS[kind](feed) == _element_tree_feed(feed, kind)
