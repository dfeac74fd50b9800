"""Fuzzing the readers: any bytes, as results.csv, election.json, a zip or a workbook, give
exit status 0, 1 or 2 and words, never a traceback; the wizard's reader likewise."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.cli.audit import main as audit
from core.importer.read import read_table
from core.model.problems import InputRefused
from tests.core.formats.hostile import GOOD, INFO, good_members, package, workbook, zipped

FUZZ = settings(
    max_examples=int(os.environ.get("SANAQ_FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


def answered(path: Path) -> int:
    """The audit's exit status, with what it wrote checked for words, not a traceback."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = audit([str(path), "--json"])
    assert status in (0, 1, 2)
    if status == 2:
        assert err.getvalue().startswith("refused: ")
        assert "Traceback" not in err.getvalue()
    else:
        json.loads(out.getvalue())
    return status


def mutated(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for at, byte in edits:
        out[at % len(out)] = byte
    return bytes(out)


edits = st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)), min_size=1, max_size=8)
# Bytes that look like a results table often enough to get past the header.
csv_like = st.one_of(
    st.binary(max_size=2000),
    st.lists(
        st.sampled_from(
            [
                b",",
                b"\n",
                b"\r",
                b'"',
                b"N",
                b"S1",
                b"5",
                b"-1",
                b"+7",
                b"?",
                b" ",
                b"\xff",
                b"\xd0\x9a",
                b"\x00",
                b"999999999999999",
                b"votes:A",
                b"unit_id",
                b"parent_id",
                b"\xef\xbb\xbf",
                b"\xff\xfe",
                b"nan",
                b"1e400",
                "٣".encode(),
            ]
        ),
        max_size=200,
    ).map(b"".join),
    edits.map(lambda e: mutated(GOOD.encode(), e)),
)


@FUZZ
@given(csv_like)
def test_any_results_csv_is_answered(data: bytes) -> None:
    with folder() as root:
        answered(package(data)(root))


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=1000),
        edits.map(lambda e: mutated(json.dumps(INFO).encode(), e)),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
            lambda kids: (
                st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3)
            ),
            max_leaves=30,
        ).map(lambda v: json.dumps({**INFO, "seats": v}).encode()),
    )
)
def test_any_election_json_is_answered(data: bytes) -> None:
    with folder() as root:
        answered(package(GOOD, data)(root))


GOOD_ZIP = zipped(good_members())


@FUZZ
@given(st.one_of(edits.map(lambda e: mutated(GOOD_ZIP, e)), st.binary(max_size=500)))
def test_any_zip_is_answered(data: bytes) -> None:
    with folder() as root:
        path = root / "pkg.zip"
        path.write_bytes(data)
        answered(path)


def _good_workbook() -> bytes:
    with folder() as root:
        return workbook()(root).read_bytes()


GOOD_XLSX = _good_workbook()


def _inflated_xlsx(e: list[tuple[int, int]]) -> bytes:
    """The workbook with its sheet XML mutated, then packed again: reaches the XML readers."""
    with zipfile.ZipFile(io.BytesIO(GOOD_XLSX)) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members["xl/worksheets/sheet1.xml"] = mutated(members["xl/worksheets/sheet1.xml"], e)
    return zipped(members)


@FUZZ
@given(st.one_of(edits.map(lambda e: mutated(GOOD_XLSX, e)), edits.map(_inflated_xlsx)))
def test_any_workbook_is_answered_by_audit_and_wizard(data: bytes) -> None:
    with folder() as root:
        path = root / "pkg.xlsx"
        path.write_bytes(data)
        answered(path)
        with contextlib.suppress(InputRefused):
            read_table(path)


@FUZZ
@given(csv_like)
def test_any_csv_is_answered_by_the_wizard(data: bytes) -> None:
    with folder() as root:
        path = root / "table.csv"
        path.write_bytes(data)
        with contextlib.suppress(InputRefused):
            raw = read_table(path)
            assert all(len(r) == len(raw.header) for r in raw.rows)
