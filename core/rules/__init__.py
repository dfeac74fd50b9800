"""The rule catalogue, the audit that runs it over an election, and the cover below each unit."""
