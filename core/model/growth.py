"""Arrays with room to grow at the end, as a Python list has, so adding units copies nothing."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

# The prefix views this module handed out of buffers it allocated: only their spare tail may
# become new rows (a view of anybody else's array could be a window into data not ours).
_PREFIXES: weakref.WeakValueDictionary[int, np.ndarray] = weakref.WeakValueDictionary()
MIN_SPARE = 1024


def _prefix(buf: npt.NDArray[Any], n: int) -> npt.NDArray[Any]:
    view = buf[:n]
    _PREFIXES[id(view)] = view
    return view


def room(arr: npt.NDArray[Any]) -> int:
    """How many rows the array can take along axis 0 without being copied."""
    if _PREFIXES.get(id(arr)) is arr:
        base = arr.base
        assert isinstance(base, np.ndarray)
        return int(base.shape[0])
    return int(arr.shape[0])


def with_room(arr: npt.NDArray[Any], spare: int) -> npt.NDArray[Any]:
    """The same rows in a buffer with at least `spare` more rows of room."""
    n = int(arr.shape[0])
    if room(arr) >= n + spare:
        return arr
    buf = np.zeros((n + spare, *arr.shape[1:]), dtype=arr.dtype)
    buf[:n] = arr
    return _prefix(buf, n)


def resized(arr: npt.NDArray[Any], n: int) -> npt.NDArray[Any]:
    """The array with `n` rows: the first rows kept, new rows zero (False for flags).

    Within the buffer's room this is a view (no copy); past it, a copy with room for an
    eighth more, so a run of additions copies each figure only a few times."""
    have = int(arr.shape[0])
    if n == have:
        return arr
    if n < have:
        return _prefix(arr.base, n) if room(arr) > have else arr[:n]  # type: ignore[arg-type]
    if n > room(arr):
        arr = with_room(arr, max(n - have, have // 8, MIN_SPARE))
    base = arr.base
    assert isinstance(base, np.ndarray)  # room() found our buffer behind it
    out = _prefix(base, n)
    out[have:] = 0
    return out


def zeros(n: int, dtype: type[np.generic], spare: int | None = None) -> npt.NDArray[Any]:
    """n zeros in a buffer with room for more (an eighth more, at least MIN_SPARE)."""
    extra = max(n // 8, MIN_SPARE) if spare is None else spare
    return _prefix(np.zeros(n + extra, dtype=dtype), n)


def _runs(flags: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """(start, end) of each run of True."""
    edges = np.flatnonzero(np.diff(np.r_[0, flags.astype(np.int8), 0]))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


@dataclass(frozen=True)
class Shift:
    """How per-unit rows move when units are removed or put back, as runs of rows that move
    together: planned once, then played on every column in place (a few memory moves per
    column instead of a copy through a mask)."""

    remap: npt.NDArray[np.int64]  # old position -> new, -1 for a removed unit
    n: int  # rows after
    moves: tuple[tuple[int, int, int], ...]  # (from, to, length), in the order to play them
    fresh: tuple[tuple[int, int], ...]  # (start, end) of new rows, zeroed after the moves
    removed: tuple[tuple[int, int], ...]  # (start, end) of removed rows, in old positions

    @classmethod
    def of(cls, remap: npt.NDArray[np.int64], n: int) -> Shift:
        src = np.flatnonzero(remap >= 0)
        dst = remap[src]
        cut = np.flatnonzero((np.diff(src) != 1) | (np.diff(dst) != 1)) + 1
        starts, ends = np.r_[0, cut], np.r_[cut, src.size]
        moves = [
            (int(src[a]), int(dst[a]), int(b - a))
            for a, b in zip(starts.tolist(), ends.tolist(), strict=True)
            if b > a and src[a] != dst[a]
        ]
        if any(d > s for s, d, _ in moves):
            moves.reverse()  # moving right: the last run first, so none is overwritten
        filled = np.zeros(n, dtype=bool)
        filled[dst] = True
        return cls(remap, n, tuple(moves), tuple(_runs(~filled)), tuple(_runs(remap < 0)))

    def play(self, arr: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """The array's rows where the units now stand (new rows zero), in its own buffer."""
        out = resized(arr, max(int(arr.shape[0]), self.n))
        for s, d, k in self.moves:
            out[d : d + k] = out[s : s + k]
        for a, b in self.fresh:
            out[a:b] = 0
        return resized(out, self.n)

    def play_list(self, items: list[Any], new: list[Any]) -> None:
        """The same moves on a list, in place: removed items go, `new` ones fill the gaps."""
        for a, b in reversed(self.removed):
            del items[a:b]
        it = iter(new)
        for a, b in self.fresh:
            items[a:a] = [next(it) for _ in range(b - a)]


def follow(arr: npt.NDArray[Any], shift: Shift | None, n: int) -> npt.NDArray[Any]:
    """A per-unit array after the tree changed: rows moved by `shift` or, when None, units
    only appended; rows of new units are zero."""
    return resized(arr, n) if shift is None else shift.play(arr)
