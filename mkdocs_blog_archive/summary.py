"""Plain text from the HTML MkDocs rendered: summaries and reading times (no second render)."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

MORE_PATTERN = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
MORE = "<!-- more -->"
"""The excerpt separator by default (Material's `post_excerpt_separator`)."""


def separator_pattern(separator: str) -> re.Pattern[str]:
    """Where a post's excerpt ends in its HTML: the default separator in any spacing or
    case, as before; another exactly as written."""
    return MORE_PATTERN if separator == MORE else re.compile(re.escape(separator))


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


def summarize(
    content: str, description: str | None, words: int, separator: re.Pattern[str] = MORE_PATTERN
) -> str:
    """A post's summary in plain text, from the HTML MkDocs already rendered.

    Front matter `description` wins; else the part before `<!-- more -->`; else the first
    paragraph. Cut after `words` words at a word boundary (0: no cut).
    """
    if description is not None:
        text = " ".join(description.split())
    else:
        match = separator.search(content)
        text = html_to_text(content[: match.start()] if match else _first_paragraph(content))
    return truncate_words(text, words)


_PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL | re.IGNORECASE)


_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)
"""A character of Chinese, Japanese or Korean (Han, kana, Hangul, Bopomofo, their
compatibility and extension blocks: the Unicode scripts written without spaces between words,
as CLDR's word-break rules treat them)."""


_SPACE_OR_WORD = bytes(
    0x20 if chr(byte) in " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f" else 0x78 for byte in range(256)
)
"""Every byte as a space (the ASCII whitespace `str.split` splits at) or as `x`."""


def count_words(text: str) -> int:
    """The words of `text`: where a run of non-space starts, counted in its UTF-8 bytes
    mapped to spaces and `x`s (13 µs for a post in a European language, where `str.split`
    makes a string of each word in 31: 0.17 s at 10,000 posts). Unicode's other spaces
    (no-break space) join words, as they are meant to."""
    marks = text.encode("utf-8", "surrogatepass").translate(_SPACE_OR_WORD)
    return marks.count(b" x") + marks.startswith(b"x")


def _may_have_cjk(text: str) -> bool:
    """False for text that cannot hold CJK, found without a scan of `_CJK`, whose 12 ranges
    cost the regex engine tens of instructions a character: ASCII (`isascii` is O(1) in
    CPython), or characters all below U+0100 (French, German, Spanish: `encode` to Latin-1
    is then one copy). Counted by cachegrind in a build of the 1,000-post benchmark site,
    where two fifths of the text searched was such text: the regex engine's charset checks
    0.816 → 0.741 G instructions, the build 30.27 → 30.20 G (-0.2 %); at 10,000 posts the
    build 256.22 → 255.41 G with the listings change (-0.3 %)."""
    if text.isascii():
        return False
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return True
    return False


def reading_minutes(content: str, words_per_minute: int, characters_per_minute: int = 500) -> int:
    """Minutes to read a rendered page: its words, plus one word per line of code
    (code is skimmed, not read word by word), plus its CJK characters at
    `characters_per_minute` (that text has no spaces to count words by); at least one."""
    parts = _PRE.split(content)  # prose, code block, prose, …
    lines = sum(block.count("\n") + 1 for block in parts[1::2])
    prose = _TAG.sub(" ", " ".join(parts[::2]) if lines else content)
    characters = 0
    # Only text with some CJK is rewritten: `subn` takes 29 µs for a European post.
    if _may_have_cjk(prose) and _CJK.search(prose) is not None:
        prose, characters = _CJK.subn(" ", prose)
    words = count_words(prose) + lines
    minutes = words / max(words_per_minute, 1) + characters / max(characters_per_minute, 1)
    return max(1, round(minutes))


def truncate_words(text: str, words: int) -> str:
    """`text` cut after `words` words, with an ellipsis when anything was cut."""
    if not words:
        return text
    parts = text.split(maxsplit=words)
    if len(parts) <= words:
        return text
    return " ".join(parts[:words]).rstrip(".,;:") + "…"


LEADING_H1 = re.compile(r"\s*<h1[^>]*>.*?</h1>", re.DOTALL)
"""A rendered page's h1 (MkDocs' page title), where the content starts with it."""
_LINK = re.compile(r"""(\s(?:href|src)=")([^"]*)(")""")
_HEADING_ID = re.compile(r"(<h[1-6]\b[^>]*?)\sid=\"[^\"]*\"")
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/)")


def excerpt_html(
    content: str, separator: re.Pattern[str], url: str, prefix: str
) -> tuple[str, bool]:
    """A post's excerpt as rendered HTML, and whether the post goes on after it: the HTML
    up to the separator (the whole post without one, as Material's blog shows it), its h1
    left out (the listing heads it) and its headings' ids (one page lists many posts).

    Relative links and images, written from the post's `url`, become site-relative with
    `prefix` before them (`stencil.LATE`), for each listing to put its own prefix there.
    """
    match = separator.search(content)
    cut = content[: match.start()] if match else content
    cut = LEADING_H1.sub("", cut, count=1).strip()
    cut = _HEADING_ID.sub(r"\1", cut)
    base = "/" + url

    def rebase(found: re.Match[str]) -> str:
        target = found.group(2)
        if _ABSOLUTE.match(target):
            return found.group(0)
        site_path = urljoin(base, html.unescape(target))[1:]
        return f"{found.group(1)}{prefix}{html.escape(site_path)}{found.group(3)}"

    return _LINK.sub(rebase, cut), match is not None
