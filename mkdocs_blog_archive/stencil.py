"""Templates every post renders (its back-link block, its bottom, its listing entry) are
rendered once per *shape* and then filled per use: a dict lookup and a join instead of a Jinja
render per post.

The shape of a context is everything a template can branch on: which values are empty, the
booleans, which optional values are None, how long each list is, and the `literal` values,
which are printed as they are. Every other string or number becomes a stand-in while the
template renders once for that shape; the output is split at the stand-ins and each use
fills in its own values, HTML-escaped (`Markup` and dataclass fields named `*_html` as they
are). The shape is worked out from the values themselves, so a new field or a new `{% if %}`
needs no change here.

What a template may not do with a stand-in value: compare it (`== "x"`) or compute with it.
A filter that changes it, or arithmetic that fails, is detected and the template is then
rendered per use; a comparison is not, which is why only the plugin's own templates are
filled this way (`tests/test_stencil.py` checks each of them against a plain render) and a
site's own (`custom_dir`) are rendered per use.

Measured gain, 10,000 posts, 4 side-by-side pairs against the same code with every fill
rendered instead: the plugin's hooks take 6.1 s instead of 10.3 s (medians), `on_env` about
2.5 s instead of 5.2 s and the listings (`on_page_context`) 0.7 s instead of 2.3 s, so the
build is 4 s (6-8 %) shorter: well over the 1 % a trick must save to stay.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Hashable
from operator import attrgetter, itemgetter
from typing import Any

from markupsafe import Markup, escape

_STAND_IN = re.compile("\0ba:([^\0]*)\0")


def plain(value: str) -> bool:
    """Whether `value` has nothing HTML-escaping changes, so is its own escaped form.
    (Checked first: most titles and URLs have nothing, and `escape` makes a `Markup` of each,
    4 µs a post. Five `in`s, each a `memchr`, not the regex `[&<>'"]`: 0.14 against 2.0 µs
    for a summary of 400 characters, 0.16 against 0.24 µs for a title of 34.)"""
    return not ("&" in value or "<" in value or ">" in value or "'" in value or '"' in value)


LATE = Markup("\x02ba:late\x02")
"""A `literal` value that stays in the filled output, for the caller to split at (the link
prefix of a listing entry, which differs per listing)."""


def stand_in(name: str) -> Markup:
    """A value that survives rendering as itself, to be found and replaced afterwards."""
    return Markup(f"\0ba:{name}\0")


class _Unshaped(Exception):
    """A value of a type the stencil does not take apart (a dict, an object)."""


_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}
_GETTERS: dict[type, tuple[Callable[[Any], tuple[Any, ...]], tuple[bool, ...]]] = {}


def _fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """A dataclass's fields, each with whether it holds HTML already (`*_html`)."""
    found = _FIELDS.get(cls)
    if found is None:
        if not dataclasses.is_dataclass(cls):
            raise _Unshaped(cls.__name__)
        found = _FIELDS[cls] = tuple(
            (f.name, f.name.endswith("_html")) for f in dataclasses.fields(cls)
        )
    return found


def _getter(cls: type) -> tuple[Callable[[Any], tuple[Any, ...]], tuple[bool, ...]]:
    """A dataclass's field values in one call (`attrgetter`), and which hold HTML. (An entry
    has 20 fields: with this and one hash of each shape, the listings' first fills of 10,000
    entries took 0.15 to 0.21 s, against 0.44 s with a `getattr` a field; one timed run each.)"""
    found = _GETTERS.get(cls)
    if found is None:
        names = [name for name, _ in _fields(cls)]
        get: Callable[[Any], tuple[Any, ...]] = (
            attrgetter(*names) if len(names) > 1 else lambda value: (getattr(value, names[0]),)
        )
        found = _GETTERS[cls] = (get, tuple(html for _, html in _fields(cls)))
    return found


Memo = dict[type, dict[int, tuple[Any, Hashable, tuple[str, ...]]]]
"""For each class whose instances many contexts share (the link to a category, made once
per archive): by instance, its shape and leaves, worked out once. The instance is kept with
them, so that its `id` is not reused while the memo lives."""
_NO_MEMO: Memo = {}
_NEW: Any = object()


def _shape(value: Any, leaves: list[str], raw: bool = False, memo: Memo = _NO_MEMO) -> Hashable:
    """The shape of `value`; its strings and numbers go to `leaves`, escaped unless `raw`."""
    cls = value.__class__
    if cls is str or cls is Markup:
        if not value:
            return ""
        if cls is Markup:
            leaves.append(str(value))  # a `str`: see `Filled`
        elif raw or plain(value):
            leaves.append(value)  # the string itself: shared, not a copy per use
        else:
            leaves.append(str(escape(value)))
        return "s"
    if value is None or cls is bool:
        return value  # type: ignore[no-any-return]
    if cls is int:
        if not value:
            return 0
        leaves.append(str(value))
        return "n"
    if cls is tuple or cls is list:
        return _shapes(value, leaves, memo)
    known = memo.get(cls)
    if known is None:
        return _record_shape(value, leaves, memo)
    found = known.get(id(value))
    if found is None or found[0] is not value:
        own: list[str] = []
        found = known[id(value)] = (value, _record_shape(value, own, memo), tuple(own))
    leaves += found[2]
    return found[1]


def _shapes(items: list[Any] | tuple[Any, ...], leaves: list[str], memo: Memo) -> Hashable:
    """The shapes of a list's items. An item of a shared class seen before is looked up
    here, without a call of `_shape` (most lists are of links to archives)."""
    shapes: list[Hashable] = []
    for item in items:
        known = memo.get(item.__class__)
        found = known.get(id(item)) if known is not None else None
        if found is not None and found[0] is item:
            leaves += found[2]
            shapes.append(found[1])
        else:
            shapes.append(_shape(item, leaves, False, memo))
    return tuple(shapes)


Shaper = Callable[[Any, list[str], Memo], Hashable]
_SHAPERS: dict[type, Shaper] = {}


def _record_shape(value: Any, leaves: list[str], memo: Memo) -> Hashable:
    """The shape of a dataclass instance, field by field (`_shaper`)."""
    shaper = _SHAPERS.get(value.__class__)
    if shaper is None:
        shaper = _SHAPERS[value.__class__] = _shaper(value.__class__)
    return shaper(value, leaves, memo)


def _shaper(cls: type) -> Shaper:
    """A function giving the shape of a `cls` instance, written for its fields: a string
    field is looked at where it is, other values go to `_shape`. (A listing entry has 20
    fields, most of them strings: a call of `_shape` for each was most of the cost of a
    fill. With this, `fill`'s own strings and `_shapes`, the three fills of a post took
    155,000 instructions instead of 227,000: cachegrind, every fill of the 1,000-post
    benchmark build made again.)"""
    get, html = _getter(cls)
    names = [f"v{at}" for at in range(len(html))]
    lines = [f"def shape(value, leaves, memo):\n    {', '.join(names)}, = get(value)"]
    for name, raw in zip(names, html, strict=True):
        kept = name if raw else f"{name} if plain({name}) else str(escape({name}))"
        lines.append(
            f"    if {name}.__class__ is str:\n"
            f"        if {name}:\n"
            f"            leaves.append({kept})\n"
            f"            {name} = 's'\n"
            f"        else:\n"
            f"            {name} = ''\n"
            f"    else:\n"
            f"        {name} = _shape({name}, leaves, {raw}, memo)"
        )
    lines.append(f"    return cls, ({', '.join(names)},)")
    scope: dict[str, Any] = {
        "get": get, "cls": cls, "plain": plain, "escape": escape, "_shape": _shape
    }  # fmt: skip
    exec("\n".join(lines), scope)  # the code is ours: made from the number of fields
    shaper: Shaper = scope["shape"]
    return shaper


def _stand_ins(value: Any, counter: list[int]) -> Any:
    """`value` with every string and number that `_shape` takes out replaced by a stand-in,
    numbered in the same order."""
    cls = value.__class__
    if cls is str or cls is Markup or cls is int:
        if not value:
            return value
        counter[0] += 1
        return stand_in(str(counter[0] - 1))
    if value is None or cls is bool:
        return value
    if cls is tuple or cls is list:
        return cls(_stand_ins(item, counter) for item in value)
    changes = {name: _stand_ins(getattr(value, name), counter) for name, _ in _fields(cls)}
    return dataclasses.replace(value, **changes)


@dataclasses.dataclass(frozen=True, slots=True)
class Skeleton:
    """A template rendered with stand-ins, split at them: `parts` is text, a slot, text, …,
    and `pick` takes from a shape's leaves the tuple of those that go in the slots, in order.
    (A copy of `parts` with the picks put in its slots at once, `parts[1::2] = …`, then one
    join: 1.8 µs for a listing entry, 2.2 µs filling slot by slot and 5 µs as a `%` format.)"""

    parts: list[str]
    pick: Callable[[tuple[str, ...]], tuple[str, ...]]


def _picker(indices: list[int]) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    """From leaves, the tuple of those at `indices`, in that order."""
    if len(indices) > 1:
        return itemgetter(*indices)
    return lambda leaves: tuple(leaves[at] for at in indices)


Filled = tuple[int, tuple[str, ...]]
"""A template filled from its skeleton: the skeleton's number in its `Stencils` (`html` and
`extend_late` join them) and the values for its slots, every one a `str`. A plain tuple of plain
strings is something the garbage collector stops tracking at its first look; a `Filled`
object with a list of values was two objects more for every full collection to walk, for
each post's two blocks and its entry, kept until the post or the build is written. (Tracked
objects after `on_env` at 1,000 posts: 68,100 → 63,200, the plain build's 50,500; full
collections at 10,000 posts 9 → 8, their time 1.4-1.6 → 1.15-1.25 s, the plain build 0.9 s;
two builds each, `gc.callbacks`.)"""


Slots = tuple[int, tuple[str, ...], tuple[int, ...]]
"""A fill ready to be put in listings: its skeleton's number, the values of its slots in
order, and which of those hold `LATE`."""


class Stencils:
    """Skeletons of templates by shape, made with `render` where `usable(name)` allows."""

    def __init__(
        self,
        render: Callable[..., str],
        usable: Callable[[str], bool] = lambda name: True,
        shared: tuple[type, ...] = (),
    ) -> None:
        """`shared`: classes whose instances many contexts hold (see `Memo`)."""
        self._render = render
        self._usable = usable
        self._memo: Memo = {cls: {} for cls in shared}
        self._skeletons: dict[Hashable, int | None] = {}  # by shape: its number in `_made`
        self._made: list[Skeleton] = []

    def fill(
        self, name: str, literal: dict[str, Hashable], values: dict[str, Any]
    ) -> Filled | None:
        """The template `name` rendered with `literal` and `values` (its HTML is `html()` of
        the result); None when it cannot be filled from a skeleton (then render it)."""
        leaves: list[str] = []
        parts: list[Hashable] = [name, *literal.items()]
        memo = self._memo
        try:
            for key, value in values.items():  # strings looked at here, as in `_shaper`
                if value.__class__ is str:
                    if value:
                        leaves.append(value if plain(value) else str(escape(value)))
                        parts.append((key, "s"))
                    else:
                        parts.append((key, ""))
                else:
                    parts.append((key, _shape(value, leaves, False, memo)))
        except _Unshaped:
            return None
        shape = tuple(parts)
        number = self._skeletons.get(shape, _NEW)  # one hash of the shape, not two
        if number is _NEW:
            skeleton, number = self._skeleton(name, literal, values), None
            if skeleton is not None:
                number = len(self._made)
                self._made.append(skeleton)
            self._skeletons[shape] = number
        return None if number is None else (number, tuple(leaves))

    def html(self, filled: Filled) -> str:
        """The HTML of `filled`."""
        skeleton = self._made[filled[0]]
        pieces = skeleton.parts.copy()
        pieces[1::2] = skeleton.pick(filled[1])
        return "".join(pieces)

    def slots(self, filled: Filled) -> Slots:
        """`filled` as `extend_late` takes it, for a fill kept for many listings."""
        values = self._made[filled[0]].pick(filled[1])
        return filled[0], values, tuple(at for at, value in enumerate(values) if LATE in value)

    def extend_late(
        self, pieces: list[str], slots: Slots, late: str, parts: dict[int, list[str]]
    ) -> None:
        """Add the HTML of `slots` to `pieces`, with `LATE` as `late`: in its skeleton's text
        once per skeleton (`parts`, kept by the caller for each `late`), and of its values
        only in those that hold it. (A listing put together so is copied once, by the page's
        join; before, its entries were joined, then given the prefix by one `replace` over
        the whole. The 69 listings of 10,000 posts, 85 MB, put in their pages again after a
        build, medians of 7, two runs each: 0.42-0.49 → 0.24-0.28 s, or 0.61-0.63 →
        0.45-0.48 s with every entry filled anew.)"""
        number, values, at = slots
        text = parts.get(number)
        if text is None:
            text = parts[number] = [part.replace(LATE, late) for part in self._made[number].parts]
        start = len(pieces)
        pieces += text
        if at:
            changed = list(values)
            for index in at:
                changed[index] = changed[index].replace(LATE, late)
            values = tuple(changed)
        pieces[start + 1 :: 2] = values

    def forget(self, cls: type) -> None:
        """Let go of the shapes worked out for instances of the shared class `cls`."""
        self._memo.get(cls, {}).clear()

    def _skeleton(
        self, name: str, literal: dict[str, Hashable], values: dict[str, Any]
    ) -> Skeleton | None:
        """`name` rendered once with stand-ins, split at them."""
        if not self._usable(name):
            return None
        counter = [0]
        context = {key: _stand_ins(value, counter) for key, value in values.items()}
        try:
            html = self._render(name, **literal, **context)
        except Exception:  # a filter or test the stand-ins do not survive: render per use
            return None
        if "\0" in _STAND_IN.sub("", html):
            return None  # a stand-in was changed (cut, upper-cased …)
        parts = _STAND_IN.split(html)  # text, leaf number, text, …
        return Skeleton(parts, _picker([int(number) for number in parts[1::2]]))
