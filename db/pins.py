"""PIN hashing: salted scrypt from the standard library, compared in constant time.

A PIN is never stored, logged or shown in clear. The stored form is
``scrypt$n$r$p$salt_hex$hash_hex`` so the cost can be raised later without a migration.
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
_PIN = re.compile(r"[0-9]{4,8}")  # ASCII digits only; always used with fullmatch


def check_pin_format(pin: str) -> None:
    """4 to 8 digits; the message never repeats the PIN."""
    if not _PIN.fullmatch(pin):
        if any(c not in "0123456789" for c in pin):
            raise ValidationError({"pin": _("A PIN has digits only.")})
        raise ValidationError({"pin": _("A PIN has 4 to 8 digits.")})


def hash_pin(pin: str) -> str:
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str | None) -> bool:
    if not stored or not _PIN.fullmatch(pin):
        return False
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r), p=int(p),
        dklen=len(hash_hex) // 2,
    )
    return hmac.compare_digest(digest.hex(), hash_hex)
