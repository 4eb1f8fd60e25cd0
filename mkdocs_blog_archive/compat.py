"""Other plugins that take a snapshot of the site's pages before ours adds the archive
pages (we run late, so that pages other plugins generate can be posts): each is told of the
pages we add, so that they work with archive pages as with any other."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Container

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    from mkdocs_blog_archive.archive import Post


def tag_chips(config: MkDocsConfig) -> bool:
    """Material's `tags` plugin is on: the theme shows each post's tags as chips."""
    return any(
        type(plugin).__module__.startswith("material.plugins.tags")
        and getattr(plugin, "config", {}).get("enabled", True)
        for plugin in config.plugins.values()
    )


def drop_build_dates(page: Page) -> None:
    """git-revision-date-localized dates a page without a file in git (an archive page) by
    the build, so its "last update" would change at every build: an archive page has none."""
    if page.meta.get("git_revision_date_localized") is None:
        return
    for key in list(page.meta):
        if key.startswith(("git_revision_date_localized", "git_creation_date_localized")):
            del page.meta[key]


def description_tag(head: Container[str], description: str | None) -> str:
    """The post's `<meta name="description">` (its own, else its summary) for themes that
    write one on the home page only (mkdocs, readthedocs); none where the theme wrote one
    in the page's `head`."""
    if not description or 'name="description"' in head:
        return ""
    return f'\n<meta name="description" content="{escape(description)}">'


def post_head(head: Container[str], post: Post) -> str:
    """What a post adds to its `<head>`: its description (`description_tag`), and for an
    unlisted post `noindex` (search engines leave it out, as every listing does)."""
    robots = '\n<meta name="robots" content="noindex">' if post.unlisted else ""
    return description_tag(head, post.summary) + robots


def share_pages(added: list[File], config: MkDocsConfig) -> None:
    """mkdocs-redirects checks its targets against the pages it saw in its `on_files`
    (`doc_pages`): without this, a redirect to an archive page is "does not exist"."""
    for plugin in config.plugins.values():
        pages = getattr(plugin, "doc_pages", None)
        if type(plugin).__name__ == "RedirectPlugin" and isinstance(pages, dict):
            for file in added:
                pages.setdefault(file.src_uri, file)


def feed_rel(flavor: str) -> str:
    """The `rel` of a feed's `<link>` in pages' heads. Material's JavaScript takes every
    `link[rel=alternate]` for a language version and fetches `sitemap.xml` next to it
    (`blog/sitemap.xml`: a 404 per feed on every page view); `alternate feed` still names a
    feed (rel values are a set of tokens, as feed readers read them) and is not matched."""
    return "alternate feed" if flavor == "material" else "alternate"
