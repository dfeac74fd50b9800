"""Page setup shared by every sheet of the audited workbook."""

from __future__ import annotations

from typing import Any


def print_setup(ws: Any) -> None:
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_paper(9)
    ws.set_header("&L&A&R&P / &N")
