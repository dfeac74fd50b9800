"""Yardstick: the short pandas script an analyst would write to check that parents add up.

python benchmarks/pandas_baseline.py PACKAGE_DIR
"""

import sys
import time
from pathlib import Path

import pandas as pd

t0 = time.perf_counter()
df = pd.read_csv(Path(sys.argv[1]) / "results.csv", dtype={"unit_id": str, "parent_id": str})
df["source"] = df["source"].fillna("official")
base = ["registered", "ballots_received", "ballots_issued", "ballots_unused"]
base += ["ballots_spoiled", "ballots_cast", "invalid", "valid"]
cols = [c for c in base if c in df] + [c for c in df if c.startswith("votes:")]

# Sum the children of each (parent, source), line them up with the parent's own row.
sums = df.dropna(subset=["parent_id"]).groupby(["parent_id", "source"])[cols].sum(min_count=1)
parents = df.set_index(["unit_id", "source"])[cols]
sums.index.names = parents.index.names
parents, sums = parents.align(sums, join="inner")
diff = (parents != sums) & parents.notna() & sums.notna()

print(f"parents checked: {len(parents)}, mismatches: {int(diff.to_numpy().sum())}")
for unit, source, col in diff.stack().loc[lambda s: s].index[:10]:
    key = (unit, source)
    print(f"  {unit} ({source}) {col}: {parents.at[key, col]} != {sums.at[key, col]}")
print(f"elapsed: {time.perf_counter() - t0:.2f} s")
