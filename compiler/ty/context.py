"""`TyCtxt` (rustc_middle::ty::context): the global context every query provider receives. It owns the
session, the thread pool, the query engine, the worker-local arena and the diagnostics context."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.query.dep_graph import DepGraph
from compiler.query.descriptions import QUERY_RANK, describe
from compiler.query.job import CycleError, QueryKey
from compiler.query.plumbing import QueryEngine
from compiler.sync.pool import ThreadPool
from compiler.sync.types import Cell
from compiler.sync.worker_local import WorkerLocal
from compiler.syntax.span import DUMMY_SP
from compiler.traits.cache import EvaluationCache

RUSTC_DEV_GUIDE_NOTE = ("see https://rustc-dev-guide.rust-lang.org/overview.html#queries and "
                        "https://rustc-dev-guide.rust-lang.org/query.html for more information")


class Arena:
    """A per-worker bump arena (rustc's `tcx.arena`): here it interns rendered paths."""

    def __init__(self, index: int):
        self.index = index
        self.strings: dict[str, str] = {}

    def alloc_str(self, s: str) -> str:
        return self.strings.setdefault(s, s)


class TyCtxt:
    def __init__(self, sess, rt, pool: ThreadPool, dcx, resolver, providers, fallbacks):
        self.sess, self.rt, self.pool, self.dcx, self.resolver = sess, rt, pool, dcx, resolver
        self.arena = WorkerLocal(rt, self.pool, Arena)
        self.queries = QueryEngine(self, providers, fallbacks)
        self.dep_graph = DepGraph(rt)
        self.evaluation_cache = EvaluationCache(rt, verify=sess.opts.verify_caches)
        self.panics: list[tuple[BaseException, str, list[str]]] = []
        self.layout_depth = Cell(rt, 0, "GlobalCtxt.layout_depth")   # read only with `shared-layout-depth`

    def query(self, name: str, key, span=DUMMY_SP):
        return self.queries.get(name, key, span)

    # ---- paths and descriptions
    def def_path_str(self, d, intern: bool = True) -> str:
        parts = []
        while d is not None:
            if d.kind != "impl":
                parts.append(d.name)
            d = d.parent
        path = "::".join(reversed(parts))
        return self.arena.get().alloc_str(path) if intern else path

    def describe_query(self, q: QueryKey, intern: bool = True) -> str:
        if q.name == "layout_of":
            return describe(q.name, str(q.key), self.sess.crate_name, None)
        path = self.def_path_str(q.key, intern) if q.key is not None else ""
        return describe(q.name, path, self.sess.crate_name, getattr(q.key, "kind", None))

    def describe_active_jobs(self, jobs) -> list:
        """The query map with rendered descriptions (which go through the worker-local arena)."""
        return [self.describe_query(j.query) for j in jobs]

    def query_rank(self, name: str) -> int:
        return QUERY_RANK.index(name)

    def cycle_usage(self, frame: QueryKey):
        """The query that reaches `frame` in the serial driver: the root query of its item's phase."""
        d = frame.key
        if d is None or not hasattr(d, "kind") or frame.name == "layout_of":
            return None
        if d.kind == "ty_alias":
            return QueryKey("check_well_formed", d), d.node.def_span
        if d.kind == "const":
            return QueryKey("const_eval", d), d.node.def_span
        if d.kind in ("fn", "assoc_fn") and frame.name != "typeck":
            return QueryKey("typeck", d), d.node.def_span
        return QueryKey("analysis", None), DUMMY_SP

    # ---- cycle errors (rustc_query_system::query::job::report_cycle)
    def report_cycle(self, c: CycleError):
        frames, spans, n = c.frames, c.spans, len(c.frames)

        def span_of(i):
            s = spans[i] if n > 1 else spans[0]
            return s if not s.is_dummy else frames[i].key.node.def_span

        d = Diag("error", f"cycle detected when {self.describe_query(frames[0])}", "E0391")
        d.primary(span_of(0))
        for i in range(1, n):
            d.span_note(span_of(i), f"...which requires {self.describe_query(frames[i])}...")
        if n == 1:
            d.note(f"...which immediately requires {self.describe_query(frames[0])} again")
        else:
            d.note(f"...which again requires {self.describe_query(frames[0])}, completing the cycle")
        if all(f.name == "type_of" and f.key.kind == "ty_alias" for f in frames):
            d.note("type aliases cannot be recursive")
            d.help("consider using a struct, enum, or union instead to break the cycle")
            d.help("see <https://doc.rust-lang.org/reference/types.html#recursive-types> for more information")
        if c.usage is not None:
            text = f"cycle used when {self.describe_query(c.usage)}"
            if c.usage_span.is_dummy:
                d.note(text)
            else:
                d.span_note(c.usage_span, text)
        d.note(RUSTC_DEV_GUIDE_NOTE)
        self.dcx.emit(d)

    def impls_of(self, trait) -> list:
        """Trait impls of `trait`, in definition order (rustc's `trait_impls_of`)."""
        res = self.resolver.res
        return [d for d in self.resolver.all_impls() if d.node.trait_ref is not None
                and getattr(res.get(d.node.trait_ref), "target", None) is trait]

    def record_panic(self, exc: BaseException, thread: str, stack: list[str], abort: str | None = None):
        """A panic on a thread other than the driver's; `abort` is the message of an `OnDrop` guard that
        aborts the process after it."""
        exc.abort_message = abort
        self.panics.append((exc, thread, stack))
