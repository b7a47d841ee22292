#!/usr/bin/env bash
# Set everything up and run the whole test suite with its gates:
# lint (ruff), types (mypy --strict), layer contracts (import-linter), the translation
# catalogue (complete, in sync with the sources), then pytest against real parts (demo portal
# over HTTP on 127.0.0.1, a real Secret Service, offscreen Qt widgets).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE=1
echo "== ruff";          .venv/bin/ruff check privacy_desktop tests benchmarks scripts
                         .venv/bin/ruff format --check privacy_desktop tests benchmarks scripts
echo "== mypy --strict"; .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== translations";  .venv/bin/python scripts/check_translations.py
echo "== pytest"
PRIVACY_DESKTOP_PRIVATE_KEYRING=1 exec scripts/with-keyring.sh .venv/bin/pytest "$@"
