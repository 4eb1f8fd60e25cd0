"""Placing the blog index and archive pages in an automatic nav (posts stay out of it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from mkdocs.structure import StructureItem
    from mkdocs.structure.files import Files

    from mkdocs_blog_archive.plan import Plan


def _children(item: Any) -> list[Any] | None:
    """A section's items; also those of a page that holds some (mkdocs-section-index makes
    a section's first page its index, holding the rest)."""
    children = getattr(item, "children", None)
    return children if isinstance(children, list) else None


def _find(items: list[Any], page: Page) -> list[Any] | None:
    """The list (nav items or a section's children) that holds `page`, searched depth first."""
    for item in items:
        if item is page:
            return items
        children = _children(item)
        if children is not None:
            found = _find(children, page)
            if found is not None:
                return found
    return None


def _pages(items: list[Any]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        children = _children(item)
        if children is not None:
            pages.extend(_pages(children))
    return pages


def _link_parents(items: list[StructureItem], parent: StructureItem | None) -> None:
    for item in items:
        item.parent = parent  # type: ignore[assignment]  # section-index: pages hold pages
        children = _children(item)
        if children is not None:
            _link_parents(children, item)


def add_category_section(nav: Navigation, index: Page, title: str, pages: list[Page]) -> None:
    """Put a section of category pages right after the blog index (if the index is in nav),
    or first in it if it holds pages (made a section's index by mkdocs-section-index)."""
    holder = _find(nav.items, index) if pages else None
    if holder is None:
        return
    section = Section(title, list(pages))
    inside = _children(index)
    if inside is not None:
        inside.insert(0, section)
    else:
        holder.insert(holder.index(index) + 1, section)
    _link_parents(nav.items, None)
    nav.pages = _pages(nav.items)
    previous: Page | None = None
    for page in nav.pages:
        page.previous_page = previous
        page.next_page = None
        if previous is not None:
            previous.next_page = page
        previous = page


def hoist_lone_index(nav: Navigation, index: Page) -> None:
    """A section that holds nothing but the blog index (its folder, the posts left out)
    gives way to the index itself: one click instead of two, and on a big blog one nav
    entry less for each page to render (Material takes ~0.1 ms a page for such a section)."""
    section = index.parent
    if not isinstance(section, Section) or section.children != [index]:
        return
    holder = section.parent.children if section.parent is not None else nav.items
    holder[holder.index(section)] = index
    index.parent = section.parent


def place_blog(nav: Navigation, plan: Plan, files: Files, title: str, categories: bool) -> None:
    """Arrange an automatic nav for the blog of `plan`: with `categories`, its category
    pages (under `title`) after its index."""
    index = files.get_file_from_path(plan.index.src_uri)
    if index is None or index.page is None:
        return
    pages = []
    for archive in plan.categories() if categories else ():
        file = files.get_file_from_path(archive.src_uri)
        if file is not None and file.page is not None:
            pages.append(file.page)
    arrange(nav, index.page, title, pages)


def arrange(nav: Navigation, index: Page, title: str, categories: list[Page]) -> None:
    """The blog in an automatic nav: with `categories`, a section of them after the blog
    index; then a section holding nothing but the index gives way to it."""
    if categories:
        add_category_section(nav, index, title, categories)
    hoist_lone_index(nav, index)
