"""The catalogue of re-injectable historical bugs (`-Z inject-bug=NAME`).

Each entry restores the faulty code path at the place named in `module`; the symptom then arises only
from a real interleaving. `tests` lists the UI tests that pin a reproducing schedule."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bug:
    name: str
    upstream: tuple[str, ...]
    module: str
    symptom: str
    explanation: str
    tests: tuple[str, ...]


CATALOGUE = {
    b.name: b
    for b in [
        Bug(
            name="worker-local-cycle-handler",
            upstream=("rust#94654", "PR #98570"),
            module="compiler/ty/context.py (TyCtxt.describe_active_jobs), run by compiler/query/deadlock.py",
            symptom="`WorkerLocal can only be used on the thread pool it was created on` ICE instead of E0391",
            explanation=(
                "When every worker of the pool is blocked, rayon calls rustc's deadlock handler, which spawns "
                "a plain thread to break the query cycle. Before PR #98570 that thread collected the active "
                "jobs together with their rendered descriptions, and rendering a description goes through "
                "the tcx's worker-local arena. The handler thread is not a worker of the pool, so the "
                "`WorkerLocal` panics and the E0391 is lost. A cycle that one worker finds on its own stack "
                "never reaches the handler, so only schedules where the cycle spans two workers show the ICE. "
                "The fix defers the descriptions to the worker that reports the cycle."
            ),
            tests=("ui_tests/parallel/worker-local-cycle-handler.rs",),
        ),
        Bug(
            name="no-parallel-guard",
            upstream=("PR #97307", "PR #99457", "PR #115144"),
            module="compiler/sync/pool.py (ThreadPool.par_for_each)",
            symptom="the set of errors reported next to a fatal error differs from run to run",
            explanation=(
                "rustc runs per-item work through rayon. With plain rayon, a panic in one item (here the "
                "fatal E0275 overflow, which unwinds as `FatalErrorMarker`) stops the items that have not "
                "started yet, so the errors those items would have reported depend on which items had run. "
                "`ParallelGuard` (PR #115144, after the fixes in #97307 and #99457) lets every item run, "
                "keeps the panic, and re-raises it afterwards, preferring a real ICE over a fatal error."
            ),
            tests=("ui_tests/parallel/no-parallel-guard.rs",),
        ),
        Bug(
            name="evaluation-cache-overwrite",
            upstream=("rust#50507", "PR #100987", "rust#129112", "PR #130094"),
            module="compiler/traits/select.py (SelectionContext.evaluate), compiler/traits/cache.py",
            symptom="with `-Z verify-caches`: `assertion failed: *old == value` ICE",
            explanation=(
                "Trait evaluation is not a query. Its result goes into the global `EvaluationCache` with the "
                "dep node the evaluation was recorded under, and before PR #100987 that node was an anonymous "
                "one, derived from what the evaluation read. A nested obligation found in the cache adds one "
                "edge (its cached node); one evaluated in place adds the edges of its own evaluation. So two "
                "workers that evaluate the same predicate at the same time, one of which finds a sub-result "
                "the other has just cached, record different nodes, and the second insert overwrites the "
                "first with a different value. `-Z verify-caches` makes that insert the ICE. The fix derives "
                "the node from the cache key, so racing inserts are equal."
            ),
            tests=("ui_tests/traits/evaluation-cache-overwrite.rs",),
        ),
        Bug(
            name="lint-buffer-late",
            upstream=("FIXME: lint_store and buffered_lints are not thread-safe", "PR #42052", "PR #65193",
                      "PR #65835"),
            module="compiler/lint/late.py (early_lint_checks), compiler/lint/buffer.py",
            symptom="`can't buffer lints after HIR lowering` ICE, or an `unused import` warning silently lost",
            explanation=(
                "Early lints found before lint levels are known (the resolver's `unused_imports`) wait in the "
                "session's `buffered_lints` until lowering takes the buffer. Here the per-module import "
                "checks run joined with lowering. Restored: lowering steals the buffer at its own end, in two "
                "steps (copy, then drop), while the checks may still be buffering: a lint buffered between "
                "the steps is lost, one buffered after them is rustc's `bug!(\"can't buffer lints after HIR "
                "lowering\")`. Fixed: the buffer is taken with one `mem::take` after the join, at a point no "
                "buffering can race with."
            ),
            tests=("ui_tests/lints/lint-buffer-late.rs",),
        ),
        Bug(
            name="lint-store-taken",
            upstream=("PR #42052", "PR #65193"),
            module="compiler/lint/late.py (late_lint_mod)",
            symptom="lint warnings of some modules silently missing",
            explanation=(
                "Before PR #42052 the session's `RefCell<LintStore>` was emptied with `mem::replace` while the "
                "lint passes ran and filled again afterwards. With the late passes running per module in "
                "parallel, a pass that starts while another has the store out finds it empty and runs no "
                "lint, so those modules' warnings disappear (and the empty store may even be put back last). "
                "Fixed: the store is immutable after registration and shared (PR #65193 made it an `Lrc`)."
            ),
            tests=("ui_tests/lints/lint-store-taken.rs",),
        ),
        Bug(
            name="global-attr-id",
            upstream=("PR #101313", "PR #87739"),
            module="compiler/syntax/attr_id.py, compiler/session.py (ParseSess), compiler/passes/check_attr.py",
            symptom="attribute ids that differ between schedules and between sessions of one process; a "
                    "spurious `warning: unused attribute`",
            explanation=(
                "Two old designs come back together. Attribute ids came from a process-global counter (before "
                "PR #101313 moved the generator into `ParseSess`): with module files parsed in parallel they "
                "depend on which file a thread parsed first, and in a process that runs several sessions "
                "(rustdoc did) the second session's ids continue where the first stopped. And attributes were "
                "\"used\" only once a query that read them had marked them (PR #87739 replaced the marks with "
                "a check in `check_attr`): `unused_attributes` reported every attribute without a mark, so "
                "when a module's check ran before the marking query of one of its functions, a spurious "
                "`unused attribute` appeared. Fixed: ids are per session and numbered in source order after "
                "parsing; unused is decided from the item itself."
            ),
            tests=("ui_tests/attributes/global-attr-id.rs", "ui_tests/modules/attr-ids.rs"),
        ),
    ]
}


def names() -> list[str]:
    return sorted(CATALOGUE)
