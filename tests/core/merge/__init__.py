"""Tests of core/merge."""
