"""The turnout x leader's share fingerprint (Klimek et al., PNAS 2012): voters on a grid of
turnout against the leader's share, with how to read it."""

from __future__ import annotations

import numpy as np

from core.analysis.signals.stations import Stations
from core.model.election import BoolArray, FloatArray

READING = (
    "How to read it: an honest count usually makes one compact, roughly round cloud (or one "
    "per region that votes differently). Ballot stuffing drags stations toward the top right "
    "(high turnout with a high share for the leader), and invented results pile up at round "
    "values, up to a spot at 100% and 100%. Regions that differ, small stations and real "
    "enthusiasm stretch the cloud too. Sanaq does not fit Klimek et al.'s fraud model: its "
    "estimates of stuffed ballots are rough and rest on assuming the honest cloud's shape."
)


def fingerprint_map(
    st: Stations, inside: BoolArray | None = None, bins: int = 100
) -> tuple[FloatArray, int]:
    """Registered voters per cell of a turnout x share grid over [0, 100] x [0, 100] (rows:
    turnout, columns: share; 100% in the last cell), and the number of stations drawn."""
    ok = st.turnout.ok & st.share.ok
    if inside is not None:
        ok &= inside
    t = st.turnout.pct()[ok]
    s = st.share.pct()[ok]
    w = st.turnout.n[ok].astype(np.float64)  # the turnout base: registered voters
    ix = np.minimum((t * (bins / 100)).astype(np.int64), bins - 1)
    iy = np.minimum((s * (bins / 100)).astype(np.int64), bins - 1)
    flat = np.bincount(ix * bins + iy, weights=w, minlength=bins * bins)
    grid: FloatArray = flat.astype(np.float64).reshape(bins, bins)
    return grid, int(ok.sum())
