"""Guess which field each column of an imported table holds, from headers in en, ru and kk."""

from __future__ import annotations

import re

from core.model.election import PROTOCOL_FIELDS, STRUCTURE_COLUMNS, ElectionInfo

IGNORE = ""
PARENT_NAME = "parent_name"  # an import-only target: the parent named, not given by id
# Whole headers (after normalising) that name a field; a field's own name always counts.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "unit_id": (
        "id",
        "unit id",
        "code",
        "код",
        "код участка",
        "номер",
        "номер участка",
        "№",
        "№ участка",
        "коды",
        "нөмірі",
        "учаске нөмірі",
    ),
    "unit_name": (
        "name",
        "unit",
        "unit name",
        "region",
        "district",
        "station",
        "polling station",
        "название",
        "наименование",
        "регион",
        "область",
        "район",
        "участок",
        "избирательный участок",
        "территория",
        "округ",
        "атауы",
        "аймақ",
        "облыс",
        "аудан",
        "учаске",
        "сайлау учаскесі",
    ),
    "parent_id": ("parent", "parent id", "родитель", "вышестоящий", "жоғары тұрған"),
    "level": ("level", "уровень", "деңгей"),
    "source": ("source", "источник", "дереккөз"),
    "registered": (
        "registered",
        "registered voters",
        "voters",
        "electorate",
        "число избирателей",
        "количество избирателей",
        "избиратели",
        "сайлаушылар саны",
        "сайлаушылар",
    ),
    "ballots_received": ("ballots received", "получено бюллетеней", "алынған бюллетеньдер"),
    "ballots_issued": ("ballots issued", "выдано бюллетеней", "берілген бюллетеньдер"),
    "ballots_unused": (
        "unused ballots",
        "погашенные бюллетени",
        "неиспользованные бюллетени",
        "пайдаланылмаған бюллетеньдер",
    ),
    "ballots_spoiled": ("spoiled ballots", "испорченные бюллетени", "бүлінген бюллетеньдер"),
    "ballots_lost": ("lost ballots", "утраченные бюллетени", "жоғалған бюллетеньдер"),
    "ballots_unaccounted": (
        "unaccounted ballots",
        "неучтенные бюллетени",
        "есепке алынбаған бюллетеньдер",
    ),
    "ballots_cast": (
        "ballots cast",
        "votes cast",
        "total votes",
        "проголосовали",
        "приняли участие",
        "число проголосовавших",
        "дауыс бергендер",
        "дауыс бергендер саны",
        "сайлауға қатысқандар",
    ),
    "invalid": (
        "invalid",
        "invalid ballots",
        "invalid votes",
        "недействительные",
        "недействительные бюллетени",
        "жарамсыз",
        "жарамсыз бюллетеньдер",
    ),
    "valid": (
        "valid",
        "valid ballots",
        "valid votes",
        "действительные",
        "действительные бюллетени",
        "жарамды",
        "жарамды бюллетеньдер",
    ),
    "pct:turnout": (
        "turnout",
        "явка",
        "явка избирателей",
        "қатысу",
        "сайлаушылардың қатысуы",
        "сайлауға қатысу",
    ),
}
# Word beginnings that name a field in any grammatical case ("недействительных бюллетеней").
# Checked in this order, so the specific ballot lines come before the looser `registered`.
STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("unit_name", ("наименован",)),
    ("unit_name", ("назван",)),
    ("unit_name", ("атау",)),
    ("unit_name", ("name",)),
    ("ballots_unaccounted", ("неучт",)),
    ("ballots_unaccounted", ("unaccounted",)),
    ("ballots_unaccounted", ("есепке", "алынбаған")),
    ("ballots_received", ("получ",)),
    ("ballots_received", ("received",)),
    ("ballots_received", ("алынған",)),
    ("ballots_issued", ("выдан",)),
    ("ballots_issued", ("issued",)),
    ("ballots_issued", ("берілген", "бюллетен")),
    ("ballots_unused", ("погаш",)),
    ("ballots_unused", ("неиспольз",)),
    ("ballots_unused", ("unused",)),
    ("ballots_unused", ("пайдаланылмаған",)),
    ("ballots_spoiled", ("испорч",)),
    ("ballots_spoiled", ("spoil",)),
    ("ballots_spoiled", ("бүлін",)),
    ("ballots_lost", ("утрач",)),
    ("ballots_lost", ("lost",)),
    ("ballots_lost", ("жоғал",)),
    ("invalid", ("недейств",)),
    ("invalid", ("invalid",)),
    ("invalid", ("жарамсыз",)),
    ("valid", ("действит",)),
    ("valid", ("valid",)),
    ("valid", ("жарамды",)),
    ("pct:turnout", ("явк",)),
    ("pct:turnout", ("turnout",)),
    ("pct:turnout", ("қатысу",)),
    ("ballots_cast", ("проголос",)),
    ("ballots_cast", ("cast",)),
    ("ballots_cast", ("ящик",)),
    ("ballots_cast", ("дауыс", "берген")),
    ("registered", ("избирателе",)),
    ("registered", ("избиратели",)),
    ("registered", ("сайлаушы",)),
    ("registered", ("registered",)),
    ("registered", ("voters",)),
)
PERCENT_WORDS = (
    "%",
    "percent",
    "percentage",
    "pct",
    "процент",
    "процентов",
    "доля",
    "пайыз",
    "үлесі",
)
_PUNCT = re.compile(r"[^\w%№ ]+")
_SPACES = re.compile(r"\s+")


# Latin letters that look Cyrillic, as typed by mistake inside a Cyrillic word ("учаскe").
_TO_CYRILLIC = str.maketrans(
    "aceopxykmthb", "\u0430\u0441\u0435\u043e\u0440\u0445\u0443\u043a\u043c\u0442\u043d\u0432"
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def normalise(text: str) -> str:
    """Casefolded, yo as ye, punctuation dropped, runs of whitespace as one space."""
    t = text.casefold().replace("\u0451", "\u0435").replace("%", " % ")
    words = _SPACES.sub(" ", _PUNCT.sub(" ", t)).strip().split(" ")
    return " ".join(w.translate(_TO_CYRILLIC) if _CYRILLIC.search(w) else w for w in words)


_EXACT: dict[str, str] = {
    normalise(phrase): fld
    for fld, phrases in SYNONYMS.items()
    for phrase in (fld, fld.replace("_", " "), *phrases)
}


def targets(info: ElectionInfo) -> list[str]:
    """Every field a column may be mapped to, in the order a person reads them."""
    return [
        *STRUCTURE_COLUMNS,
        PARENT_NAME,
        *PROTOCOL_FIELDS,
        *info.extra_counts(),
        *(f"votes:{c}" for c in info.codes),
        *info.pct_fields(),
        *info.seat_fields(),
    ]


def guess_field(header: str, info: ElectionInfo) -> str:
    """The field a header most likely names, or IGNORE."""
    text = normalise(header)
    if not text:
        return IGNORE
    known = set(targets(info))
    raw = header.strip()
    if raw in known:
        return raw
    words = text.split()
    is_pct = any(w in PERCENT_WORDS for w in words) or text.startswith("pct ")
    core = " ".join(w for w in words if w not in PERCENT_WORDS and w != "pct")
    fld = _EXACT.get(core) or _contestant(core, info) or _by_stems(core.split())
    if not fld:
        return IGNORE
    if is_pct:
        fld = _as_pct(fld)
    return fld if fld in known else IGNORE


def _contestant(text: str, info: ElectionInfo) -> str:
    if text.startswith("votes "):
        text = text[len("votes ") :]
    for c in info.contestants:
        if text in (normalise(c.code), normalise(c.name)):
            return f"votes:{c.code}"
    # A longer header that contains a contestant's name ("голоса за Nur Otan"): longest first.
    for c in sorted(info.contestants, key=lambda c: -len(c.name)):
        name = normalise(c.name)
        if len(name) >= 3 and re.search(rf"(^| ){re.escape(name)}( |$)", text):
            return f"votes:{c.code}"
    return ""


def _by_stems(words: list[str]) -> str:
    for fld, stems in STEMS:
        if all(any(w.startswith(s) for w in words) for s in stems):
            return fld
    return ""


def _as_pct(fld: str) -> str:
    if fld.startswith("votes:"):
        return "pct:" + fld[len("votes:") :]
    if fld in ("invalid", "valid"):
        return "pct:" + fld
    if fld in ("registered", "ballots_cast"):
        return "pct:turnout"  # "% of voters who voted" names turnout
    return fld


def guess_mapping(header: list[str], info: ElectionInfo) -> dict[int, str]:
    """Column index to field for every column a field was guessed for; the first wins a tie."""
    out: dict[int, str] = {}
    used: set[str] = set()
    for i, h in enumerate(header):
        fld = guess_field(h, info)
        if fld and fld not in used:
            out[i] = fld
            used.add(fld)
    return out
