"""The unit tree: every unit with its status mark and finding counts."""
