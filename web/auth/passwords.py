"""Password hashing with argon2id and the password policy (ASVS 5.0 level 2)."""

from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verifying against this keeps the time the same whether or not the account exists.
_DUMMY_HASH = _hasher.hash("not-a-real-password-just-for-timing")


def hash_password(password: str) -> str:
    """Return an argon2id hash of a password."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Return whether the password matches the hash (False for a missing account)."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


MIN_LENGTH = 12
MAX_LENGTH = 1024  # long passphrases welcome; the cap only guards against abuse


@cache
def common_passwords() -> frozenset[str]:
    """Return the refused common passwords, lower-cased."""
    text = (Path(__file__).parent / "common_passwords.txt").read_text(encoding="utf-8")
    lines = (line.strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def password_problems(password: str, *, email: str = "") -> list[str]:
    """Return what is wrong with a new password, in Dutch; an empty list means it is fine."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Kies een wachtwoord van minstens {MIN_LENGTH} tekens.")
    if len(password) > MAX_LENGTH:
        problems.append(f"Kies een wachtwoord van hoogstens {MAX_LENGTH} tekens.")
    if password.lower() in common_passwords():
        problems.append("Dit wachtwoord wordt veel gebruikt en is makkelijk te raden.")
    name = email.split("@")[0].lower()
    if len(name) >= 4 and name in password.lower():
        problems.append("Gebruik uw e-mailadres niet in uw wachtwoord.")
    return problems
