"""The election model at the bottom: contestants, the unit tree, figures, seat rules, problems."""
