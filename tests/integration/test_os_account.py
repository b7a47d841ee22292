"""The operating-system account check against the real PAM stack of this machine.

Only refusals can be tested: accepting needs the account's real password, which a test
cannot know (the success path is covered with an injected check in
tests/unit/services/test_security_service.py).
"""

from __future__ import annotations

import logging
import sys

import pytest

from privacy_desktop.services.os_account import (
    UnlockUnavailable,
    WrongAccountPassword,
    check_os_account_password,
    current_os_user,
    os_account_check_available,
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PAM is Linux's")


@linux_only
def test_the_check_is_available_on_linux() -> None:
    assert current_os_user()
    assert os_account_check_available()


@linux_only
@pytest.mark.parametrize("password", ["wrong-password-7f3a9c", "", "nul\x00inside"])
def test_a_wrong_password_is_refused_by_real_pam(
    password: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)

    with pytest.raises(WrongAccountPassword) as refused:
        check_os_account_password(password)

    message = refused.value.user_message.english()
    assert "password is not correct" in message
    assert "wrong-password" not in str(refused.value)
    assert "wrong-password" not in caplog.text


def test_no_pam_means_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")

    assert not os_account_check_available()
    with pytest.raises(UnlockUnavailable) as unavailable:
        check_os_account_password("anything")
    assert "two-step verification" in unavailable.value.user_message.english()
