"""The limits that keep hostile files out, checked before the work is done."""

from __future__ import annotations

# Defences against zip bombs: a member may not expand beyond these.
MAX_MEMBER_BYTES = 4 * 1024**3
MAX_RATIO = 400
MAX_MEMBERS = 10_000
