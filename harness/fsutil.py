"""Atomic file writes: write a temporary file beside the target, then rename over it. A reader sees the
old file or the new one, never half of one; an interrupted write leaves no temporary file behind. The
new file gets the mode an ordinary `open(path, "w")` would give it (0666 less the umask, so 0644
usually), or keeps the mode of the file it replaces."""
from __future__ import annotations

import os
import secrets
import stat

TMP_PREFIX = ".tmp-"


def write_atomic(path: str, text: str):
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    tmp = os.path.join(d, f"{TMP_PREFIX}{os.path.basename(path)}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        # os.open applies the umask to 0o666, as open() does (tempfile.mkstemp would give 0600)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        try:
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        except FileNotFoundError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
