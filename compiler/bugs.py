"""The catalogue of re-injectable historical bugs (`-Z inject-bug=NAME`).

Each entry restores the faulty code path at the place named in `module`; the symptom then arises only
from a real interleaving. `tests` lists the UI tests that pin a reproducing schedule. `fidelity` says
how close the entry is to upstream: `restored` (upstream's code path and symptom text) or `modelled`
(a hazard upstream named; the symptom is ours). `departures` lists, plainly, where the model differs
from what rustc did."""
from __future__ import annotations

from dataclasses import dataclass

RESTORED, MODELLED = "restored", "modelled"


@dataclass(frozen=True)
class Bug:
    name: str
    upstream: tuple[str, ...]
    module: str
    symptom: str
    explanation: str
    tests: tuple[str, ...]
    fidelity: str = RESTORED
    departures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hazard:
    """A roadmap review item with no upstream bug report: listed, never injected."""
    name: str
    note: str


_BUGS = [
    Bug(
        name="worker-local-cycle-handler",
        upstream=("rust#94654", "PR #98570"),
        module="compiler/query/deadlock.py (handle_deadlock), compiler/ty/context.py (describe_active_jobs)",
        symptom="the deadlock handler thread panics with `WorkerLocal can only be used on the thread pool it "
                "was created on`; `deadlock handler panicked, aborting process`; the E0391 is lost",
        explanation=(
            "In rustc's parallel mode every query cycle goes through the latch and the deadlock handler: a "
            "worker that meets a query already started (by itself or by another worker) waits on its latch, "
            "and when every worker is blocked rayon calls the deadlock handler, which spawns a plain thread "
            "to break the cycle. Before PR #98570 that thread built the query map, with the rendered "
            "description of every active job, and rendering goes through the tcx's worker-local arena. The "
            "handler thread is not a worker of the pool, so the `WorkerLocal` panics; an `OnDrop` guard "
            "prints `deadlock handler panicked, aborting process` and the process aborts. The fix collects "
            "the query map on the worker, before spawning the handler thread. Here too every cycle at "
            "threads > 1 reaches the handler, so the injected compiler aborts on every cycle."
        ),
        tests=("ui_tests/parallel/worker-local-cycle-handler.rs",),
        departures=(
            "The abort is reported as exit status 134 (SIGABRT as a shell reports it) by the in-process "
            "driver, which cannot abort the harness's own process.",
        ),
    ),
    Bug(
        name="no-parallel-guard",
        upstream=("PR #97307", "PR #99457", "PR #115144"),
        module="compiler/sync/pool.py (ThreadPool.par_for_each)",
        symptom="the set of errors reported next to a fatal error differs from run to run",
        explanation=(
            "rustc runs per-item work through rayon. With plain rayon `par_iter`, a panic in one item (here "
            "the fatal E0275 overflow, which unwinds as `FatalErrorMarker`) stops the items that have not "
            "started yet, so the errors those items would have reported depend on which items had run. "
            "The serial `par_for_each_in` already caught each item's panic and re-raised the first one "
            "afterwards (PR #97307 did the same in parallel; #99457 fixed the `par_iter` sites), so at "
            "`-Z threads=1` nothing is lost, with or without the injection. `ParallelGuard` (PR #115144) "
            "keeps the first panic, a later non-fatal panic (an ICE) overwrites it, and it is re-raised "
            "once every item has run."
        ),
        tests=("ui_tests/parallel/no-parallel-guard.rs",),
    ),
    Bug(
        name="evaluation-cache-overwrite",
        upstream=("rust#50507", "PR #100987", "rust#129112", "PR #130094"),
        module="compiler/traits/select.py (SelectionContext.evaluate), compiler/traits/cache.py",
        symptom="with `-Z verify-caches`: `assertion failed: *old == value` ICE",
        explanation=(
            "Trait evaluation is not a query. Its result goes into the global `EvaluationCache` together with "
            "the dep node the evaluation was recorded under, an anonymous node derived from what the "
            "evaluation read. A nested obligation found in the cache adds one edge (its cached node); one "
            "evaluated in place adds the edges of its own evaluation. So two workers that evaluate the same "
            "predicate at once, one of which finds a sub-result the other has just cached, record different "
            "nodes, and the second insert overwrites the first. Upstream that overwrite is silent to this "
            "day (rust#50507 is open; the FIXME \"Due to #50507 this overwrites the different values\"; "
            "PR #100987, which would have fixed it, was closed unmerged). The ICE of this class that users "
            "did see is the new solver's global cache, `assertion failed: prev.is_none()` (rust#129112, "
            "fixed by PR #130094, which accepts a duplicate insert when the results agree)."
        ),
        tests=("ui_tests/traits/evaluation-cache-overwrite.rs",),
        fidelity=MODELLED,
        departures=(
            "`-Z verify-caches` (a strict insert that asserts `*old == value`) is ours: upstream overwrites "
            "silently, so without the flag the race has no visible symptom.",
            "The 'fix' (the node derived from the cache key) is PR #100987's idea, which never landed.",
            "Our anonymous-node difference is coarser than rustc's: a nested anonymous task is read as "
            "one edge, whether it was computed or cached; rustc's anon node hashes every read edge.",
        ),
    ),
    Bug(
        name="lint-buffer-late",
        upstream=("FIXME: lint_store and buffered_lints are not thread-safe", "PR #42052", "PR #65193",
                  "PR #65835"),
        module="compiler/lint/late.py (early_lint_checks), compiler/lint/buffer.py",
        symptom="`can't buffer lints after HIR lowering` ICE",
        explanation=(
            "Early lints found before lint levels are known (the resolver's `unused_imports`) wait in the "
            "session's `buffered_lints` until lowering takes the buffer. Here the per-module import checks "
            "run joined with lowering. Restored: lowering takes the buffer (one locked `take()`, as "
            "upstream) at its own end, while the checks may still be buffering; a lint buffered after the "
            "take is rustc's `bug!(\"can't buffer lints after HIR lowering\")`. Fixed as PR #65835 fixed "
            "it: the buffer belongs to the resolver's output and is taken after the join, so buffering "
            "late is impossible by construction."
        ),
        tests=("ui_tests/lints/lint-buffer-late.rs",),
        fidelity=MODELLED,
        departures=(
            "Upstream's import checks were not parallel with lowering; the race is the hazard the FIXME "
            "named, given a schedule here. The ICE text is upstream's.",
        ),
    ),
    Bug(
        name="lint-store-taken",
        upstream=("rust#42007", "PR #42052", "PR #65193"),
        module="compiler/lint/late.py (late_lint_mod)",
        symptom="lint warnings of some modules silently missing",
        explanation=(
            "Before PR #42052 the session's `RefCell<LintStore>` was emptied with `mem::replace` while the "
            "lint passes ran and filled again afterwards. Here the late passes run per module in parallel, "
            "so a pass that starts while another has the store out finds it empty and runs no lint, and "
            "those modules' warnings disappear. Fixed: the store is immutable after registration and "
            "shared (PR #65193 made it an `Lrc`)."
        ),
        tests=("ui_tests/lints/lint-store-taken.rs",),
        fidelity=MODELLED,
        departures=(
            "rust#42007 was a serial bug (a plugin lint pass re-entering the store), and late lints were "
            "not run per module in parallel at the time: the parallel race is a modelled hazard.",
        ),
    ),
    Bug(
        name="global-attr-id",
        upstream=("PR #101313",),
        module="compiler/syntax/attr_id.py, compiler/session.py (ParseSess)",
        symptom="attribute ids that differ between sessions of one process, and between schedules",
        explanation=(
            "Before PR #101313 attribute ids came from a process-global counter. PR #101313 moved the "
            "generator into `ParseSess`; its motivation was several sessions in one process (rustdoc), "
            "whose ids continued where the previous session stopped. Shown with `-Z dump-attr-ids`; the "
            "harness runs many sessions in one process, so every in-process run of the injected compiler "
            "diverges."
        ),
        tests=("ui_tests/modules/attr-ids.rs",),
        fidelity=MODELLED,
        departures=(
            "rustc does not parse module files in parallel; minirustc does, so the ids here also depend on "
            "the schedule. Upstream they depended only on the sessions run before.",
            "The symptom depends on the process's history, so it cannot be pinned and blessed: the UI test "
            "has no injected revision, and tests/test_attr_ids.py checks both effects.",
            "PR #101313's first version kept the generator in a `WorkerLocal`, which ICEd with `WorkerLocal "
            "can only be used on the thread pool it was created on` where the parser ran off the pool. That "
            "ICE is not an entry: minirustc parses on the pool only.",
        ),
    ),
    Bug(
        name="attr-used-marks",
        upstream=("PR #87739",),
        module="compiler/passes/check_attr.py (codegen_fn_attrs, check_item_attrs)",
        symptom="a spurious `warning: unused attribute`",
        explanation=(
            "Before PR #87739 attributes were \"used\" only once a query that read them had marked them, and "
            "`unused_attributes` (a late lint then) reported every attribute without a mark. Here the mark "
            "is set by `codegen_fn_attrs`; when a module's attribute check runs before the marking query of "
            "one of its functions, a spurious `unused attribute` appears. Fixed (PR #87739): `check_attr` "
            "decides from the item itself."
        ),
        tests=("ui_tests/attributes/attr-used-marks.rs",),
        fidelity=MODELLED,
        departures=(
            "Upstream the marks were set by queries and read by a late lint after them in one thread; the "
            "race between a module's check and a function's marking query is the hazard given a schedule.",
        ),
    ),
    Bug(
        name="shared-layout-depth",
        upstream=("PR #100748", "PR #101801"),
        module="compiler/ty/layout.py (layout_of), compiler/query/plumbing.py (depth_limit)",
        symptom="a spurious `queries overflow the depth limit!` with `query depth increased by N when "
                "computing layout of `T``",
        explanation=(
            "`GlobalCtxt` kept one `layout_depth: Cell<usize>` for the whole compiler: `layout_of` "
            "incremented it on entry, decremented it on exit and compared it with the recursion limit. "
            "Under threads, the depths of unrelated layout computations on different threads add up, and "
            "a program that compiles at `-Z threads=1` overflows. Fixed (PR #100748, PR #101801): the "
            "depth travels with the query in the implicit context (the `depth_limit` query modifier), so "
            "it is per query stack."
        ),
        tests=("ui_tests/layout/shared-layout-depth.rs",),
        fidelity=MODELLED,
        departures=(
            "Before PR #100748 the overflow was `sess.fatal(\"overflow representing the type `T`\")`; here it "
            "is reported through today's `QueryOverflow` diagnostic, the symptom the roadmap names.",
            "`layout_of` runs where the subset needs layouts, the constant evaluator's layout of a "
            "constant's type, and each nested layout counts 1 (rustc's counts differ); the error points "
            "at the outermost type's definition, where rustc points at the caller (`size_of` in core).",
            "rustc checks `Freeze` on a constant's type first, and a type deep enough to overflow the "
            "layout depth overflows that check (E0275) before: our overflow tests differ from rustc there.",
        ),
    ),
    Bug(
        name="lazy-transitive-relation",
        upstream=("PR #99702",),
        module="compiler/infer/transitive_relation.py, compiler/infer/region_relations.py (read by borrowck.py)",
        symptom="`already borrowed: BorrowMutError` ICE",
        explanation=(
            "`TransitiveRelation` computed its transitive closure lazily, on the first query, into a "
            "`RefCell<Option<BitMatrix>>` inside a value shared by queries on several threads. Two threads "
            "that ask at once either collide on the borrow (an ICE) or one reads a half-built closure and "
            "gets a wrong answer. Fixed (PR #99702): a `TransitiveRelationBuilder`, whose `freeze()` "
            "computes the closure eagerly before the value is shared. Here the relation holds the "
            "lifetime outlives bounds of an item's generics (rustc's `FreeRegionMap`), shared by the "
            "region checks of the item's methods."
        ),
        tests=("ui_tests/regions/lazy-transitive-relation.rs",),
        fidelity=MODELLED,
        departures=(
            "rustc's relation was shared through typeck results (`free_region_map` in `TypeckResults`); "
            "here the relation of an impl's bounds is one query result shared by its methods' borrowck, "
            "which is what puts it on several threads.",
            "The closure is built inside one `borrow_mut` held across the computation, so a second "
            "reader panics; the 'wrong answer from a half-built closure' outcome cannot happen in this "
            "shape (upstream's `Lock` was a mutex in parallel builds, which serialised the computation).",
        ),
    ),
    Bug(
        name="unordered-diagnostics",
        upstream=("rust#49737", "PR #57066"),
        module="compiler/errors/dcx.py (DiagCtxt.emit)",
        symptom="the same diagnostics in a different order on stderr",
        explanation=(
            "The parallel compiler emitted each diagnostic as soon as a thread reached the emitter, so the "
            "order of stderr depended on the schedule (rust#49737; the roadmap's \"refactor error message "
            "handling\"). Fixed here as today's design does it: each phase's diagnostics are buffered and "
            "emitted in source order when the phase ends."
        ),
        tests=("ui_tests/parallel/unordered-diagnostics.rs",),
        fidelity=MODELLED,
        departures=(
            "rustc still emits immediately; what keeps its output stable is that most diagnostics come from "
            "a serial order of queries. Per-phase sorting is our model of the fix.",
        ),
    ),
    Bug(
        name="racy-error-count",
        upstream=("rust#154260", "PR #157282"),
        module="compiler/const_eval.py (_Eval._use), compiler/errors/dcx.py (emitted_err_count)",
        symptom="a spurious `note: erroneous constant encountered` at the use of a constant that is fine",
        explanation=(
            "A pass decided whether to attach \"the above error was encountered while ...\" notes by "
            "comparing the global error count before and after processing one item. With items processed "
            "in parallel, another thread's error in between blames the wrong item. Fixed (PR #157282): "
            "count only the errors emitted by the current thread (`err_count_on_current_thread`)."
        ),
        tests=("ui_tests/parallel/racy-error-count.rs",),
        fidelity=MODELLED,
        departures=(
            "Upstream the note was `the above error was encountered while instantiating ...` in the "
            "monomorphization collector, which a metadata-only build never runs. Here the same shape "
            "decides rustc's `erroneous constant encountered` note, which rustc decides from the "
            "evaluation's result: that is our fixed form, not a per-thread count.",
        ),
    ),
    Bug(
        name="thread-id-log-prefix",
        upstream=("PR #109926", "PR #116586"),
        module="compiler/log.py (init_logger)",
        symptom="`MINIRUSTC_LOG` lines prefixed with a thread id, such as `1:rustcWARN ...`",
        explanation=(
            "A compiler built for parallelism prefixed every log line with the thread id, even at one "
            "thread, and tests that checked `RUSTC_LOG` warn output failed. Fixed: thread ids only when "
            "asked for (`RUSTC_LOG_THREAD_IDS=1` upstream, `MINIRUSTC_LOG_THREAD_IDS=1` here)."
        ),
        tests=("ui_tests/logging/thread-id-log-prefix.rs",),
        departures=(
            "The log events and targets are minirustc's (`minirustc::query::job` and so on); the prefix "
            "format (`{id}:rustc` before the level) is upstream's.",
        ),
    ),
    Bug(
        name="cycle-anchor-first",
        upstream=("rust#48685",),
        module="compiler/query/deadlock.py (find_cycle), compiler/query/cycle.py",
        symptom="an E0391 anchored at a different query from run to run",
        explanation=(
            "The deadlock handler anchored a cycle at whichever query it met first, so the E0391 text "
            "(which query the cycle is \"detected when\" computing) depended on the schedule. Fixed: the "
            "entry point is picked deterministically (rustc's `pick_query`, by span and key)."
        ),
        tests=("ui_tests/cycles/cycle-anchor-first.rs",),
        departures=(
            "Upstream the first query met came from hash-map iteration of the query map; here it is the "
            "order in which the jobs started, which the schedule decides.",
        ),
    ),
    Bug(
        name="cycle-recovery-first",
        upstream=("rust#153391", "PR #153694"),
        module="compiler/query/plumbing.py (QueryEngine._handle_cycle), compiler/const_eval.py (cycle_value)",
        symptom="an ICE from a wrong recovery value after an E0391: `assertion `left == right` failed: the "
                "cycle value of another constant`",
        explanation=(
            "Cycle recovery built the fallback value for `cycle[0]` instead of for the query that is "
            "actually resumed with the error. When the resumed query is not the cycle's first frame, its "
            "caller receives a value of the wrong shape, which ICEs further on. Fixed (PR #153694): the "
            "value is built from the resumed query's own key."
        ),
        tests=("ui_tests/cycles/cycle-recovery-first.rs",),
        fidelity=MODELLED,
        departures=(
            "Upstream the wrong value was `FnSig`'s: an error signature with `cycle[0]`'s arity, which "
            "ICEd later (`None` in rustc_type_ir's ty_kind.rs). The subset has no cycle through `fn_sig`, "
            "so here the values are constants' evaluation results, which name their constant, and a "
            "use that receives another constant's value is the assertion.",
        ),
    ),
    Bug(
        name="no-poison",
        upstream=("rust#111528", "PR #115198"),
        module="compiler/query/plumbing.py (QueryEngine._execute, _wait)",
        symptom="`value must be in cache after waiting` ICE instead of the fatal error",
        explanation=(
            "When a query's provider panicked (a fatal error unwinds as a panic), its job was removed "
            "from the active table and its waiters were woken. A waiter then found neither a value nor "
            "a job and hit `value must be in cache after waiting`. Fixed (PR #115198): the job is left "
            "`Poisoned`, and a waiter that finds it unwinds too (`FatalError.raise()`)."
        ),
        tests=("ui_tests/parallel/no-poison.rs",),
        departures=(
            "The panic here is the fatal `queries overflow the depth limit!` of a shared `layout_of`; "
            "rust#111528's came from another query. The mechanism and the ICE text are upstream's.",
        ),
    ),
    Bug(
        name="worker-steals-while-blocked",
        upstream=("rust#111521", "PR #143035"),
        module="compiler/sync/pool.py (ThreadPool.steal_while_waiting), compiler/query/plumbing.py (_wait)",
        symptom="`deadlock detected as we're unable to find a query cycle to break` ICE",
        explanation=(
            "A worker that waits (in `join`, in a scope, or on a query latch) stole unrelated jobs. A "
            "stolen job can need a query that the waiting worker itself holds further down its stack: it "
            "then waits for its own thread, which is not a query cycle (the stolen job is not a child of "
            "the held query). Every worker ends up blocked, and the deadlock handler finds nothing to "
            "break. Fixed (PR #143035): a worker steals only in its main loop."
        ),
        tests=("ui_tests/parallel/worker-steals-while-blocked.rs",),
        departures=(
            "The handler thread's panic aborts the process with today's `defer` message; the exit status "
            "134 stands for SIGABRT, as the in-process driver cannot abort.",
            "Stealing happens on query-latch waits and `par_for_each` waits; rustc's scopes have no "
            "counterpart in the subset.",
        ),
    ),
]

CATALOGUE = {b.name: b for b in _BUGS}

REVIEWED_HAZARDS = [
    Hazard("GlobalCtxt.rcache", "The shorthand cache of type decoding, shared by every thread; the roadmap "
           "asked for a review, and no bug report followed."),
    Hazard("OnDiskCache.file_index_to_file", "The incremental cache's file-index map, filled lazily from "
           "several threads; reviewed, and no bug report followed."),
    Hazard("OnDiskCache.synthetic_expansion_infos", "Macro-expansion data decoded lazily by the incremental "
           "cache; reviewed, and no bug report followed."),
]


def names() -> list[str]:
    return sorted(CATALOGUE)
