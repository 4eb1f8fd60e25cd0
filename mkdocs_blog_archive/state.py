"""What one build learns: the posts, their archives and the pages made for them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs_blog_archive.archive import Archive, Post
from mkdocs_blog_archive.pages import Entry, Renderer

if TYPE_CHECKING:
    from mkdocs.structure.files import File


@dataclass(frozen=True)
class PostOptions:
    """The options the pass over the posts reads, read once per build."""

    keep_html: bool = False
    summary_words: int = 60
    reading_time: bool = True
    words_per_minute: int = 265
    post_nav: bool = True
    related: int = 0
    backlinks: str = "top"


@dataclass
class BuildState:
    """Everything one build learns; made anew in `on_config`, as `mkdocs serve` reuses plugins."""

    renderer: Renderer
    options: PostOptions = field(default_factory=PostOptions)
    posts: dict[str, Post] = field(default_factory=dict)
    index: Archive | None = None
    terms: dict[str, dict[str, Archive]] = field(default_factory=dict)
    """Archives by front-matter key (`categories`, `tags`, fields), then by name."""
    tags_index: Archive | None = None
    dates: list[Archive] = field(default_factory=list)
    """Year (and month) archives, newest first."""
    pages: dict[str, Archive] = field(default_factory=dict)
    """Archive pages by the src_uri of their file, generated or the user's own."""
    user_pages: set[str] = field(default_factory=set)
    page_numbers: dict[str, int] = field(default_factory=dict)
    """Page number of the second and later pages of a paginated archive, by src_uri."""
    feed_formats: list[str] = field(default_factory=list)
    feed_files: dict[str, dict[str, File]] = field(default_factory=dict)
    """Feed files by the src_uri of their archive page, then by format."""
    post_html: dict[str, str] = field(default_factory=dict)
    """Posts' HTML as MkDocs rendered it, kept only for `feeds.full_content`."""
    head_links: dict[str, str] = field(default_factory=dict)
    """The `<link rel="alternate">` tags of each archive's feeds, by its src_uri."""
    entries: dict[str, Entry] = field(default_factory=dict)
    """Every post as listings show it, newest first; made in `on_env`."""
    sorted_categories: list[Archive] = field(default_factory=list)
    sorted_tags: list[Archive] = field(default_factory=list)

    @property
    def categories(self) -> dict[str, Archive]:
        return self.terms.get("categories", {})

    def archives(self) -> list[Archive]:
        """The blog index and every archive of names, in a stable order."""
        found = [] if self.index is None else [self.index]
        for archives in self.terms.values():
            found.extend(archives.values())
        return found + self.dates
