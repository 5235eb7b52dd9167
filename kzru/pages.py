"""Values made when they are read: a brief's long lists (``Pages``, made again each time, a
chunk at a time) and its "new since" (``Deferred``, made once, when first read).

Why a module of its own: at 100,000 facts a brief's page is never held whole; these two
containers are how it is not, whatever the page holds (brief.py fills them, the renderers
read them as lists and records).
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Sequence, TypeVar, overload

T = TypeVar("T")


class Deferred:
    """A value worked out when one of its fields is first read, then kept (a brief's
    "new since the last meeting", written last: not held while the sections are)."""

    def __init__(self, make: Callable[[], object]) -> None:
        self._make: Callable[[], object] | None = make
        self._value: object = None

    def _get(self) -> object:
        if self._make is not None:
            self._value, self._make = self._make(), None
        return self._value

    def __getattr__(self, name: str) -> object:
        return getattr(self._get(), name)

    def __eq__(self, other: object) -> bool:
        return self._get() == (other._get() if isinstance(other, Deferred) else other)

    def __repr__(self) -> str:
        return repr(self._get())


class Pages(Sequence[T]):
    """A list made again each time it is read (``make``), a chunk at a time: a brief's
    sections and long lists, its facts held only while they are written. It compares, and
    says how long it is, as the list it makes."""

    def __init__(self, count: int | None, make: Callable[[], Iterable[T]]) -> None:
        self.count, self.make = count, make  # count None: known once made

    def __iter__(self) -> Iterator[T]:
        return iter(self.make())

    def __len__(self) -> int:
        if self.count is None:
            self.count = sum(1 for _ in self)
        return self.count

    def __bool__(self) -> bool:
        return len(self) > 0

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        return list(self)[index]

    def __add__(self, other: Iterable[T]) -> list[T]:
        return [*self, *other]

    def __radd__(self, other: Iterable[T]) -> list[T]:
        return [*other, *self]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (Pages, list)) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Pages({list(self)!r})"
