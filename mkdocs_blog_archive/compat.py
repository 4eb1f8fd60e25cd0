"""Other plugins that take a snapshot of the site's pages before ours adds the archive
pages (we run late, so that pages other plugins generate can be posts): each is told of the
pages we add, so that they work with archive pages as with any other."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File


def share_pages(added: list[File], config: MkDocsConfig) -> None:
    """mkdocs-redirects checks its targets against the pages it saw in its `on_files`
    (`doc_pages`): without this, a redirect to an archive page is "does not exist"."""
    for plugin in config.plugins.values():
        pages = getattr(plugin, "doc_pages", None)
        if type(plugin).__name__ == "RedirectPlugin" and isinstance(pages, dict):
            for file in added:
                pages.setdefault(file.src_uri, file)
