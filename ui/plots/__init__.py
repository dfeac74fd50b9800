"""Plots linked to the workbench: discrepancies, percentages, fingerprint and seats."""
