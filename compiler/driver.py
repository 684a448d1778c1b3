"""The `minirustc` driver (rustc_driver / rustc_interface): options, the phase pipeline, and the
handling of fatal errors, ICEs and schedule failures. `run_compiler` is re-entrant: the harness calls
it in-process for each run, with no state shared between sessions."""
from __future__ import annotations

import io
import os
import sys
import threading
import traceback

from compiler import const_eval
from compiler.errors import Diag
from compiler.errors.dcx import DiagCtxt
from compiler.errors.emitter import HumanEmitter
from compiler.lint import builtin, late
from compiler.lint.buffer import LintBuffer
from compiler.lint.levels import FLAG, LEVEL_ATTRS, LintLevels
from compiler.lint.store import GROUPS, new_lint_store
from compiler.log import Logger, LogSpecError, parse_filter
from compiler.passes import check_attr
from compiler.sync.types import Lock, RefCell
from compiler.resolve import Resolver
from compiler.session import InfoRequest, Options, Session, UsageError, parse_args
from compiler.expand import load_modules
from compiler.session import iter_attrs
from compiler.sync.pool import FatalError, ThreadPool
from compiler.syntax.span import SourceMap, Span
from compiler.sync.runtime import Runtime
from compiler.sync.scheduler import ScheduleAbort
from compiler.syntax.lexer import LexError
from compiler.syntax.parser import ParseError, parse_crate
from compiler.syntax.span import SourceFile
from compiler.ty import collect, layout
from compiler.ty.context import TyCtxt
from compiler.ty.types import ERROR
from compiler.typeck import check, wfcheck
from compiler.infer import borrowck, region_relations

VERSION = "minirustc 0.1.0 (modelling rustc 1.95.0)"
EXIT_SUCCESS, EXIT_FAILURE, EXIT_ICE = 0, 1, 101
EXIT_ABORT = 134      # `process::abort()`, as a shell reports SIGABRT
BUILTIN_ATTRS = set(LEVEL_ATTRS) | {"cfg", "cfg_attr", "inline", "cold", "must_use", "deprecated", "recursion_limit", "doc", "derive",
                                    "test", "allow_internal_unstable", "track_caller", "no_mangle"}
BUG_REPORT_URL = ("https://github.com/rust-lang/rust/issues/new?labels=C-bug%2C+I-ICE%2C+T-compiler"
                  "&template=ice.md")

PROVIDERS = {
    "analysis": lambda tcx, _: analysis(tcx),
    "codegen_fn_attrs": check_attr.codegen_fn_attrs,
    "check_well_formed": wfcheck.check_well_formed,
    "representability": wfcheck.representability,
    "type_of": collect.type_of,
    "fn_sig": collect.fn_sig,
    "typeck": check.typeck,
    "const_eval": const_eval.const_eval,
    "trivial_const": const_eval.trivial_const,
    "mir_built": const_eval.mir_built,
    "eval_static_initializer": const_eval.eval_static_initializer,
    "region_relations": region_relations.region_relations,
    "layout_of": layout.layout_of,
    "mir_borrowck": borrowck.mir_borrowck,
}
FALLBACKS = {
    "type_of": lambda tcx, d: ERROR,
    "fn_sig": lambda tcx, d: ([ERROR] * len(d.node.params), ERROR),
    "const_eval": const_eval.cycle_value,
    "trivial_const": const_eval.cycle_value,
    "mir_built": const_eval.cycle_value,
    "eval_static_initializer": const_eval.cycle_value,
}
for _name in PROVIDERS:
    FALLBACKS.setdefault(_name, lambda tcx, d: None)


def main(argv: list[str] | None = None) -> int:
    out = io.StringIO()
    code = run_compiler(sys.argv[1:] if argv is None else argv, out)
    sys.stderr.write(out.getvalue())
    sys.stderr.flush()
    return code


def run_compiler(argv: list[str], out, source: str | None = None, info: dict | None = None,
                 strategy=None, env: dict | None = None) -> int:
    """Compile as `minirustc ARGV` would, writing stderr to `out`; `info["token"]` receives the
    schedule token of a controlled run. `strategy` (with `-Z threads=N`, N > 1) replaces
    `-Z schedule=` for programmatic exploration."""
    try:
        opts = parse_args(argv)
    except InfoRequest as e:
        sys.stdout.write(str(e))
        return EXIT_SUCCESS
    except UsageError as e:
        out.write(f"error: {e}\n\n")
        return EXIT_FAILURE
    if strategy is not None and opts.threads > 1:
        opts.strategy = strategy
    opts.env = dict(os.environ) if env is None else {**os.environ, **env}
    try:
        parse_filter(opts.env.get("MINIRUSTC_LOG", ""))
    except LogSpecError as e:
        out.write(f"error: {e}\n\n")
        return EXIT_FAILURE
    if source is None:
        try:
            with open(opts.input, "rb") as f:
                raw = f.read()
        except OSError as e:
            return _input_error(opts, out, Diag(
                "error", f"couldn't read `{opts.input}`: {e.strerror} (os error {e.errno})"))
        try:
            source = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            return _input_error(opts, out, Diag(
                "error", f"couldn't read `{opts.input}`: stream did not contain valid UTF-8")
                .note(f"invalid utf-8 at byte `{e.start}`"))
    rt = Runtime(opts.threads, opts.strategy, opts.max_schedule_steps)
    compiler = Compiler(opts, rt, out, source)
    try:
        return compiler.run()
    finally:
        if rt.sched is not None:
            rt.sched.join_all()
            if info is not None:
                info["token"] = rt.token()
            if opts.dump_schedule:
                _write_atomic(opts.dump_schedule, rt.token() + "\n")


def make_emitter(opts: Options, root: SourceFile | None = None):
    """The emitter `--error-format` selects: rustc's human format, or its JSON objects."""
    human = HumanEmitter(opts.ui_testing)
    if opts.error_format in ("json", "pretty-json"):
        from compiler.errors.json import JsonEmitter
        return JsonEmitter(human, pretty=opts.error_format == "pretty-json", root=root)
    return human


def _input_error(opts: Options, out, d: Diag) -> int:
    """An input file that cannot be read: the error and rustc's closing line."""
    from compiler.errors.dcx import closing_lines
    emitter = make_emitter(opts)
    emitter.emit(out, d, emitter.render(d) + "\n")
    for level, message, rendered in closing_lines(1, 0, ()):
        emitter.emit_plain(out, level, message, rendered)
    return EXIT_FAILURE


class LimitError(Exception):
    """Input beyond one of minirustc's own limits: one `error:` line, exit 1."""


def _write_atomic(path: str, text: str):
    tmp = f"{path}.tmp{os.getpid()}.{threading.get_ident()}"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


class Compiler:
    def __init__(self, opts: Options, rt: Runtime, out, source: str):
        self.opts, self.rt, self.out = opts, rt, out
        self.file = SourceFile(_display_name(opts.input), source)
        self.sess = Session(opts)
        self.sess.lint_store = RefCell(rt, new_lint_store(), "lint_store")
        self.sess.buffered_lints = LintBuffer(rt)
        self.sess.used_attrs, self.sess.used_attrs_lock = set(), Lock(rt, name="used_attrs")
        self.sess.psess.source_map = SourceMap(rt)
        self.dcx = DiagCtxt(rt, make_emitter(opts, self.file), out, immediate=self.sess.bug("unordered-diagnostics"))
        self.sess.log = Logger(opts.env, rt, out, prefix_thread_ids=self.sess.bug("thread-id-log-prefix"))
        self.tcx: TyCtxt | None = None

    def run(self) -> int:
        try:
            self._run()
        except FatalError:
            self.dcx.flush()
        except ScheduleAbort as abort:
            return self._schedule_failure(abort)
        except RecursionError:
            self.dcx.flush()
            self.dcx.plain_error(f"`{self.file.name}` is nested too deeply for minirustc to compile")
            return EXIT_FAILURE
        except LimitError as e:
            self.dcx.plain_error(str(e))
            return EXIT_FAILURE
        except Exception as e:  # an ICE: any panic that escaped the compiler
            self.dcx.flush()
            return self._ice(e)
        if self.tcx is not None and self.tcx.panics:
            return self._ice(self.tcx.panics[0][0])
        self.dcx.closing_lines()
        return EXIT_FAILURE if self.dcx.err_count else EXIT_SUCCESS

    def _run(self):
        from compiler.query.deadlock import handle_deadlock
        pool = ThreadPool(self.rt, lambda: handle_deadlock(self.tcx),
                          no_parallel_guard=self.sess.bug("no-parallel-guard"),
                          steal_while_blocked=self.sess.bug("worker-steals-while-blocked"))
        pool.install(lambda: self._compile(pool))

    def _compile(self, pool: ThreadPool):
        """rustc_interface's passes, run inside the thread pool (as `run_in_thread_pool_with_globals`)."""
        dcx = self.dcx
        try:
            crate = parse_crate(self.file, self.sess.psess.parse_time_attr_ids())
        except (LexError, ParseError) as e:
            if getattr(e, "limit", False):
                line, col = e.span.file.lookup(e.span.lo)
                raise LimitError(f"{e.msg} ({e.span.file.name}:{line}:{col})") from None
            d = Diag("error", e.msg, e.code).primary(e.span, getattr(e, "label", None) or "")
            dcx.emit(d)
            dcx.flush()
            raise FatalError() from None
        try:
            load_modules(self.sess.psess, crate, self.file, pool, dcx)
        finally:
            dcx.flush()
        if self.opts.dump_attr_ids:
            for attr in iter_attrs(crate):
                dcx.emit(Diag("note", f"AttrId({attr.id}): `#{'!' if attr.inner else ''}[{attr.name}]`")
                         .primary(attr.span))
        self._check_crate_attrs(crate)
        resolver = Resolver(crate, self.sess.crate_name, dcx.emit)
        resolver.collect()
        self._check_attrs(crate)
        resolver.resolve_all()
        if self.opts.crate_type == "bin" and not any(
                d.kind == "fn" and d.name == "main" and d.parent is None for d in resolver.defs):
            d = Diag("error", f"`main` function not found in crate `{self.sess.crate_name}`", "E0601")
            hint = f"consider adding a `main` function to `{self.file.name}`"
            if not self.file.src:
                d.note(hint)            # an empty file has no span to point at
            else:
                # rustc points just past the crate's last item (its inner span), else at the end
                end = max((it.span.hi for it in crate.items if it.span.file is self.file), default=len(self.file.src))
                d.primary(Span(end, end, self.file), hint)
            dcx.emit(d)
        dcx.flush()
        store = self.sess.lint_store.value
        dcx.lint_group = store.group_of
        default_of = lambda name: store.lints[name].default if name in store.lints else "warn"  # noqa: E731
        dcx.lint_level = LintLevels(crate.attrs, store.group_of, self.opts.lint_opts, self.opts.cap_lints,
                                    default_of)
        dcx.lint_default = default_of
        self._check_cli_lints(crate, store, dcx.lint_level)
        tcx = self.tcx = TyCtxt(self.sess, self.rt, pool, dcx, resolver, PROVIDERS, FALLBACKS)
        late.early_lint_checks(tcx)
        tcx.query("analysis", None)

    def _check_crate_attrs(self, crate):
        for a in crate.attrs:
            if a.name == "recursion_limit":
                if a.value is None or not a.value.isdigit():
                    self.dcx.emit(Diag("error", "malformed `recursion_limit` attribute input").primary(a.span))
                else:
                    self.sess.recursion_limit = int(a.value)

    def _check_cli_lints(self, crate, store, levels):
        """Command-line lint names rustc does not know (E0602), and source `allow`/`warn` attributes
        that a command-line `-F` overrules (E0453)."""
        for level, name, written in levels.cli_lints():
            if name != "warnings" and not store.is_known(name):
                d = Diag("warning", f"unknown lint: `{written}`", "E0602")
                d.note(f"requested on the command line with `{FLAG[level]} {written}`")
                d.lint = "unknown_lints"
                self.dcx.emit(d)
            elif level != "allow" and name not in store.lints and name not in GROUPS and name != "warnings":
                # a lint of rustc's that minirustc never checks: an option it cannot honour
                self.dcx.emit(Diag("error", f"minirustc does not support the lint `{written}` yet (requested "
                                            f"with `{FLAG[level]} {written}`)"))
        for a in iter_attrs(crate):
            if a.name not in ("allow", "warn"):
                continue
            for text, span in a.args:
                forbid = levels.cli_forbidden(text)
                if forbid is not None:
                    self.dcx.emit(Diag("error", f"{a.name}({text}) incompatible with previous forbid", "E0453")
                                  .primary(span, "overruled by previous forbid")
                                  .note(f"`forbid` lint level was set on command line (`-F {forbid.name}`)"))

    def _check_attrs(self, crate):
        """Unknown attributes are resolution errors, as in rustc."""
        for a in iter_attrs(crate):
            if a.name not in BUILTIN_ATTRS:
                lo = a.span.lo + (3 if a.inner else 2)
                name_span = Span(lo, lo + len(a.name), a.span.file)
                d = Diag("error", f"cannot find attribute `{a.name}` in this scope").primary(name_span)
                from compiler.typeck.check import _similar
                similar = _similar(a.name, sorted(BUILTIN_ATTRS - {"cfg_attr", "allow_internal_unstable"}))
                if similar is not None:
                    d.multipart_suggestion("a built-in attribute with a similar name exists", [(name_span, similar)])
                self.dcx.emit(d)

    # ---- failures
    def _schedule_failure(self, abort: ScheduleAbort) -> int:
        self.rt.sched.detach_main()
        self.dcx.flush()
        if abort.kind == "divergence":
            self.dcx.plain_error(abort.report.splitlines()[0])
            return EXIT_FAILURE
        lines = abort.report.splitlines()
        self.out.write(f"error: internal compiler error: {lines[0]}\n\n")
        for line in lines[1:]:
            self.out.write(f"note: {line.strip()}\n" if line.startswith("thread") else f"  {line.strip()}\n")
        self._banner_notes()
        return EXIT_ICE

    def _ice(self, e: BaseException) -> int:
        thread, stack = "rustc", getattr(e, "query_stack", [])
        if self.tcx is not None and self.tcx.panics and self.tcx.panics[0][0] is e:
            _, thread, stack = self.tcx.panics[0]
        msg = str(e) if type(e).__module__.startswith("compiler") else f"{type(e).__name__}: {e}"
        loc = _panic_location(e, self.opts.ui_testing)
        self.out.write(f"thread '{thread}' panicked at {loc}:\n{msg}\n"
                       "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\n")
        self.out.write("error: the compiler unexpectedly panicked. this is a bug.\n\n")
        self.out.write(f"note: we would appreciate a bug report: {BUG_REPORT_URL}\n\n")
        self._banner_notes()
        self.out.write("query stack during panic:\n")
        for i, frame in enumerate(stack):
            self.out.write(f"#{i} [{frame[0]}] {frame[1]}\n")
        self.out.write("end of query stack\n")
        abort = getattr(e, "abort_message", None)
        if abort:
            self.out.write(abort + "\n")
            return EXIT_ABORT
        return EXIT_ICE

    def _banner_notes(self):
        self.out.write(f"note: {VERSION} running on python\n\n")
        if self.opts.flag_line:
            self.out.write(f"note: compiler flags: {' '.join(self.opts.flag_line)}\n\n")
        token = self.rt.token()
        if token is not None:
            self.out.write(f"note: schedule: {token}\n\n")


def _display_name(path: str) -> str:
    return path.replace(os.sep, "/")


def _panic_location(e: BaseException, ui_testing: bool) -> str:
    tb = traceback.extract_tb(e.__traceback__) if e.__traceback__ else []
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for frame in reversed(tb):
        if frame.filename.startswith(root):
            rel = os.path.relpath(frame.filename, root).replace(os.sep, "/")
            return f"{rel}:LL:CC" if ui_testing else f"{rel}:{frame.lineno}:1"
    return "<unknown>:LL:CC" if ui_testing else "<unknown>"


# ---- the analysis query: rustc_interface::passes::analysis
def analysis(tcx):
    defs = tcx.resolver.defs
    dcx = tcx.dcx

    def phase(name, items, f):
        tcx.sess.log.info("minirustc::driver", f"analysis: {name} ({len(items)} items)")
        try:
            tcx.pool.par_for_each(items, f)
        finally:
            dcx.flush()

    resolved = tcx.resolution_errors = list(dcx.error_spans)        # the errors of name resolution
    # misc checking: the attribute-reading queries, then every module's attribute checks
    fns = [("fn", d) for d in defs if d.kind in ("fn", "assoc_fn")]
    phase("attribute checks", fns + [("mod", m) for m in tcx.resolver.modules],
          lambda w: tcx.query("codegen_fn_attrs", w[1]) if w[0] == "fn" else check_attr.check_mod_attrs(tcx, w[1]))
    phase("well-formedness", [d for d in defs if d.kind not in ("mod", "trait", "use")],
          lambda d: tcx.query("check_well_formed", d))
    owners = [d for d in defs if (d.kind in ("fn", "assoc_fn") and d.node.body is not None)
              or d.kind in ("const", "static") or d.kind == "assoc_const" and d.node.expr is not None]
    for d in tcx.resolver.deferred:
        dcx.emit(d)             # sorted in with the type checking phase's diagnostics
    from compiler.typeck.derive_check import derived_body_errors
    for adt in list(tcx.resolver.derives):
        for d in derived_body_errors(tcx, adt):
            dcx.emit(d)         # the derived impls' bodies, type-checked with the others
    phase("type checking", owners, lambda d: tcx.query("typeck", d))
    # a body is tainted by its own errors, or by resolution errors in its signature (not by wfcheck's)
    tainted = {d for d in owners if dcx.has_errors_within(d.node.body.span if getattr(d.node, "body", None)
                                                          else d.node.span)
               or any(sp.file is d.node.span.file and d.node.span.lo <= sp.lo < d.node.span.hi for sp in resolved)
               or d in tcx.__dict__.get("tainted_bodies", ())}
    for d in tcx.resolver.deferred_mir:
        dcx.emit(d)             # a pattern's unresolved type, met while building MIR
    phase("borrow checking", [d for d in owners if d.kind in ("fn", "assoc_fn")],
          lambda d: tcx.query("mir_borrowck", d))
    phase("constant evaluation", [d for d in owners if d.kind in ("const", "static")],
          lambda d: tcx.query("const_eval" if d.kind == "const" else "eval_static_initializer", d))
    # liveness runs as MIR is built, for every body not tainted by an error of its own
    phase("liveness", [d for d in owners if d.kind in ("fn", "assoc_fn") and d not in tainted],
          lambda d: builtin.check_liveness(tcx, d))
    if dcx.has_errors_excluding_lint_errors():
        tcx.sess.log.info("minirustc::driver", "analysis: errors reported, skipping the lint passes")
        return None
    builtin.check_dead_code(tcx)
    dcx.flush()
    phase("late lints", tcx.resolver.modules, lambda m: late.late_lint_mod(tcx, m))
    # the privacy pass (`check_mod_privacy`): E0451 for private fields named in literals and patterns
    private = sorted(tcx.__dict__.get("private_field_uses", ()), key=lambda u: u[0].sort_key())
    for span, name, struct in private:
        dcx.emit(Diag("error", f"field `{name}` of struct `{struct}` is private", "E0451")
                 .primary(span, "private field"))
    if private:
        dcx.flush()
    return None
