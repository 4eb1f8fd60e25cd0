"""Atom 1.0, RSS 2.0 and JSON Feed 1.1 documents, written with the standard library.

XML is written as text by the few functions below, which escape every value as ElementTree
does (`tests/test_feeds.py` checks them against it); JSON goes through `json`.
Output depends only on the posts, so two builds give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
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
    """Text without the control characters XML 1.0 forbids. (A printable text has none:
    `isprintable` is the quicker look, 1.3 against 2.1 µs for a summary.)"""
    return text if text.isprintable() else _NOT_XML.sub("", text)


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


def _text(text: str) -> str:
    """Element text: without what XML forbids, `&`, `<` and `>` escaped (as ElementTree
    escapes them)."""
    text = xml_text(text)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#09;",
    }
)


def _attribute(value: str) -> str:
    """An attribute's value, escaped as ElementTree escapes it (quotes and line ends too)."""
    special = "&" in value or "<" in value or ">" in value or '"' in value
    if special or "\r" in value or "\n" in value or "\t" in value:
        return value.translate(_ATTRIBUTE)
    return value


def _element(tag: str, text: str | None = None, **attributes: str) -> str:
    """`<tag attributes>text</tag>`, or `<tag attributes />` without text."""
    found = "".join([f' {name}="{_attribute(value)}"' for name, value in attributes.items()])
    body = _text(text) if text else ""
    return f"<{tag}{found}>{body}</{tag}>" if body else f"<{tag}{found} />"


def _document(tag: str, attributes: str, children: list[str]) -> bytes:
    """The XML document of a `tag` element (its `attributes` written out) holding
    `children` (elements whose own children are indented already), indented as
    `ElementTree.indent` indents it; every feed's root has children.

    Written as text: ElementTree's serializer and `indent` are Python, a few microseconds
    for each element. The Atom and RSS documents of a feed of 20 posts (summaries of 60
    words, three categories, an author) took 12.4 M instructions with ElementTree, 6.2 M so
    (cachegrind; with `xml_text`'s quicker look): 0.36 G of a 10,000-post build's 58 feeds
    of each kind. `tests/test_feeds.py` checks the text against ElementTree's."""
    body = "".join([f"\n  {child}" for child in children])
    document = f"<{tag}{attributes}>{body}\n</{tag}>"
    return f"<?xml version='1.0' encoding='utf-8'?>\n{document}\n".encode()


def _nested(tag: str, children: list[str], level: int) -> str:
    """An element holding `children`, at `level` (the document's root is 0)."""
    if not children:
        return f"<{tag} />"
    inner = "\n" + "  " * (level + 1)
    return f"<{tag}>{''.join([inner + child for child in children])}\n{'  ' * level}</{tag}>"


def atom(feed: Feed) -> bytes:
    """An Atom 1.0 document (RFC 4287); dates in RFC 3339."""
    # Plain tag names under a default `xmlns`, as in every Atom feed.
    lang = f' xml:lang="{_attribute(feed.language)}"' if feed.language else ""
    children = [_element("id", feed.urls.get("atom", feed.home_url)), _element("title", feed.title)]
    if feed.description:
        children.append(_element("subtitle", feed.description))
    children.append(_element("updated", feed.updated.isoformat()))
    children.append(_element("link", rel="alternate", type="text/html", href=feed.home_url))
    if "atom" in feed.urls:
        kind = FORMATS["atom"][1]
        children.append(_element("link", rel="self", type=kind, href=feed.urls["atom"]))
    children.append(_element("generator", "mkdocs-blog-archive"))
    for entry in feed.entries:
        item = [
            _element("id", entry.url),
            _element("title", entry.title),
            _element("link", rel="alternate", type="text/html", href=entry.url),
            _element("published", entry.published.isoformat()),
            _element("updated", entry.last_change.isoformat()),
        ]
        item += [_nested("author", [_element("name", name)], 2) for name in entry.authors]
        item += [_element("category", term=xml_text(name)) for name in entry.categories]
        if entry.summary:
            item.append(_element("summary", entry.summary, type="text"))
        if entry.content_html is not None:
            item.append(_element("content", entry.content_html, type="html"))
        if entry.image:
            attributes = {"type": entry.image_type} if entry.image_type else {}
            item.append(_element("link", rel="enclosure", href=entry.image, **attributes))
        children.append(_nested("entry", item, 1))
    return _document("feed", f' xmlns="{ATOM_NS}"{lang}', children)


def rss(feed: Feed) -> bytes:
    """An RSS 2.0 document; dates in RFC 822 (as RFC 2822 writes them)."""
    channel = [
        _element("title", feed.title),
        _element("link", feed.home_url),
        _element("description", feed.description or feed.title),
    ]
    if "rss" in feed.urls:
        kind = FORMATS["rss"][1]
        channel.append(_element("atom:link", rel="self", type=kind, href=feed.urls["rss"]))
    if feed.language:
        channel.append(_element("language", feed.language))
    channel.append(_element("generator", "mkdocs-blog-archive"))
    if feed.generated is not None:
        channel.append(_element("lastBuildDate", format_datetime(feed.generated)))
    if feed.entries:
        channel.append(_element("pubDate", format_datetime(feed.updated)))
    for entry in feed.entries:
        item = [
            _element("title", entry.title),
            _element("link", entry.url),
            _element("guid", entry.url, isPermaLink="true"),
            _element("pubDate", format_datetime(entry.published)),
        ]
        item += [_element("category", name) for name in entry.categories]
        if entry.authors:
            # RSS wants an e-mail address here; Dublin Core's creator takes a name.
            item.append(_element("dc:creator", ", ".join(entry.authors)))
        item.append(_element("description", entry.content_html or entry.summary))
        if entry.image:  # RSS asks for a length: the file's, 0 for an image elsewhere
            kind = entry.image_type or "application/octet-stream"
            item.append(
                _element("enclosure", url=entry.image, length=str(entry.image_size), type=kind)
            )
        channel.append(_nested("item", item, 2))
    # The namespaces in use, by prefix, before the root's own attribute (as ElementTree).
    spaces = (
        ("atom", ATOM_NS, "rss" in feed.urls),
        ("dc", DC_NS, any(e.authors for e in feed.entries)),
    )
    declared = "".join([f' xmlns:{prefix}="{uri}"' for prefix, uri, used in spaces if used])
    return _document("rss", f'{declared} version="2.0"', [_nested("channel", channel, 1)])


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
