"""Forged and damaged projects (issue 9): each kind of tampering, and the check that catches it.

The chain has no key: whoever can write the file can also recompute every hash in it. What
such a forgery cannot match is a head recorded elsewhere, so those tests say so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import python_calamine

from core.cli.audit import SAMPLE
from core.cli.audit import main as audit
from core.cli.verify import main as verify
from core.export.workbook import JOURNAL_HEAD_LABEL
from core.model.problems import InputRefused
from core.opener.load import load
from core.project.store import Project
from tests.core.project import forger
from tests.core.project.store_writer import change_for

PYTHON_TEXT = ("invalid literal", "object is not", "unpack", "Error", "Traceback", "KeyError")


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """Three changes, never compacted: the snapshot is the original one."""
    path = tmp_path / "fresh.sanaq"
    with Project.create(path, load(SAMPLE)) as project:
        for n in range(1, 4):
            project.append(change_for(n))
    return path


@pytest.fixture
def compacted(tmp_path: Path) -> Path:
    """Three changes, a compaction (entry 4 records the snapshot), then one more change."""
    path = tmp_path / "compacted.sanaq"
    with Project.create(path, load(SAMPLE)) as project:
        for n in range(1, 4):
            project.append(change_for(n))
        project.compact()
        project.append(change_for(5))
    return path


def head_of(path: Path) -> str:
    with Project.open(path) as project:
        return project.head()


def verified(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    """`verify --json` of the file, its exit status kept in the document as `status`."""
    status = verify([str(path), "--json", *extra])
    doc: dict[str, object] = json.loads(capsys.readouterr().out)
    doc["status"] = status
    return doc


def refusal(path: Path) -> str:
    with pytest.raises(InputRefused) as caught:
        Project.open(path)
    text = caught.value.report()
    assert not any(t in text for t in PYTHON_TEXT), text
    return text


def votes_no(path: Path) -> int | float | None:
    election = load(path)
    return election.sources["official"].value("votes:NO", election.units.index["KZ-01"])


@pytest.mark.parametrize(
    ("kind", "entry"), [("fresh", "the original snapshot"), ("compacted", "journal entry 4")]
)
def test_snapshot_figure_edited_with_its_hash_recomputed_is_refused_on_opening(
    kind, entry, request, capsys
):
    """Caught on opening: the snapshot's content hash is compared with the hash the chain
    records for it (the origin hash entry 1 links to, or the compaction's entry), never with
    the hash stored beside it (meta.snapshot_hash, which the forger recomputed)."""
    path = request.getfixturevalue(kind)
    forger.set_figure(path, "snapshot", "votes:NO", "KZ-01", 999_999)
    digest = forger.snapshot_hash(forger.blobs(path, "snapshot"))
    forger.execute(path, "INSERT OR REPLACE INTO meta VALUES ('snapshot_hash', ?)", (digest,))
    assert f"{entry}:" in refusal(path)
    assert audit([str(path)]) == 2
    assert "does not match the hash" in capsys.readouterr().err
    doc = verified(path, capsys)
    assert doc["status"] == 1
    assert doc["ok"] is False


def test_a_snapshot_restated_in_the_chain_after_a_compaction_fails_the_full_replay(
    compacted, capsys
):
    """Caught by `verify` (the full replay), not on opening: the forger also rewrote the hash
    the compaction's entry records and re-hashed the chain, so the file is consistent in
    itself; but the original snapshot and entries 1-3 do not give the figures entry 4 records."""
    genuine = head_of(compacted)
    forger.set_figure(compacted, "snapshot", "votes:NO", "KZ-01", 999_999)
    forger.restate_snapshot(compacted)
    assert votes_no(compacted) == 999_999  # opening accepts it: its quick checks all hold
    doc = verified(compacted, capsys)
    assert doc["status"] == 1
    first = doc["problems"][0]  # type: ignore[index]
    assert first["entry"] == 4
    assert (
        "not the figures that the original snapshot and the entries before it give"
        in (first["what"])
    )
    assert head_of(compacted) != genuine
    with Project.open(compacted) as project:
        assert [p.entry for p in project.verify().problems] == [4]


def test_original_figures_forged_and_the_chain_rehashed_are_caught_only_by_a_recorded_head(
    fresh, capsys
):
    """Caught only by a head recorded elsewhere (--expect-head): the forger edited the original
    snapshot, recorded its new hash as the chain's start and re-hashed every entry. No keyless
    check can tell this file from a genuine one; its head differs from the genuine head."""
    genuine = head_of(fresh)
    forger.set_figure(fresh, "snapshot", "votes:NO", "KZ-01", 999_999)
    forger.restate_snapshot(fresh)
    assert votes_no(fresh) == 999_999
    assert verified(fresh, capsys)["status"] == 0  # consistent in itself
    doc = verified(fresh, capsys, "--expect-head", genuine)
    assert doc["status"] == 1
    assert "not the expected" in doc["problems"][0]["what"]  # type: ignore[index]


def test_an_entry_edited_and_rehashed_is_caught_only_by_the_head_in_the_workbook(
    fresh, tmp_path, capsys
):
    """Caught only by a head recorded elsewhere: here the one the exported workbook prints.
    The re-hashed journal verifies in itself (exit 0); with that head expected, exit 1."""
    book = tmp_path / "audited.xlsx"
    assert audit([str(fresh), "--export", str(book)]) == 1  # the edits break sums
    capsys.readouterr()
    summary = python_calamine.CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Summary")
    printed = {r[0]: r[1] for r in summary.to_python() if len(r) > 1}[JOURNAL_HEAD_LABEL]
    assert printed == head_of(fresh)

    forger.execute(
        fresh, "UPDATE journal SET payload = replace(payload, '1002', '9002') WHERE seq = 2"
    )
    forger.rehash(fresh)
    election = load(fresh)
    assert election.sources["official"].value("votes:AJ", election.units.index["KZ-03"]) == 9002
    assert verified(fresh, capsys)["status"] == 0
    doc = verified(fresh, capsys, "--expect-head", str(printed))
    assert doc["status"] == 1
    assert doc["problems"][0]["entry"] == 3  # type: ignore[index]


def test_a_deleted_journal_tail_is_caught_only_by_a_recorded_head(fresh, capsys):
    """Caught only by a head recorded elsewhere: entries cut off the end leave a chain that is
    whole as far as it goes (exit 0); with the genuine head expected, exit 1."""
    genuine = head_of(fresh)
    forger.execute(fresh, "DELETE FROM journal WHERE seq > 1")
    assert verified(fresh, capsys)["status"] == 0
    doc = verified(fresh, capsys, "--expect-head", genuine)
    assert doc["status"] == 1
    assert doc["entries"] == 1


def test_a_tail_cut_through_a_compaction_is_refused_on_opening(compacted, capsys):
    """Caught on opening, as a bonus: the file still says its snapshot was taken at entry 4,
    which is gone. (A cut that leaves the snapshot's entry in place is caught only by a head.)"""
    forger.execute(compacted, "DELETE FROM journal WHERE seq >= 4")
    assert "journal entry 4: it is missing, but the snapshot was taken at it" in refusal(compacted)
    assert verified(compacted, capsys)["status"] == 1


def _change(*edits: list[object], reviews: list[object] | None = None) -> str:
    return json.dumps(
        {"label": "crafted", "kind": "edit", "edits": list(edits), "reviews": reviews or []}
    )


@pytest.mark.parametrize(
    ("payload", "says"),
    [
        (_change(["KZ-01", "official", "bribes", None, 5]), "this election has no field 'bribes'"),
        (_change(["KZ-01", "official", "votes:EVIL", None, 5]), "no field 'votes:EVIL'"),
        (_change(["KZ-99", "official", "valid", None, 5]), "no unit has the id 'KZ-99'"),
        (_change(["KZ-01", "forger", "valid", None, 5]), "'forger' is not a source"),
        (_change(["KZ-01", "official", "valid", None, "12"]), "is not unit, source, field"),
        (_change(["KZ-01", "official", "valid", None, 2**70]), "is not a count"),
        (_change(["KZ-01", "official", "valid", None, 1.5]), "is not a count"),
        (_change(["KZ-01", "official"]), "is not unit, source, field"),
        (
            _change(reviews=[[["r", "KZ-01", "official", "valid"], ["open", ""], ["bribed", ""]]]),
            "review note",
        ),
        ('{"label": 5}', "not a recorded change"),
        ('{"label": "x", "edits": {"a": 1}}', "not a recorded change"),
        ("[1, 2]", "not a JSON object"),
        ("{not json", "not valid JSON"),
    ],
)
def test_a_crafted_entry_is_refused_on_opening_in_words(fresh, payload, says, capsys):
    """Caught on opening: every entry after the snapshot is replayed through the one
    `apply_change`, which checks the unit, source, field and figure of every edit first (its
    chain links are correct: the forger appended it properly)."""
    forger.append_raw(fresh, payload)
    text = refusal(fresh)
    assert "journal entry 4:" in text
    assert says in text
    assert audit([str(fresh)]) == 2
    assert says in capsys.readouterr().err
    doc = verified(fresh, capsys)
    assert doc["status"] == 1
    assert doc["problems"][0]["entry"] == 4  # type: ignore[index]


def test_a_crafted_snapshot_entry_is_refused_on_opening(fresh):
    """Caught on opening: an entry claiming a snapshot the file does not hold."""
    forger.append_raw(fresh, '{"covers": 3, "snapshot_hash": "00"}', kind="snapshot")
    assert "journal entry 4: it records a snapshot the file does not hold" in refusal(fresh)


@pytest.mark.parametrize("depth", [65, 100_000])
def test_a_deeply_nested_entry_is_refused_without_recursion(fresh, depth, capsys):
    """Caught on opening, before any parsing: the payload's nesting is measured on its text
    (JSON nesting is limited to 64 levels), so no RecursionError is ever raised."""
    forger.append_raw(fresh, '{"label": "x", "edits": ' + "[" * depth + "]" * depth + "}")
    assert "journal entry 4: its payload is nested deeper than 64 levels" in refusal(fresh)
    assert audit([str(fresh)]) == 2
    doc = verified(fresh, capsys)
    assert doc["status"] == 1
    assert doc["problems"] == [{"entry": 4, "what": "its payload is nested deeper than 64 levels"}]


@pytest.mark.parametrize("name", ["sqlite_autoindex_snapshot_1", "sqlite_autoindex_meta_1"])
def test_a_destroyed_index_page_is_refused_on_opening(fresh, name, capsys):
    """Caught on opening by SQLite's quick_check, before anything is read (not at the next
    compaction); `verify` runs integrity_check and reports it against the file itself."""
    forger.destroy_page(fresh, name)
    assert "the project file is damaged: SQLite's quick_check finds" in refusal(fresh)
    assert audit([str(fresh)]) == 2
    assert "damaged" in capsys.readouterr().err
    doc = verified(fresh, capsys)
    assert doc["status"] == 1
    assert doc["problems"][0]["entry"] is None  # type: ignore[index]
