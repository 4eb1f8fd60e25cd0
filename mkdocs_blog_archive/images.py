"""Posts' cover images: front matter `image` (a path relative to the post, a docs-relative
path, or an absolute URL) and `image_alt`, found among the site's files once per build."""

from __future__ import annotations

import mimetypes
import os
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.structure.files import File, Files

    from mkdocs_blog_archive.archive import Post


@dataclass(frozen=True, slots=True)
class Cover:
    """A post's image as pages, feeds and link previews use it."""

    url: str
    """Site-relative (a file of the site), or absolute as written."""
    alt: str
    type: str
    """Its media type ("image/png"), for feeds' enclosures; "" when unknown."""
    size: int = 0
    """Its size in bytes (RSS's enclosure length), 0 when unknown."""
    absolute: bool = False


def find(post: Post, files: Files, warn: Callable[[str], None]) -> Cover | None:
    """The post's cover image, or None; a path that is no file of the site is a warning."""
    given = post.image
    if not given:
        return None
    media = mimetypes.guess_type(given.split("?")[0])[0] or ""
    if "://" in given or given.startswith("//") or given.startswith("data:"):
        return Cover(given, post.image_alt, media, absolute=True)
    folder = posixpath.dirname(post.src_uri)
    tries = (
        [given.lstrip("/")]
        if given.startswith("/")
        else [
            posixpath.normpath(posixpath.join(folder, given)),
            posixpath.normpath(given),
        ]
    )
    for path in tries:
        file = files.get_file_from_path(path)
        if file is not None and not file.is_documentation_page():
            return Cover(file.url, post.image_alt, media, _size(file))
    warn(
        f"{post.src_uri}: 'image' {given!r} is no file of the site (looked for {', '.join(tries)})"
    )
    return None


def _size(file: File) -> int:
    """The file's size in bytes (0 if it cannot be read)."""
    if file.abs_src_path is None:  # made in memory by a plugin
        return len(file.content_bytes)
    try:
        return os.path.getsize(file.abs_src_path)
    except OSError:
        return 0


def find_all(posts: Iterable[Post], files: Files, warn: Callable[[str], None]) -> None:
    """Every post's `cover`, found once per build (a dirty build's posts are copies)."""
    for post in posts:
        post.cover = find(post, files, warn) if post.image else None
