"""Generate a synthetic, internally consistent election package (format ``sanaq/1``).

    python benchmarks/generate.py OUT_DIR --stations 100000 --parties 30 [--levels 4]
        [--seed 1] [--observer-share 0.0] [--zip] [--errors N] [--regions R]

Every station balances (valid = sum of votes, valid + invalid = ballots_cast,
ballots_received = issued + unused + spoiled, ballots_cast <= issued and <= registered),
every parent's counts are exactly the sums of its children's, and every published
percentage is the round-half-up of the exact ratio to 2 decimals (integer arithmetic).
``--errors N`` then perturbs N vote counts on official station/district rows and reports
them on standard error. Only numpy and the standard library are used.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

COUNT_FIELDS = [
    "registered",
    "ballots_received",
    "ballots_issued",
    "ballots_unused",
    "ballots_spoiled",
    "ballots_cast",
    "invalid",
    "valid",
]
REG, RECEIVED, ISSUED, UNUSED, SPOILED, CAST, INVALID, VALID = range(len(COUNT_FIELDS))
NF = len(COUNT_FIELDS)

REGION_NAMES = [
    "Ақмола облысы",
    "Ақтөбе облысы",
    "Алматы облысы",
    "Атырау облысы",
    "Шығыс Қазақстан облысы",
    "Жамбыл облысы",
    "Батыс Қазақстан облысы",
    "Қарағанды облысы",
    "Қостанай облысы",
    "Қызылорда облысы",
    "Маңғыстау облысы",
    "Павлодар облысы",
    "Солтүстік Қазақстан облысы",
    "Түркістан облысы",
    "Нұр-Сұлтан қаласы",
    "Алматы қаласы",
    "Шымкент қаласы",
]
PLACE_NAMES = [
    "Ақтөбе",
    "Өскемен",
    "Қарағанды",
    "Түркістан",
    "Жаңаөзен",
    "Көкшетау",
    "Қызылорда",
    "Үржар",
    "Әйтеке би",
    "Ұлытау",
    "Іле",
    "Шұбарқұдық",
    "Сарыағаш",
    "Екібастұз",
    "Бөрлі",
    "Жәнібек",
]
PARTY_WORDS = [
    "Нұр",
    "Ақ жол",
    "Ауыл",
    "Адал",
    "Халық",
    "Жаңа",
    "Болашақ",
    "Бірлік",
    "Азат",
    "Отан",
    "Ұлт",
    "Жасыл",
    "Еңбек",
    "Әділет",
    "Тәуелсіздік",
    "Өрлеу",
]

ROWS_PER_CHUNK = 50_000


def split_sizes(rng: np.random.Generator, total: int, parts: int) -> np.ndarray:
    """Random sizes, each at least 1, summing to ``total``."""
    extra = rng.multinomial(total - parts, rng.dirichlet(np.full(parts, 5.0)))
    return extra + 1


def party_names(n: int) -> list[str]:
    names = []
    for i in range(n):
        word = PARTY_WORDS[i % len(PARTY_WORDS)]
        cycle = i // len(PARTY_WORDS)
        names.append(f"«{word}» партиясы" + (f" {cycle + 1}" if cycle else ""))
    return names


def station_counts(
    rng: np.random.Generator, n: int, shares: np.ndarray, turnout_bias: np.ndarray
) -> np.ndarray:
    """Counts (n, NF + parties) of n balanced station protocols."""
    parties = len(shares)
    out = np.empty((n, NF + parties), dtype=np.int64)
    registered = rng.integers(150, 3001, n)
    turnout = np.clip(rng.normal(0.63, 0.1, n) + turnout_bias, 0.15, 0.98)
    cast = rng.binomial(registered, turnout)
    issued = cast + rng.binomial(registered - cast, 0.004)  # a few ballots taken away
    spoiled = rng.poisson(1.0, n)
    unused = (registered - issued) + rng.integers(0, 30, n)
    invalid = rng.binomial(cast, rng.uniform(0.002, 0.04, n))
    valid = cast - invalid
    out[:, REG] = registered
    out[:, RECEIVED] = issued + unused + spoiled
    out[:, ISSUED] = issued
    out[:, UNUSED] = unused
    out[:, SPOILED] = spoiled
    out[:, CAST] = cast
    out[:, INVALID] = invalid
    out[:, VALID] = valid
    # Party votes: noisy shares, floored, remainder to the station's largest share.
    weights = shares * np.exp(rng.normal(0.0, 0.35, (n, parties)))
    weights /= weights.sum(axis=1, keepdims=True)
    votes = np.floor(valid[:, None] * weights).astype(np.int64)
    rest = valid - votes.sum(axis=1)
    votes[np.arange(n), weights.argmax(axis=1)] += rest
    out[:, NF:] = votes
    return out


def hundredths(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """round-half-up(100 * num / den, 2 decimals) in hundredths; -1 where den == 0."""
    safe = np.where(den > 0, den, 1)
    q = (20000 * num + safe) // (2 * safe)
    return np.where(den > 0, q, -1)


# "0.00" .. "100.00" by hundredths; index -1 (no base) gives the empty cell.
PCT_TEXT = [f"{i // 100}.{i % 100:02d}" for i in range(10001)] + [""]


def fmt_pct(q: np.ndarray) -> list[str]:
    if q.size and q.max() > 10000:  # not reached: every numerator <= its base
        return [f"{a // 100}.{a % 100:02d}" if a >= 0 else "" for a in q.tolist()]
    return list(map(PCT_TEXT.__getitem__, q.tolist()))


def build(args: argparse.Namespace) -> dict:
    rng = np.random.default_rng(args.seed)
    n_st, n_p = args.stations, args.parties
    with_districts = args.levels == 4
    n_d = max(1, n_st // 100) if with_districts else 0
    lower = n_d if with_districts else n_st  # units directly under the regions
    n_r = args.regions or max(1, min(17, lower // 2 if with_districts else lower // 100))
    n_r = min(n_r, lower)

    # Tree: stations contiguous by district, districts contiguous by region.
    r_sizes = split_sizes(rng, lower, n_r)
    lower_region = np.repeat(np.arange(n_r), r_sizes)
    if with_districts:
        d_sizes = split_sizes(rng, n_st, n_d)
        st_parent = np.repeat(np.arange(n_d), d_sizes)
        st_region = lower_region[st_parent]
    else:
        st_parent = st_region = lower_region

    shares = 1.0 / np.arange(1, n_p + 1) ** 1.3
    shares /= shares.sum()
    region_bias = rng.normal(0.0, 0.08, n_r)
    st = np.empty((n_st, NF + n_p), dtype=np.int64)
    for lo in range(0, n_st, 200_000):
        hi = min(n_st, lo + 200_000)
        st[lo:hi] = station_counts(rng, hi - lo, shares, region_bias[st_region[lo:hi]])

    # Parents: exact int64 sums over contiguous blocks.
    if with_districts:
        dist = np.add.reduceat(st, np.r_[0, np.cumsum(d_sizes)[:-1]], axis=0)
        reg = np.add.reduceat(dist, np.r_[0, np.cumsum(r_sizes)[:-1]], axis=0)
    else:
        dist = np.empty((0, NF + n_p), dtype=np.int64)
        reg = np.add.reduceat(st, np.r_[0, np.cumsum(r_sizes)[:-1]], axis=0)
    nat = reg.sum(axis=0, keepdims=True)
    counts = np.concatenate([nat, reg, dist, st])

    width_d, width_s = len(str(max(n_d, 1))), len(str(n_st))
    r_ids = [f"R{i + 1:02d}" for i in range(n_r)]
    d_ids = [f"D{i + 1:0{width_d}d}" for i in range(n_d)]
    s_ids = [f"S{i + 1:0{width_s}d}" for i in range(n_st)]
    ids = ["N", *r_ids, *d_ids, *s_ids]
    names = ["Қазақстан Республикасы"]
    names += [REGION_NAMES[i % 17] + (f" {i // 17 + 1}" if i >= 17 else "") for i in range(n_r)]
    names += [f"{PLACE_NAMES[i % len(PLACE_NAMES)]} ауданы {i + 1}" for i in range(n_d)]
    names += [f"Учаске №{i + 1}" for i in range(n_st)]
    levels = ["nation"] + ["region"] * n_r + ["district"] * n_d + ["station"] * n_st
    parents = [""] + ["N"] * n_r
    if with_districts:
        parents += [r_ids[r] for r in lower_region.tolist()]
        parents += [d_ids[d] for d in st_parent.tolist()]
    else:
        parents += [r_ids[r] for r in lower_region.tolist()]

    # Published percentages, computed before any perturbation.
    pct = np.empty((len(ids), n_p + 2), dtype=np.int64)
    pct[:, :n_p] = hundredths(counts[:, NF:], counts[:, VALID : VALID + 1])
    pct[:, n_p] = hundredths(counts[:, CAST], counts[:, REG])
    pct[:, n_p + 1] = hundredths(counts[:, INVALID], counts[:, CAST])

    n_obs = round(args.observer_share * n_st)
    first_st = 1 + n_r + n_d
    obs_rows = first_st + np.sort(rng.choice(n_st, n_obs, replace=False)) if n_obs else []
    official = counts.copy() if n_obs and args.errors else counts

    if args.errors:
        # About half on districts (when there are any), the rest on stations.
        on_d = min(n_d, int(rng.binomial(args.errors, 0.5)) if n_d else 0)
        on_s = min(n_st, args.errors - on_d)
        rows = np.concatenate(
            [
                1 + n_r + rng.choice(n_d, on_d, replace=False),
                first_st + rng.choice(n_st, on_s, replace=False),
            ]
        )
        for row in sorted(rows.tolist()):
            col = NF + int(rng.integers(n_p))
            old = int(official[row, col])
            delta = int(rng.choice([-5, -4, -3, -2, -1, 1, 2, 3, 4, 5]))
            if old + delta < 0:
                delta = -delta
            official[row, col] = old + delta
            print(
                f"error: {ids[row]} ({levels[row]}, official) votes:P{col - NF + 1:02d} "
                f"{old} -> {old + delta}",
                file=sys.stderr,
            )
    return {
        "ids": ids,
        "names": names,
        "levels": levels,
        "parents": parents,
        "official": official,
        "observer": counts,
        "obs_rows": obs_rows,
        "pct": pct,
        "n_parties": n_p,
        "with_districts": with_districts,
    }


def write_rows(fh, data: dict, rows: np.ndarray, source: str, counts: np.ndarray) -> None:
    for lo in range(0, len(rows), ROWS_PER_CHUNK):
        idx = rows[lo : lo + ROWS_PER_CHUNK]
        il = idx.tolist()
        cols: list[list[str]] = [
            [data["ids"][i] for i in il],
            [data["names"][i] for i in il],
            [data["levels"][i] for i in il],
            [data["parents"][i] for i in il],
            [source] * len(il),
        ]
        cols += [list(map(str, c)) for c in counts[idx].T.tolist()]
        cols += [fmt_pct(c) for c in data["pct"][idx].T]
        fh.write("\n".join(map(",".join, zip(*cols, strict=True))))
        fh.write("\n")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--stations", type=int, default=100_000)
    p.add_argument("--parties", type=int, default=30)
    p.add_argument("--levels", type=int, choices=[3, 4], default=4)
    p.add_argument("--regions", type=int, default=0, help="number of regions (default: up to 17)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--observer-share", type=float, default=0.0)
    p.add_argument("--zip", action="store_true", help="also write OUT_DIR.zip")
    p.add_argument("--errors", type=int, default=0)
    args = p.parse_args()
    if args.stations < 1 or args.parties < 1 or not 0.0 <= args.observer_share <= 1.0:
        p.error("need --stations >= 1, --parties >= 1 and 0 <= --observer-share <= 1")

    t0 = time.perf_counter()
    data = build(args)
    n_p = data["n_parties"]
    codes = [f"P{i + 1:02d}" for i in range(n_p)]
    ballot_order = (np.random.default_rng(args.seed + 1).permutation(n_p) + 1).tolist()
    levels = ["nation", "region", "district", "station"]
    if not data["with_districts"]:
        levels.remove("district")
    election = {
        "format": "sanaq/1",
        "name": f"Synthetic election ({args.stations} stations, {n_p} parties, seed {args.seed})",
        "date": "2021-01-10",
        "levels": levels,
        "contestants": [
            {"code": c, "name": n, "ballot_order": b, "registration_order": i + 1}
            for i, (c, n, b) in enumerate(zip(codes, party_names(n_p), ballot_order, strict=True))
        ],
        "percent_base": {
            "party": "valid",
            "invalid": "ballots_cast",
            "valid": "ballots_cast",
            "turnout": "registered",
        },
        "pct_decimals": 2,
    }
    out: Path = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    (out / "election.json").write_text(
        json.dumps(election, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    header = ["unit_id", "unit_name", "level", "parent_id", "source", *COUNT_FIELDS]
    header += [f"votes:{c}" for c in codes]
    header += [f"pct:{c}" for c in codes] + ["pct:turnout", "pct:invalid"]
    with open(out / "results.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        all_rows = np.arange(len(data["ids"]))
        write_rows(fh, data, all_rows, "official", data["official"])
        if len(data["obs_rows"]):
            write_rows(fh, data, np.asarray(data["obs_rows"]), "observer", data["observer"])
    if args.zip:
        zpath = out.with_name(out.name + ".zip")
        with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in ("election.json", "results.csv"):
                zf.write(out / name, f"{out.name}/{name}")
    n_rows = len(data["ids"]) + len(data["obs_rows"])
    print(
        f"wrote {out} ({n_rows} rows, {n_p} parties) in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
