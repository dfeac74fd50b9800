"""Sanaq's domain: elections, figures, rules and audits, in plain Python and numpy (no Qt)."""
