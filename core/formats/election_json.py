"""Read and write `election.json` (CONTRACT §1), reporting every problem at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.model.election import DEFAULT_PERCENT_BASE, STRUCTURE_COLUMNS, Contestant, ElectionInfo
from core.model.problems import Problem
from core.model.seat_rules import SeatRules

FORMAT = "sanaq/1"
_KNOWN = {
    "format",
    "name",
    "date",
    "levels",
    "contestants",
    "seats",
    "percent_base",
    "pct_decimals",
    "protocol_fields",
    "protocol_template",
}
_BASES = {"valid", "ballots_cast", "registered", "ballots_issued", "ballots_received"}


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def parse_info(obj: object, file: str, problems: list[Problem]) -> ElectionInfo | None:
    """Build ElectionInfo from the parsed JSON object, appending a Problem for each fault."""
    if not isinstance(obj, dict):
        problems.append(Problem(file, None, None, None, "must hold one JSON object"))
        return None
    start = len(problems)

    def bad(key: str, value: object, message: str) -> None:
        problems.append(Problem(file, None, key, None if value is None else str(value), message))

    fmt = obj.get("format", FORMAT)
    if fmt != FORMAT:
        bad("format", fmt, f"this version reads packages of format {FORMAT!r}")
    name = obj.get("name", "")
    if not isinstance(name, str):
        bad("name", name, "the name must be text")
        name = str(name)
    date = obj.get("date", "")
    levels = obj.get("levels")
    if not isinstance(levels, list) or not levels or not all(isinstance(x, str) for x in levels):
        bad("levels", levels, 'levels must be a list of level names, e.g. ["nation", "region"]')
        levels = ["nation"]
    elif len(set(levels)) != len(levels):
        bad("levels", levels, "a level name appears twice")

    contestants: list[Contestant] = []
    raw = obj.get("contestants", [])
    if not isinstance(raw, list):
        bad("contestants", raw, "contestants must be a list")
        raw = []
    codes: set[str] = set()
    for i, c in enumerate(raw, start=1):
        key = f"contestants[{i}]"
        if not isinstance(c, dict) or not isinstance(c.get("code"), str) or not c["code"]:
            bad(key, c, "each contestant needs a code (text)")
            continue
        code = c["code"]
        if code in codes:
            bad(key, code, "the contestant code appears twice")
        codes.add(code)
        ballot = _int(c.get("ballot_order", i))
        reg = _int(c.get("registration_order", ballot if ballot is not None else i))
        if ballot is None or reg is None:
            bad(key, c, "ballot_order and registration_order must be whole numbers")
            continue
        contestants.append(Contestant(code, str(c.get("name", code)), ballot, reg))

    seats = None
    if obj.get("seats") is not None:
        try:
            seats_obj = obj["seats"]
            if not isinstance(seats_obj, dict):
                raise ValueError("seats must be an object")
            seats = SeatRules.from_json(seats_obj)
        except (ValueError, TypeError, KeyError, ArithmeticError) as exc:
            bad("seats", obj.get("seats"), str(exc))

    base = dict(DEFAULT_PERCENT_BASE)
    pb = obj.get("percent_base", {})
    if not isinstance(pb, dict):
        bad("percent_base", pb, "percent_base must be an object")
    else:
        for k, v in pb.items():
            if k not in base or v not in _BASES:
                bad(
                    f"percent_base.{k}",
                    v,
                    f"must map one of {sorted(base)} to one of {sorted(_BASES)}",
                )
            else:
                base[k] = v
    decimals = _int(obj.get("pct_decimals", 2))
    if decimals is None or not 0 <= decimals <= 10:
        bad("pct_decimals", obj.get("pct_decimals"), "pct_decimals must be a whole number 0-10")
        decimals = 2
    protocol = _protocol_fields(obj.get("protocol_fields"), codes, bad)
    template = obj.get("protocol_template", "")
    if not isinstance(template, str):
        bad("protocol_template", template, "protocol_template must be text (kz-pec, ru-uik, …)")
        template = ""
    if len(problems) > start:
        return None
    extra: dict[str, Any] = {k: v for k, v in obj.items() if k not in _KNOWN}
    return ElectionInfo(
        str(name),
        str(date),
        list(levels),
        contestants,
        seats,
        base,
        decimals,
        extra,
        protocol,
        template,
    )


def _protocol_fields(
    value: object, codes: set[str], bad: Callable[[str, object, str], None]
) -> list[str] | None:
    """The protocol's columns: count fields, contestants' votes, or extra count lines."""
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(x, str) and x for x in value):
        bad("protocol_fields", value, "protocol_fields must be a list of column names")
        return None
    if len(set(value)) != len(value):
        bad("protocol_fields", value, "a column appears twice in protocol_fields")
    for name in value:
        prefix, _, code = name.partition(":")
        if (prefix in ("pct", "seats") and code) or name in STRUCTURE_COLUMNS:
            bad("protocol_fields", name, "protocol_fields lists the counts a protocol has")
        elif prefix == "votes" and code and code not in codes:
            bad("protocol_fields", name, f"no contestant has the code {code!r}")
    return list(value)


def info_to_json(info: ElectionInfo) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "format": FORMAT,
        "name": info.name,
        "date": info.date,
        "levels": list(info.levels),
        "contestants": [
            {
                "code": c.code,
                "name": c.name,
                "ballot_order": c.ballot_order,
                "registration_order": c.registration_order,
            }
            for c in info.contestants
        ],
    }
    if info.seats is not None:
        obj["seats"] = info.seats.to_json()
    obj["percent_base"] = dict(info.percent_base)
    obj["pct_decimals"] = info.pct_decimals
    if info.protocol_fields is not None:
        obj["protocol_fields"] = list(info.protocol_fields)
    if info.protocol_template:
        obj["protocol_template"] = info.protocol_template
    obj.update(info.extra)
    return obj
