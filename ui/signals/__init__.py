"""The Signals tab: statistical screens, shown apart from the arithmetic's findings."""
