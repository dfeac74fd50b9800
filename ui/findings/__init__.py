"""The findings panel: its model, filters, review notes and the index by unit."""
