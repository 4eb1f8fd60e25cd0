"""Listings on any page: `<!-- blog-archive:posts category="AI" limit="3" -->` in a page's
Markdown becomes the newest matching posts, in the entries archive pages show. No MkDocs here:
the plugin hands over a page's HTML and URL, and gets it back with its markers replaced."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs_blog_archive.archive import make_slug

if TYPE_CHECKING:
    from mkdocs_blog_archive.archive import Archive, Post
    from mkdocs_blog_archive.plan import Plan
    from mkdocs_blog_archive.render import Entry, Renderer

MARKER = "blog-archive:posts"
"""What every marker holds (`<!--blog-archive:posts-->` too): a page without it is not looked
at further."""
_MARKER = re.compile(r"<!--\s*blog-archive:posts\b(.*?)-->", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
FILTERS = {"category": "categories", "tag": "tags", "author": "authors", "year": "year"}
"""A marker's filters (besides the `archives` fields, named as in front matter) and the kind
of archive each names."""
DEFAULT_LIMIT = 10


@dataclass
class Request:
    """What one marker asks for."""

    text: str
    """The marker as written, for warnings."""
    blog: str | None = None
    limit: int = DEFAULT_LIMIT
    filters: list[tuple[str, str, str]] = field(default_factory=list)
    """(filter, kind, name): the posts must be in each of these archives."""


def parse(marker: str, body: str, fields: tuple[str, ...], warn: Callable[[str], None]) -> Request:
    """A marker's request; an unknown attribute or a bad limit is warned and left out."""
    request = Request(marker.strip())
    for key, double, single in _ATTRIBUTE.findall(body):
        value = html.unescape(double or single).strip()
        if key == "blog":
            request.blog = value.strip("/")
        elif key == "limit":
            if value.isdigit() and int(value) > 0:
                request.limit = int(value)
            else:
                warn(f"limit must be a whole number above 0, got {value!r}")
        elif key in FILTERS or key in fields:
            request.filters.append((key, FILTERS.get(key, key), value))
        else:
            known = ", ".join([*FILTERS, *fields, "blog", "limit"])
            warn(f"unknown filter {key!r} (one of: {known})")
    return request


def select(
    plan: Plan,
    request: Request,
    warn: Callable[[str], None],
    display: Callable[[Archive], str] = lambda archive: archive.name,
) -> list[Post]:
    """The newest posts matching every filter of `request` (the blog index's order: pinned
    first, as there), at most its limit. `display`: an archive's name as readers see it
    (an author's name), which a filter may give too."""
    found = plan.index.posts
    for key, kind, name in request.filters:
        archive = _archive(plan.of_kind(kind), name, display)
        if archive is None:
            warn(f"no {key} {name!r} in the blog")
            return []
        inside = {post.src_uri for post in archive.posts}
        found = [post for post in found if post.src_uri in inside]
    return found[: request.limit]


def _archive(
    archives: list[Archive], name: str, display: Callable[[Archive], str]
) -> Archive | None:
    """The archive named `name`, or whose name has the same slug ("ai" for "AI"), or that
    readers see by that name ("Ann Lee" for the author "ann")."""
    for archive in archives:
        if archive.name == name:
            return archive
    slug = make_slug(name)
    found = next((archive for archive in archives if archive.slug == slug), None)
    return found or next((archive for archive in archives if display(archive) == name), None)


def place(
    content: str,
    page_url: str,
    src_uri: str,
    blog: Blog,
    warn: Callable[[str], None],
) -> str:
    """`content` with each marker this blog answers replaced by its listing (a marker
    naming another blog is left for that blog's instance)."""

    def listing(match: re.Match[str]) -> str:
        def warning(message: str) -> None:
            warn(f"{src_uri}: {match.group(0).strip()}: {message}")

        request = parse(match.group(0), match.group(1), blog.fields, lambda _: None)
        mine = blog.default if request.blog is None else request.blog == blog.name
        if not mine:
            if blog.default and request.blog not in blog.names:
                warning(f"no blog at {request.blog!r} (blog_dir of a blog-archive instance)")
                return ""
            return match.group(0)  # another instance's
        request = parse(match.group(0), match.group(1), blog.fields, warning)  # warned once
        posts = select(blog.plan, request, warning, blog.renderer.display_name)
        entries = [blog.entries[post.src_uri] for post in posts if post.src_uri in blog.entries]
        return blog.renderer.embedded(entries, page_url)

    return _MARKER.sub(listing, content)


@dataclass
class Blog:
    """One plugin instance's blog, as markers see it."""

    name: str
    """Its blog_dir, as `blog=` names it."""
    plan: Plan
    entries: dict[str, Entry]
    renderer: Renderer
    fields: tuple[str, ...] = ()
    default: bool = True
    """The first instance: it answers markers that name no blog (and warns for a `blog=`
    that no instance has)."""
    names: tuple[str, ...] = ()
    """Every instance's blog_dir."""
