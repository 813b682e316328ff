"""Password hashing (argon2id) and the strength rule for new passwords."""
from __future__ import annotations

import secrets
import string

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

PROFILES = {
    "strong": PasswordHasher(),  # argon2id, RFC 9106 low-memory profile defaults
    "fast": PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1),  # tests, demo bulk
}
_hasher = PROFILES["strong"]
_DUMMY_HASH = _hasher.hash("dummy-password-for-timing")


def configure(profile: str) -> None:
    """Choose the hashing cost (Config.PASSWORD_HASH_PROFILE; "fast" refused in production)."""
    global _hasher, _DUMMY_HASH
    if PROFILES[profile] is not _hasher:
        _hasher = PROFILES[profile]
        _DUMMY_HASH = _hasher.hash("dummy-password-for-timing")
COMMON = {"123456", "12345678", "password", "qwerty123", "password1", "bismillah", "admin123"}


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Constant work whether or not the account exists."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


def weakness(password: str, nip: str) -> str | None:
    """Why a new password is too weak (Indonesian), or None."""
    if len(password) < 8:
        return "Kata sandi minimal 8 karakter."
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        return "Kata sandi harus memuat huruf dan angka."
    if password.lower() in COMMON or (nip and nip in password):
        return "Kata sandi terlalu mudah ditebak (jangan memakai NIP atau sandi umum)."
    return None


def generate_default_password() -> str:
    """A random one-time default; the account must change it at first login."""
    alphabet = string.ascii_letters + string.digits
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(10))
        if weakness(candidate, "") is None:
            return candidate
