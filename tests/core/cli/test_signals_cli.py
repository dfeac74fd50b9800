"""`audit --signals` (CONTRACT §3): signals are added and counted apart; without the flag
nothing changes, and with it the exit status never does."""

from __future__ import annotations

import json
import random

import pytest

from core.cli.audit import main
from tests.core.builders import info_json, write_package


def run(capsys, *args: str) -> tuple[int, str]:
    status = main(list(args))
    return status, capsys.readouterr().out


def test_the_sample_says_the_screens_need_more_stations(capsys):
    status, out = run(capsys, "--sample", "--json", "--signals")
    doc = json.loads(out)
    assert status == 0
    assert doc["summary"] == {"error": 0, "warning": 1, "info": 4, "signal": 0}
    assert all(f["severity"] != "signal" for f in doc["findings"])
    signals = doc["signals"]
    assert signals["tests"] == []
    assert {n["unit"] for n in signals["not_run"]} == {"KZ"}
    integer = next(n for n in signals["not_run"] if n["rule"] == "signal.integer_pct")
    assert integer["message"] == "needs at least 1,000 stations; has 0"
    status, text = run(capsys, "--sample", "--signals")
    assert "Statistical screens: none could run. They need station-level figures" in text
    assert "needs at least 1,000 stations; has 0" in text


def test_without_the_flag_the_output_is_what_it_was_and_with_it_only_grows(capsys):
    _, plain_json = run(capsys, "--sample", "--json")
    _, with_json = run(capsys, "--sample", "--json", "--signals")
    plain, grown = json.loads(plain_json), json.loads(with_json)
    assert "signal" not in plain["summary"]
    assert "signals" not in plain
    del grown["signals"]
    del grown["summary"]["signal"]
    assert grown == plain
    # the audit's part of the document is byte for byte the same
    assert with_json.startswith(plain_json.split('\n "summary"')[0])
    _, plain_text = run(capsys, "--sample")
    _, with_text = run(capsys, "--sample", "--signals")
    assert with_text.startswith(plain_text)
    assert "Statistical screens" not in plain_text


def twin_package(tmp_path, broken: bool):
    """60 stations of one district, five parties, two stations with the same protocol."""
    rng = random.Random(4)
    codes = ("A", "B", "C", "D", "E")
    rows = [
        {"unit_id": "N", "unit_name": "Nation", "level": "nation"},
        {"unit_id": "R", "unit_name": "Region", "level": "region", "parent_id": "N"},
        {"unit_id": "D", "unit_name": "District", "level": "district", "parent_id": "R"},
    ]
    for i in range(60):
        reg = rng.randint(1000, 1500)
        votes = [rng.randint(lo, lo + 100) for lo in (250, 150, 80, 40, 10)]
        if i == 59:  # the copy
            reg, votes = rows[-1]["registered"], [rows[-1][f"votes:{c}"] for c in codes]
        invalid = rng.randint(3, 12) if i < 59 else rows[-1]["invalid"]
        rows.append(
            {
                "unit_id": f"S{i}",
                "unit_name": f"Station {i}",
                "level": "station",
                "parent_id": "D",
                "registered": reg,
                "ballots_cast": sum(votes) + invalid + (1 if broken and i == 3 else 0),
                "invalid": invalid,
                "valid": sum(votes),
                **{f"votes:{c}": v for c, v in zip(codes, votes, strict=True)},
            }
        )
    return write_package(tmp_path / "twins", rows, info_json(codes))


@pytest.mark.parametrize(("broken", "status"), [(False, 0), (True, 1)])
def test_signals_never_change_the_exit_status(tmp_path, capsys, broken, status):
    pkg = str(twin_package(tmp_path, broken))
    plain_status, _ = run(capsys, pkg, "--json")
    with_status, out = run(capsys, pkg, "--json", "--signals")
    assert plain_status == with_status == status
    doc = json.loads(out)
    twins = {f["unit"] for f in doc["findings"] if f["rule"] == "signal.twins"}
    assert twins == {"N", "R", "S58", "S59"}  # the nation's and region's tests, the two stations
    assert doc["summary"]["signal"] == sum(f["severity"] == "signal" for f in doc["findings"]) >= 3
    assert doc["summary"]["error"] == status
