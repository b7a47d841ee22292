"""Keys and a bundle-writing fixture shared by the bundle tests (RSA generation is slow: once)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from bundle_helpers import FILES, INFO, WriteBundle

from privacy_desktop.exporting.bundle import BundleWriter
from privacy_desktop.exporting.keys import PrivateKey, PublicKey


@pytest.fixture(scope="session")
def signer() -> PrivateKey:
    return PrivateKey.generate(3072, "profile")


@pytest.fixture(scope="session")
def reviewer() -> PrivateKey:
    return PrivateKey.generate(3072, "reviewer")


@pytest.fixture(scope="session")
def second_reviewer() -> PrivateKey:
    return PrivateKey.generate(3072, "second")


@pytest.fixture(scope="session")
def stranger() -> PrivateKey:
    return PrivateKey.generate(3072, "stranger")


@pytest.fixture
def write_bundle(tmp_path: Path, signer: PrivateKey, reviewer: PrivateKey) -> WriteBundle:
    """Write FILES (or given files) into a bundle for ``reviewer`` (or given recipients)."""

    def write(
        files: dict[str, bytes] | None = None,
        recipients: Iterable[PublicKey] | None = None,
        signing_key: PrivateKey | None = None,
        name: str = "export.age",
    ) -> Path:
        path = tmp_path / name
        keys = list(recipients) if recipients is not None else [reviewer.public_key]
        with BundleWriter(path, keys, signing_key or signer, INFO) as writer:
            for file_name, content in (files if files is not None else FILES).items():
                # Several chunks per file, to exercise the streaming path.
                writer.add_file(file_name, [content[:1000], content[1000:]])
        return path

    return write
