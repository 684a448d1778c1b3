"""The builtin lints of the subset: `unused_variables` (liveness), `dead_code`, and the
`nonstandard_style` group (`non_snake_case`, `non_camel_case_types`, `non_upper_case_globals`)."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.lint.buffer import BufferedEarlyLint
from compiler.syntax import ast


def lint(tcx, name: str, owner, msg: str, span, label: str = "") -> None:
    d = Diag("warning", msg, lint=name).primary(span, label)
    d.lint_owner = owner
    tcx.dcx.emit(d)


# ---- liveness
def check_liveness(tcx, d):
    uses = tcx.resolver.local_uses
    node = d.node
    bindings = list(node.params) + [s for s in _locals(node.body)]
    for b in bindings:
        if uses.get(b, 0) == 0 and not b.name.startswith("_") and b.name != "self":
            lint(tcx, "unused_variables", d, f"unused variable: `{b.name}`", b.name_span,
                 f"help: if this is intentional, prefix it with an underscore: `_{b.name}`")


def _locals(block):
    if block is None:
        return
    for s in block.stmts:
        if isinstance(s, ast.Local):
            yield s
        for e in ([s.init] if isinstance(s, ast.Local) and s.init else [s.expr] if isinstance(s, ast.ExprStmt)
                  else []):
            yield from _expr_locals(e)


def _expr_locals(e):
    if isinstance(e, ast.BlockExpr):
        yield from _locals(e.block)
    elif isinstance(e, ast.If):
        yield from _locals(e.then)
        if e.els is not None:
            yield from _expr_locals(e.els)
    elif isinstance(e, (ast.While, ast.Loop)):
        yield from _locals(e.body)


# ---- dead code
DEAD_WORDS = {"fn": "function `{}` is never used", "const": "constant `{}` is never used",
              "static": "static `{}` is never used", "struct": "struct `{}` is never constructed",
              "ty_alias": "type alias `{}` is never used", "trait": "trait `{}` is never used"}


def check_dead_code(tcx):
    r = tcx.resolver
    live: set = set()
    constructed: set = set()
    lib = tcx.sess.opts.crate_type != "bin"
    def trait_item(d):
        return d.kind == "assoc_fn" and (d.parent.kind == "trait" or d.parent.node.trait_ref is not None)

    # roots: `main`, a library's public items, impls, and the items of traits and trait impls; an
    # inherent associated fn is live only when live code uses it (typeck records the uses)
    work = [d for d in r.defs if (d.kind == "fn" and d.name == "main" and d.parent is None)
            or (lib and d.node.is_pub and d.kind not in ("impl", "use")) or d.kind == "impl" or trait_item(d)]
    read: set = set()
    for d in r.defs:
        if d.kind == "impl" and d.node.trait_ref is not None:
            self_res = r.res.get(getattr(d.node.self_ty, "path", None))
            if self_res is not None and self_res.kind == "def":
                constructed.add(self_res.target)     # a trait impl makes its self type usable
    while work:
        d = work.pop()
        if d in live:
            continue
        live.add(d)
        if d.kind in ("fn", "assoc_fn", "const", "static") and (d.kind in ("const", "static") or d.node.body):
            results = tcx.query("typeck", d)
            if results is not None:
                work.extend(u for u in results.used_assoc if u not in live)
                read.update((s_.index, f) for s_, f in results.fields_read)
        for target, how in r.refs.get(d, ()):
            if how == "value" and target.kind == "struct":
                constructed.add(target)
            if target not in live:
                work.append(target)
    for d in r.defs:
        if d.kind == "impl" and d.node.trait_ref is None:
            _dead_assoc(tcx, d, [f for f in (r.def_of[x] for x in d.node.items)
                                 if f not in live and not f.name.startswith("_")])
        if d.kind not in DEAD_WORDS or d.name.startswith("_"):
            continue
        dead = d not in constructed if d.kind == "struct" else d not in live
        if dead:
            lint(tcx, "dead_code", d, DEAD_WORDS[d.kind].format(d.name), d.node.ident_span)
        elif d.kind == "struct" and getattr(d.node, "kind", None) == "named":
            _dead_fields(tcx, d, [f for f in d.node.fields if (d.index, f.name) not in read
                                  and not f.name.startswith("_")])


def _names(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + f", and {quoted[-1]}"


def _dead_assoc(tcx, impl_def, dead):
    if not dead:
        return
    methods = [f.node.params and f.node.params[0].name == "self" for f in dead]
    kind = "method" if all(methods) else "associated function" if not any(methods) else "associated item"
    plural = kind + "s" if len(dead) > 1 else kind
    verb = "are" if len(dead) > 1 else "is"
    d = Diag("warning", f"{plural} {_names([f.name for f in dead])} {verb} never used", lint="dead_code")
    d.span_label(impl_def.node.head_span, f"{plural} in this implementation")
    for f in dead:
        d.primary(f.node.ident_span)
    d.lint_owner = impl_def
    tcx.dcx.emit(d)


def _dead_fields(tcx, struct, dead):
    if not dead:
        return
    verb = "are" if len(dead) > 1 else "is"
    d = Diag("warning", f"field{'s' if len(dead) > 1 else ''} {_names([f.name for f in dead])} {verb} never read",
             lint="dead_code")
    d.span_label(struct.node.ident_span, f"field{'s' if len(dead) > 1 else ''} in this struct")
    for f in dead:
        d.primary(f.span if not hasattr(f, "name_span") else f.name_span)
    d.lint_owner = struct
    tcx.dcx.emit(d)


# ---- nonstandard style
def to_snake_case(s: str) -> str:
    out = []
    for i, c in enumerate(s):
        if c.isupper() and i > 0 and (s[i - 1].islower() or s[i - 1].isdigit()):
            out.append("_")
        out.append(c.lower())
    return "".join(out)


def to_camel_case(s: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in s.split("_") if p)


def is_snake_case(s: str) -> bool:
    s = s.strip("_")
    return not s or (s == s.lower() and "__" not in s)


class NonstandardStyle:
    """The late lint pass for the `nonstandard_style` group."""
    name = "NonstandardStyle"

    def check_module(self, tcx, items):
        for d in items:
            check_nonstandard_style(tcx, d)


def check_unused_imports(tcx, module):
    """The resolver's unused-import check for one module: buffers `unused_imports` early lints."""
    r = tcx.resolver
    for u in module.imports:
        if r.import_uses.get(u) == 0:
            text = u.node.head_span.file.src[u.node.head_span.lo:u.node.head_span.hi]
            tcx.sess.buffered_lints.buffer_lint(
                BufferedEarlyLint("unused_imports", u, u.node.head_span, f"unused import: `{text}`"))


def emit_buffered(tcx, lints):
    for b in lints:
        lint(tcx, b.lint, b.owner, b.msg, b.span, b.label)


def check_nonstandard_style(tcx, d):
    node = d.node
    if d.kind in ("fn", "assoc_fn"):
        if not is_snake_case(node.name):
            lint(tcx, "non_snake_case", d, f"function `{node.name}` should have a snake case name",
                 node.ident_span, f"help: convert the identifier to snake case: `{to_snake_case(node.name)}`")
        for b in list(node.params) + list(_locals(node.body)):
            if b.name not in ("_", "self") and not is_snake_case(b.name):
                lint(tcx, "non_snake_case", d, f"variable `{b.name}` should have a snake case name", b.name_span,
                     f"help: convert the identifier to snake case: `{to_snake_case(b.name)}`")
    elif d.kind in ("struct", "ty_alias", "trait"):
        name = node.name
        if name[:1].islower() or "_" in name.strip("_"):
            what = {"struct": "type", "ty_alias": "type", "trait": "trait"}[d.kind]
            lint(tcx, "non_camel_case_types", d, f"{what} `{name}` should have an upper camel case name",
                 node.ident_span, f"help: convert the identifier to upper camel case: `{to_camel_case(name)}`")
    elif d.kind in ("const", "static"):
        name = node.name
        if name != name.upper():
            what = "constant" if d.kind == "const" else "static variable"
            diag = Diag("warning", f"{what} `{name}` should have an upper case name", lint="non_upper_case_globals")
            diag.primary(node.ident_span)
            diag.multipart_suggestion("convert the identifier to upper case",
                                      [(node.ident_span, to_snake_case(name).upper())])
            diag.lint_owner = d
            tcx.dcx.emit(diag)


# ---- overflowing_literals (rustc_lint::types)
def _range(ty: str) -> tuple[int, int]:
    from compiler.const_eval import INT_RANGES
    return INT_RANGES[ty]


def _suggest(ty: str, value: int, negated: bool) -> str | None:
    """rustc's `get_type_suggestion`: the same-size unsigned type for a positive literal of a signed
    type if it fits, else the smallest signed type that does."""
    if ty.startswith("u"):
        return None
    v = -value if negated else value
    unsigned = "u" + ty[1:]
    if not negated and unsigned in ("u8", "u16", "u32", "u64", "u128") and value <= _range(unsigned)[1]:
        return unsigned
    for cand in ("i8", "i16", "i32", "i64", "i128"):
        lo, hi = _range(cand)
        if lo <= v <= hi:
            return cand
    return None


class OverflowingLiterals:
    """The late lint pass for `overflowing_literals` (deny by default), on typeck's literal types."""
    name = "OverflowingLiterals"

    def check_module(self, tcx, items):
        for d in items:
            if d.kind in ("fn", "const", "static") and (d.kind != "fn" or d.node.body is not None):
                self.check_owner(tcx, d)

    def check_owner(self, tcx, d):
        results = tcx.query("typeck", d)
        for lit, ty, negated in (results.literals if results is not None else ()):
            if ty.kind != "prim" or ty.name not in ("i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
                                                    "u32", "u64", "u128", "usize"):
                continue
            lo, hi = _range(ty.name)
            v = -lit.value if negated else lit.value
            if lo <= v <= hi:
                continue
            text = lit.span.file.src[lit.span.lo:lit.span.hi]
            span = negated if negated else lit.span       # a negated literal: the span of `-N`
            diag = Diag("warning", f"literal out of range for `{ty.name}`", lint="overflowing_literals")
            diag.primary(span)
            shown = ("-" if negated else "") + text
            diag.note(f"the literal `{shown}` does not fit into the type `{ty.name}` whose range is "
                      f"`{lo}..={hi}`")
            sugg = _suggest(ty.name, lit.value, negated)
            if sugg:
                diag.help(f"consider using the type `{sugg}` instead")
            diag.lint_owner = d
            tcx.dcx.emit(diag)

