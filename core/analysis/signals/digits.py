"""Last digits and second digits of the vote counts, described against uniform and against
Benford's second-digit law: descriptive only, never a flag (Deckert, Myagkov and Ordeshook
2011 found such tests "essentially a coin toss" for telling fraud from honest counts)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.analysis.signals.stats import normal_sf
from core.model.election import FloatArray, IntArray

MIN_STATIONS = 1_000  # in a unit, for the tables to be shown there
MIN_COUNT = 10  # counts below 10 have no second digit, and their last digit is the count

# Benford's law for the second significant digit: sum over first digits of log10(1 + 1/(10a + b))
SECOND_DIGIT_BENFORD: FloatArray = np.array(
    [sum(math.log10(1 + 1 / (10 * a + b)) for a in range(1, 10)) for b in range(10)]
)
UNIFORM: FloatArray = np.full(10, 0.1)


@dataclass(frozen=True)
class DigitTable:
    """Observed digit counts against the expected shares, with Pearson's chi-square."""

    kind: str  # "last" or "second"
    counts: IntArray  # digits 0..9
    expected_share: FloatArray

    @property
    def total(self) -> int:
        return int(self.counts.sum())

    @property
    def chi2(self) -> float:
        e = self.expected_share * self.total
        return float(((self.counts - e) ** 2 / np.where(e > 0, e, 1)).sum()) if self.total else 0.0

    @property
    def p_value(self) -> float:
        return chi2_sf_9(self.chi2)

    @property
    def mean(self) -> float:
        return float((np.arange(10) * self.counts).sum() / self.total) if self.total else 0.0


def chi2_sf_9(x: float) -> float:
    """P(chi-square with 9 degrees of freedom > x), in closed form for an odd count."""
    if x <= 0:
        return 1.0
    root = math.sqrt(x)
    tail = 2 * normal_sf(root)
    term, acc = root, 0.0
    for j in range(1, 5):  # x^(j - 1/2) / (1 * 3 * ... * (2j - 1)) for j = 1..4
        acc += term
        term *= x / (2 * j + 1)
    return min(1.0, tail + math.sqrt(2 / math.pi) * math.exp(-x / 2) * acc)


def digit_tables(votes: IntArray) -> tuple[DigitTable, DigitTable]:
    """Last and second digits of every vote count of at least 10."""
    v = votes[votes >= MIN_COUNT].astype(np.int64)
    last = np.bincount(v % 10, minlength=10)
    lead = 10 ** np.floor(np.log10(v)).astype(np.int64)
    # the float log can land a hair low at exact powers of ten: correct by one step
    lead = np.where(v // lead >= 10, lead * 10, lead)
    lead = np.where(v < lead, lead // 10, lead)
    second = np.bincount((v // (lead // 10)) % 10, minlength=10)
    return DigitTable("last", last, UNIFORM), DigitTable("second", second, SECOND_DIGIT_BENFORD)
