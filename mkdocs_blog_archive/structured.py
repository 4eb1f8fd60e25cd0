"""Structured data and social meta for search engines and link previews: a post's JSON-LD
`BlogPosting` and OpenGraph `article` tags, an archive page's `CollectionPage` with the
`ItemList` of its posts, `rel=prev`/`next` between an archive's pages. Pure: a page's head as
it is goes in, the tags it lacks come out (a theme's own are never written twice).

The JSON is written as text, not built as dicts for `json.dumps`: these run for every post
while the whole site is in memory, where each dict is work for the garbage collector too
(`on_post_page` at 10,000 posts, one build each: 1.8 s with dicts, `json.dumps` and a call per
OpenGraph tag; 0.7 s as text)."""

from __future__ import annotations

import html
import re
from collections.abc import Container
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs_blog_archive.stencil import plain

if TYPE_CHECKING:
    from mkdocs_blog_archive.archive import ArchivePage, Post


class Head:
    """A page's `<head>`, looked into in the page (`in`, as in a `str`) rather than copied
    out of it: a slice of a page with a character above U+00FF is a scan for its widest
    character and a copy (cachegrind, 10,000 posts: 0.25 G instructions)."""

    __slots__ = ("_end", "_page")

    def __init__(self, page: str, end: int) -> None:
        self._page, self._end = page, end

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self._page.find(text, 0, self._end) >= 0


_text = encode_basestring
"""A string as JSON text (non-ASCII kept, as `json.dumps(ensure_ascii=False)` does)."""


@dataclass(frozen=True)
class Facts:
    """What every page's tags share: the site, and each author's name and page."""

    site_url: str
    site_name: str
    authors: dict[str, tuple[str, str]]
    """By id: the name, and the absolute URL of the author's page (or their own URL)."""

    def absolute(self, url: str) -> str:
        """A site-relative URL made absolute. (MkDocs' `site_url` ends in `/`; a join by
        hand: under cProfile at 1,000 posts these tags took 0.98 s with `urljoin`, 0.33 s
        without.)"""
        if self.site_url.endswith("/") and "://" not in url and not url.startswith("/"):
            return self.site_url + url
        return urljoin(self.site_url, url)

    def person(self, key: str) -> tuple[str, str]:
        """An author's name and URL ("" if none); an author not in the authors file by id."""
        return self.authors.get(key) or (key, "")


ITEM_LIST_MAX = 100
"""An archive page's `ItemList` names at most this many of the posts it shows (a blog
without `per_page` lists every post on one page: its head would hold them all again)."""


def _script(text: str) -> str:
    """JSON text as a JSON-LD script: `<`, `>` and `&` as JSON escapes, so that no value can
    end the script or start markup in it (JSON reads them back as the same characters).
    (Most posts' JSON has none of them: three `in`s, each a `memchr`, instead of three
    `replace`s, whose search for a character is a loop: a post's tags took 109,000
    instructions, now 90,000, cachegrind over the 1,000 benchmark posts.)"""
    if "<" in text or ">" in text or "&" in text:
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'\n<script type="application/ld+json">{text}</script>'


def _attr(value: str) -> str:
    """`value` escaped for an attribute. (Most values need nothing: a check instead of
    `html.escape`'s five replaces; 7 values a post, 350,000 replaces at 10,000 posts.)"""
    return value if plain(value) else html.escape(value)


_PROPERTY = re.compile(r'\n<meta property="([^"]+)"[^\n]*')


def _without_theirs(tags: str, head: Container[str]) -> str:
    """`tags` (one `<meta property>` a line) less those whose property the head has."""
    return _PROPERTY.sub(lambda m: "" if f'property="{m[1]}"' in head else m[0], tags)


def _posting(
    post: Post, facts: Facts, title: str, url: str, image: str, dates: tuple[str, str]
) -> str:
    """A post's `BlogPosting`, as JSON text."""
    text = (
        '{"@context":"https://schema.org","@type":"BlogPosting",'
        f'"headline":{_text(title)},"url":{_text(url)},"mainEntityOfPage":{_text(url)},'
        f'"datePublished":"{dates[0]}","dateModified":"{dates[1]}",'
        f'"publisher":{{"@type":"Organization","name":{_text(facts.site_name)}}}'
    )
    if post.authors:
        people = []
        for key in post.authors:
            name, link = facts.person(key)
            more = f',"url":{_text(link)}' if link else ""
            people.append(f'{{"@type":"Person","name":{_text(name)}{more}}}')
        text += f',"author":[{",".join(people)}]'
    if post.description or post.summary:
        text += f',"description":{_text(post.description or post.summary)}'
    if post.tags:
        text += f',"keywords":[{",".join(_text(tag) for tag in post.tags)}]'
    return text + (f',"image":{_text(image)}}}' if image else "}")


def post_tags(head: Container[str], post: Post, facts: Facts) -> str:
    """A post's `BlogPosting` and OpenGraph `article` tags (needs `site_url`)."""
    if not facts.site_url:
        return ""
    escape, cover = _attr, post.cover
    url, title = facts.absolute(post.url), html.unescape(post.title)
    image = facts.absolute(cover.url) if cover is not None else ""
    published = post.date.isoformat()  # ISO dates: nothing to escape
    modified = post.updated.isoformat() if post.updated is not None else published
    dates = (published, modified)
    found = (
        "" if '"BlogPosting"' in head else _script(_posting(post, facts, title, url, image, dates))
    )
    tags = (
        '\n<meta property="og:type" content="article">'
        f'\n<meta property="og:title" content="{escape(title)}">'
        f'\n<meta property="og:url" content="{escape(url)}">'
        f'\n<meta property="og:site_name" content="{escape(facts.site_name)}">'
    )
    if cover is not None:
        tags += f'\n<meta property="og:image" content="{escape(image)}">'
        if cover.alt:
            tags += f'\n<meta property="og:image:alt" content="{escape(cover.alt)}">'
        for name, value in (("twitter:card", "summary_large_image"), ("twitter:image", image)):
            if f'name="{name}"' not in head:
                found += f'\n<meta name="{name}" content="{escape(value)}">'
    tags += (
        f'\n<meta property="article:published_time" content="{published}">'
        f'\n<meta property="article:modified_time" content="{modified}">'
    )
    for key in post.authors:
        name, link = facts.person(key)
        tags += f'\n<meta property="article:author" content="{escape(link or name)}">'
    if post.categories:
        tags += f'\n<meta property="article:section" content="{escape(post.categories[0])}">'
    for tag in post.tags:
        tags += f'\n<meta property="article:tag" content="{escape(tag)}">'
    # Most heads have no OpenGraph property: one search, and nothing to take out.
    return found + (_without_theirs(tags, head) if 'property="' in head else tags)


def archive_tags(
    head: Container[str], page: ArchivePage, title: str, posts: list[Post], facts: Facts
) -> str:
    """An archive page's `CollectionPage` with the `ItemList` of the posts it shows (the
    first `ITEM_LIST_MAX`), `rel=prev`/`rel=next` to its neighbouring pages, and a canonical
    URL if it has none."""
    archive, links = page.archive, ""
    near = [(page.number - 1, "prev"), (page.number + 1, "next")]
    for number, rel in near:
        if 0 < number <= len(archive.pages) and f'rel="{rel}"' not in head:
            links += f'\n<link rel="{rel}" href="{facts.absolute(archive.pages[number - 1].url)}">'
    if not facts.site_url:
        return links
    url = facts.absolute(page.url)
    if 'rel="canonical"' not in head:
        links += f'\n<link rel="canonical" href="{url}">'
    if '"CollectionPage"' in head:
        return links
    items = ",".join(
        f'{{"@type":"ListItem","position":{n},"url":{_text(facts.absolute(p.url))},'
        f'"name":{_text(html.unescape(p.title))}}}'
        for n, p in enumerate(posts[:ITEM_LIST_MAX], start=page.start + 1)
    )
    site = f'{{"@type":"WebSite","name":{_text(facts.site_name)},"url":{_text(facts.site_url)}}}'
    text = (
        f'{{"@context":"https://schema.org","@type":"CollectionPage",'
        f'"name":{_text(html.unescape(title))},"url":{_text(url)},"isPartOf":{site},'
        f'"mainEntity":{{"@type":"ItemList","numberOfItems":{len(archive.posts)},'
        f'"itemListElement":[{items}]}}}}'
    )
    return links + _script(text)
