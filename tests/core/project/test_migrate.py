"""Project files of format 1 (tests/fixtures/project_v1.sanaq, made by release adcc0fe) open:
verified as far as their chain goes, then migrated in one journalled step."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from core.cli.verify import main as verify
from core.model.problems import InputRefused
from core.project.store import Project, load_election
from tests.core.project import forger

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "project_v1.sanaq"
ADAL = ("pct.recomputed", "KZ-03", "official", "pct:ADAL")
V1_HEAD = "a3045cf51ed72a8cde6f6f1196a134ed7bcf577ba95815db0f9cc5a69cb48529"


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    path = tmp_path / "old.sanaq"
    shutil.copyfile(FIXTURE, path)
    return path


def fmt(path: Path) -> tuple[str, int]:
    with sqlite3.connect(path) as conn:
        value = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()[0]
        return str(value), int(conn.execute("PRAGMA user_version").fetchone()[0])


def figure(election, source: str, field: str, unit: str):  # type: ignore[no-untyped-def]
    return election.sources[source].value(field, election.units.index[unit])


def test_the_fixture_is_a_format_1_file_and_reading_it_writes_nothing(v1, capsys):
    assert fmt(v1) == ("sanaq-project/1", 1)
    before = v1.read_bytes()
    election = load_election(v1)  # audit's path: verified in full, not migrated
    assert v1.read_bytes() == before
    assert figure(election, "official", "votes:NO", "KZ-01") == 278210
    assert verify([str(v1)]) == 0
    assert f"7 journal entries, head {V1_HEAD}" in capsys.readouterr().out


def test_opening_migrates_in_one_journalled_step_that_verifies(v1):
    with Project.open(v1) as project:
        entries = project.journal()
        assert [e.kind for e in entries[:7]] == [
            "edit",
            "paste",
            "edit",
            "edit",
            "edit",
            "edit",
            "edit",
        ]
        step = entries[7]
        assert len(entries) == 8
        assert step.kind == "migration"
        assert step.prev_hash == V1_HEAD  # the old chain goes on unbroken
        assert step.payload["from"] == "sanaq-project/1"
        assert step.payload["to"] == "sanaq-project/2"
        assert step.payload["covers"] == 7
        assert project.head() == step.hash
        assert project.verify().problems == []
        election = project.election
        assert figure(election, "official", "votes:NO", "KZ-01") == 278210
        assert figure(election, "official", "votes:ADAL", "KZ-03") == 18836
        assert figure(election, "official", "invalid", "KZ") is None
        assert figure(election, "observer", "valid", "KZ-02") == 500
        assert project.reviews == {ADAL: ("confirmed", "ok")}
    assert fmt(v1) == ("sanaq-project/2", 2)
    assert "snapshot_hash" not in {
        k for (k,) in sqlite3.connect(v1).execute("SELECT key FROM meta")
    }
    with Project.open(v1) as again:  # migrated once, not at every opening
        assert len(again.journal()) == 8
        assert figure(again.election, "official", "votes:ADAL", "KZ-03") == 18836


def test_a_forged_format_1_file_is_refused_and_left_as_it_was(v1):
    """Format 1 kept the snapshot's hash beside it: a forger edits a figure and recomputes it.
    The migration replays the original figures and the journal first, so it is caught."""
    forger.set_figure(v1, "snapshot", "votes:NO", "KZ-01", 999_999)
    digest = forger.snapshot_hash(forger.blobs(v1, "snapshot"))
    forger.execute(v1, "UPDATE meta SET value = ? WHERE key = 'snapshot_hash'", (digest,))
    before = v1.read_bytes()
    with pytest.raises(InputRefused, match="journal entry 5: the snapshot taken here is not the"):
        Project.open(v1)
    assert v1.read_bytes() == before
    assert fmt(v1) == ("sanaq-project/1", 1)
