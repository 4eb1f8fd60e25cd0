"""Multilingual sites with mkdocs-static-i18n. It builds the site once per language, and in
each build its `on_files` keeps only that language's pages, as new files at that language's
URLs (`fr/…`). So, with it, the blog is made after that (`AFTER_I18N`): each language gets
its own blog of its own posts, laid out under its folder, in its labels and date format.

Its first build sees every language's pages: the front matter of all of them is read there,
once, and each language's archives are planned, so that every build knows which archives
the other languages have (for the language switcher and the sitemap's alternates); each
later build takes its posts' front matter from what was read."""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import InclusionLevel

from mkdocs_blog_archive import frontmatter, posts
from mkdocs_blog_archive.frontmatter import FrontMatter, read_front_matter

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    from mkdocs_blog_archive.archive import Post
    from mkdocs_blog_archive.plan import Plan

AFTER_I18N = -101
"""Our `on_files` priority on a multilingual site: just after mkdocs-static-i18n's (-100)."""


@dataclass(frozen=True)
class Alternate:
    """A page in another language, as i18n's language switcher and sitemap read it."""

    url: str
    page: None = None


@dataclass
class Survey:
    """What the first build of a multilingual run learns for every build of it."""

    fronts: dict[str, FrontMatter | None] = field(default_factory=dict)
    """Front matter by src_uri, read once; None for a page that could not be read."""
    archives: dict[str, set[str]] = field(default_factory=dict)
    """Each language's archive pages, by URL without the language's folder."""
    posts: dict[str, set[str]] = field(default_factory=dict)
    """Each language's posts, by src_uri."""


@dataclass
class Languages:
    """The languages of the site and the one being built: one, without mkdocs-static-i18n
    (every method then leaves paths and pages as they are)."""

    i18n: Any = None
    """The mkdocs-static-i18n plugin, which the sitemap and switcher data are handed to."""
    current: str = ""
    default: str = ""
    codes: tuple[str, ...] = ()
    folders: bool = False
    """`docs_structure: folder` (`fr/blog/…`), else `suffix` (`blog/post.fr.md`)."""

    @property
    def several(self) -> bool:
        return self.i18n is not None

    @property
    def first_build(self) -> bool:
        """The run's first build (the default language's), the one that sees every page."""
        return self.i18n is None or not self.i18n.building

    @property
    def prefix(self) -> str:
        """The folder the language's pages go to: none for the default language."""
        return "" if self.current == self.default else self.current

    def language_of(self, src_uri: str) -> str:
        if not self.several:
            return self.current
        if self.folders:
            first = src_uri.partition("/")[0]
            return first if first in self.codes else self.default
        suffixes = PurePosixPath(src_uri).suffixes
        if len(suffixes) > 1 and suffixes[-2][1:] in self.codes:
            return suffixes[-2][1:]
        return self.default

    def neutral(self, src_uri: str) -> str:
        """The page's path without its language, as the blog's options name paths."""
        language = self.language_of(src_uri)
        if self.folders:
            return src_uri.removeprefix(f"{language}/")
        return src_uri if language == self.default else src_uri.replace(f".{language}.", ".", 1)

    def url(self, neutral: str, language: str) -> str:
        """A page's URL in a language, from its URL without the language's folder."""
        return neutral if language == self.default else f"{language}/{neutral}"

    def unplaced(self, url: str) -> str:
        """A URL of the language being built without the language's folder."""
        return url.removeprefix(f"{self.prefix}/") if self.prefix else url

    def blog_dir(self, blog_dir: str, language: str | None = None) -> str:
        """Where a language's blog goes."""
        language = self.current if language is None else language
        if language == self.default:
            return blog_dir
        return posixpath.normpath(posixpath.join(language, blog_dir))

    def authors_path(self, path: str, docs_dir: str) -> str:
        """A language's own authors file (`fr/…` in folders, `.authors.fr.yml`), if any."""
        if not self.several:
            return path
        stem, dot, ext = path.rpartition(".")
        own = f"{self.current}/{path}" if self.folders else f"{stem}.{self.current}{dot}{ext}"
        return own if os.path.isfile(os.path.join(docs_dir, own)) else path


def find(config: MkDocsConfig, locale: str) -> Languages:
    """The site's languages: those mkdocs-static-i18n builds it in, else its `locale`."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("mkdocs_static_i18n") and hasattr(
            plugin, "current_language"
        ):
            codes = tuple(str(code) for code in plugin.all_languages)
            default = str(plugin.default_language or codes[0])
            return Languages(
                i18n=plugin,
                current=str(plugin.current_language or default),
                default=default,
                codes=codes,
                folders=plugin.config.docs_structure == "folder",
            )
    return Languages(current=locale, default=locale, codes=(locale,))


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The survey's reading of a post says nothing: that post's own build says it."""
    loggers = [getattr(module.log, "logger", module.log) for module in (posts, frontmatter)]
    silence = logging.Filter("-")  # a name no logger has: every record is dropped
    for logger in loggers:
        logger.addFilter(silence)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(silence)


def survey(
    found: Survey,
    languages: Languages,
    pages: list[File],
    to_post: Callable[[File, FrontMatter], Post | None],
    to_plan: Callable[[list[Post]], Plan],
) -> None:
    """Read every language's candidate `pages` once; plan each language's archives."""
    by_language: dict[str, list[Post]] = {code: [] for code in languages.codes}
    for file in pages:
        front = found.fronts[file.src_uri] = read_front_matter(file)
        if front is None:
            continue
        with _quiet():
            post = to_post(file, front)
        if post is not None:
            by_language.setdefault(languages.language_of(file.src_uri), []).append(post)
    for code, listed in by_language.items():
        found.posts[code] = {post.src_uri for post in listed}
        plan = to_plan(listed)
        found.archives[code] = {page.url for archive in plan.archives for page in archive.pages}


def own_pages(languages: Languages, pages: list[File], found: Survey) -> list[File]:
    """The pages written in the language being built; another language's posts that i18n
    puts in its place (`fallback_to_default`) stay out of the nav."""
    own = []
    others = set().union(*(srcs for code, srcs in found.posts.items() if code != languages.current))
    for file in pages:
        if getattr(file, "locale", languages.current) == languages.current:
            own.append(file)
        elif file.src_uri in others and file.inclusion.is_in_nav():
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return own


def reader(found: Survey) -> Callable[[File], FrontMatter | None]:
    """Read a page's front matter: what the survey read, else the file."""

    def read(file: File) -> FrontMatter | None:
        if file.src_uri not in found.fronts:
            return read_front_matter(file)
        front = found.fronts.pop(file.src_uri)
        if front is None:
            file.inclusion = InclusionLevel.EXCLUDED  # as the survey's reading said
        return front

    return read


def hand_over(languages: Languages, added: list[File], found: Survey) -> None:
    """Tell i18n of the pages added: each links to the same archive page in the other
    languages that have it (its language switcher) and joins its sitemap."""
    if not languages.several:
        return
    for file in added:
        file.locale = file.locale_alternate_of = languages.current  # type: ignore[attr-defined]
        alternates: dict[str, Any] = {languages.current: file}
        neutral = languages.unplaced(file.url)
        for code in languages.codes:
            if code != languages.current and neutral in found.archives.get(code, ()):
                alternates[code] = Alternate(languages.url(neutral, code))
        file.alternates = alternates  # type: ignore[attr-defined]
    store = getattr(languages.i18n, "i18n_files_per_language", None)
    if isinstance(store, dict):
        store.setdefault(languages.current, []).extend(added)
