#!/usr/bin/env bash
# Run a command with a Secret Service available.
# On a desktop session whose keyring already answers, the command runs as it is. Otherwise
# (a headless machine, CI), or when PRIVACY_DESKTOP_PRIVATE_KEYRING=1, it runs on a private
# D-Bus session with a gnome-keyring of its own: kept in a temporary directory, unlocked by a
# throw-away password, deleted afterwards — its secrets live only as long as the command.
set -euo pipefail
if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ "${PRIVACY_DESKTOP_PRIVATE_KEYRING:-0}" != "1" ]; then
  exec "$@"
fi
keyring_home="$(mktemp -d "${TMPDIR:-/tmp}/privacy-desktop-keyring.XXXXXX")"
trap 'rm -rf "$keyring_home"' EXIT
export KEYRING_HOME="$keyring_home"
export KEYRING_UNLOCK_PASSWORD="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
status=0
dbus-run-session -- sh -c '
  # Only the daemon gets the temporary data home: the application keeps its own paths.
  printf %s "$KEYRING_UNLOCK_PASSWORD" \
    | XDG_DATA_HOME="$KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  unset KEYRING_UNLOCK_PASSWORD KEYRING_HOME
  exec "$@"' sh "$@" || status=$?
exit "$status"
