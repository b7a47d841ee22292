"""Which actions need the second factor: a pure policy, no I/O.

Section 6 of Bitrix24's privacy terms promises two-step verification and protected sessions;
the desktop holds the keys to the whole portal, so the actions that expose or destroy data, or
weaken the protection itself, ask for a fresh TOTP code when two-step verification is on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class GuardedAction(StrEnum):
    """An action that may require a second factor."""

    UNLOCK = "unlock"
    REVOKE_GRANT = "revoke_grant"
    EXPORT_UNENCRYPTED = "export_unencrypted"
    REVEAL_BULK = "reveal_bulk"
    CHANGE_SECURITY_SETTINGS = "change_security_settings"


#: Actions for which a recent verification never counts: unlocking starts a session, and
#: weakening the protection must always be confirmed on the spot.
ALWAYS_FRESH: frozenset[GuardedAction] = frozenset(
    {GuardedAction.UNLOCK, GuardedAction.CHANGE_SECURITY_SETTINGS}
)


@dataclass(frozen=True)
class SecondFactorPolicy:
    """The administrator's choice of what the second factor guards.

    Attributes:
        enabled: whether two-step verification is enrolled and on.
        guarded: the actions that ask for a code (all of them by default).
        grace_s: seconds after a successful verification during which the actions not in
            :data:`ALWAYS_FRESH` do not ask again (0: always ask).
    """

    enabled: bool
    guarded: frozenset[GuardedAction] = field(default_factory=lambda: frozenset(GuardedAction))
    grace_s: float = 0.0

    def __post_init__(self) -> None:
        if self.grace_s < 0:
            raise ValueError("grace_s must not be negative")


def requires_second_factor(
    action: GuardedAction,
    policy: SecondFactorPolicy,
    seconds_since_verification: float | None = None,
) -> bool:
    """Whether ``action`` must ask for a TOTP (or recovery) code now.

    Args:
        action: what the person is about to do.
        policy: the current second-factor policy.
        seconds_since_verification: time since the last successful verification in this
            session, or None if there was none.

    Returns:
        True if a code must be entered before the action proceeds.
    """
    if not policy.enabled or action not in policy.guarded:
        return False
    if action in ALWAYS_FRESH or seconds_since_verification is None:
        return True
    return not 0 <= seconds_since_verification < policy.grace_s
