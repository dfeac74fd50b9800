"""Statistical screens for audit reviewers: published tests of figures that look made."""
