"""Seat allocation by largest remainder, D'Hondt and Sainte-Laguë, in exact arithmetic."""
