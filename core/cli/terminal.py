"""Text from an input, made fit for a terminal before a command prints it."""

from __future__ import annotations

import re

# Control characters (C0 with tab and newline, DEL, C1) and the bidirectional overrides: in a
# name from a file they could move the cursor, clear the screen, fake a line of the report or
# reorder what a person reads.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str) -> str:
    """Text from an input, fit for a terminal: each unsafe character written as its escape."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)
