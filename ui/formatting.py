"""Numbers and field names as people read them: QLocale digits, translated labels."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QLocale

from core.model.election import ElectionInfo, is_pct

NOT_REPORTED = "—"  # an em dash: visibly not a zero

_LINE_LABELS = {
    "registered": QT_TR_NOOP("Registered voters"),
    "ballots_received": QT_TR_NOOP("Ballots received"),
    "ballots_issued": QT_TR_NOOP("Ballots issued"),
    "ballots_unused": QT_TR_NOOP("Ballots unused"),
    "ballots_spoiled": QT_TR_NOOP("Ballots spoiled"),
    "ballots_lost": QT_TR_NOOP("Ballots lost"),
    "ballots_unaccounted": QT_TR_NOOP("Ballots unaccounted"),
    "ballots_cast": QT_TR_NOOP("Ballots cast"),
    "invalid": QT_TR_NOOP("Invalid ballots"),
    "valid": QT_TR_NOOP("Valid ballots"),
}
_PCT_LABELS = {
    "turnout": QT_TR_NOOP("Turnout %"),
    "invalid": QT_TR_NOOP("Invalid %"),
    "valid": QT_TR_NOOP("Valid %"),
}


_SOURCE_LABELS = {"official": QT_TR_NOOP("Official"), "observer": QT_TR_NOOP("Observer")}


def source_label(source: str) -> str:
    return tr(_SOURCE_LABELS.get(source, source))


def display_locale(locale: QLocale | None = None) -> QLocale:
    """The locale numbers are shown in; the C locale too gets a thousands separator."""
    loc = QLocale(locale) if locale is not None else QLocale()
    loc.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return loc


def tr(text: str) -> str:
    """Qt's translation of a text; the context is empty because that is where pyside6-lupdate
    files every bare tr("...") it finds in these modules (and QT_TR_NOOP markers)."""
    return QCoreApplication.translate("", text)


def field_label(info: ElectionInfo, name: str) -> str:
    """The column header of a field: a protocol line, a contestant's votes, %, or seats."""
    kind, _, code = name.partition(":")
    if not code:
        return tr(_LINE_LABELS.get(name, name.replace("_", " ")))
    if kind == "pct" and code in _PCT_LABELS:
        return tr(_PCT_LABELS[code])
    names = {c.code: c.name for c in info.contestants}
    who = names.get(code, code)
    if kind == "pct":
        return tr("%1 %").replace("%1", who)
    if kind == "seats":
        return tr("%1 seats").replace("%1", who)
    return who


def header_label(info: ElectionInfo, name: str, width: int = 14, lines: int = 3) -> str:
    """A column header folded onto a few short lines, so narrow columns can show it whole."""
    words = field_label(info, name).split()
    out: list[str] = []
    for word in words:
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
        if len(out[-1]) > width:
            out[-1] = out[-1][: width - 1] + "…"
    return "\n".join(out)


def format_value(locale: QLocale, name: str, value: int | float | None, decimals: int) -> str:
    if value is None:
        return NOT_REPORTED
    if is_pct(name):
        return locale.toString(float(value), "f", decimals)
    return locale.toString(int(value))


def editable_text(locale: QLocale, name: str, value: int | float | None) -> str:
    """What the editor starts with: the bare number, with the locale's decimal point."""
    if value is None:
        return ""
    if is_pct(name):
        return f"{float(value):g}".replace(".", locale.decimalPoint())
    return str(int(value))
