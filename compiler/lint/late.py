"""Early lint checking (the resolver's buffered lints, drained at lowering) and the late lint passes,
run per module in parallel (rustc_lint::late::check_crate, `par_for_each_module`)."""
from __future__ import annotations

from compiler.lint.builtin import check_camel_case, check_early_syntax, check_unused_imports, emit_buffered
from compiler.lint.store import LintStore


def lower_to_hir(tcx):
    """The items of each module, in source order: what the late passes and analysis iterate."""
    items: dict = {id(m): [] for m in tcx.resolver.modules}
    for d in tcx.resolver.defs:
        if d.kind not in ("impl", "use", "assoc_fn"):
            items[id(tcx.resolver.scope_of[d])].append(d)
    tcx.hir_module_items = items


def early_lint_checks(tcx):
    """Runs the resolver's per-module unused-import checks alongside lowering, then drains the
    buffered early lints at their levels."""
    buffer = tcx.sess.buffered_lints
    modules = tcx.resolver.modules

    def check_imports():
        tcx.pool.par_for_each(modules, lambda m: check_unused_imports(tcx, m))

    if tcx.sess.bug("lint-buffer-late"):
        # Before PR #65835: lowering takes the session's buffer at its end (one locked `take`, as
        # upstream did), while the resolver's checks, joined with it, may still be buffering.
        stolen: list = []

        def lower_and_steal():
            lower_to_hir(tcx)
            stolen.extend(buffer.take())

        tcx.pool.join(check_imports, lambda: lower_and_steal())
        lints = stolen
    else:
        tcx.pool.join(check_imports, lambda: lower_to_hir(tcx))
        lints = buffer.take()
    try:
        check_unknown_lints(tcx)
        check_camel_case(tcx)
        check_early_syntax(tcx)
        emit_buffered(tcx, lints)
    finally:
        tcx.dcx.flush()


def check_unknown_lints(tcx):
    """`unknown_lints`, found while building lint levels from the attributes."""
    from compiler.lint.builtin import lint
    from compiler.lint.levels import LEVEL_ATTRS
    with tcx.sess.lint_store.borrow() as store:
        known = store.is_known
        owners = [(None, tcx.resolver.crate.attrs)] + [(d, d.node.attrs) for d in tcx.resolver.defs]
        for owner, attrs in owners:
            for a in attrs:
                if a.name in LEVEL_ATTRS:
                    for text, span in a.args:
                        if not known(text):
                            lint(tcx, "unknown_lints", owner, f"unknown lint: `{text}`", span)


def late_lint_mod(tcx, module):
    items = tcx.hir_module_items[id(module)]
    cell = tcx.sess.lint_store
    if tcx.sess.bug("lint-store-taken"):
        # Before PR #42052: the store is moved out of the session while the passes run, and put back
        # afterwards; a pass running concurrently finds the empty store.
        with cell.borrow_mut() as c:
            store, c.value = c.value, LintStore()
        try:
            for p in store.late_passes:
                p.check_module(tcx, items)
        finally:
            with cell.borrow_mut() as c:
                c.value = store
    else:
        with cell.borrow() as store:
            for p in store.late_passes:
                p.check_module(tcx, items)
                if hasattr(p, "check_impls"):
                    p.check_impls(tcx, module)
    for d in tcx.__dict__.get("late_pending", {}).pop(id(module), ()):
        tcx.dcx.emit(d)         # `UnusedResults`, found during typeck
