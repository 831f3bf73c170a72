"""Installs the console's translations: every ``resources/i18n/*_<lang>.qm``
(one per UI module) plus Qt's own strings for standard dialogs.

Language: the setting if one is chosen, otherwise the system locale;
Chinese locales get Simplified Chinese, everything else English (the source
language of the code).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"

_installed: list[QTranslator] = []
_kept: list[bytes] = []  # the bytes each installed translator reads from
MAX_QM_BYTES = 8 * 1024 * 1024  # ours are a few kilobytes each; anything past this is not one of them


def choose_language(setting: str) -> str:
    if setting:
        return setting
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install(app: QCoreApplication, language: str) -> list[str]:
    """Install the translators for ``language``; returns the files loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _kept.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return []
    QLocale.setDefault(QLocale(language))
    loaded: list[str] = []
    for qm in sorted(I18N.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        # read into memory, not loaded by name: Qt maps a file loaded by name, and a rebuild or an
        # upgrade rewriting it while the console runs killed the console (SIGBUS). Qt reads these
        # bytes in place, so they are kept as long as the translator is installed.
        data = qm.read_bytes() if qm.stat().st_size <= MAX_QM_BYTES else b""
        if data and translator.load(data):
            app.installTranslator(translator)
            _installed.append(translator)
            _kept.append(data)
            loaded.append(qm.name)
        else:
            log.warning("translation %s could not be loaded", qm)
    qt = QTranslator(app)
    if qt.load(
        QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    if not loaded:
        log.warning("no translations found for %s in %s (run the set-up to build them)", language, I18N)
    return loaded


def is_chinese(language: str) -> bool:
    return language.startswith("zh")
