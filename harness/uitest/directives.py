"""compiletest directives (`//@ ...`, `//@[rev] ...`) with their line numbers; unknown or malformed
directives are errors that name the file and line."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

NAME_ONLY = {"check-pass", "build-pass", "check-fail", "build-fail", "compare-output-by-lines"}
OPTIONAL_VALUE = {"ignore-test"}
WITH_VALUE = {"compile-flags", "failure-status", "revisions", "normalize-stderr", "schedules",
              "schedule-strategy", "schedule", "known-bug", "ignore-parallel-frontend", "threads"}
STRATEGIES = ("random", "pct")
DIRECTIVE_RE = re.compile(r"^\s*//@(\[([\w,-]+)\])?\s*(.*)$")
NORMALIZE_RE = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*->\s*"((?:[^"\\]|\\.)*)"$')


class DirectiveError(Exception):
    def __init__(self, path: str, line: int, msg: str):
        super().__init__(f"{path}:{line}: {msg}")
        self.path, self.line, self.msg = path, line, msg


@dataclass
class TestProps:
    """The directives in force for one revision of one test."""
    compile_flags: list[str] = field(default_factory=list)
    pass_mode: str | None = None          # "check-pass" etc.
    failure_status: int | None = None
    normalize: list[tuple[re.Pattern, str]] = field(default_factory=list)
    schedules: int | None = None
    strategy: str | None = None
    pinned: str | None = None              # replay:TOKEN
    known_bug: str | None = None
    ignore_parallel: str | None = None
    threads: int | None = None

    @property
    def expected_status(self) -> int:
        if self.failure_status is not None:
            return self.failure_status
        return 0 if self.pass_mode in ("check-pass", "build-pass") else 1


@dataclass
class Directive:
    line: int
    revs: list[str] | None
    name: str
    value: str | None


def parse_directives(path: str, src: str) -> tuple[list[str], list[Directive]]:
    revisions: list[str] = []
    out: list[Directive] = []
    for i, text in enumerate(src.splitlines(), 1):
        m = DIRECTIVE_RE.match(text)
        if not m:
            continue
        revs = m.group(2).split(",") if m.group(2) else None
        body = m.group(3).strip()
        name, colon, value = body.partition(":")
        name = name.strip()
        value = value.strip() if colon else None
        if name in NAME_ONLY:
            if value is not None:
                raise DirectiveError(path, i, f"directive `{name}` takes no value")
        elif name in OPTIONAL_VALUE:
            pass
        elif name in WITH_VALUE:
            if not value:
                raise DirectiveError(path, i, f"directive `{name}` needs a value: `//@ {name}: ...`")
        else:
            hint = _suggest(name)
            raise DirectiveError(path, i, f"unknown directive `{name}`" + (f"; did you mean `{hint}`?" if hint else ""))
        if name == "revisions":
            if revs:
                raise DirectiveError(path, i, "`revisions` cannot be revision-specific")
            revisions = value.split()
            if len(set(revisions)) != len(revisions):
                raise DirectiveError(path, i, "duplicate revision name")
        out.append(Directive(i, revs, name, value))
    for d in out:
        for r in d.revs or ():
            if r not in revisions:
                raise DirectiveError(path, d.line, f"revision `{r}` is not declared in `//@ revisions`")
    return revisions, out


def _suggest(name: str) -> str | None:
    import difflib
    m = difflib.get_close_matches(name, sorted(NAME_ONLY | WITH_VALUE | OPTIONAL_VALUE), n=1, cutoff=0.7)
    return m[0] if m else None


def props_for(path: str, directives: list[Directive], revision: str | None) -> TestProps:
    p = TestProps()
    for d in directives:
        if d.revs is not None and revision not in d.revs:
            continue
        v = d.value
        if d.name == "compile-flags":
            p.compile_flags += v.split()
        elif d.name in ("check-pass", "build-pass", "check-fail", "build-fail"):
            p.pass_mode = d.name
        elif d.name == "failure-status":
            p.failure_status = _int(path, d, v)
        elif d.name == "normalize-stderr":
            m = NORMALIZE_RE.match(v)
            if not m:
                raise DirectiveError(path, d.line, 'expected `normalize-stderr: "REGEX" -> "REPLACEMENT"`')
            try:
                p.normalize.append((re.compile(m.group(1).replace('\\"', '"')), m.group(2).replace('\\"', '"')))
            except re.error as e:
                raise DirectiveError(path, d.line, f"bad regex in normalize-stderr: {e}") from None
        elif d.name == "schedules":
            p.schedules = _int(path, d, v)
        elif d.name == "threads":
            p.threads = _int(path, d, v)
        elif d.name == "schedule-strategy":
            if v not in STRATEGIES:
                raise DirectiveError(path, d.line, f"unknown schedule strategy `{v}`; expected random or pct")
            p.strategy = v
        elif d.name == "schedule":
            if not v.startswith("replay:"):
                raise DirectiveError(path, d.line, "`schedule` pins a token: `//@ schedule: replay:TOKEN`")
            from compiler.sync.token import Decoder, TokenError
            try:
                Decoder(v[len("replay:"):])
            except TokenError as e:
                raise DirectiveError(path, d.line, str(e)) from None
            p.pinned = v
        elif d.name == "known-bug":
            p.known_bug = v
        elif d.name == "ignore-parallel-frontend":
            p.ignore_parallel = v
    return p


def _int(path, d: Directive, v: str) -> int:
    if not v.isdigit():
        raise DirectiveError(path, d.line, f"`{d.name}` expects a number, found `{v}`")
    return int(v)
