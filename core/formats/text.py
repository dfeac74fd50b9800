"""Decode a package's text files: UTF-8, naming UTF-16 and Windows-1251 for what they are."""

from __future__ import annotations

from core.model.problems import InputRefused, Problem


def decode_text(data: bytes, file: str) -> str:
    """Decode UTF-8 (with or without BOM); name UTF-16 and Windows-1251 files for what they are."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and data[1:2] == b"\x00"):
        raise InputRefused(
            [
                Problem(
                    file,
                    None,
                    None,
                    None,
                    "the file is encoded as UTF-16; save it as UTF-8 "
                    "(in Excel: Save As > CSV UTF-8; "
                    "in LibreOffice: Character set Unicode (UTF-8))",
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data[: exc.start].count(b"\n") + 1
        guess = (
            "it looks like Windows-1251 (Cyrillic); "
            if cyrillic_1251(data) is not None
            else "it is not UTF-8; "
        )
        raise InputRefused(
            [
                Problem(
                    file,
                    row,
                    None,
                    None,
                    guess + "save it as UTF-8 (in Excel: Save As > CSV UTF-8), "
                    "or import it through the import wizard, which reads Windows-1251",
                )
            ]
        ) from None


def cyrillic_1251(data: bytes) -> str | None:
    """The text if the bytes read as Windows-1251 Cyrillic: most non-ASCII letters Cyrillic.

    Only the non-ASCII letters count: a table of Latin names and digits with a few Russian
    headers is still a Windows-1251 file.
    """
    text = data.decode("cp1251", errors="replace")
    letters = [ch for ch in text if ch.isalpha() and not ch.isascii()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return text if letters and cyrillic * 10 >= len(letters) * 9 else None
