"""`verify PROJECT [--json] [--expect-head HASH]` (CONTRACT §3): exit statuses, text and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli.audit import SAMPLE
from core.cli.verify import main
from core.opener.load import load
from core.project.snapshot import snapshot_blobs, snapshot_hash
from core.project.store import Project
from tests.core.project import forger
from tests.core.project.store_writer import change_for

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.sanaq"
    with Project.create(path, load(SAMPLE)) as p:
        p.append(change_for(1))
        p.append(change_for(2))
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    status = main([*argv, "--json"])
    return status, json.loads(capsys.readouterr().out)


def test_a_sound_project_verifies_with_exit_0_and_prints_entries_and_head(project, capsys):
    with Project.open(project) as p:
        head = p.head()
    assert main([str(project)]) == 0
    out = capsys.readouterr().out
    assert f"2 journal entries, head {head}" in out
    assert out.splitlines()[1].startswith("verified")
    status, doc = run_json(capsys, str(project), "--expect-head", head.upper())
    assert status == 0
    assert doc == {
        "format": "sanaq-verify/1",
        "entries": 2,
        "head": head,
        "ok": True,
        "problems": [],
    }


def test_with_no_entry_the_head_is_the_original_snapshots_hash(tmp_path, capsys):
    path = tmp_path / "empty.sanaq"
    Project.create(path, load(SAMPLE)).close()
    status, doc = run_json(capsys, str(path))
    assert status == 0
    assert doc["entries"] == 0
    assert doc["head"] == snapshot_hash(snapshot_blobs(load(SAMPLE), {}))


def test_a_broken_chain_exits_1_naming_the_first_failing_entry(project, capsys):
    forger.execute(project, "UPDATE journal SET label = 'harmless' WHERE seq = 2")
    assert main([str(project)]) == 1
    out = capsys.readouterr().out
    assert (
        "NOT verified: journal entry 2 is the first that fails: its content does not match" in out
    )
    status, doc = run_json(capsys, str(project))
    assert status == 1
    assert doc["ok"] is False
    assert doc["problems"][0]["entry"] == 2  # type: ignore[index]
    assert set(doc) == {"format", "entries", "head", "ok", "problems"}


def test_a_different_head_exits_1(project, capsys):
    status, doc = run_json(capsys, str(project), "--expect-head", "0" * 64)
    assert status == 1
    assert doc["problems"] == [  # the verified chain, and only the head differs
        {
            "entry": 2,
            "what": f"the head is {doc['head']}, not the expected {'0' * 64}: the "
            "journal was rewritten, cut off or added to since that head was recorded",
        }
    ]


@pytest.mark.parametrize(
    "argv",
    [[], ["--json"], ["P", "--expect-head", "xyz"], ["P", "--expect-head"], ["P", "--bogus"]],
)
def test_misuse_exits_2(project, argv, capsys):
    assert main([str(project) if a == "P" else a for a in argv]) == 2
    assert capsys.readouterr().out == ""


def test_what_is_not_a_project_exits_2(tmp_path, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    for path in (text, tmp_path / "missing.sanaq", SAMPLE):
        assert main([str(path), "--json"]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "refused" in captured.err


def test_main_dispatches_verify_and_its_help_is_honest_about_the_chain(project):
    done = subprocess.run(
        [sys.executable, "main.py", "verify", str(project), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ok"] is True
    helped = subprocess.run(
        [sys.executable, "main.py", "verify", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert helped.returncode == 0
    assert "consistent in itself" in helped.stdout
    assert "--expect-head" in helped.stdout


def test_text_from_the_file_cannot_drive_the_terminal(project, capsys):
    crafted = {"label": "\x1b[2J", "edits": [["KZ-01", "official", "bribes", None, 1]]}
    forger.append_raw(project, json.dumps(crafted))
    assert main([str(project)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\\x1b[2J: KZ-01 bribes: this election has no field 'bribes'" in out
