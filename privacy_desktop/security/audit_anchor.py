"""Where the audit log's last checkpoint is remembered: the secret store, outside the file.

Cutting entries off the end of the log, or putting an older copy back, leaves a valid chain;
the anchor — the sequence number and hash of the last checkpoint written — shows that it is
shorter than it was. It is not secret, but the keyring is the one place a file editor cannot
reach.
"""

from __future__ import annotations

import json

from privacy_desktop.security.audit_chain import AuditEntry
from privacy_desktop.security.audit_verify import AuditAnchor
from privacy_desktop.security.secret_store import SecretStore, SecuritySecret


def load_anchor(secrets: SecretStore) -> AuditAnchor | None:
    """The stored anchor, or None if there is none (or it cannot be parsed).

    An unparsable anchor counts as none: whoever can write the keyring could as well store a
    matching anchor for a shortened log, so refusing it would protect nothing.
    """
    text = secrets.get_secret(SecuritySecret.AUDIT_ANCHOR)
    if text is None:
        return None
    try:
        data = json.loads(text)
        seq, digest = data["seq"], data["hash"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(digest, str):
        return None
    return AuditAnchor(seq=seq, hash=digest)


def save_anchor(secrets: SecretStore, checkpoint: AuditEntry) -> None:
    """Remember ``checkpoint`` as the furthest point the log has reached."""
    secrets.set_secret(
        SecuritySecret.AUDIT_ANCHOR,
        json.dumps({"seq": checkpoint.seq, "hash": checkpoint.hash}, sort_keys=True),
    )


def clear_anchor(secrets: SecretStore) -> None:
    """Forget the anchor (a damaged log was set aside and a new one begins)."""
    secrets.delete_secret(SecuritySecret.AUDIT_ANCHOR)
