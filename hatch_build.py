"""Build hook: compile the Qt translation catalogues (.ts → .qm) into the package.

The .qm files are build artefacts (never committed, see STYLE.md rule 11); every build —
wheel, sdist-to-wheel and editable install — runs pyside6-lrelease so the catalogue the
application loads always matches translations/*.ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _lrelease() -> list[str]:
    exe = shutil.which("pyside6-lrelease")
    if exe:
        return [exe]
    scripts = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (scripts / name).exists():
            return [str(scripts / name)]
    # PySide6 ships lrelease as a module entry point as well.
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", "lrelease"]


def compile_translations(root: Path) -> list[Path]:
    source_dir = root / "translations"
    target_dir = root / "privacy_desktop" / "i18n"
    target_dir.mkdir(parents=True, exist_ok=True)
    built: list[Path] = []
    for ts_file in sorted(source_dir.glob("*.ts")):
        qm_file = target_dir / (ts_file.stem + ".qm")
        subprocess.run(
            [*_lrelease(), "-silent", str(ts_file), "-qm", str(qm_file)],
            check=True,
        )
        built.append(qm_file)
    return built


class TranslationsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        built = compile_translations(Path(self.root))
        if self.target_name == "wheel" and version != "editable":
            for qm_file in built:
                rel = qm_file.relative_to(self.root).as_posix()
                build_data["force_include"][str(qm_file)] = rel


if __name__ == "__main__":
    for path in compile_translations(Path(__file__).resolve().parent):
        print(path)
