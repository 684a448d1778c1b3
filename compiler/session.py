"""Command-line options and the `Session` (rustc_session): `-Z` flags, crate name, recursion limit,
and which historical bugs are injected."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from compiler import bugs
from compiler.sync.strategy import ScheduleSpecError, Strategy, parse_spec

DEFAULT_RECURSION_LIMIT = 128


class UsageError(Exception):
    """A bad command line: reported as one `error: ...` line, exit 1."""


class InfoRequest(Exception):
    """`--help`, `--version`, `-Z help`, `--explain CODE`: print the text on stdout and exit 0."""


@dataclass
class Options:
    input: str | None = None
    threads: int = 1
    strategy: Strategy | None = None
    inject_bugs: list[str] = field(default_factory=list)
    dump_schedule: str | None = None
    ui_testing: bool = False
    verify_caches: bool = False
    dump_attr_ids: bool = False
    max_schedule_steps: int | None = None
    crate_name: str | None = None
    crate_type: str = "bin"
    flag_line: list[str] = field(default_factory=list)   # for the ICE banner
    env: dict = field(default_factory=dict)              # the environment (`MINIRUSTC_LOG`)
    lint_opts: list = field(default_factory=list)        # [(level, lint as written)] from -A/-W/-D/-F, in order
    cfg: list = field(default_factory=list)              # --cfg NAME / --cfg 'key="value"'
    edition: str = "2015"
    cap_lints: str | None = None
    error_format: str = "human"                          # human, json or pretty-json
    json: list = field(default_factory=list)             # the `--json` values, in order
    color: str = "auto"


Z_FLAGS = ("threads", "schedule", "inject-bug", "dump-schedule", "ui-testing", "max-schedule-steps",
           "verify-caches", "dump-attr-ids")
VALUE_OPTIONS = ("--crate-name", "--crate-type", "--edition", "--color", "--error-format", "--emit", "-o",
                 "--out-dir", "-L", "--target", "--json", "--cfg", "--explain")
EDITIONS = ("2015", "2018", "2021", "2024", "future")
CRATE_TYPES = ("bin", "lib", "rlib", "dylib", "cdylib", "staticlib", "proc-macro")
EMIT_KINDS = ("asm", "llvm-bc", "dep-info", "link", "llvm-ir", "metadata", "mir", "obj", "thin-link-bitcode")
LINT_FLAGS = {"-A": "allow", "-W": "warn", "-D": "deny", "-F": "forbid"}
LINT_LEVELS = ("allow", "warn", "deny", "forbid")
ERROR_FORMATS = ("human", "human-unicode", "json", "pretty-json", "short")
JSON_FORMATS = ("json", "pretty-json")
# rustc's `--json` values, and why minirustc cannot honour those it rejects (`future-incompat` asks for a
# report of future-breakage lints: minirustc has none, so the report is always absent, as rustc's is then)
JSON_OPTIONS = {"future-incompat": None,
                "diagnostic-short": "it renders only rustc's human format in `rendered`",
                "diagnostic-rendered-ansi": "it never colours its output",
                "diagnostic-unicode": "it renders only rustc's human format in `rendered`",
                "artifacts": "it writes no artifacts",
                "unused-externs": "it loads no extern crates",
                "unused-externs-silent": "it loads no extern crates",
                "timings": "it records no timings"}


def parse_args(argv: list[str]) -> Options:
    o = Options()
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "-Z" or (a.startswith("-Z") and len(a) > 2):
            if a == "-Z":
                i += 1
                if i >= len(argv):
                    raise UsageError("`-Z` requires an argument")
                z = argv[i]
            else:
                z = a[2:]
            _apply_z(o, z)
        elif a[:2] in LINT_FLAGS and not a.startswith("--"):
            if len(a) > 2:
                name = a[2:]
            else:
                i += 1
                if i >= len(argv):
                    raise UsageError(f"`{a}` requires an argument")
                name = argv[i]
            o.lint_opts.append((LINT_FLAGS[a[:2]], name))
        elif a == "--cap-lints" or a.startswith("--cap-lints="):
            if "=" in a:
                value = a.split("=", 1)[1]
            else:
                i += 1
                if i >= len(argv):
                    raise UsageError("`--cap-lints` requires an argument")
                value = argv[i]
            if value not in LINT_LEVELS:
                raise UsageError(f"unknown lint level: `{value}`")
            o.cap_lints = value
        elif a in ("--help", "-h"):
            raise InfoRequest(usage())
        elif a in ("--version", "-V"):
            from compiler.driver import VERSION
            raise InfoRequest(VERSION + "\n")
        elif a in VALUE_OPTIONS or any(a.startswith(f + "=") for f in VALUE_OPTIONS if f.startswith("--")):
            name, eq, value = a.partition("=")
            if not eq:
                i += 1
                if i >= len(argv):
                    raise UsageError(f"Argument to option '{name.lstrip('-')}' missing")
                value = argv[i]
            _value_option(o, name, value)
        elif a.startswith("-") and a != "-":
            raise UsageError(f"unrecognized option `{a}`")
        elif o.input is None:
            o.input = a
        else:
            raise UsageError(f"multiple input filenames provided (first two filenames are `{o.input}` and `{a}`)")
        i += 1
    _check_output_options(o)
    if o.input is None:
        raise UsageError("no input filename given")
    if o.strategy is not None and o.threads <= 1:
        raise UsageError("`-Z schedule` needs `-Z threads=N` with N > 1")
    replay_threads = getattr(o.strategy, "threads", None)
    if replay_threads is not None and replay_threads != o.threads:
        raise UsageError(f"the schedule token was recorded with `-Z threads={replay_threads}`, "
                         f"not `-Z threads={o.threads}`")
    return o


def _value_option(o: Options, name: str, value: str):
    """The options that take a value. Those minirustc cannot honour are errors that name them."""
    if name == "--crate-name":
        o.crate_name = value
    elif name == "--crate-type":
        if value not in CRATE_TYPES:
            raise UsageError(f"unknown crate type: `{value}`, expected one of: `lib`, `rlib`, `staticlib`, "
                             "`dylib`, `cdylib`, `bin`, `proc-macro`")
        o.crate_type = value
    elif name == "--edition":
        if value not in EDITIONS:
            raise UsageError(f"argument for `--edition` must be one of: <{'|'.join(EDITIONS)}>. "
                             f"(instead was `{value}`)")
        o.edition = value
    elif name == "--color":
        if value not in ("auto", "always", "never"):
            raise UsageError(f"argument for `--color` must be auto, always or never (instead was `{value}`)")
        o.color = value
    elif name == "--error-format":
        if value not in ERROR_FORMATS:
            raise UsageError("argument for `--error-format` must be `human`, `human-unicode`, `json`, "
                             f"`pretty-json` or `short` (instead was `{value}`)")
        if value not in ("human", *JSON_FORMATS):
            raise UsageError(f"minirustc does not support `--error-format={value}` (only `human`, `json` and "
                             "`pretty-json`)")
        o.error_format = value
    elif name == "--emit":
        for kind in value.split(","):
            kind = kind.partition("=")[0]
            if kind not in EMIT_KINDS:
                raise UsageError(f"unknown emission type: `{kind}` - expected one of: "
                                 + ", ".join(f"`{k}`" for k in EMIT_KINDS))
            if kind not in ("metadata", "dep-info"):
                raise UsageError(f"minirustc cannot honour `--emit={kind}`: it checks crates and emits nothing "
                                 "(`--emit=metadata`)")
    elif name in ("-o", "--out-dir", "-L"):
        pass        # nothing is written, and no crates are loaded: there is nothing to honour
    elif name == "--target":
        raise UsageError(f"minirustc cannot honour `--target {value}`: it models the host target only")
    elif name == "--json":
        for v in value.split(","):
            if v not in JSON_OPTIONS:
                raise UsageError(f"unknown `--json` option `{v}`")
            o.json.append(v)
    elif name == "--cfg":
        from compiler.cfg import parse_cli
        parse_cli([value])
        o.cfg.append(value)
    elif name == "--explain":
        from compiler.explain import explain
        raise InfoRequest(explain(value))


def _check_output_options(o: Options):
    """What `--json` and `--color` need of `--error-format`, whatever the order they came in."""
    if o.json and o.error_format not in JSON_FORMATS:
        raise UsageError("using `--json` requires also using `--error-format=json`")
    for v in o.json:
        if JSON_OPTIONS[v]:
            raise UsageError(f"minirustc cannot honour `--json={v}`: {JSON_OPTIONS[v]}")
    if o.color == "always" and o.error_format not in JSON_FORMATS:
        # with JSON, `rendered` is uncoloured unless `--json=diagnostic-rendered-ansi` asks for colour
        raise UsageError("minirustc cannot honour `--color always`: it never colours its output")


def usage() -> str:
    return ("Usage: minirustc [OPTIONS] INPUT\n\n"
            "A model of rustc's parallel front-end for a subset of Rust; it checks the crate and emits\n"
            "rustc's diagnostics.\n\n"
            "Options:\n"
            "    -h, --help          Display this message\n"
            "    -V, --version       Print version info and exit\n"
            "        --cfg SPEC      Configure the compilation environment\n"
            "        --crate-type bin|lib|...\n"
            "        --crate-name NAME\n"
            "        --edition 2015|2018|2021|2024\n"
            "        --emit metadata Accepted: minirustc emits nothing\n"
            "        --error-format human|json|pretty-json\n"
            "                        How errors are reported (JSON: rustc's diagnostic objects)\n"
            "        --json future-incompat\n"
            "                        Accepted with JSON errors: minirustc has no future-breakage lints\n"
            "        --color auto|never\n"
            "        --explain EXXXX Provide a detailed explanation of an error message\n"
            "    -A, -W, -D, -F LINT Set lint allowed, warn, denied or forbidden\n"
            "        --cap-lints LEVEL\n"
            "                        Set the most restrictive lint level\n"
            "    -Z FLAG             minirustc's unstable options (-Z help to print them)\n")


Z_HELP = {
    "threads": "the number of threads of the parallel front-end (1 is serial)",
    "schedule": "run the threads under a controlled schedule: random:SEED, pct:SEED[:DEPTH[:STEPS]], replay:TOKEN",
    "inject-bug": "re-inject historical bugs: NAME[,NAME] (see `harness bugs list`)",
    "dump-schedule": "write the schedule token of a controlled run to FILE",
    "ui-testing": "emit compiletest-friendly output (`LL` for line numbers)",
    "max-schedule-steps": "the livelock bound: scheduling steps without progress (default 200000)",
    "verify-caches": "assert that racing inserts into the evaluation cache agree",
    "dump-attr-ids": "print each attribute's AttrId as a note",
}


def _apply_z(o: Options, z: str):
    name, eq, value = z.partition("=")
    if name == "help":
        width = max(len(k) for k in Z_HELP)
        raise InfoRequest("Available options:\n\n" + "".join(
            f"    -Z {k:<{width}} -- {Z_HELP[k]}\n" for k in Z_FLAGS))
    if name not in Z_FLAGS:
        raise UsageError(f"unknown unstable option: `{name}`")
    if name in ("ui-testing", "verify-caches", "dump-attr-ids"):
        if value not in ("", "yes", "y", "on", "no", "n", "off"):
            raise UsageError(f"incorrect value `{value}` for unstable option `{name}` - `yes` or `no` was expected")
        setattr(o, name.replace("-", "_"), value in ("", "yes", "y", "on"))
        if name == "verify-caches" and o.verify_caches:
            o.flag_line.append("-Z verify-caches")
        return
    if not eq or not value:
        raise UsageError(f"unstable option `{name}` requires a value (`-Z {name}=...`)")
    if name == "threads":
        if not value.isdigit() or not 1 <= int(value) <= 64:
            raise UsageError(f"incorrect value `{value}` for unstable option `threads` - a number between "
                             "1 and 64 was expected")
        o.threads = int(value)
        o.flag_line.append(f"-Z threads={value}")
    elif name == "schedule":
        try:
            o.strategy = parse_spec(value)
        except ScheduleSpecError as e:
            raise UsageError(str(e)) from None
    elif name == "inject-bug":
        for b in value.split(","):
            if b not in bugs.CATALOGUE:
                raise UsageError(f"unknown bug `{b}` for `-Z inject-bug`; known bugs: {', '.join(bugs.names())}")
            o.inject_bugs.append(b)
        o.flag_line.append(f"-Z inject-bug={value}")
    elif name == "dump-schedule":
        o.dump_schedule = value
    elif name == "max-schedule-steps":
        if not value.isdigit():
            raise UsageError(f"incorrect value `{value}` for unstable option `max-schedule-steps`")
        o.max_schedule_steps = int(value)


class ParseSess:
    """Parsing state of one session (rustc_session::parse::ParseSess): here, the attribute ids."""

    def __init__(self, global_ids: bool):
        from compiler.syntax.attr_id import AttrIdGenerator
        self.global_ids = global_ids
        self.attr_id_generator = AttrIdGenerator()

    def parse_time_attr_ids(self):
        """Before PR #101313 ids came from a process-global counter as each file was parsed."""
        from compiler.syntax.attr_id import mk_attr_id_global
        return mk_attr_id_global if self.global_ids else None

    def assign_attr_ids(self, crate):
        """The fixed design: once every file is parsed, number the attributes in source order."""
        if self.global_ids:
            return
        for attr in iter_attrs(crate):
            attr.id = self.attr_id_generator.mk_attr_id()


def iter_attrs(crate):
    """Every attribute of the crate, in source order (module files in place of their `mod` item)."""
    yield from crate.attrs

    def walk(items):
        for it in items or ():
            yield from it.attrs
            kind = type(it).__name__
            if kind == "Mod":
                yield from walk(it.items)
            elif kind in ("Trait", "Impl"):
                for f in it.items:
                    yield from f.attrs
    yield from walk(crate.items)


class Session:
    def __init__(self, opts: Options, crate_attrs=()):
        self.opts = opts
        stem = os.path.splitext(os.path.basename(opts.input or "main.rs"))[0]
        self.crate_name = opts.crate_name or stem.replace("-", "_")
        self.recursion_limit = DEFAULT_RECURSION_LIMIT
        self.injected = frozenset(opts.inject_bugs)
        self.psess = ParseSess(global_ids=self.bug("global-attr-id"))
        from compiler.cfg import BUILTIN, parse_cli
        self.psess.cfg = BUILTIN | parse_cli(opts.cfg)

    def bug(self, name: str) -> bool:
        return name in self.injected
