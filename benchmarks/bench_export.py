"""Time the audited-workbook export and report the peak memory, for the sample and a big package.

    python benchmarks/generate.py /tmp/g100k --stations 100000 --parties 30
    python benchmarks/bench_export.py [/tmp/g100k ...]

Each package runs in its own process so the peak resident memory is that export's own.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_one(package: str) -> None:
    sys.path.insert(0, str(ROOT))
    from core.cli.audit import SAMPLE
    from core.export.workbook import export_workbook
    from core.opener.load import load
    from core.rules.audit import run_audit

    path = SAMPLE if package == "sample" else Path(package)
    t0 = time.perf_counter()
    election = load(path)
    t1 = time.perf_counter()
    result = run_audit(election)
    t2 = time.perf_counter()
    cpu0 = time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "audited.xlsx"
        export_workbook(result, out, inputs=[path])
        t3 = time.perf_counter()
        cpu = time.process_time() - cpu0
        size = out.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        f"{package}: {len(election.units):,} units, {len(result.findings):,} findings; "
        f"load {t1 - t0:.2f} s, audit {t2 - t1:.2f} s, export {t3 - t2:.2f} s "
        f"(CPU {cpu:.2f} s; the machine may be shared) "
        f"({size / 1e6:.1f} MB); peak RSS {peak:.0f} MiB"
    )


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        run_one(argv[1])
        return
    for package in ["sample", *(argv or ["/tmp/g100k"])]:
        if package != "sample" and not Path(package).exists():
            print(f"{package}: missing; make it with benchmarks/generate.py")
            continue
        subprocess.run([sys.executable, __file__, "--one", package], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
