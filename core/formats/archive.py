"""Read the members of a zip archive (a package or a workbook) within the safety limits."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

from core.formats.limits import MAX_MEMBER_BYTES, MAX_MEMBERS, MAX_RATIO
from core.model.problems import InputRefused, Problem


def safe_zip_members(path: Path, wanted: Iterable[str] | None = None) -> dict[str, bytes]:
    """Read members of a zip, refusing archives that would expand beyond sane limits."""
    label = str(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        problem = Problem(label, None, None, None, f"not a readable zip file ({exc})")
        raise InputRefused([problem]) from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise InputRefused([Problem(label, None, None, None, "too many files in the archive")])
        out: dict[str, bytes] = {}
        want = set(wanted) if wanted is not None else None
        for info in infos:
            if info.is_dir():
                continue
            base = info.filename.rsplit("/", 1)[-1]
            key = base if want is not None else info.filename
            if want is not None and (base not in want or info.filename.count("/") > 1):
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER_BYTES or (
                ratio > MAX_RATIO and info.file_size > 1 << 24
            ):
                raise InputRefused(
                    [Problem(label, None, None, info.filename, "refused: it would expand too far")]
                )
            with zf.open(info) as fh:
                data = fh.read(MAX_MEMBER_BYTES + 1)
            if len(data) > MAX_MEMBER_BYTES:
                raise InputRefused(
                    [Problem(label, None, None, info.filename, "refused: it expands too far")]
                )
            out[key] = data
        return out
