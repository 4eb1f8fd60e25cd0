"""The plugin's options, as MkDocs validates them when mkdocs.yml is loaded."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zoneinfo

from mkdocs.config import base
from mkdocs.config import config_options as c

from mkdocs_blog_archive.dates import date_formatter


class Placement(c.Choice[str]):
    """Where the back-link block goes in a post: `top`, `bottom` or `none`.

    YAML reads a bare `off`/`false` as a boolean, so `false` is accepted as `none`.
    """

    def __init__(self) -> None:
        super().__init__(("top", "bottom", "none"), default="top")

    def run_validation(self, value: object) -> str:
        if value is False:
            value = "none"
        return super().run_validation(value)


class TimeZone(c.Type[str]):
    """An IANA time zone name such as `UTC` or `Europe/Paris`."""

    def __init__(self) -> None:
        super().__init__(str, default="UTC")

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
            raise base.ValidationError(f"unknown time zone {name!r}") from error
        return name


class NonNegativeInt(c.Type[int]):
    """A whole number, zero or more."""

    def __init__(self, default: int | None) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):
            raise base.ValidationError(f"Expected a whole number but received: {value!r}")
        number = super().run_validation(value)
        if number < 0:
            raise base.ValidationError(f"Expected zero or more but received: {number}")
        return number


class Label(c.Type[str]):
    """A text label; `{name}` and `{count}` are the only placeholders it may use."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            text.format(name="", count=0, field="")
        except (KeyError, IndexError, ValueError) as error:
            raise base.ValidationError(
                f"{text!r} is not a valid label: use {{name}}, {{count}} and {{field}} only "
                f"({error!r})"
            ) from None
        return text


class DateFormat(c.Type[str]):
    """A strftime pattern (with `%`), or a babel date pattern or style (`long`, `d MMMM y`)."""

    def __init__(self, default: str | None = "long") -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:  # Fields babel cannot show for a day (time zones, …) fail here, not mid-build.
            date_formatter(text, "en")(dt.datetime(2026, 5, 6, tzinfo=dt.timezone.utc))
        except Exception as error:  # babel raises several kinds
            raise base.ValidationError(
                f"{text!r} is not a babel date pattern that shows a day ({error})"
            ) from None
        return text


class BlogDir(c.Type[str]):
    """A folder inside docs_dir, as a relative POSIX path ('' for the site root)."""

    def __init__(self) -> None:
        super().__init__(str, default="blog")

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value).replace("\\", "/").strip("/")
        path = posixpath.normpath(path) if path else path  # Material's `blog_dir: .`
        path = "" if path == "." else path
        if any(part in {"..", "."} for part in path.split("/")) or ":" in path or "\0" in path:
            raise base.ValidationError(f"{value!r} must be a folder inside docs_dir")
        return path


class FieldName(c.Type[str]):
    """A front-matter key that makes archives; it is also their URL folder."""

    RESERVED = frozenset(
        {"categories", "tags", "authors", "category", "tag", "author", "page", "date", "title"}
    )

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        if not re.fullmatch(r"[a-z][a-z0-9_-]*", name) or name in self.RESERVED:
            raise base.ValidationError(
                f"{name!r} cannot name an archive: use a lowercase front-matter key "
                f"(letters, digits, '-', '_'), not one of {sorted(self.RESERVED)}"
            )
        return name


class UrlFormat(c.Type[str]):
    """A URL pattern relative to blog_dir, with only the placeholders `names` (one of
    `needs`, when given, is required); it may not leave blog_dir."""

    def __init__(
        self, names: tuple[str, ...], needs: tuple[str, ...] = (), default: str | None = None
    ) -> None:
        super().__init__(str, default=default)
        self.names, self.needs = names, needs

    def run_validation(self, value: object) -> str:
        pattern = super().run_validation(value).strip("/")
        shown = ", ".join(f"{{{name}}}" for name in self.names)
        try:
            sample = pattern.format(**{name: "x" for name in self.names})
        except (KeyError, IndexError, ValueError) as error:
            raise base.ValidationError(f"{pattern!r}: use {shown} only ({error!r})") from None
        if pattern and self.needs and not any(f"{{{name}}}" in pattern for name in self.needs):
            needed = " or ".join(f"{{{name}}}" for name in self.needs)
            raise base.ValidationError(f"{pattern!r} must contain {needed}")
        if ".." in sample.split("/") or "\\" in sample or ":" in sample:
            raise base.ValidationError(f"{pattern!r} must stay in blog_dir")
        return pattern


POST_URL_NAMES = ("yyyy", "mm", "dd", "slug", "category", "date", "file", "categories")
"""`post_url_format`'s placeholders: ours, then Material's (`{date}` as
`post_url_date_format` shows it, `{file}` the file's name, `{categories}` the slugs of the
first `post_url_max_categories` categories)."""


def post_url_format() -> UrlFormat:
    return UrlFormat(POST_URL_NAMES, needs=("slug", "file"), default="")


class Slugify(c.Type[object]):
    """A function `(text, separator) -> slug`, as Material takes it
    (`!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}`)."""

    def __init__(self) -> None:
        super().__init__(object)

    def run_validation(self, value: object) -> object:
        if not callable(value):
            raise base.ValidationError(f"expected a slugify function, got {value!r}")
        return value


class MaterialOptions(base.Config):
    """Every option of Material's blog plugin that ours do not already name, with Material's
    meaning (see `material.py`). Unset, each is None: setting any of them says the site comes
    from Material's blog, and Material's defaults then apply to all the others."""

    blog_toc = c.Optional(c.Type(bool))
    post_dir = c.Optional(c.Type(str))
    post_date_format = c.Optional(DateFormat(default=None))
    post_url_date_format = c.Optional(DateFormat(default=None))
    post_url_max_categories = c.Optional(NonNegativeInt(default=None))
    post_slugify = c.Optional(Slugify())
    post_slugify_separator = c.Optional(c.Type(str))
    post_excerpt = c.Optional(c.Choice(("optional", "required")))
    post_excerpt_max_authors = c.Optional(NonNegativeInt(default=None))
    post_excerpt_max_categories = c.Optional(NonNegativeInt(default=None))
    post_excerpt_separator = c.Optional(c.Type(str))
    post_readtime = c.Optional(c.Type(bool))
    post_readtime_words_per_minute = c.Optional(NonNegativeInt(default=None))
    archive = c.Optional(c.Type(bool))
    archive_name = c.Optional(c.Type(str))
    archive_date_format = c.Optional(DateFormat(default=None))
    archive_url_date_format = c.Optional(DateFormat(default=None))
    archive_url_format = c.Optional(UrlFormat(("date",), needs=("date",)))
    archive_pagination = c.Optional(c.Type(bool))
    archive_pagination_per_page = c.Optional(NonNegativeInt(default=None))
    archive_toc = c.Optional(c.Type(bool))
    categories = c.Optional(c.Type(bool))
    categories_name = c.Optional(c.Type(str))
    categories_url_format = c.Optional(UrlFormat(("slug",), needs=("slug",)))
    categories_slugify = c.Optional(Slugify())
    categories_slugify_separator = c.Optional(c.Type(str))
    categories_sort_by = c.Optional(Slugify())
    categories_sort_reverse = c.Optional(c.Type(bool))
    categories_pagination = c.Optional(c.Type(bool))
    categories_pagination_per_page = c.Optional(NonNegativeInt(default=None))
    categories_toc = c.Optional(c.Type(bool))
    authors = c.Optional(c.Type(bool))
    authors_profiles = c.Optional(c.Type(bool))
    authors_profiles_name = c.Optional(c.Type(str))
    authors_profiles_url_format = c.Optional(UrlFormat(("slug", "name"), needs=("slug", "name")))
    authors_profiles_pagination = c.Optional(c.Type(bool))
    authors_profiles_pagination_per_page = c.Optional(NonNegativeInt(default=None))
    authors_profiles_toc = c.Optional(c.Type(bool))
    pagination = c.Optional(c.Type(bool))
    pagination_per_page = c.Optional(NonNegativeInt(default=None))
    pagination_url_format = c.Optional(UrlFormat(("page",), needs=("page",)))
    pagination_format = c.Optional(c.Type(str))
    pagination_if_single_page = c.Optional(c.Type(bool))
    pagination_keep_content = c.Optional(c.Type(bool))
    draft = c.Optional(c.Type(bool))
    draft_on_serve = c.Optional(c.Type(bool))
    draft_if_future_date = c.Optional(c.Type(bool))


class Labels(base.Config):
    """Every text the plugin writes into a page. Unset ones come from the built-in
    translation of the site's language (`translations/<language>.yml`), English by default.

    `{name}` stands for a category's name and `{count}` for a number of posts.
    """

    blog = c.Optional(Label())
    """Heading of the blog index."""
    back_to_blog = c.Optional(Label())
    """The back-link on archive pages and posts."""
    category_heading = c.Optional(Label())
    """Heading of a category's archive page."""
    tag_heading = c.Optional(Label())
    """Heading of a tag's archive page."""
    field_heading = c.Optional(Label())
    """Heading of the archive page of a name in one of the `archives` fields."""
    year_heading = c.Optional(Label())
    """Heading of a year's archive page (`{name}` is the year)."""
    month_heading = c.Optional(Label())
    """Heading of a month's archive page (`{name}` is the month, as "May 2026")."""
    archive = c.Optional(Label())
    """Heading of the list of years on the blog index."""
    draft = c.Optional(Label())
    """Marks drafts under `mkdocs serve`."""
    min_read = c.Optional(Label())
    """The reading time."""
    page_title = c.Optional(Label())
    """Title of the second and later pages of an archive."""
    page_of = c.Optional(Label())
    """Accepted for sites that set it; no longer shown (the pager is labelled `pagination`,
    for its purpose, and marks the current page)."""
    previous = c.Optional(Label())
    """The link to the older post."""
    next = c.Optional(Label())
    """The link to the newer post."""
    related = c.Optional(Label())
    """Heading of the related posts."""
    author_heading = c.Optional(Label())
    """Heading of an author's page (`{name}` is the author's name)."""
    by = c.Optional(Label())
    """Introduces authors' names."""
    tags = c.Optional(Label())
    """Heading of the tags index, and the link to it from the blog index."""
    tagged = c.Optional(Label())
    """Introduces a post's tags in the back-link block."""
    post_count_zero = c.Optional(Label())
    """Count of posts in the CLDR plural form `zero` (languages that have it)."""
    post_count_one = c.Optional(Label())
    """Count of posts in the plural form `one` (English: exactly one)."""
    post_count_two = c.Optional(Label())
    """Count of posts in the plural form `two`."""
    post_count_few = c.Optional(Label())
    """Count of posts in the plural form `few` (Polish, Russian: 2-4, 22-24 …)."""
    post_count_many = c.Optional(Label())
    """Count of posts in the plural form `many` (Polish, Russian: 0, 5-21 …)."""
    post_count_other = c.Optional(Label())
    """Count of posts otherwise (English: 0, 2, 21 …); the fallback of every form."""
    categories = c.Optional(Label())
    """Heading of the category list on the blog index, and the nav section of category pages."""
    recent_posts = c.Optional(Label())
    """Accepted for sites that set it; no longer shown (the index's posts come first, under
    its own heading, and its sections after them)."""
    posted_in = c.Optional(Label())
    """Joins a post's date and its categories in the back-link block."""
    feeds = c.Optional(Label())
    """Introduces the feed links on archive pages."""
    read_more = c.Optional(Label())
    """The link after a shortened summary in a listing."""
    pinned = c.Optional(Label())
    """Marks a pinned post in listings (it sits above newer posts)."""
    updated = c.Optional(Label())
    """Introduces a post's updated date."""
    post_nav = c.Optional(Label())
    """Names the links to the older and newer post, for screen readers."""
    pagination = c.Optional(Label())
    """Names the links between an archive's pages, for screen readers."""
    months = c.Optional(Label())
    """Names the links to a year's months on its archive page."""
    website = c.Optional(Label())
    """The link to an author's website on the author's page."""
    all_tags = c.Optional(Label())
    """The link from the blog index's tags to the tags index."""
    series_part = c.Optional(Label())
    """Heads a post's series box (`{number}`, `{count}`; `{name}`: the series, linked)."""
    links = c.Optional(Label())
    """Heading of a post's `links` (front matter, as Material's blog has them)."""


class FeedsConfig(base.Config):
    """Atom, RSS 2.0 and JSON Feed documents next to the blog index and each category page."""

    enabled = c.Type(bool, default=True)
    """Write feeds at all (they also need `site_url`)."""
    atom = c.Type(bool, default=True)
    """`atom.xml`: Atom 1.0."""
    rss = c.Type(bool, default=True)
    """`feed.xml`: RSS 2.0."""
    json = c.Type(bool, default=True)
    """`feed.json`: JSON Feed 1.1."""
    limit = NonNegativeInt(default=20)
    """How many of the newest posts a feed holds (0: all)."""
    full_content = c.Type(bool, default=False)
    """Put each post's whole HTML into the feeds (links made absolute), not only its summary."""
    build_date = c.Type(bool, default=False)
    """Stamp feeds with the build time (RSS `lastBuildDate`, Atom `updated`); off, two builds
    of the same posts give the same bytes."""


class Feeds(c.SubConfig[FeedsConfig]):
    """`feeds: false` turns them off; a mapping sets `FeedsConfig` options."""

    def __init__(self) -> None:
        super().__init__(FeedsConfig)

    def run_validation(self, value: object) -> FeedsConfig:
        if isinstance(value, bool):
            value = {"enabled": value}
        return super().run_validation(value)


class BlogArchiveConfig(MaterialOptions):
    """Options of the `blog-archive` plugin (and, inherited, those of Material's blog)."""

    enabled = c.Type(bool, default=True)
    """Off, the plugin does nothing (as Material's `enabled`)."""
    material = c.Optional(c.Type(bool))
    """Material's defaults (post URLs `{date}/{slug}`, `archive/{yyyy}`, pagination of 10,
    bare headings, posts in `{blog_dir}/posts/`): for a site switching from Material's blog
    whose entry had no options. Any Material-only option turns this on too; `false` keeps
    ours."""

    blog_dir = BlogDir()
    """Folder (relative to docs_dir) of the blog index and the category pages."""
    posts = c.ListOfItems(c.Type(str), default=[])
    """Glob patterns (gitignore style, relative to docs_dir) of the pages that may be posts.

    Empty: every page. A page is a post when it has a date (front matter `date` or a
    `YYYY-MM-DD-` file name prefix)."""
    git_dates = c.Type(bool, default=False)
    """A page with no date of its own (front matter, file name) takes the date of the git
    commit that added it, so every page matching `posts` is a post."""
    summary_words = NonNegativeInt(default=60)
    """Summaries are cut at a word boundary after this many words (0: no limit)."""
    excerpts = c.Type(bool, default=False)
    """Listings show each post's excerpt as rendered (its HTML up to `<!-- more -->`, or
    the whole post without one, links and images working; on Material, with the authors'
    avatars and the categories), not a plain-text summary. On by default for a site
    switching from Material's blog, as Material's listings look."""
    date_format = DateFormat()
    """How dates are shown: a strftime pattern (with `%`), or a babel pattern or style
    (`short`, `medium`, `long`, `full`, `d MMMM y` …) in the site's locale."""
    locale = c.Optional(c.Type(str))
    """Locale for dates; default: the theme's `language` or `locale`, else `en`."""
    timezone = TimeZone()
    """Time zone given to dates that have none."""
    backlinks = Placement()
    """Where the back-links go in a post: `top`, `bottom` or `none`."""
    cache_dir = c.Type(str, default=".cache/blog-archive")
    """Where `mkdocs build --dirty` keeps what posts rendered to, from mkdocs.yml's folder
    (`""`: nowhere; every dirty build then renders every post)."""
    search_listings = c.Type(bool, default=False)
    """Index archive pages with their listings (and posts with their back-links and related
    posts) in the site search. Off: an archive page is found by its heading and text, each
    post once, on itself, not again on every listing that shows its summary."""
    post_tags = c.Optional(c.Type(bool))
    """List a post's tags in its back-links. Default: yes, but not beside Material's `tags`
    plugin, whose tag chips the post already shows (each tag once)."""
    index_posts = NonNegativeInt(default=10)
    """How many of the newest posts the blog index lists (0: all)."""
    nav_posts = c.Type(bool, default=False)
    """List posts in an automatic nav too (slow with thousands of posts)."""
    nav_categories = c.Type(bool, default=False)
    """In an automatic nav, add a section of category pages after the blog index.

    Off by default: every page renders the whole nav, so each nav entry costs once per page
    (posts x categories); the blog index lists the categories anyway."""
    drafts = c.Type(bool, default=False)
    """Publish posts with `draft: true` in `mkdocs build` too (`mkdocs serve` always shows
    them, marked as drafts)."""
    future_posts = c.Type(bool, default=False)
    """Publish posts dated in the future; otherwise they are treated like drafts."""
    reading_time = c.Type(bool, default=True)
    """Show each post's reading time (front matter `readtime` overrides the count)."""
    words_per_minute = NonNegativeInt(default=265)
    """Reading speed for the reading time."""
    post_image = c.Type(bool, default=True)
    """A post with a cover image (front matter `image`) shows it at its top; listings show
    it as a thumbnail either way."""
    series_field = c.Type(str, default="series")
    """The front-matter key of a post's series: posts sharing its value get a box naming
    their part ("Part 2 of 3 in Making it fast") with every part linked. `""`: none."""
    order_by = c.Choice(("date", "updated"), default="date")
    """Posts in listings, feeds and previous/next newest first by their date, or by their
    updated date (`updated`; a post without one: its date)."""
    updated_in_listings = c.Type(bool, default=False)
    """Listing entries show a post's updated date too ("Updated May 20, 2026")."""
    characters_per_minute = NonNegativeInt(default=500)
    """Reading speed in Chinese, Japanese and Korean text, counted in characters (it has no
    spaces between words); mixed text adds both."""
    authors_file = c.Type(str, default="{blog_dir}/.authors.yml")
    """Material-style authors file (relative to docs_dir) that front matter `authors` ids
    are looked up in."""
    post_url_format = post_url_format()
    """Give posts URLs of their own, under `blog_dir`, like Material's blog does:
    `{yyyy}/{mm}/{dd}/{slug}` (or Material's `{date}/{slug}`) keeps Material's post URLs.
    Empty: a post's URL follows its file's path, as MkDocs makes it."""
    per_page = NonNegativeInt(default=0)
    """Posts per archive page; more go to `…/page/2/` and on (0: every post on one page)."""
    post_nav = c.Type(bool, default=True)
    """Links to the previous (older) and next (newer) post at the bottom of each post."""
    related = NonNegativeInt(default=0)
    """How many related posts (most shared categories and tags, then newest) to list at the
    bottom of each post; 0: none."""
    year_archives = c.Type(bool, default=True)
    """A page per year at `{blog_dir}/{yyyy}/`, linked from the blog index."""
    month_archives = c.Type(bool, default=False)
    """A page per month at `{blog_dir}/{yyyy}/{mm}/` too."""
    archives = c.ListOfItems(FieldName(), default=[])
    """More front-matter fields whose names make archives, like categories do (`series`,
    `product` …): each name gets a page at `{blog_dir}/{field}/{slug}/` and feeds."""
    categories_allowed = c.ListOfItems(c.Type(str), default=[])
    """When set, a post naming another category gets a warning and is not filed under it."""
    stylesheet = c.Type(bool, default=True)
    """Add the plugin's small stylesheet to `extra_css`."""
    feeds = Feeds()
    """Feeds of the blog and of each category; see `FeedsConfig`."""
    labels = c.SubConfig(Labels)
    """Texts the plugin writes; see `Labels`."""
