"""Incremental builds (`mkdocs serve --dirty`, `mkdocs build --dirty`): MkDocs renders only
the pages whose files changed, but every listing needs every post's title, summary, excerpt,
reading time (and, for full-content feeds, HTML). What a post's render gave is kept, keyed by
what it depends on (the file's text, the post's URL, mkdocs.yml, the plugin's version); a post
without a valid entry is made to render (its old output is removed, so MkDocs rebuilds it).

Under `serve` the entries live in the plugin object; a `build --dirty` is a process of its
own, so they are also written to a file in `cache_dir` and read back by the next one. A file
that cannot be read, of another format or version, or not JSON, is ignored (an info line) and
rebuilt: at worst every post renders once more, as in a full build."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from mkdocs_blog_archive import __version__
from mkdocs_blog_archive.frontmatter import FrontMatter

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from mkdocs_blog_archive.archive import ArchivePage, Post
    from mkdocs_blog_archive.plan import Plan
    from mkdocs_blog_archive.render import Entry
    from mkdocs_blog_archive.state import BuildState

log = get_plugin_logger(__name__)

FORMAT = 1
"""Of the cache file: a file of another format is ignored."""


@dataclass(frozen=True)
class Rendered:
    """What the plugin takes from a post's rendered HTML."""

    title: str
    summary: str
    excerpt_html: str = ""
    more: bool = False
    readtime: int | None = None
    html: str | None = None
    """The HTML itself, kept only for full-content feeds."""


@dataclass
class RenderCache:
    """Rendered posts by src_uri, each with the key it was made under."""

    entries: dict[str, tuple[str, Rendered]] = field(default_factory=dict)
    salt: str = ""
    """What every entry depends on: mkdocs.yml, the plugin's version."""
    sources: dict[str, tuple[str, dict[str, Any], str | None]] = field(default_factory=dict)
    """Each post's front matter and first heading, by src_uri, with the file's signature
    (time and size) when read: an unchanged file is not read again."""
    posts: dict[str, tuple[str, Post | None]] = field(default_factory=dict)
    """What each unchanged file made (a post, or None), by src_uri, under `serve`."""
    listed: dict[str, tuple[tuple[Any, ...], Entry]] = field(default_factory=dict)
    """Each post's listing entry as last made, with what it was made of (under `serve`)."""
    pages: dict[str, str] = field(default_factory=dict)
    """What each archive page was made of (its listing, the nav), by src_uri."""
    listings: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    """Each archive page's listing as last made, with what it was made of (under `serve`:
    all of them in memory, the price of a fast rebuild)."""
    feeds: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """Each feed as last made, by src_uri, with what it was made of (`finish._stamp`)."""
    embedders: set[str] = field(default_factory=set)
    """The output files of the pages whose listing markers the last build filled (`embed`):
    made again in a dirty build, as their listings change with any post."""
    outputs: set[str] = field(default_factory=set)
    """The files the last build generated (archive pages, feeds): one it no longer makes is
    removed, as a full build would not have it."""

    def key(self, signature: str, url: str) -> str:
        data = "\0".join((self.salt, url, signature)).encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, digest_size=16).hexdigest()

    def get(self, src_uri: str, key: str) -> Rendered | None:
        found = self.entries.get(src_uri)
        return found[1] if found is not None and found[0] == key else None

    def put(self, src_uri: str, key: str, rendered: Rendered) -> None:
        self.entries[src_uri] = (key, rendered)

    def keep_only(self, src_uris: set[str]) -> None:
        """Forget posts that are gone (deleted, renamed, drafts now left out)."""
        for src_uri in [src for src in self.entries if src not in src_uris]:
            del self.entries[src_uri]
            self.sources.pop(src_uri, None)
            self.listed.pop(src_uri, None)
            self.posts.pop(src_uri, None)


def salt_of(config_file: str | None, blog_dir: str, custom_dir: str | None = None) -> str:
    """What every entry depends on besides its post: mkdocs.yml (the Markdown extensions,
    the plugin's options), the theme's `custom_dir` (templates that override ours or the
    theme's: each file's time and size), the plugin's version and the blog."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        with open(config_file or "", "rb") as file:
            digest.update(file.read())
    except OSError:
        pass
    for folder, _, names in sorted(os.walk(custom_dir)) if custom_dir else ():
        for name in sorted(names):
            with contextlib.suppress(OSError):
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return f"{FORMAT}:{__version__}:{digest.hexdigest()}:{blog_dir}"


def cache_path(cache_dir: str, config_file: str | None, blog_dir: str) -> str:
    """The file of one blog's entries; `cache_dir` is relative to mkdocs.yml's folder."""
    base = os.path.dirname(os.path.abspath(config_file)) if config_file else os.getcwd()
    name = hashlib.blake2b(blog_dir.encode("utf-8"), digest_size=6).hexdigest()
    return os.path.join(base, cache_dir, f"posts-{name}.json")


def load(path: str, salt: str) -> RenderCache:
    """The entries written by the last dirty build, or none (an info line says why)."""
    cache = RenderCache(salt=salt)
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except FileNotFoundError:
        return cache
    except (OSError, ValueError) as error:
        log.info(f"{path}: cannot read the cache ({error}); every post is rendered again")
        return cache
    if not isinstance(data, dict) or data.get("salt") != salt:
        log.info(f"{path}: the cache is of another build set-up; every post is rendered again")
        return cache
    try:
        for src_uri, (key, fields) in data["posts"].items():
            cache.put(str(src_uri), str(key), Rendered(**fields))
        cache.outputs = {str(output) for output in data["outputs"]}
        cache.embedders = {str(output) for output in data.get("embedders", [])}
        for src_uri, (signature, front, heading) in data["sources"].items():
            cache.sources[str(src_uri)] = (str(signature), _decoded(front), heading)
        for src_uri, (stamp, text) in data["feeds"].items():
            cache.feeds[str(src_uri)] = (str(stamp), str(text).encode("utf-8"))
    except (KeyError, TypeError, ValueError) as error:
        log.info(f"{path}: the cache is damaged ({error!r}); every post is rendered again")
        return RenderCache(salt=salt)
    return cache


def save(cache: RenderCache, path: str) -> None:
    """Write the entries (through a temporary file, so a stopped build leaves no half file);
    a folder that cannot be written is an info line: the next dirty build renders more."""
    posts: dict[str, Any] = {
        src_uri: [key, dataclasses.asdict(rendered)]
        for src_uri, (key, rendered) in cache.entries.items()
    }
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            outputs = sorted(cache.outputs)
            embedders = sorted(cache.embedders)
            sources = {
                src: [sig, _encoded(front), heading]
                for src, (sig, front, heading) in (cache.sources.items())
            }
            feeds = {
                src: [stamp, data.decode("utf-8")] for src, (stamp, data) in cache.feeds.items()
            }
            everything = {"salt": cache.salt, "posts": posts, "outputs": outputs}
            everything["embedders"] = embedders
            json.dump({**everything, "sources": sources, "feeds": feeds}, file)
        os.replace(temporary, path)
    except (OSError, TypeError, ValueError) as error:
        log.info(f"{path}: cannot write the cache ({error}); the next dirty build renders more")


def _encoded(value: Any) -> Any:
    """Front matter as JSON: YAML's dates and times tagged (other types stop the write)."""
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {str(key): _encoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_encoded(item) for item in value]
    return value


def _decoded(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) == 1 and "$datetime" in value:
            return dt.datetime.fromisoformat(value["$datetime"])
        if len(value) == 1 and "$date" in value:
            return dt.date.fromisoformat(value["$date"])
        return {key: _decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    return value


def _copy(post: Post | None) -> Post | None:
    return dataclasses.replace(post, terms=dict(post.terms)) if post is not None else None


def listing_stamp(plan: Plan, page: ArchivePage, reuse: Incremental) -> str | None:
    """What a listing is made of: the page's place, every archive's name, URL and size (the
    index's sections, the pager, the counts), and what each post shown was made of (its
    entry's stamp); None where a post has none (a page made by a plugin)."""
    if reuse.shape is None:
        reuse.shape = repr([(a.kind.name, a.name, a.url, len(a.posts)) for a in plan.archives])
    parts = [reuse.shape, page.src_uri, page.url, repr((page.number, page.start, page.stop))]
    for post in page.archive.posts[page.start : page.stop]:
        known = reuse.cache.listed.get(post.src_uri)
        if known is None:
            return None
        parts.append(repr(known[0]))
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _nav_stamp(items: list[Any]) -> list[Any]:
    """The nav as every page shows it: each entry's kind, title and URL, in order."""
    found: list[Any] = []
    for item in items:
        kind = (getattr(item, "is_section", False), getattr(item, "is_link", False))
        found.append((kind, item.title, getattr(item, "url", None)))
        children = getattr(item, "children", None)
        if isinstance(children, list):
            found.append(_nav_stamp(children))
    return found


class ArchiveFile(File):
    """An archive page's file: in a dirty build, `unchanged` when the page would come out as
    its output file already is, so MkDocs does not write it again."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


@dataclass(frozen=True)
class Unread(FrontMatter):
    """The front matter of a file not read again; its text is not here (no page is made
    from it: MkDocs, which does not render an unchanged file, would read it itself)."""

    heading: str | None = None

    def first_heading(self) -> str | None:
        return self.heading


@dataclass
class Incremental:
    """One dirty build's use of the entries: the key of each post, the file they go to."""

    cache: RenderCache
    path: str | None = None
    """The cache file (`build --dirty`); None under `serve`, whose plugin object keeps them."""
    keys: dict[str, str] = field(default_factory=dict)
    """Each post's key; none for a page made by a plugin (MkDocs renders it every time)."""
    generated: set[str] = field(default_factory=set)
    """This build's archive pages' and feeds' output files."""
    signatures: dict[str, str] = field(default_factory=dict)
    shape: str | None = None
    """Every archive's kind, name, URL and size, for the listings' stamps."""

    def reader(
        self, read: Callable[[File], FrontMatter | None]
    ) -> Callable[[File], FrontMatter | None]:
        """`read`, but a file unchanged since it was read (same time and size) is not read:
        its front matter is what was read then (MkDocs does not render it either)."""
        sources = self.cache.sources

        def cached(file: File) -> FrontMatter | None:
            try:
                stat = os.stat(file.abs_src_path or "")
            except OSError:
                return read(file)  # a page made by a plugin, in memory
            signature = self.signatures[file.src_uri] = f"{stat.st_mtime_ns}:{stat.st_size}"
            known = sources.get(file.src_uri)
            if known is not None and known[0] == signature:
                return Unread(known[1], "", heading=known[2])
            front = read(file)
            if front is not None:
                sources[file.src_uri] = (signature, front.data, front.first_heading())
            return front

        return cached

    def make(
        self, file: File, front: FrontMatter, read: Callable[[File, FrontMatter], Post | None]
    ) -> Post | None:
        """The post an unchanged file (same time and size, URL, git date) made last time, a
        copy (a build changes its posts); else what `read` makes. Warnings about its front
        matter were given when it was read (10,000 posts: 0.5 s)."""
        signature = self.signatures.get(file.src_uri)
        if signature is None:
            return read(file, front)
        stamp = f"{signature}|{file.url}"
        known = self.cache.posts.get(file.src_uri)
        if known is None or known[0] != stamp:
            post = read(file, front)
            self.cache.posts[file.src_uri] = (stamp, _copy(post))
            return post
        return _copy(known[1])

    def prepare(
        self, posts: dict[str, tuple[str, str]], listings: list[str], generated: set[str]
    ) -> None:
        """Key every post (`posts`: by src_uri, its URL and its output file);
        a post whose entry is missing or stale is made to render, as are the site's own
        pages at archive URLs (`listings`: their output files), whose listings change with
        any post: their output files are removed, so MkDocs sees them as changed.
        `generated`: the output files of the archive pages and feeds the plugin makes."""
        self.generated = generated
        stale = [*listings, *self.cache.embedders]
        for src_uri, (url, output) in posts.items():
            signature = self.signatures.get(src_uri)
            if signature is None:
                continue
            key = self.keys[src_uri] = self.cache.key(signature, url)
            if self.cache.get(src_uri, key) is None:
                stale.append(output)
        for output in stale:
            with contextlib.suppress(OSError):
                os.remove(output)

    def read_titles(self, files: Files, config: MkDocsConfig) -> None:
        """The nav entries' titles: MkDocs does not read the pages a dirty build skips, so
        the nav (on every page written, archive pages included) would have no title for
        them. The few pages in the nav are read (posts are not in it)."""
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.markdown is None and file.inclusion.is_in_nav():
                page.read_source(config)

    def skip_unchanged(
        self, state: BuildState, plan: Plan, files: Files, nav: Navigation | None
    ) -> None:
        """Mark the archive pages whose listing and nav (the page's only parts that change
        with the site's pages) are what they were made of last time: their output files
        stand, MkDocs writes them not again (on Material, ~4 ms a page)."""
        if nav is None:
            return
        nav_stamp = repr(_nav_stamp(nav.items))
        for src_uri, page in state.pages.items():
            file = files.src_uris.get(src_uri)
            listing = listing_stamp(plan, page, self) if isinstance(file, ArchiveFile) else None
            if file is None or listing is None or page.user_page:
                continue
            stamp = hashlib.blake2b(f"{nav_stamp}\0{listing}".encode()).hexdigest()
            known, self.cache.pages[src_uri] = self.cache.pages.get(src_uri), stamp
            if known == stamp and os.path.isfile(file.abs_dest_path):
                file.unchanged = True  # type: ignore[attr-defined]

    def finish(self, embedders: set[str]) -> None:
        """Forget posts no longer published and remove the archive pages and feeds no longer
        made; keep which pages' markers were filled (`embedders`); write the file."""
        self.cache.keep_only(set(self.keys))
        self.cache.embedders = embedders
        for output in self.cache.outputs - self.generated:
            with contextlib.suppress(OSError):
                os.remove(output)
        self.cache.outputs = self.generated
        if self.path is not None:
            save(self.cache, self.path)


def start(plugin: Any, config: MkDocsConfig) -> Incremental | None:
    """A dirty build's use of the entries (None for a full build, which reads none): the
    plugin object's own under `serve`, the cache file's under `build --dirty`. Each blog and
    language (mkdocs-static-i18n builds each in turn) has entries of its own."""
    if not getattr(plugin, "dirty", False):
        return None
    options, config_file = plugin.config, config.config_file_path
    blog = f"{options.blog_dir}:{plugin.languages.current}"
    salt = salt_of(config_file, blog, config.theme.custom_dir)
    if plugin.command == "serve":
        kept: RenderCache = plugin.rendered
        if kept.salt != salt:
            plugin.rendered = kept = RenderCache(salt=salt)
        return Incremental(kept)
    if not options.cache_dir:
        return Incremental(RenderCache(salt=salt))
    path = cache_path(options.cache_dir, config_file, blog)
    return Incremental(load(path, salt), path)
