"""Connecting portals: add (webhook or OAuth), check, open a client, remove.

Qt-free and blocking: every method may talk to the network or the keyring, so the GUI runs
them on its workers (the keyring on the vault executor). The order of an addition is always
the same: validate the input, check the connection, and only if it works store the secret
in the keyring and then the profile in the settings; a failure at any step leaves nothing
behind (or the previous state, when replacing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace as dc_replace

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage
from privacy_desktop.domain.portals import (
    AuthKind,
    ConnectionInfo,
    Plan,
    PortalLimits,
    PortalProfile,
)
from privacy_desktop.domain.progress import CancelToken
from privacy_desktop.portal.auth import (
    OAuthApp,
    OAuthSession,
    OAuthTokens,
    WebhookCredentials,
    authorize_url,
    exchange_code,
)
from privacy_desktop.portal.client import BitrixClient
from privacy_desktop.portal.introspection import read_connection_info
from privacy_desktop.portal.urls import parse_webhook_url
from privacy_desktop.security.audit_chain import AuditAction
from privacy_desktop.security.vault import SecretKind, Vault
from privacy_desktop.settings import Settings, SettingsStore, with_portal, without_portal

log = logging.getLogger(__name__)

#: Records a portal action in the audit log: (action, portal, details). The application
#: passes ``AuditTrail.record_safely``, which keeps a failed write instead of raising.
AuditRecorder = Callable[[AuditAction, str | None, Mapping[str, str]], object]

MAX_NAME_LENGTH = 64
#: Retries of a connection check: the person is waiting, and a portal that fails three
#: times in a row is better reported than retried for half a minute.
CHECK_RETRIES = 2

_AUTH_SECRETS: dict[AuthKind, tuple[SecretKind, ...]] = {
    AuthKind.WEBHOOK: (SecretKind.WEBHOOK_SECRET,),
    AuthKind.OAUTH: (SecretKind.OAUTH_TOKENS, SecretKind.OAUTH_CLIENT_SECRET),
}


class PortalNotFound(PrivacyDesktopError):
    """No portal of that name is configured."""

    def __init__(self, name: str) -> None:
        super().__init__(
            UserMessage(
                "PortalService",
                QT_TRANSLATE_NOOP("PortalService", "There is no portal named “%1”."),
                (name,),
            )
        )


class InvalidPortalName(PrivacyDesktopError):
    """The name is empty or too long."""

    def __init__(self) -> None:
        super().__init__(
            UserMessage(
                "PortalService",
                QT_TRANSLATE_NOOP(
                    "PortalService", "A portal name must have between 1 and %1 characters."
                ),
                (str(MAX_NAME_LENGTH),),
            )
        )


class PortalNameTaken(InvalidPortalName):
    """Another portal already has this name (names are compared ignoring case)."""

    def __init__(self, name: str) -> None:
        PrivacyDesktopError.__init__(
            self,
            UserMessage(
                "PortalService",
                QT_TRANSLATE_NOOP(
                    "PortalService",
                    "A portal named “%1” already exists. Choose another name or replace it.",
                ),
                (name,),
            ),
        )


class PortalSecretMissing(PrivacyDesktopError):
    """The profile exists but its secret is not in the keyring (deleted outside the app)."""

    def __init__(self, name: str) -> None:
        super().__init__(
            UserMessage(
                "PortalService",
                QT_TRANSLATE_NOOP(
                    "PortalService",
                    "The keyring holds no usable credential for the portal “%1”. It may have "
                    "been deleted in the keyring manager; add the portal again.",
                ),
                (name,),
            )
        )


def clean_name(name: str) -> str:
    """The name without surrounding blanks.

    Raises:
        InvalidPortalName: empty, too long, or containing control characters.
    """
    cleaned = name.strip()
    if not 1 <= len(cleaned) <= MAX_NAME_LENGTH or not cleaned.isprintable():
        raise InvalidPortalName()
    return cleaned


class PortalService:
    """The configured portals and their credentials.

    Args:
        settings: where profiles are kept.
        vault: where secrets are kept.
        timeout: seconds for one HTTP request to the portal or the OAuth server.
        recorder: records additions, removals and checks in the audit log (None: nothing).
            A failed write never undoes or fails the portal operation (the portal is
            connected or removed already); it is logged, and the recorder keeps it for the
            GUI to show.
    """

    def __init__(
        self,
        settings: SettingsStore,
        vault: Vault,
        *,
        timeout: float = 30.0,
        recorder: AuditRecorder | None = None,
    ) -> None:
        self._settings = settings
        self._vault = vault
        self._timeout = timeout
        self._recorder = recorder

    def list_portals(self) -> list[PortalProfile]:
        return list(self._settings.load().portals)

    def profile(self, name: str) -> PortalProfile:
        """The portal called ``name`` (case-insensitive).

        Raises:
            PortalNotFound: no such portal.
        """
        found = self._settings.load().portal(name.strip())
        if found is None:
            raise PortalNotFound(name.strip())
        return found

    def set_active(self, name: str | None) -> None:
        """Make ``name`` the portal the views show (None: no portal).

        Raises:
            PortalNotFound: no such portal.
        """
        active = None if name is None else self.profile(name).name
        self._settings.update(lambda s: dc_replace(s, active_portal=active))

    def add_webhook(
        self,
        name: str,
        webhook_url: str,
        plan: Plan = Plan.STANDARD,
        limits: PortalLimits | None = None,
        *,
        replace: bool = False,
    ) -> ConnectionInfo:
        """Connect a portal through an inbound webhook.

        Raises:
            InvalidPortalName, PortalNameTaken: the name cannot be used.
            InvalidPortalUrl: the address is not a webhook address.
            KeyringUnavailable: there is no secure keyring (checked before the network).
            PortalError: the connection check failed (nothing is stored).
        """
        name = self._new_name(name, replace=replace)
        self._vault.ensure_available()
        credentials = parse_webhook_url(webhook_url)
        limits = limits or PortalLimits.for_plan(plan)
        with BitrixClient(
            credentials, limits, timeout=self._timeout, max_retries=CHECK_RETRIES
        ) as client:
            info = read_connection_info(client)
        profile = PortalProfile(
            name=name,
            auth_kind=AuthKind.WEBHOOK,
            rest_base=credentials.rest_base,
            plan=plan,
            limits=limits,
            user_id=credentials.user_id,
        )
        self._store(profile, {SecretKind.WEBHOOK_SECRET: credentials.secret})
        log.info("Added portal %s (webhook, %s)", profile.host, plan.value)
        self._record_added(profile)
        return info

    def oauth_authorize_url(self, portal_url: str, client_id: str, state: str) -> str:
        """The portal page where the administrator grants the application access.

        Raises:
            InvalidPortalUrl: the portal address is malformed.
        """
        return authorize_url(portal_url, client_id, state)

    def add_oauth(
        self,
        name: str,
        portal_url: str,
        client_id: str,
        client_secret: str,
        code: str,
        plan: Plan = Plan.STANDARD,
        *,
        token_url: str | None = None,
        limits: PortalLimits | None = None,
        replace: bool = False,
    ) -> ConnectionInfo:
        """Connect a portal through a local OAuth application and an authorization code.

        Raises:
            InvalidPortalName, PortalNameTaken: the name cannot be used.
            InvalidPortalUrl: the portal or token server address is malformed.
            KeyringUnavailable: there is no secure keyring (checked before the network).
            AuthenticationFailed: the code or the application keys were refused.
            PortalError: the connection check failed (nothing is stored).
        """
        name = self._new_name(name, replace=replace)
        self._vault.ensure_available()
        authorize_url(portal_url, client_id, "")  # validates the portal address early
        app = (
            OAuthApp(client_id.strip(), client_secret)
            if token_url is None
            else OAuthApp(client_id.strip(), client_secret, token_url)
        )
        tokens = exchange_code(app, code, timeout=self._timeout)
        latest: list[OAuthTokens] = [tokens]
        # The check may already rotate the pair; keep the newest for the keyring.
        session = OAuthSession(app, tokens, latest.append, timeout=self._timeout)
        limits = limits or PortalLimits.for_plan(plan)
        with BitrixClient(
            session, limits, timeout=self._timeout, max_retries=CHECK_RETRIES
        ) as client:
            info = read_connection_info(client)
        profile = PortalProfile(
            name=name,
            auth_kind=AuthKind.OAUTH,
            rest_base=latest[-1].client_endpoint,
            plan=plan,
            limits=limits,
            user_id=latest[-1].user_id if latest[-1].user_id is not None else info.user_id,
            client_id=app.client_id,
            oauth_server=app.token_url,
        )
        self._store(
            profile,
            {
                SecretKind.OAUTH_TOKENS: latest[-1].to_json(),
                SecretKind.OAUTH_CLIENT_SECRET: client_secret,
            },
        )
        log.info("Added portal %s (OAuth, %s)", profile.host, plan.value)
        self._record_added(profile)
        return info

    def check(self, name: str) -> ConnectionInfo:
        """Call ``scope`` and ``profile`` with the stored credential.

        Raises:
            PortalNotFound, PortalSecretMissing, KeyringUnavailable, PortalError.
        """
        profile = self.profile(name)
        try:
            with self._client(profile, None, CHECK_RETRIES) as client:
                info = read_connection_info(client)
        except PrivacyDesktopError as error:
            # The error's class says what failed (AuthenticationFailed, PortalUnreachable…)
            # and carries no secret or personal datum; its message might name the host.
            self._record(
                AuditAction.PORTAL_CHECKED,
                profile.name,
                {"outcome": "failed", "error": type(error).__name__},
            )
            raise
        self._record(AuditAction.PORTAL_CHECKED, profile.name, {"outcome": "ok"})
        return info

    def remove(self, name: str) -> None:
        """Forget the portal: every secret of it in the keyring, then its profile.

        Raises:
            PortalNotFound: no such portal.
            KeyringUnavailable, VaultError: the secrets could not be deleted (the profile
                is kept, so removing again is possible).
        """
        profile = self.profile(name)
        self._vault.delete_portal(profile.name)
        self._settings.update(lambda s: without_portal(s, profile.name))
        log.info("Removed portal %s", profile.host)
        self._record(AuditAction.PORTAL_REMOVED, profile.name, {})

    def open_client(self, name: str, cancel: CancelToken | None = None) -> BitrixClient:
        """A client for the portal, authenticated with the stored credential.

        OAuth token pairs rotated while the client works are written straight back to the
        keyring (the old refresh token stops working at once).

        Raises:
            PortalNotFound, PortalSecretMissing, KeyringUnavailable, VaultError.
        """
        return self._client(self.profile(name), cancel, None)

    # ------------------------------------------------------------------ internals

    def _record_added(self, profile: PortalProfile) -> None:
        details = {"auth_kind": profile.auth_kind.value, "plan": profile.plan.value}
        self._record(AuditAction.PORTAL_ADDED, profile.name, details)

    def _record(self, action: AuditAction, portal: str, details: Mapping[str, str]) -> None:
        if self._recorder is None:
            return
        try:
            self._recorder(action, portal, details)
        except PrivacyDesktopError as error:
            # The recorder should keep its own failures; should one escape, the portal
            # operation has still happened and must be reported as done.
            log.warning("Audit entry %s not recorded: %s", action.value, type(error).__name__)

    def _client(
        self, profile: PortalProfile, cancel: CancelToken | None, retries: int | None
    ) -> BitrixClient:
        if profile.auth_kind is AuthKind.WEBHOOK:
            auth: WebhookCredentials | OAuthSession = self._webhook(profile)
        else:
            auth = self._oauth_session(profile)
        if retries is None:
            return BitrixClient(auth, profile.limits, timeout=self._timeout, cancel=cancel)
        return BitrixClient(
            auth, profile.limits, timeout=self._timeout, cancel=cancel, max_retries=retries
        )

    def _new_name(self, name: str, *, replace: bool) -> str:
        cleaned = clean_name(name)
        if not replace and self._settings.load().portal(cleaned) is not None:
            raise PortalNameTaken(cleaned)
        return cleaned

    def _webhook(self, profile: PortalProfile) -> WebhookCredentials:
        secret = self._vault.get_secret(profile.name, SecretKind.WEBHOOK_SECRET)
        if not secret or profile.user_id is None:
            raise PortalSecretMissing(profile.name)
        return WebhookCredentials(
            rest_base=profile.rest_base, user_id=profile.user_id, secret=secret
        )

    def _oauth_session(self, profile: PortalProfile) -> OAuthSession:
        stored = self._vault.get_secret(profile.name, SecretKind.OAUTH_TOKENS)
        client_secret = self._vault.get_secret(profile.name, SecretKind.OAUTH_CLIENT_SECRET)
        if not stored or not client_secret or not profile.client_id:
            raise PortalSecretMissing(profile.name)
        try:
            tokens = OAuthTokens.from_json(stored)
        except ValueError:
            raise PortalSecretMissing(profile.name) from None
        app = (
            OAuthApp(profile.client_id, client_secret, profile.oauth_server)
            if profile.oauth_server
            else OAuthApp(profile.client_id, client_secret)
        )
        vault, portal = self._vault, profile.name

        def keep(new: OAuthTokens) -> None:
            vault.set_secret(portal, SecretKind.OAUTH_TOKENS, new.to_json())

        return OAuthSession(app, tokens, keep, timeout=self._timeout)

    def _store(self, profile: PortalProfile, secrets: dict[SecretKind, str]) -> None:
        """Secrets first, then the profile; on failure put the previous secrets back."""
        previous = {
            kind: self._vault.get_secret(profile.name, kind)
            for kinds in _AUTH_SECRETS.values()
            for kind in kinds
        }
        try:
            for kind, value in secrets.items():
                self._vault.set_secret(profile.name, kind, value)
            self._settings.update(lambda s: _with_active(with_portal(s, profile), profile))
        except BaseException:
            self._restore(profile.name, previous)
            raise
        # Secrets of the other kind of connection a replaced profile may have had.
        for kind, old in previous.items():
            if kind not in secrets and old is not None:
                self._vault.delete_secret(profile.name, kind)

    def _restore(self, portal: str, previous: dict[SecretKind, str | None]) -> None:
        try:
            for kind, old in previous.items():
                if old is None:
                    self._vault.delete_secret(portal, kind)
                else:
                    self._vault.set_secret(portal, kind, old)
        except PrivacyDesktopError:
            log.exception("Could not roll back the keyring after a failed addition")


def _with_active(settings: Settings, profile: PortalProfile) -> Settings:
    """The first portal becomes the active one, so the views have something to show."""
    if settings.active_portal is None:
        return dc_replace(settings, active_portal=profile.name)
    return settings
