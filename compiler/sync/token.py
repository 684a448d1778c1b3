"""Schedule tokens: a short printable, checksummed encoding of a controlled run's decisions.

Format: ``s1.<threads>.<payload>.<crc>`` where payload is base64url of run-length varints over the
chosen thread ids. The encoding uses no zlib or hashing that could vary between Python builds.
"""
from __future__ import annotations

import base64
import binascii

VERSION = "s1"


class TokenError(ValueError):
    pass


def _varint(n: int, out: bytearray):
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def encode(threads: int, decisions: list[int]) -> str:
    raw = bytearray()
    i = 0
    while i < len(decisions):
        j = i
        while j < len(decisions) and decisions[j] == decisions[i]:
            j += 1
        _varint(decisions[i], raw)
        _varint(j - i, raw)
        i = j
    payload = base64.urlsafe_b64encode(bytes(raw)).decode("ascii").rstrip("=")
    crc = format(binascii.crc32(f"{threads}.{payload}".encode()) & 0xFFFF, "04x")
    return f"{VERSION}.{threads}.{payload}.{crc}"


def decode(token: str) -> tuple[int, list[int]]:
    parts = token.strip().split(".")
    if len(parts) != 4 or parts[0] != VERSION:
        raise TokenError(f"malformed schedule token `{token}`: expected `{VERSION}.THREADS.PAYLOAD.CRC`")
    _, threads_s, payload, crc = parts
    if not threads_s.isdigit() or not 1 <= int(threads_s) <= 64:
        raise TokenError(f"malformed schedule token `{token}`: bad thread count `{threads_s}`")
    want = format(binascii.crc32(f"{threads_s}.{payload}".encode()) & 0xFFFF, "04x")
    if crc != want:
        raise TokenError(f"corrupt schedule token `{token}`: checksum mismatch")
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    except (binascii.Error, ValueError):
        raise TokenError(f"corrupt schedule token `{token}`: bad payload") from None
    nums, cur, shift = [], 0, 0
    for b in raw:
        cur |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            nums.append(cur)
            cur, shift = 0, 0
    if shift or len(nums) % 2:
        raise TokenError(f"corrupt schedule token `{token}`: truncated payload")
    decisions: list[int] = []
    for tid, count in zip(nums[::2], nums[1::2]):
        decisions.extend([tid] * count)
    return int(threads_s), decisions
