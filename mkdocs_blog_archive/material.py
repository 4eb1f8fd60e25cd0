"""Material's blog options read with Material's meaning, so that a Material blog renamed to
`blog-archive` keeps its options block and every URL.

Where one of Material's options means what one of ours means, it is read into ours (one
implementation serves both names). What ours lack (URL formats per archive kind, pagination
per kind, slug functions) becomes a `Migration`. Material's defaults apply only to a site
switching from Material's blog (its options name one only Material has, or
`material: true`): no other site's URLs move. Pure: no MkDocs build here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from mkdocs_blog_archive.archive import Post, make_slug
from mkdocs_blog_archive.config import BlogArchiveConfig, MaterialOptions
from mkdocs_blog_archive.dates import date_formatter
from mkdocs_blog_archive.kinds import AUTHORS, CATEGORIES, YEAR, ArchiveKind

if TYPE_CHECKING:
    from mkdocs.structure.files import File

    from mkdocs_blog_archive.plan import PlanOptions

log = get_plugin_logger(__name__)

MATERIAL_ONLY = tuple(key for key, _ in MaterialOptions._schema)
"""The options only Material's blog has: naming any of them says the site comes from it."""

Slugify = Callable[[str], str]


def material_slugify(function: Any, separator: str) -> Slugify:
    """A slug function from Material's `(text, separator)` option; by default Material's own,
    pymdownx's `slugify(case="lower")`."""
    if function is None:
        from pymdownx.slugs import slugify  # type: ignore[import-untyped]

        function = slugify(case="lower")
    return lambda text: str(function(text, separator))


_UNSAFE = re.compile(r"[\\\x00-\x1f\x7f<>\"]")


def safe_path(path: str) -> bool:
    """A URL path made from names as written stays where it was put: no `..`, no `\\`,
    no control characters or markup, not empty."""
    parts = path.split("/")
    return bool(path) and not _UNSAFE.search(path) and all(p not in ("", ".", "..") for p in parts)


@dataclass(frozen=True)
class UrlParts:
    """What `post_url_format`'s Material placeholders are made of: `{date}` (as
    `post_url_date_format` shows it), `{categories}` (the first `max_categories` slugs)."""

    date: Callable[[dt.datetime], str]
    max_categories: int = 1
    category_slug: Slugify = make_slug


@dataclass(frozen=True)
class Migration:
    """What Material's options ask of a build beyond ours."""

    on: bool = False
    """Material's defaults apply (the site switches from Material's blog)."""
    post_url_date_format: str = "yyyy/MM/dd"
    post_url_max_categories: int = 1
    post_slug: Slugify = make_slug
    """Titles to slugs, for post URLs."""
    slugs: dict[str, Slugify] = field(default_factory=dict)
    """Names to slugs by archive kind (categories, tags, authors); others use `make_slug`."""
    pagination_format: str = "page/{page}"
    media_from: str | None = None
    """Material's `post_dir`: media files there move to blog_dir, as Material moves them."""
    draft_on_serve: bool = True
    categories_sort_by: Callable[[Any], Any] | None = None
    categories_sort_reverse: bool = False
    authors_by_name: bool = False
    """`authors_profiles_url_format` places authors by `{name}`, not `{slug}`."""
    overrides: dict[str, Any] = field(default_factory=dict)
    """Our options, as Material's names (or defaults) set them."""

    def serving(self, command: str) -> tuple[bool, InclusionLevel]:
        """Whether drafts are shown, marked (`mkdocs serve`, unless Material's
        `draft_on_serve: false`), and what held-back posts become: drafts as MkDocs has them
        (served, not built), or left out of a served site too."""
        if command != "serve":
            return False, InclusionLevel.DRAFT
        return (
            self.draft_on_serve,
            InclusionLevel.DRAFT if self.draft_on_serve else InclusionLevel.EXCLUDED,
        )

    def url_slugs(self, post_url_format: str) -> bool | Slugify:
        """What posts' URL slugs are made by: nothing without `post_url_format`, ours
        (True), or Material's way of slugging titles."""
        if not post_url_format:
            return False
        return self.post_slug if self.on else True

    def url_parts(self, locale: str) -> UrlParts:
        return UrlParts(
            date_formatter(self.post_url_date_format, locale),
            self.post_url_max_categories,
            self.slugs.get("categories", make_slug),
        )

    def rank(self, posts: list[Post]) -> None:
        """Switching, posts of the same time keep the files' order, as Material has them."""
        if self.on:
            for rank, post in enumerate(posts):
                post.rank = rank

    def announce(self, options: BlogArchiveConfig, kinds: tuple[ArchiveKind, ...]) -> None:
        """Switching, one info line says which of Material's URLs are kept."""
        if self.on:
            log.info(report(options, kinds))

    def place_authors(self, options: PlanOptions, known: dict[str, dict[str, str]]) -> PlanOptions:
        """Switching, `options` with authors placed by the authors file's `slug`, as Material
        places them; else `options`."""
        if not self.on:
            return options
        slugs = {**options.slugs, "authors": self.author_slug(known)}
        return dataclasses.replace(options, slugs=slugs)

    def author_slug(self, known: dict[str, dict[str, str]]) -> Slugify:
        """Authors' slugs as Material makes them: the authors file's `slug`, else the id
        (or the name, by `authors_by_name`), as written where that is a safe path."""

        def slug(key: str) -> str:
            info = known.get(key, {})
            text = info.get("name", key) if self.authors_by_name else info.get("slug") or key
            return text if safe_path(text) else make_slug(text)

        return slug

    def apply(self, options: BlogArchiveConfig) -> None:
        """Set `overrides` on `options` (`labels.<key>` on its labels)."""
        for key, value in self.overrides.items():
            section, _, label = key.partition("labels.")
            if label and not section:
                options.labels[label] = value
            else:
                options[key] = value


MATERIAL_PLACEHOLDERS = ("{date}", "{file}", "{categories}")
"""`post_url_format`'s placeholders only Material's blog had (ours were `{yyyy}` …)."""


def is_switching(options: BlogArchiveConfig) -> bool:
    """Material's defaults apply: `material: true`, any Material-only option set, or a
    `post_url_format` with Material's placeholders (`material: false` keeps ours)."""
    if options.material is not None:
        return bool(options.material)
    if any(name in options.post_url_format for name in MATERIAL_PLACEHOLDERS):
        return True
    return any(options[key] is not None for key in MATERIAL_ONLY)


def _first(*values: Any) -> Any:
    return next((value for value in values if value is not None), None)


def translate(options: BlogArchiveConfig, given: Collection[str]) -> Migration:
    """The migration for `options`: `given` names the options the site wrote (ours win over
    Material's names for the same thing). Its `overrides` are to be set on `options` before
    `place_kinds`."""
    on = is_switching(options)
    m = options  # Material's names, None where unset
    post_dir = _post_dir(m, on)
    overrides: dict[str, Any] = {}
    for key, material, default in _our_names(m, on, post_dir):
        value = material if material is not None else (default if on else None)
        if key not in given and value is not None:  # ours as written win
            overrides[key] = value
    overrides.update(_labels(m, on))
    post_slug, slugs = _slug_functions(m, on)
    return Migration(
        on=on,
        post_url_date_format=_first(m.post_url_date_format, "yyyy/MM/dd"),
        post_url_max_categories=_first(m.post_url_max_categories, 1),
        post_slug=post_slug,
        slugs=slugs,
        pagination_format=_first(m.pagination_url_format, "page/{page}"),
        media_from=post_dir if on and post_dir and post_dir != m.blog_dir else None,
        draft_on_serve=_first(m.draft_on_serve, True),
        categories_sort_by=m.categories_sort_by,  # type: ignore[arg-type]
        categories_sort_reverse=bool(m.categories_sort_reverse),
        authors_by_name="{slug}" not in (m.authors_profiles_url_format or "{slug}"),
        overrides=overrides,
    )


def _our_names(m: BlogArchiveConfig, on: bool, post_dir: str | None) -> list[tuple[str, Any, Any]]:
    """(our option, the value Material's names give it or None, Material's default)."""
    future = None if m.draft_if_future_date is None else not m.draft_if_future_date
    paginate = _first(m.pagination, True if on or m.pagination_per_page is not None else None)
    per_page = None if paginate is None else (_first(m.pagination_per_page, 10) if paginate else 0)
    posts = None if post_dir is None else ([f"/{post_dir}/"] if post_dir else [])
    return [
        ("date_format", m.post_date_format, None),
        ("reading_time", m.post_readtime, None),
        ("words_per_minute", m.post_readtime_words_per_minute, None),
        ("drafts", m.draft, None),
        ("future_posts", future, True),
        ("per_page", per_page, None),
        ("index_posts", 0 if per_page is not None else None, None),
        ("year_archives", m.archive, None),
        ("excerpts", None, True),
        ("post_url_format", None, "{date}/{slug}"),
        ("posts", posts, None),
    ]


def _post_dir(m: BlogArchiveConfig, on: bool) -> str | None:
    """Material's `post_dir` under docs_dir ('' for docs_dir itself), None when not in play."""
    post_dir = m.post_dir if m.post_dir is not None else ("{blog}/posts" if on else None)
    if post_dir is None:
        return None
    post_dir = posixpath.normpath(post_dir.format(blog=m.blog_dir or ".")).strip("/")
    return "" if post_dir == "." else post_dir


def _labels(m: BlogArchiveConfig, on: bool) -> dict[str, str]:
    """Labels Material's options give: bare category headings, its nav titles (whose defaults
    are keys of its translations, `blog.archive`)."""
    found = {}
    if on and m.labels.category_heading is None:
        found["labels.category_heading"] = "{name}"  # Material heads a category by its name
    for label, name in (("categories", m.categories_name), ("archive", m.archive_name)):
        if name and not name.startswith("blog.") and m.labels[label] is None:
            found[f"labels.{label}"] = name
    return found


def _slug_functions(m: BlogArchiveConfig, on: bool) -> tuple[Slugify, dict[str, Slugify]]:
    """Titles' and names' slug functions: Material's (pymdownx's by default) when switching
    or set, ours otherwise."""
    post_slug: Slugify = make_slug
    slugs: dict[str, Slugify] = {}
    if on or m.post_slugify is not None:
        post_slug = material_slugify(m.post_slugify, _first(m.post_slugify_separator, "-"))
    if on or m.categories_slugify is not None:
        separator = _first(m.categories_slugify_separator, "-")
        name_slug = material_slugify(m.categories_slugify, separator)
        slugs = {"categories": name_slug, "tags": name_slug}
    return post_slug, slugs


def _per_page(options: BlogArchiveConfig, paginate: bool | None, count: int | None) -> int | None:
    """A kind's own pagination (Material's `<kind>_pagination[_per_page]`, falling back on
    `pagination[_per_page]` as Material's do); None when it has none: the site's."""
    if paginate is None and count is None:
        return None
    if _first(paginate, options.pagination, True):
        return int(_first(count, options.pagination_per_page, 10))
    return 0


def _toc(options: BlogArchiveConfig, toc: bool | None) -> bool:
    return bool(_first(toc, options.blog_toc, False))


def place_kinds(
    options: BlogArchiveConfig, kinds: tuple[ArchiveKind, ...], on: bool
) -> tuple[ArchiveKind, ...]:
    """The archive kinds `kinds`, placed and paginated as Material's options say."""
    m = options
    found: list[ArchiveKind] = []
    for kind in kinds:
        if kind is CATEGORIES:
            if m.categories is False:
                continue
            url = _first(m.categories_url_format, kind.url_format)
            count = _per_page(m, m.categories_pagination, m.categories_pagination_per_page)
            kind = dataclasses.replace(
                kind, url_format=url, per_page=count, toc=_toc(m, m.categories_toc)
            )
        elif kind is AUTHORS and m.authors is False:
            continue  # Material's `authors: false`: posts name no authors
        elif kind is AUTHORS:
            # `{name}` (the author's name) is the slug then: the plugin gives authors theirs.
            url = _first(m.authors_profiles_url_format, kind.url_format)
            url = url if "{slug}" in url else url.replace("{name}", "{slug}")
            count = _per_page(
                m, m.authors_profiles_pagination, m.authors_profiles_pagination_per_page
            )
            toc = _toc(m, m.authors_profiles_toc)
            kind = dataclasses.replace(kind, url_format=url, per_page=count, toc=toc)
        elif kind is YEAR and (on or m.archive_url_format or m.archive_url_date_format):
            url_format = _first(m.archive_url_format, "archive/{date}").replace("{date}", "{slug}")
            count = _per_page(m, m.archive_pagination, m.archive_pagination_per_page)
            formats = (
                _first(m.archive_url_date_format, "yyyy"),
                _first(m.archive_date_format, "yyyy"),
            )
            kind = dataclasses.replace(
                kind,
                url_format=url_format,
                per_page=count,
                date_formats=formats,
                toc=_toc(m, m.archive_toc),
            )
        elif kind.feeds and m.blog_toc:  # the index, tags, fields: Material's `blog_toc`
            kind = dataclasses.replace(kind, toc=True)
        found.append(kind)
    return tuple(found)


def hint(pages: list[File], options: BlogArchiveConfig) -> None:
    """One info line for a site laid out as Material's blog (posts in `{blog_dir}/posts/`)
    that keeps our defaults: how to keep Material's URLs."""
    folder = posixpath.join(options.blog_dir, "posts") + "/"
    if options.material is not None:
        return
    if any(page.src_uri.startswith(folder) for page in pages):
        urls = "the URLs post_url_format gives" if options.post_url_format else "their own URLs"
        log.info(
            f"posts in {folder} keep {urls} and our defaults; to keep every URL Material's "
            "blog gave this site, add 'material: true' under 'blog-archive' in mkdocs.yml"
        )


def report(options: BlogArchiveConfig, kinds: tuple[ArchiveKind, ...]) -> str:
    """The migration's info line: the URLs kept, as Material's options make them."""
    blog = f"{options.blog_dir}/" if options.blog_dir else ""
    kept = [f"posts at {blog}{options.post_url_format or '(their own URLs)'}"]
    for kind in kinds:
        noun, placeholder = _REPORTED.get(kind.name, ("", ""))
        if noun and (kind.name != "authors" or options.authors_profiles):
            kept.append(f"{noun} at {blog}{kind.url_format.replace('{slug}', placeholder)}")
    per_page = f"{options.per_page} posts a page" if options.per_page else "no pagination"
    return (
        "switching from Material's blog: its URLs are kept ("
        + ", ".join(kept)
        + f", {per_page}); tag pages, counts and feeds are added"
    )


_REPORTED = {
    "categories": ("categories", "{slug}"),
    "year": ("archives", "{date}"),
    "authors": ("authors", "{slug}"),
}
