"""One Markdown converter for every post (`convert`): a site built with it writes every file
as MkDocs' own converter for each page does, with the extensions it is used for; any other
extension gets a converter for each page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import run_build, write_site
from mkdocs.config import load_config
from mkdocs.structure.pages import Page
from pymdownx import slugs

from mkdocs_blog_archive import convert

ALPHA = """\
---
date: 2026-03-01
tags: [one]
---

# Alpha

The HTML spec, a footnote[^1] and a second one[^note]. ++ctrl+alt+del++, ==marked==,
^^inserted^^, ~~gone~~, H~2~O, :smile:, {--removed--}{++added++}, "quoted" -- dashed...
(c) 1st, https://example.com/a, $E = mc^2$, `#!python x = 1`, [=75% "75%"].

<!-- more -->

*[HTML]: Hyper Text Markup Language

[^1]: The first note of alpha.
[^note]: The second note of alpha.

## Setup

- [x] done
- [ ] open

## Setup

=== "One"

    Tab one of alpha.

=== "Two"

    Tab two of alpha.

??? note "Details of alpha"

    Hidden text.

!!! warning "Careful"

    Warned.

```python linenums="1" hl_lines="2"
def alpha():
    return 1
```

Term
:   Its definition.

| a | b |
|---|---|
| 1 | 2 |

<div markdown>**Bold** in HTML.</div>

/// details | Block details
Block content.
///

/// tab | Block tab one
One.
///

/// tab | Block tab two
Two.
///

/// admonition | Block note
    type: note
Noted.
///

[Beta](beta.md#setup) and a heading with attributes {: #custom-id }
"""

BETA = """\
---
date: 2026-03-02
tags: [one, two]
---

# Beta

HTML again, not abbreviated here, and a footnote[^1].

[^1]: The one note of beta.

## Setup

=== "Three"

    Tab three of beta.

```python
def beta():
    return 2
```

[[WikiLink]]
"""

PLAIN = """\
---
date: 2026-03-03
---

# Gamma

Lines
joined by nl2br, "smart" quotes -- and <<arrows>>.

Key: value of meta-less text.

    indented code

* a
1. b
"""

OWN_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "meta",
    "nl2br",
    "sane_lists",
    "smarty",
    "legacy_attrs",
    "legacy_em",
    "wikilinks",
    {"toc": {"permalink": True}},
    {"codehilite": {"linenums": True}},
    "markdown.extensions.extra",
]

PYMDOWNX_CONFIG = """\
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - pymdownx.arithmatex:
      generic: true
  - pymdownx.betterem
  - pymdownx.blocks.admonition
  - pymdownx.blocks.details
  - pymdownx.blocks.tab
  - pymdownx.caret
  - pymdownx.critic
  - pymdownx.details
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - pymdownx.escapeall
  - pymdownx.highlight:
      anchor_linenums: true
  - pymdownx.inlinehilite
  - pymdownx.keys
  - pymdownx.magiclink
  - pymdownx.mark
  - pymdownx.progressbar
  - pymdownx.saneheaders
  - pymdownx.smartsymbols
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.tasklist:
      custom_checkbox: true
  - pymdownx.tilde
"""

DOCS: dict[str, str | bytes] = {
    "index.md": "# Home\n\nThe HTML home.\n",
    "blog/posts/alpha.md": ALPHA,
    "blog/posts/beta.md": BETA,
    "blog/posts/gamma.md": PLAIN,
}


def _build(root: Path, reuse: bool, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """Every file the site at `root` writes, with or without the one converter; asserts that
    the posts did get it (or not)."""
    given: list[int | None] = []
    made = convert.Converter.markdown

    def converter(self: convert.Converter, config: Any) -> markdown.Markdown | None:
        found = made(self, config) if reuse else None
        given.append(id(found) if found is not None else None)
        return found

    with monkeypatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the themes' build dates alike
        patch.setattr(convert.Converter, "markdown", converter)
        site_dir = root / ("site-one" if reuse else "site-each")
        assert run_build(root / "mkdocs.yml", site_dir=str(site_dir)) == []
    # the home page and the three posts (the pages read), all with one converter
    assert len(given) == 4 and len(set(given)) == 1 and (given[0] is not None) == reuse
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.suffix != ".gz"  # a gzip header holds its time
    }


def _same_both_ways(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    one, each = _build(root, True, monkeypatch), _build(root, False, monkeypatch)
    assert sorted(one) == sorted(each)
    assert [name for name in one if one[name] != each[name]] == []
    return one


def test_python_markdown_extensions_render_as_with_a_converter_for_each_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_site(tmp_path, DOCS, {"markdown_extensions": OWN_EXTENSIONS})
    written = _same_both_ways(tmp_path, monkeypatch)
    beta = BeautifulSoup(written["blog/posts/beta/index.html"], "html.parser")
    assert beta.find("abbr") is None  # alpha's abbreviation stays in alpha
    notes = beta.select(".footnote li")
    assert [note.get_text(" ", strip=True).rstrip("↩ ") for note in notes] == [
        "The one note of beta."
    ]
    alpha = BeautifulSoup(written["blog/posts/alpha/index.html"], "html.parser")
    assert {abbr["title"] for abbr in alpha.select("abbr")} == {"Hyper Text Markup Language"}
    assert len(alpha.select(".footnote li")) == 2
    setup = [h["id"] for h in beta.select("h2")]
    assert setup == ["setup"]  # not setup_2: heading ids start again on each page


def test_pymdownx_extensions_render_as_with_a_converter_for_each_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_site(tmp_path, DOCS, {"theme": {"name": "material"}})
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + PYMDOWNX_CONFIG, "utf-8")
    written = _same_both_ways(tmp_path, monkeypatch)
    beta = BeautifulSoup(written["blog/posts/beta/index.html"], "html.parser")
    tabs = beta.select(".tabbed-set input")
    assert [tab["id"] for tab in tabs] == ["__tabbed_1_1"]  # tab ids start again too
    alpha = BeautifulSoup(written["blog/posts/alpha/index.html"], "html.parser")
    assert alpha.select(".tabbed-set") and alpha.select("kbd") and alpha.select("mark")
    assert alpha.select("svg") and alpha.select(".arithmatex")


def test_every_extension_the_converter_is_used_with_is_built_both_ways_here() -> None:
    built = {next(iter(e)) if isinstance(e, dict) else e for e in OWN_EXTENSIONS}
    built |= {"tables", "fenced_code"}  # MkDocs adds them to every site
    built |= {
        line.strip().removeprefix("- ").removesuffix(":")
        for line in PYMDOWNX_CONFIG.splitlines()
        if line.startswith("  - ")
    }
    named = {name.removeprefix("markdown.extensions.") for name in convert.SAFE}
    assert named == {name.removeprefix("markdown.extensions.") for name in built}


def _config(tmp_path: Path, extensions: list[Any]) -> Any:
    write_site(tmp_path, {"index.md": "# Home\n"}, {"markdown_extensions": extensions})
    return load_config(str(tmp_path / "mkdocs.yml"))


def test_one_converter_for_the_same_extensions_reset_between_pages(tmp_path: Path) -> None:
    config = _config(tmp_path, ["admonition", {"toc": {"permalink": True}}])
    converter = convert.Converter()
    first = converter.markdown(config)
    assert first is not None
    first.convert("# One\n\n## Same\n")
    again = converter.markdown(config)
    assert again is first
    again.convert("## Same\n")
    assert [token["id"] for token in again.toc_tokens] == ["same"]  # type: ignore[attr-defined]


def test_a_changed_option_makes_a_new_converter(tmp_path: Path) -> None:
    config = _config(tmp_path, [{"toc": {"permalink": True}}])
    converter = convert.Converter()
    first = converter.markdown(config)
    config.mdx_configs["toc"]["permalink"] = "#"  # a plugin changes it in place
    second = converter.markdown(config)
    assert second is not None and second is not first
    assert second.convert("## A\n").endswith('href="#a" title="Permanent link">#</a></h2>')
    config.markdown_extensions.append("abbr")
    assert converter.markdown(config) not in (None, second)


def test_options_that_are_objects_find_their_converter_again(tmp_path: Path) -> None:
    config = _config(tmp_path, ["toc"])
    config.mdx_configs["toc"] = {"slugify": slugs.slugify(case="lower")}  # a partial
    converter = convert.Converter()
    first = converter.markdown(config)
    assert first is not None and converter.markdown(config) is first


@pytest.mark.parametrize(
    "extension",
    ["pymdownx.snippets", "material.extensions.preview", "unknown_extension"],
)
def test_other_extensions_get_a_converter_for_each_page(tmp_path: Path, extension: str) -> None:
    config = _config(tmp_path, ["toc"])
    config.markdown_extensions.append(extension)  # as validated: a name
    assert convert.Converter().markdown(config) is None


def test_an_extension_given_as_an_object_gets_a_converter_for_each_page(tmp_path: Path) -> None:
    config = _config(tmp_path, ["toc"])
    config.markdown_extensions.append(markdown.extensions.Extension())
    assert convert.Converter().markdown(config) is None


def test_a_render_another_plugin_put_in_place_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    mkdocs_render = Page.render

    def render(self: Page, config: Any, files: Any) -> None:
        calls.append(self.file.src_uri)
        mkdocs_render(self, config, files)

    monkeypatch.setattr(Page, "render", render)
    root = tmp_path / "site"
    write_site(root, DOCS, {"markdown_extensions": ["admonition"]})
    assert run_build(root / "mkdocs.yml") == []
    assert set(DOCS) <= set(calls)  # the posts (and the archive pages MkDocs renders)
    gamma = BeautifulSoup((root / "site/blog/posts/gamma/index.html").read_bytes(), "html.parser")
    assert [code.get_text() for code in gamma.select("pre code")] == ["indented code\n"]
