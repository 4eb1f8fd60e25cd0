"""Writing the plan into MkDocs' build: a file for each archive page and feed (or the site's
own page at an archive's URL), and posts kept out of an automatic nav."""

from __future__ import annotations

import gzip
import os
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import meta

from mkdocs_blog_archive import compat
from mkdocs_blog_archive.cache import ArchiveFile
from mkdocs_blog_archive.feeds import FORMATS
from mkdocs_blog_archive.render import LISTING_MARKER, TEMPLATES_DIR

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from mkdocs_blog_archive.archive import Archive, ArchivePage, FeedFile, Post
    from mkdocs_blog_archive.config import FeedsConfig
    from mkdocs_blog_archive.plan import Plan
    from mkdocs_blog_archive.state import BuildState

log = get_plugin_logger(__name__)

STYLESHEET = "blog-archive/blog-archive.css"
FACTS = ("site_url", "site_name", "site_description", "site_author")
"""What feeds say of the site, from MkDocs' options."""


def feed_formats(options: FeedsConfig, site_url: str | None) -> list[str]:
    """The feed formats to write: those switched on, none without an absolute site_url."""
    formats = [name for name in FORMATS if options.enabled and options[name]]
    if formats and not site_url:
        log.info("feeds need an absolute site_url in mkdocs.yml: no feeds are written")
        return []
    return formats


def add_files(
    plan: Plan,
    state: BuildState,
    files: Files,
    taken: dict[str, File],
    config: MkDocsConfig,
    folder: str = "",
) -> list[File]:
    """A file for every page and feed of the plan, in its order. `taken` holds the site's
    pages by dest_uri: one at an archive page's URL becomes that page. Returns the pages'.
    A multilingual site's blog lies in its language's `folder`, as its pages do: their
    paths leave it out (their place in the nav), their URLs have it."""
    automatic_nav = config.nav is None
    added: list[File] = []
    for archive in plan.archives:
        kept = None  # Material's pagination_keep_content: the first page's own text
        for page in archive.pages:
            in_nav = automatic_nav and archive.kind.source == "all" and page.number == 1
            markdown = kept or state.renderer.page_markdown(archive, page.number)
            file = _page_file(page, markdown, files, taken, config, in_nav, folder)
            state.pages[file.src_uri] = page
            added.append(file)
            if page.user_page and state.options.keep_content:
                kept = _kept_content(file, markdown)
        feeds = archive.feeds
        archive.feeds = [f for f in feeds if _feed_file(f, archive, files, state, config, folder)]
    compat.share_pages(added, config)
    return added


def _kept_content(file: File, markdown: str) -> str:
    """Material's `pagination_keep_content`: later pages show the page's own text too (its
    front matter left out: each later page is titled by its number)."""
    try:
        text = meta.get_data(file.content_string)[0]
    except (OSError, ValueError):
        return markdown
    return text if LISTING_MARKER in text else f"{text.rstrip()}\n\n{LISTING_MARKER}\n"


def _page_file(
    page: ArchivePage,
    markdown: str,
    files: Files,
    taken: dict[str, File],
    config: MkDocsConfig,
    in_nav: bool,
    folder: str,
) -> File:
    inclusion = InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
    src_uri = _outside(page.src_uri, folder)
    generated = ArchiveFile.generated(config, src_uri, content=markdown, inclusion=inclusion)
    if folder:
        generated.dest_uri = posixpath.join(folder, generated.dest_uri)
    file = taken.get(generated.dest_uri, generated)
    if file is generated:
        files.append(generated)
    else:
        page.user_page = True
        if not in_nav and config.nav is None and file.inclusion.is_in_nav():
            file.inclusion = InclusionLevel.NOT_IN_NAV  # It joins the Categories section.
    page.src_uri, page.url = file.src_uri, file.url
    return file


def _outside(src_uri: str, folder: str) -> str:
    return src_uri.removeprefix(f"{folder}/") if folder else src_uri


def _feed_file(
    feed: FeedFile,
    archive: Archive,
    files: Files,
    state: BuildState,
    config: MkDocsConfig,
    folder: str,
) -> bool:
    """Reserve the feed's file (its content is written in `on_env`); False where the site
    has a file of its own there."""
    src_uri = _outside(feed.src_uri, folder)
    if files.get_file_from_path(src_uri) is not None:
        log.warning(
            f"{feed.src_uri}: your file stands where the {FORMATS[feed.format][2]} feed of "
            f"{archive.src_uri} would go; yours is kept and that feed is not written"
        )
        return False
    file = File.generated(config, src_uri, content=b"")
    file.dest_uri = feed.src_uri
    files.append(file)
    state.feed_files[feed.src_uri] = file
    return True


def stylesheet_file(prefix: str) -> dict[str, bytes]:
    """The plugin's stylesheet, by its path under `prefix` (for `write-pages`)."""
    with open(os.path.join(TEMPLATES_DIR, STYLESHEET), "rb") as css:
        return {posixpath.join(prefix, STYLESHEET): css.read()}


def check_stylesheet(files: Files, config: MkDocsConfig) -> None:
    """Warn when a file of the site's own stands where the plugin's stylesheet goes."""
    stylesheet = files.get_file_from_path(STYLESHEET)
    if stylesheet is not None and stylesheet.src_dir == config.docs_dir:
        log.warning(
            f"{STYLESHEET}: your file stands where the plugin's stylesheet goes; yours is kept"
        )


def keep_out_of_nav(pages: list[File], posts: set[str]) -> None:
    """The archive pages stand in for posts in an automatic nav."""
    for file in pages:
        if file.src_uri in posts and file.inclusion.is_in_nav():
            file.inclusion = InclusionLevel.NOT_IN_NAV


_SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def finish_sitemap(config: MkDocsConfig, posts: Iterable[Post]) -> None:
    """The theme's `sitemap.xml` (and `.gz`) without unlisted posts, and with each updated
    post's `lastmod` its updated date (MkDocs writes the build's date for every page).
    Untouched when no post is unlisted or updated, or the theme wrote no sitemap."""
    base = config.site_url or ""
    unlisted = {urljoin(base, post.url) for post in posts if post.unlisted}
    updated = {urljoin(base, p.url): p.updated for p in posts if p.updated and not p.unlisted}
    path = os.path.join(config.site_dir, "sitemap.xml")
    if not (unlisted or updated) or not base or not os.path.isfile(path):
        return
    ET.register_namespace("", _SITEMAP)
    try:
        tree = ET.parse(path)
    except ET.ParseError:
        return  # not ours to repair
    root = tree.getroot()
    for url in list(root):
        loc = url.findtext(f"{{{_SITEMAP}}}loc", "").strip()
        if loc in unlisted:
            root.remove(url)
        elif loc in updated:
            lastmod = url.find(f"{{{_SITEMAP}}}lastmod")
            if lastmod is None:
                lastmod = ET.SubElement(url, f"{{{_SITEMAP}}}lastmod")
            lastmod.text = updated[loc].date().isoformat()
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    with open(path, "wb") as plain:
        plain.write(data)
    if os.path.isfile(path + ".gz"):
        with gzip.GzipFile(path + ".gz", "wb", mtime=0) as packed:
            packed.write(data)
