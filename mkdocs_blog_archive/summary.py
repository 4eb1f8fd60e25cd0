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


_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>")
"""A paragraph's opening tag; its end is the next `</p>` (paragraphs do not nest)."""


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
    return " ".join(_text(fragment).split())


def _text(fragment: str) -> str:
    """`html_to_text` before its whitespace is folded."""
    text = _COMMENT.sub("", fragment) if "<!--" in fragment else fragment
    text = _SKIPPED.sub(" ", text)
    text = _BREAKS.sub(" ", text)
    return html.unescape(_TAG.sub("", text))


def _first_paragraph(content: str) -> str:
    """The inside of the first paragraph with text, not an admonition's title. (Its end is
    found by `str.find`: a lazy `(.*?)</p>` in the regex cost the regex engine tens of
    instructions a character, 70,000 for a post of the benchmark site, now 11,000.)"""
    at = 0
    while (opening := _PARAGRAPH.search(content, at)) is not None:
        end = content.find("</p>", opening.end())
        if end < 0:
            return ""
        inside = content[opening.end() : end]
        if "admonition-title" not in opening.group() and inside.strip():
            return inside
        at = end + 4
    return ""


def summarize(
    content: str, description: str | None, words: int, separator: re.Pattern[str] = MORE_PATTERN
) -> str:
    """A post's summary in plain text, from the HTML MkDocs already rendered.

    Front matter `description` wins; else the part before `<!-- more -->`; else the first
    paragraph. Cut after `words` words at a word boundary (0: no cut).
    """
    if description is not None:
        text = description
    else:
        # Without a comment the default separator cannot match: `in` instead of the regex
        # engine's scan of the whole post, when it has no excerpt.
        skip = separator is MORE_PATTERN and "<!--" not in content
        match = None if skip else separator.search(content)
        text = _text(content[: match.start()] if match else _first_paragraph(content))
    return truncate_words(text, words)


_PRE = re.compile(r"<[pP][rR][eE]\b")
_PRE_END = re.compile(r"</[pP][rR][eE]>")


def _prose_and_code(content: str) -> tuple[str, int]:
    """`content` less its `<pre>` blocks (each one a space), and their lines. (Opening and
    end searched one after the other: `re.split` at a lazy `(<pre\\b.*?</pre>)` took 67,000
    instructions for a post of the benchmark site, its join some more; this 52,000.)"""
    pieces, lines, at = [], 0, 0
    while (opening := _PRE.search(content, at)) is not None:
        closing = _PRE_END.search(content, opening.end())
        if closing is None:
            break
        start, end = opening.start(), closing.end()
        pieces.append(content[at:start])
        lines += content.count("\n", start, end) + 1
        at = end
    if not pieces:
        return content, 0
    pieces.append(content[at:])
    return " ".join(pieces), lines


_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)
"""A character of Chinese, Japanese or Korean (Han, kana, Hangul, Bopomofo, their
compatibility and extension blocks: the Unicode scripts written without spaces between words,
as CLDR's word-break rules treat them)."""
_CJK_RUN = re.compile(f"{_CJK.pattern}{_CJK.pattern}*")
"""A run of CJK. (Not `[…]+`, which the regex engine tries at every position instead of
scanning for a first character: 2.4 times the instructions on the benchmark's posts.)"""


_WIDE = frozenset(range(0xE1, 0xEE)) | {0xEF, 0xF0}
"""The UTF-8 lead bytes of U+1000-U+DFFF, U+F000-U+FFFF and U+10000-U+3FFFF: every
character `_CJK` matches starts with one of them; no character below U+1000 does."""

_MARKS = bytes(
    0x20 if chr(byte) in " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f" else 0x63 if byte in _WIDE else 0x78
    for byte in range(256)
)
"""Every byte as a space (the ASCII whitespace `str.split` splits at), as `c` (a lead byte
of `_WIDE`) or as `x`."""


def _marks(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass").translate(_MARKS)


def _words(marks: bytes) -> int:
    """The words in `marks`: where a run of non-space starts."""
    words = marks.count(b" x") + marks.startswith((b"x", b"c"))
    return words + marks.count(b" c") if b"c" in marks else words


def count_words(text: str) -> int:
    """The words of `text`, counted in its bytes mapped to spaces and letters (13 µs for a
    post in a European language, where `str.split` makes a string of each word in 31: 0.17 s
    at 10,000 posts). Unicode's other spaces (no-break space) join words, as they are meant
    to."""
    return _words(_marks(text))


_ONE_BY_ONE = 64
"""Up to this many wide characters, each is looked at where it is; more, the regex engine
finds the runs of CJK. (About 2,000 instructions a character looked at, against about 75
for each character of the whole text the regex scans: for a post of a few thousand
characters they meet near 100.)"""


def _without_cjk(prose: str, data: bytes, marks: bytes) -> tuple[bytes, int]:
    """The marks of `prose` (UTF-8 `data`) with its CJK characters as spaces, and how many
    there were. A few wide characters (a CJK name in a European post, typographic quotes) are
    looked at one by one: `_CJK`'s 12 ranges cost the regex engine tens of instructions for
    each character it scans (230,000 instructions for the prose of a post of the benchmark
    site, which has two CJK characters or so). Many, as in a CJK post, in runs: each run
    becomes a space, and the characters are those taken out (a space for each character made
    a string piece for each: a Chinese post of 4,900 characters took 958 µs, now 220)."""
    if marks.count(b"c") > _ONE_BY_ONE:
        cut, runs = _CJK_RUN.subn(" ", prose)
        if not runs:
            return marks, 0
        return _marks(cut), len(prose) - len(cut) + runs
    blanked, characters = bytearray(marks), 0
    at = marks.find(b"c")
    while at >= 0:
        size = 4 if data[at] == 0xF0 else 3  # a lead byte of `_WIDE`: U+10000 and up, or not
        if _CJK.match(data[at : at + size].decode("utf-8", "surrogatepass")):
            characters += 1
            blanked[at : at + size] = b"    "[:size]
        at = marks.find(b"c", at + size)
    return bytes(blanked), characters


def reading_minutes(content: str, words_per_minute: int, characters_per_minute: int = 500) -> int:
    """Minutes to read a rendered page: its words, plus one word per line of code
    (code is skimmed, not read word by word), plus its CJK characters at
    `characters_per_minute` (that text has no spaces to count words by); at least one."""
    prose, lines = _prose_and_code(content)
    prose = _TAG.sub(" ", prose)
    data = prose.encode("utf-8", "surrogatepass")
    marks, characters = data.translate(_MARKS), 0
    if b"c" in marks:  # only text with a `c` mark can hold CJK
        marks, characters = _without_cjk(prose, data, marks)
    words = _words(marks) + lines
    minutes = words / max(words_per_minute, 1) + characters / max(characters_per_minute, 1)
    return max(1, round(minutes))


def truncate_words(text: str, words: int) -> str:
    """`text` with its whitespace folded, cut after `words` words (0: no cut) with an
    ellipsis when anything was cut. (Folded and cut in one split: a summary of the benchmark
    site took 86,000 instructions with a split for each, now 62,000 with the guarded comment
    search.)"""
    parts = text.split()
    if words and len(parts) > words:
        return " ".join(parts[:words]).rstrip(".,;:") + "…"
    return " ".join(parts)


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
