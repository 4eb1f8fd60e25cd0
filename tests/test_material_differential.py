"""Differential tests: the same generated sites built with Material's `blog` plugin and with
`blog-archive` (Material's options block copied unchanged; a bare entry gets the one switch,
`material: true`). Every URL Material writes must be written by ours, serving the same post
or a listing of the same posts in the same order (see `material_diff`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from material_diff import MARKER, build_both, differences

TITLES = [
    "Last Week in Pony - August 16, 2026",
    "Release 1.11.0",
    "🚀 Launch day",
    "你好世界",
    "Привет мир",
    "مرحبا بالعالم",
    "Another: one?",
    "C++ & Rust",
    "Schöne Grüße",
    "Plain title",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
]


def post(
    n: int,
    date: str,
    title: str | None,
    *,
    front: str = "",
    more: bool = True,
) -> str:
    """A post's Markdown: `marker-<n>` in its body says which post a page serves."""
    heading = f"# {title}\n\n" if title is not None else ""
    rest = "\n<!-- more -->\n\nThe rest.\n" if more else ""
    return f"---\ndate: {date}\n{front}---\n\n{heading}{MARKER}{n}\n{rest}"


def blog(
    folder: str = "blog",
    count: int = len(TITLES),
    *,
    nested: bool = False,
    extra: dict[str, str | bytes] | None = None,
) -> dict[str, str | bytes]:
    """A blog of `count` posts with titles in many scripts, in several categories, spread over
    two years, a pinned post and two posts of the same day."""
    prefix = f"{folder}/" if folder else ""
    docs: dict[str, str | bytes] = {"index.md" if folder else "about.md": "# Home\n"}
    docs[f"{prefix}index.md"] = "# Blog\n"
    for n in range(count):
        title = TITLES[n % len(TITLES)] + ("" if n < len(TITLES) else f" {n}")
        year = 2025 + n % 2
        date = dt.date(year, 1 + n % 12, 1 + (n * 7) % 27).isoformat() if n != 3 else "2026-02-08"
        categories = [["News"], ["Runtime", "Releases"], ["Releases"], []][n % 4]
        front = f"categories: {categories}\n" if categories else ""
        front += "pin: true\n" if n == 5 else ""
        path = f"{prefix}posts/{year}/p{n:02d}.md" if nested else f"{prefix}posts/p{n:02d}.md"
        docs[path] = post(n, date, title, front=front)
    docs.update(extra or {})
    return docs


SLUGS: dict[str, str | bytes] = {
    "blog/posts/slug-upper.md": post(90, "2026-03-01", "Upper", front="slug: Part2-Of-Three\n"),
    "blog/posts/slug-dots.md": post(91, "2026-03-02", "Dots", front="slug: release-1.11.0\n"),
    "blog/posts/no-heading.md": post(92, "2026-03-03", None),
    "blog/posts/titled.md": post(93, "2026-03-04", "Heading", front="title: From Front Matter\n"),
    "blog/posts/2026-03-05-dated-name.md": "---\ndate: 2026-03-05\n---\n\nText first.\n\n"
    "# Late heading\n\nmarker-94\n",
}

AUTHORS: dict[str, str | bytes] = {
    "blog/.authors.yml": (
        "authors:\n  squidfunk:\n    name: Martin Donath\n    description: Creator\n"
        "    avatar: https://example.com/a.png\n  JaneDoe:\n    name: Jane Doe\n"
        "    description: Writer\n    avatar: https://example.com/b.png\n    slug: jane\n"
    ),
    "blog/posts/by-martin.md": post(80, "2026-04-01", "By Martin", front="authors: [squidfunk]\n"),
    "blog/posts/by-both.md": post(
        81, "2026-04-02", "By both", front="authors: [JaneDoe, squidfunk]\n"
    ),
}

FUTURE = (dt.date.today() + dt.timedelta(days=400)).isoformat()
DRAFTS: dict[str, str | bytes] = {
    "blog/posts/draft.md": post(70, "2026-05-01", "A draft", front="draft: true\n"),
    "blog/posts/future.md": post(71, FUTURE, "From the future"),
}

CASES: dict[str, tuple[dict[str, str | bytes], dict[str, Any] | None, dict[str, Any]]] = {
    # name: (docs, Material's options block or None for a bare `- blog`, mkdocs.yml)
    "defaults, many scripts": (blog(extra=SLUGS), None, {}),
    "defaults, 25 posts, drafts and future": (blog(count=25, extra=DRAFTS), None, {}),
    "blog_dir is docs_dir": (blog(""), {"blog_dir": ".", "pagination_per_page": 5}, {}),
    "post_url_format with file": (blog(nested=True), {"post_url_format": "posts/{file}"}, {}),
    "post_url_format slug alone": (blog(extra=SLUGS), {"post_url_format": "{slug}"}, {}),
    "post_url_format with categories": (
        blog(),
        {"post_url_format": "{categories}/{slug}", "post_url_max_categories": 2},
        {},
    ),
    "post_url_date_format yyyy/MM": (blog(), {"post_url_date_format": "yyyy/MM"}, {}),
    "category and archive URLs changed": (
        blog(),
        {
            "categories_url_format": "categories/{slug}",
            "archive_url_format": "years/{date}",
            "archive_url_date_format": "yyyy/MM",
        },
        {},
    ),
    "pagination off": (blog(count=25), {"pagination": False}, {}),
    "pagination per view": (
        blog(count=25),
        {
            "pagination_per_page": 3,
            "categories_pagination": False,
            "archive_pagination_per_page": 2,
            "pagination_url_format": "seite/{page}",
        },
        {},
    ),
    "author profiles": (
        blog(extra=AUTHORS),
        {"authors_profiles": True, "authors_profiles_url_format": "authors/{slug}"},
        {},
    ),
    "drafts of the future": (blog(extra=DRAFTS), {"draft_if_future_date": True}, {}),
    "drafts published": (blog(extra=DRAFTS), {"draft": True}, {}),
    "case-variant categories, empty descriptions": (
        blog(
            extra={
                "blog/posts/case-a.md": post(
                    60, "2026-06-01", "A", front="categories: [runtime]\n"
                ),
                "blog/posts/case-b.md": post(
                    61, "2026-06-02", "B", front="categories: [Runtime]\ndescription: ''\n"
                ),
            }
        ),
        {"post_excerpt": "optional"},
        {},
    ),
    "nested folders and media": (
        blog(
            nested=True,
            extra={
                "blog/posts/2026/image.png": b"\x89PNG\r\n\x1a\n",
                "blog/posts/2026/with-image.md": post(
                    50, "2026-07-01", "With image", front=""
                ).replace("The rest.", "![An image](image.png)"),
            },
        ),
        None,
        {},
    ),
    "no directory URLs": (blog(count=25), None, {"use_directory_urls": False}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_material_url_is_kept(tmp_path: Path, case: str) -> None:
    docs, options, config = CASES[case]
    material, ours = build_both(tmp_path, docs, options, config)
    assert len(material.posts) >= 10 and material.listings, "the case exercises Material"
    assert ours.warnings == []
    assert differences(material, ours) == []


def test_the_pager_links_the_pages_materials_links(tmp_path: Path) -> None:
    """`pagination_format: "~2~"` (Material's default): the same page numbers and gaps as
    Material's pager, on the first, a middle and the last page (ours adds previous/next)."""
    from bs4 import BeautifulSoup

    docs = blog(count=30)
    build_both(tmp_path, docs, {"pagination_per_page": 2})
    for page in ["blog/index.html", "blog/page/8/index.html", "blog/page/15/index.html"]:
        theirs = BeautifulSoup(
            (tmp_path / "material/site" / page).read_text("utf-8"), "html.parser"
        )
        mine = BeautifulSoup((tmp_path / "ours/site" / page).read_text("utf-8"), "html.parser")
        expected = [e.get_text().strip() for e in theirs.select(".md-pagination > *")]
        assert ".." in expected, (page, expected)  # Material's pager leaves pages out here
        shown = mine.select(
            ".blog-archive-pager .blog-archive-pager-page, .blog-archive-pager-current, "
            ".blog-archive-pager-gap"
        )
        got = ["..." if "gap" in " ".join(e["class"]) else e.get_text().strip() for e in shown]
        assert got == [text.replace("..", "...") for text in expected], page
