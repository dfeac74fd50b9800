"""Sanaq's domain in plain Python and numpy, in rooms by role; nothing here imports Qt."""
