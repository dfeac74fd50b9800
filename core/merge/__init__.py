"""Merge: other observers' files brought into a project, unit by unit and field by field."""
