"""`mkdocs-blog-archive write-pages`: the archive as plain files, for generators that run no
MkDocs plugins (Zensical, or any other that reads Markdown).

The posts are collected by the plugin itself, in MkDocs' build of the site up to `on_env`
(every page rendered, no theme page, nothing written); then the plugin lays the archive
out under the folder's path (`BlogArchivePlugin.archive_files`). The pages and feeds are
written into one folder, with a manifest of what was written: a file the
manifest does not know, or one edited since, is never overwritten, and a file whose bytes
would not change is not touched.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.commands.build import _populate_page
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from mkdocs_blog_archive.plugin import BlogArchivePlugin

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

DEFAULT_FOLDER = "blog-archive-pages"
"""Where pages go by default, inside docs_dir (add it to .gitignore)."""
MANIFEST = ".blog-archive-manifest.json"


@dataclass
class Report:
    """What a run did, by path relative to the output folder."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    """Files in the way that this command did not write (or that were edited since)."""


def gather(config: MkDocsConfig, ignore: set[str]) -> None:
    """MkDocs' build up to `on_env`, as `mkdocs build` runs it: every page read and rendered,
    every plugin's events until then, no theme page rendered and nothing written. The files
    at `ignore` (written by an earlier run) are left out."""
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    for file in [f for f in files if f.src_uri in ignore]:
        files.remove(file)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    config.plugins.on_nav(nav, config=config, files=files)
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        if file.page is None:
            Page(None, file, config)
        assert file.page is not None
        _populate_page(file.page, config, files)
    config.plugins.on_env(env, config=config, files=files)


def collect(config: MkDocsConfig, prefix: str, ignore: set[str]) -> dict[str, bytes]:
    """The archive pages (Markdown) and feeds of the site, by path under `prefix`; the
    files at `ignore` (written by an earlier run) are left out of the build."""
    plugins = [p for p in config.plugins.values() if isinstance(p, BlogArchivePlugin)]
    if not plugins:
        raise ConfigurationError(f"{config.config_file_path}: no blog-archive plugin in plugins")
    # Links to pages an earlier run wrote (left out here) do not resolve: not a problem.
    config.validation.links.not_found = logging.DEBUG
    config.validation.nav.not_found = logging.DEBUG
    config.plugins.on_startup(command="build", dirty=False)
    try:
        gather(config, ignore)
    finally:
        config.plugins.on_shutdown()
    pages: dict[str, bytes] = {}
    for plugin in plugins:
        for src_uri, data in plugin.archive_files(prefix).items():
            pages[src_uri[len(prefix) :].lstrip("/") if prefix else src_uri] = data
    return pages


def read_manifest(out_dir: Path) -> dict[str, str]:
    """Files an earlier run wrote into `out_dir`, with their SHA-256; empty when none."""
    try:
        known = json.loads((out_dir / MANIFEST).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    if not isinstance(known, dict):
        return {}
    return {str(k): str(v) for k, v in known.items()}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(pages: dict[str, bytes], out_dir: Path) -> Report:
    """Write `pages` into `out_dir`, keeping the manifest; see the module docstring."""
    report = Report()
    manifest_path = out_dir / MANIFEST
    known = read_manifest(out_dir)
    owned: dict[str, str] = {}
    root = out_dir.resolve()
    for path, data in sorted(pages.items()):
        target = (out_dir / path).resolve()
        if not target.is_relative_to(root):  # never: paths are made from safe slugs
            report.refused.append(path)
            continue
        if target.exists():
            current = target.read_bytes()
            if known.get(path) != _digest(current):
                report.refused.append(path)
                continue
            owned[path] = known[path]
            if current == data:
                report.unchanged.append(path)
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        owned[path] = _digest(data)
        report.written.append(path)
    for path, digest in sorted(known.items()):
        if path in pages:
            continue
        target = out_dir / path
        if target.is_file() and _digest(target.read_bytes()) == digest:
            target.unlink()
            report.removed.append(path)
        elif target.is_file():
            owned[path] = digest  # edited since: left alone, still ours to report
    text = json.dumps(owned, indent=1, sort_keys=True) + "\n"
    if not manifest_path.is_file() or manifest_path.read_text("utf-8") != text:
        out_dir.mkdir(parents=True, exist_ok=True)
        manifest_path.write_text(text, "utf-8")
    return report


def write_pages(config_file: str | None, out: str | None) -> tuple[Path, Report]:
    """Collect the site's archive and write it to `out` (default: a folder in docs_dir)."""
    config = load_config(config_file=config_file)
    docs_dir = Path(config.docs_dir)
    out_dir = Path(out).absolute() if out else docs_dir / DEFAULT_FOLDER
    try:
        prefix = out_dir.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        prefix = ""  # outside docs_dir: paths as if the folder were docs_dir
    prefix = "" if prefix == "." else prefix
    ignore = {f"{prefix}/{path}" if prefix else path for path in read_manifest(out_dir)}
    pages = collect(config, prefix, ignore)
    return out_dir, write(pages, out_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mkdocs-blog-archive",
        description="Write the blog archive as plain files, for generators that run no "
        "MkDocs plugins (Zensical).",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    pages = commands.add_parser(
        "write-pages",
        help="write the blog index, archive pages and feeds into a folder",
        description="Collects the posts exactly as the plugin does and writes the blog index, "
        "archive pages and feeds as plain files. A file this command did not write is never "
        "overwritten; unchanged files are not touched.",
    )
    pages.add_argument("-f", "--config-file", help="mkdocs.yml to read (default: ./mkdocs.yml)")
    pages.add_argument(
        "-o",
        "--out",
        help=f"folder to write into (default: {DEFAULT_FOLDER}/ inside docs_dir; a folder "
        "inside docs_dir keeps the pages' links right under its URL)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        out_dir, report = write_pages(args.config_file, args.out)
    except (ConfigurationError, Abort, OSError) as error:
        print(f"mkdocs-blog-archive: {error}", file=sys.stderr)
        return 2
    for path in report.refused:
        print(
            f"refused: {out_dir / path} is not a file this command wrote (or it was edited "
            "since); move it away to let it be written",
            file=sys.stderr,
        )
    print(
        f"{out_dir}: {len(report.written)} written, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed, {len(report.refused)} refused"
    )
    return 1 if report.refused else 0
