"""Planning: from the posts and the options, every archive page and feed file the site gets,
with its path, URL and share of the posts. Pure: no MkDocs here, so tests call it directly.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote as urlquote

from mkdocs_blog_archive.archive import (
    Archive,
    ArchivePage,
    FeedFile,
    Post,
    SlugClash,
    group_by_date,
    group_by_term,
    make_slug,
)
from mkdocs_blog_archive.feeds import FORMATS
from mkdocs_blog_archive.kinds import ArchiveKind

if TYPE_CHECKING:
    from mkdocs_blog_archive.config import BlogArchiveConfig
    from mkdocs_blog_archive.material import Migration


@dataclass(frozen=True)
class PlanOptions:
    """What the plan depends on, read once from the plugin's and MkDocs' options."""

    blog_dir: str
    kinds: tuple[ArchiveKind, ...]
    per_page: int = 0
    index_posts: int = 10
    feed_formats: tuple[str, ...] = ()
    use_directory_urls: bool = True
    pagination_format: str = "page/{page}"
    """Where the later pages of an archive go, relative to its first."""
    slugs: Mapping[str, Callable[[str], str]] = field(default_factory=dict)
    """Names to slugs, by kind; `make_slug` for kinds not here."""
    locale: str = "en"
    """For the slugs and names of date archives with `date_formats`."""
    categories_sort: tuple[Callable[[Any], Any] | None, bool] = (None, False)
    """Material's `categories_sort_by` (a function of an archive: its `name`, its `posts`)
    and `categories_sort_reverse`: the order categories are listed in, after their names."""
    material_layout: bool = False
    """Material's layout: later pages of an index page are index pages too
    (`page/2/index.md`: the same URLs without directory URLs), pinned posts head every
    listing."""

    @classmethod
    def of(
        cls,
        options: BlogArchiveConfig,
        kinds: tuple[ArchiveKind, ...],
        migration: Migration,
        feed_formats: list[str],
        use_directory_urls: bool,
        locale: str,
    ) -> PlanOptions:
        return cls(
            blog_dir=options.blog_dir,
            kinds=kinds,
            per_page=options.per_page,
            index_posts=options.index_posts,
            feed_formats=tuple(feed_formats),
            use_directory_urls=use_directory_urls,
            pagination_format=migration.pagination_format,
            slugs=migration.slugs,
            locale=locale,
            material_layout=migration.on,
            categories_sort=(migration.categories_sort_by, migration.categories_sort_reverse),
        )


@dataclass
class Plan:
    """Every archive of the site, in the order its pages are added."""

    archives: list[Archive]
    clashes: list[tuple[ArchiveKind, SlugClash]] = field(default_factory=list)
    """Names merged into another of the same slug, with the kind they are of."""
    options: PlanOptions | None = None
    """What it was planned for."""

    def categories(self) -> list[Archive]:
        """The category archives in the order they are listed: by name (case aside), then
        by `categories_sort`, as Material sorts them."""
        found = sorted(self.of_kind("categories"), key=lambda archive: archive.name.casefold())
        key, reverse = self.options.categories_sort if self.options else (None, False)
        if key is None and not reverse:
            return found
        by: Callable[[Any], Any] = key or (lambda archive: archive.name)  # Material's view_name
        return sorted(found, key=by, reverse=reverse)

    @property
    def index(self) -> Archive:
        return self.archives[0]

    def of_kind(self, name: str) -> list[Archive]:
        """The archives of the kind `name`, in the order they were found."""
        return [archive for archive in self.archives if archive.kind.name == name]

    def terms(self) -> dict[str, dict[str, Archive]]:
        """Archives of names, by kind (`categories`, `tags`, fields), then by name."""
        found: dict[str, dict[str, Archive]] = {}
        for archive in self.archives:
            if archive.kind.source == "terms":
                found.setdefault(archive.kind.name, {})[archive.name] = archive
        return found

    def pages(self) -> list[ArchivePage]:
        return [page for archive in self.archives for page in archive.pages]


def url_of(src_uri: str, use_directory_urls: bool) -> str:
    """The URL MkDocs gives the file `src_uri` (`File.url`), a page's or another file's."""
    dest = src_uri
    if src_uri.endswith(".md"):
        parent, name = posixpath.split(src_uri[:-3])
        if not use_directory_urls or name == "index":
            dest = posixpath.join(parent, name + ".html")
        else:
            dest = posixpath.join(parent, name, "index.html")
    folder, file_name = posixpath.split(dest)
    if use_directory_urls and file_name == "index.html":
        dest = (folder or ".") + "/"
    return urlquote(dest)


def reserved_paths(options: PlanOptions) -> tuple[str, ...]:
    """Where no post can be: the blog index, and the folders of archives of names."""
    index = posixpath.join(options.blog_dir, "index.md")
    folders = [
        posixpath.join(options.blog_dir, prefix)
        for kind in options.kinds
        if kind.source == "terms"
        for prefix in [kind.url_format.partition("{slug}")[0]]
        if prefix  # `categories_url_format: "{slug}"` keeps no folder to itself
    ]
    return (index, *folders)


def plan_archives(posts: list[Post], options: PlanOptions) -> Plan:
    """The archives of `posts` (in the order given, which each archive keeps) for `options`;
    unlisted posts are in none."""
    plan = Plan([], options=options)
    posts = [post for post in posts if not post.unlisted]
    for kind in options.kinds:
        if kind.source == "all":
            found = [Archive(kind, "", "", posts=list(posts))]
        elif kind.source == "terms":
            found, clashes = group_by_term(posts, kind, options.slugs.get(kind.name, make_slug))
            plan.clashes.extend((kind, clash) for clash in clashes)
        elif kind.source in ("year", "month"):
            found = group_by_date(posts, kind, options.locale)
        else:  # a page of links to the archives of names (the tags index), when there are any
            found = [Archive(kind, "", "")] if plan.of_kind("tags") else []
        for archive in found:
            place(archive, options)
        plan.archives.extend(found)
    return plan


def place(archive: Archive, options: PlanOptions) -> None:
    """Give the archive its pages (and, with `per_page`, its later pages) and feed files."""
    kind = archive.kind
    folder = posixpath.join(options.blog_dir, kind.url_format.format(slug=archive.slug))
    folder = folder.strip("/")
    index_file = kind.index_file or posixpath.basename(folder) == "index"  # a tag "index"
    first = posixpath.join(folder, "index.md") if index_file else f"{folder}.md"
    per_page = (options.per_page if kind.per_page is None else kind.per_page) * kind.paginate
    limit = options.index_posts if kind.source == "all" else 0  # the blog index
    stop = per_page or limit or None
    use_directory_urls = options.use_directory_urls
    archive.pages = [ArchivePage(archive, 1, first, url_of(first, use_directory_urls), 0, stop)]
    for number in range(2, -(-len(archive.posts) // per_page) + 1 if per_page else 0):
        later = options.pagination_format.format(page=number)
        if index_file and options.material_layout:
            later = posixpath.join(later, "index")
        src_uri = posixpath.join(folder, later) + ".md"
        start = (number - 1) * per_page
        page = ArchivePage(
            archive, number, src_uri, url_of(src_uri, use_directory_urls), start, start + per_page
        )
        archive.pages.append(page)
    if kind.feeds:
        archive.feeds = [
            FeedFile(name, src_uri, url_of(src_uri, use_directory_urls))
            for name in options.feed_formats
            for src_uri in [posixpath.join(folder, FORMATS[name][0])]
        ]
