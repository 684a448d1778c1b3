"""Schedule tokens: a short printable, checksummed encoding of a controlled run's decisions.

Format: ``s1.<threads>.<count>.<payload>.<crc>``. Each decision is an index into the list of runnable
threads at that point, so the decisions pack as one mixed-radix integer (base64url); `count` says how
many there are. Nothing in the encoding depends on the Python build or on hashing."""
from __future__ import annotations

import base64
import binascii

VERSION = "s1"


class TokenError(ValueError):
    pass


def _crc(body: str) -> str:
    return format(binascii.crc32(body.encode()) & 0xFFFF, "04x")


def encode(threads: int, decisions: list[tuple[int, int]]) -> str:
    """`decisions`: (chosen index, number of runnable threads) at every point with a choice."""
    n = 0
    for index, radix in reversed(decisions):
        n = n * radix + index
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    payload = base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
    body = f"{threads}.{len(decisions)}.{payload}"
    return f"{VERSION}.{body}.{_crc(body)}"


class Decoder:
    """Yields the recorded index for each decision, given the radix the replaying run observes."""

    def __init__(self, token: str):
        parts = token.strip().split(".")
        if len(parts) != 5 or parts[0] != VERSION:
            raise TokenError(f"malformed schedule token `{token}`: expected `{VERSION}.THREADS.COUNT.PAYLOAD.CRC`")
        _, threads, count, payload, crc = parts
        if not threads.isdigit() or not 1 <= int(threads) <= 64 or not count.isdigit():
            raise TokenError(f"malformed schedule token `{token}`: bad thread count or length")
        if crc != _crc(f"{threads}.{count}.{payload}"):
            raise TokenError(f"corrupt schedule token `{token}`: checksum mismatch")
        try:
            raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        except (binascii.Error, ValueError):
            raise TokenError(f"corrupt schedule token `{token}`: bad payload") from None
        self.threads, self.count = int(threads), int(count)
        self.n = int.from_bytes(raw, "big")
        self.pos = 0

    def next(self, radix: int) -> int | None:
        if self.pos >= self.count:
            return None
        self.pos += 1
        index = self.n % radix
        self.n //= radix
        return index
