"""Why a bundle or a key was refused: one error class per reason, each with a translated message.

Every message is marked under the lupdate context ``Bundle``. Messages and details never hold a
personal datum or key material; at most a file name chosen by the exporter (``records.json``),
a key fingerprint or a format version.
"""

from __future__ import annotations

from privacy_desktop.domain.errors import PrivacyDesktopError
from privacy_desktop.domain.i18n import QT_TRANSLATE_NOOP, UserMessage

CONTEXT = "Bundle"
_NAME_MAX = 80


def message(source: str, *args: str) -> UserMessage:
    """A ``Bundle`` message; ``source`` must be marked with ``QT_TRANSLATE_NOOP``."""
    return UserMessage(CONTEXT, source, tuple(args))


def shown_name(name: str) -> str:
    """A file name from a (possibly crafted) archive, made safe to show: printable, bounded."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in name)
    return cleaned if len(cleaned) <= _NAME_MAX else cleaned[:_NAME_MAX] + "…"


class BundleError(PrivacyDesktopError):
    """A bundle could not be written, opened or verified."""


class NotABundle(BundleError):
    """The file is not an age-encrypted file at all."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            message(QT_TRANSLATE_NOOP("Bundle", "This file is not an encrypted bundle.")), detail
        )


class NotARecipient(BundleError):
    """The bundle was encrypted, but not to the key used to open it."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "This bundle was not encrypted for your key: ask the sender to add your "
                    "public key to the recipients.",
                )
            ),
            detail,
        )


class BundleTruncated(BundleError):
    """The encrypted stream ends early, or its last 64 KiB block was altered or extended.

    age authenticates each 64 KiB block and flags the last one; a cut-short file and a file
    whose final block was changed or had bytes appended fail the same check, so they share
    this reason. A failure in any earlier block is :class:`BundleTampered`.
    """

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "The bundle is incomplete or its end was altered: it may have been cut "
                    "short while copying, or data was added to it.",
                )
            ),
            detail,
        )


class BundleTampered(BundleError):
    """The encrypted content (header or an inner block) does not authenticate."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "The bundle was altered or damaged after it was written: its encrypted "
                    "content does not authenticate.",
                )
            ),
            detail,
        )


class BundleTooLarge(BundleError):
    """The bundle or one of its files exceeds the reader's limits."""

    def __init__(self, limit: str, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP("Bundle", "The bundle exceeds the size limit of %1 bytes."),
                limit,
            ),
            detail,
        )


class MalformedBundle(BundleError):
    """The decrypted content is not a well-formed bundle archive or manifest."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            message(QT_TRANSLATE_NOOP("Bundle", "The bundle's archive or manifest is malformed.")),
            detail,
        )


class UnsafeEntry(BundleError):
    """The archive holds an absolute path, a ``..`` segment, a link, a directory or a duplicate."""

    def __init__(self, name: str, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "The bundle contains an unsafe entry “%1” (an absolute path, a “..” "
                    "component, a link or a duplicate); it was not opened.",
                ),
                shown_name(name),
            ),
            detail,
        )


class UnsupportedFormat(BundleError):
    """The manifest declares a format version this program does not know."""

    def __init__(self, version: str, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "The bundle uses format version %1, which this version of Privacy Desktop "
                    "cannot read.",
                ),
                version,
            ),
            detail,
        )


class BadSignature(BundleError):
    """The manifest's signature does not verify with the signer key the manifest names."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "The bundle's signature is not valid: its manifest was altered or signed "
                    "with another key.",
                )
            ),
            detail,
        )


class UntrustedSigner(BadSignature):
    """The signature is valid but made by a key other than the trusted one."""

    def __init__(self, fingerprint: str, detail: str = "") -> None:
        PrivacyDesktopError.__init__(
            self,
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "The bundle was signed by a key you did not choose to trust (fingerprint %1).",
                ),
                fingerprint,
            ),
            detail,
        )
        self.fingerprint = fingerprint


class HashMismatch(BundleError):
    """A file's size or SHA-256 differs from the manifest."""

    def __init__(self, name: str, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "The file “%1” in the bundle does not match the fingerprint recorded in "
                    "its signed manifest.",
                ),
                shown_name(name),
            ),
            detail,
        )
        self.name = name


class MissingFile(BundleError):
    """A file the manifest lists (or the manifest itself) is absent from the archive."""

    def __init__(self, name: str, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP("Bundle", "The file “%1” is missing from the bundle."),
                shown_name(name),
            ),
            detail,
        )
        self.name = name


class UnexpectedFile(BundleError):
    """The archive holds a file its manifest does not list."""

    def __init__(self, name: str, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "The bundle contains the file “%1”, which its signed manifest does not list.",
                ),
                shown_name(name),
            ),
            detail,
        )
        self.name = name


class InvalidKey(BundleError):
    """Key material that is not a usable RSA key in OpenSSH or PEM form."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP(
                    "Bundle",
                    "This is not a usable RSA key (OpenSSH or PEM, at least 2048 bits).",
                )
            ),
            detail,
        )


class WrongPassphrase(BundleError):
    """The passphrase does not decrypt the private key (or a needed one was not given)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP("Bundle", "The passphrase does not unlock this private key.")
            ),
            detail,
        )
