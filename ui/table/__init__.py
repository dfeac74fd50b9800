"""The results table: its model over the core columns, its view, and the cell editor."""
