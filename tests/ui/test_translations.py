"""The app speaks the user's language through Qt's translators, and every string is extractable."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from ui import translations

ROOT = Path(__file__).resolve().parents[2]


def test_russian_locale_translates_qt_dialogs(qapp: QApplication) -> None:
    loaded = translations.install(qapp, QLocale(QLocale.Language.Russian))
    try:
        assert loaded  # Qt's own qtbase_ru ships with PySide6
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
    finally:
        for t in loaded:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert translations.install(qapp, QLocale(QLocale.Language.English)) == []


def _sources(ts: Path) -> set[str]:
    return set(re.findall(r"<source>(.*?)</source>", ts.read_text(encoding="utf-8"), re.S))


def test_translation_sources_hold_every_string_the_ui_shows(tmp_path: Path) -> None:
    # A string added to ui/ without re-running packaging/update_translations.sh would stay
    # English for Russian and Kazakh users: extract afresh and compare.
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    beside = Path(sys.executable).parent / "pyside6-lupdate"  # pip puts it by the interpreter
    lupdate = str(beside) if beside.exists() else "pyside6-lupdate"
    subprocess.run([lupdate, *files, "-ts", str(fresh)], check=True, capture_output=True)
    committed = _sources(translations.TRANSLATIONS / "sanaq_ru.ts")
    assert _sources(fresh) == committed
    assert committed == _sources(translations.TRANSLATIONS / "sanaq_kk.ts")
    assert "&amp;Undo %1" in committed
