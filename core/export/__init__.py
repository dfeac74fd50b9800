"""The audited workbook: findings, live Checks formulas, the seats worked out, provenance."""
