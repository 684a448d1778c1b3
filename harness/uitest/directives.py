"""compiletest directives (`//@ ...`, `//@[rev] ...`) with their line numbers; unknown or malformed
directives are errors that name the file and line.

The set is compiletest's (what rust-lang/rust's `tests/ui/` uses) plus ours (`schedules`,
`schedule-strategy`, `schedule`, `threads`). Host conditions (`ignore-*`, `only-*`, `needs-*`) are
parsed here and evaluated in `conditions.py`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

PASS_MODES = ("check-pass", "build-pass", "run-pass", "check-fail", "build-fail", "run-fail")
NAME_ONLY = {*PASS_MODES, "compare-output-by-lines", "dont-check-compiler-stderr",
             "dont-check-compiler-stdout", "check-run-results", "should-ice", "no-prefer-dynamic",
             "stderr-per-bitwidth", "force-host", "build-aux-docs", "check-stdout", "run-rustfix",
             "dont-check-failure-status", "unset-rustc-env", "no-auto-check-cfg", "ignore-pass"}
OPTIONAL_VALUE = {"ignore-test", "ignore-parallel-frontend", "known-bug", "dont-require-annotations"}
WITH_VALUE = {"compile-flags", "failure-status", "revisions", "normalize-stderr", "normalize-stdout",
              "schedules", "schedule-strategy", "schedule", "threads", "edition", "aux-build", "aux-crate",
              "aux-bin", "proc-macro", "error-pattern", "rustc-env", "exec-env", "run-flags",
              "needs-llvm-components", "needs-crate-type", "needs-target-has-atomic", "min-llvm-version",
              "ignore-llvm-version", "regex-error-pattern", "incremental", "unset-exec-env",
              "min-system-llvm-version", "doc-flags", "pp-exact", "exact-llvm-major-version"}
CONDITION_PREFIXES = ("ignore-", "only-", "needs-")
# compiletest's old spellings, accepted with the same meaning
ALIASES = {"normalize-stderr-test": "normalize-stderr", "normalize-stdout-test": "normalize-stdout",
           "normalize-stderr-64bit": "normalize-stderr", "normalize-stdout-64bit": "normalize-stdout",
           "normalize-stderr-32bit": "normalize-stderr-32bit", "normalize-stdout-32bit": "normalize-stdout-32bit"}
# directives that change how a test is built or judged in ways some backends cannot honour
STRATEGIES = ("portfolio", "random", "pct", "mixed")
DIRECTIVE_RE = re.compile(r"^\s*//@(\[([\w,-]+)\])?\s*(.*)$")
NAME_RE = re.compile(r"^([A-Za-z0-9][\w.-]*)\s*(:?)\s*(.*)$")
NORMALIZE_RE = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*->\s*"((?:[^"\\]|\\.)*)"$')
JSON_NEWLINES = (re.compile(r"\\n"), "\n")       # a JSON string's `\n`, made a real line break


class DirectiveError(Exception):
    def __init__(self, path: str, line: int, msg: str):
        super().__init__(f"{path}:{line}: {msg}")
        self.path, self.line, self.msg = path, line, msg


@dataclass
class TestProps:
    """The directives in force for one revision of one test."""
    compile_flags: list[str] = field(default_factory=list)
    revision: str | None = None

    def flags(self) -> list[str]:
        """The compiler's flags for this revision: compiletest's `--cfg REV`, then `compile-flags`."""
        cfg = ["--cfg", self.revision.lower().replace("-", "_")] if self.revision else []
        return cfg + self.compile_flags
    pass_mode: str | None = None          # "check-pass", "run-pass", ...
    failure_status: int | None = None
    normalize: list[tuple[re.Pattern, str]] = field(default_factory=list)
    normalize_stdout: list[tuple[re.Pattern, str]] = field(default_factory=list)
    schedules: int | None = None
    strategy: str | None = None
    pinned: str | None = None              # replay:TOKEN
    known_bug: str | None = None
    ignore_parallel: str | None = None
    threads: int | None = None
    edition: str | None = None
    aux_builds: list[str] = field(default_factory=list)
    aux_crates: list[tuple[str, str]] = field(default_factory=list)   # (crate name, file)
    proc_macros: list[str] = field(default_factory=list)
    error_patterns: list[str] = field(default_factory=list)
    dont_check_stderr: bool = False
    dont_check_stdout: bool = False
    dont_require: set[str] = field(default_factory=set)            # kinds not required to be annotated
    rustc_env: dict[str, str] = field(default_factory=dict)
    exec_env: dict[str, str] = field(default_factory=dict)
    run_flags: list[str] = field(default_factory=list)
    compare_by_lines: bool = False
    check_run_results: bool = False
    should_ice: bool = False
    conditions: list["Directive"] = field(default_factory=list)   # ignore-*, only-*, needs-*
    used: set[str] = field(default_factory=set)                   # every directive name in force

    @property
    def json_output(self) -> bool:
        """compiletest's heuristic (runtest.rs, `normalize_output`): the test asks for JSON diagnostics.
        Its stderr is then compared as the compiler wrote it, with escaped newlines made real, and
        its `//~` annotations are matched against the JSON diagnostics."""
        flags = " ".join(self.compile_flags)
        return any(f"--error-format{sep}{fmt}" in flags for sep in (" ", "=") for fmt in ("json", "pretty-json"))

    @property
    def expected_status(self) -> int:
        if self.failure_status is not None:
            return self.failure_status
        if self.should_ice:
            return 101
        return 0 if self.pass_mode in ("check-pass", "build-pass", "run-pass", "run-fail") else 1

    @property
    def requires_build(self) -> bool:
        return self.pass_mode in ("build-pass", "build-fail", "run-pass", "run-fail")

    @property
    def runs_binary(self) -> bool:
        return self.pass_mode in ("run-pass", "run-fail")


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
        nm = NAME_RE.match(body)
        if not nm:
            raise DirectiveError(path, i, f"malformed directive `//@ {body}`")
        name, colon, value = nm.group(1), nm.group(2), nm.group(3).strip()
        name = ALIASES.get(name, name)
        if name in NAME_ONLY:
            if colon and value:
                raise DirectiveError(path, i, f"directive `{name}` takes no value")
            value = None
        elif name in OPTIONAL_VALUE or name.startswith(CONDITION_PREFIXES) and name not in WITH_VALUE:
            value = value or None
        elif name in WITH_VALUE or name.endswith("-32bit"):
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


def _rule(path, d: Directive, v: str) -> tuple[re.Pattern, str]:
    m = NORMALIZE_RE.match(v)
    if not m:
        raise DirectiveError(path, d.line, f'expected `{d.name}: "REGEX" -> "REPLACEMENT"`')
    try:
        return re.compile(_unescape(m.group(1))), _unescape(m.group(2)).replace("\\n", "\n")
    except re.error as e:
        raise DirectiveError(path, d.line, f"bad regex in {d.name}: {e}") from None


def _unescape(s: str) -> str:
    return s.replace('\\"', '"')


def _env(path, d: Directive, v: str) -> tuple[str, str]:
    k, eq, val = v.partition("=")
    if not eq or not k.strip():
        raise DirectiveError(path, d.line, f"`{d.name}` expects NAME=VALUE, found `{v}`")
    return k.strip(), val


def props_for(path: str, directives: list[Directive], revision: str | None) -> TestProps:
    p = TestProps(revision=revision)
    for d in directives:
        if d.revs is not None and revision not in d.revs:
            continue
        v = d.value
        p.used.add(d.name)
        if d.name == "compile-flags":
            p.compile_flags += v.split()
        elif d.name in PASS_MODES:
            p.pass_mode = d.name
        elif d.name == "failure-status":
            p.failure_status = _int(path, d, v)
        elif d.name == "normalize-stderr":
            p.normalize.append(_rule(path, d, v))
        elif d.name == "normalize-stdout":
            p.normalize_stdout.append(_rule(path, d, v))
        elif d.name == "schedules":
            p.schedules = _int(path, d, v)
        elif d.name == "threads":
            p.threads = _int(path, d, v)
        elif d.name == "schedule-strategy":
            if v not in STRATEGIES:
                raise DirectiveError(path, d.line, f"unknown schedule strategy `{v}`; expected {', '.join(STRATEGIES)}")
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
            p.known_bug = v or "unknown"
        elif d.name == "ignore-parallel-frontend":
            p.ignore_parallel = v or "ignore-parallel-frontend"
        elif d.name == "edition":
            if not re.fullmatch(r"20\d\d|future|\d{4}\.\.(\d{4})?", v):
                raise DirectiveError(path, d.line, f"unknown edition `{v}`")
            p.edition = v.split("..")[0]
        elif d.name == "aux-build":
            p.aux_builds.append(v)
        elif d.name == "aux-crate":
            spec = v.split(":")[-1]
            name, eq, file = spec.partition("=")
            if not eq:
                raise DirectiveError(path, d.line, f"`aux-crate` expects NAME=FILE, found `{v}`")
            p.aux_crates.append((name.strip(), file.strip()))
        elif d.name == "proc-macro":
            p.proc_macros.append(v)
        elif d.name in ("error-pattern", "regex-error-pattern"):
            p.error_patterns.append(v if d.name == "error-pattern" else "re:" + v)
        elif d.name == "dont-check-compiler-stderr":
            p.dont_check_stderr = True
        elif d.name == "dont-check-compiler-stdout":
            p.dont_check_stdout = True
        elif d.name == "dont-require-annotations":
            p.dont_require |= set((v or "ERROR WARN NOTE HELP").replace(",", " ").split())
        elif d.name == "rustc-env":
            k, val = _env(path, d, v)
            p.rustc_env[k] = val
        elif d.name == "exec-env":
            k, val = _env(path, d, v)
            p.exec_env[k] = val
        elif d.name == "run-flags":
            p.run_flags += v.split()
        elif d.name == "compare-output-by-lines":
            p.compare_by_lines = True
        elif d.name == "check-run-results":
            p.check_run_results = True
        elif d.name == "should-ice":
            p.should_ice = True
        elif d.name.startswith(CONDITION_PREFIXES) and d.name not in ("ignore-test", "ignore-parallel-frontend"):
            p.conditions.append(d)
    if p.json_output:
        # compiletest turns JSON's escaped newlines into real ones before the test's own rules
        p.normalize.insert(0, JSON_NEWLINES)
    return p


def _int(path, d: Directive, v: str) -> int:
    if not v.isdigit():
        raise DirectiveError(path, d.line, f"`{d.name}` expects a number, found `{v}`")
    return int(v)
