"""Passphrase encryption of backup files: scrypt key, AES-GCM in 1 MiB chunks.

A lost USB stick must give nothing away, and a 1 GB database must not be held in memory
twice, so the file is sealed chunk by chunk (the STREAM construction): each chunk's nonce
carries its index and whether it is the last one, so chunks cannot be reordered, dropped or
cut off at the end without the tag check failing.
"""

from __future__ import annotations

import hashlib
import os
import struct
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from db.errors import UserError
from db.i18n import _

MAGIC = b"CPBACKUP1\n"
CHUNK = 1 << 20
SALT_BYTES = 16
PREFIX_BYTES = 7  # + 4-byte counter + 1-byte last flag = the 12-byte GCM nonce
TAG_BYTES = 16
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class WrongPassphrase(UserError):
    """The passphrase does not open the backup, or the file was changed or cut short."""


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(passphrase: str, salt: bytes) -> bytes:
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R,
                          p=SCRYPT_P, maxmem=64 * 1024 * 1024, dklen=32)


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


def encrypt_file(source: Path, target: BinaryIO, passphrase: str) -> None:
    """Write `source` sealed with `passphrase` to the open binary `target`."""
    if not passphrase:
        raise UserError(_("A backup passphrase cannot be empty."))
    salt = os.urandom(SALT_BYTES)
    prefix = os.urandom(PREFIX_BYTES)
    aead = AESGCM(_key(passphrase, salt))
    target.write(MAGIC + salt + prefix)
    with source.open("rb") as handle:
        index = 0
        chunk = handle.read(CHUNK)
        while True:
            following = handle.read(CHUNK)
            last = not following
            target.write(aead.encrypt(_nonce(prefix, index, last), chunk, MAGIC))
            if last:
                break
            chunk, index = following, index + 1


def decrypt_file(source: Path, target: BinaryIO, passphrase: str) -> None:
    """Write the plain database of the sealed `source` to `target`; WrongPassphrase if not."""
    wrong = WrongPassphrase(
        _("{path}: wrong passphrase, or the backup file was changed or cut short.").format(
            path=source))
    with source.open("rb") as handle:
        head = handle.read(len(MAGIC) + SALT_BYTES + PREFIX_BYTES)
        if len(head) != len(MAGIC) + SALT_BYTES + PREFIX_BYTES or not head.startswith(MAGIC):
            raise wrong
        salt = head[len(MAGIC):len(MAGIC) + SALT_BYTES]
        prefix = head[len(MAGIC) + SALT_BYTES:]
        aead = AESGCM(_key(passphrase, salt))
        index = 0
        sealed = handle.read(CHUNK + TAG_BYTES)
        while True:
            following = handle.read(CHUNK + TAG_BYTES)
            last = not following
            try:
                target.write(aead.decrypt(_nonce(prefix, index, last), sealed, MAGIC))
            except InvalidTag:
                raise wrong from None
            if last:
                return
            sealed, index = following, index + 1
