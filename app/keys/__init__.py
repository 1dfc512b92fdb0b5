"""Keys: each installation's own key pairs, the public keys it exchanges once with the sites it
sends files to, and its recovery key. No Qt here; the files they seal are app.sealed_archive's.

    show = own_public_keys(session).to_text()              # the key file for the other site
    site = trust_site(session, read_key_file(path), "历下网点", by_id=admin)
    key = make_recovery_key(session, by_id=admin)           # key.text, shown once
"""

from app.keys.installation import (
    RecoveryInfo,
    installation_identity,
    make_recovery_key,
    recovery_info,
    recovery_public,
    stored_identity,
    this_site,
)
from app.keys.material import (
    KEY_FILE_LIMIT,
    KEY_FILE_SUFFIX,
    Identity,
    KeyRefused,
    Keyring,
    PublicKeys,
    RecoveryKey,
    RecoveryPublic,
    check_fingerprint,
    key_id_of_text,
    parse_key_file,
    read_key_file,
    readable,
)
from app.keys.trust import (
    TrustedSite,
    forget_site,
    own_public_keys,
    recipient_site,
    sync_keyring,
    trust_site,
    trusted_sites,
)

__all__ = [
    "KEY_FILE_LIMIT",
    "KEY_FILE_SUFFIX",
    "Identity",
    "KeyRefused",
    "Keyring",
    "PublicKeys",
    "RecoveryInfo",
    "RecoveryKey",
    "RecoveryPublic",
    "TrustedSite",
    "check_fingerprint",
    "forget_site",
    "installation_identity",
    "key_id_of_text",
    "make_recovery_key",
    "own_public_keys",
    "parse_key_file",
    "read_key_file",
    "readable",
    "recipient_site",
    "recovery_info",
    "recovery_public",
    "stored_identity",
    "sync_keyring",
    "this_site",
    "trust_site",
    "trusted_sites",
]
