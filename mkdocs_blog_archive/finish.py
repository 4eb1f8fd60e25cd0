"""Once MkDocs has rendered every post: titles, summaries and reading times from the posts'
HTML, the posts in order, each post's back-links and bottom (previous/next, links, related
posts), archive listings and the feeds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterator
from html import escape as html_escape
from html import unescape as html_unescape
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.toc import AnchorLink

from mkdocs_blog_archive import compat, embed, feeds, images, structured
from mkdocs_blog_archive.archive import (
    Archive,
    ArchivePage,
    Post,
    SlugClash,
    related_posts,
    sort_posts,
)
from mkdocs_blog_archive.cache import Rendered, listing_stamp
from mkdocs_blog_archive.kinds import BACKLINK_ORDER, RELATED_BY, ArchiveKind
from mkdocs_blog_archive.plan import PlanOptions, plan_archives
from mkdocs_blog_archive.render import (
    LISTING_MARKER,
    SECTION_IDS,
    FieldLinks,
    link_sections,
    relative_url,
)
from mkdocs_blog_archive.stencil import LATE
from mkdocs_blog_archive.summary import LEADING_H1, excerpt_html, reading_minutes, summarize

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    from mkdocs_blog_archive.cache import Incremental
    from mkdocs_blog_archive.config import FeedsConfig
    from mkdocs_blog_archive.plan import Plan
    from mkdocs_blog_archive.render import Block, Entry, Renderer
    from mkdocs_blog_archive.state import BuildState, PostOptions

log = get_plugin_logger(__name__)


def report_clash(kind: ArchiveKind, clash: SlugClash) -> None:
    """Names spelt differently only in case are one, quietly (an info line); other names of
    the same slug are a warning."""
    if clash.case_only:
        log.info(
            f"{clash.src_uri}: {kind.noun} {clash.merged!r} is listed as {clash.kept!r}, "
            "its most frequent spelling"
        )
        return
    log.warning(
        f"{clash.src_uri}: {kind.noun} {clash.merged!r} has the same slug "
        f"({clash.slug!r}) as {clash.kept!r}; listed under {clash.kept!r}"
    )


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


def read_rendered(
    state: BuildState,
    files: Files,
    incremental: Incremental | None = None,
    config: MkDocsConfig | None = None,
) -> dict[str, Page]:
    """Each post's title, summary and reading time, from the HTML of MkDocs' one render (in
    a dirty build, from the cache for posts MkDocs did not render); returns the rendered
    posts' pages by src_uri."""
    if incremental is not None and config is not None:
        incremental.read_titles(files, config)
    images.find_all(state.posts.values(), files, log.warning)
    options = state.options  # plain attributes: MkDocs' config lookups cost per post
    pages: dict[str, Page] = {}
    by_uri = files.src_uris
    for src_uri, post in state.posts.items():
        file = by_uri.get(src_uri)
        page = file.page if file is not None else None
        if page is None:
            continue
        if page.content is None:
            cached = (
                incremental.cache.get(src_uri, incremental.keys.get(src_uri, ""))
                if (incremental is not None)
                else None
            )
            if cached is not None:
                _apply(state, post, cached)
            continue
        pages[src_uri] = page
        rendered = _take(page, post, options)
        _apply(state, post, rendered)
        if incremental is not None and src_uri in incremental.keys:
            incremental.cache.put(src_uri, incremental.keys[src_uri], rendered)
        if post.summary and not page.meta.get("description"):
            # The theme's <meta name="description"> (and Material's social cards) take it,
            # unescaped: MkDocs' templates do not escape.
            page.meta["description"] = html_escape(post.summary)
    return pages


def _take(page: Page, post: Post, options: PostOptions) -> Rendered:
    """What the post's rendered HTML gives."""
    html = str(page.content)
    summary = summarize(html, post.description, options.summary_words, options.separator)
    excerpt, more = "", False
    if options.excerpts:
        excerpt, more = excerpt_html(html, options.separator, post.url, str(LATE))
    if options.excerpt_required and options.separator.search(html) is None:
        log.warning(
            f"{post.src_uri}: the post has no excerpt separator {options.separator_text!r}, "
            "which post_excerpt: required asks for"
        )
    readtime = post.readtime
    if not options.reading_time:
        readtime = None
    elif readtime is None:
        readtime = reading_minutes(html, options.words_per_minute, options.characters_per_minute)
    kept = html if options.keep_html else None
    return Rendered(title_html(page), summary, excerpt, more, readtime, kept)


def _apply(state: BuildState, post: Post, rendered: Rendered) -> None:
    post.title, post.summary, post.readtime = rendered.title, rendered.summary, rendered.readtime
    post.excerpt_html, post.more = rendered.excerpt_html, rendered.more
    if rendered.html is not None:
        state.post_html[post.src_uri] = rendered.html


def order_posts(
    plan: Plan, state: BuildState, reuse: Incremental | None = None
) -> dict[str, Entry]:
    """Sort every archive's posts (`sort_archives`); returns each post's listing entry,
    newest first (in a dirty build, an unchanged post's entry as last made)."""
    posts, renderer = list(state.posts.values()), state.renderer
    categories = plan.terms().get("categories", {})
    renderer.category_urls = {name: archive.url for name, archive in categories.items()}
    renderer.anchors = any(archive.kind.toc for archive in plan.archives)
    if reuse is None:
        entries = {
            post.src_uri: renderer.entry(post)
            for post in sort_posts(posts, renderer.look.by_updated)
        }
    else:
        entries = {
            post.src_uri: _entry(renderer, post, reuse)
            for post in sort_posts(posts, renderer.look.by_updated)
        }
    sort_archives(plan, {src_uri: position for position, src_uri in enumerate(entries)})
    return entries


def _entry(renderer: Renderer, post: Post, reuse: Incremental) -> Entry:
    """A post's entry, made again only when it may differ: when its key (its file, URL and
    mkdocs.yml), draft flag, authors or categories' URLs changed (10,000 posts: 0.3 s)."""
    key = reuse.keys.get(post.src_uri)
    if key is None:
        return renderer.entry(post)
    stamp = (
        key,
        post.draft,
        renderer.anchors,
        tuple(repr(renderer.authors.get(name)) for name in post.authors),
        tuple(renderer.category_urls.get(name, "") for name in post.categories),
        post.cover,
    )
    known = reuse.cache.listed.get(post.src_uri)
    if known is not None and known[0] == stamp:
        return known[1]
    made = renderer.entry(post)
    reuse.cache.listed[post.src_uri] = (stamp, made)
    return made


def sort_archives(plan: Plan, order: dict[str, int]) -> None:
    """Every archive's posts in `order` (position by src_uri), the blog index's pinned
    posts first (every archive's, in Material's order)."""
    for archive in plan.archives:
        archive.posts.sort(key=lambda post: order[post.src_uri])
        if plan.options is not None and plan.options.material_layout:
            archive.posts.sort(key=lambda post: not post.pinned)
    plan.index.posts.sort(key=lambda post: not post.pinned)  # Pinned first, kept in order.


def by_name(archives: list[Archive]) -> list[Archive]:
    return sorted(archives, key=lambda archive: archive.name.casefold())


def finish_posts(state: BuildState, plan: Plan, pages: dict[str, Page], files: Files) -> None:
    """Make each post's blocks: its back-links (to the blog and its archives) and its bottom
    (older and newer posts, its `links`, related posts). They go into the page just before
    it is written (`splice`)."""
    options = state.options
    posts = state.posts
    chronological = [uri for uri in state.entries if not posts[uri].unlisted]  # newest first
    position_of = {src_uri: position for position, src_uri in enumerate(chronological)}
    terms = plan.terms()
    if options.related:
        for kind in RELATED_BY:
            for archive in terms.get(kind, {}).values():
                archive.positions = {p.src_uri: i for i, p in enumerate(archive.posts)}

    def find_page(path: str) -> tuple[str, str] | None:
        file = files.get_file_from_path(path)
        if file is None:
            return None
        return file.url, title_html(file.page) if file.page is not None else path

    series = series_of(state, chronological, options.series_field)
    for src_uri in state.entries:
        page = pages.get(src_uri)
        if page is None:
            continue
        post = posts[src_uri]
        bottom = top = None
        if options.post_nav or options.related or post.links:
            older = newer = None  # an unlisted post is no one's neighbour, and has none
            position = position_of.get(src_uri)
            if position is not None:
                older = chronological[position + 1] if position + 1 < len(chronological) else None
                newer = chronological[position - 1] if position else None
            bottom = _bottom(state, options, post, page.url, terms, older, newer, find_page)
        if options.backlinks != "none":
            top = _top(state, plan, post, page.url, terms)
        box = _series_box(state, terms, post, page.url, series)
        if box:
            top = f"{state.renderer.html(top) if top else ''}\n{box}"
        state.blocks[src_uri] = (top, bottom)
    state.renderer.forget_nav_entries()


def series_of(state: BuildState, listed: list[str], key: str) -> dict[str, list[str]]:
    """The posts of each series (front matter `key`), oldest first; listed posts only."""
    found: dict[str, list[str]] = {}
    if key:
        for src_uri in reversed(listed):  # `listed` is newest first
            for name in state.posts[src_uri].terms.get(key, ())[:1]:
                found.setdefault(name, []).append(src_uri)
    return found


def _series_box(
    state: BuildState,
    terms: dict[str, dict[str, Archive]],
    post: Post,
    page_url: str,
    series: dict[str, list[str]],
) -> str:
    """The post's series box, when it is a listed part of a series of two posts or more."""
    key = state.options.series_field
    names = post.terms.get(key, ()) if key else ()
    parts = series.get(names[0], []) if names else []
    if len(parts) < 2 or post.src_uri not in parts:
        return ""
    archive = terms.get(key, {}).get(names[0])
    entries = [state.entries[src_uri] for src_uri in parts]
    href = archive.url if archive is not None else None
    return state.renderer.series_box(names[0], href, entries, parts.index(post.src_uri), page_url)


def _top(
    state: BuildState, plan: Plan, post: Post, page_url: str, terms: dict[str, dict[str, Archive]]
) -> Block:
    """A post's back-link block: the blog, its date and reading time, its archives."""
    links = {  # an unlisted post's names may have no archive (no listed post has them)
        kind: state.renderer.category_links(
            [terms[kind][name] for name in post.terms.get(kind, ()) if name in terms.get(kind, {})],
            page_url,
        )
        for kind in BACKLINK_ORDER
        if kind != "tags" or state.options.post_tags
    }
    fields = []  # the `archives` fields: how a reader finds a post's series page
    for kind, names in post.terms.items():
        if kind not in BACKLINK_ORDER and kind in terms:
            archives = [terms[kind][name] for name in names if name in terms[kind]]
            if archives:
                label = archives[0].kind.field_label
                fields.append(FieldLinks(label, state.renderer.category_links(archives, page_url)))
    return state.renderer.post_links(
        post, plan.index.url, page_url, links, state.options.backlinks, fields
    )


def splice(state: BuildState, page: Page) -> None:
    """Put a post's blocks into its page, just before it is written: only then is the post
    copied with them, and `unsplice` lets that copy go once it is written (on a big blog,
    a copy of every post held all build long was a fifth of the build's memory)."""
    blocks = state.blocks.pop(page.file.src_uri, None)
    if blocks is None or page.content is None:
        return
    top, bottom = blocks
    html, renderer = page.content, state.renderer
    end = f"\n{renderer.html(bottom)}" if bottom is not None else ""
    if top is not None:
        html = place(html, renderer.html(top), state.options.backlinks, end)
    elif end:
        html += end
    state.spliced[page.file.src_uri] = (page.content, html)
    page.content = html


def unsplice(state: BuildState, page: Page) -> None:
    """A written post gets back the HTML MkDocs rendered (unless a plugin changed it since)."""
    found = state.spliced.pop(page.file.src_uri, None)
    if found is not None and page.content is found[1]:
        page.content = found[0]


def _bottom(
    state: BuildState,
    options: PostOptions,
    post: Post,
    page_url: str,
    terms: dict[str, dict[str, Archive]],
    older: str | None,
    newer: str | None,
    find_page: Any,
) -> Block:
    """A post's bottom: previous and next posts, its `links`, related posts."""
    entries = state.entries
    found: list[Post] = []
    if options.related:
        shared = [
            terms[kind][name]
            for kind in RELATED_BY
            for name in post.terms.get(kind, ())
            if not post.unlisted and name in terms.get(kind, {})
        ]
        window = max(4 * options.related, 20)
        found = related_posts(post, shared, options.related, window=window)
    links = []
    if post.links:
        links = link_sections(post.links, post.src_uri, page_url, find_page, log.warning)
    return state.renderer.post_nav(
        page_url,
        entries[older] if options.post_nav and older else None,
        entries[newer] if options.post_nav and newer else None,
        [entries[other.src_uri] for other in found],
        links,
    )


def embedding(state: BuildState, plan: Plan, plugin: Any, config: MkDocsConfig) -> embed.Blog:
    """This blog as the listing markers of any page see it (`embed`): the first of the
    site's blog-archive instances answers markers that name no blog."""
    ours = [p for p in config.plugins.values() if type(p) is type(plugin)]
    return embed.Blog(
        name=plugin.config.blog_dir.strip("/"),
        plan=plan,
        entries=state.entries,
        renderer=state.renderer,
        fields=tuple(plugin.config.archives),
        default=bool(ours) and ours[0] is plugin,
        names=tuple(p.config.blog_dir.strip("/") for p in ours),
    )


def embed_listings(state: BuildState, page: Page) -> None:
    """Replace the listing markers in a page (`embed.MARKER`) by their listings."""
    content, blog = page.content, state.embedding
    if content is not None and blog is not None and embed.MARKER in content:
        page.content = embed.place(content, page.url, page.file.src_uri, blog, log.warning)
        state.embedders.add(page.file.abs_dest_path)


def with_head_tags(state: BuildState, page: Page, output: str, site: dict[str, str]) -> str:
    """The written page with what a page of the blog adds to its `<head>`: its feeds (an
    archive page its own, a post the blog's), its description, structured data and social
    meta (`structured`), before the head's end."""
    archive_page = state.pages.get(page.file.src_uri)
    post = state.posts.get(page.file.src_uri)
    end = output.find("</head>")
    if (archive_page is None and post is None) or state.plan is None or end < 0:
        return output
    head = structured.Head(output, end)
    state.facts = state.facts or _facts(state, site)
    if archive_page is not None:
        shown = archive_page.archive.posts[archive_page.start : archive_page.stop]
        title = page.title or ""
        tags = structured.archive_tags(head, archive_page, title, shown, state.facts)
        links = archive_page.archive.head_links + tags
    else:
        assert post is not None
        index = state.plan.index.head_links
        links = index + compat.post_head(head, post) + structured.post_tags(head, post, state.facts)
    # One copy of the page (a listing is megabytes): a slice at `end` and a join were two.
    return output.replace("</head>", f"{links}\n</head>", 1) if links else output


def _facts(state: BuildState, site: dict[str, str]) -> structured.Facts:
    """What the structured data of every page shares: the site, each author's page."""
    base, renderer = site.get("site_url", ""), state.renderer
    authors = state.plan.terms().get("authors", {}) if state.plan is not None else {}
    return structured.Facts(
        base,
        site.get("site_name", ""),
        {key: (renderer.author_name(key), urljoin(base, a.url)) for key, a in authors.items()},
    )


def place(html: str, block: str, where: str, end: str = "") -> str:
    """`block` after the page's leading h1 ("top"), above everything ("above"), or at the
    end; then `end`. (One copy of the page, not one for each.)"""
    if where == "bottom":
        return f"{html}{end}\n{block}"
    if where == "top":
        match = LEADING_H1.match(html)
        if match:
            return f"{html[: match.end()]}\n{block}{html[match.end() :]}{end}"
    return f"{block}\n{html}{end}"


def back_link(renderer: Renderer, plan: Plan, page: ArchivePage) -> str:
    """The back-link to the blog index at the top of an archive page: every one but the
    first page of the index itself."""
    if page.archive.kind.source == "all" and page.number == 1:
        return ""
    return renderer.back_link(plan.index.url, page.url)


def listing(state: BuildState, plan: Plan, page: ArchivePage) -> list[str]:
    """The listing of the archive page `page`, in parts to be joined: its posts, and on the
    blog index the categories, years and tags too."""
    renderer = state.renderer
    url = page.url
    shown = page.archive.feeds if page.number == 1 else []  # later pages: in <head> only
    feed_links = [(feeds.FORMATS[feed.format][2], relative_url(feed.url, url)) for feed in shown]
    extra: dict[str, Any] = {}
    template = page.archive.kind.template
    if template == "index.html":
        extra = index_sections(renderer, plan, url)
    elif template == "tags.html":
        extra = {
            "tags": renderer.tags_index(renderer.category_links(by_name(plan.of_kind("tags")), url))
        }
    elif page.archive.kind.source == "year":
        extra = {"months": renderer.category_links(months_of(plan, page.archive.name), url)}
    return renderer.listing(page, url, state.entries, feed_links, **extra)


INDEX_TAGS = 20
"""How many tags the blog index shows (those with the most posts); the tags index has all."""


def months_of(plan: Plan, year: str) -> list[Archive]:
    """The month archives of `year`, oldest first (as a year's page lists them)."""
    found = [archive for archive in plan.of_kind("month") if archive.name.startswith(f"{year}-")]
    return sorted(found, key=lambda archive: archive.name)


def index_sections(renderer: Renderer, plan: Plan, url: str) -> dict[str, Any]:
    """What the blog index shows below its posts: the categories, the years with their
    months, the tags with the most posts (by name) and the link to all of them."""
    years = [
        (year, renderer.category_links(months_of(plan, year.name), url))
        for year in renderer.category_links(plan.of_kind("year"), url)
    ]
    tags = sorted(plan.of_kind("tags"), key=lambda archive: -len(archive.posts))[:INDEX_TAGS]
    tags_index = plan.of_kind("tags-index")
    return {
        "categories": renderer.category_links(plan.categories(), url),
        "years": years,
        "tags": renderer.category_links(by_name(tags), url),
        "tags_href": relative_url(tags_index[0].url, url) if tags_index else None,
    }


def section_links(plan: Plan, labels: dict[str, str]) -> list[AnchorLink]:
    """The blog index's sections that it shows (`index_sections`: those it has archives
    for), for its table of contents."""
    shown = [
        ("categories", plan.categories()),
        ("archive", plan.of_kind("year")),
        ("tags", plan.of_kind("tags")),
    ]
    return [
        AnchorLink(html_escape(labels[name]), SECTION_IDS[name], 2)
        for name, archives in shown
        if archives
    ]


def place_listing(
    page: Page,
    state: BuildState,
    plan: Plan,
    archive_page: ArchivePage,
    reuse: Incremental | None = None,
) -> None:
    """Put the listing where the page's marker is (at its end if another plugin removed it);
    with the kind's `toc`, the posts shown join the page's table of contents, under its
    heading, as Material's blog adds them. In a dirty build (`reuse`), a listing made of
    what it was made of last time is not made again (70 pages, 10,000 posts: 0.5 s)."""
    stamp = listing_stamp(plan, archive_page, reuse) if reuse is not None else None
    known = reuse.cache.listings.get(archive_page.src_uri) if reuse is not None else None
    if stamp is not None and known is not None and known[0] == stamp:
        parts = known[1]
    else:
        parts = listing(state, plan, archive_page)
        if stamp is not None and reuse is not None:
            reuse.cache.listings[archive_page.src_uri] = (stamp, parts)
    items = []
    if archive_page.archive.kind.toc:
        shown = archive_page.archive.posts[archive_page.start : archive_page.stop]
        links = [state.entries[post.src_uri] for post in shown]
        items = [AnchorLink(entry.title_html, entry.anchor, 2) for entry in links]
    if archive_page.archive.kind.template == "index.html":  # its sections, after its posts
        items += section_links(plan, state.renderer.labels)
    if not archive_page.user_page and not page.toc.items:  # its h1 is raw HTML
        archive = archive_page.archive
        heading = state.renderer.heading_html(archive, archive_page.number)
        page.toc.items.append(AnchorLink(heading, state.renderer.heading_id(archive), 1))
    if items and page.toc.items and page.toc.items[0].level == 1:
        page.toc.items[0].children.extend(items)
    else:
        page.toc.items.extend(items)
    assert page.content is not None
    before, marker, after = page.content.partition(LISTING_MARKER)
    if not marker:
        log.warning(
            f"{page.file.src_uri}: the archive listing's marker was removed from the page "
            "(by another plugin?); the listing is added at the end"
        )
    page.content = "".join([before, *parts, after])


def feed_documents(
    state: BuildState,
    plan: Plan,
    site: dict[str, str],
    options: FeedsConfig,
    locale: str,
    reuse: Incremental | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Each feed of the plan as (src_uri, bytes); sets each archive's `head_links`. Every
    post's feed entry is made once. `site` has MkDocs' `site_url`, `site_name`,
    `site_description` and `site_author`. With `reuse` (a dirty build), a feed made of what
    it was made of last time is not made again (an archive's feeds, 10,000 posts: 0.3 s)."""
    site_url = site["site_url"]
    generated = dt.datetime.now(dt.timezone.utc) if options.build_date else None
    entries: dict[str, feeds.FeedEntry] = {}
    author = (site["site_author"],) if site["site_author"] else ()

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
                authors=tuple(state.renderer.author_name(key) for key in post.authors) or author,
                summary=post.summary,
                content_html=feeds.absolute_links(html, url) if html is not None else None,
                image=urljoin(site_url, post.cover.url) if post.cover else "",
                image_type=post.cover.type if post.cover else "",
                image_size=post.cover.size if post.cover else 0,
            )
        return made

    for archive in plan.archives:
        if not archive.feeds:
            continue
        posts = archive.posts[: options.limit] if options.limit else archive.posts
        title = f"{site['site_name']}: {state.renderer.heading(archive)}"
        urls = {f.format: urljoin(site_url, f.url) for f in archive.feeds}
        stamp = None if reuse is None or generated else _stamp(state, title, urls, posts, reuse)
        feed = None
        for feed_file in archive.feeds:
            data = _reused(reuse, feed_file.src_uri, stamp)
            if data is None:  # not a dirty build, or something in it changed
                feed = feed or feeds.Feed(
                    title=title,
                    home_url=urljoin(site_url, archive.url),
                    urls=urls,
                    entries=[entry(post) for post in posts],
                    description=site["site_description"],
                    language=locale.replace("_", "-"),
                    generated=generated,
                )
                data = _kept(reuse, feed_file.src_uri, stamp, feeds.WRITERS[feed_file.format](feed))
            yield feed_file.src_uri, data
        rel = compat.feed_rel(state.renderer.flavor)
        archive.head_links = "".join(
            f'<link rel="{rel}" type="{feeds.FORMATS[name][1]}" '
            f'title="{html_escape(title)} ({feeds.FORMATS[name][2]})" href="{url}">'
            for name, url in urls.items()
        )


def _reused(reuse: Incremental | None, src_uri: str, stamp: str | None) -> bytes | None:
    """A feed as the last dirty build made it, if it was made of the same (`stamp`)."""
    known = reuse.cache.feeds.get(src_uri) if reuse is not None and stamp else None
    return known[1] if known is not None and known[0] == stamp else None


def _kept(reuse: Incremental | None, src_uri: str, stamp: str | None, data: bytes) -> bytes:
    if reuse is not None and stamp is not None:
        reuse.cache.feeds[src_uri] = (stamp, data)
    return data


def _stamp(
    state: BuildState, title: str, urls: dict[str, str], posts: list[Post], reuse: Incremental
) -> str | None:
    """What a feed is made of, in a dirty build: its title and URLs, and for each post its
    key (its file, its URL, mkdocs.yml), whether it is a draft and its authors' names; None
    where a post has no key (a page a plugin makes, which renders every time)."""
    parts = [title, repr(sorted(urls.items()))]
    for post in posts:
        key = reuse.keys.get(post.src_uri)
        if key is None:
            return None
        names = ",".join(state.renderer.author_name(name) for name in post.authors)
        parts.append(f"{key}|{post.draft}|{names}")
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def standalone_files(
    state: BuildState, options: PlanOptions, site: dict[str, str], config: FeedsConfig
) -> dict[str, bytes]:
    """Every archive page as Markdown any generator renders (`write-pages`), and every feed,
    by path, re-planned for `options` (another blog_dir)."""
    options = dataclasses.replace(options, blog_dir=options.blog_dir.strip("/"))
    plan = plan_archives(list(state.posts.values()), options)
    sort_archives(plan, {src_uri: n for n, src_uri in enumerate(state.entries)})
    # Entries again, for their links to the re-planned category pages (Material's meta line).
    categories = plan.terms().get("categories", {})
    state.renderer.category_urls = {name: archive.url for name, archive in categories.items()}
    state.renderer.forget_entries()
    state.entries = {uri: state.renderer.entry(state.posts[uri]) for uri in state.entries}
    found: dict[str, bytes] = {}
    for page in plan.pages():
        listed = "".join(listing(state, plan, page))
        back = back_link(state.renderer, plan, page)
        markdown = state.renderer.standalone_markdown(page.archive, page.number, back, listed)
        found[page.src_uri] = markdown.encode("utf-8")
    found.update(feed_documents(state, plan, site, config, options.locale))
    return found
