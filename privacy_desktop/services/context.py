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
from privacy_desktop.security.vault import Vault, VaultSecretStore
from privacy_desktop.services.inventory import InventoryService
from privacy_desktop.services.os_account import current_os_user
from privacy_desktop.services.portals import PortalService
from privacy_desktop.services.scanning import ScanService
from privacy_desktop.services.security import SecurityService
from privacy_desktop.services.store_access import StoreAccess
from privacy_desktop.settings import SettingsStore


@dataclass
class AppContext:
    """What every part of the application shares.

    Attributes:
        paths: the application's directories.
        settings: the settings file.
        vault: the OS keyring.
        portals: the configured portals and their credentials.
        security: two-step verification, the session lock and the audit log.
        store: the encrypted inventory store (opened on first use: it reads the keyring).
        scanning: scans portals into the store.
        inventory: reads the inventory (summaries, history, drill-down, reveal).
    """

    paths: AppPaths
    settings: SettingsStore
    vault: Vault
    portals: PortalService
    security: SecurityService
    store: StoreAccess
    scanning: ScanService
    inventory: InventoryService

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
        (on the vault executor in the GUI) before the first secret is needed. The audit log
        is opened on its first use, because opening it reads its signing key from the
        keyring; the settings file is read once for the idle time-out.

        Raises:
            OSError: a directory or the log file cannot be created.
        """
        paths.ensure()
        install_logging(paths.log_dir, log_level)
        settings = SettingsStore(paths.settings_file)
        profile = vault_profile(paths)
        vault = Vault(service=keyring_service, profile=profile)
        security = SecurityService(
            VaultSecretStore(vault),
            paths.data_dir,
            profile,
            settings,
            account=authenticator_label(profile),
        )
        portals = PortalService(settings, vault, recorder=security.audit.record_safely)
        store = StoreAccess(paths.data_dir, VaultSecretStore(vault))
        # Locking the session drops the open store (its key and decrypted pages).
        security.session.caches.register(store)
        return cls(
            paths=paths,
            settings=settings,
            vault=vault,
            portals=portals,
            security=security,
            store=store,
            scanning=ScanService(
                portals, store, paths.data_dir, recorder=security.audit.record_safely
            ),
            inventory=InventoryService(store, recorder=security.audit.record_safely),
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


def authenticator_label(profile: str) -> str:
    """The account name the authenticator app shows beside "Privacy Desktop".

    The operating-system user; an installation with its own data directory adds its profile,
    so that two entries in one authenticator app can be told apart.
    """
    user = current_os_user() or "Privacy Desktop"
    return user if profile == "default" else f"{user} ({profile})"
