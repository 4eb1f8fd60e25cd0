"""Real MkDocs builds in temporary folders, with every warning accounted for."""

from __future__ import annotations

import os

if os.environ.get("BLOG_ARCHIVE_ENGINE") == "properdocs":  # see ENGINE below
    # Every `mkdocs.*` import, here and in the plugin, now loads `properdocs.*`: the suite
    # runs on ProperDocs exactly as `properdocs build` runs plugins.
    import properdocs.replacement  # noqa: F401

import logging
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

THEMES = ["mkdocs", "readthedocs", "material"]
ENGINE = os.environ.get("BLOG_ARCHIVE_ENGINE", "mkdocs")
"""`mkdocs` (MkDocs 1.6.1) or `properdocs`: what builds the test sites, and whose logger
the warnings come through."""


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class Site:
    """A built site: its folders, the warnings the build logged, and parsed pages."""

    root: Path
    warnings: list[str] = field(default_factory=list)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def exists(self, path: str) -> bool:
        return (self.site_dir / path).is_file()

    def soup(self, path: str) -> BeautifulSoup:
        """The built page at `path` (relative to site_dir), parsed."""
        return BeautifulSoup((self.site_dir / path).read_text(encoding="utf-8"), "html.parser")

    def resolve(self, page_path: str, href: str) -> Path:
        """The file in site_dir that a relative link on the page at `page_path` points to."""
        base = "/" + page_path
        target = unquote(urlsplit(urljoin(base, href)).path).lstrip("/")
        path = self.site_dir / target
        if target == "" or target.endswith("/") or path.is_dir():
            path = path / "index.html"
        return path

    def redirect(self, path: str) -> Path:
        """The file a redirect page (mkdocs-redirects' refresh) at `path` sends readers to."""
        refresh = self.soup(path).select_one('meta[http-equiv="refresh"]')
        assert refresh is not None, f"{path} is not a redirect"
        target = str(refresh["content"]).split("url=", 1)[1]
        return self.resolve(path, urlsplit(target).path if "://" in target else target)

    def listing(self, path: str) -> list[dict[str, str]]:
        """The posts an archive page lists: title, href, date, datetime, summary."""
        soup = self.soup(path)
        entries = []
        for item in soup.select(".blog-archive-posts > .blog-archive-post"):
            link = item.select_one("a.blog-archive-post-title")
            time = item.select_one("time")
            summary = item.select_one(".blog-archive-post-summary")
            assert isinstance(link, Tag) and isinstance(time, Tag)
            entries.append(
                {
                    "title": link.get_text(),
                    "href": str(link["href"]),
                    "date": time.get_text(),
                    "datetime": str(time["datetime"]),
                    "summary": summary.get_text() if summary else "",
                }
            )
        return entries

    def count(self, path: str) -> str:
        tag = self.soup(path).select_one(".blog-archive-count")
        assert tag is not None, f"{path} has no post count"
        return tag.get_text()


def link_name(link: Tag) -> str:
    """A counted link's name: its text before the count inside it ("AI" of "AI 3 posts")."""
    count = link.select_one(".blog-archive-category-count")
    text = link.get_text()
    return (text[: text.rindex(count.get_text())] if count else text).strip()


def link_count(link: Tag) -> str:
    count = link.select_one(".blog-archive-category-count")
    assert count is not None, f"{link} has no count"
    return count.get_text()


def write_site(
    root: Path, docs: dict[str, str | bytes], config: dict[str, Any] | None = None
) -> Path:
    """Write mkdocs.yml and the docs; `config` is merged over a minimal configuration."""
    settings: dict[str, Any] = {
        "site_name": "Test site",
        "site_url": "https://example.com/",
        "theme": {"name": "mkdocs"},
        "plugins": ["blog-archive"],
    }
    settings.update(config or {})
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    for name, content in docs.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), "utf-8")
    (root / "docs").mkdir(exist_ok=True)
    return root / "mkdocs.yml"


def run_build(config_file: Path, strict: bool = False, **overrides: Any) -> list[str]:
    """Build with the real MkDocs, in this process; return the warnings it logged."""
    recorder = _Recorder()
    logger = logging.getLogger(ENGINE)
    logger.addHandler(recorder)
    try:
        config = load_config(config_file=str(config_file), strict=strict, **overrides)
        config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(recorder)
    return recorder.messages


@pytest.fixture
def make_site(tmp_path: Path) -> Iterator[Any]:
    """Build a site; fail on any warning the test did not announce in `expect`."""
    counter = iter(range(1000))

    def make(
        docs: dict[str, str | bytes],
        config: dict[str, Any] | None = None,
        *,
        expect: list[str] = (),  # type: ignore[assignment]
        strict: bool = False,
    ) -> Site:
        root = tmp_path / f"site{next(counter)}"
        config_file = write_site(root, docs, config)
        site = Site(root)
        site.warnings = run_build(config_file, strict=strict)
        unexpected = [w for w in site.warnings if not any(re.search(e, w) for e in expect)]
        assert not unexpected, f"unexpected warnings: {unexpected}"
        for pattern in expect:
            assert any(re.search(pattern, w) for w in site.warnings), (
                f"expected a warning matching {pattern!r}, got {site.warnings}"
            )
        return site

    yield make


def strict_build_fails(root: Path, docs: dict[str, str | bytes], config: dict[str, Any]) -> bool:
    """True when `mkdocs build --strict` aborts on the site's warnings."""
    config_file = write_site(root, docs, config)
    try:
        run_build(config_file, strict=True)
    except Abort:
        return True
    return False


def post(date: str, title: str, categories: list[str] | None = None, body: str = "") -> str:
    """The Markdown of a post."""
    head = f"date: {date}\n"
    if categories is not None:
        head += yaml.safe_dump({"categories": categories}, allow_unicode=True)
    text = body or f"Summary of {title}.\n\nMore text of {title}."
    return f"---\n{head}---\n\n# {title}\n\n{text}\n"
