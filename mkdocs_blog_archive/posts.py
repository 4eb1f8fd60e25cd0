"""Collecting the posts: which pages are posts, what their front matter says, which are
published, and where they go."""

from __future__ import annotations

import datetime as dt
import functools
import os
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote as urlquote

import yaml
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from pathspec.gitignore import GitIgnoreSpec

from mkdocs_blog_archive import frontmatter
from mkdocs_blog_archive.archive import Post, make_slug
from mkdocs_blog_archive.dates import DateError, date_from_file_name
from mkdocs_blog_archive.frontmatter import (
    FrontMatter,
    Schema,
    check_meta,
    read_front_matter,
)
from mkdocs_blog_archive.material import Slugify, UrlParts, safe_path

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from mkdocs_blog_archive.gitdates import History

    PostReader = Callable[[File, FrontMatter], Post | None]

log = get_plugin_logger(__name__)

_FILE_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")


@dataclass
class Found:
    """What collecting learnt: the posts, the pages read for them, what was read of each."""

    posts: list[Post] = field(default_factory=list)
    candidates: list[File] = field(default_factory=list)
    sources: dict[str, FrontMatter] = field(default_factory=dict)


def candidates(
    pages: Iterable[File],
    patterns: list[str],
    skipped: Iterable[str],
    path: Callable[[str], str] = str,
) -> list[File]:
    """The docs pages that may be posts: those matching `patterns` (every page without any),
    except the blog index and pages in the archives' folders (`skipped`: path prefixes).
    `path` gives the path the options name a page by (on a multilingual site, without its
    language)."""
    spec = GitIgnoreSpec.from_lines(patterns) if patterns else None
    skip = tuple(skipped)
    found = []
    for file in pages:
        src = path(file.src_uri)
        if not src.startswith(skip) and src not in skip and (spec is None or spec.match_file(src)):
            found.append(file)
    return found


def collect_posts(
    pages: list[File],
    schema: Schema,
    added: History | None = None,
    url_slugs: bool | Slugify = False,
    read: Callable[[File], FrontMatter | None] = read_front_matter,
    make: Callable[[File, FrontMatter, PostReader], Post | None] | None = None,
) -> Found:
    """The posts among `pages`, in the order given, each page read once (by `read`); `added`
    gives dates (from git) to pages that have none of their own. With `url_slugs`, each post
    gets the slug of its URL (`post_url_format`): ours, or with a slug function, Material's.
    `make` (a dirty build) may give a post as it was made from an unchanged file."""
    found = Found(candidates=pages)
    made: PostReader = functools.partial(read_post, schema=schema, added=added, url_slug=url_slugs)
    for file in pages:
        front = read(file)
        if front is None:
            continue
        found.sources[file.src_uri] = front
        post = made(file, front) if make is None else make(file, front, made)
        if post is not None:
            found.posts.append(post)
    return found


def read_post(
    file: File,
    front: FrontMatter,
    schema: Schema,
    added: History | None = None,
    url_slug: bool | Slugify = False,
) -> Post | None:
    """A Post for a page with a date (front matter, else file name, else `added`), or None
    for other pages."""
    src_uri = file.src_uri
    try:
        data = check_meta(front.data, src_uri, schema)
        if "date" in data:
            date, updated = data["date"]
        else:
            date, updated = date_from_file_name(file.name, schema.tz), None
            if date is None and added is not None:
                date = added.get(src_uri)  # the commit that added the file
            if date is None:
                return None
    except DateError as error:
        log.warning(f"{src_uri}: {error}; the page is not listed as a post")
        return None
    authors = list(data["authors"])
    author = data["author"]
    if author and author.strip():
        authors.insert(0, " ".join(author.split()))
    description = _first_text(data["description"], data["summary"])
    if data["updated"] is None and updated is None and added is not None:
        # git_dates: the last commit that changed it, if that came after the one adding it
        changed, first = added.changed.get(src_uri), added.added.get(src_uri)
        later = changed is not None and first is not None and changed > max(first, date)
        updated = changed if later else None
    updated = _updated(src_uri, date, data["updated"] or updated)
    return Post(
        src_uri=src_uri,
        url=file.url,
        date=date,
        updated=updated,
        terms={
            "authors": tuple(authors),
            **{key: data[key] for key in ("categories", "tags", *schema.fields)},
        },
        description=description,
        slug=_slug(file, front, data, url_slug),
        draft=data["draft"],
        pinned=data["pin"],
        unlisted=data["unlisted"],
        image=(data["image"] or "").strip(),
        image_alt=data["image_alt"] or "",
        readtime=data["readtime"],
        links=data["links"],
    )


def _updated(src_uri: str, date: dt.datetime, updated: dt.datetime | None) -> dt.datetime | None:
    """The updated date, unless it is before the post's date (a typo: warned, left out)."""
    if updated is not None and updated < date:
        log.warning(
            f"{src_uri}: 'updated' {updated.isoformat()} is before the post's date "
            f"{date.isoformat()}; it is left out"
        )
        return None
    return updated


def _slug(file: File, front: FrontMatter, data: dict[str, Any], how: bool | Slugify) -> str | None:
    if how is True:
        return url_slug_of(file, front, data)
    return material_slug(file, front, data, how) if how else None


def _first_text(*values: str | None) -> str | None:
    """The first value with text in it: `description: ""` falls back to the excerpt."""
    return next((value for value in values if value is not None and value.strip()), None)


def url_slug_of(file: File, front: FrontMatter, data: dict[str, Any]) -> str:
    """The slug of a post's URL: front matter `slug`, else its title (front matter `title`,
    the first `# heading`, the file name without its date), slugified."""
    if data["slug"] and data["slug"].strip():
        return make_slug(data["slug"])
    title = data["title"] or front.first_heading() or _FILE_DATE_PREFIX.sub("", file.name)
    return make_slug(title)


def material_title(file: File, front: FrontMatter) -> str:
    """A post's title as Material's blog slugs it (MkDocs' `Page.title` before rendering):
    front matter `title`, else the first line if it is a `# heading`, else the file name."""
    if "title" in front.data:
        return str(front.data["title"])
    markdown, _ = front.markdown_and_meta()
    for line in markdown.split("\n", 50)[:50]:  # only the first line with text counts
        line = line.strip()
        if line:
            if line.startswith("# "):
                return line.lstrip("# ")
            break
    title = file.name.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def material_slug(file: File, front: FrontMatter, data: dict[str, Any], slugify: Slugify) -> str:
    """The slug of a post's URL as Material makes it: front matter `slug` as written, else
    the title slugified (`post_slugify`). A written slug that would leave its folder, or a
    slug function's result that would, is slugified with ours after a warning."""
    written = data["slug"]
    title = "" if written else material_title(file, front)
    slug = written or slugify(title)
    if safe_path(slug):
        return slug
    ours = make_slug(slug or title)
    where = f"slug {slug!r}" if written else f"the title {title!r} gives the slug {slug!r}, which"
    log.warning(f"{file.src_uri}: {where} cannot be a URL path; {ours!r} is used")
    return ours


def hold_back(
    posts: list[Post], drafts: bool, future: bool, now: dt.datetime
) -> tuple[list[Post], list[Post]]:
    """Split posts into those to publish and those held back: drafts (unless `drafts`) and
    posts dated after `now` (unless `future`). Held posts are marked as drafts."""
    kept: list[Post] = []
    held: list[Post] = []
    for post in posts:
        post.draft = (post.draft and not drafts) or (post.date > now and not future)
        (held if post.draft else kept).append(post)
    return kept, held


def publishable(
    posts: list[Post],
    files: Files,
    drafts: bool,
    future: bool,
    serve: bool,
    held_as: InclusionLevel = InclusionLevel.DRAFT,
) -> list[Post]:
    """Drafts and future posts are listed, marked, only under `mkdocs serve`; in `mkdocs
    build` they are left out of the site, as MkDocs' own `draft_docs` are (`held_as`:
    `EXCLUDED` leaves them out of a served site too)."""
    kept, held = hold_back(posts, drafts, future, dt.datetime.now(dt.timezone.utc))
    if serve:
        return posts
    for post in held:
        file = files.get_file_from_path(post.src_uri)
        if file is not None:
            file.inclusion = held_as
    return kept


def check_names(posts: list[Post], allowed: list[str], authors: bool | None = None) -> None:
    """The names posts are filed under: with an allow-list, a post naming another category
    gets a warning and is not filed under it; with Material's `authors: false`, posts name
    no authors."""
    if authors is False:
        for post in posts:
            post.terms["authors"] = ()
    if not allowed:
        return
    names = set(allowed)
    for post in posts:
        unknown = [name for name in post.categories if name not in names]
        for name in unknown:
            log.warning(
                f"{post.src_uri}: category {name!r} is not in categories_allowed; "
                "the post is not filed under it"
            )
        if unknown:
            post.terms["categories"] = tuple(name for name in post.categories if name in names)


def authors_path(pattern: str, blog_dir: str) -> str:
    """The authors file (`authors_file`, with ours or Material's placeholder), from docs_dir."""
    return posixpath.normpath(pattern.format(blog_dir=blog_dir, blog=blog_dir)).lstrip("/")


def read_authors(path: str) -> dict[str, dict[str, str]] | None:
    """Authors by id from a Material-style `.authors.yml` (`authors: {id: {name, description,
    avatar, url}}`); None when there is no such file. Problems are warnings naming the file."""
    try:
        with open(path, encoding="utf-8-sig") as stream:
            data = frontmatter.load_yaml(stream)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, yaml.YAMLError) as error:
        problem = " ".join(str(error).split())
        log.warning(f"{path}: cannot read the authors file ({problem}); authors are shown by id")
        return {}
    entries = data.get("authors") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        log.warning(f"{path}: the authors file needs a mapping 'authors: {{id: {{name: …}}}}'")
        return {}
    authors: dict[str, dict[str, str]] = {}
    for key, info in entries.items():
        if not isinstance(info, dict):
            log.warning(f"{path}: author {key!r} must be a mapping (name, description, …)")
            info = {}
        fields = {
            field: str(info[field])
            for field in ("name", "description", "avatar", "url", "slug")
            if isinstance(info.get(field), (str, int, float))
        }
        authors[str(key)] = {"name": str(key), **fields}
    return authors


def check_authors(posts: list[Post], known: dict[str, dict[str, str]], where: str) -> None:
    """An author id missing from the authors file (`where`) gets a warning."""
    for post in posts:
        for key in post.authors:
            if key not in known:
                log.warning(f"{post.src_uri}: author {key!r} is not in {where}; shown as is")


def move_posts(
    posts: list[Post],
    files: Files,
    taken: dict[str, File],
    pattern: str,
    blog_dir: str,
    config: MkDocsConfig,
    parts: UrlParts,
) -> None:
    """Give each post the URL `pattern` (`post_url_format`) makes under `blog_dir`; links to
    it follow, as MkDocs resolves links through files. A URL already in `taken` (pages by
    dest_uri, kept current) leaves the post its own, with a warning naming both."""
    for post in posts:
        file = files.get_file_from_path(post.src_uri)
        if file is None:
            continue
        names = post.categories
        formatted = pattern.format(
            yyyy=f"{post.date.year:04d}",
            mm=f"{post.date.month:02d}",
            dd=f"{post.date.day:02d}",
            slug=post.slug,
            category=make_slug(names[0]) if names else "posts",
            date=parts.date(post.date),
            file=file.name,
            categories="/".join(
                parts.category_slug(name) for name in names[: parts.max_categories]
            ),
        )
        # As Material: empty parts (no categories) collapse.
        path = posixpath.normpath(
            posixpath.join(blog_dir, posixpath.normpath(formatted.strip("/")))
        )
        if path.startswith("..") or path == "." or (blog_dir and not path.startswith(blog_dir)):
            log.warning(f"{post.src_uri}: post_url_format gives {path!r}, outside the blog")
            continue
        dest = f"{path}/index.html" if config.use_directory_urls else f"{path}.html"
        other = taken.get(dest)
        if other is not None and other is not file:
            log.warning(
                f"{post.src_uri}: post_url_format gives the URL of {other.src_uri} "
                f"({dest}); the post keeps {file.dest_uri}"
            )
            continue
        del taken[file.dest_uri]
        taken[dest] = file
        file.dest_uri = dest
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest))
        file.url = urlquote(f"{path}/" if config.use_directory_urls else dest)
        post.url = file.url


def move_media(files: Files, post_dir: str, blog_dir: str, config: MkDocsConfig) -> None:
    """Media files in Material's `post_dir` go where Material puts them: the folder leaves
    their path (`blog/posts/img.png` is served at `blog/img.png`)."""
    prefix = post_dir + "/"
    for file in files.media_files():
        if file.src_uri.startswith(prefix):
            rest = file.dest_uri[len(prefix) :] if file.dest_uri.startswith(prefix) else None
            if rest is None:
                continue
            file.dest_uri = posixpath.join(blog_dir, rest)
            file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
            file.url = urlquote(file.dest_uri)
