"""Election packages (CONTRACT §1): a folder or a .zip of election.json and results.csv."""

from __future__ import annotations

from pathlib import Path

from core.formats.csv_table import read_csv_table
from core.formats.election_json import load_info
from core.formats.limits import MAX_INPUT_BYTES, size_text
from core.formats.rows import election_json_bytes, results_csv_bytes
from core.formats.table import build_election
from core.model.election import Election
from core.model.problems import InputRefused, Problem

ELECTION_JSON = "election.json"
RESULTS_CSV = "results.csv"


def load_package(path: Path) -> Election:
    """Load an election from a package folder or .zip, or refuse it naming every problem."""
    if path.is_dir():
        return _load_files(_read_folder(path), str(path))
    return _load_files(_read_zip(path), str(path))


def _read_folder(folder: Path) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for name in (ELECTION_JSON, RESULTS_CSV):
        f = folder / name
        if f.is_file():
            size = f.stat().st_size
            if size > MAX_INPUT_BYTES:
                problem = Problem(
                    str(f),
                    None,
                    None,
                    None,
                    f"the file holds {size:,} bytes; at most {size_text(MAX_INPUT_BYTES)} is read",
                )
                raise InputRefused([problem])
            try:
                out[name] = f.read_bytes()
            except OSError as exc:
                problem = Problem(str(f), None, None, None, f"cannot be read ({exc.strerror})")
                raise InputRefused([problem]) from None
    return out


def _read_zip(path: Path) -> dict[str, bytes]:
    from core.formats.archive import read_members  # zipfile: only for an archive

    return read_members(path, (ELECTION_JSON, RESULTS_CSV))


def _load_files(files: dict[str, bytes], label: str) -> Election:
    problems: list[Problem] = []
    for name in (ELECTION_JSON, RESULTS_CSV):
        if name not in files:
            problems.append(Problem(f"{label}/{name}", None, None, None, "the file is missing"))
    if problems:
        raise InputRefused(problems)
    info = load_info(files.pop(ELECTION_JSON), f"{label}/{ELECTION_JSON}")
    # The bytes are let go as soon as they are parsed: a large table is held once.
    table = read_csv_table(files.pop(RESULTS_CSV), f"{label}/{RESULTS_CSV}")
    return build_election(info, table)


def save(election: Election, path: str | Path) -> None:
    """Write the election as a folder, a .zip (by suffix) or a canonical .xlsx."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".xlsx":
        from core.formats.xlsx import write_xlsx  # xlsxwriter: only when a workbook is saved

        write_xlsx(election, p)
        return
    files = {
        ELECTION_JSON: election_json_bytes(election.info),
        RESULTS_CSV: results_csv_bytes(election),
    }
    if suffix == ".zip":
        import zipfile

        tmp = p.with_name(p.name + ".part")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(f"{p.stem}/{name}", data)
        tmp.replace(p)
        return
    p.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        tmp = p / (name + ".part")
        tmp.write_bytes(data)
        tmp.replace(p / name)
