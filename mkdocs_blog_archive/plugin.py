"""The `blog-archive` plugin: MkDocs' events wired to the stages, in the order MkDocs runs
them: collect the posts and plan their archives (`on_files`), render what MkDocs cannot
(`on_env`: every post is rendered by then), write each archive page as it is written
(`on_page_context`, `on_post_page`)."""

from __future__ import annotations

import dataclasses
import os
import posixpath
import zoneinfo
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from mkdocs_blog_archive import finish, gitdates, i18n, material, posts, site
from mkdocs_blog_archive import nav as blog_nav
from mkdocs_blog_archive.config import BlogArchiveConfig
from mkdocs_blog_archive.dates import date_formatter, month_formatter
from mkdocs_blog_archive.frontmatter import Schema
from mkdocs_blog_archive.handover import hand_over
from mkdocs_blog_archive.kinds import site_kinds
from mkdocs_blog_archive.plan import PlanOptions, plan_archives, reserved_paths
from mkdocs_blog_archive.render import LISTING_MARKER, TEMPLATES_DIR, Renderer
from mkdocs_blog_archive.state import BuildState, PostOptions

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.base import ConfigErrors, ConfigWarnings
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from mkdocs_blog_archive.archive import Post

log = get_plugin_logger(__name__)


class BlogArchivePlugin(BasePlugin[BlogArchiveConfig]):
    """Dated pages become posts, listed on a blog index and on one archive page per category."""

    supports_multiple_instances = True

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Declared so that `mkdocs serve` keeps this object across rebuilds (MkDocs keeps
        plugins that have `on_startup`); `on_config` resets everything a build learns."""
        self.command = command

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """Remember which options the site wrote: Material's defaults never override them."""
        self.given = frozenset(options)
        return super().load_config(options, config_file_path)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the options once (Material's into ours), make the templates overridable, add
        the stylesheet."""
        options = self.config
        self.migration = material.translate(options, getattr(self, "given", ()))
        self.migration.apply(options)
        locale = options.locale or config.theme.get("language") or config.theme.get("locale")
        self.locale = str(locale or "en")
        if not options.enabled:
            self.build = BuildState(self._renderer(config, PostOptions()))
            return config
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        if options.stylesheet and site.STYLESHEET not in config.extra_css:
            config.extra_css.append(site.STYLESHEET)
        self.schema = Schema(zoneinfo.ZoneInfo(options.timezone), options.archives)
        formats = site.feed_formats(options.feeds, config.site_url)
        kinds = site_kinds(options.archives, options.year_archives, options.month_archives)
        kinds = material.place_kinds(options, kinds, self.migration.on)
        self.plan_options = PlanOptions.of(
            options, kinds, self.migration, formats, config.use_directory_urls, self.locale
        )
        self.migration.announce(options, kinds)
        self.site = {key: str(config[key] or "") for key in site.FACTS}
        post_options = PostOptions.of(options, feeds_on=bool(formats))
        self.build = BuildState(self._renderer(config, post_options), post_options)
        return config

    def _renderer(self, config: MkDocsConfig, options: PostOptions) -> Renderer:
        labels = i18n.resolve_labels(self.locale, self.config.labels)
        return Renderer(
            config.theme.dirs,
            labels,
            date_formatter(self.config.date_format, self.locale),
            month_formatter(self.locale),
            i18n.count_formatter(self.locale, labels),
            flavor="material" if config.theme.name == "material" else "",
            look=options.look,
        )

    # Late, so that pages other plugins add (mkdocs-gen-files, for instance) can be posts too.
    @event_priority(-50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Collect the posts (each page read once), plan their archives, add the files."""
        if not self.config.enabled:
            return files
        if self.migration.media_from is not None:
            posts.move_media(files, self.migration.media_from, self.config.blog_dir, config)
        if self.config.stylesheet:
            site.check_stylesheet(files, config)
        taken = {file.dest_uri: file for file in files.documentation_pages()}
        pages = posts.candidates(files, self.config.posts, reserved_paths(self.plan_options))
        if not self.migration.on and config.theme.name == "material":
            material.hint(pages, self.config)
        added = gitdates.added_dates(config.docs_dir) if self.config.git_dates else None
        url_slugs = self.migration.url_slugs(self.config.post_url_format)
        found = posts.collect_posts(pages, self.schema, added, url_slugs)
        self.migration.rank(found.posts)
        published = self._publish(found.posts, files, taken, config)
        hand_over(found.candidates, found.sources, config)
        plan = self.build.plan = plan_archives(published, self.plan_options)
        for kind, clash in plan.clashes:
            finish.report_clash(kind, clash)
        site.add_files(plan, self.build, files, taken, config)
        if not self.config.nav_posts:
            site.keep_out_of_nav(found.candidates, set(self.build.posts))
        return files

    def _publish(
        self, found: list[Post], files: Files, taken: dict[str, File], config: MkDocsConfig
    ) -> list[Post]:
        """The posts to publish, filed under allowed categories, at their URLs, with their
        authors looked up."""
        options = self.config
        shown = self.migration.serving(getattr(self, "command", "build"))
        published = posts.publishable(found, files, options.drafts, options.future_posts, *shown)
        posts.check_names(published, options.categories_allowed, options.authors)
        if options.post_url_format:
            parts = self.migration.url_parts(self.locale)
            pattern = options.post_url_format
            posts.move_posts(published, files, taken, pattern, options.blog_dir, config, parts)
        authors_file = posts.authors_path(options.authors_file, options.blog_dir)
        known = posts.read_authors(os.path.join(config.docs_dir, authors_file))
        self.build.renderer.authors = known or {}
        if known is not None:
            posts.check_authors(published, known, authors_file)
        self.plan_options = self.migration.place_authors(self.plan_options, known or {})
        if not published:
            where = f" matching {options.posts}" if options.posts else ""
            log.warning(f"no posts found: no page{where} has a date; the blog index is empty")
        self.build.posts = {post.src_uri: post for post in published}
        return published

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """In an automatic nav: with `nav_categories`, a section of the category pages after
        the blog index; a section holding nothing but the blog index becomes the index."""
        plan = self.build.plan
        index = files.get_file_from_path(plan.index.src_uri) if plan is not None else None
        if config.nav is not None or plan is None or index is None or index.page is None:
            return nav
        categories = []
        if self.config.nav_categories:
            for archive in plan.categories():
                file = files.get_file_from_path(archive.src_uri)
                if file is not None and file.page is not None:
                    categories.append(file.page)
        label = self.build.renderer.labels["categories"]
        blog_nav.arrange(nav, index.page, label, categories)
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A generated archive page gets its title; a user's own, a place for the listing."""
        archive_page = self.build.pages.get(page.file.src_uri)
        if archive_page is None:
            return markdown
        if not archive_page.user_page:
            title = self.build.renderer.heading_html(archive_page.archive, archive_page.number)
            page.meta.setdefault("title", title)
            return markdown
        if LISTING_MARKER in markdown:
            return markdown
        return f"{markdown.rstrip()}\n\n{LISTING_MARKER}\n"

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """An archive page gets its back-link. (Posts are finished in `on_env`, all in one
        pass: interleaved with MkDocs' rendering, the same work takes twice as long.)"""
        archive_page = self.build.pages.get(page.file.src_uri)
        if archive_page is None or self.build.plan is None:
            return html
        back = finish.back_link(self.build.renderer, self.build.plan, archive_page)
        return finish.place(html, back, "above") if back else html

    def on_env(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Every post is rendered now: read titles, summaries and reading times from their
        HTML, sort the archives, make each post's blocks, write the feeds."""
        build, plan = self.build, self.build.plan
        if plan is None:
            return env
        pages = finish.read_rendered(build, files)
        build.entries = finish.order_posts(plan, list(build.posts.values()), build.renderer)
        finish.finish_posts(build, plan, pages, files)
        for src_uri, data in finish.feed_documents(
            build, plan, self.site, self.config.feeds, self.locale
        ):
            build.feed_files[src_uri].content_bytes = data
        return env

    # Before other plugins' (the search index, for one) read the page's content.
    @event_priority(50)
    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Fill an archive page's listing now, just before it is written: thousands of
        listings never sit in memory together."""
        archive_page = self.build.pages.get(page.file.src_uri)
        if archive_page is not None and page.content is not None and self.build.plan:
            finish.place_listing(page, self.build, self.build.plan, archive_page)
        else:
            finish.splice(self.build, page)
        return context

    # Last, so that other plugins' `on_post_page` still see a generated page's content.
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Announce the feeds in `<head>`: an archive page its own, a post the blog's. A
        generated archive page, now written, lets its listing go, a post its blocks."""
        build = self.build
        archive_page = build.pages.get(page.file.src_uri)
        if archive_page is not None:
            if not archive_page.user_page:
                page.content = ""
            links = archive_page.archive.head_links
        elif page.file.src_uri in build.posts and build.index is not None:
            finish.unsplice(build, page)
            links = build.index.head_links
        else:
            return output
        return output.replace("</head>", f"{links}\n</head>", 1) if links else output

    def archive_files(self, prefix: str) -> dict[str, bytes]:
        """For `write-pages`, once `on_env` has run: every archive page as Markdown that any
        generator renders, every feed and the stylesheet, by path, laid out under `prefix`."""
        options = dataclasses.replace(
            self.plan_options, blog_dir=posixpath.join(prefix, self.plan_options.blog_dir)
        )
        found = finish.standalone_files(self.build, options, self.site, self.config.feeds)
        with open(os.path.join(TEMPLATES_DIR, site.STYLESHEET), "rb") as css:
            found[posixpath.join(prefix, site.STYLESHEET)] = css.read()
        return found
