"""Reading each page once: the plugin reads the front matter of every page that may be a
post in `on_files`, so MkDocs takes the page's Markdown and metadata from there instead of
reading the file and parsing its YAML a second time (on 10,000 posts, seconds of a build)."""

from __future__ import annotations

import logging
import sys
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from mkdocs_blog_archive.convert import Converter
    from mkdocs_blog_archive.frontmatter import FrontMatter

_RENDER = Page.render
"""MkDocs' own `Page.render`: where a plugin has put another in its place, pages use that."""


class ReadPage(Page):
    """A page made in `on_files`, as MkDocs lets plugins do (`File.page`): the page MkDocs
    would make, but its `read_source` takes what the plugin already read, and its `render`
    the build's one converter (`convert`)."""

    def __init__(
        self, file: File, config: MkDocsConfig, front: FrontMatter, converter: Converter
    ) -> None:
        super().__init__(None, file, config)
        self._front: FrontMatter | None = front
        self._converter = converter

    def read_source(self, config: MkDocsConfig) -> None:
        front, self._front = self._front, None  # Once: a rebuild makes new pages.
        if front is None or config.plugins.events["page_read_source"]:
            super().read_source(config)  # Another plugin reads sources its own way.
            return
        self.markdown, self.meta = front.markdown_and_meta()

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """MkDocs' `Page.render` (1.6.1, ProperDocs 1.6.7), with the build's converter."""
        md = self._converter.markdown(config) if Page.render is _RENDER else None
        if md is None or self.markdown is None:
            super().render(config, files)
            return
        pages = sys.modules[Page.__module__]  # MkDocs' or ProperDocs' own processors
        raw_html = pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        anchors._register(md)
        relative = pages._RelativePathTreeprocessor(self.file, files, config)
        relative._register(md)
        title = pages._ExtractTitleTreeprocessor()
        title._register(md)
        self.content = md.convert(self.markdown)
        self.toc = pages.get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = title.title
        self.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if (  # as each engine does: MkDocs keeps them only when not debugging, ProperDocs always
            Page.__module__.startswith("properdocs")
            or pages.log.getEffectiveLevel() > logging.DEBUG
        ):
            self.links_to_anchors = relative.links_to_anchors


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


def hand_over(
    files: list[File], sources: dict[str, FrontMatter], config: MkDocsConfig, converter: Converter
) -> None:
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
            ReadPage(file, config, front, converter)
