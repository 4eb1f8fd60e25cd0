"""Write a deterministic blog of N posts that MkDocs, blog-archive and Material's blog all read.

Posts go to `docs/blog/posts/YYYY/MM/slug.md` with Markdown bodies of 400-800 words (headings,
lists, code blocks, links), K categories, tags, and some non-ASCII titles. Three mkdocs.yml
files sit beside `docs/`: `plain.yml` (no blog plugin, posts kept out of the nav: the floor),
`archive.yml` (blog-archive), `archive-paged.yml` (blog-archive paginated by 10, as Material's
blog is) and `material.yml` (Material's blog plugin, its defaults).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

WORDS = [
    "archive",
    "build",
    "cache",
    "category",
    "date",
    "deploy",
    "document",
    "draft",
    "feed",
    "index",
    "layout",
    "markdown",
    "navigation",
    "page",
    "plugin",
    "post",
    "render",
    "search",
    "site",
    "slug",
    "static",
    "summary",
    "template",
    "theme",
    "time",
    "title",
    "url",
    "version",
    "write",
    "reader",
    "server",
    "client",
    "request",
    "latency",
    "memory",
    "queue",
    "schema",
    "table",
    "index",
    "migration",
    "token",
    "budget",
    "model",
    "vector",
    "chunk",
    "retrieval",
    "agent",
]
TITLE_WORDS = [w.capitalize() for w in WORDS] + ["Über", "Café", "Niño", "Ærø", "Łódź", "東京"]

COMMON = """\
site_name: Benchmark blog
site_url: https://example.com/
docs_dir: docs
theme:
  name: material
"""

CONFIGS = {
    "plain.yml": COMMON + "plugins: []\nnot_in_nav: |\n  /blog/posts/\n",
    "archive.yml": COMMON + "plugins:\n  - blog-archive\n",
    # Material's blog paginates its index and archives by 10 by default: the same here.
    "archive-paged.yml": COMMON + "plugins:\n  - blog-archive:\n      per_page: 10\n",
    "material.yml": COMMON + "plugins:\n  - blog\n",
    # Material's blog renamed, as a switching site has it: Material's URLs, excerpts, pager.
    "archive-switched.yml": COMMON + "plugins:\n  - blog-archive:\n      material: true\n",
}


def write_configs(root: Path) -> None:
    """The mkdocs.yml files of the site under `root`, one per way of building it."""
    for name, content in CONFIGS.items():
        (root / name).write_text(content)


def _sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def _body(rng: random.Random, index: int, total: int) -> str:
    parts = [" ".join(_sentence(rng) for _ in range(4)), "<!-- more -->"]
    for section in range(rng.randint(3, 5)):
        parts.append(f"## {' '.join(rng.choices(TITLE_WORDS, k=3))} {section + 1}")
        parts.append(" ".join(_sentence(rng) for _ in range(rng.randint(4, 7))))
        if section % 2 == 0:
            parts.append("\n".join(f"- {_sentence(rng, 4, 9)}" for _ in range(4)))
        else:
            other = rng.randrange(total)
            parts.append(
                f"See [an earlier post](#) and [the docs](https://example.com/{other}/) "
                f"for {_sentence(rng, 3, 6).lower()}"
            )
            parts.append(
                "```python\n"
                f"def handler_{index}_{section}(request):\n"
                "    data = request.json()\n"
                "    return {'ok': True, 'items': len(data)}\n"
                "```"
            )
    return "\n\n".join(parts)


def generate(root: Path, posts: int, categories: int = 12, seed: int = 1) -> Path:
    """Write the site under `root` (replacing it) and return `root`."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    (docs / "blog/posts").mkdir(parents=True)
    (docs / "index.md").write_text("# Benchmark blog\n\nA generated site.\n")
    (docs / "blog/index.md").write_text("# Blog\n\n")
    names = [f"{rng.choice(TITLE_WORDS)} {rng.choice(WORDS)} {k}" for k in range(categories)]
    start = dt.date(2016, 1, 1)  # ten years that end in the past: no post is "future"
    for index in range(posts):
        date = start + dt.timedelta(days=index * 3650 // max(posts, 1))
        title = f"{' '.join(rng.choices(TITLE_WORDS, k=rng.randint(3, 7)))} {index}"
        chosen = rng.sample(names, k=rng.randint(1, 3))
        tags = rng.sample(WORDS, k=3)
        front = (
            f"---\ndate: {date.isoformat()}\ncategories:\n"
            + "".join(f"  - {name}\n" for name in chosen)
            + "tags:\n"
            + "".join(f"  - {tag}\n" for tag in tags)
            + "---\n"
        )
        text = f"{front}\n# {title}\n\n{_body(rng, index, posts)}\n"
        path = docs / f"blog/posts/{date:%Y/%m}/post-{index:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    write_configs(root)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("posts", type=int)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    parser.add_argument("--categories", type=int, default=12)
    args = parser.parse_args()
    print(generate(args.out / f"site-{args.posts}", args.posts, args.categories))


if __name__ == "__main__":
    main()
