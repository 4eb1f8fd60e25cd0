"""The second pass, once MkDocs has rendered every post: titles, summaries and reading times
from the posts' HTML, each post's back-links and bottom (previous/next, links, related posts),
archive listings and the feeds."""

from __future__ import annotations

import datetime as dt
import re
from html import escape as html_escape
from html import unescape as html_unescape
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.plugins import get_plugin_logger

from mkdocs_blog_archive import feeds
from mkdocs_blog_archive.archive import Post, related_posts
from mkdocs_blog_archive.pages import LISTING_MARKER, link_sections, relative_url
from mkdocs_blog_archive.posts import reading_minutes, summarize

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from mkdocs_blog_archive.config import FeedsConfig
    from mkdocs_blog_archive.state import BuildState

log = get_plugin_logger(__name__)

_LEADING_H1 = re.compile(r"\s*<h1[^>]*>.*?</h1>", re.DOTALL)


def title_html(page: Page) -> str:
    """The page's title as HTML-escaped text.

    MkDocs escapes a title it takes from the page's h1, not one from front matter.
    """
    title = str(page.title or page.file.name)
    if "title" in page.meta:
        return html_escape(title)
    if "&" not in title and "<" not in title and ">" not in title:
        return title  # Nothing to normalize: the common case.
    return html_escape(html_unescape(title))


def listing(state: BuildState, page: Page, per_page: int, index_posts: int) -> list[str]:
    """The listing of the archive page `page`, in parts to be joined: its posts, and on the
    blog index the categories, years and tags too."""
    renderer = state.renderer
    src_uri = page.file.src_uri
    archive = state.pages[src_uri]
    number = state.page_numbers.get(src_uri, 1)
    feed_links = [
        (feeds.FORMATS[name][2], relative_url(file.url, page.url))
        for name, file in state.feed_files.get(src_uri, {}).items()
    ]
    if archive.kind == "index":
        tags_index = state.tags_index
        return renderer.listing(
            archive,
            page.url,
            state.entries,
            feed_links,
            renderer.category_links(state.sorted_categories, page.url),
            0 if per_page else index_posts,
            relative_url(tags_index.url, page.url) if tags_index else None,
            renderer.category_links((a for a in state.dates if a.kind == "year"), page.url),
            page=number,
            per_page=per_page,
        )
    if archive.kind == "tags-index":
        return renderer.tags_index(renderer.category_links(state.sorted_tags, page.url))
    return renderer.listing(
        archive, page.url, state.entries, feed_links, page=number, per_page=per_page
    )


def place_listing(page: Page, parts: list[str]) -> None:
    """Put the listing where the page's marker is (at its end if another plugin removed it)."""
    assert page.content is not None
    before, marker, after = page.content.partition(LISTING_MARKER)
    if not marker:
        log.warning(
            f"{page.file.src_uri}: the archive listing's marker was removed from the page "
            "(by another plugin?); the listing is added at the end"
        )
    page.content = "".join([before, *parts, after])


def read_posts(state: BuildState, files: Files) -> dict[str, Page]:
    """Each post's title, summary and reading time, from the HTML of MkDocs' one render;
    returns the rendered posts' pages by src_uri."""
    options = state.options  # plain attributes: MkDocs' config lookups cost per post
    pages: dict[str, Page] = {}
    by_uri = files.src_uris
    for src_uri, post in state.posts.items():
        file = by_uri.get(src_uri)
        page = file.page if file is not None else None
        if page is None or page.content is None:
            continue
        html = page.content
        pages[src_uri] = page
        if options.keep_html:
            state.post_html[src_uri] = html
        post.title = title_html(page)
        post.summary = summarize(html, post.description, options.summary_words)
        if not options.reading_time:
            post.readtime = None
        elif post.readtime is None:
            post.readtime = reading_minutes(html, options.words_per_minute)
    return pages


def finish_posts(state: BuildState, pages: dict[str, Page], files: Files) -> None:
    """Add to each post its back-links (to the blog and its categories) and its bottom: older
    and newer posts (from `state.entries`, newest first), its `links`, related posts."""
    options = state.options
    renderer = state.renderer
    entries = state.entries
    chronological = list(entries)  # newest first
    keys = ("categories", "tags")
    if options.related:
        for key in keys:
            for archive in state.terms[key].values():
                archive.positions = {p.src_uri: i for i, p in enumerate(archive.posts)}
    last = len(chronological) - 1
    backlinks = options.backlinks if state.index is not None else "none"
    blog_url = state.index.url if state.index is not None else ""
    terms = state.terms

    def find_page(path: str) -> tuple[str, str] | None:
        file = files.get_file_from_path(path)
        if file is None:
            return None
        return file.url, title_html(file.page) if file.page is not None else path

    for position, src_uri in enumerate(chronological):
        page = pages.get(src_uri)
        if page is None or page.content is None:
            continue
        post = state.posts[src_uri]
        html = page.content
        if options.post_nav or options.related or post.links:
            found = []
            if options.related:
                archives = [terms[key][name] for key in keys for name in post.terms[key]]
                found = related_posts(
                    post, archives, options.related, window=max(4 * options.related, 20)
                )
            bottom = renderer.post_nav(
                page.url,
                entries[chronological[position + 1]]
                if options.post_nav and position < last
                else None,
                entries[chronological[position - 1]] if options.post_nav and position else None,
                [entries[other.src_uri] for other in found],
                link_sections(post.links, src_uri, page.url, find_page) if post.links else [],
            )
            html = f"{html}\n{bottom}"
        if backlinks != "none":
            categories, tags, authors = (
                renderer.category_links([terms[key][name] for name in post.terms[key]], page.url)
                for key in ("categories", "tags", "authors")
            )
            links = renderer.post_links(
                post, blog_url, page.url, categories, tags, authors, backlinks
            )
            html = place(html, links, backlinks)
        page.content = html


def place(html: str, block: str, where: str) -> str:
    """`block` after the page's leading h1 ("top"), above everything ("above"), or at the end."""
    if where == "bottom":
        return f"{html}\n{block}"
    if where == "top":
        match = _LEADING_H1.match(html)
        if match:
            return f"{html[: match.end()]}\n{block}{html[match.end() :]}"
    return f"{block}\n{html}"


def write_feeds(state: BuildState, config: MkDocsConfig, options: FeedsConfig, locale: str) -> None:
    """Fill each archive's feed files, and the `<head>` links to them; every post's feed entry
    is made once."""
    site_url = config.site_url or ""
    generated = dt.datetime.now(dt.timezone.utc) if options.build_date else None
    entries: dict[str, feeds.FeedEntry] = {}

    def entry(post: Post) -> feeds.FeedEntry:
        made = entries.get(post.src_uri)
        if made is None:
            url = urljoin(site_url, post.url)
            html = state.post_html.get(post.src_uri)
            made = entries[post.src_uri] = feeds.FeedEntry(
                title=html_unescape(post.title),
                url=url,
                published=post.date,
                updated=post.updated,
                categories=post.categories,
                authors=tuple(state.renderer.author_name(key) for key in post.authors)
                or ((config.site_author,) if config.site_author else ()),
                summary=post.summary,
                content_html=feeds.absolute_links(html, url) if html is not None else None,
            )
        return made

    for archive in state.archives():
        if archive.src_uri not in state.feed_files:
            continue
        files_by_format = state.feed_files[archive.src_uri]
        posts = archive.posts[: options.limit] if options.limit else archive.posts
        feed = feeds.Feed(
            title=f"{config.site_name}: {state.renderer.heading(archive)}",
            home_url=urljoin(site_url, archive.url),
            urls={name: urljoin(site_url, file.url) for name, file in files_by_format.items()},
            entries=[entry(post) for post in posts],
            description=config.site_description or "",
            language=locale.replace("_", "-"),
            generated=generated,
        )
        for name, file in files_by_format.items():
            file.content_bytes = feeds.WRITERS[name](feed)
        state.head_links[archive.src_uri] = "".join(
            f'<link rel="alternate" type="{feeds.FORMATS[name][1]}" '
            f'title="{html_escape(feed.title)} ({feeds.FORMATS[name][2]})" href="{url}">'
            for name, url in feed.urls.items()
        )
