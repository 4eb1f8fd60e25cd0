"""The kinds of archive page, each described once: where its pages go, how they are headed,
where they are listed. No MkDocs here.

Every other module asks a kind for these facts instead of testing its name, so a new built-in
kind is one entry in `BUILT_IN` (with its labels in `config.Labels` and the translations, and
optionally a template of its own).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Source = Literal["all", "terms", "year", "month", "none"]
"""Which posts an archive of the kind holds: every post (`all`), those naming it under the
front-matter key `key` (`terms`), those of one year or month, none (`none`: a page of links)."""


@dataclass(frozen=True, slots=True)
class ArchiveKind:
    """One kind of archive page."""

    name: str
    """The kind's name; for `terms` kinds also the front-matter key (`categories`, `series`)."""
    source: Source
    url_format: str
    """Where its pages go, relative to `blog_dir`: `{slug}` is the archive's slug."""
    heading: str
    """The label key of its heading (`category_heading`: "{name} Articles")."""
    noun: str = ""
    """What a name of this kind is called in warnings ("category")."""
    template: str = "category.html"
    """The template that renders its listing."""
    index_file: bool = False
    """Its page is `<folder>/index.md` (the blog index, the tags index), not `<folder>.md`:
    `.md` keeps archive pages from becoming section links under Material's navigation.indexes."""
    feeds: bool = True
    paginate: bool = True
    backlinks: bool = False
    """Listed in each post's back-link block (in `BACKLINK_ORDER`)."""
    related: bool = False
    """Shared archives of this kind make posts related."""
    display: Literal["name", "author", "month"] = "name"
    """How a name is shown: as it is, as the author's name, or as a month ("May 2026")."""
    per_page: int | None = None
    """Posts per page of this kind (Material's `categories_pagination_per_page` …); None:
    the site's `per_page`."""
    toc: bool = False
    """Its pages' table of contents lists the posts shown (Material's `blog_toc`,
    `categories_toc` …)."""
    titled_by_name: bool = False
    """Its pages' titles (the nav's, the browser tab's) are the bare name ("Guides", as
    Material titles category pages); the heading says more ("Guides Articles")."""
    date_formats: tuple[str, str] | None = None
    """For date archives: babel patterns of the slug and of the name (Material's
    `archive_url_date_format`, `archive_date_format`); None: `YYYY` or `YYYY/MM`."""

    @property
    def field_label(self) -> str:
        """The `{field}` of the heading label ("Series" for `series`)."""
        return self.name.capitalize()


INDEX = ArchiveKind("index", "all", "", "blog", template="index.html", index_file=True)
CATEGORIES = ArchiveKind(
    "categories",
    "terms",
    "category/{slug}",
    "category_heading",
    noun="category",
    backlinks=True,
    related=True,
    titled_by_name=True,
)
TAGS = ArchiveKind(
    "tags", "terms", "tag/{slug}", "tag_heading", noun="tag", backlinks=True, related=True
)
AUTHORS = ArchiveKind(
    "authors",
    "terms",
    "author/{slug}",
    "author_heading",
    noun="'authors' name",
    backlinks=True,
    display="author",
)
YEAR = ArchiveKind("year", "year", "{slug}", "year_heading", feeds=False)
MONTH = ArchiveKind("month", "month", "{slug}", "month_heading", feeds=False, display="month")
TAGS_INDEX = ArchiveKind(
    "tags-index",
    "none",
    "tag",
    "tags",
    template="tags.html",
    index_file=True,
    feeds=False,
    paginate=False,
)

BUILT_IN = (INDEX, CATEGORIES, TAGS, AUTHORS, YEAR, MONTH, TAGS_INDEX)
"""Every built-in kind, in the order their pages are added (and so listed in the sitemap)."""
BACKLINK_ORDER = tuple(kind.name for kind in BUILT_IN if kind.backlinks)
"""The kinds a post's back-link block lists, in this order."""
RELATED_BY = tuple(kind.name for kind in BUILT_IN if kind.related)
"""The kinds whose shared archives make posts related."""


def field_kind(key: str) -> ArchiveKind:
    """The kind of an `archives` field: names under front-matter `key`, at `{key}/{slug}`."""
    return ArchiveKind(key, "terms", f"{key}/{{slug}}", "field_heading", noun=f"{key!r} name")


def site_kinds(
    fields: tuple[str, ...] | list[str], years: bool, months: bool
) -> tuple[ArchiveKind, ...]:
    """The kinds a site's options ask for, in page order: the `archives` fields come after
    the built-in kinds of names, before the dates."""
    dates = (YEAR,) * years + (MONTH,) * months
    return (
        INDEX,
        CATEGORIES,
        TAGS,
        AUTHORS,
        *(field_kind(key) for key in fields),
        *dates,
        TAGS_INDEX,
    )
