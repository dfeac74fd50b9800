"""Qt translators for the user's language: Qt's own dialogs, then Sanaq's strings if shipped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("en", "ru", "kk")


def install(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's and Sanaq's translations for the locale; English needs none.

    A missing file is no error: the strings stay English, as Qt does for any untranslated one.
    The app owns the translators (their Qt parent); they are returned for tests.
    """
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.English:
        return []  # the strings are written in English
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded: list[QTranslator] = []
    for name, folder in (("qtbase", qt_dir), ("sanaq", str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded
