#!/usr/bin/env bash
# Run a command with a Secret Service available.
# On a desktop session whose keyring already answers, the command runs as it is. Otherwise
# (a headless machine, CI) it runs on a private D-Bus session with a gnome-keyring unlocked by a
# throw-away password; secrets stored there live only as long as that session.
set -euo pipefail
if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ "${PRIVACY_DESKTOP_PRIVATE_KEYRING:-0}" != "1" ]; then
  exec "$@"
fi
password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export KEYRING_UNLOCK_PASSWORD="$password"
exec dbus-run-session -- sh -c '
  printf %s "$KEYRING_UNLOCK_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  unset KEYRING_UNLOCK_PASSWORD
  exec "$@"' sh "$@"
