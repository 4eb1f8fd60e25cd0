"""The `blog-archive` plugin: MkDocs' events wired to the stages, in the order MkDocs runs
them: collect the posts and plan their archives (`on_files`), render what MkDocs cannot
(`on_env`: every post is rendered by then), write each archive page as it is written
(`on_page_context`, `on_post_page`)."""

from __future__ import annotations

import dataclasses
import posixpath
import zoneinfo
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from mkdocs_blog_archive import cache, compat, finish, languages, material, posts, site
from mkdocs_blog_archive import nav as blog_nav
from mkdocs_blog_archive.collect import Collecting, dirty_inputs
from mkdocs_blog_archive.config import BlogArchiveConfig
from mkdocs_blog_archive.frontmatter import Schema
from mkdocs_blog_archive.handover import hand_over
from mkdocs_blog_archive.kinds import site_kinds
from mkdocs_blog_archive.plan import PlanOptions, plan_archives
from mkdocs_blog_archive.render import LISTING_MARKER, TEMPLATES_DIR
from mkdocs_blog_archive.state import BuildState, PostOptions, make_renderer

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.base import ConfigErrors, ConfigWarnings
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext


log = get_plugin_logger(__name__)


class BlogArchivePlugin(BasePlugin[BlogArchiveConfig]):
    """Dated pages become posts, listed on a blog index and on one archive page per category."""

    supports_multiple_instances = True

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Declared: `mkdocs serve` keeps this object (and what posts rendered to) across builds."""
        self.command, self.dirty, self.rendered = command, dirty, cache.RenderCache()

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """Remember which options the site wrote: Material's defaults never override them."""
        self.given = frozenset(options)
        return super().load_config(options, config_file_path)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the options (Material's into ours); templates overridable, stylesheet added."""
        options = self.config
        self.migration = material.translate(options, getattr(self, "given", ()))
        self.migration.apply(options)
        locale = options.locale or config.theme.get("language") or config.theme.get("locale")
        self.languages = languages.find(config, str(locale or "en"))
        self.locale = self.languages.current
        if self.languages.first_build:  # later builds of a multilingual run read no page again
            self.survey = languages.Survey()
        self.incremental = cache.start(self, config) if options.enabled else None
        if not options.enabled:
            self.build = BuildState(make_renderer(config, self.config, self.locale, PostOptions()))
            return config
        if TEMPLATES_DIR not in config.theme.dirs:
            config.theme.dirs.append(TEMPLATES_DIR)
        if options.stylesheet and site.STYLESHEET not in config.extra_css:
            config.extra_css.append(site.STYLESHEET)
        self.schema = Schema(
            zoneinfo.ZoneInfo(options.timezone), (*options.archives, options.series_field)
        )
        command = getattr(self, "command", "build")
        self.collecting = Collecting(
            options, self.migration, self.languages, self.schema, command, self.survey
        )
        formats = site.feed_formats(options.feeds, config.site_url)
        kinds = site_kinds(options.archives, options.year_archives, options.month_archives)
        kinds = material.place_kinds(options, kinds, self.migration.on)
        self.plan_options = PlanOptions.of(
            options, kinds, self.migration, formats, config.use_directory_urls, self.locale
        )
        self.migration.announce(options, kinds)
        self.site = {key: str(config[key] or "") for key in site.FACTS}
        post_options = PostOptions.of(options, bool(formats), compat.tag_chips(config))
        renderer = make_renderer(config, options, self.locale, post_options)
        self.build = BuildState(renderer, post_options)
        return config

    # Late, so that pages other plugins add (mkdocs-gen-files, for instance) can be posts too.
    @event_priority(-50)
    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        if not self.languages.several:
            return self._add_blog(files, config)
        if self.languages.first_build:  # it sees every language's pages: read them all
            self.collecting.read_languages(files, config.docs_dir, self.plan_options)
        return files

    @event_priority(languages.AFTER_I18N)
    def _files_after_i18n(self, files: Files, config: MkDocsConfig) -> Files:
        return self._add_blog(files, config) if self.languages.several else files

    on_files = CombinedEvent(_files, _files_after_i18n)

    def _add_blog(self, files: Files, config: MkDocsConfig) -> Files:
        """Collect the posts (each page read once), plan their archives, add the files."""
        if not self.config.enabled:
            return files
        if self.migration.media_from is not None:
            posts.move_media(files, self.migration.media_from, self.config.blog_dir, config)
        if self.config.stylesheet:
            site.check_stylesheet(files, config)
        taken = {file.dest_uri: file for file in files.documentation_pages()}
        collecting, survey = self.collecting, self.collecting.survey
        pages = collecting.pages(files, self.plan_options)
        pages = languages.own_pages(self.languages, pages, survey)
        if not self.migration.on and config.theme.name == "material":
            material.hint(pages, self.config)
        found = collecting.collect(pages, config.docs_dir, self.incremental)
        self.migration.rank(found.posts)
        published, known = collecting.publish(found.posts, files, taken, config, self.plan_options)
        self.build.renderer.authors = known or {}
        self.plan_options = self.migration.place_authors(self.plan_options, known or {})
        self.build.posts = {post.src_uri: post for post in published}
        hand_over(found.candidates, found.sources, config, self.build.converter)
        plan = self.build.plan = plan_archives(published, collecting.placed(self.plan_options))
        for kind, clash in plan.clashes:
            finish.report_clash(kind, clash)
        added = site.add_files(plan, self.build, files, taken, config, self.languages.prefix)
        if self.incremental is not None:  # posts MkDocs will not render need their entries
            self.incremental.prepare(*dirty_inputs(published, files, added, self.build))
        languages.hand_over(self.languages, added, survey)
        if not self.config.nav_posts:
            site.keep_out_of_nav(found.candidates, set(self.build.posts))
        return files

    # After nav plugins (awesome-pages, section-index) at MkDocs' default priority, whatever
    # their place in `plugins`: they arrange the folders, the blog is placed in what they made.
    @event_priority(-10)
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """An automatic nav gets the blog's categories after its index (`nav_categories`)."""
        self.build.nav = nav
        if config.nav is None and self.build.plan is not None:
            label = self.build.renderer.labels["categories"]
            blog_nav.place_blog(nav, self.build.plan, files, label, self.config.nav_categories)
        return nav

    def on_page_markdown(self, markdown: str, page: Page, **_: Any) -> str:
        """A generated archive page gets its title; a user's own, a place for the listing."""
        archive_page = self.build.pages.get(page.file.src_uri)
        if archive_page is None:
            return markdown
        if not archive_page.user_page:
            title = self.build.renderer.title_html(archive_page.archive, archive_page.number)
            page.meta.setdefault("title", title)
            return markdown
        in_place = LISTING_MARKER in markdown
        return markdown if in_place else f"{markdown.rstrip()}\n\n{LISTING_MARKER}\n"

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """An archive page's back-link (posts in `on_env`: interleaved here, twice as slow)."""
        archive_page = self.build.pages.get(page.file.src_uri)
        if archive_page is None or self.build.plan is None:
            return html
        back = finish.back_link(self.build.renderer, self.build.plan, archive_page)
        return finish.place(html, back, "above") if back else html

    # After other plugins finish the posts' HTML (autorefs resolves its cross-references at
    # -50): feeds and excerpts take it as readers get it.
    @event_priority(-60)
    def on_env(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        """Every post is rendered: read their HTML, sort the archives, make blocks and feeds."""
        build, plan = self.build, self.build.plan
        if plan is None:
            return env
        pages = finish.read_rendered(build, files, self.incremental, config)
        build.entries = finish.order_posts(plan, build, self.incremental)
        build.embedding = finish.embedding(build, plan, self, config)
        if self.incremental is not None:  # archive pages made of what they were: not written
            self.incremental.skip_unchanged(build, plan, files, build.nav)
        finish.finish_posts(build, plan, pages, files)
        feeds = finish.feed_documents(
            build, plan, self.site, self.config.feeds, self.locale, self.incremental
        )
        for src_uri, data in feeds:
            build.feed_files[src_uri].content_bytes = data
        return env

    # Search indexes a page's content in its `on_page_context` (priority 0): listings and posts'
    # blocks join after it (each post found once, on itself), unless `search_listings`.
    @event_priority(50)
    def _fill_for_search(
        self, /, context: TemplateContext, page: Page, **_: Any
    ) -> TemplateContext:
        return self._fill(context, page) if self.config.search_listings else context

    @event_priority(-50)
    def _fill_after_search(
        self, /, context: TemplateContext, page: Page, **_: Any
    ) -> TemplateContext:
        return context if self.config.search_listings else self._fill(context, page)

    on_page_context = CombinedEvent(_fill_for_search, _fill_after_search)

    def _fill(self, context: TemplateContext, page: Page) -> TemplateContext:
        """Fill listings just before a page is written (thousands never in memory together)."""
        archive_page = self.build.pages.get(page.file.src_uri)
        if archive_page is not None and page.content is not None and self.build.plan:
            finish.place_listing(page, self.build, self.build.plan, archive_page, self.incremental)
            compat.drop_build_dates(page)
        else:
            finish.splice(self.build, page)
        finish.embed_listings(self.build, page)
        return context

    # Last, so that other plugins' `on_post_page` still see a generated page's content.
    @event_priority(-100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """`<head>`: the feeds (an archive page's own, the blog's); let go what was written."""
        build = self.build
        archive_page = build.pages.get(page.file.src_uri)
        if archive_page is not None and not archive_page.user_page:
            page.content = ""
        elif page.file.src_uri in build.posts:
            finish.unsplice(build, page)
        return finish.with_head_tags(build, page, output, self.site)

    def on_post_build(self, config: MkDocsConfig) -> None:
        site.finish_sitemap(config, self.build.posts.values())  # lastmod; no unlisted posts
        if self.incremental is not None:  # a dirty build keeps what posts rendered to
            self.incremental.finish(self.build.embedders)

    def archive_files(self, prefix: str) -> dict[str, bytes]:
        """For `write-pages`, once `on_env` has run: every archive page as Markdown that any
        generator renders, every feed and the stylesheet, by path, laid out under `prefix`."""
        blog_dir = posixpath.join(prefix, self.plan_options.blog_dir)
        options = dataclasses.replace(self.plan_options, blog_dir=blog_dir)
        found = finish.standalone_files(self.build, options, self.site, self.config.feeds)
        return {**found, **site.stylesheet_file(prefix)}
