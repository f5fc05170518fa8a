"""PIN hashing: salted scrypt from the standard library, keyed, compared in constant time.

A PIN is never stored, logged or shown in clear. The stored form is
``kscrypt$n$r$p$salt_hex$hash_hex``: scrypt over HMAC-SHA256(shop key, PIN), where the shop
key is a file outside the database (`db.security.pin_key`). Someone with only a copy of the database
would have to guess the 256-bit key as well as the PIN. Older hashes without the key
(``scrypt$...``) still verify, and are rehashed with the key on the next right PIN.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from db.errors import ValidationError
from db.i18n import _

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
MIN_LENGTH = 4
MAX_LENGTH = 12
KEYED = "kscrypt"
LEGACY = "scrypt"
_PIN = re.compile(rf"[0-9]{{{MIN_LENGTH},{MAX_LENGTH}}}")  # ASCII digits, fullmatch


def check_pin_format(pin: str, min_length: int = MIN_LENGTH) -> None:
    """4 to 12 digits (at least `min_length`); the message never repeats the PIN."""
    if any(c not in "0123456789" for c in pin):
        raise ValidationError({"pin": _("A PIN has digits only.")})
    low = max(MIN_LENGTH, min_length)
    if not low <= len(pin) <= MAX_LENGTH:
        raise ValidationError({"pin": _("A PIN has {low} to {high} digits.").format(
            low=low, high=MAX_LENGTH)})


def _secret(pin: str, key: bytes | None) -> bytes:
    raw = pin.encode("ascii")
    return raw if key is None else hmac.new(key, raw, hashlib.sha256).digest()


def hash_pin(pin: str, key: bytes) -> str:
    """The stored form of `pin` under the shop key `key` (see `db.security.pin_key`)."""
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        _secret(pin, key), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    return f"{KEYED}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def is_legacy(stored: str | None) -> bool:
    """A hash made before the shop key existed (verify it, then rehash it)."""
    return bool(stored) and str(stored).startswith(LEGACY + "$")


def needs_key(stored: str | None) -> bool:
    return bool(stored) and str(stored).startswith(KEYED + "$")


def verify_pin(pin: str, stored: str | None, key: bytes | None = None) -> bool:
    """True if `pin` is the one behind `stored`; keyed hashes need `key`."""
    if not stored or not _PIN.fullmatch(pin):
        return False
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
    except ValueError:
        return False
    if scheme == KEYED:
        if key is None:
            return False
        secret = _secret(pin, key)
    elif scheme == LEGACY:
        secret = _secret(pin, None)
    else:
        return False
    digest = hashlib.scrypt(
        secret, salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p),
        dklen=len(hash_hex) // 2,
    )
    return hmac.compare_digest(digest.hex(), hash_hex)
