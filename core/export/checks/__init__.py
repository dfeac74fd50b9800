"""The Checks sheets: one per level, each rule re-run by live formulas beside the figures."""
