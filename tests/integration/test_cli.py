"""The ``privacy-desktop`` command: in-process against a demo portal, plus console scripts.

In-process runs use ``--data-dir tmp`` and ``--lang en`` and a keyring service of their own
(``PRIVACY_DESKTOP_KEYRING_SERVICE``) on the real Secret Service. They ask for ``qapp`` so
that the CLI reuses the session's QApplication instead of creating a bare QCoreApplication.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from cli_runner import CliRunner
from keyring.backends import fail

from PySide6.QtCore import QCoreApplication, QLocale

from privacy_desktop import __version__
from privacy_desktop.cli import main
from privacy_desktop.demo_portal.config import DemoPortalConfig
from privacy_desktop.demo_portal.server import DemoPortal
from privacy_desktop.gui.i18n import Language, install_translators
from privacy_desktop.security.redaction import LOG_FILE_NAME
from privacy_desktop.security.vault import SecretKind, Vault
from privacy_desktop.services.context import vault_profile
from privacy_desktop.services.portals import PortalService
from privacy_desktop.settings import Settings, SettingsStore

SMALL = DemoPortalConfig(users=6, contacts=12, leads=4, companies=3, deals=3, time_scale=0.001)
SCRIPT = Path(sys.executable).with_name("privacy-desktop")


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoPortal]:
    with DemoPortal(SMALL) as portal:
        yield portal


class Cli(CliRunner):
    """The CLI runner with the test's vault at hand (to look at and clean up secrets)."""

    def __init__(
        self,
        data_dir: Path,
        service: str,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        super().__init__(data_dir, service, capsys, monkeypatch)
        self.vault = Vault(service, profile=vault_profile(self.paths))

    def portal_names(self) -> list[str]:
        return [p.name for p in SettingsStore(self.paths.settings_file).load().portals]


@pytest.fixture
def cli(
    qapp: object,
    data_dir: Path,
    keyring_service: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Cli]:
    runner = Cli(data_dir, keyring_service, capsys, monkeypatch)
    yield runner
    for name in ("Demo", "OAuth demo"):
        runner.vault.delete_portal(name)


def secret_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.keyring
def test_add_list_check_remove_by_webhook(cli: Cli, demo: DemoPortal) -> None:
    code, out, err = cli(
        "portal",
        "add",
        "Demo",
        "--webhook",
        "-",
        "--plan",
        "enterprise",
        stdin=demo.webhook_url + "\n",
    )
    assert (code, err) == (0, "")
    assert "Portal “Demo” added." in out
    assert "Scopes: crm, department, user, userconsent" in out

    code, out, _ = cli("portal", "list")
    assert code == 0
    header, row = out.splitlines()
    assert header.split() == ["NAME", "KIND", "HOST", "PLAN"]
    assert row.split() == ["Demo", "*", "webhook", f"127.0.0.1:{demo.port}", "enterprise"]

    code, out, _ = cli("portal", "check", "demo")
    assert code == 0
    assert "User: " in out
    assert "(id 1)" in out
    assert "Administrator: yes" in out
    assert "Scopes: crm, department, user, userconsent" in out

    code, out, _ = cli("portal", "remove", "Demo")
    assert code == 0
    assert cli.portal_names() == []
    assert cli.vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET) is None


@pytest.mark.keyring
def test_the_webhook_secret_is_in_no_file_under_the_data_dir(cli: Cli, demo: DemoPortal) -> None:
    code, _, _ = cli("portal", "add", "Demo", "--webhook", "-", stdin=demo.webhook_url)
    assert code == 0
    assert cli("portal", "check", "Demo")[0] == 0
    secret = secret_of(demo.webhook_url).encode()

    files = [path for path in cli.data_dir.rglob("*") if path.is_file()]

    assert any(path.name == LOG_FILE_NAME for path in files)
    assert any(path.name == "settings.json" for path in files)
    for path in files:
        assert secret not in path.read_bytes(), path
    assert cli.vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET) == secret.decode()


@pytest.mark.keyring
def test_a_webhook_on_the_command_line_works_but_warns(cli: Cli, demo: DemoPortal) -> None:
    code, _, err = cli("portal", "add", "Demo", "--webhook", demo.webhook_url)

    assert code == 0
    assert "--webhook -" in err
    assert cli.portal_names() == ["Demo"]


@pytest.mark.keyring
def test_a_wrong_token_is_a_clear_error_and_nothing_is_stored(cli: Cli, demo: DemoPortal) -> None:
    wrong = demo.webhook_url.replace(secret_of(demo.webhook_url), "wrongsecret987")

    code, out, err = cli("portal", "add", "Demo", "--webhook", "-", stdin=wrong)

    assert code == 1
    assert out == ""
    assert err.startswith("Error: ")
    assert "webhook" in err
    assert "Traceback" not in err
    assert "wrongsecret987" not in err
    assert cli.portal_names() == []
    assert cli.vault.get_secret("Demo", SecretKind.WEBHOOK_SECRET) is None


@pytest.mark.keyring
def test_a_malformed_url_is_a_clear_error(cli: Cli) -> None:
    code, _, err = cli(
        "portal", "add", "Demo", "--webhook", "-", stdin="https://example.bitrix24.ua/crm/contact/"
    )

    assert code == 1
    assert "This is not an inbound webhook address" in err
    assert "Traceback" not in err
    assert cli.portal_names() == []


@pytest.mark.keyring
def test_add_by_oauth_reads_secret_and_code_from_stdin(cli: Cli, demo: DemoPortal) -> None:
    code_value = demo.issue_authorization_code()

    code, out, err = cli(
        "portal",
        "add",
        "OAuth demo",
        "--oauth",
        "--portal-url",
        demo.base_url,
        "--client-id",
        demo.oauth_client_id,
        "--token-url",
        demo.oauth_token_url,
        stdin=f"{demo.oauth_client_secret}\n{code_value}\n",
    )

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[1].startswith(f"{demo.base_url}/oauth/authorize/?client_id=")
    assert "state=" in lines[1]
    assert "Portal “OAuth demo” added." in out
    assert demo.oauth_client_secret not in out
    assert code_value not in out
    assert cli.vault.get_secret("OAuth demo", SecretKind.OAUTH_CLIENT_SECRET) == (
        demo.oauth_client_secret
    )
    assert cli("portal", "check", "OAuth demo")[0] == 0


@pytest.mark.keyring
def test_oauth_without_a_code_stores_nothing(cli: Cli, demo: DemoPortal) -> None:
    code, _, err = cli(
        "portal",
        "add",
        "OAuth demo",
        "--oauth",
        "--portal-url",
        demo.base_url,
        "--client-id",
        demo.oauth_client_id,
        "--token-url",
        demo.oauth_token_url,
        stdin=f"{demo.oauth_client_secret}\n",
    )

    assert code == 2
    assert "Authorization code" in err
    assert cli.portal_names() == []


@pytest.mark.keyring
def test_unknown_portals_are_reported(cli: Cli) -> None:
    for action in ("check", "remove"):
        code, _, err = cli("portal", action, "Nowhere")
        assert code == 1
        assert "There is no portal named “Nowhere”." in err


@pytest.mark.parametrize(
    "args",
    [
        ("portal", "add", "Demo"),
        ("portal", "add", "Demo", "--oauth"),
        ("portal", "add", "Demo", "--webhook", "-", "--client-id", "x"),
        ("portal", "add", "Demo", "--webhook", "-", "--plan", "gold"),
        ("portal",),
        ("portal", "list", "extra"),
        ("no-such-command",),  # not a command: the GUI's parser refuses it
    ],
)
def test_usage_errors_exit_with_2(cli: Cli, args: tuple[str, ...]) -> None:
    code, _, err = cli(*args)

    assert code == 2
    assert "rror" in err or "usage" in err
    assert cli.portal_names() == []


def test_version_and_help(cli: Cli) -> None:
    code, out, _ = cli("--version")
    assert (code, out.strip()) == (0, f"privacy-desktop {__version__}")

    code, out, _ = cli("portal", "add", "--help")
    assert code == 0
    assert "--webhook URL" in out
    assert "--plan {standard,enterprise,unlimited}" in out


def test_an_empty_list_says_how_to_add(cli: Cli) -> None:
    code, out, _ = cli("portal", "list")

    assert code == 0
    assert "privacy-desktop portal add" in out


def test_no_keyring_explains_and_exits_1(cli: Cli, demo: DemoPortal) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        code, _, err = cli("portal", "add", "Demo", "--webhook", "-", stdin=demo.webhook_url)
    finally:
        keyring.set_keyring(previous)

    assert code == 1
    assert "No secure keyring is available" in err
    assert "dbus-run-session" in err
    assert "PYTHON_KEYRING_BACKEND" in err
    assert cli.portal_names() == []


def test_an_unexpected_error_is_short_on_screen_and_redacted_in_the_log(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(self: PortalService) -> list[object]:
        raise RuntimeError("broke at https://x.example/rest/1/topsecret42/ for a@b.example")

    monkeypatch.setattr(PortalService, "list_portals", explode)

    code, _, err = cli("portal", "list")

    assert code == 1
    assert "Unexpected error" in err
    assert "Traceback" not in err
    assert "topsecret42" not in err
    log_text = (cli.paths.log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Traceback" in log_text
    assert "RuntimeError" in log_text
    assert "topsecret42" not in log_text
    assert "a@b.example" not in log_text


def test_the_console_script_runs(data_dir: Path) -> None:
    result = subprocess.run(
        [str(SCRIPT), "--lang", "en", "--data-dir", str(data_dir), "portal", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )

    assert result.returncode == 0, result.stderr
    assert "No portals are connected" in result.stdout


def test_demo_portal_prints_its_url_first(data_dir: Path) -> None:
    process = subprocess.Popen(
        [
            str(SCRIPT),
            "--lang",
            "en",
            "--data-dir",
            str(data_dir),
            "demo-portal",
            "--users",
            "5",
            "--contacts",
            "10",
            "--leads",
            "3",
            "--companies",
            "2",
            "--deals",
            "2",
            "--time-scale",
            "0.001",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first.startswith("http://127.0.0.1:")
        assert "/rest/1/" in first
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)

    assert process.returncode == 0, err


@pytest.fixture
def english_afterwards(qapp: QCoreApplication) -> Iterator[None]:
    """Tests that leave the language to the CLI put English back for the tests after them."""
    yield
    install_translators(qapp, Language.ENGLISH)


def test_ukrainian_is_the_default_language(
    cli: Cli, english_afterwards: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    code = main(["--data-dir", str(cli.data_dir), "portal", "list"])

    assert code == 0
    assert QLocale().language() == QLocale.Language.Ukrainian


def test_the_language_stored_in_the_settings_is_used_without_lang(
    cli: Cli, english_afterwards: None
) -> None:
    cli.paths.ensure()
    SettingsStore(cli.paths.settings_file).save(Settings(language="en"))
    main(["--lang", "uk", "--data-dir", str(cli.data_dir), "portal", "list"])
    assert QLocale().language() == QLocale.Language.Ukrainian

    code = main(["--data-dir", str(cli.data_dir), "portal", "list"])

    assert code == 0
    assert QLocale().language() == QLocale.Language.English
