"""The HTML the plugin writes: archive pages, the blog index, and back-links, from templates.

Templates live in `templates/blog-archive/` (and `templates/blog-archive/material/`, which
Material for MkDocs uses first); the plugin appends that folder to the theme's folders, so a
theme's `custom_dir` holding `blog-archive/<name>.html` overrides any of them.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup, escape
from mkdocs.plugins import get_plugin_logger

from mkdocs_blog_archive.archive import Archive, Link, Post

log = get_plugin_logger(__name__)

TEMPLATES_DIR = str(Path(__file__).parent / "templates")
_STAND_IN = re.compile("\0ba:([^\0]*)\0")


def _stand_in(name: str) -> Markup:
    """What a template prints in place of the value `name`, replaced afterwards."""
    return Markup(f"\0ba:{name}\0")


_PREFIX_STAND_IN = str(_stand_in("prefix"))
_POSTS_STAND_IN = _stand_in("posts_html")


def _fill(parts: list[str], values: dict[str, str]) -> str:
    """A skeleton split at its stand-ins (`Renderer._skeleton`), each replaced by its value."""
    filled = parts[:]
    for at in range(1, len(filled), 2):
        filled[at] = values[filled[at]]
    return "".join(filled)


def _entry_stand_ins(key: tuple[object, ...]) -> dict[str, Any]:
    """The context of `post-entry.html` for one shape of entry: every value stands in."""
    _, authors, readtime, summary, draft, pinned = key
    entry = Entry(
        title_html=_stand_in("t"),
        url=_stand_in("u"),
        date=_stand_in("d"),
        datetime=_stand_in("i"),
        summary=_stand_in("s") if summary else "",
        readtime=_stand_in("r") if readtime else "",
        draft=bool(draft),
        pinned=bool(pinned),
        authors=tuple(_stand_in(f"a{number}") for number in range(int(authors))),  # type: ignore[call-overload]
    )
    return {"entry": entry, "prefix": _stand_in("prefix")}


LISTING_MARKER = "<!-- blog-archive:listing -->"
"""Where an archive page's listing goes; a user's page may place it anywhere itself."""


_URL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")


def link_sections(
    links: Iterable[Link],
    src_uri: str,
    page_url: str,
    find: Callable[[str], tuple[str, str] | None],
) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """A post's `links` as (section, [(title, href)]) for the links template.

    A URL stays as it is; a path (relative to docs_dir, `#anchor` kept) goes through `find`,
    which gives the page's site-relative URL and HTML title, or None for no such file (then
    the link is left out with a warning naming the post).
    """
    sections: dict[str | None, list[tuple[str, str]]] = {}
    for link in links:
        if _URL.match(link.target):
            title, href = link.title or link.target, link.target
        else:
            path, _, anchor = link.target.partition("#")
            found = find(path.lstrip("./") if path.startswith("./") else path)
            if found is None:
                log.warning(f"{src_uri}: 'links' names {link.target!r}, which is not in docs_dir")
                continue
            url, page_title = found
            href = relative_url(url, page_url) + (f"#{anchor}" if anchor else "")
            title = link.title if link.title is not None else Markup(page_title)
        sections.setdefault(link.section, []).append((title, href))
    return list(sections.items())


def url_prefix(page_url: str) -> str:
    """What turns a site-relative URL into a link from the page at `page_url`."""
    return "../" * page_url.count("/")


def relative_url(target: str, page_url: str) -> str:
    """URL of `target` (site-relative) as seen from a page at `page_url` (site-relative)."""
    return url_prefix(page_url) + target or "./"


@dataclass(slots=True)
class Entry:
    """A post as an archive listing shows it; built once per post, shared by every listing.

    Plain strings and tuples only: on a big blog these live all build long, and the garbage
    collector skips such objects (a `Markup` or a list it would visit again and again).
    """

    title_html: str
    url: str
    date: str
    datetime: str
    summary: str
    readtime: str = ""
    draft: bool = False
    pinned: bool = False
    authors: tuple[str, ...] = ()

    @property
    def title(self) -> Markup:
        """The title, HTML already (templates print `entry.title` as it is)."""
        return Markup(self.title_html)


@dataclass(frozen=True, slots=True)
class CategoryLink:
    """A link to an archive, with its count of posts."""

    name: str
    href: str
    count: int
    count_label: str
    escaped: tuple[str, str, str, str] = ("", "", "", "")
    """The four values above as a template prints them (HTML-escaped), made once."""


class Renderer:
    """Renders the plugin's templates with the site's labels and date format."""

    def __init__(
        self,
        theme_dirs: list[str],
        labels: dict[str, str],
        format_date: Callable[[dt.datetime], str],
        format_month: Callable[[int, int], str],
        format_count: Callable[[int], str],
        flavor: str = "",
    ) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(theme_dirs),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        self.labels = labels
        """Every label, in the site's language (`i18n.resolve_labels`)."""
        self.count_label = format_count
        """`count_label(21)` is "21 posts", in the site's language."""
        self.format_date = format_date
        """`format_date(date)`: the date as the site shows it (`dates.date_formatter`)."""
        self._format_month = format_month
        self._templates: dict[str, jinja2.Template] = {}
        self.flavor = flavor
        """A theme with templates of its own (`material`): `blog-archive/<flavor>/<name>` is
        used where it exists, `blog-archive/<name>` elsewhere."""
        self.env.globals["blog_archive_template"] = self.template_names
        self.env.globals["blog_archive_icon"] = self.icon
        self._icons: dict[str, Markup] = {}
        self.authors: dict[str, dict[str, str]] = {}
        """Authors by id, from the authors file."""
        self._skeletons: dict[tuple[object, ...], list[str]] = {}
        self._entries_html: dict[int, tuple[str, ...]] = {}
        self._links: dict[tuple[int, str], CategoryLink] = {}

    def render(self, name: str, **context: Any) -> str:
        return self._template(name).render(labels=self.labels, **context).strip()

    def _template(self, name: str) -> jinja2.Template:
        """The template `name` in use (the theme's flavor first), loaded once per build."""
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.select_template(self.template_names(name))
        return template

    def template_names(self, name: str) -> list[str]:
        """Where the template `name` is looked for, first found first; templates include
        each other through this too, as `{% include blog_archive_template("name.html") %}`."""
        names = [f"blog-archive/{self.flavor}/{name}"] if self.flavor else []
        return [*names, f"blog-archive/{name}"]

    def icon(self, name: str) -> Markup:
        """The theme's icon `name` (`material/calendar`: `.icons/material/calendar.svg` in
        Material's templates), read once per build; empty where the theme has none."""
        svg = self._icons.get(name)
        if svg is None:
            try:
                source = self.env.loader.get_source(self.env, f".icons/{name}.svg")[0]  # type: ignore[union-attr]
            except jinja2.TemplateNotFound:
                source = ""
            # A size of its own, for pages shown without our stylesheet (which sizes it).
            source = source.strip().replace("<svg ", '<svg width="16" height="16" ', 1)
            svg = self._icons[name] = Markup(source)
        return svg

    def author_name(self, key: str) -> str:
        return self.authors.get(key, {}).get("name", key)

    def heading(self, archive: Archive) -> str:
        """The archive page's heading, as plain text."""
        if archive.kind == "index":
            return self.labels["blog"]
        if archive.kind == "tags-index":
            return self.labels["tags"]
        if archive.kind == "authors":
            return self.labels["author_heading"].format(name=self.author_name(archive.name))
        if archive.kind == "year":
            return self.labels["year_heading"].format(name=archive.name)
        if archive.kind == "month":
            year, month = (int(part) for part in archive.name.split("-"))
            return self.labels["month_heading"].format(name=self._format_month(year, month))
        heading = {
            "categories": self.labels["category_heading"],
            "tags": self.labels["tag_heading"],
        }.get(archive.kind, self.labels["field_heading"])
        return heading.format(name=archive.name, field=archive.kind.capitalize())

    def heading_html(self, archive: Archive, page: int = 1) -> str:
        """The heading (with the page number after the first page), HTML-escaped, as MkDocs
        keeps page titles."""
        heading = self.heading(archive)
        if page > 1:
            heading = self.labels["page_title"].format(name=heading, count=page)
        return html.escape(heading)

    def page_markdown(self, archive: Archive) -> str:
        """Markdown source of a generated archive page: its heading and the listing marker.

        The heading is raw HTML so that no Markdown syntax in a category name is interpreted.
        """
        heading = self.heading_html(archive)
        return f'<h1 class="blog-archive-heading">{heading}</h1>\n\n{LISTING_MARKER}\n'

    def standalone_markdown(self, archive: Archive, page: int, back_link: str, listing: str) -> str:
        """An archive page for a generator that runs no plugins (`write-pages`): its title in
        front matter, then the back-link, heading and listing as raw HTML blocks."""
        heading = self.heading_html(archive, page)
        front = yaml.safe_dump({"title": html.unescape(heading)}, allow_unicode=True, width=1000)
        parts = [back_link, f'<h1 class="blog-archive-heading">{heading}</h1>', listing]
        return f"---\n{front}---\n\n" + "\n\n".join(part for part in parts if part) + "\n"

    def entry(self, post: Post) -> Entry:
        return Entry(
            title_html=post.title,
            url=post.url,
            date=self.format_date(post.date),
            datetime=post.date.isoformat(),
            summary=post.summary,
            readtime=self.readtime_label(post),
            authors=tuple(self.author_name(key) for key in post.authors),
            draft=post.draft,
            pinned=post.pinned,
        )

    def readtime_label(self, post: Post) -> str:
        if post.readtime is None:
            return ""
        return self.labels["min_read"].format(count=post.readtime)

    def category_links(self, archives: Iterable[Archive], page_url: str) -> list[CategoryLink]:
        """Links from the page at `page_url` to these archives (of any kind), with counts.

        Made once per archive and link depth: thousands of posts link to the same few.
        """
        prefix = url_prefix(page_url)
        links = []
        for archive in archives:
            key = (id(archive), prefix)  # archives live as long as this build's Renderer
            link = self._links.get(key)
            if link is None:
                count = len(archive.posts)
                href = prefix + archive.url or "./"
                name = self.author_name(archive.name) if archive.kind == "authors" else archive.name
                label = self.count_label(count)
                escaped = (escape(name), escape(href), str(count), escape(label))
                link = self._links[key] = CategoryLink(name, href, count, label, escaped)
            links.append(link)
        return links

    def listing(
        self,
        archive: Archive,
        page_url: str,
        entries: dict[str, Entry],
        feeds: list[tuple[str, str]],
        categories: list[CategoryLink] | None = None,
        limit: int = 0,
        tags_href: str | None = None,
        years: list[CategoryLink] | None = None,
        page: int = 1,
        per_page: int = 0,
    ) -> list[str]:
        """The listing of an archive page: count, (on the index) categories, then posts; in
        parts, to be joined where the page is put together, so that the posts (megabytes on a
        big blog) are copied into the page once.

        `feeds` are (label, link) pairs of the archive's feeds.
        """
        posts = archive.posts[:limit] if limit else archive.posts
        prefix = url_prefix(page_url)
        pages: list[tuple[int, str]] = []
        if per_page:
            posts = archive.posts[(page - 1) * per_page : page * per_page]
            pages = [
                (number, relative_url(url, page_url))
                for number, url in enumerate(archive.page_urls, start=1)
            ]
        listed = [entries[post.src_uri] for post in posts]
        context = {
            "page": page,
            "pages": pages,
            "archive": archive,
            "feeds": feeds,
            "count": len(archive.posts),
            "count_label": self.count_label(len(archive.posts)),
            "categories": categories or [],
            "tags_href": tags_href,
            "years": years or [],
            "author": self.authors.get(archive.name) if archive.kind == "authors" else None,
            "entries": listed,
            "prefix": prefix,
        }
        name = "index.html" if archive.kind == "index" else "category.html"
        # The posts (megabytes on a big blog) stand in while the template renders, and go
        # in once, where the page is put together (`fill.place_listing`).
        html = self.render(name, **context, posts_html=_POSTS_STAND_IN)
        if html.count(_POSTS_STAND_IN) == 1:
            head, _, tail = html.partition(_POSTS_STAND_IN)
            return [head, self.entries_html(listed, prefix), tail]
        # A template of the site's own that loops over `entries`, or changes `posts_html`.
        posts_html = Markup(self.entries_html(listed, prefix))
        return [self.render(name, **context, posts_html=posts_html)]

    def entries_html(self, entries: list[Entry], prefix: str) -> str:
        """Posts as listings show them (`post-entry.html`), seen from a page whose links to
        site-relative URLs start with `prefix`.

        Our template is rendered once per shape (authors, reading time, summary, draft) with
        stand-ins, filled once per post and kept split where the prefix goes, so that each
        listing only joins the pieces with its prefix. (Replacing a stand-in in a whole
        listing of megabytes was 20 times slower.) A site's own template is rendered per post
        and prefix.
        """
        parts = []
        made = self._entries_html
        for entry in entries:
            pieces = made.get(id(entry))  # entries live as long as this Renderer: id() is theirs
            if pieces is None:
                html = self._entry_html(entry)
                pieces = made[id(entry)] = tuple(html.split(_PREFIX_STAND_IN)) if html else ()
            if pieces:
                parts.append(prefix.join(pieces))
            else:
                parts.append(self.render("post-entry.html", entry=entry, prefix=prefix))
        return "\n".join(parts)

    def _entry_html(self, entry: Entry) -> str:
        """`post-entry.html` for `entry` with the prefix still standing in; "" for a
        template that is not ours."""
        key = (
            "post-entry.html",
            len(entry.authors),
            bool(entry.readtime),
            bool(entry.summary),
            entry.draft,
            entry.pinned,
        )
        skeleton = self._skeleton(key, partial(_entry_stand_ins, key))
        if not skeleton:
            return ""
        values = {
            "prefix": _PREFIX_STAND_IN,
            "t": entry.title_html,
            "u": escape(entry.url),
            "d": escape(entry.date),
            "i": escape(entry.datetime),
            "s": escape(entry.summary),
            "r": escape(entry.readtime),
        }
        for number, name in enumerate(entry.authors):
            values[f"a{number}"] = escape(name)
        return _fill(skeleton, values)

    def tags_index(self, tags: list[CategoryLink]) -> list[str]:
        """The list of every tag with its count; `level` (1-5) sizes a tag cloud."""
        most = max((tag.count for tag in tags), default=1)
        levels = [1 + round(4 * (tag.count - 1) / max(most - 1, 1)) for tag in tags]
        return [self.render("tags.html", tags=list(zip(tags, levels, strict=True)))]

    def post_nav(
        self,
        page_url: str,
        previous: Entry | None,
        next: Entry | None,
        related: list[Entry],
        links: list[tuple[str | None, list[tuple[str, str]]]],
    ) -> str:
        """The bottom of a post: the older and the newer post, its links, related posts.

        Like `post_links`, rendered once per shape (previous or not, next or not, how many
        related posts) with stand-ins; a post with `links` is rendered whole.
        """
        prefix = url_prefix(page_url)
        key = ("post-nav.html", previous is not None, next is not None, len(related))
        skeleton = [] if links else self._skeleton(key, lambda: self._post_nav_stand_ins(key))
        if not skeleton:
            return self.render(
                "post-nav.html",
                prefix=prefix,
                previous=previous,
                next=next,
                related=related,
                links=links,
            )
        values = {"prefix": prefix}
        for at, entry in (
            ("p", previous),
            ("x", next),
            *((f"r{n}", e) for n, e in enumerate(related)),
        ):
            if entry is not None:
                values[at + "t"] = entry.title_html
                values[at + "u"] = escape(entry.url)
                values[at + "d"] = escape(entry.date)
                values[at + "i"] = escape(entry.datetime)
        return _fill(skeleton, values)

    @staticmethod
    def _post_nav_stand_ins(key: tuple[object, ...]) -> dict[str, Any]:
        _, previous, next, related = key

        def entry(at: str) -> Entry:
            return Entry(
                title_html=_stand_in(at + "t"),
                url=_stand_in(at + "u"),
                date=_stand_in(at + "d"),
                datetime=_stand_in(at + "i"),
                summary="",
            )

        return {
            "prefix": _stand_in("prefix"),
            "previous": entry("p") if previous else None,
            "next": entry("x") if next else None,
            "related": [entry(f"r{n}") for n in range(int(related))],  # type: ignore[call-overload]
            "links": [],
        }

    def back_link(self, blog_url: str, page_url: str) -> str:
        return self.render("back-link.html", href=relative_url(blog_url, page_url))

    def post_links(
        self,
        post: Post,
        blog_url: str,
        page_url: str,
        categories: list[CategoryLink],
        tags: list[CategoryLink],
        authors: list[CategoryLink],
        placement: str,
    ) -> str:
        """The back-link block of a post.

        This block is on every post, so our own template is rendered only once per shape
        (how many categories, tags and authors; reading time or not; draft or not) with
        stand-ins for every value, which are then replaced, escaped, for each post: a dict
        lookup per value instead of a Jinja render per post. A template of the site's own
        (`custom_dir`) may do anything with the values, so it is rendered for each post.
        """
        readtime = self.readtime_label(post)
        context = {
            "placement": placement,
            "blog_href": relative_url(blog_url, page_url),
            "date": self.format_date(post.date),
            "datetime": post.date.isoformat(),
            "categories": categories,
            "tags": tags,
            "authors": authors,
            "readtime": readtime,
            "draft": post.draft,
        }
        key = (
            "post-links.html",
            placement,
            len(categories),
            len(tags),
            len(authors),
            bool(readtime),
            post.draft,
        )
        skeleton = self._skeleton(key, lambda: self._post_links_stand_ins(key))
        if not skeleton:
            return self.render("post-links.html", **context)
        values: dict[str, str] = {
            name: escape(value) for name, value in context.items() if isinstance(value, str)
        }
        for group, links in (("c", categories), ("t", tags), ("a", authors)):
            for number, link in enumerate(links):
                at = f"{group}{number}"
                escaped_name, escaped_href, count, label = link.escaped
                values[at + "n"] = escaped_name
                values[at + "h"] = escaped_href
                values[at + "c"] = count
                values[at + "l"] = label
        return _fill(skeleton, values)

    def _skeleton(
        self, key: tuple[object, ...], stand_ins: Callable[[], dict[str, Any]]
    ) -> list[str]:
        """The template `key[0]` rendered once for one shape (`key`), with stand-ins for its
        values (`stand_ins()` makes the context), split at them: text, name, text, …, text
        (for `_fill`). [] for a template that is not ours (a site's own may do anything with
        the values), or one that changed a stand-in (a filter)."""
        parts = self._skeletons.get(key)
        if parts is None:
            name = str(key[0])
            parts = []
            if self._ours(name):
                skeleton = self.render(name, **stand_ins())
                if "\0" not in _STAND_IN.sub("", skeleton):
                    parts = _STAND_IN.split(skeleton)
            self._skeletons[key] = parts
        return parts

    def _ours(self, name: str) -> bool:
        """Whether the template `name` in use is the plugin's own (not a `custom_dir` one)."""
        return (self._template(name).filename or "").startswith(TEMPLATES_DIR)

    @staticmethod
    def _post_links_stand_ins(key: tuple[object, ...]) -> dict[str, Any]:
        _, placement, categories, tags, authors, readtime, draft = key

        def stand_ins(group: str, count: object) -> list[CategoryLink]:
            return [
                CategoryLink(
                    name=_stand_in(f"{group}{n}n"),
                    href=_stand_in(f"{group}{n}h"),
                    count=_stand_in(f"{group}{n}c"),  # type: ignore[arg-type]
                    count_label=_stand_in(f"{group}{n}l"),
                )
                for n in range(int(count))  # type: ignore[call-overload]
            ]

        return {
            "placement": placement,
            "blog_href": _stand_in("blog_href"),
            "date": _stand_in("date"),
            "datetime": _stand_in("datetime"),
            "categories": stand_ins("c", categories),
            "tags": stand_ins("t", tags),
            "authors": stand_ins("a", authors),
            "readtime": _stand_in("readtime") if readtime else "",
            "draft": draft,
        }
