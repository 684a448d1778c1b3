"""Attribute ids (rustc_ast::AttrId). The fixed design gives each session its own generator in the
`ParseSess` and numbers attributes in source order once every file is parsed, so ids are the same in
every session and under every schedule. `-Z inject-bug=global-attr-id` restores the process-global
counter, bumped at parse time by whichever thread parses the file (before PR #101313)."""
from __future__ import annotations

import itertools
import threading

_NEXT_ATTR_ID = itertools.count()          # process-global: survives from one session to the next
_NEXT_ATTR_ID_LOCK = threading.Lock()


def mk_attr_id_global() -> int:
    with _NEXT_ATTR_ID_LOCK:
        return next(_NEXT_ATTR_ID)


class AttrIdGenerator:
    """The per-session generator owned by `ParseSess`."""

    def __init__(self):
        self.next = 0

    def mk_attr_id(self) -> int:
        n = self.next
        self.next += 1
        return n
