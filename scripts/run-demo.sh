#!/usr/bin/env bash
# Set everything up and start Privacy Desktop connected to its built-in demo portal.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh runtime
launch=(scripts/with-keyring.sh .venv/bin/privacy-desktop --demo "$@")
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = "Linux" ] \
   && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  echo "No display found: starting on a virtual X server (xvfb-run)." >&2
  launch=(xvfb-run -a "${launch[@]}")
fi
exec "${launch[@]}"
