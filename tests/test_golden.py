"""Golden cases: each file in `tests/golden/` is a small site (options and pages) with the plan
the plugin must make of it (every archive page: URL, kind, name, page number, count and the
posts on it, newest first; every feed) and the warnings the build must log. Adding a case is
adding a file; `BLOG_ARCHIVE_GOLDEN=update` writes the `expected` part of every case anew
(read the diff before committing it)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from conftest import ENGINE, write_site
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_blog_archive.archive import Post
from mkdocs_blog_archive.plan import Plan, url_of
from mkdocs_blog_archive.plugin import BlogArchivePlugin

CASES = sorted((Path(__file__).parent / "golden").glob("*.yml"))
UPDATE = os.environ.get("BLOG_ARCHIVE_GOLDEN") == "update"


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(f"{ENGINE}.plugins.mkdocs_blog_archive"):
            self.records.append(record)


class _Dumper(yaml.SafeDumper):
    """Pages' Markdown as YAML block text, as a person writes a case."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    ),
)


def _post_name(src_uri: str) -> str:
    return src_uri.removesuffix(".md")


def describe(plan: Plan, posts: list[Post]) -> dict[str, Any]:
    """The plan as a golden file holds it: one line a post (its URL), a page, a feed."""
    pages = []
    for page in plan.pages():
        archive = page.archive
        name = f"{archive.kind.name}:{archive.name}" if archive.name else archive.kind.name
        shown = ", ".join(_post_name(p.src_uri) for p in archive.posts[page.start : page.stop])
        line = f"{page.url} [{name} p{page.number} of {len(archive.posts)}]"
        line += " (the site's own page)" if page.user_page else ""
        pages.append(f"{line}: {shown}" if shown else line)
    feeds = [feed.url for archive in plan.archives for feed in archive.feeds]
    urls = [f"{_post_name(post.src_uri)} → {post.url}" for post in posts]
    return {"posts": urls, "pages": pages, "feeds": feeds}


def run_case(case: dict[str, Any], root: Path) -> dict[str, Any]:
    config_file = write_site(root, case.get("docs", {}), case.get("config"))
    recorder = _Recorder()
    logger = logging.getLogger(ENGINE)
    level = logger.level
    logger.addHandler(recorder)
    logger.setLevel(logging.INFO)  # the plugin's info lines too
    try:
        config = load_config(config_file=str(config_file))
        build(config)
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(level)
    plugins = [p for p in config.plugins.values() if isinstance(p, BlogArchivePlugin)]
    assert len(plugins) == 1, "a golden case has one blog-archive plugin"
    plan = plugins[0].build.plan
    assert plan is not None
    for page in plan.pages():  # the plan is what MkDocs wrote
        url = unquote(url_of(page.src_uri, config.use_directory_urls))
        target = root / "site" / url.rstrip("/")
        assert target.is_file() or (target / "index.html").is_file(), page.url
    result = describe(plan, list(plugins[0].build.posts.values()))
    result["log"] = [
        f"{r.levelname}: {r.getMessage()}".replace(str(root), "<root>") for r in recorder.records
    ]
    return result


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_golden(path: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(path.read_text("utf-8"))
    got = run_case(case, tmp_path / "site")
    if UPDATE:
        case["expected"] = got
        text = yaml.dump(case, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        path.write_text(text, "utf-8")
        return
    assert got == case["expected"]


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 25
