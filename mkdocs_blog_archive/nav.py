"""Placing the blog index and archive pages in an automatic nav (posts stay out of it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from mkdocs.structure import StructureItem


def _find(items: list[Any], page: Page) -> list[Any] | None:
    """The list (nav items or a section's children) that holds `page`, searched depth first."""
    for item in items:
        if item is page:
            return items
        if isinstance(item, Section):
            found = _find(item.children, page)
            if found is not None:
                return found
    return None


def _pages(items: list[Any]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages.extend(_pages(item.children))
    return pages


def _link_parents(items: list[StructureItem], parent: Section | None) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _link_parents(item.children, item)


def add_category_section(nav: Navigation, index: Page, title: str, pages: list[Page]) -> None:
    """Put a section of category pages right after the blog index (if the index is in nav)."""
    holder = _find(nav.items, index) if pages else None
    if holder is None:
        return
    section = Section(title, list(pages))
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


def arrange(nav: Navigation, index: Page, title: str, categories: list[Page]) -> None:
    """The blog in an automatic nav: with `categories`, a section of them after the blog
    index; then a section holding nothing but the index gives way to it."""
    if categories:
        add_category_section(nav, index, title, categories)
    hoist_lone_index(nav, index)
