"""How portal facts read on screen; shared by the dashboard, the portal manager and the status bar.

These functions are not QObject methods, so they translate with an explicit context
(STYLE.md rule 11) that lupdate extracts as ``PortalTexts``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from privacy_desktop.domain.portals import AuthKind, Plan, PortalProfile
from privacy_desktop.gui.portal_directory import CheckOutcome, ConnectionState


def kind_text(kind: AuthKind) -> str:
    if kind is AuthKind.WEBHOOK:
        return QCoreApplication.translate("PortalTexts", "Inbound webhook")
    return QCoreApplication.translate("PortalTexts", "OAuth application")


def plan_text(plan: Plan) -> str:
    if plan is Plan.ENTERPRISE:
        return QCoreApplication.translate("PortalTexts", "Enterprise")
    if plan is Plan.UNLIMITED:
        return QCoreApplication.translate("PortalTexts", "On-premise, no limits")
    if plan is Plan.CUSTOM:
        return QCoreApplication.translate("PortalTexts", "Custom limits")
    return QCoreApplication.translate("PortalTexts", "Standard (cloud)")


def scopes_text(outcome: CheckOutcome) -> str:
    """The scopes the last successful check saw, or a dash."""
    if outcome.info is None:
        return "\u2014"
    if not outcome.info.scopes:
        return QCoreApplication.translate("PortalTexts", "No scopes")
    # "Scopes (3): crm, user, …" needs no plural form (lupdate of PySide6 6.11 extracts
    # plurals only from tr() of a class).
    return (
        QCoreApplication.translate("PortalTexts", "Scopes (%1): %2")
        .replace("%1", str(len(outcome.info.scopes)))
        .replace("%2", ", ".join(outcome.info.scopes))
    )


def state_text(outcome: CheckOutcome) -> str:
    """One line: the connection state and, when known, who the connection acts as."""
    if outcome.state is ConnectionState.CHECKING:
        return QCoreApplication.translate("PortalTexts", "Checking the connection\u2026")
    if outcome.state is ConnectionState.CONNECTED and outcome.info is not None:
        return QCoreApplication.translate("PortalTexts", "Connected as %1").replace(
            "%1", outcome.info.user_name or str(outcome.info.user_id)
        )
    if outcome.state is ConnectionState.FAILED:
        return QCoreApplication.translate("PortalTexts", "Connection failed: %1").replace(
            "%1", outcome.error or ""
        )
    return QCoreApplication.translate("PortalTexts", "Not checked yet")


def checked_at_text(outcome: CheckOutcome) -> str:
    if outcome.checked_at is None:
        return QCoreApplication.translate("PortalTexts", "never")
    when = QDateTime.fromMSecsSinceEpoch(round(outcome.checked_at.timestamp() * 1000))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def describe(profile: PortalProfile) -> str:
    """``host · kind · plan`` for compact places (the portal selector's tooltip)."""
    return " \u00b7 ".join((profile.host, kind_text(profile.auth_kind), plan_text(profile.plan)))
