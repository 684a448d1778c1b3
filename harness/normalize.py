"""Normalisation profiles for compiler output, applied before comparison and grouping.

`ui` is what compiletest does to every UI test's output (`$DIR`, `$SRC_DIR`, `$TEST_BUILD_DIR`, thread
ids, long-type file names, `//~` annotations, allocation ids renumbered), so that upstream `.stderr`
files match byte for byte. `ice`
adds what differs between two runs of the same ICE: the ICE footer and `rustc-ice-*.txt` notes,
backtraces, query stacks and the version line."""
from __future__ import annotations

import re

PROFILES = ("none", "ui", "ice")

THREAD_ID_RE = re.compile(r"(thread '[^']*') \(\d+\)")
LONG_TYPE_RE = re.compile(r"long-type-\d+\.txt")
# the source of a distributed rustc: /rustc/HASH/ or /rustc-dev/HASH/ (library and compiler paths)
RUST_LIB_RE = re.compile(r"/rustc(?:-dev)?/[0-9a-f]{40}/library")
RUST_COMPILER_RE = re.compile(r"/rustc(?:-dev)?/[0-9a-f]{40}/compiler")
RUSTUP_SRC_RE = re.compile(r"\S*/lib/rustlib/src/rust/library/")

BACKTRACE_START = "stack backtrace:"
FOOTER_PREFIXES = (
    "note: we would appreciate a bug report",
    "note: please make sure that you have updated to the latest nightly",
    "note: please attach the file at",
    "note: rustc ",
    "note: compiler flags:",
    "note: some of the compiler flags provided by cargo are hidden",
    "note: run with `RUST_BACKTRACE=1`",
    "note: using internal features is not supported",
    "note: the compiler unexpectedly panicked",
)
ICE_FILE_RE = re.compile(r"rustc-ice-[\w.:-]+\.txt")
VERSION_RE = re.compile(r"\brustc \d+\.\d+\.\d+(?:-[\w.]+)? \([0-9a-f]{7,} \d{4}-\d{2}-\d{2}\)")
FRAME_RE = re.compile(r"^\s+(\d+: |at \S|\[\.\.\. omitted)")


ANNOTATION_RE = re.compile(r"\s*//(\[.*\])?~.*")
SRC_LINE_COL_RE = re.compile(r"SRC_DIR(.+):\d+:\d+(: \d+:\d+)?")
ALLOC_ID_RE = re.compile(r"\balloc([0-9]+)\b")


def ui(text: str, test_dir: str | None, build_dir: str | None = None, aliases: tuple[str, ...] = ()) -> str:
    """compiletest's normalisation of a UI test's output (runtest.rs, normalize_output), in its order."""
    for d in (test_dir, *aliases):
        if d:
            text = text.replace(d.rstrip("/") + "/", "$DIR/").replace(d.rstrip("/"), "$DIR")
    text = text.replace("/rustc/FAKE_PREFIX/library", "$SRC_DIR").replace("/rustc/FAKE_PREFIX/compiler",
                                                                          "$COMPILER_DIR")
    text = RUST_LIB_RE.sub("$SRC_DIR", text)
    text = RUST_COMPILER_RE.sub("$COMPILER_DIR", text)
    text = RUSTUP_SRC_RE.sub("$SRC_DIR_REAL/", text)
    if build_dir:
        text = text.replace(build_dir.rstrip("/"), "$TEST_BUILD_DIR")
    text = SRC_LINE_COL_RE.sub(r"SRC_DIR\1:LL:COL", text)
    text = LONG_TYPE_RE.sub("long-type-$LONG_TYPE_HASH.txt", text)
    text = THREAD_ID_RE.sub(r"\1 ($TID)", text)
    text = text.replace("\t", "\\t")
    text = ANNOTATION_RE.sub("", text)
    seen: dict[str, int] = {}
    text = ALLOC_ID_RE.sub(lambda m: f"ALLOC{seen.setdefault(m.group(1), len(seen))}", text)
    return text


def strip_ice_noise(text: str) -> str:
    """Drops what changes between two runs of one ICE: backtraces, the query stack, the footer."""
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == BACKTRACE_START:
            i += 1
            while i < len(lines) and (lines[i].startswith(" ") or lines[i].startswith("\t")):
                i += 1
            continue
        if line == "query stack during panic:":
            i += 1
            while i < len(lines) and lines[i] != "end of query stack":
                i += 1
            i += 1
            continue
        if FRAME_RE.match(line) or line.startswith("note: Some details are omitted"):
            i += 1
            continue
        if line.startswith("note: delayed at "):
            line = re.sub(r":\d+:\d+$", "", line)
        if line.startswith(FOOTER_PREFIXES) or ICE_FILE_RE.search(line):
            i += 1
            # a footer note is followed by one blank separator line
            if i < len(lines) and lines[i] == "":
                i += 1
            continue
        out.append(VERSION_RE.sub("rustc $VERSION", line))
        i += 1
    return "\n".join(out)


def apply(profile: str, text: str, test_dir: str | None, build_dir: str | None = None,
          aliases: tuple[str, ...] = ()) -> str:
    if profile == "none":
        return text
    text = ui(text, test_dir, build_dir, aliases)
    if profile == "ice":
        text = strip_ice_noise(text)
    return text
