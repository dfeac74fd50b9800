"""Which encoding a package's text file is in: UTF-8 (BOM or not), UTF-16 with a BOM, or
Windows-1251; anything else is refused, naming what a charset detector sees in it."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import NoReturn

from core.model.problems import InputRefused, Problem

ACCEPTED = "UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1251"
_SAVE_AS = (
    "save it as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: Character set "
    "Unicode (UTF-8))"
)
_DETECTOR_SAMPLE = 1024**2


def as_utf8(data: bytes, file: str) -> bytes:
    """The file's text as UTF-8 bytes without a BOM.

    UTF-8 itself is passed on unchecked: the reader that parses it validates every byte and
    calls `refuse_undecodable` (which may still find Windows-1251) when one is wrong.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            _refuse(file, data, exc.start, "the file begins as UTF-16 but is not valid UTF-16")
    if _looks_utf16(data):
        raise InputRefused(
            [
                Problem(
                    file,
                    None,
                    None,
                    None,
                    "the file looks like UTF-16 without a byte-order mark, which cannot be "
                    f"read reliably; {_SAVE_AS}",
                )
            ]
        )
    return data


def decode(data: bytes, file: str) -> str:
    """The whole file as text (for small files such as election.json)."""
    body = as_utf8(data, file)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return refuse_undecodable(body, file).decode("utf-8")


def refuse_undecodable(data: bytes, file: str) -> bytes:
    """Bytes that are not UTF-8: Windows-1251 text is returned as UTF-8, anything else refused."""
    verdict = diagnose(data)
    if verdict.encoding is None:
        raise InputRefused([verdict.problem(file, data)])
    return data.decode(verdict.encoding).encode("utf-8")


@dataclass(frozen=True)
class Verdict:
    """What bytes that are not UTF-8 are: an accepted encoding, or why none fits."""

    encoding: str | None  # "utf-8" when they are UTF-8 after all, "cp1251", or None
    offset: int = 0  # the first byte that is not UTF-8
    message: str = ""

    def problem(self, file: str, data: bytes) -> Problem:
        row = data.count(b"\n", 0, self.offset) + 1
        byte = data[self.offset : self.offset + 1].hex().upper()
        text = f"{self.message} (byte offset {self.offset:,}: 0x{byte})"
        return Problem(file, row, None, None, text)


def diagnose(data: bytes) -> Verdict:
    """Which accepted encoding the bytes are in, or why none fits.

    A file that is UTF-8 apart from a stray byte is that, named by its offset; one with no
    UTF-8 in it at all is given to the detector, whose verdict is named unless Windows-1251.
    """
    try:
        data.decode("utf-8")
        return Verdict("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
    if _has_utf8_letters(data):
        return Verdict(None, start, "the file is UTF-8 but this byte is not valid UTF-8")
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(data[:_DETECTOR_SAMPLE]).best()
    seen = best.encoding if best is not None else None
    if seen == "cp1251" or _reads_as_1251(data[:_DETECTOR_SAMPLE]):
        try:
            data.decode("cp1251")
            return Verdict("cp1251")
        except UnicodeDecodeError as exc:
            return Verdict(None, exc.start, "the file reads as Windows-1251 except for this byte")
    what = f"it looks like {seen} to a charset detector" if seen else "no charset fits it"
    return Verdict(None, start, f"the file is not {ACCEPTED}: {what}; {_SAVE_AS}")


def _refuse(file: str, data: bytes, offset: int, message: str) -> NoReturn:
    row = data.count(b"\n", 0, offset) + 1
    byte = data[offset : offset + 1].hex().upper()
    raise InputRefused(
        [Problem(file, row, None, None, f"{message} (byte offset {offset:,}: 0x{byte})")]
    )


def _has_utf8_letters(data: bytes) -> bool:
    """True when the bytes hold more well-formed UTF-8 beyond ASCII than bytes that are not:
    the bad ones are then stray. (Each multi-byte character shortens the text by at least one
    against the bytes; each bad byte becomes one replacement character.)"""
    text = data.decode("utf-8", errors="replace")
    return len(data) - len(text) >= text.count("\ufffd")


_MIXED = re.compile(rb"(?<=[A-Za-z])[\xc0-\xff]|[\xc0-\xff](?=[A-Za-z])")
_RUSSIAN = frozenset(map(chr, range(0x410, 0x450))) | frozenset("ЁёІіЇїЄєҐґЎў")


def _reads_as_1251(data: bytes) -> bool:
    """True when the bytes, read as Windows-1251, are the letters of Russian text: nearly all
    of the alphabet's own letters, most of them lower case (KOI8-R read so comes out upper case,
    CP866 as rare letters and signs). A detector can misname a short file; this cannot."""
    text = data.decode("cp1251", errors="replace")
    letters = [ch for ch in text if not ch.isascii() and ch.isalpha()]
    if not letters:
        return False
    russian = sum(1 for ch in letters if ch in _RUSSIAN)
    lower = sum(1 for ch in letters if ch.islower())
    # Latin-1 puts a lone accented letter inside a Latin word (Zürich); Russian words are whole.
    mixed = len(_MIXED.findall(data))
    return (
        russian * 10 >= len(letters) * 9 and lower * 2 > len(letters) and mixed * 10 <= len(letters)
    )


def _looks_utf16(data: bytes) -> bool:
    head = data[:200]
    return len(head) >= 4 and head.count(b"\x00") * 3 >= len(head)
