"""Posts and the archives that group them: slugs, grouping, ordering. No MkDocs here."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markdown.extensions.toc import slugify

from mkdocs_blog_archive.kinds import MONTH, ArchiveKind

if TYPE_CHECKING:
    from mkdocs_blog_archive.images import Cover

_MAX_SLUG_BYTES = 120
_PLAIN_NAME = re.compile(r"[a-z0-9_./-]*")
"""A name that `slugify` only takes its `/` and `.` out of (a post's URL, mostly), as long
as that leaves no `--`: every other character is a word character or `-`, kept as it is."""


@dataclass(frozen=True, slots=True)
class Link:
    """One of a post's `links`: a page (`target` relative to docs_dir, `#anchor` allowed) or
    a URL, with its own title or none (the page's title), under a section heading or none."""

    target: str
    title: str | None = None
    section: str | None = None


@dataclass(slots=True)
class Post:
    """A dated page. `title` and `summary` are filled in once MkDocs has rendered the page."""

    src_uri: str
    url: str
    date: dt.datetime
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Names by front-matter key: `categories`, `tags`, and the fields named in `archives`.
    (Tuples, as `links`: a big blog's posts live all build long, and the garbage collector
    stops visiting tuples of strings and dicts of those; it visits lists every time.)"""
    description: str | None = None
    updated: dt.datetime | None = None
    slug: str | None = None
    """Front matter `slug`, for `post_url_format`."""
    draft: bool = False
    """A draft (or, unless the site allows them, a post dated in the future)."""
    pinned: bool = False
    image: str = ""
    """Front matter `image`, as written; `cover` is what it was found to be."""
    image_alt: str = ""
    cover: Cover | None = None
    unlisted: bool = False
    """Front matter `unlisted: true`: built and reachable, listed nowhere (`plan_archives`)."""
    readtime: int | None = None
    """Minutes to read: front matter `readtime`, else counted from the rendered page."""
    links: tuple[Link, ...] = ()
    """Front matter `links`, as Material's blog has them."""
    title: str = ""
    """HTML-escaped text, as MkDocs gives `page.title`."""
    summary: str = ""
    """Plain text."""
    excerpt_html: str = ""
    """With `excerpts`: the rendered excerpt, its site-relative links after `stencil.LATE`."""
    more: bool = False
    """The post goes on after its excerpt."""
    rank: int = 0
    """Among posts of the same time, the lower first (Material's order: the files' order)."""

    @property
    def categories(self) -> tuple[str, ...]:
        return self.terms.get("categories", ())

    @property
    def tags(self) -> tuple[str, ...]:
        return self.terms.get("tags", ())

    @property
    def authors(self) -> tuple[str, ...]:
        """Author ids (resolved against the authors file), or plain names without one."""
        return self.terms.get("authors", ())

    @property
    def sort_key(self) -> tuple[float, int, str, str]:
        """Newest first, then by `rank`, title, path: the same order on every build."""
        return (-self.date.timestamp(), self.rank, self.title.casefold(), self.src_uri)


@dataclass(slots=True)
class ArchivePage:
    """One page of an archive: the first at the archive's URL, later ones (pagination) at
    `…/page/<n>/`. Shows `archive.posts[start:stop]` (`stop` None: to the end)."""

    archive: Archive
    number: int
    src_uri: str
    url: str
    start: int = 0
    stop: int | None = None
    user_page: bool = False
    """A page of the site's own stands at this URL: the listing goes into it."""


@dataclass(frozen=True, slots=True)
class FeedFile:
    """One feed of an archive: its format (`atom`, `rss`, `json`), path and URL."""

    format: str
    src_uri: str
    url: str


@dataclass(slots=True)
class Archive:
    """A named group of posts with pages of its own, of one `ArchiveKind`."""

    kind: ArchiveKind
    name: str
    slug: str
    posts: list[Post] = field(default_factory=list)
    pages: list[ArchivePage] = field(default_factory=list)
    """Its pages, the first first (set by the planner)."""
    feeds: list[FeedFile] = field(default_factory=list)
    head_links: str = ""
    """The `<link rel="alternate">` tags of its feeds, once they are written."""
    positions: dict[str, int] = field(default_factory=dict)
    """Index of each post (by src_uri) in `posts`, once they are sorted."""

    @property
    def url(self) -> str:
        return self.pages[0].url if self.pages else ""

    @property
    def src_uri(self) -> str:
        return self.pages[0].src_uri if self.pages else ""

    @property
    def page_urls(self) -> list[str]:
        return [page.url for page in self.pages]


def make_slug(name: str) -> str:
    """A URL- and file-system-safe slug: ASCII when possible, else Unicode, else a hash.

    Markdown's toc slugify drops `/`, `\\`, `.` and markup, so a slug never leaves its folder.
    """
    # Markdown's slugify normalizes, encodes and runs two regexes: 4.6 µs for a post's URL,
    # which a listing entry's anchor is made of: 0.9 µs on this path (timeit).
    plain = name.replace("/", "").replace(".", "") if _PLAIN_NAME.fullmatch(name) else ""
    if plain and "--" not in plain:
        slug = plain
    else:
        slug = slugify(name, "-") or slugify(name, "-", unicode=True)
    slug = slug.strip("-.")
    if not slug:
        return "c-" + hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    encoded = slug.encode("utf-8")
    if len(encoded) > _MAX_SLUG_BYTES:
        slug = encoded[:_MAX_SLUG_BYTES].decode("utf-8", "ignore").rstrip("-")
    return slug


@dataclass
class SlugClash:
    """Two different names that make the same slug; the second is merged into the first."""

    slug: str
    kept: str
    merged: str
    src_uri: str
    case_only: bool = False
    """The names differ only in case: one name, the more frequent spelling (an info line)."""


def spellings(posts: list[Post], key: str) -> dict[str, str]:
    """For names under `key` that are spelt more than one way (differing only in case):
    each spelling's winner, the most frequent one (the first seen among equals)."""
    counts: dict[str, dict[str, int]] = {}
    for post in posts:
        for name in post.terms.get(key, ()):
            seen = counts.setdefault(name.casefold(), {})
            seen[name] = seen.get(name, 0) + 1
    winners: dict[str, str] = {}
    for seen in counts.values():
        if len(seen) > 1:
            best = max(seen, key=lambda name: seen[name])  # max keeps the first of equals
            winners.update((name, best) for name in seen if name != best)
    return winners


def group_by_term(
    posts: list[Post], kind: ArchiveKind, slugify: Callable[[str], str] = make_slug
) -> tuple[list[Archive], list[SlugClash]]:
    """Group posts by the slugs of their names under the front-matter key `kind.name`.

    Each archive's posts keep the order of `posts`. Spellings differing only in case are one
    name, the most frequent spelling (`spellings`; they are `SlugClash`es with `case_only`).
    Otherwise the first spelling of a slug wins, each other is reported once. Each post's
    names are replaced by the winning spellings.
    """
    key = kind.name
    archives: dict[str, Archive] = {}
    clashes: list[SlugClash] = []
    reported: set[str] = set()
    winners = spellings(posts, key)
    slugs: dict[str, str] = {}  # Names repeat across posts: slugify each name once.
    for post in posts:
        seen: set[str] = set()
        canonical: list[str] = []
        for name in post.terms.get(key, ()):
            winner = winners.get(name)
            if winner is not None and name not in reported:
                reported.add(name)
                clashes.append(SlugClash("", winner, name, post.src_uri, case_only=True))
            name = winner or name
            slug = slugs.get(name)
            if slug is None:
                slug = slugs[name] = slugify(name)
            archive = archives.get(slug)
            if archive is None:
                archive = archives[slug] = Archive(kind, name, slug)
            elif archive.name != name and name not in reported:
                reported.add(name)
                clashes.append(SlugClash(slug, archive.name, name, post.src_uri))
            if slug in seen:
                continue
            seen.add(slug)
            canonical.append(archive.name)
            archive.posts.append(post)
        if key in post.terms:
            post.terms[key] = tuple(canonical)
    return list(archives.values()), clashes


def group_by_date(posts: list[Post], kind: ArchiveKind, locale: str = "en") -> list[Archive]:
    """Year archives (kind `YEAR`) or month archives (`MONTH`), newest first.

    A year's name and slug are `YYYY`; a month's name is `YYYY-MM` (shown in the site's
    language by the renderer) and its slug `YYYY/MM`, its folder under the blog. A kind with
    `date_formats` (Material's archive) groups by the slug its pattern makes instead.
    """
    if kind.date_formats is not None:
        return _group_by_pattern(posts, kind, locale)
    found: dict[tuple[int, int], Archive] = {}
    months = kind is MONTH or kind.source == "month"
    for post in posts:
        key = (post.date.year, post.date.month if months else 0)
        archive = found.get(key)
        if archive is None:
            year = f"{key[0]:04d}"
            if months:
                month = f"{key[1]:02d}"
                archive = Archive(kind, f"{year}-{month}", f"{year}/{month}")
            else:
                archive = Archive(kind, year, year)
            found[key] = archive
        archive.posts.append(post)
    return [found[key] for key in sorted(found, reverse=True)]


def _group_by_pattern(posts: list[Post], kind: ArchiveKind, locale: str) -> list[Archive]:
    from mkdocs_blog_archive.dates import date_formatter

    assert kind.date_formats is not None
    slug_of, name_of = (date_formatter(pattern, locale) for pattern in kind.date_formats)
    found: dict[str, Archive] = {}
    newest: dict[str, dt.datetime] = {}
    for post in posts:
        slug = slug_of(post.date)
        archive = found.get(slug)
        if archive is None:
            archive = found[slug] = Archive(kind, name_of(post.date), slug)
            newest[slug] = post.date
        newest[slug] = max(newest[slug], post.date)
        archive.posts.append(post)
    return sorted(found.values(), key=lambda archive: newest[archive.slug], reverse=True)


def related_posts(post: Post, archives: list[Archive], count: int, window: int) -> list[Post]:
    """Up to `count` posts sharing the most of `post`'s archives (categories, tags), the newer
    first among equals.

    Only the `window` posts nearest in time on each side, in each shared archive, are
    considered, so the work per post stays bounded however large an archive grows. Each
    archive's `positions` (post to index in its date-sorted posts) must be set.
    """
    shared: dict[str, int] = {}
    candidates: dict[str, Post] = {}
    for archive in archives:
        index = archive.positions[post.src_uri]
        for other in archive.posts[max(0, index - window) : index + window + 1]:
            if other is not post:
                shared[other.src_uri] = shared.get(other.src_uri, 0) + 1
                candidates[other.src_uri] = other
    ranked = sorted(candidates.values(), key=lambda other: (-shared[other.src_uri], other.sort_key))
    return ranked[:count]


def sort_posts(posts: list[Post], by_updated: bool = False) -> list[Post]:
    """Posts newest first (by their updated date, or else their date, with `by_updated`);
    ties by title, then path."""
    if by_updated:
        return sorted(
            posts, key=lambda post: (-(post.updated or post.date).timestamp(), *post.sort_key[1:])
        )
    return sorted(posts, key=lambda post: post.sort_key)
