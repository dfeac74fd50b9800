"""The bundled 2021 Mazhilis sample gives exactly the findings the published tables imply."""

import json

from core.cli.audit import SAMPLE, main
from core.opener.load import load


def test_sample_audit_reports_adal_typo_and_unverifiable_totals(capsys):
    status = main(["--sample", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert status == 0
    found = {(f["rule"], f["unit"], f["field"]) for f in doc["findings"]}
    assert found == {
        ("pct.recomputed", "KZ-03", "pct:ADAL"),
        *{("sum.incomplete", "KZ", f) for f in ("valid", "invalid", "ballots_cast", "registered")},
    }
    adal = next(f for f in doc["findings"] if f["rule"] == "pct.recomputed")
    assert (adal["actual"], adal["expected"]) == (5.21, 5.86)
    assert adal["message"] == "Adal: published 5.21% but 18,835 of 321,322 valid votes is 5.86%"
    assert doc["election"] == {
        "name": "2021 Kazakh legislative election (Mazhilis)",
        "units": 18,
        "stations": 0,
    }
    assert doc["summary"] == {"error": 0, "warning": 1, "info": 4}


def test_sample_units_follow_the_published_table():
    e = load(SAMPLE)
    assert e.units.ids[:2] == ["KZ", "KZ-01"]
    assert e.units.names[1] == "Akmola Region"
    assert e.units.names[17] == "West Kazakhstan Region"
    assert e.info.codes == ["NO", "AJ", "QHP", "AUYL", "ADAL"]
