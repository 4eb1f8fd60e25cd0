"""What one build learns: the posts, the plan of their archives, the pages made for it."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs_blog_archive import embed, i18n, material, structured, summary
from mkdocs_blog_archive.archive import Archive, ArchivePage, Post
from mkdocs_blog_archive.convert import Converter
from mkdocs_blog_archive.dates import date_formatter, month_formatter
from mkdocs_blog_archive.plan import Plan
from mkdocs_blog_archive.render import Block, Entry, Look, Renderer

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.nav import Navigation

    from mkdocs_blog_archive.config import BlogArchiveConfig


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def _window(pagination_format: str | None, switching: bool) -> int:
    """The pager's window from Material's `pagination_format` (`~2~`, its default)."""
    found = re.search(r"~(\d+)~", pagination_format or ("~2~" if switching else ""))
    return int(found.group(1)) if found else 0


@dataclass(frozen=True)
class PostOptions:
    """The options the pass over the posts reads, read once per build."""

    keep_html: bool = False
    summary_words: int = 60
    excerpts: bool = False
    separator: re.Pattern[str] = summary.MORE_PATTERN
    separator_text: str = summary.MORE
    excerpt_required: bool = False
    """Material's `post_excerpt: required`: a post without the separator is a warning."""
    look: Look = field(default_factory=Look)
    keep_content: bool = False
    """Material's `pagination_keep_content`: a page's own text on its later pages too."""
    reading_time: bool = True
    words_per_minute: int = 265
    characters_per_minute: int = 500
    post_nav: bool = True
    related: int = 0
    backlinks: str = "top"
    post_tags: bool = True
    series_field: str = "series"

    @classmethod
    def of(cls, options: BlogArchiveConfig, feeds_on: bool, tag_chips: bool) -> PostOptions:
        """`tag_chips`: the theme shows a post's tags already (Material's `tags` plugin)."""
        return cls(
            keep_html=feeds_on and options.feeds.full_content,
            summary_words=options.summary_words,
            excerpts=options.excerpts,
            separator=summary.separator_pattern(options.post_excerpt_separator or summary.MORE),
            separator_text=options.post_excerpt_separator or summary.MORE,
            excerpt_required=options.post_excerpt == "required",
            keep_content=bool(options.pagination_keep_content),
            look=Look(
                max_authors=_or(options.post_excerpt_max_authors, 1),
                max_categories=_or(options.post_excerpt_max_categories, 5),
                pager_window=_window(options.pagination_format, material.is_switching(options)),
                pager_single=bool(options.pagination_if_single_page),
                updated=options.updated_in_listings,
                by_updated=options.order_by == "updated",
                post_image=options.post_image,
            ),
            reading_time=options.reading_time,
            words_per_minute=options.words_per_minute,
            characters_per_minute=options.characters_per_minute,
            post_nav=options.post_nav,
            related=options.related,
            backlinks=options.backlinks,
            post_tags=not tag_chips if options.post_tags is None else options.post_tags,
            series_field=options.series_field,
        )


def make_renderer(
    config: MkDocsConfig, options: BlogArchiveConfig, locale: str, post_options: PostOptions
) -> Renderer:
    """The renderer of a build: the theme's templates, the locale's labels and dates."""
    labels = i18n.resolve_labels(locale, options.labels)
    folder = posixpath.basename(options.blog_dir.strip("/"))
    if not options.labels.get("blog") and folder not in ("", ".", "blog"):
        # A generated index is named by its folder ("Releases"), as MkDocs names sections:
        # a second blog's index is not a second "Blog" in the nav.
        labels["blog"] = folder.replace("-", " ").replace("_", " ").capitalize()
    return Renderer(
        config.theme.dirs,
        labels,
        date_formatter(options.date_format, locale),
        month_formatter(locale),
        i18n.count_formatter(locale, labels),
        flavor="material" if config.theme.name == "material" else "",
        look=post_options.look,
    )


@dataclass
class BuildState:
    """Everything one build learns; made anew in `on_config`, as `mkdocs serve` reuses plugins."""

    renderer: Renderer
    options: PostOptions = field(default_factory=PostOptions)
    posts: dict[str, Post] = field(default_factory=dict)
    plan: Plan | None = None
    pages: dict[str, ArchivePage] = field(default_factory=dict)
    """Archive pages by the src_uri of their file, generated or the user's own."""
    feed_files: dict[str, File] = field(default_factory=dict)
    """The files the feeds are written into, by src_uri."""
    nav: Navigation | None = None
    """The site's nav, once `on_nav` has run."""
    post_html: dict[str, str] = field(default_factory=dict)
    """Posts' HTML as MkDocs rendered it, kept only for `feeds.full_content`."""
    entries: dict[str, Entry] = field(default_factory=dict)
    """Every post as listings show it, newest first; made in `on_env`."""
    embedding: embed.Blog | None = None
    """The blog as pages' listing markers see it, once its entries are made."""
    facts: structured.Facts | None = None
    """What every page's structured data shares (`finish.with_head_tags`), made once."""
    embedders: set[str] = field(default_factory=set)
    """The output files of the pages whose markers were filled (made again when dirty)."""
    converter: Converter = field(default_factory=Converter)
    """The Markdown converter of the posts (`convert`), made once a build."""
    blocks: dict[str, tuple[Block | None, Block | None]] = field(default_factory=dict)
    """Each post's back-link block and bottom, by src_uri, until they go into its page."""
    spliced: dict[str, tuple[str, str]] = field(default_factory=dict)
    """A post being written: its HTML as rendered, and with its blocks."""

    @property
    def index(self) -> Archive | None:
        return self.plan.index if self.plan is not None else None
