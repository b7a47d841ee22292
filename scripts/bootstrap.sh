#!/usr/bin/env bash
# Set up everything Privacy Desktop needs on this machine, idempotently:
#   1. the Debian/Ubuntu packages Qt, the keyring and the tests need (apt-get; sudo if not root),
#   2. a virtual environment in .venv with the project installed (editable) and its extras,
#   3. the compiled translations (the build hook runs pyside6-lrelease).
# Usage: scripts/bootstrap.sh [runtime|test|bench]   (default: runtime)
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${1:-runtime}"
PYTHON="${PYTHON:-python3}"

# Qt's xcb/offscreen runtime libraries, the Secret Service (gnome-keyring on a D-Bus session),
# a virtual X server for headless runs, and the tools the tests drive (age, pdftotext).
runtime_packages=(
  dbus dbus-x11 gnome-keyring libsecret-1-0
  libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-xkb1 libx11-xcb1 fonts-dejavu-core
  xvfb xauth
)
test_packages=(age poppler-utils openssh-client openssl)

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || {
    echo "Not a Debian/Ubuntu system: install Qt 6 runtime libraries and a Secret Service yourself (see README)." >&2
    return 0
  }
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

packages=("${runtime_packages[@]}")
[ "$profile" = "runtime" ] || packages+=("${test_packages[@]}")
install_debian_packages "${packages[@]}"

"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
  echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
  exit 1
}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# The build hook compiles translations with pyside6-lrelease from the environment it runs in,
# so install the build requirements first and build without isolation (one PySide6 download).
.venv/bin/python -m pip install -q "hatchling>=1.25" "PySide6-Essentials>=6.8,!=6.12.0,<7"
extras="."
case "$profile" in
  test) extras=".[test]" ;;
  bench) extras=".[test,bench]" ;;
esac
.venv/bin/python -m pip install -q --no-build-isolation -e "$extras"
