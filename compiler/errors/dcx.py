"""`DiagCtxt`: collects diagnostics from every thread, applies lint levels, de-duplicates, and emits
each phase's diagnostics in a deterministic order (source position), whatever the schedule. With
`-Z inject-bug=unordered-diagnostics` they are written as threads reach the emitter (rust#49737)."""
from __future__ import annotations


from compiler.errors.diagnostic import Diag, SubDiag
from compiler.errors.emitter import HumanEmitter
from compiler.lint.levels import FLAG, CommandLine
from compiler.sync.pool import FatalError
from compiler.sync.types import AtomicUsize, Lock

class DiagCtxt:
    def __init__(self, rt, emitter: HumanEmitter, out, immediate: bool = False):
        """`emitter` renders each diagnostic and writes it: a `HumanEmitter`, or a `JsonEmitter`."""
        self.rt = rt
        self.immediate = immediate
        self.lock = Lock(rt, name="DiagCtxt")
        self.emitter = emitter
        self.out = out
        self.pending: list[Diag] = []
        self.seen: set[str] = set()
        self.err_count = 0
        self.non_lint_errors = 0
        self.warn_count = 0
        self.codes: set[str] = set()
        self.last_by_thread: dict = {}
        self.error_spans: list = []     # primary spans of the non-lint errors emitted so far
        self.emitted_err_count = AtomicUsize(rt, 0, "DiagCtxt.err_count")   # at emission, every thread
        self.default_note_given: set[str] = set()
        self.lint_level = None      # callable(diag) -> (level, source span, implied-by-warnings level)
        self.lint_group = lambda name: None
        self.lint_default = lambda name: "warn"

    def emit(self, d: Diag):
        if d.lint is not None and self.lint_level is not None:
            level, src, implied = self.lint_level(d)
            if level == "allow":
                return
            d.level = "error" if level in ("deny", "forbid") else "warning"
            d.lint_source, d.lint_implied = src, implied
            d.level_name = level
        if d.level == "error":
            self.emitted_err_count.fetch_add(1)
        with self.lock.lock():
            if d.level == "error" and d.lint is None and d.primary_span is not None:
                self.error_spans.append(d.primary_span)
            if self.immediate:
                # rust#49737 restored: written in the order threads reach the emitter. Our callers
                # may still add labels to the diagnostic they just emitted, so each thread's latest
                # one is written when that thread emits again, or when the phase ends.
                key = self.rt.thread_id()
                last = self.last_by_thread.pop(key, None)
                if last is not None:
                    self._write(last)
                self.last_by_thread[key] = d
            else:
                self.pending.append(d)

    def emit_fatal(self, d: Diag):
        self.emit(d)
        raise FatalError()

    def has_errors_within(self, span) -> bool:
        """Whether a non-lint error was reported inside `span` (a body "tainted by errors"). Called
        between phases, when no thread emits: no lock (and so no scheduling point) is needed."""
        return any(sp.file is span.file and span.lo <= sp.lo < span.hi for sp in self.error_spans)

    def has_errors_excluding_lint_errors(self) -> bool:
        return self.non_lint_errors > 0 or any(d.level == "error" and d.lint is None for d in self.pending)

    def flush(self):
        """Emit the buffered diagnostics of the phase just finished, sorted by primary span. Called
        between phases, when no thread emits: with nothing buffered there is nothing to take, and the
        lock (a scheduling point) is not taken."""
        if not self.pending and not self.last_by_thread:
            return
        with self.lock.lock():
            batch, self.pending = self.pending, []
            last, self.last_by_thread = list(self.last_by_thread.values()), {}
        for d in last:
            self._write(d)
        batch.sort(key=lambda d: d.sort_key())
        for d in batch:
            self._write(d)

    def _write(self, d: Diag):
        if d.lint is not None:
            self._lint_note(d)
        text = self.emitter.render(d)
        if text in self.seen and not getattr(d, "distinct", False):
            return
        self.seen.add(text)
        if d.level == "error":
            self.err_count += 1
            self.non_lint_errors += d.lint is None
            if d.code:
                self.codes.add(d.code)
        elif d.level == "warning":
            self.warn_count += 1
            if d.code:
                self.codes.add(d.code)
        self.emitter.emit(self.out, d, text + "\n")

    def _lint_note(self, d: Diag):
        src = getattr(d, "lint_source", None)
        implied = getattr(d, "lint_implied", None)
        given = self.default_note_given
        if isinstance(src, CommandLine):
            if ("cli", d.lint) not in given:
                given.add(("cli", d.lint))
                if src.implied_by_warnings:
                    d.children.append(SubDiag("note", f"`{src.flag()}` implied by `{FLAG[src.level]} warnings`"))
                    # rustc 1.95 suggests `#[expect]` first for `dead_code` (observed; other lints: allow only)
                    attr = f"`#[expect({d.lint})]` or `#[allow({d.lint})]`" if d.lint == "dead_code" else \
                        f"`#[allow({d.lint})]`"
                    d.children.append(SubDiag("help", f"to override `{FLAG[src.level]} warnings` add {attr}"))
                else:
                    d.children.append(SubDiag("note", f"requested on the command line with `{src.flag()}`"))
            return
        if src is not None:
            if ("source", src) not in given:
                given.add(("source", src))
                at = sum(1 for c in d.children if getattr(c, "leading", False))
                d.children.insert(at, SubDiag("note", "the lint level is defined here", [_primary(src)]))
            written = src.file.src[src.lo:src.hi] if src.file is not None else d.lint
            group = self.lint_group(d.lint)
            if not implied and written == group and ("group", d.lint) not in given:
                given.add(("group", d.lint))
                level = d.level_name
                d.children.append(SubDiag("note", f"`#[{level}({d.lint})]` implied by `#[{level}({group})]`"))
            if implied and ("implied", d.lint) not in given:
                given.add(("implied", d.lint))
                d.children.append(SubDiag("note", f"`#[{implied}({d.lint})]` implied by `#[{implied}(warnings)]`"))
            return
        if d.lint in given:
            return
        given.add(d.lint)
        group = self.lint_group(d.lint)
        level = self.lint_default(d.lint)
        part = f" (part of `#[{level}({group})]`)" if group else ""
        d.children.append(SubDiag("note", f"`#[{level}({d.lint})]`{part} on by default"))

    def raw(self, text: str):
        self.out.write(text)

    def plain_error(self, message: str):
        """One of minirustc's own one-line errors (a limit, a schedule that does not replay)."""
        self.emitter.emit_plain(self.out, "error", message, f"error: {message}\n\n")

    def closing_lines(self):
        for level, message, rendered in closing_lines(self.err_count, self.warn_count, self.codes):
            self.emitter.emit_plain(self.out, level, message, rendered)


def closing_lines(errs: int, warns: int, codes) -> list[tuple[str, str, str]]:
    """rustc's closing lines as (level, message, rendered): the JSON emitter writes each one as a
    diagnostic, the `--explain` hints at level `failure-note`."""
    out = []
    w = f"{warns} warning{'s' if warns != 1 else ''} emitted"
    if errs:
        msg = f"aborting due to {errs} previous error{'s' if errs != 1 else ''}"
        if warns:
            msg += f"; {w}"
        out.append(("error", msg, f"error: {msg}\n\n"))
    elif warns:
        out.append(("warning", w, f"warning: {w}\n\n"))
    codes = sorted(codes)      # of every level, with or without errors, as rustc does
    if len(codes) == 1:
        hints = [f"For more information about this error, try `rustc --explain {codes[0]}`."]
    elif codes:
        hints = [f"Some errors have detailed explanations: {', '.join(codes)}.",
                 f"For more information about an error, try `rustc --explain {codes[0]}`."]
    else:
        hints = []
    out += [("failure-note", h, h + "\n") for h in hints]
    return out


def _primary(span):
    from compiler.errors.diagnostic import Label
    return Label(span, "", True)

