"""One Markdown converter for the pages the plugin read: MkDocs makes a `markdown.Markdown`
for every page, building every extension and the whole parser again (172 µs a page with
MkDocs' three default extensions, 1,045 µs with a Material setup's list); this converter is
made once a build and `reset()` between pages, as Python-Markdown means an instance to be
used for many documents. Rendering the 10,000 benchmark posts inside a build: 31.3 and 31.7 s
with a converter for each, 26.5 and 28.3 s with one (two builds each).

Only with extensions known to keep no state across `reset()`: Python-Markdown's own, and
those of pymdown-extensions that tests build both ways, page by page identically. Any other
extension (a name not listed, an extension given as an object) gets MkDocs' own way, a
converter for each page: one that keeps state across documents (Material's `preview` adds to
its configuration on each run) would otherwise leak from post to post."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import markdown

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_OWN = (
    "abbr",
    "admonition",
    "attr_list",
    "codehilite",
    "def_list",
    "extra",
    "fenced_code",
    "footnotes",
    "legacy_attrs",
    "legacy_em",
    "md_in_html",
    "meta",
    "nl2br",
    "sane_lists",
    "smarty",
    "tables",
    "toc",
    "wikilinks",
)
"""Python-Markdown's extensions (MkDocs always adds toc, tables and fenced_code)."""

_OTHERS = (
    "pymdownx.arithmatex",
    "pymdownx.betterem",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
    "pymdownx.blocks.tab",
    "pymdownx.caret",
    "pymdownx.critic",
    "pymdownx.details",
    "pymdownx.emoji",
    "pymdownx.escapeall",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.magiclink",
    "pymdownx.mark",
    "pymdownx.progressbar",
    "pymdownx.saneheaders",
    "pymdownx.smartsymbols",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
    "pymdownx.tilde",
)
"""Extensions of pymdown-extensions that `tests/test_convert.py` renders page by page both
ways with the same result, Material's emoji index among their options (not
`pymdownx.snippets`, which reads files; not Material's `preview`)."""

SAFE = frozenset(_OWN) | {f"markdown.extensions.{name}" for name in _OWN} | frozenset(_OTHERS)


class Converter:
    """The converter of one build's pages, made again whenever the site's extensions or
    their configuration differ from those it was made with (a plugin may change them)."""

    __slots__ = ("_made", "_with")

    def __init__(self) -> None:
        self._made: markdown.Markdown | None = None
        self._with: tuple[list[Any], dict[str, Any]] | None = None

    def markdown(self, config: MkDocsConfig) -> markdown.Markdown | None:
        """The converter for a page, reset; None where a page needs one of its own."""
        extensions, configs = config.markdown_extensions, config.mdx_configs or {}
        made, known = self._made, self._with
        if made is not None and known is not None and known == (extensions, configs):
            made.reset()
            return made
        self._made = self._with = None
        if not all(isinstance(name, str) and name in SAFE for name in extensions):
            return None
        self._made = markdown.Markdown(extensions=extensions, extension_configs=configs)
        self._with = (list(extensions), _snapshot(configs))
        return self._made


def _snapshot(value: Any) -> Any:
    """`value` with its dicts, lists and tuples copied, to compare each page's options with by
    value (a plugin may change them in place); anything else as it is, compared as it
    compares itself. (Not `copy.deepcopy`: a copied `functools.partial`, as Material's docs
    give toc's `slugify`, is equal only to itself, so no page would have found its converter.)"""
    if isinstance(value, dict):
        return {key: _snapshot(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_snapshot(item) for item in value)
    return value
