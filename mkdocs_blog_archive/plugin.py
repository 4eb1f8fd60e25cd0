"""The `blog-archive` plugin: wires the build events, in the order MkDocs runs them."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import zoneinfo
from typing import TYPE_CHECKING

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from pathspec.gitignore import GitIgnoreSpec

from mkdocs_blog_archive import feeds, fill, gitdates, i18n
from mkdocs_blog_archive import nav as blog_nav
from mkdocs_blog_archive.archive import (
    Archive,
    Post,
    group_by_date,
    group_by_term,
    sort_posts,
)
from mkdocs_blog_archive.config import BlogArchiveConfig
from mkdocs_blog_archive.dates import date_formatter, month_formatter
from mkdocs_blog_archive.handover import hand_over
from mkdocs_blog_archive.pages import (
    LISTING_MARKER,
    TEMPLATES_DIR,
    Entry,
    Renderer,
)
from mkdocs_blog_archive.posts import (
    FrontMatter,
    check_authors,
    check_categories,
    collect_posts,
    hold_back,
    move_posts,
    read_authors,
)
from mkdocs_blog_archive.state import BuildState, PostOptions

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)

STYLESHEET = "blog-archive/blog-archive.css"


class BlogArchivePlugin(BasePlugin[BlogArchiveConfig]):
    """Dated pages become posts, listed on a blog index and on one archive page per category."""

    supports_multiple_instances = True
    output_prefix = ""
    """Folder (in docs_dir) that `write-pages` puts the archive pages and feeds under."""
    standalone: dict[str, bytes] | None = None
    """Set by `write-pages`: collects each archive page as Markdown, and each feed, by path."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Declared so that `mkdocs serve` keeps this object across rebuilds (MkDocs keeps
        plugins that have `on_startup`); `on_config` resets everything a build learns."""
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Reset per-build state, make the templates overridable, and add the stylesheet."""
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        if self.config.stylesheet and STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        self.tz = zoneinfo.ZoneInfo(self.config.timezone)
        locale = self.config.locale or config.theme.get("language") or config.theme.get("locale")
        self.locale = str(locale or "en")
        format_date = date_formatter(self.config.date_format, self.locale)
        labels = i18n.resolve_labels(self.locale, self.config.labels)
        self.build = BuildState(
            Renderer(
                config.theme.dirs,
                labels,
                format_date,
                month_formatter(self.locale),
                i18n.count_formatter(self.locale, labels),
                flavor="material" if config.theme.name == "material" else "",
            )
        )
        options = self.config.feeds
        formats = [name for name in feeds.FORMATS if options.enabled and options[name]]
        if formats and not config.site_url:
            log.info("feeds need an absolute site_url in mkdocs.yml: no feeds are written")
            formats = []
        self.build.feed_formats = formats
        self.build.options = PostOptions(
            keep_html=bool(formats) and options.full_content,
            summary_words=self.config.summary_words,
            reading_time=self.config.reading_time,
            words_per_minute=self.config.words_per_minute,
            post_nav=self.config.post_nav,
            related=self.config.related,
            backlinks=self.config.backlinks,
        )
        return config

    # Late, so that pages other plugins add (mkdocs-gen-files, for instance) can be posts too.
    @event_priority(-50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Read the posts' front matter and add the blog index and category pages."""
        blog_dir = self.config.blog_dir
        index_uri = posixpath.join(blog_dir, "index.md")
        folders = {"categories": "category", "tags": "tag", "authors": "author"}
        folders.update((key, key) for key in self.config.archives)
        term_dirs = {key: posixpath.join(blog_dir, folder) + "/" for key, folder in folders.items()}
        archive_dirs = tuple(term_dirs.values())
        if self.standalone is not None:  # write-pages: pages go under its folder instead
            blog_dir = posixpath.join(self.output_prefix, blog_dir).strip("/")
            term_dirs = {key: posixpath.join(self.output_prefix, d) for key, d in term_dirs.items()}
        patterns = GitIgnoreSpec.from_lines(self.config.posts) if self.config.posts else None
        pages_by_dest: dict[str, File] = {}
        candidates = []
        for file in files.documentation_pages():
            pages_by_dest[file.dest_uri] = file
            uri = file.src_uri
            if uri == index_uri or uri.startswith(archive_dirs):
                continue
            if patterns is None or patterns.match_file(uri):
                candidates.append(file)

        stylesheet = files.get_file_from_path(STYLESHEET)
        if (
            self.config.stylesheet
            and stylesheet is not None
            and stylesheet.src_dir == config.docs_dir
        ):
            log.warning(
                f"{STYLESHEET}: your file stands where the plugin's stylesheet goes; yours is kept"
            )
        added = gitdates.added_dates(config.docs_dir) if self.config.git_dates else None
        sources: dict[str, FrontMatter] = {}
        found = collect_posts(candidates, self.tz, self.config.archives, added, sources)
        posts = self._publishable(found, files)
        check_categories(posts, self.config.categories_allowed)
        if self.config.post_url_format:
            pattern = self.config.post_url_format
            move_posts(posts, files, pages_by_dest, pattern, self.config.blog_dir, config)
        self._resolve_authors(posts, config)
        hand_over(candidates, sources, config)
        if not posts:
            where = f" matching {self.config.posts}" if self.config.posts else ""
            log.warning(f"no posts found: no page{where} has a date; the blog index is empty")

        build = self.build
        build.posts = {post.src_uri: post for post in posts}
        labels = build.renderer.labels
        build.index = Archive(
            "index", labels["blog"], "", posixpath.join(blog_dir, "index.md"), posts=list(posts)
        )
        automatic_nav = config.nav is None
        self._add_archive_page(build.index, files, pages_by_dest, config, automatic_nav, blog_dir)
        self._add_feed_files(build.index, blog_dir, files, config)
        for key, folder in term_dirs.items():
            # `{slug}.md`, not `{slug}/index.md`: the same URL, but not an index page, which
            # Material's navigation.indexes would turn into the link of the nav section.
            archives, clashes = group_by_term(posts, key, folder + "{slug}.md")
            noun = {"categories": "category", "tags": "tag"}.get(key, f"{key!r} name")
            for clash in clashes:
                log.warning(
                    f"{clash.src_uri}: {noun} {clash.merged!r} has the same slug "
                    f"({clash.slug!r}) as {clash.kept!r}; listed under {clash.kept!r}"
                )
            build.terms[key] = {archive.name: archive for archive in archives.values()}
            for archive in archives.values():
                self._add_archive_page(
                    archive, files, pages_by_dest, config, False, folder + archive.slug
                )
                self._add_feed_files(archive, folder + archive.slug, files, config)
        if self.config.year_archives or self.config.month_archives:
            month_uri = posixpath.join(blog_dir, "{year}/{month}.md")
            build.dates = group_by_date(
                posts,
                posixpath.join(blog_dir, "{year}.md"),
                month_uri if self.config.month_archives else None,
            )
            if not self.config.year_archives:
                build.dates = [archive for archive in build.dates if archive.kind == "month"]
            for archive in build.dates:
                folder = posixpath.join(blog_dir, archive.slug)
                self._add_archive_page(archive, files, pages_by_dest, config, False, folder)
        if build.terms["tags"]:
            build.tags_index = Archive(
                "tags-index", labels["tags"], "", term_dirs["tags"] + "index.md"
            )
            self._add_archive_page(build.tags_index, files, pages_by_dest, config, False)

        if not self.config.nav_posts:  # The archive pages stand in for posts in the nav.
            for file in candidates:
                if file.src_uri in build.posts and file.inclusion.is_in_nav():
                    file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    def _publishable(self, posts: list[Post], files: Files) -> list[Post]:
        """Drafts and future posts are listed, marked, only under `mkdocs serve`; in
        `mkdocs build` they are left out of the site, as MkDocs' own `draft_docs` are."""
        now = dt.datetime.now(dt.timezone.utc)
        kept, held = hold_back(posts, self.config.drafts, self.config.future_posts, now)
        if getattr(self, "command", "build") == "serve":
            return posts
        for post in held:
            file = files.get_file_from_path(post.src_uri)
            if file is not None:
                file.inclusion = InclusionLevel.DRAFT
        return kept

    def _resolve_authors(self, posts: list[Post], config: MkDocsConfig) -> None:
        """Look `authors` ids up in the authors file; without one, they are plain names."""
        relative = self.config.authors_file.format(blog_dir=self.config.blog_dir).lstrip("/")
        known = read_authors(os.path.join(config.docs_dir, relative))
        self.build.renderer.authors = known or {}
        if known is not None:
            check_authors(posts, known, relative)

    def _add_archive_page(
        self,
        archive: Archive,
        files: Files,
        pages_by_dest: dict[str, File],
        config: MkDocsConfig,
        in_nav: bool,
        folder: str | None = None,
    ) -> None:
        """Generate the archive's page, or adopt the user's page at the same URL; with
        `per_page`, add its further pages at `{folder}/page/{n}/`."""
        file = self._add_page(archive, archive.src_uri, files, pages_by_dest, config, in_nav)
        archive.src_uri = file.src_uri
        archive.url = file.url
        archive.page_urls = [file.url]
        per_page = self.config.per_page
        if folder is None or not per_page:
            return
        for number in range(2, -(-len(archive.posts) // per_page) + 1):
            src_uri = posixpath.join(folder, "page", f"{number}.md")
            page_file = self._add_page(archive, src_uri, files, pages_by_dest, config, False)
            self.build.page_numbers[page_file.src_uri] = number
            archive.page_urls.append(page_file.url)

    def _add_page(
        self,
        archive: Archive,
        src_uri: str,
        files: Files,
        pages_by_dest: dict[str, File],
        config: MkDocsConfig,
        in_nav: bool,
    ) -> File:
        generated = File.generated(
            config,
            src_uri,
            content=self.build.renderer.page_markdown(archive),
            inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
        )
        file = pages_by_dest.get(generated.dest_uri, generated)
        if file is generated:
            files.append(generated)
        else:
            self.build.user_pages.add(file.src_uri)
            if not in_nav and config.nav is None and file.inclusion.is_in_nav():
                file.inclusion = InclusionLevel.NOT_IN_NAV  # It joins the Categories section.
        self.build.pages[file.src_uri] = archive
        return file

    def _add_feed_files(
        self, archive: Archive, folder: str, files: Files, config: MkDocsConfig
    ) -> None:
        """Reserve the archive's feed files; their content is written in `on_env`."""
        for name in self.build.feed_formats:
            src_uri = posixpath.join(folder, feeds.FORMATS[name][0])
            if files.get_file_from_path(src_uri) is not None:
                log.warning(
                    f"{src_uri}: your file stands where the {feeds.FORMATS[name][2]} feed of "
                    f"{archive.src_uri} would go; yours is kept and that feed is not written"
                )
                continue
            file = File.generated(config, src_uri, content=b"")
            files.append(file)
            self.build.feed_files.setdefault(archive.src_uri, {})[name] = file

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """In an automatic nav: with `nav_categories`, a section of the category pages after
        the blog index; a section holding nothing but the blog index becomes the index."""
        build = self.build
        if config.nav is not None or build.index is None:
            return nav
        index_file = files.get_file_from_path(build.index.src_uri)
        if index_file is None or index_file.page is None:
            return nav
        if self.config.nav_categories:
            category_pages = []
            for archive in sorted(build.categories.values(), key=lambda a: a.name.casefold()):
                file = files.get_file_from_path(archive.src_uri)
                if file is not None and file.page is not None:
                    category_pages.append(file.page)
            blog_nav.add_category_section(
                nav, index_file.page, build.renderer.labels["categories"], category_pages
            )
        blog_nav.hoist_lone_index(nav, index_file.page)
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give a user's own archive page a place for the listing, at its end by default."""
        archive = self.build.pages.get(page.file.src_uri)
        if archive is None:
            return markdown
        if page.file.src_uri not in self.build.user_pages:
            number = self.build.page_numbers.get(page.file.src_uri, 1)
            page.meta.setdefault("title", self.build.renderer.heading_html(archive, number))
            return markdown
        if LISTING_MARKER in markdown:
            return markdown
        return f"{markdown.rstrip()}\n\n{LISTING_MARKER}\n"

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """An archive page gets its back-link. (Posts are finished in `on_env`, all in one
        pass: interleaved with MkDocs' rendering, the same work takes twice as long.)"""
        back = self._back_link(page)
        return fill.place(html, back, "above") if back else html

    def _back_link(self, page: Page) -> str:
        """The back-link to the blog index at the top of an archive page: every one but the
        first page of the index itself; "" for other pages."""
        build = self.build
        src_uri = page.file.src_uri
        archive = build.pages.get(src_uri)
        later_page = src_uri in build.page_numbers
        if archive is None or build.index is None or (archive.kind == "index" and not later_page):
            return ""
        return build.renderer.back_link(build.index.url, page.url)

    def on_env(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Every post is rendered now: one pass reads titles, summaries and reading times from
        the posts' HTML; then the posts are sorted, get their back-links and previous/next
        links, and the feeds are written. (Listings are filled in `on_page_context`.)"""
        build = self.build
        if build.index is None:
            return env
        renderer = build.renderer
        pages = fill.read_posts(build, files)
        entries: dict[str, Entry] = {}
        for post in sort_posts(list(build.posts.values())):
            entries[post.src_uri] = renderer.entry(post)
        order = {src_uri: position for position, src_uri in enumerate(entries)}
        for archive in build.archives():
            archive.posts.sort(key=lambda post: order[post.src_uri])
        build.index.posts.sort(key=lambda post: not post.pinned)  # Pinned first, kept in order.
        build.entries = entries
        build.sorted_categories = sorted(build.categories.values(), key=lambda a: a.name.casefold())
        build.sorted_tags = sorted(build.terms["tags"].values(), key=lambda a: a.name.casefold())
        fill.finish_posts(build, pages, files)
        if build.feed_formats:
            fill.write_feeds(build, config, self.config.feeds, self.locale)
        if self.standalone is not None:  # write-pages stops after on_env: collect everything
            self._collect_pages(files)
        return env

    # Before other plugins' (the search index, for one) read the page's content.
    @event_priority(50)
    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Fill an archive page's listing now, just before it is written: thousands of
        listings never sit in memory together."""
        if page.file.src_uri in self.build.pages and page.content is not None:
            per_page, index_posts = self.config.per_page, self.config.index_posts
            fill.place_listing(page, fill.listing(self.build, page, per_page, index_posts))
        return context

    def _collect_pages(self, files: Files) -> None:
        """For `write-pages`: each archive page as Markdown that any generator can render
        (a page of the user's there is then reported refused), each feed, the stylesheet."""
        assert self.standalone is not None
        build = self.build
        renderer = build.renderer
        for src_uri, archive in build.pages.items():
            file = files.get_file_from_path(src_uri)
            if file is None or file.page is None or build.index is None:
                continue
            page = file.page
            number = build.page_numbers.get(src_uri, 1)
            listing = "".join(
                fill.listing(build, page, self.config.per_page, self.config.index_posts)
            )
            back = self._back_link(page)
            markdown = renderer.standalone_markdown(archive, number, back, listing)
            self.standalone[src_uri] = markdown.encode("utf-8")
        for feed_files in build.feed_files.values():
            for feed_file in feed_files.values():
                self.standalone[feed_file.src_uri] = feed_file.content_bytes
        stylesheet = posixpath.join(self.output_prefix, STYLESHEET)
        with open(os.path.join(TEMPLATES_DIR, STYLESHEET), "rb") as css:
            self.standalone[stylesheet] = css.read()

    # Last, so that other plugins' `on_post_page` still see a generated page's content.
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Announce the feeds in `<head>`: an archive page its own, a post the blog's. A
        generated archive page, now written, lets its listing go."""
        build = self.build
        src_uri = page.file.src_uri
        if src_uri in build.pages:
            if src_uri not in build.user_pages:
                page.content = ""
            links = build.head_links.get(build.pages[src_uri].src_uri, "")
        elif src_uri in build.posts and build.index is not None:
            links = build.head_links.get(build.index.src_uri, "")
        else:
            return output
        if not links:
            return output
        return output.replace("</head>", f"{links}\n</head>", 1)
