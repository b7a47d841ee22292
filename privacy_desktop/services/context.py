"""The application context: the long-lived objects, built once and passed down explicitly.

app.py and cli.py build it; views and commands receive it through their constructors (no
registry reached from everywhere, STYLE.md rule 3).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

from privacy_desktop.paths import AppPaths
from privacy_desktop.security.redaction import install_logging
from privacy_desktop.security.vault import Vault
from privacy_desktop.services.portals import PortalService
from privacy_desktop.settings import SettingsStore


@dataclass
class AppContext:
    """What every part of the application shares.

    Attributes:
        paths: the application's directories.
        settings: the settings file.
        vault: the OS keyring.
        portals: the configured portals and their credentials.
    """

    paths: AppPaths
    settings: SettingsStore
    vault: Vault
    portals: PortalService

    @classmethod
    def build(
        cls,
        paths: AppPaths,
        *,
        keyring_service: str = "privacy-desktop",
        log_level: int = logging.INFO,
    ) -> AppContext:
        """Create the directories, start redacted logging and wire the services.

        Nothing here touches the keyring or the network; call ``vault.ensure_available()``
        (on the vault executor in the GUI) before the first secret is needed.

        Raises:
            OSError: a directory or the log file cannot be created.
        """
        paths.ensure()
        install_logging(paths.log_dir, log_level)
        settings = SettingsStore(paths.settings_file)
        vault = Vault(service=keyring_service, profile=vault_profile(paths))
        return cls(
            paths=paths,
            settings=settings,
            vault=vault,
            portals=PortalService(settings, vault),
        )


def vault_profile(paths: AppPaths) -> str:
    """The keyring namespace of an installation: ``default``, or one per ``--data-dir``.

    Two data directories may both have a portal called "Main"; their secrets must not
    overwrite each other, so a data directory other than the standard one gets its own
    namespace (derived from its absolute path).
    """
    if paths == AppPaths.default():
        return "default"
    digest = hashlib.sha256(str(paths.data_dir.absolute()).encode("utf-8")).hexdigest()
    return f"dir-{digest[:16]}"
