"""Numbers behind the plots (reconciliation and statistical screens join them here)."""
