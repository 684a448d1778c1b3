"""What one compiler run did, read from its exit status and its text (not only the status):
pass, expected errors, ICE, delayed bug, deadlock (rustc's own report, or killed by our timeout),
a crash by signal, or an output mismatch. An ICE's *signature* is its panic message and source file
(no line or column), normalised, so that one bug seen a hundred times is one row, as icemaker groups."""
from __future__ import annotations

import re
import signal as _signal
from dataclasses import dataclass, field

PASS = "pass"
EXPECTED_ERRORS = "expected-errors"
ICE = "ice"
DELAYED_BUG = "delayed-bug"
DEADLOCK = "deadlock"
TIMEOUT = "timeout"
SIGNAL = "signal"
MISMATCH = "mismatch"
CLASSES = (PASS, EXPECTED_ERRORS, ICE, DELAYED_BUG, DEADLOCK, TIMEOUT, SIGNAL, MISMATCH)
FAILURE_CLASSES = (ICE, DELAYED_BUG, DEADLOCK, TIMEOUT, SIGNAL, MISMATCH)

PANIC_RE = re.compile(r"^thread '(?P<thread>[^']*)'(?: \([^)]*\))? panicked at (?P<loc>.*?):\d+:\d+:$")
DELAYED_RE = re.compile(r"^error: internal compiler error(?P<code>\[E\d{4}\])?: (?P<msg>.*)$")
DELAYED_AT_RE = re.compile(r"^note: delayed at (?P<loc>\S+?)(?::\d+:\d+)?(?: - .*)?$")
DEADLOCK_TEXT = "deadlock detected"
SIGNAL_TEXT_RE = re.compile(r"^error: rustc interrupted by (SIG\w+)")
CRATE_DIR_RE = re.compile(r".*?/?((?:compiler|library|src/tools)/[\w-]+/.*|compiler/\w.*)$")


@dataclass
class Classification:
    cls: str                                  # one of CLASSES
    signature: str | None = None              # for ICE, delayed bug, deadlock, signal, timeout
    detail: str | None = None                 # e.g. "order only" for a mismatch
    messages: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"class": self.cls, "signature": self.signature, "detail": self.detail}


def source_file(loc: str) -> str:
    """`/rustc-dev/HASH/compiler/rustc_x/src/y.rs` -> `compiler/rustc_x/src/y.rs`."""
    loc = loc.replace("\\", "/")
    m = re.search(r"((?:compiler|library)/[^/]+/.*)$", loc)
    if m:
        return m.group(1)
    m = re.search(r"(src/tools/.*)$", loc)
    return m.group(1) if m else loc.rsplit("/", 1)[-1]


def normalize_message(msg: str) -> str:
    msg = re.sub(r"0x[0-9a-fA-F]+", "0xADDR", msg)
    msg = re.sub(r"\[[0-9a-f]{4,}\]", "[HASH]", msg)
    msg = re.sub(r"(?<![A-Za-z])\d+", "N", msg)
    return " ".join(msg.split())


def panics(stderr: str) -> list[tuple[str, str]]:
    """(normalised message, source file) of every panic, in order."""
    lines = stderr.split("\n")
    out = []
    for i, line in enumerate(lines):
        m = PANIC_RE.match(line)
        if not m:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt.startswith(("stack backtrace:", "note: ", "error: ", "query stack")):
            nxt = ""
        out.append((normalize_message(nxt), source_file(m.group("loc"))))
    return out


def delayed_bugs(stderr: str) -> list[tuple[str, str]]:
    lines = stderr.split("\n")
    out = []
    for i, line in enumerate(lines):
        m = DELAYED_RE.match(line)
        if not m:
            continue
        loc = "?"
        for nxt in lines[i + 1:i + 40]:
            d = DELAYED_AT_RE.match(nxt)
            if d:
                loc = source_file(d.group("loc"))
                break
            if DELAYED_RE.match(nxt):
                break
        out.append(((m.group("code") + " " if m.group("code") else "") + normalize_message(m.group("msg")), loc))
    return out


def signal_name(num: int) -> str:
    try:
        return _signal.Signals(num).name
    except ValueError:
        return f"signal {num}"


def classify_run(status: int | None, stderr: str, timed_out: bool = False, signum: int | None = None) -> Classification:
    """Classifies a run by what it printed; `status` is None when it was killed."""
    if timed_out:
        return Classification(TIMEOUT, "timeout (killed by the harness)")
    if DEADLOCK_TEXT in stderr:
        return Classification(DEADLOCK, "deadlock detected (reported by the compiler)")
    ps = panics(stderr)
    ds = delayed_bugs(stderr)
    sig_text = next((m.group(1) for m in map(SIGNAL_TEXT_RE.match, stderr.split("\n")) if m), None)
    if signum is not None or sig_text:
        name = signal_name(signum) if signum is not None else sig_text
        return Classification(SIGNAL, f"killed by {sig_text or name}")
    if status != 101:
        # a panic that rustc reports as an ordinary error (a proc macro's), or an expected
        # `internal compiler error` diagnostic, is not a crash: only exit status 101 is
        return Classification(PASS if status == 0 else EXPECTED_ERRORS)
    if ps:
        msg, loc = ps[0]
        # rustc panics at the end of a session with pending delayed bugs: the delayed bug is the cause
        if ds and ("delayed" in msg or "ErrorGuaranteed" in msg or not msg):
            return Classification(DELAYED_BUG, f"delayed bug: {ds[0][0]} @ {ds[0][1]}")
        return Classification(ICE, f"{msg} @ {loc}")
    if ds:
        return Classification(DELAYED_BUG, f"delayed bug: {ds[0][0]} @ {ds[0][1]}")
    return Classification(ICE, "ICE without a panic message")
