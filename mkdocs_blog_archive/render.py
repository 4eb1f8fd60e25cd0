"""The HTML the plugin writes, from templates: archive listings, headings, and the blocks
each post gets. Pure functions of the plan and the posts; MkDocs' pages are not touched here.

Templates live in `templates/blog-archive/` (and `templates/blog-archive/material/`, which
Material for MkDocs uses first); the plugin appends that folder to the theme's folders, so a
theme's `custom_dir` holding `blog-archive/<name>.html` overrides any of them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from mkdocs_blog_archive.archive import Archive, ArchivePage, Link, Post, make_slug
from mkdocs_blog_archive.stencil import LATE, Filled, Slots, Stencils, stand_in

TEMPLATES_DIR = str(Path(__file__).parent / "templates")
LISTING_MARKER = "<!-- blog-archive:listing -->"
"""Where an archive page's listing goes; a user's page may place it anywhere itself."""

_POSTS_STAND_IN = stand_in("posts_html")
SECTION_IDS = {"categories": "blog-categories", "archive": "blog-archive", "tags": "blog-tags"}
"""The ids of the blog index's sections (`index.html`), which its table of contents links."""
Block = Filled | str
"""A post's block: its HTML is `str(block)`."""
_URL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")
_INCLUDES = re.compile(
    r"""blog_archive_template\(\s*["']([^"']+)["']\s*\)|["']blog-archive/([^"']+)["']"""
)


def _site_url(url: str) -> str:
    """An image URL from the authors file: absolute as it is, else site-relative after
    `LATE` (where the listing's prefix goes)."""
    return url if "://" in url or url.startswith(("/", "data:")) else str(LATE) + url


def url_prefix(page_url: str) -> str:
    """What turns a site-relative URL into a link from the page at `page_url`."""
    return "../" * page_url.count("/")


def relative_url(target: str, page_url: str) -> str:
    """URL of `target` (site-relative) as seen from a page at `page_url` (site-relative)."""
    return url_prefix(page_url) + target or "./"


def link_sections(
    links: Iterable[Link],
    src_uri: str,
    page_url: str,
    find: Callable[[str], tuple[str, str] | None],
    warn: Callable[[str], None],
) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """A post's `links` as (section, [(title, href)]) for the links template.

    A URL stays as it is; a path (relative to docs_dir, `#anchor` kept) goes through `find`,
    which gives the page's site-relative URL and HTML title, or None for no such file (then
    the link is left out, and `warn` says so naming the post).
    """
    sections: dict[str | None, list[tuple[str, str]]] = {}
    for link in links:
        if _URL.match(link.target):
            title, href = link.title or link.target, link.target
        else:
            path, _, anchor = link.target.partition("#")
            found = find(path.lstrip("./") if path.startswith("./") else path)
            if found is None:
                warn(f"{src_uri}: 'links' names {link.target!r}, which is not in docs_dir")
                continue
            url, page_title = found
            href = relative_url(url, page_url) + (f"#{anchor}" if anchor else "")
            title = link.title if link.title is not None else Markup(page_title)
        sections.setdefault(link.section, []).append((title, href))
    return list(sections.items())


@dataclass(slots=True)
class Entry:
    """A post as listings and previous/next links show it; made once per post.

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
    updated: str = ""
    """With `updated_in_listings`, the updated date as shown; `updated_datetime` in ISO."""
    updated_datetime: str = ""
    authors: tuple[str, ...] = ()
    excerpt_html: str = ""
    """With `excerpts`: the post's rendered excerpt; site-relative links after `LATE`."""
    more: bool = False
    """The post goes on after its excerpt."""
    avatars: tuple[tuple[str, str], ...] = ()
    """With `excerpts`: (image URL, name) of the first authors with an avatar."""
    categories: tuple[tuple[str, str], ...] = ()
    """With `excerpts`: (name, URL) of the post's first categories."""
    image: str = ""
    """Its cover image (site-relative after `LATE`, or absolute); `image_alt` its text."""
    image_alt: str = ""
    anchor: str = ""
    """The id of its heading in listings (a listing's table of contents may link it)."""

    @property
    def title(self) -> Markup:
        """The title, HTML already (templates print `entry.title` as it is)."""
        return Markup(self.title_html)

    @property
    def excerpt(self) -> Markup:
        return Markup(self.excerpt_html)


@dataclass(frozen=True, slots=True)
class NavEntry:
    """A post as our previous/next and related links show it: the four fields they print.
    (The stencil works out a context's shape field by field: with whole entries, three or
    more a post, `on_env` took 5.6 s at 10,000 posts; with these, 3.5 s; one timed run each.)"""

    title_html: str
    url: str
    date: str
    datetime: str

    @property
    def title(self) -> Markup:
        return Markup(self.title_html)


@dataclass(frozen=True, slots=True)
class CategoryLink:
    """A link to an archive, with its count of posts."""

    name: str
    href: str
    count: int
    count_label: str


@dataclass(frozen=True, slots=True)
class AuthorCard:
    """A post's author as the post's head shows them (Material's author card)."""

    name: str
    href: str
    avatar: str
    description: str


@dataclass(frozen=True, slots=True)
class FieldLinks:
    """A post's names in one `archives` field ("Series: Making it fast"), linked."""

    label: str
    links: list[CategoryLink]


@dataclass(frozen=True)
class Look:
    """How listings look, beyond their templates: how many authors and categories an excerpt
    names (Material's `post_excerpt_max_authors`, `…_max_categories`), how many pages around
    the current one the pager links (`pagination_format: "~2~"`; 0: all), and whether a
    single page gets a pager (`pagination_if_single_page`)."""

    max_authors: int = 1
    max_categories: int = 5
    pager_window: int = 0
    pager_single: bool = False
    updated: bool = False
    """Entries show the post's updated date (`updated_in_listings`)."""
    by_updated: bool = False
    """Posts are listed newest first by their updated date (`order_by: updated`)."""
    post_image: bool = True
    """A post with a cover image shows it at its top (`post_image`)."""


def pager_pages(numbers: int, current: int, window: int) -> list[int]:
    """The page numbers a pager links, 0 for a gap: all, or with a `window`, the first, the
    last and `window` on each side of the current one (as Material's pager shows them)."""
    if not window or numbers <= 2 * window + 3:
        return list(range(1, numbers + 1))
    low, high = max(1, current - window), min(numbers, current + window)
    shown = [1] * (low > 1) + [0] * (low > 2) + list(range(low, high + 1))
    return shown + [0] * (high < numbers - 1) + [numbers] * (high < numbers)


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
        look: Look = Look(),
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
        self.anchors = False
        """Entries get ids (`Entry.anchor`): some listing's table of contents links them."""
        self.category_urls: dict[str, str] = {}
        """Category pages' URLs by name, once planned (for excerpts' meta lines)."""
        self.look = look
        self.stencils = Stencils(self.render, self.ours, shared=(CategoryLink, NavEntry))
        self._entries_html: dict[int, Slots | None] = {}
        self._links: dict[tuple[int, str], CategoryLink] = {}
        self._without: dict[tuple[int, str], Entry] = {}
        self._pairs: dict[str, tuple[str, str]] = {}
        self._nav: dict[int, NavEntry] = {}
        self._ours: dict[str, bool] = {}

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

    def ours(self, name: str) -> bool:
        """Whether the template `name` in use, and each it includes, is the plugin's own
        (not a `custom_dir` one, which `Stencils` must not fill)."""
        found = self._ours.get(name)
        if found is None:
            self._ours[name] = True  # a template that includes itself ends here
            template = self._template(name)
            source = Path(template.filename or "")
            found = str(source).startswith(TEMPLATES_DIR)
            if found:
                included = _INCLUDES.findall(source.read_text(encoding="utf-8"))
                found = all(self.ours(a or b) for a, b in included if (a or b) != name)
            self._ours[name] = found
        return found

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
            # Decorative (the text beside it says what it means): hidden from screen readers.
            source = source.strip().replace(
                "<svg ", '<svg width="16" height="16" aria-hidden="true" focusable="false" ', 1
            )
            svg = self._icons[name] = Markup(source)
        return svg

    def author_name(self, key: str) -> str:
        return self.authors.get(key, {}).get("name", key)

    def display_name(self, archive: Archive) -> str:
        """An archive's name as readers see it: an author's name, a month in words."""
        if archive.kind.display == "author":
            return self.author_name(archive.name)
        if archive.kind.display == "month":
            year, month = (int(part) for part in archive.name.split("-"))
            return self._format_month(year, month)
        return archive.name

    def heading(self, archive: Archive) -> str:
        """The archive page's heading, as plain text."""
        label = self.labels[archive.kind.heading]
        return label.format(name=self.display_name(archive), field=archive.kind.field_label)

    def heading_html(self, archive: Archive, page: int = 1) -> str:
        """The heading (with the page number after the first page), HTML-escaped, as MkDocs
        keeps page titles."""
        heading = self.heading(archive)
        if page > 1:
            heading = self.labels["page_title"].format(name=heading, count=page)
        return html.escape(heading)

    def title_html(self, archive: Archive, page: int = 1) -> str:
        """The page's title (nav, browser tab): the heading, or the bare name for kinds
        `titled_by_name`; with its page number after the first page; HTML-escaped."""
        if not archive.kind.titled_by_name:
            return self.heading_html(archive, page)
        title = self.display_name(archive)
        if page > 1:
            title = self.labels["page_title"].format(name=title, count=page)
        return html.escape(title)

    def page_markdown(self, archive: Archive, page: int = 1) -> str:
        """Markdown source of a generated archive page: its heading (with its page number
        after the first page) and the listing marker.

        The heading is raw HTML so that no Markdown syntax in a category name is interpreted.
        """
        return f"{self.heading_tag(archive, page)}\n\n{LISTING_MARKER}\n"

    @staticmethod
    def heading_id(archive: Archive) -> str:
        return f"{archive.kind.name}-heading"

    def heading_tag(self, archive: Archive, page: int = 1) -> str:
        """The h1 of a generated archive page, with an id (one of its kind's)."""
        heading = self.heading_html(archive, page)
        return f'<h1 class="blog-archive-heading" id="{self.heading_id(archive)}">{heading}</h1>'

    def standalone_markdown(self, archive: Archive, page: int, back_link: str, listing: str) -> str:
        """An archive page for a generator that runs no plugins (`write-pages`): its title in
        front matter, then the back-link, heading and listing as raw HTML blocks."""
        front = yaml.safe_dump(
            {"title": html.unescape(self.title_html(archive, page))}, allow_unicode=True, width=1000
        )
        parts = [back_link, self.heading_tag(archive, page), listing]
        return f"---\n{front}---\n\n" + "\n\n".join(part for part in parts if part) + "\n"

    def entry(self, post: Post) -> Entry:
        # Material's meta line (avatars, categories): site-relative URLs after LATE.
        authors, most = post.authors[: self.look.max_authors], self.look.max_categories
        infos = [self.authors.get(key, {}) for key in authors]
        avatars = tuple(
            (_site_url(info["avatar"]), info.get("name", "")) for info in infos if "avatar" in info
        )
        categories = tuple(
            self._category_pair(name)
            for name in post.categories[:most]
            if name in self.category_urls
        )
        updated = post.updated if self.look.updated else None
        cover = post.cover
        image = "" if cover is None else cover.url if cover.absolute else str(LATE) + cover.url
        return Entry(
            image=image,
            image_alt=cover.alt if cover is not None else "",
            updated=self.format_date(updated) if updated else "",
            updated_datetime=updated.isoformat() if updated else "",
            title_html=post.title,
            url=post.url,
            date=self.format_date(post.date),
            datetime=post.date.isoformat(),
            summary=post.summary,
            readtime=self.readtime_label(post),
            authors=tuple(self.author_name(key) for key in post.authors),
            draft=post.draft,
            pinned=post.pinned,
            excerpt_html=post.excerpt_html,
            more=post.more,
            avatars=avatars,
            categories=categories,
            anchor=make_slug(post.url),
        )

    def nav_entry(self, entry: Entry | None) -> Any:
        """`entry` as our post-nav shows it: one per post while the posts' bottoms are made,
        so that the stencil works out its shape once (`Stencils` `shared`), not at each of
        the ~5 posts that link it (post-nav fills at 10,000 posts: 0.41 s, now 0.09 to 0.11 s;
        timed runs)."""
        if entry is None:
            return None
        found = self._nav.get(id(entry))  # entries live as long as this Renderer
        if found is None:
            found = self._nav[id(entry)] = NavEntry(
                entry.title_html, entry.url, entry.date, entry.datetime
            )
        return found

    def forget_nav_entries(self) -> None:
        """Let go of the posts' `NavEntry`s once the bottoms are made (kept all build long,
        they were 0.13 MB at 1,000 posts, by tracemalloc)."""
        self._nav.clear()
        self.stencils.forget(NavEntry)

    def forget_entries(self) -> None:
        """Drop what was made of this build's entries (kept by `id()`), before new ones."""
        self._entries_html.clear()
        self.forget_nav_entries()
        self._without.clear()
        self._pairs.clear()

    def _category_pair(self, name: str) -> tuple[str, str]:
        """(name, site-relative URL after LATE) of a category: one pair, shared by its posts'
        entries (a pair a post was 0.29 MB at 1,000 posts, by tracemalloc)."""
        pair = self._pairs.get(name)
        if pair is None:
            pair = self._pairs[name] = (name, str(LATE) + self.category_urls[name])
        return pair

    def without_author(self, entry: Entry, name: str) -> Entry:
        """`entry` as an author's page lists it: without that author (who heads the page).
        Made once per post and author; kept, as entries are, for this build."""
        key = (id(entry), name)
        found = self._without.get(key)
        if found is None:
            found = self._without[key] = dataclasses.replace(
                entry,
                authors=tuple(author for author in entry.authors if author != name),
                avatars=tuple(avatar for avatar in entry.avatars if avatar[1] != name),
            )
        return found

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
                link = CategoryLink(
                    self.display_name(archive), href, count, self.count_label(count)
                )
                self._links[key] = link
            links.append(link)
        return links

    def listing(
        self,
        page: ArchivePage,
        page_url: str,
        entries: dict[str, Entry],
        feeds: list[tuple[str, str]],
        **extra: Any,
    ) -> list[str]:
        """The listing of an archive page, in parts to be joined where the page is put
        together, so that the posts (megabytes on a big blog) are copied into the page once.

        `feeds` are (label, link) pairs of the archive's feeds; `extra` goes to the template
        (the blog index's `categories`, `years`, `tags` and `tags_href`; a year's `months`;
        the tags index's `tags`).
        """
        archive = page.archive
        listed = [entries[post.src_uri] for post in archive.posts[page.start : page.stop]]
        author = None
        if archive.kind.display == "author" and archive.name in self.authors:
            author = dict(self.authors[archive.name])
            if author.get("avatar"):  # a site-relative path, linked from this page
                author["avatar"] = self.image_url(author["avatar"], page_url)
        if archive.kind.display == "author":
            name = self.author_name(archive.name)
            listed = [self.without_author(entry, name) for entry in listed]
        count, look = len(archive.pages), self.look

        def link(number: int) -> str:  # "" for a gap, before the first, after the last
            ok = 0 < number <= count
            return relative_url(archive.pages[number - 1].url, page_url) if ok else ""

        pages: list[tuple[int, str]] = []
        if count > 1 or (look.pager_single and archive.kind.paginate):
            pages = [(n, link(n)) for n in pager_pages(count, page.number, look.pager_window)]
        near = [link(page.number - 1), link(page.number + 1)]
        context = {
            "page": page.number,
            "pages": pages,
            "page_count": count,
            "previous_href": near[0],
            "next_href": near[1],
            "archive": archive,
            "feeds": feeds,
            "count": len(archive.posts),
            "count_label": self.count_label(len(archive.posts)),
            "categories": [],
            "tags": [],
            "tags_href": None,
            "years": [],
            "months": [],
            "ids": SECTION_IDS,
            "chip": "md-tag" if self.flavor == "material" else "",
            "author": author,
            "entries": listed,
            "prefix": url_prefix(page_url),
            **extra,
        }
        name = archive.kind.template
        html = self.render(name, **context, posts_html=_POSTS_STAND_IN)
        if _POSTS_STAND_IN not in html:
            return [html]  # a page of links (the tags index), or a template of the site's own
        if html.count(_POSTS_STAND_IN) == 1:
            head, _, tail = html.partition(_POSTS_STAND_IN)
            return [head, *self.entries_pieces(listed, context["prefix"]), tail]
        # A template of the site's own that prints `posts_html` more than once.
        posts_html = Markup(self.entries_html(listed, context["prefix"]))
        return [self.render(name, **context, posts_html=posts_html)]

    def entries_html(self, entries: list[Entry], prefix: str) -> str:
        """Posts as listings show them (`post-entry.html`), seen from a page whose links to
        site-relative URLs start with `prefix`."""
        return "".join(self.entries_pieces(entries, prefix))

    def entries_pieces(self, entries: list[Entry], prefix: str) -> list[str]:
        """`entries_html` in pieces, for the page's own join to copy them once.

        Each entry is filled once (`Stencils`) with the prefix left in (`LATE`) and kept as
        filled: the shared skeleton and references to the entry's own strings, ~200 bytes,
        where its HTML is ~1.5 KB. A listing puts its prefix in each skeleton's text once and
        in the few values that hold it (category links, images, excerpts). The prefix is
        `../` repeated (`url_prefix`), which HTML-escaping leaves as it is.
        """
        pieces: list[str] = []
        made, stencils = self._entries_html, self.stencils
        parts: dict[int, list[str]] = {}  # each skeleton's text with this prefix
        for entry in entries:
            key = id(entry)  # entries live as long as this Renderer: id() is theirs
            if key not in made:
                filled = stencils.fill("post-entry.html", {"prefix": LATE}, {"entry": entry})
                made[key] = None if filled is None else stencils.slots(filled)
            slots = made[key]
            if slots is not None:
                stencils.extend_late(pieces, slots, prefix, parts)
            else:  # LATE also stands in excerpts for the prefix
                html = self.render("post-entry.html", entry=entry, prefix=LATE)
                pieces.append(html.replace(LATE, prefix))
            pieces.append("\n")
        return pieces[:-1]

    def series_box(
        self, name: str, href: str | None, parts: list[Entry], current: int, page_url: str
    ) -> str:
        """A post's series box: its part (`current`, from 0) of `parts` (oldest first), each
        linked from the post at `page_url`; `href`, the series' archive page, if it has one."""
        before, _, after = self.labels["series_part"].partition("{name}")
        numbers = {"number": current + 1, "count": len(parts)}
        return self.render(
            "series.html",
            series=name,
            href=relative_url(href, page_url) if href is not None else None,
            before=before.format(**numbers),
            after=after.format(**numbers),
            parts=parts,
            current=current,
            prefix=url_prefix(page_url),
        )

    def embedded(self, entries: list[Entry], page_url: str) -> str:
        """A listing on a page of the site's own (`embed`): these entries, linked from it."""
        if not entries:
            return ""
        prefix = url_prefix(page_url)
        posts_html = Markup(self.entries_html(entries, prefix))
        return self.render("embedded.html", posts_html=posts_html, entries=entries, prefix=prefix)

    def tags_index(self, tags: list[CategoryLink]) -> list[tuple[CategoryLink, int]]:
        """Every tag with its level (1-5) in a tag cloud, growing with its count."""
        most = max((tag.count for tag in tags), default=1)
        levels = [1 + round(4 * (tag.count - 1) / max(most - 1, 1)) for tag in tags]
        return list(zip(tags, levels, strict=True))

    def post_nav(
        self,
        page_url: str,
        previous: Entry | None,
        next: Entry | None,
        related: list[Entry],
        links: list[tuple[str | None, list[tuple[str, str]]]],
    ) -> Block:
        """The bottom of a post: the older and the newer post, its links, related posts
        (our template gets each post's `NavEntry`; a site's own, whole entries)."""
        if self.ours("post-nav.html"):
            previous, next = self.nav_entry(previous), self.nav_entry(next)
            related = [self.nav_entry(entry) for entry in related]
        return self._fill(
            "post-nav.html",
            {},
            {
                "prefix": url_prefix(page_url),
                "previous": previous,
                "next": next,
                "related": related,
                "links": links,
            },
        )

    def back_link(self, blog_url: str, page_url: str) -> str:
        return self.render("back-link.html", href=relative_url(blog_url, page_url))

    def post_links(
        self,
        post: Post,
        blog_url: str,
        page_url: str,
        links: dict[str, list[CategoryLink]],
        placement: str,
        fields: list[FieldLinks] | None = None,
    ) -> Block:
        """The back-link block of a post: back to the blog, its dates, reading time and its
        archives (`links`, by kind: `categories`, `tags`, `authors`; `fields`: the `archives`
        fields'), and a card per author (Material's layout shows them)."""
        updated = post.updated if post.updated and post.updated > post.date else None
        return self._fill(
            "post-links.html",
            {"placement": placement, "draft": post.draft},
            {
                "blog_href": relative_url(blog_url, page_url),
                "date": self.format_date(post.date),
                "datetime": post.date.isoformat(),
                "updated": self.format_date(updated) if updated else "",
                "updated_datetime": updated.isoformat() if updated else "",
                "readtime": self.readtime_label(post),
                "cards": self.author_cards(post, links.get("authors", []), page_url),
                "cover": self.cover_url(post, page_url) if self.look.post_image else "",
                "cover_alt": post.cover.alt if post.cover is not None else "",
                "fields": fields or [],
                **links,
            },
        )

    @staticmethod
    def cover_url(post: Post, page_url: str) -> str:
        """The post's cover image linked from the page at `page_url` ("" without one)."""
        cover = post.cover
        if cover is None:
            return ""
        return cover.url if cover.absolute else relative_url(cover.url, page_url)

    @staticmethod
    def image_url(url: str, page_url: str) -> str:
        """An image of the authors file (absolute, or a site-relative path) from a page."""
        found = _site_url(url)
        return url_prefix(page_url) + found.removeprefix(LATE) if found.startswith(LATE) else found

    def author_cards(
        self, post: Post, links: list[CategoryLink], page_url: str
    ) -> list[AuthorCard]:
        """A card for each of the post's authors in the authors file, linked to their page."""
        cards = []
        for key, link in zip(post.authors, links, strict=False):
            info = self.authors.get(key)
            if info is not None:
                avatar = self.image_url(info["avatar"], page_url) if info.get("avatar") else ""
                cards.append(AuthorCard(link.name, link.href, avatar, info.get("description", "")))
        return cards

    def html(self, block: Block) -> str:
        """The HTML of a block (`post_links`, `post_nav`)."""
        return block if isinstance(block, str) else self.stencils.html(block)

    def _fill(self, name: str, literal: dict[str, Any], values: dict[str, Any]) -> Block:
        """`name` from its skeleton for this shape (`Stencils`), else rendered."""
        filled = self.stencils.fill(name, literal, values)
        return filled if filled is not None else self.render(name, **literal, **values)
