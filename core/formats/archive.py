"""Read the members of a zip archive (a package or a workbook) within the safety limits.

Every member that is read, or that a workbook reader will read, is inflated here first in
chunks, so that what it holds is measured, not what its header claims.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from core.formats.limits import MAX_INPUT_BYTES, MAX_MEMBERS, MAX_RATIO, size_text
from core.model.problems import InputRefused, Problem

_CHUNK = 1024**2
# Below this size a member's ratio proves nothing (a small, repetitive file packs well).
_RATIO_FLOOR = 1024**2
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}


def _refuse(path: Path, member: str | None, message: str) -> InputRefused:
    where = str(path) if member is None else f"{path}, member {member}"
    return InputRefused([Problem(where, None, None, None, message)])


def read_members(path: Path, wanted: tuple[str, ...]) -> dict[str, bytes]:
    """The wanted members of a package zip, by name, at its top or in one folder.

    An archive holding one of them twice is refused: which one is meant is not known.
    """
    with _open(path) as zf:
        infos = _checked_infos(path, zf)
        found: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            base = info.filename.rstrip("/").rsplit("/", 1)[-1]
            if info.filename.endswith("/") or base not in wanted or info.filename.count("/") > 1:
                continue
            if base in found:
                raise _refuse(
                    path,
                    None,
                    f"the archive holds {base} twice ({found[base].filename} and "
                    f"{info.filename}); keep one",
                )
            found[base] = info
        return {name: _inflate(path, zf, info) for name, info in found.items()}


def check_members(path: Path) -> None:
    """Inflate every member once, so that a reader given the file meets no bomb in it."""
    with _open(path) as zf:
        total = 0
        for info in _checked_infos(path, zf):
            if not info.filename.endswith("/"):
                total += len(_inflate(path, zf, info, keep=False))
                if total > MAX_INPUT_BYTES:
                    raise _refuse(
                        path, None, f"the archive expands beyond {size_text(MAX_INPUT_BYTES)}"
                    )


def _open(path: Path) -> zipfile.ZipFile:
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise _refuse(path, None, f"the file is larger than {size_text(MAX_INPUT_BYTES)}")
        return zipfile.ZipFile(path)
    except InputRefused:
        raise
    except Exception as exc:  # a damaged directory fails in many ways inside zipfile
        raise _refuse(path, None, f"not a readable zip file ({exc})") from None


def _checked_infos(path: Path, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members, refusing archives whose directory alone shows them to be hostile."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _refuse(
            path, None, f"the archive lists {len(infos):,} files; at most {MAX_MEMBERS:,}"
        )
    end = 0
    for info in sorted(infos, key=lambda i: i.header_offset):
        # Entries that share their bytes make a small file expand without end.
        if info.header_offset < end:
            raise _refuse(path, info.filename, "its data overlaps another member's")
        end = info.header_offset + 30 + len(info.orig_filename.encode()) + info.compress_size
    return infos


def _inflate(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, keep: bool = True) -> bytes:
    name = info.filename
    if info.flag_bits & 0x1:
        raise _refuse(path, name, "the member is encrypted; give it unencrypted")
    if info.compress_type not in _METHODS:
        raise _refuse(
            path,
            name,
            f"the member uses compression method {info.compress_type}, which is not read "
            "(use plain Deflate)",
        )
    declared = max(info.file_size, 0)
    if declared > MAX_INPUT_BYTES:
        raise _refuse(path, name, f"it would expand to {size_text(declared)}, beyond the limit")
    limit = min(MAX_INPUT_BYTES, max(_RATIO_FLOOR, MAX_RATIO * max(info.compress_size, 1)))
    if declared > limit:
        raise _refuse(
            path,
            name,
            f"it would expand to {size_text(declared)}, more than {MAX_RATIO} times its packed "
            f"size ({size_text(info.compress_size)})",
        )
    chunks: list[bytes] = []
    size = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise _refuse(
                        path,
                        name,
                        f"it expands beyond {size_text(limit)} "
                        f"(more than {MAX_RATIO} times its packed size, or "
                        f"{size_text(MAX_INPUT_BYTES)})",
                    )
                if keep:
                    chunks.append(chunk)
    except InputRefused:
        raise
    except NotImplementedError as exc:
        raise _refuse(path, name, f"the member cannot be read ({exc})") from None
    except Exception as exc:  # zipfile and zlib report damage with many exception types
        raise _refuse(path, name, f"the member is damaged ({exc})") from None
    if size != declared:
        raise _refuse(path, name, f"the member holds {size:,} bytes but says {declared:,}")
    return b"".join(chunks)
