"""The import wizard in pieces: its state, models, pages and background runner."""
