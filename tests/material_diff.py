"""Building one generated site with Material's `blog` plugin and with `blog-archive`, and
reading what each wrote: which URL serves which post, which listing lists which posts."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from conftest import run_build, write_site

from mkdocs_blog_archive.material import MATERIAL_ONLY, MATERIAL_PLACEHOLDERS

MARKER = "marker-"
"""Each post's body holds `marker-<n>`: what identifies the post a URL serves."""


@dataclass
class Written:
    """What one build wrote under site_dir: posts by URL path (their marker), listings by
    URL path (the posts they list, in order, as URL paths), other files by path."""

    posts: dict[str, str] = field(default_factory=dict)
    listings: dict[str, list[str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def _url_path(page: str, href: str) -> str:
    """The site path a link on `page` (a site path) points to, as a page path."""
    target = unquote(urlsplit(urljoin("/" + page, href)).path).lstrip("/")
    if target == "" or target.endswith("/"):
        target += "index.html"
    return target


def _marker(soup: BeautifulSoup) -> str | None:
    article = soup.select_one("article") or soup
    for text in article.find_all(string=True):
        if text.strip().startswith(MARKER):
            return text.strip()
    return None


def _read(
    site_dir: Path, blog: str, listed_by: Callable[[BeautifulSoup], list[Tag] | None]
) -> Written:
    """What a build wrote under `blog`: `listed_by` gives a listing page's post links (None
    for a page that is no listing); another page with a marker is a post."""
    written = Written()
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or not rel.startswith(blog) or rel.startswith(("assets/", "search/")):
            continue
        written.files.add(rel)
        if not rel.endswith(".html"):
            continue
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        links = listed_by(soup)
        if links is not None:
            written.listings[rel] = [_url_path(rel, str(link["href"])) for link in links]
        elif (marker := _marker(soup)) is not None:
            written.posts[rel] = marker
    return written


def _material_listing(soup: BeautifulSoup) -> list[Tag] | None:
    """Material's listings: excerpts (`article.md-post--excerpt`), each heading linking its
    post."""
    excerpts = soup.select("article.md-post--excerpt")
    if not excerpts:
        return None
    links = [excerpt.select_one(".md-post__content h2 a") for excerpt in excerpts]
    assert all(links), "an excerpt without its heading link"
    return [link for link in links if link is not None]


def _our_listing(soup: BeautifulSoup) -> list[Tag] | None:
    """Ours: `.blog-archive-post` entries (an empty listing still shows its count)."""
    entries = soup.select(".blog-archive-posts .blog-archive-post")
    if not entries and soup.select_one(".blog-archive-count") is None:
        return None
    links = [entry.select_one("a.blog-archive-post-title") for entry in entries]
    assert all(links), "an entry without its title link"
    return [link for link in links if link is not None]


def read_material(site_dir: Path, blog: str) -> Written:
    """Material's pages."""
    return _read(site_dir, blog, _material_listing)


def read_ours(site_dir: Path, blog: str) -> Written:
    return _read(site_dir, blog, _our_listing)


def build_both(
    root: Path,
    docs: dict[str, str | bytes],
    options: dict[str, Any] | None,
    config: dict[str, Any] | None = None,
) -> tuple[Written, Written]:
    """Build `docs` with Material's blog (`options` as its block; None: a bare `- blog`)
    and with ours: the same block renamed, plus `material: true` where the block names no
    option only Material has (a bare entry, or one of shared options only)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    settings = {"theme": {"name": "material"}, **(config or {})}
    blog = str((options or {}).get("blog_dir", "blog")).strip("/")
    blog = "" if blog == "." else blog + "/"
    results = []
    for name in ("material", "ours"):
        folder = root / name
        if folder.exists():
            shutil.rmtree(folder)
        if name == "material":
            plugin: Any = "blog" if options is None else {"blog": options}
        else:
            block = dict(options or {})
            if not any(key in MATERIAL_ONLY for key in block) and not any(
                name in str(block.get("post_url_format", "")) for name in MATERIAL_PLACEHOLDERS
            ):
                block["material"] = True
            plugin = {"blog-archive": block}
        config_file = write_site(folder, docs, {**settings, "plugins": [plugin]})
        warnings = run_build(config_file, strict=name == "ours")
        site_dir = folder / "site"
        written = read_material(site_dir, blog) if name == "material" else read_ours(site_dir, blog)
        written.warnings = warnings
        results.append(written)
    return results[0], results[1]


def differences(material: Written, ours: Written) -> list[str]:
    """Every way in which a URL Material wrote is not served the same by ours."""
    found = []
    for url, marker in material.posts.items():
        if ours.posts.get(url) != marker:
            found.append(f"post {url}: Material serves {marker}, ours {ours.posts.get(url)}")
    for url, listed in material.listings.items():
        if ours.listings.get(url) != listed:
            found.append(f"listing {url}: Material lists {listed}, ours {ours.listings.get(url)}")
    pages = set(material.posts) | set(material.listings)
    for path in sorted(material.files - pages):
        if path.endswith(".html"):
            if path not in ours.files:
                found.append(f"page {path}: Material writes it, ours does not")
        elif path not in ours.files and not path.endswith((".xml", ".gz")):
            found.append(f"file {path}: Material writes it, ours does not")
    return found
