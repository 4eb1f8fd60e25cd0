"""Plain text from the HTML MkDocs rendered: summaries and reading times (no second render)."""

from __future__ import annotations

import html
import re

_MORE = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.DOTALL)


_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SKIPPED = re.compile(
    r"<(h1|script|style|template)\b[^>]*>.*?</\1\s*>"
    r"|<a\b[^>]*\bclass=\"[^\"]*\bheaderlink\b[^\"]*\"[^>]*>.*?</a\s*>",
    re.DOTALL | re.IGNORECASE,
)
_BREAKS = re.compile(
    r"</(?:p|li|dt|dd|h[2-6]|div|pre|td|th|tr|blockquote)\s*>|<(?:br|hr|img|input|wbr)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment MkDocs rendered, whitespace folded.

    Leaves out the h1, scripts, styles and headings' permalinks. Regular expressions are
    enough for Markdown's own well-formed output, and several times faster than HTMLParser.
    """
    text = _COMMENT.sub("", fragment)
    text = _SKIPPED.sub(" ", text)
    text = _BREAKS.sub(" ", text)
    text = html.unescape(_TAG.sub("", text))
    return " ".join(text.split())


def _first_paragraph(content: str) -> str:
    for match in _PARAGRAPH.finditer(content):
        opening = content[match.start() : match.start(1)]
        if "admonition-title" not in opening and match.group(1).strip():
            return match.group(1)
    return ""


def summarize(content: str, description: str | None, words: int) -> str:
    """A post's summary in plain text, from the HTML MkDocs already rendered.

    Front matter `description` wins; else the part before `<!-- more -->`; else the first
    paragraph. Cut after `words` words at a word boundary (0: no cut).
    """
    if description is not None:
        text = " ".join(description.split())
    else:
        match = _MORE.search(content)
        text = html_to_text(content[: match.start()] if match else _first_paragraph(content))
    return truncate_words(text, words)


_PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL | re.IGNORECASE)


def reading_minutes(content: str, words_per_minute: int) -> int:
    """Minutes to read a rendered page: its words, plus one word per line of code
    (code is skimmed, not read word by word); at least one minute."""
    parts = _PRE.split(content)  # prose, code block, prose, …
    lines = sum(block.count("\n") + 1 for block in parts[1::2])
    prose = _TAG.sub(" ", " ".join(parts[::2]) if lines else content)
    words = len(prose.split()) + lines
    return max(1, round(words / max(words_per_minute, 1)))


def truncate_words(text: str, words: int) -> str:
    """`text` cut after `words` words, with an ellipsis when anything was cut."""
    if not words:
        return text
    parts = text.split(maxsplit=words)
    if len(parts) <= words:
        return text
    return " ".join(parts[:words]).rstrip(".,;:") + "…"
