"""The project file: round trip, replay of edits, hash chain, compaction, copies, and kills."""

import itertools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from core.cli.audit import SAMPLE, main
from core.formats.election_json import info_to_json
from core.model.election import Election
from core.model.problems import InputRefused
from core.opener.load import load
from core.project import chain, store
from core.project import snapshot as project_format
from core.project.edits import CellEdit, Change, ReviewEdit
from core.project.session import Workspace
from core.project.store import Project, ProjectConflict, is_project, load_election
from core.rules.audit import run_audit
from tests.core.project.store_writer import change_for

ROOT = Path(__file__).resolve().parents[3]
ADAL = ("pct.recomputed", "KZ-03", "official", "pct:ADAL")


def findings(election: Election) -> list[tuple[object, ...]]:
    return [
        (f.rule, f.unit, f.source, f.field, f.expected, f.actual, f.message)
        for f in run_audit(election).findings
    ]


def assert_same_figures(a: Election, b: Election) -> None:
    assert a.units.ids == b.units.ids
    assert a.units.names == b.units.names
    assert a.sources.keys() == b.sources.keys()
    for src, fa in a.sources.items():
        fb = b.sources[src]
        np.testing.assert_array_equal(fa.present, fb.present)
        assert fa.columns.keys() == fb.columns.keys()
        for name, col in fa.columns.items():
            other = fb.columns[name]
            assert col.values.dtype == other.values.dtype
            np.testing.assert_array_equal(col.reported, other.reported)
            np.testing.assert_array_equal(col.values[col.reported], other.values[col.reported])
        assert fa.extras == fb.extras


def snapshot_seq(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT value FROM meta WHERE key = 'snapshot_seq'").fetchone()[0])


def tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql)
    conn.close()


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "mazhilis.sanaq"
    Project.create(path, load(SAMPLE)).close()
    return path


def edit(unit: str, field: str, new: int | float | None, label: str = "edit") -> Change:
    return Change(label, (CellEdit(unit, "official", field, None, new),))


def test_project_round_trip_gives_the_package_findings(tmp_path):
    package = load(SAMPLE)
    path = tmp_path / "mazhilis.sanaq"
    Project.create(path, load(SAMPLE)).close()
    assert is_project(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mazhilis.sanaq"]  # one file at rest
    with Project.open(path) as project:
        assert findings(project.election) == findings(package)
        assert info_to_json(project.election.info) == info_to_json(package.info)
        assert_same_figures(project.election, package)
        assert project.reviews == {}
        assert project.journal() == []
        assert project.verify().problems == []


def test_extras_and_observer_rows_survive_the_round_trip(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    info = {
        "format": "sanaq/1",
        "name": "Тест",
        "date": "2024-03-17",
        "levels": ["nation", "station"],
        "contestants": [{"code": "A", "name": "Әділет"}, {"code": "B", "name": "B"}],
    }
    (pkg / "election.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    (pkg / "results.csv").write_text(
        "unit_id,unit_name,level,parent_id,source,valid,votes:A,votes:B,pct:A,note\n"
        "N,Nation,nation,,official,30,20,10,66.67,\n"
        "S1,Станция 1,station,N,official,15,10,5,,checked\n"
        "S2,S2,station,N,official,15,10,6,,\n"
        "S1,,station,N,observer,15,9,5,,'=copy\n",
        encoding="utf-8",
    )
    package = load(pkg)
    path = tmp_path / "t.sanaq"
    Project.create(path, package).close()
    election = load(path)  # through the package loader, as the CLI does
    assert_same_figures(election, package)
    assert election.extra_columns == ["note"]
    assert election.sources["observer"].extras["note"][1] == "=copy"
    assert election.units.names[1] == "Станция 1"
    assert {f[0] for f in findings(election)} == {
        "protocol.valid_sum",
        "sum.children",
        "compare.sources",
    }
    assert findings(election) == findings(package)


def test_edits_replayed_on_reopen_equal_the_workspace(project_path):
    project = Project.open(project_path)
    ws = Workspace(project.election, journal=project, reviews=dict(project.reviews))
    ws.apply(edit("KZ-01", "votes:NO", 278210, "Edit Nur Otan"))
    paste = Change(
        "Paste 3 cells",
        (
            CellEdit("KZ-02", "observer", "valid", None, 500),
            CellEdit("KZ-02", "official", "pct:AJ", 9.2, 9.25),
            CellEdit("KZ", "official", "invalid", 297718, None),
        ),
        kind="paste",
    )
    ws.apply(paste)
    ws.apply(Change("Explain", reviews=(ReviewEdit(ADAL, ("open", ""), ("explained", "typo")),)))
    ws.undo()  # the note goes again
    ws.apply(Change("Confirm", reviews=(ReviewEdit(ADAL, ("open", ""), ("confirmed", "ok")),)))
    ws.apply(edit("KZ-03", "votes:ADAL", 18836))
    project.close()

    with Project.open(project_path) as again:
        assert_same_figures(again.election, ws.election)
        assert findings(again.election) == findings(ws.election)
        assert again.reviews == ws.reviews == {ADAL: ("confirmed", "ok")}
        entries = again.journal()
        assert [e.seq for e in entries] == [1, 2, 3, 4, 5, 6]
        assert [e.kind for e in entries] == ["edit", "paste", "edit", "edit", "edit", "edit"]
        # The journal holds the change as applied: the observer figure created Aktobe's row.
        journalled = entries[1].change()
        assert journalled.edits[0] == CellEdit("KZ-02", "observer", "valid", None, 500, "create")
        assert journalled.edits[1:] == paste.edits[1:]
        assert entries[0].prev_hash == project_format.snapshot_hash(
            project_format.snapshot_blobs(load(SAMPLE), {})
        )
        assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
        assert again.head() == entries[-1].hash
        assert entries[0].at.endswith("+00:00")
        assert again.verify().problems == []


def test_compact_folds_the_journal_into_the_snapshot_and_keeps_it(project_path):
    project = Project.open(project_path)
    for n in range(1, 4):
        project.append(change_for(n))
    project.compact()
    assert snapshot_seq(project_path) == 4  # the entry recording the snapshot
    entries = project.journal()
    assert [e.kind for e in entries] == ["edit", "edit", "edit", "snapshot"]
    assert entries[3].payload["covers"] == 3
    assert project.head() == entries[3].hash
    assert project.verify().problems == []  # the original figures still anchor the chain
    project.append(change_for(4))
    project.close(compact=False)

    expected = Workspace(load(SAMPLE))
    for n in range(1, 5):
        expected.apply(change_for(n))
    with Project.open(project_path) as again:
        assert_same_figures(again.election, expected.election)
        assert again.reviews == expected.reviews
        labels = [e.label for e in again.journal() if e.is_change]
        assert labels == [f"change {n}" for n in range(1, 5)]


def test_close_compacts_after_many_changes_and_loading_never_writes(project_path, monkeypatch):
    monkeypatch.setattr(store, "COMPACT_AFTER_ENTRIES", 3)
    project = Project.open(project_path)
    project.append(change_for(1))
    project.append(change_for(2))
    project.append(change_for(3))
    before = project_path.read_bytes()
    election = load_election(project_path)  # past the threshold, but a reader leaves it alone
    assert project_path.read_bytes() == before
    assert election.sources["official"].value("votes:AJ", election.units.index["KZ-03"]) == 1002
    project.close()
    assert snapshot_seq(project_path) == 4


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "UPDATE journal SET payload = replace(payload, '1002', '9002') WHERE seq = 2",
            "journal entry 2: its content does not match its hash",
        ),
        ("UPDATE journal SET label = 'harmless' WHERE seq = 2", "journal entry 2: its content"),
        ("UPDATE journal SET at = '2020-01-01' WHERE seq = 1", "journal entry 1: its content"),
        ("DELETE FROM journal WHERE seq = 2", "journal entry 3: entry 2 is missing"),
        (
            "UPDATE journal SET prev_hash = hash WHERE seq = 3",
            "journal entry 3: it does not follow",
        ),
        (
            "UPDATE snapshot SET data = data || x'00' WHERE name = 'official/present'",
            "the original snapshot: it does not match the hash the chain starts from",
        ),
    ],
)
def test_tampering_is_reported_and_the_file_refused(project_path, sql, expected):
    project = Project.open(project_path)
    for n in range(1, 4):
        project.append(change_for(n))
    assert project.verify().problems == []
    tamper(project_path, sql)
    problems = [str(p) for p in project.verify().problems]
    assert any(p.startswith(expected) for p in problems), problems
    project.close(compact=False)
    with pytest.raises(InputRefused, match=expected):
        Project.open(project_path)


def test_open_refuses_what_is_not_a_sound_project(tmp_path, project_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    for path in (text, other):
        assert not is_project(path)
        with pytest.raises(InputRefused, match="not a Sanaq project file"):
            Project.open(path)
    with pytest.raises(InputRefused, match="no such project file"):
        Project.open(tmp_path / "missing.sanaq")
    cut = tmp_path / "cut.sanaq"
    cut.write_bytes(project_path.read_bytes()[:200])
    with pytest.raises(InputRefused, match="damaged"):
        Project.open(cut)
    assert main([str(cut)]) == 2  # the CLI refuses it as input


def test_create_refuses_to_overwrite_unless_told(tmp_path, project_path):
    with pytest.raises(FileExistsError):
        Project.create(project_path, load(SAMPLE))
    with Project.open(project_path) as old:
        old.append(change_for(1))
    Project.create(project_path, load(SAMPLE), overwrite=True).close()
    with Project.open(project_path) as fresh:
        assert fresh.journal() == []
    assert not (tmp_path / "mazhilis.sanaq.part").exists()


def test_save_as_copies_figures_journal_and_chain(tmp_path, project_path):
    project = Project.open(project_path)
    project.append(change_for(1))
    project.append(change_for(5))
    copy = project.save_as(tmp_path / "copy.sanaq")
    assert copy.journal() == project.journal()
    assert copy.head() == project.head()
    assert copy.reviews == {ADAL: ("explained", "note 5")}
    assert copy.verify().problems == []
    copy.append(change_for(6))  # the copy goes its own way
    assert len(project.journal()) == 2
    copy.close()
    project.close()
    with Project.open(project_path) as again, pytest.raises(FileExistsError):
        again.save_as(tmp_path / "copy.sanaq")


def test_a_second_writer_cannot_fork_the_journal(project_path):
    first, second = Project.open(project_path), Project.open(project_path)
    first.append(change_for(1))
    with pytest.raises(ProjectConflict):
        second.append(change_for(2))
    first.close()
    second.close()
    with Project.open(project_path) as again:
        assert [e.label for e in again.journal()] == ["change 1"]
        assert again.verify().problems == []


def test_cli_audits_a_project_file(project_path, capsys):
    assert main(["--sample", "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)
    assert main([str(project_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected


def test_killed_writer_loses_no_acknowledged_change(project_path):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for _round in range(4):
        with Project.open(project_path) as project:
            start = sum(e.is_change for e in project.journal()) + 1
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.core.project.store_writer",
                str(project_path),
                str(start),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.2))
        os.kill(proc.pid, signal.SIGKILL)
        rest, err = proc.communicate()
        assert first.startswith("ack"), err
        acked = [int(line.split()[1]) for line in (first + rest).splitlines()]
        assert acked == list(range(start, start + len(acked)))

        project = Project.open(project_path)
        assert project.verify().problems == [], f"seed {seed}"
        entries = [e for e in project.journal() if e.is_change]
        labels = [e.label for e in entries]
        assert labels[: acked[-1]] == [f"change {n}" for n in range(1, acked[-1] + 1)], seed
        assert len(entries) <= acked[-1] + 1  # at most the one in flight when killed
        expected = Workspace(load(SAMPLE))
        for e in entries:
            expected.apply(e.change())
        assert_same_figures(project.election, expected.election)
        assert project.reviews == expected.reviews
        project.close(compact=False)


@pytest.mark.parametrize(
    "bad",
    [
        CellEdit("KZ-99", "official", "valid", None, 1),
        CellEdit("KZ-01", "official", "valid", None, "12"),
    ],
)
def test_a_change_that_could_not_be_replayed_is_refused_before_writing(project_path, bad):
    with Project.open(project_path) as project:
        with pytest.raises(ValueError, match="change"):
            project.append(Change("change", (bad,)))
        assert project.journal() == []
    with Project.open(project_path) as again:
        assert again.verify().problems == []


def test_entry_hash_from_text_equals_the_hash_of_the_decoded_payload():
    payload = {"label": "Ввод", "edits": [["KZ-03", "official", "pct:ADAL", 5.21, 5.86]]}
    text = chain.canonical_json(payload)
    assert chain.entry_hash_of_text("ab", 7, "2026-01-01T00:00:00+00:00", "edit", "Ввод", text) == (
        chain.entry_hash("ab", 7, "2026-01-01T00:00:00+00:00", "edit", "Ввод", payload)
    )


def test_the_head_an_export_prints_stays_the_head_after_closing(project_path, tmp_path, capsys):
    """Closing compacts a grown journal, which adds an entry; an export compacts first, so the
    head it prints is still the head for `verify --expect-head` once the file is closed."""
    import python_calamine

    from core.cli.verify import main as verify
    from core.export.workbook import JOURNAL_HEAD_LABEL

    project = Project.open(project_path)
    for n in range(1, store.COMPACT_AFTER_ENTRIES + 1):
        project.append(change_for(n))
    project.close(compact=False)  # as after a crash: the next close would compact
    book = tmp_path / "audited.xlsx"
    assert main([str(project_path), "--export", str(book)]) == 1
    capsys.readouterr()
    summary = python_calamine.CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Summary")
    printed = {r[0]: r[1] for r in summary.to_python() if len(r) > 1}[JOURNAL_HEAD_LABEL]
    with Project.open(project_path) as again:
        assert again.journal()[-1].kind == "snapshot"  # compacted, before the head was read
        assert again.head() == printed
    assert verify([str(project_path), "--expect-head", str(printed)]) == 0
