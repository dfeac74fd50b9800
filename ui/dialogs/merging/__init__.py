"""The merge dialog's parts: its table models."""
