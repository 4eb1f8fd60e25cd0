"""Collecting one build's posts: the pages that may be posts, read once, published at their
URLs with their authors looked up; on a multilingual site, the language being built."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger

from mkdocs_blog_archive import gitdates, languages, posts
from mkdocs_blog_archive.plan import PlanOptions, plan_archives, reserved_paths

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from mkdocs_blog_archive.archive import Post
    from mkdocs_blog_archive.cache import Incremental
    from mkdocs_blog_archive.config import BlogArchiveConfig
    from mkdocs_blog_archive.frontmatter import Schema
    from mkdocs_blog_archive.languages import Languages, Survey
    from mkdocs_blog_archive.material import Migration
    from mkdocs_blog_archive.posts import Found
    from mkdocs_blog_archive.state import BuildState

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class Collecting:
    """What collecting reads of the plugin's options, for one build."""

    options: BlogArchiveConfig
    migration: Migration
    languages: Languages
    schema: Schema
    command: str
    survey: Survey
    """On a multilingual site, what its first build read of every language."""

    def pages(self, files: Files, plan_options: PlanOptions) -> list[File]:
        """The pages that may be posts (of every language, by their paths without it)."""
        skip = reserved_paths(plan_options)
        found = files.documentation_pages()
        return posts.candidates(found, self.options.posts, skip, self.languages.neutral)

    def reading(self, docs_dir: str) -> tuple[gitdates.History | None, Any]:
        """What reading a post needs: dates from git, how the post's URL slug is made."""
        added = gitdates.history(docs_dir) if self.options.git_dates else None
        return added, self.migration.url_slugs(self.options.post_url_format)

    def collect(self, pages: list[File], docs_dir: str, incremental: Incremental | None) -> Found:
        """The posts among `pages`, each read once (in a dirty build, an unchanged file is
        neither read nor checked again)."""
        read, make = languages.reader(self.survey), None
        if incremental is not None:
            read, make = incremental.reader(read), incremental.make
        return posts.collect_posts(pages, self.schema, *self.reading(docs_dir), read, make)

    def read_languages(self, files: Files, docs_dir: str, plan_options: PlanOptions) -> None:
        """Every language's posts read once, and each language's archives planned."""
        added, url_slugs = self.reading(docs_dir)
        options = self.options
        now = dt.datetime.now(dt.timezone.utc)
        languages.survey(
            self.survey,
            self.languages,
            self.pages(files, plan_options),
            lambda file, front: posts.read_post(file, front, self.schema, added, url_slugs),
            lambda found: plan_archives(
                posts.hold_back(found, options.drafts, options.future_posts, now)[0], plan_options
            ),
        )

    def placed(self, plan_options: PlanOptions) -> PlanOptions:
        """The plan's options, the blog in the folder of the language being built."""
        blog_dir = self.languages.blog_dir(plan_options.blog_dir)
        return dataclasses.replace(plan_options, blog_dir=blog_dir)

    def publish(
        self,
        found: list[Post],
        files: Files,
        taken: dict[str, File],
        config: MkDocsConfig,
        plan_options: PlanOptions,
    ) -> tuple[list[Post], dict[str, dict[str, str]] | None]:
        """The posts to publish, filed under allowed categories, at their URLs; and the
        authors file's authors (None without one), which the posts' authors are checked
        against."""
        options = self.options
        shown = self.migration.serving(self.command)
        published = posts.publishable(found, files, options.drafts, options.future_posts, *shown)
        posts.check_names(published, options.categories_allowed, options.authors)
        if options.post_url_format:
            parts = self.migration.url_parts(self.languages.current)
            pattern, blog_dir = options.post_url_format, self.placed(plan_options).blog_dir
            posts.move_posts(published, files, taken, pattern, blog_dir, config, parts)
        authors_file = posts.authors_path(options.authors_file, options.blog_dir)
        authors_file = self.languages.authors_path(authors_file, config.docs_dir)
        known = posts.read_authors(os.path.join(config.docs_dir, authors_file))
        if known is not None:
            posts.check_authors(published, known, authors_file)
        if not published and not any(self.survey.posts.values()):  # none in any language
            where = f" matching {options.posts}" if options.posts else ""
            log.warning(f"no posts found: no page{where} has a date; the blog index is empty")
        return published, known


def dirty_inputs(
    published: list[Post], files: Files, added: list[File], state: BuildState
) -> tuple[dict[str, tuple[str, str]], list[str], set[str]]:
    """What a dirty build keys its posts by (URL, and their output files); the
    output files of the site's own pages at archive URLs (among the pages `added`), and of
    the archive pages and feeds the plugin makes."""
    by_uri = files.src_uris
    posts_in = {
        post.src_uri: (post.url, by_uri[post.src_uri].abs_dest_path)
        for post in published
        if post.src_uri in by_uri
    }
    ours = {file.abs_dest_path for file in state.feed_files.values()}
    listings: list[str] = []
    for file in added:
        if state.pages[file.src_uri].user_page:
            listings.append(file.abs_dest_path)
        else:
            ours.add(file.abs_dest_path)
    return posts_in, listings, ours
