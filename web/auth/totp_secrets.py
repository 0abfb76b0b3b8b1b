"""TOTP secrets sealed at rest: a copy of the database alone gives away nobody's second factor."""

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PREFIX = "v1:"


class UnreadableSecretError(ValueError):
    """A sealed secret that this key cannot open (the key changed): the user must re-enrol."""


def _fernet(key_material: str) -> Fernet:
    """Derive the sealing key from configured key material (ZOW_TOTP_KEY or SECRET_KEY)."""
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"zicht-op-werk totp secrets"
    ).derive(key_material.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def seal(secret: str, key_material: str) -> str:
    """Return the secret encrypted and authenticated, as stored in users.totp_secret."""
    return PREFIX + _fernet(key_material).encrypt(secret.encode()).decode()


def unseal(stored: str, key_material: str) -> str:
    """Return the secret from its stored form; a plain secret from before sealing passes."""
    if not stored.startswith(PREFIX):
        return stored
    try:
        return _fernet(key_material).decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken:
        raise UnreadableSecretError("the TOTP key changed since this secret was sealed") from None
