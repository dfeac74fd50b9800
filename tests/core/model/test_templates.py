"""Protocol templates: their lines in election.json (protocol_fields, protocol_template), kept
by a package written and read back, empty columns included, and refused when wrong."""

from __future__ import annotations

import json

import numpy as np
import pytest

from core.formats.election_json import info_to_json, parse_info
from core.formats.package import save
from core.model.election import Election, SourceFigures, UnitTree
from core.model.problems import Problem
from core.model.templates import KZ_PEC, RU_UIK, TEMPLATES
from core.opener.load import load
from tests.core.builders import info_json


def test_the_kazakh_protocol_has_no_valid_line_and_the_russian_one_has_its_sub_lines():
    assert "valid" not in KZ_PEC.lines
    assert KZ_PEC.fields(["NO", "AJ"])[-2:] == ["votes:NO", "votes:AJ"]
    assert {"ballots_lost", "ballots_unaccounted", "valid"} <= set(RU_UIK.lines)
    assert "ballots_issued_early" in RU_UIK.lines
    assert set(TEMPLATES) == {"kz-pec", "ru-uik", "generic"}


@pytest.mark.parametrize("template", ["kz-pec", "ru-uik"])
def test_a_package_keeps_the_protocols_columns_even_empty(tmp_path, template):
    fields = TEMPLATES[template].fields(["A", "B"])
    obj = info_json(protocol_fields=fields, protocol_template=template)
    found: list[Problem] = []
    info = parse_info(obj, "election.json", found)
    assert found == []
    assert info is not None
    units = UnitTree.build(["N"], ["Nation"], np.zeros(1, np.int16), np.full(1, -1, np.int64))
    e = Election(info, units, {"official": SourceFigures(np.ones(1, bool))})
    save(e, tmp_path / "pkg")
    header = (tmp_path / "pkg" / "results.csv").read_text(encoding="utf-8").splitlines()[0]
    assert set(fields) <= set(header.split(","))
    back = load(tmp_path / "pkg")
    assert back.info.protocol_fields == fields
    assert back.info.protocol_template == template
    assert info_to_json(back.info) == info_to_json(info)
    written = json.loads((tmp_path / "pkg" / "election.json").read_text(encoding="utf-8"))
    assert written["protocol_fields"] == fields


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("registered", "a list of column names"),
        (["registered", "registered"], "appears twice"),
        (["votes:ZZ"], "no contestant has the code 'ZZ'"),
        (["pct:A"], "counts a protocol has"),
    ],
)
def test_bad_protocol_fields_are_refused_naming_the_key(value, words):
    found: list[Problem] = []
    assert parse_info(info_json(protocol_fields=value), "election.json", found) is None
    assert any(p.column == "protocol_fields" and words in p.message for p in found)
