"""The command line: audit (verify and merge join it here)."""
