"""mkdocs-blog-archive: a blog archive for any MkDocs site."""

__version__ = "0.1.0"
