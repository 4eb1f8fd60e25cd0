"""Finding posts among the docs pages, reading their front matter, and summarizing them."""

from __future__ import annotations

import datetime as dt
import html
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote as urlquote

import yaml
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import meta

from mkdocs_blog_archive.archive import Link, Post, make_slug
from mkdocs_blog_archive.dates import DateError, date_from_file_name, parse_date

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

log = get_plugin_logger(__name__)

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

_MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A page's front matter (`data`) and its text as MkDocs reads it, kept so that MkDocs
    need not read and parse a post a second time (see `handover`)."""

    data: dict[str, Any]
    text: str
    end: int = -1
    """Where the YAML front matter ends in `text`; -1 without YAML front matter."""

    def markdown_and_meta(self) -> tuple[str, dict[str, Any]]:
        """What MkDocs' `meta.get_data` makes of the text, without parsing YAML again."""
        if self.end < 0:
            return meta.get_data(self.text)
        return self.text[self.end :].lstrip("\n"), self.data


def read_front_matter(file: File) -> FrontMatter | None:
    """The page's front matter, read the way MkDocs reads it (YAML, or MultiMarkdown style).

    Returns None, after a warning, when the file cannot be read (it is then left out of the
    site, where MkDocs would stop with a traceback) or its YAML is broken (MkDocs itself would
    silently drop such front matter).
    """
    try:
        text = file.content_string
    except (OSError, ValueError) as error:
        # MkDocs would stop with a traceback on this page: leave it out, and say so.
        file.inclusion = InclusionLevel.EXCLUDED
        log.warning(
            f"{file.src_uri}: cannot read the file as UTF-8 ({error}); it is left out of the site"
        )
        return None
    if text.startswith("---"):
        match = meta.YAML_RE.match(text)
        if match is None:
            return FrontMatter({}, text)
        try:
            data = yaml.load(match.group(1), SafeLoader)
        except yaml.YAMLError as error:
            problem = " ".join(str(error).split())
            log.warning(f"{file.src_uri}: the front matter is not valid YAML ({problem})")
            return None
        except Exception as error:
            # A value that looks like a timestamp but is none (2026-13-45): name it.
            raw = yaml.load(match.group(1), yaml.BaseLoader)
            value = f" (date: {raw['date']!r})" if isinstance(raw, dict) and "date" in raw else ""
            log.warning(
                f"{file.src_uri}: the front matter has a value YAML cannot convert: "
                f"{error!s}{value}; MkDocs ignores this page's front matter"
            )
            return None
        if not isinstance(data, dict):
            return FrontMatter({}, text)
        return FrontMatter(data, text, match.end())
    if _MULTIMARKDOWN_META.match(text):
        return FrontMatter(meta.get_data(text)[1], text)
    return FrontMatter({}, text)


MAX_NAMES = 100
"""More categories (or authors) than this on one post is taken for a mistake: each feed entry
lists them all, in the feed of each of them, so the cost grows with their square."""


def _names(value: Any, key: str, src_uri: str) -> list[str]:
    """A list of names from front matter: a list of strings, or one string."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        log.warning(
            f"{src_uri}: '{key}' must be a list of names, got {type(value).__name__} "
            f"{value!r}; ignored"
        )
        return []
    if len(value) > MAX_NAMES:
        log.warning(
            f"{src_uri}: '{key}' lists {len(value)} names; only the first {MAX_NAMES} are used"
        )
        value = value[:MAX_NAMES]
    names = []
    for item in value:
        if isinstance(item, str) and item.strip():
            names.append(" ".join(item.split()))
        else:
            log.warning(f"{src_uri}: '{key}' has an entry that is not a name: {item!r}; ignored")
    return names


def _text(value: Any, key: str, src_uri: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    log.warning(f"{src_uri}: '{key}' must be text, got {type(value).__name__} {value!r}; ignored")
    return None


def read_authors(path: str) -> dict[str, dict[str, str]] | None:
    """Authors by id from a Material-style `.authors.yml` (`authors: {id: {name, description,
    avatar, url}}`); None when there is no such file. Problems are warnings naming the file."""
    try:
        with open(path, encoding="utf-8-sig") as stream:
            data = yaml.load(stream, SafeLoader)
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
            for field in ("name", "description", "avatar", "url")
            if isinstance(info.get(field), (str, int, float))
        }
        authors[str(key)] = {"name": str(key), **fields}
    return authors


def _links(value: Any, src_uri: str) -> list[Link]:
    """Material's `links`: paths or URLs, `{title: path}` mappings, and `{section: [...]}`
    mappings of those; anything else is left out with a warning."""
    if value is None:
        return []
    if not isinstance(value, list):
        log.warning(f"{src_uri}: 'links' must be a list, got {type(value).__name__} {value!r}")
        return []
    links = []
    for item in value:
        if isinstance(item, str) and item.strip():
            links.append(Link(item.strip()))
            continue
        if isinstance(item, dict) and len(item) == 1:
            ((key, inner),) = item.items()
            if isinstance(key, str) and isinstance(inner, str) and inner.strip():
                links.append(Link(inner.strip(), key))
                continue
            if isinstance(key, str) and isinstance(inner, list):
                for sub in inner:
                    found = _links([sub], src_uri)
                    if found and found[0].section is None:
                        links.append(Link(found[0].target, found[0].title, key))
                    elif found:
                        log.warning(f"{src_uri}: 'links' sections do not nest: {sub!r}; ignored")
                continue
        log.warning(
            f"{src_uri}: 'links' entries are paths, URLs, {{title: path}} or {{section: [...]}}, "
            f"got {item!r}; ignored"
        )
    return links


def _flag(value: Any, key: str, src_uri: str) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    log.warning(f"{src_uri}: '{key}' must be true or false, got {value!r}; taken as false")
    return False


def read_post(
    file: File,
    data: dict[str, Any],
    tz: dt.tzinfo,
    fields: Iterable[str] = (),
    added: dict[str, dt.datetime] | None = None,
) -> Post | None:
    """A Post for a page with a date (front matter, else file name), or None for other pages.

    Besides `categories` and `tags`, each front-matter key in `fields` gives names too.
    """
    src_uri = file.src_uri
    updated = None
    try:
        if "date" in data:
            value = data["date"]
            if isinstance(value, dict):  # Material's form: {created: …, updated: …}
                if "created" not in value:
                    raise DateError(f"a date mapping needs 'created', got {value!r}")
                if value.get("updated") is not None:
                    updated = parse_date(value["updated"], tz)
                value = value["created"]
            date = parse_date(value, tz)
        else:
            file_date = date_from_file_name(file.name, tz)
            if file_date is None and added is not None:
                file_date = added.get(src_uri)  # the commit that added the file
            if file_date is None:
                return None
            date = file_date
    except DateError as error:
        log.warning(f"{src_uri}: {error}; the page is not listed as a post")
        return None
    description = _text(data.get("description"), "description", src_uri)
    if description is None:
        description = _text(data.get("summary"), "summary", src_uri)
    authors = _names(data.get("authors"), "authors", src_uri)
    author = _text(data.get("author"), "author", src_uri)
    if author and author.strip():
        authors.insert(0, " ".join(author.split()))
    readtime = data.get("readtime")
    if readtime is not None and (
        isinstance(readtime, bool) or not isinstance(readtime, int) or readtime < 0
    ):
        log.warning(f"{src_uri}: 'readtime' must be a whole number of minutes, got {readtime!r}")
        readtime = None
    return Post(
        slug=_text(data.get("slug"), "slug", src_uri),
        draft=_flag(data.get("draft"), "draft", src_uri),
        pinned=_flag(data.get("pin"), "pin", src_uri),
        readtime=readtime,
        links=tuple(_links(data.get("links"), src_uri)),
        src_uri=src_uri,
        url=file.url,
        date=date,
        updated=updated,
        terms={
            "authors": tuple(authors),
            **{
                key: tuple(_names(data.get(key), key, src_uri))
                for key in ("categories", "tags", *fields)
            },
        },
        description=description,
    )


def collect_posts(
    candidates: Iterable[File],
    tz: dt.tzinfo,
    fields: Iterable[str] = (),
    added: dict[str, dt.datetime] | None = None,
    sources: dict[str, FrontMatter] | None = None,
) -> list[Post]:
    """Posts among the candidate pages, in the order given; `added` gives dates (from git)
    to pages that have none of their own. `sources`, when given, gets what was read of
    each page (see `FrontMatter`), by src_uri."""
    posts = []
    for file in candidates:
        front = read_front_matter(file)
        if front is None:
            continue
        if sources is not None:
            sources[file.src_uri] = front
        post = read_post(file, front.data, tz, fields, added)
        if post is not None:
            posts.append(post)
    return posts


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


def check_categories(posts: list[Post], allowed: list[str]) -> None:
    """With an allow-list, a post naming another category gets a warning and is not filed
    under it."""
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


def check_authors(posts: list[Post], known: dict[str, dict[str, str]], where: str) -> None:
    """An author id missing from the authors file (`where`) gets a warning."""
    for post in posts:
        for key in post.authors:
            if key not in known:
                log.warning(f"{post.src_uri}: author {key!r} is not in {where}; shown as is")


_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def post_slug(post: Post, file: File) -> str:
    """The slug of a post's URL: front matter `slug`, else its title (front matter `title`, the
    first `# heading`, the file name without its date), slugified."""
    if post.slug and post.slug.strip():
        return make_slug(post.slug)
    try:
        text = file.content_string
    except (OSError, ValueError):
        text = ""
    source, data = meta.get_data(text)
    title = data.get("title")
    if not isinstance(title, (str, int, float)) or isinstance(title, bool):
        match = _HEADING.search(source)
        title = match.group(1) if match else _FILE_DATE_PREFIX.sub("", file.name)
    return make_slug(str(title))


_FILE_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.DOTALL)


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SKIPPED = re.compile(
    r"<(h1|script|style|template)\b[^>]*>.*?</\1\s*>"
    r"|<a\b[^>]*\bclass=\"[^\"]*\bheaderlink\b[^\"]*\"[^>]*>.*?</a\s*>",
    re.DOTALL | re.IGNORECASE,
)
_BREAKS = re.compile(
    r"</(?:p|li|dt|dd|h[2-6]|div|pre|td|th|tr|blockquote)\s*>|<(?:br|hr|img|input|wbr)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")


def move_posts(
    posts: list[Post],
    files: Files,
    taken: dict[str, File],
    pattern: str,
    blog_dir: str,
    config: MkDocsConfig,
) -> None:
    """Give each post the URL `pattern` (`post_url_format`) makes under `blog_dir`; links to
    it follow, as MkDocs resolves links through files. A URL already in `taken` (pages by
    dest_uri, kept current) leaves the post its own, with a warning naming both."""
    for post in posts:
        file = files.get_file_from_path(post.src_uri)
        if file is None:
            continue
        category = make_slug(post.categories[0]) if post.categories else "posts"
        path = posixpath.join(
            blog_dir,
            pattern.format(
                yyyy=f"{post.date.year:04d}",
                mm=f"{post.date.month:02d}",
                dd=f"{post.date.day:02d}",
                slug=post_slug(post, file),
                category=category,
            ),
        )
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


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment MkDocs rendered, whitespace folded.

    Leaves out the h1, scripts, styles and headings' permalinks. Regular expressions are
    enough for Markdown's own well-formed output, and several times faster than HTMLParser.
    """
    text = _COMMENT.sub("", fragment)
    text = _SKIPPED.sub(" ", text)
    text = _BREAKS.sub(" ", text)
    text = html.unescape(_TAG.sub("", text))
    return " ".join(text.split())


def _first_paragraph(content: str) -> str:
    for match in _PARAGRAPH.finditer(content):
        opening = content[match.start() : match.start(1)]
        if "admonition-title" not in opening and match.group(1).strip():
            return match.group(1)
    return ""


def summarize(content: str, description: str | None, words: int) -> str:
    """A post's summary in plain text, from the HTML MkDocs already rendered.

    Front matter `description` wins; else the part before `<!-- more -->`; else the first
    paragraph. Cut after `words` words at a word boundary (0: no cut).
    """
    if description is not None:
        text = " ".join(description.split())
    else:
        match = _MORE.search(content)
        text = html_to_text(content[: match.start()] if match else _first_paragraph(content))
    return truncate_words(text, words)


_PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL | re.IGNORECASE)


def reading_minutes(content: str, words_per_minute: int) -> int:
    """Minutes to read a rendered page: its words, plus one word per line of code
    (code is skimmed, not read word by word); at least one minute."""
    parts = _PRE.split(content)  # prose, code block, prose, …
    lines = sum(block.count("\n") + 1 for block in parts[1::2])
    prose = _TAG.sub(" ", " ".join(parts[::2]) if lines else content)
    words = len(prose.split()) + lines
    return max(1, round(words / max(words_per_minute, 1)))


def truncate_words(text: str, words: int) -> str:
    """`text` cut after `words` words, with an ellipsis when anything was cut."""
    if not words:
        return text
    parts = text.split(maxsplit=words)
    if len(parts) <= words:
        return text
    return " ".join(parts[:words]).rstrip(".,;:") + "…"
