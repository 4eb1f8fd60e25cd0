"""Guards of the speed design (the figures themselves come from benchmarks/run.py)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import markdown
import pytest
from conftest import Site, post


def test_every_page_is_converted_from_markdown_exactly_once(
    make_site: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversions: Counter[str] = Counter()
    convert = markdown.Markdown.convert

    def counting_convert(self: markdown.Markdown, source: str) -> str:
        conversions[source] += 1
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting_convert)
    docs: dict[str, str | bytes] = {"index.md": "# Home\n"}
    for number in range(40):
        categories = [f"Topic {number % 5}", f"Area {number % 3}"]
        body = f"First paragraph {number}.\n\n<!-- more -->\n\nThe rest of post {number}."
        docs[f"blog/posts/p{number}.md"] = post(
            f"2026-03-{number % 28 + 1:02d}", f"Post {number}", categories, body
        )
    site: Site = make_site(docs, {"theme": {"name": "material"}})

    pages = 1 + 40 + 1 + 5 + 3 + 1  # home, posts, blog index, Topic and Area pages, 2026
    assert sum(conversions.values()) == pages
    assert set(conversions.values()) == {1}
    assert len(site.listing("blog/category/topic-0/index.html")) == 8
