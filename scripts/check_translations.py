"""Translation gate: translations/uk.ts is in sync with the sources and complete.

``python scripts/check_translations.py``          check (CI): exit 1 on any problem
``python scripts/check_translations.py --update`` run lupdate on translations/uk.ts in place
                                                 (strings gone from the sources leave it)

Checks: lupdate would not change the catalogue (no new, changed or vanished strings), no entry
is unfinished, vanished or obsolete, every plural entry has the three Ukrainian forms filled in,
and every translation keeps the placeholders (%1, %2, %n) of its source.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "translations" / "uk.ts"
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def lupdate(target: Path, *, drop_vanished: bool = False) -> None:
    exe = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "privacy_desktop").rglob("*.py"))
    subprocess.run(
        [
            exe,
            *sources,
            *(["-no-obsolete"] if drop_vanished else []),
            *("-locations", "none", "-target-language", "uk", "-ts", str(target)),
        ],
        check=True,
        capture_output=True,
    )


def problems_in(catalogue: Path) -> list[str]:
    problems: list[str] = []
    root = ET.parse(catalogue).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            where = f"{name}: {source[:60]!r}"
            if translation is None:
                problems.append(f"{where}: no translation element")
                continue
            kind = translation.get("type")
            if kind in {"unfinished", "vanished", "obsolete"}:
                problems.append(f"{where}: {kind}")
                continue
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if len(forms) != 3 or not all(forms):
                    problems.append(f"{where}: needs the three Ukrainian plural forms")
                texts = forms
            else:
                texts = [translation.text or ""]
                if not texts[0]:
                    problems.append(f"{where}: empty translation")
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            for text in texts:
                got = sorted(set(PLACEHOLDER.findall(text)))
                # A singular plural form may spell the number out ("одну"), so %n is optional.
                if message.get("numerus") == "yes":
                    got = sorted(set(got) | {"%n"} & set(wanted))
                if got != wanted:
                    problems.append(f"{where}: placeholders {got} != {wanted}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="update translations/uk.ts")
    args = parser.parse_args()
    if args.update:
        # Strings removed from the sources leave the catalogue with the update.
        lupdate(CATALOGUE, drop_vanished=True)
        print(f"updated {CATALOGUE.relative_to(ROOT)}")
        return 0
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "uk.ts"
        shutil.copyfile(CATALOGUE, fresh)
        lupdate(fresh)
        if fresh.read_bytes() != CATALOGUE.read_bytes():
            problems.append(
                "translations/uk.ts is out of date: run "
                "`.venv/bin/python scripts/check_translations.py --update` and translate"
            )
        problems += problems_in(fresh)
    for problem in problems:
        print(f"translations: {problem}", file=sys.stderr)
    if problems:
        return 1
    print("translations: uk.ts complete and in sync")
    return 0


if __name__ == "__main__":
    sys.exit(main())
