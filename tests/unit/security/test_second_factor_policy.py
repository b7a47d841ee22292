"""Which actions ask for the second factor (privacy_desktop.domain.security)."""

from __future__ import annotations

import pytest

from privacy_desktop.domain.security import (
    ALWAYS_FRESH,
    GuardedAction,
    SecondFactorPolicy,
    requires_second_factor,
)


@pytest.mark.parametrize("action", list(GuardedAction))
def test_nothing_is_asked_while_two_factor_is_off(action: GuardedAction) -> None:
    assert not requires_second_factor(action, SecondFactorPolicy(enabled=False))


@pytest.mark.parametrize("action", list(GuardedAction))
def test_every_action_is_guarded_by_default(action: GuardedAction) -> None:
    policy = SecondFactorPolicy(enabled=True)
    assert requires_second_factor(action, policy)
    assert requires_second_factor(action, policy, seconds_since_verification=1.0)


def test_actions_left_out_of_the_policy_are_not_guarded() -> None:
    policy = SecondFactorPolicy(enabled=True, guarded=frozenset({GuardedAction.UNLOCK}))
    assert requires_second_factor(GuardedAction.UNLOCK, policy)
    assert not requires_second_factor(GuardedAction.REVEAL_BULK, policy)


def test_grace_period_covers_only_the_data_actions() -> None:
    policy = SecondFactorPolicy(enabled=True, grace_s=120)
    for action in GuardedAction:
        fresh = action in ALWAYS_FRESH
        assert requires_second_factor(action, policy, 119.0) is fresh
        assert requires_second_factor(action, policy, 120.0)
        assert requires_second_factor(action, policy, None)
    # A clock that went backwards is no proof of a recent verification.
    assert requires_second_factor(GuardedAction.EXPORT_UNENCRYPTED, policy, -5.0)
    assert {GuardedAction.UNLOCK, GuardedAction.CHANGE_SECURITY_SETTINGS} == ALWAYS_FRESH


def test_negative_grace_is_refused() -> None:
    with pytest.raises(ValueError, match="grace_s"):
        SecondFactorPolicy(enabled=True, grace_s=-1)
