"""Atom 1.0, RSS 2.0 and JSON Feed 1.1 documents, written with the standard library.

XML goes through ElementTree (which escapes), JSON through `json`: never string concatenation.
Output depends only on the posts, so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime
from urllib.parse import urljoin

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
FORMATS = {
    "atom": ("atom.xml", "application/atom+xml", "Atom"),
    "rss": ("feed.xml", "application/rss+xml", "RSS"),
    "json": ("feed.json", "application/feed+json", "JSON Feed"),
}
"""Feed format: its file name next to the archive page, its media type, its label."""

# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src)=)(["'])(.*?)\2""", re.IGNORECASE)


def xml_text(text: str) -> str:
    """Text without the control characters XML 1.0 forbids."""
    return _NOT_XML.sub("", text)


def absolute_links(content: str, base_url: str) -> str:
    """Post HTML with relative `href`/`src` values made absolute against the post's URL."""

    def absolute(match: re.Match[str]) -> str:
        url = match.group(3)
        if url.startswith("#"):
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{urljoin(base_url, url)}{match.group(2)}"

    return _URL_ATTRIBUTE.sub(absolute, content)


@dataclass(slots=True)
class FeedEntry:
    """A post as every feed shows it; built once per post."""

    title: str
    url: str
    published: dt.datetime
    updated: dt.datetime | None = None
    categories: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    summary: str = ""
    content_html: str | None = None
    image: str = ""
    """The cover image's absolute URL; `image_type` its media type, `image_size` bytes."""
    image_type: str = ""
    image_size: int = 0

    @property
    def last_change(self) -> dt.datetime:
        return self.updated or self.published


@dataclass
class Feed:
    """One feed: of the whole blog or of one category."""

    title: str
    home_url: str
    """Absolute URL of the archive page the feed belongs to."""
    urls: dict[str, str]
    """Absolute URL of the feed in each format."""
    entries: list[FeedEntry]
    description: str = ""
    language: str = ""
    generated: dt.datetime | None = None
    """A build time stamp, only when asked for; otherwise the newest entry's date stands in."""

    @property
    def updated(self) -> dt.datetime:
        if self.generated is not None:
            return self.generated
        if self.entries:
            return max(entry.last_change for entry in self.entries)
        return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = xml_text(text)
    return element


def _serialize(root: ET.Element) -> bytes:
    ET.register_namespace("atom", ATOM_NS)
    ET.register_namespace("dc", DC_NS)
    ET.indent(root)
    # As a str, then encoded once: ElementTree's own UTF-8 output encodes each small piece.
    document = ET.tostring(root, encoding="unicode")
    return f"<?xml version='1.0' encoding='utf-8'?>\n{document}\n".encode()


def atom(feed: Feed) -> bytes:
    """An Atom 1.0 document (RFC 4287); dates in RFC 3339."""
    # Plain tag names under a default `xmlns`: ElementTree would otherwise prefix every one.
    root = ET.Element("feed", {"xmlns": ATOM_NS})
    if feed.language:
        root.set(f"{{{XML_NS}}}lang", feed.language)
    sub = _sub

    sub(root, "id", feed.urls.get("atom", feed.home_url))
    sub(root, "title", feed.title)
    if feed.description:
        sub(root, "subtitle", feed.description)
    sub(root, "updated", feed.updated.isoformat())
    sub(root, "link", rel="alternate", type="text/html", href=feed.home_url)
    if "atom" in feed.urls:
        sub(root, "link", rel="self", type=FORMATS["atom"][1], href=feed.urls["atom"])
    sub(root, "generator", "mkdocs-blog-archive")
    for entry in feed.entries:
        item = sub(root, "entry")
        sub(item, "id", entry.url)
        sub(item, "title", entry.title)
        sub(item, "link", rel="alternate", type="text/html", href=entry.url)
        sub(item, "published", entry.published.isoformat())
        sub(item, "updated", entry.last_change.isoformat())
        for name in entry.authors:
            sub(sub(item, "author"), "name", name)
        for category in entry.categories:
            sub(item, "category", term=xml_text(category))
        if entry.summary:
            sub(item, "summary", entry.summary, type="text")
        if entry.content_html is not None:
            sub(item, "content", entry.content_html, type="html")
        if entry.image:
            attributes = {"type": entry.image_type} if entry.image_type else {}
            sub(item, "link", rel="enclosure", href=entry.image, **attributes)
    return _serialize(root)


def rss(feed: Feed) -> bytes:
    """An RSS 2.0 document; dates in RFC 822 (as RFC 2822 writes them)."""
    root = ET.Element("rss", {"version": "2.0"})
    ET.register_namespace("atom", ATOM_NS)
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", feed.home_url)
    _sub(channel, "description", feed.description or feed.title)
    if "rss" in feed.urls:
        _sub(
            channel,
            f"{{{ATOM_NS}}}link",
            rel="self",
            type=FORMATS["rss"][1],
            href=feed.urls["rss"],
        )
    if feed.language:
        _sub(channel, "language", feed.language)
    _sub(channel, "generator", "mkdocs-blog-archive")
    if feed.generated is not None:
        _sub(channel, "lastBuildDate", format_datetime(feed.generated))
    if feed.entries:
        _sub(channel, "pubDate", format_datetime(feed.updated))
    for entry in feed.entries:
        item = _sub(channel, "item")
        _sub(item, "title", entry.title)
        _sub(item, "link", entry.url)
        _sub(item, "guid", entry.url, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(entry.published))
        for category in entry.categories:
            _sub(item, "category", category)
        if entry.authors:
            # RSS wants an e-mail address here; Dublin Core's creator takes a name.
            _sub(item, f"{{{DC_NS}}}creator", ", ".join(entry.authors))
        _sub(item, "description", entry.content_html or entry.summary)
        if entry.image:  # RSS asks for a length: the file's, 0 for an image elsewhere
            kind = entry.image_type or "application/octet-stream"
            _sub(item, "enclosure", url=entry.image, length=str(entry.image_size), type=kind)
    return _serialize(root)


def json_feed(feed: Feed) -> bytes:
    """A JSON Feed 1.1 document; dates in RFC 3339."""
    document: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": feed.home_url,
    }
    if "json" in feed.urls:
        document["feed_url"] = feed.urls["json"]
    if feed.description:
        document["description"] = feed.description
    if feed.language:
        document["language"] = feed.language
    items = []
    for entry in feed.entries:
        item: dict[str, object] = {"id": entry.url, "url": entry.url, "title": entry.title}
        if entry.content_html is not None:
            item["content_html"] = entry.content_html
        else:
            item["content_text"] = entry.summary
        if entry.summary:
            item["summary"] = entry.summary
        item["date_published"] = entry.published.isoformat()
        if entry.updated is not None:
            item["date_modified"] = entry.updated.isoformat()
        if entry.authors:
            item["authors"] = [{"name": name} for name in entry.authors]
        if entry.categories:
            item["tags"] = list(entry.categories)
        if entry.image:
            item["image"] = entry.image
        items.append(item)
    document["items"] = items
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


WRITERS = {"atom": atom, "rss": rss, "json": json_feed}
