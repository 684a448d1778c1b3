"""`check_mod_attrs` (rustc_passes::check_attr): the built-in attributes, checked by position and
duplication, with rustc 1.95's errors and `unused_attributes` warnings; and `codegen_fn_attrs`, the
query that reads a function's attributes.

Fixed design (PR #87739): whether an attribute is unused is decided here, from the item alone.
With `-Z inject-bug=attr-used-marks` the old scheme is back: `codegen_fn_attrs` marks the attributes it
reads as used, as a side effect, and the lint reports every unmarked one, so it depends on whether
the marking query has run yet."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.errors.diagnostic import SubDiag

FUTURE_INCOMPAT = ("this was previously accepted by the compiler but is being phased out; it will become a "
                   "hard error in a future release!")
TARGETS = {"fn": "functions", "assoc_fn": "methods", "struct": "structs", "const": "constants",
           "static": "statics", "ty_alias": "type aliases", "trait": "traits", "mod": "modules",
           "impl": "impl blocks", "use": "use statements"}
TARGET_ONE = {"fn": "function", "assoc_fn": "method", "struct": "struct", "const": "constant", "static": "static",
              "ty_alias": "type alias", "trait": "trait", "mod": "module", "impl": "impl block",
              "use": "use statement"}
FN_ATTRS = ("inline", "cold", "must_use")
NO_DUPLICATES = ("inline", "cold", "must_use")


def codegen_fn_attrs(tcx, d):
    """The attributes codegen reads: the first of each kind."""
    seen = {}
    for a in d.node.attrs:
        if a.name in FN_ATTRS and a.name not in seen:
            seen[a.name] = a
    if tcx.sess.bug("attr-used-marks"):
        for a in seen.values():
            mark_used(tcx, a)
    return tuple(sorted(seen))


def mark_used(tcx, attr):
    with tcx.sess.used_attrs_lock:
        tcx.sess.used_attrs.add(attr.id)


def is_used(tcx, attr) -> bool:
    with tcx.sess.used_attrs_lock:
        return attr.id in tcx.sess.used_attrs


def _lint(tcx, owner, diag: Diag):
    diag.lint = "unused_attributes"
    diag.lint_owner = owner
    tcx.dcx.emit(diag)


def check_mod_attrs(tcx, module):
    for d in tcx.hir_module_items[id(module)]:
        check_item_attrs(tcx, d)
        if d.kind in ("trait",):
            for f in d.node.items:
                check_item_attrs(tcx, tcx.resolver.def_of[f])
    for d in tcx.resolver.defs:
        if d.kind == "impl" and tcx.resolver.scope_of[d] is module:
            check_item_attrs(tcx, d)
            for f in d.node.items:
                check_item_attrs(tcx, tcx.resolver.def_of[f])


def check_item_attrs(tcx, d):
    node, kind = d.node, d.kind
    is_fn = kind in ("fn", "assoc_fn")
    earlier: dict = {}
    for a in node.attrs:
        name = a.name
        if name == "inline" and not is_fn:
            tcx.dcx.emit(Diag("error", f"`#[inline]` attribute cannot be used on {TARGETS[kind]}").primary(a.span)
                         .help("`#[inline]` can only be applied to functions"))
        elif name == "cold" and not is_fn:
            _lint(tcx, d, Diag("warning", f"`#[cold]` attribute cannot be used on {TARGETS[kind]}")
                  .primary(a.span).child("warning", FUTURE_INCOMPAT)
                  .help("`#[cold]` can only be applied to functions"))
        elif name == "must_use" and kind not in ("fn", "assoc_fn", "struct", "trait"):
            _lint(tcx, d, Diag("warning", f"`#[must_use]` attribute cannot be used on {TARGETS[kind]}")
                  .primary(a.span).child("warning", FUTURE_INCOMPAT)
                  .help("`#[must_use]` can be applied to data types, functions, and traits"))
        elif name == "recursion_limit" and not a.inner:
            _lint(tcx, d, Diag("warning", "crate-level attribute should be an inner attribute: add an "
                                          "exclamation mark: `#![recursion_limit]`").primary(a.span)
                  .span_note(node.span, f"this attribute does not have an `!`, which means it is applied to "
                                        f"this {TARGET_ONE[kind]}"))
        elif name == "recursion_limit" and a.inner and kind == "mod":
            _lint(tcx, d, Diag("warning", "the `#![recursion_limit]` attribute can only be used at the crate "
                                          "root").primary(a.span))
        elif name == "deprecated" and name in earlier:
            tcx.dcx.emit(Diag("error", "multiple `deprecated` attributes").primary(a.span, "help: remove this attribute")
                         .span_note(earlier[name].span, "attribute also specified here"))
        elif name in NO_DUPLICATES and is_fn and tcx.sess.bug("attr-used-marks"):
            pass   # decided from the used marks below
        elif name in NO_DUPLICATES and name in earlier:
            _unused_duplicate(tcx, d, a, earlier[name])
        earlier.setdefault(name, a)
    if is_fn and tcx.sess.bug("attr-used-marks"):
        for a in node.attrs:
            if a.name in NO_DUPLICATES and not is_used(tcx, a):
                marked = next((b for b in node.attrs if b.name == a.name and b is not a and is_used(tcx, b)), None)
                _unused_duplicate(tcx, d, a, marked)


def _unused_duplicate(tcx, d, attr, first):
    diag = Diag("warning", "unused attribute").primary(attr.span, "help: remove this attribute")
    if first is not None:
        diag.span_note(first.span, "attribute also specified here")
    diag.children.append(SubDiag("warning", FUTURE_INCOMPAT))
    _lint(tcx, d, diag)
