"""Reading each page once: the plugin reads the front matter of every page that may be a
post in `on_files`, so MkDocs takes the page's Markdown and metadata from there instead of
reading the file and parsing its YAML a second time (on 10,000 posts, seconds of a build)."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    from mkdocs_blog_archive.frontmatter import FrontMatter


class ReadPage(Page):
    """A page made in `on_files`, as MkDocs lets plugins do (`File.page`): the page MkDocs
    would make, but its `read_source` takes what the plugin already read."""

    def __init__(self, file: File, config: MkDocsConfig, front: FrontMatter) -> None:
        super().__init__(None, file, config)
        self._front: FrontMatter | None = front

    def read_source(self, config: MkDocsConfig) -> None:
        front, self._front = self._front, None  # Once: a rebuild makes new pages.
        if front is None or config.plugins.events["page_read_source"]:
            super().read_source(config)  # Another plugin reads sources its own way.
            return
        self.markdown, self.meta = front.markdown_and_meta()


def nav_paths(items: Any) -> set[str]:
    """Every page path named in a `nav` configuration."""
    found: set[str] = set()
    if isinstance(items, str):
        found.add(PurePath(items.lstrip("/")).as_posix())  # as MkDocs looks nav paths up
    elif isinstance(items, dict):
        for value in items.values():
            found |= nav_paths(value)
    elif isinstance(items, list):
        for item in items:
            found |= nav_paths(item)
    return found


def hand_over(files: list[File], sources: dict[str, FrontMatter], config: MkDocsConfig) -> None:
    """Give each file read a `ReadPage` carrying what was read, unless a plugin already gave
    it a page, it is left out of the site, or the nav configuration names it (a title given
    there goes only to a page MkDocs makes itself)."""
    in_nav = nav_paths(config.nav) if config.nav is not None else set()
    for file in files:
        front = sources.get(file.src_uri)
        if (
            front is not None
            and front.text  # not a file left unread (`cache.Unread`)
            and file.page is None
            and not file.inclusion.is_excluded()
            and file.src_uri not in in_nav
        ):
            ReadPage(file, config, front)
