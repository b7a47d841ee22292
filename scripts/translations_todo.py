"""Hand the unfinished entries of translations/uk.ts to a translator and take them back.

``python scripts/translations_todo.py dump > todo.json``   unfinished entries as JSON
``python scripts/translations_todo.py fill done.json``     write the translations back

The JSON is a list of objects ``{"context", "source", "comment", "plural", "translation"}``;
``translation`` is a string, or for plural entries a list of the three Ukrainian forms
(one, few, many). Run ``check_translations.py --update`` afterwards: lupdate rewrites the
file in its own layout.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

CATALOGUE = Path(__file__).resolve().parent.parent / "translations" / "uk.ts"


def _unfinished(root: ET.Element) -> list[tuple[str, ET.Element]]:
    found: list[tuple[str, ET.Element]] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") == "unfinished":
                found.append((name, message))
    return found


def dump() -> int:
    root = ET.parse(CATALOGUE).getroot()
    entries: list[dict[str, Any]] = []
    for context, message in _unfinished(root):
        plural = message.get("numerus") == "yes"
        entries.append(
            {
                "context": context,
                "source": message.findtext("source") or "",
                "comment": message.findtext("comment") or message.findtext("extracomment") or "",
                "plural": plural,
                "translation": ["", "", ""] if plural else "",
            }
        )
    json.dump(entries, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def fill(done: Path) -> int:
    tree = ET.parse(CATALOGUE)
    wanted = {
        (entry["context"], entry["source"]): entry["translation"]
        for entry in json.loads(done.read_text(encoding="utf-8"))
    }
    filled = 0
    for context, message in _unfinished(tree.getroot()):
        value = wanted.get((context, message.findtext("source") or ""))
        translation = message.find("translation")
        if not value or translation is None:
            continue
        if message.get("numerus") == "yes":
            if not isinstance(value, list) or len(value) != 3 or not all(value):
                continue
            for child in list(translation):
                translation.remove(child)
            for form in value:
                ET.SubElement(translation, "numerusform").text = form
        elif isinstance(value, str):
            translation.text = value
        else:
            continue
        del translation.attrib["type"]
        filled += 1
    tree.write(CATALOGUE, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} entries", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump")
    fill_parser = sub.add_parser("fill")
    fill_parser.add_argument("done", type=Path)
    args = parser.parse_args()
    return dump() if args.command == "dump" else fill(args.done)


if __name__ == "__main__":
    raise SystemExit(main())
