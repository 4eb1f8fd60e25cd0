"""A page's front matter: read once, the way MkDocs reads it, and checked against a schema of
its own (`PostMeta`, a MkDocs `Config` as the plugin's options are), so every input problem
reads the same way.

Unlike plugin options, a bad front-matter value does not stop the build: it is a warning
naming the file, key and value, and the key then takes its default. Options that can keep
part of a value (a list with one bad entry) warn through `warnings` and keep the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml
from mkdocs.config import base
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import meta

from mkdocs_blog_archive import quickyaml
from mkdocs_blog_archive.archive import Link
from mkdocs_blog_archive.dates import DateError, parse_date

if TYPE_CHECKING:
    from mkdocs.structure.files import File

log = get_plugin_logger(__name__)

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]


def load_yaml(text: Any) -> Any:
    """YAML (a string or a stream) read with libyaml's safe loader where there is one."""
    return yaml.load(text, SafeLoader)


_MULTIMARKDOWN_META = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:")
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)

MAX_NAMES = 100
"""More categories (or authors) than this on one post is taken for a mistake: each feed entry
lists them all, in the feed of each of them, so the cost grows with their square."""


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

    def first_heading(self) -> str | None:
        """The text of the page's first `# heading`, as MkDocs would take its title."""
        match = _HEADING.search(self.text, max(self.end, 0))
        return match.group(1) if match else None


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
            data = quickyaml.load(match.group(1)) or yaml.load(match.group(1), SafeLoader)
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


def _kind(value: object) -> str:
    return f"{type(value).__name__} {value!r}"


class Names(base.BaseConfigOption[tuple[str, ...]]):
    """A list of names (`categories`, `tags`, `authors`, `archives` fields); one string is a
    list of one. Entries that are no name are left out, each with a warning."""

    def __init__(self) -> None:
        super().__init__()
        self.default = ()

    def run_validation(self, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise base.ValidationError(f"must be a list of names, got {_kind(value)}; ignored")
        if len(value) > MAX_NAMES:
            self.warnings.append(f"lists {len(value)} names; only the first {MAX_NAMES} are used")
            value = value[:MAX_NAMES]
        names = []
        for item in value:
            if isinstance(item, str) and item.strip():
                names.append(" ".join(item.split()))
            else:
                self.warnings.append(f"has an entry that is not a name: {item!r}; ignored")
        return tuple(names)


class Text(base.BaseConfigOption[str | None]):
    """A text (`description`, `slug`)."""

    def run_validation(self, value: object) -> str | None:
        if value is None or isinstance(value, str):
            return value
        raise base.ValidationError(f"must be text, got {_kind(value)}; ignored")


class Flag(base.BaseConfigOption[bool]):
    """`true` or `false`; anything else is taken as false."""

    def __init__(self) -> None:
        super().__init__()
        self.default = False

    def run_validation(self, value: object) -> bool:
        if value is None or isinstance(value, bool):
            return bool(value)
        raise base.ValidationError(f"must be true or false, got {value!r}; taken as false")


class Minutes(base.BaseConfigOption[int | None]):
    """A whole number of minutes, zero or more (`readtime`)."""

    def run_validation(self, value: object) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise base.ValidationError(f"must be a whole number of minutes, got {value!r}")
        return value


class Links(base.BaseConfigOption[tuple[Link, ...]]):
    """Material's `links`: paths or URLs, `{title: path}` mappings, and `{section: [...]}`
    mappings of those; anything else is left out with a warning."""

    def __init__(self) -> None:
        super().__init__()
        self.default = ()

    def run_validation(self, value: object) -> tuple[Link, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise base.ValidationError(f"must be a list, got {_kind(value)}")
        return tuple(self._links(value, None))

    def _links(self, items: list[Any], section: str | None) -> list[Link]:
        links = []
        for item in items:
            if isinstance(item, str) and item.strip():
                links.append(Link(item.strip(), None, section))
                continue
            if isinstance(item, dict) and len(item) == 1:
                ((key, inner),) = item.items()
                if isinstance(key, str) and isinstance(inner, str) and inner.strip():
                    links.append(Link(inner.strip(), key, section))
                    continue
                if isinstance(key, str) and isinstance(inner, list) and section is not None:
                    self.warnings.append(f"sections do not nest: {item!r}; ignored")
                    continue
                if isinstance(key, str) and isinstance(inner, list):
                    links.extend(self._links(inner, key))
                    continue
            self.warnings.append(
                "entries are paths, URLs, {title: path} or {section: [...]}, "
                f"got {item!r}; ignored"
            )
        return links


class Title(base.BaseConfigOption[str | None]):
    """`title`, read only for the slug of a post URL (MkDocs decides the page's title, and
    says nothing of a title that is no text, so neither does this)."""

    def run_validation(self, value: object) -> str | None:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value)
        return None


class PostDate(base.BaseConfigOption[tuple[dt.datetime, dt.datetime | None]]):
    """`date`: a date or date-time in any form python-dateutil reads, or Material's
    `{created: …, updated: …}`; gives (published, updated), in `tz` when they have no zone."""

    def __init__(self, tz: dt.tzinfo = dt.timezone.utc) -> None:
        super().__init__()
        self.tz = tz

    def run_validation(self, value: object) -> tuple[dt.datetime, dt.datetime | None]:
        updated = None
        try:
            if isinstance(value, dict):
                if "created" not in value:
                    raise DateError(f"a date mapping needs 'created', got {value!r}")
                if value.get("updated") is not None:
                    updated = parse_date(value["updated"], self.tz)
                value = value["created"]
            return parse_date(value, self.tz), updated
        except DateError as error:
            raise base.ValidationError(str(error)) from None


class OneDate(base.BaseConfigOption[dt.datetime | None]):
    """`updated`: a date or date-time, in `tz` when it has no zone."""

    def __init__(self, tz: dt.tzinfo = dt.timezone.utc) -> None:
        super().__init__()
        self.tz = tz

    def run_validation(self, value: object) -> dt.datetime | None:
        try:
            return parse_date(value, self.tz)
        except DateError as error:
            raise base.ValidationError(str(error)) from None


class PostMeta(base.Config):
    """The front matter a post may carry. Keys not listed here are the site's own business."""

    date = PostDate()
    updated = OneDate()
    """When the post last changed (also Material's `date: {updated: …}`)."""
    categories = Names()
    tags = Names()
    authors = Names()
    author = Text()
    """One author, before those of `authors`."""
    description = Text()
    summary = Text()
    """Another name for `description`."""
    title = Title()
    slug = Text()
    draft = Flag()
    pin = Flag()
    unlisted = Flag()
    image = Text()
    """A cover image: a path relative to the post, a docs-relative path, or a URL."""
    image_alt = Text()
    readtime = Minutes()
    links = Links()


class Schema:
    """`PostMeta` for one plugin instance: its time zone, and its `archives` fields."""

    def __init__(self, tz: dt.tzinfo, fields: tuple[str, ...] | list[str] = ()) -> None:
        self.tz = tz
        self.fields = tuple(dict.fromkeys(key for key in fields if key))  # each once
        options = [(key, _zoned(key, option, tz)) for key, option in PostMeta._schema]
        options += [(key, Names()) for key in self.fields]
        self.checks: list[tuple[str, base.BaseConfigOption[Any], Any]] = [
            (key, option, _shared_default(option)) for key, option in options
        ]
        """Each key's option and its default, where every post can share it."""


_NO_SHARED_DEFAULT: Any = object()


def _shared_default(option: base.BaseConfigOption[Any]) -> Any:
    """The option's default if it is immutable (`None`, a flag, a tuple …): MkDocs' `default`
    tries `.copy()` on each read and fails with an exception (a missing key takes it: 15 keys
    a post, 0.16 s of 150,000 reads under cProfile at 10,000 posts)."""
    default = option.default
    immutable = default is None or isinstance(default, bool | int | str | tuple)
    return default if immutable else _NO_SHARED_DEFAULT


def _zoned(key: str, option: base.BaseConfigOption[Any], tz: dt.tzinfo) -> Any:
    """The schema's option for `key`, its dates read in the blog's time zone `tz`."""
    if key == "date":
        return PostDate(tz)
    return OneDate(tz) if key == "updated" else option


def check_meta(data: dict[str, Any], src_uri: str, schema: Schema) -> dict[str, Any]:
    """`data` checked against `schema`: every key of the schema in the
    result, a bad value replaced by its default after a warning naming the file, the key and
    the value. `date` is left out when missing (the page may take its date from the file
    name); a bad date raises `DateError`, as the page is then no post."""
    checked: dict[str, Any] = {}
    for key, option, default in schema.checks:
        value = data.get(key)
        if key == "date" and key not in data:
            continue
        if value is None and key != "date":  # `date:` left empty is a bad date
            checked[key] = option.default if default is _NO_SHARED_DEFAULT else default
            continue
        try:
            checked[key] = option.validate(value)
        except base.ValidationError as error:
            if key == "date":
                raise DateError(str(error)) from None
            log.warning(f"{src_uri}: '{key}' {error}")
            checked[key] = option.default
        for warning in option.warnings:
            log.warning(f"{src_uri}: '{key}' {warning}")
        option.reset_warnings()
    return checked
