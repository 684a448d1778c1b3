"""The builtin lints of the subset: `unused_variables` (liveness), `dead_code`, and the
`nonstandard_style` group (`non_snake_case`, `non_camel_case_types`, `non_upper_case_globals`)."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.lint.buffer import BufferedEarlyLint
from compiler.syntax import ast
from compiler.syntax.span import Span


def lint(tcx, name: str, owner, msg: str, span, label: str = "", anchor=None) -> None:
    _lint(tcx, name, owner, msg, span, label, anchor)


def _lint(tcx, name: str, owner, msg: str, span, label: str = "", anchor=None) -> None:
    spans = span if isinstance(span, list) else [span]      # several primary spans, the label on the last
    d = Diag("warning", msg, lint=name)
    for sp in spans:
        d.primary(sp, label if sp is spans[-1] else "")
    d.lint_owner = owner
    if anchor is not None:
        d.anchor = anchor
    tcx.dcx.emit(d)


def _module_order(tcx, d, span):
    """rustc checks dead code module by module (the crate root first): the sort anchor of `span`."""
    rank = next((i for i, m in enumerate(tcx.resolver.modules) if m is tcx.resolver.scope_of.get(d)), 0)
    return Span(rank * 10**9 + span.lo, rank * 10**9 + span.hi, span.file)


# ---- liveness
def check_liveness(tcx, d):
    """Per body, in rustc's order: check_match's diagnostics, borrowck's unused-mut lint and errors (all
    found during typeck), then liveness's unused variables, then its dead assignments."""
    for diag in tcx.__dict__.get("borrowck_pending", {}).pop(d, ()):
        tcx.dcx.emit(diag)
    if d in tcx.__dict__.get("match_tainted", ()):
        return      # a match error: no MIR, so no liveness
    r = tcx.resolver
    uses, writes = r.local_uses, r.local_writes
    node = d.node
    body = node.span

    def lint(tcx, name, owner, msg, span, label=""):
        _lint(tcx, name, owner, msg, span, label, anchor=Span(body.lo, body.lo + 100000 + span.lo - body.lo,
                                                              body.file))
    bindings = [p for p in node.params if p.pat is None] + list(_locals(node.body))
    parents = ast.parents(node.body)
    for p in node.params:
        if p.pat is not None:
            bindings.extend(b for b in ast.bindings(p.pat) if r.res.get(b) is None)
    for b in bindings:
        if b in r.pat_alias or b.name.startswith("_") or b.name == "self" or \
                isinstance(b, ast.PatIdent) and r.res.get(b) is not None:
            continue
        if any(sp.file is b.name_span.file and sp.lo <= b.name_span.lo < sp.hi
               for sp in tcx.__dict__.get("unreachable_spans", ())):
            continue        # rustc's liveness does not see unreachable code
        alias_uses = sum(uses.get(a, 0) for a, first in r.pat_alias.items() if first is b)
        if uses.get(b, 0) + alias_uses:
            _dead_stores(tcx, d, b, parents)
            continue
        assigned = writes.get(b, [])
        if assigned:
            diag = Diag("warning", f"variable `{b.name}` is assigned to, but never used", lint="unused_variables")
            at = b.name_span
            if b.mutbl:
                kw = b.name_span.file.src.rfind("mut", 0, at.lo)
                at = Span(kw, at.hi, at.file) if kw >= 0 else at
            diag.primary(at).note(f"consider using `_{b.name}` instead")
            diag.lint_owner = d
            diag.anchor = Span(body.lo, body.lo + 100000 + at.lo - body.lo, body.file)
            tcx.dcx.emit(diag)
            for a in assigned:
                if True:
                    w = Diag("warning", f"value assigned to `{b.name}` is never read", lint="unused_assignments")
                    w.primary(a.span).help("maybe it is overwritten before being read?")
                    w.lint_owner = d
                    w.anchor = _dead_store_anchor(node, b, a.span)
                    tcx.dcx.emit(w)
            continue
        if b.mutbl:
            kw = b.name_span.file.src.rfind("mut", 0, b.name_span.lo)
            lint(tcx, "unused_variables", d, f"unused variable: `{b.name}`", Span(kw, b.name_span.hi, b.name_span.file),
                 f"help: if this is intentional, prefix it with an underscore: `_{b.name}`")
            continue
        if isinstance(b, ast.PatIdent) and _shorthand_field(node.body, b):
            lint(tcx, "unused_variables", d, f"unused variable: `{b.name}`", b.name_span,
                 f"help: try ignoring the field: `{b.name}: _`")
            continue
        lint(tcx, "unused_variables", d, f"unused variable: `{b.name}`", b.name_span,
             f"help: if this is intentional, prefix it with an underscore: `_{b.name}`")


def _in_loop(node, parents) -> bool:
    n = parents.get(node)
    while n is not None:
        if isinstance(n, (ast.Loop, ast.While, ast.ForLoop)):
            return True
        n = parents.get(n)
    return False


def _unconditional_after(write, node, parents) -> bool:
    """Whether `write` runs whenever `node` has run: it sits at the top level (no branch, no loop) of a
    block that contains `node`."""
    n = parents.get(write)
    while n is not None and not isinstance(n, ast.Block):
        if isinstance(n, (ast.If, ast.Match, ast.Arm, ast.While, ast.Loop, ast.ForLoop)):
            return False
        n = parents.get(n)
    return n is not None and n in _blocks_around(node, parents) and not _in_loop(write, parents)


def _blocks_around(node, parents) -> list:
    """The blocks that contain `node`, innermost first: a write at their top level runs after it."""
    out, n = [], parents.get(node)
    while n is not None:
        if isinstance(n, ast.Block):
            out.append(n)
        n = parents.get(n)
    return out


def _dead_stores(tcx, d, b, parents):
    """`unused_assignments` for a variable that is read somewhere: a value stored outside any loop that
    no later read can see, either because nothing reads the variable afterwards or because the next
    thing done to it, in the same block, is another assignment (a simplified liveness)."""
    r = tcx.resolver
    reads = r.local_reads.get(b, [])
    writes = [a for a in r.local_writes.get(b, []) if a.op == "="]
    stores = []
    if isinstance(b, ast.Local) and b.init is not None:
        stores.append((b, b.init.span))
    owned = not (isinstance(b, ast.Param) and isinstance(b.ty, ast.TyRef) or b.name == "self" or
                 isinstance(b, ast.Local) and isinstance(b.init, ast.AddrOf) or isinstance(b, ast.PatIdent) or
                 b in tcx.__dict__.get("needs_drop_locals", ()) or       # its drop reads it
                 b in tcx.__dict__.get("ref_locals", ()))                # a write through it stays
    drops = b in tcx.__dict__.get("needs_drop_locals", ())
    stores += [(a, a.lhs.span if drops and a.op == "=" else a.span) for a in r.local_writes.get(b, [])]
    stores += [(a, a.span) for a in (r.field_writes.get(b, []) if owned else [])]
    stores.sort(key=lambda x: x[1].lo)
    for node, span in stores:
        if _in_loop(node, parents):
            continue
        later_reads = [s for s in reads if s.lo >= span.hi]
        later_writes = [a for a in writes if a.span.lo >= span.hi]
        first_read = min((s.lo for s in later_reads), default=None)
        first_write = min(later_writes, key=lambda a: a.span.lo, default=None)
        overwritten = first_write is not None and (first_read is None or first_write.span.hi <= first_read) and \
            _unconditional_after(first_write, node, parents)
        if first_write is not None and not overwritten:
            from compiler.infer.moves import _exclusive, _path
            if _exclusive(_path(node, parents), _path(first_write, parents)):
                # the next write is in another branch: look past it to a read
                later_writes = [a for a in later_writes if not _exclusive(_path(node, parents), _path(a, parents))]
                first_write = min(later_writes, key=lambda a: a.span.lo, default=None)
                overwritten = first_write is not None and (first_read is None or first_write.span.hi <= first_read) \
                    and _unconditional_after(first_write, node, parents)
        if first_read is None and not overwritten and node is b:
            continue        # an initializer never read is the unused-variable warning's business
        if first_read is not None and not overwritten:
            continue
        w = Diag("warning", f"value assigned to `{b.name}` is never read", lint="unused_assignments")
        w.primary(span).help("maybe it is overwritten before being read?")
        w.lint_owner = d
        w.anchor = _dead_store_anchor(d.node, b, span)
        tcx.dcx.emit(w)


def _dead_store_anchor(node, b, span) -> Span:
    """rustc reports dead assignments after the body's unused variables, variable by variable (MIR's
    locals, in declaration order), each in source order."""
    end = node.span.hi
    return Span(end, end + (b.name_span.lo - node.span.lo) * 10**7 + span.lo - node.span.lo, span.file)


def _shorthand_field(body, b) -> bool:
    """Whether `b` is a struct pattern's shorthand field (`Point { x, .. }`)."""
    for n in ast.walk(body):
        if isinstance(n, ast.PatStruct) and any(p is b and name_span is b.name_span for _, name_span, p in n.fields):
            return True
    return False


def _locals(block):
    """Every binding declared in a body: `let` names and the identifiers of patterns."""
    if block is None:
        return
    for n in ast.walk(block):
        if isinstance(n, ast.Local) and n.pat is None and n.name != "_":
            yield n
        elif isinstance(n, ast.PatIdent) and n.name != "_":
            yield n


# ---- dead code
DEAD_WORDS = {"fn": "function `{}` is never used", "const": "constant `{}` is never used",
              "static": "static `{}` is never used", "struct": "struct `{}` is never constructed",
              "ty_alias": "type alias `{}` is never used", "trait": "trait `{}` is never used",
              "enum": "enum `{}` is never used"}


def check_dead_code(tcx):
    r = tcx.resolver
    live: set = set()
    constructed: set = set()
    lib = tcx.sess.opts.crate_type != "bin"
    def trait_item(d):
        return d.kind == "assoc_fn" and (d.parent.kind == "trait" or d.parent.node.trait_ref is not None)

    # roots: `main`, a library's public items, impls, and the items of traits and trait impls; an
    # inherent associated fn is live only when live code uses it (typeck records the uses)
    def reachable(d):       # public from the crate root: `pub` all the way up
        while d is not None:
            if d.kind not in ("impl",) and not getattr(d.node, "is_pub", False):
                return False
            d = d.parent
        return True

    def local_trait(d):     # the crate's own trait an associated fn declares or implements, else None
        p = d.parent
        if p.kind == "trait":
            return None if p.builtin else p
        res = r.res.get(p.node.trait_ref) if p.kind == "impl" and p.node.trait_ref is not None else None
        t = res.target if res is not None and res.kind == "def" else None
        return t if t is not None and not t.builtin else None

    # a local trait's method and its impls' methods of one name live and die together (a call through
    # any of them keeps all), and are roots only in a library that exports the trait
    linked: dict = {}
    for d in r.defs:
        if d.kind == "assoc_fn" and local_trait(d) is not None:
            linked.setdefault((local_trait(d), d.name), []).append(d)
    work = [d for d in r.defs if (d.kind == "fn" and d.name == "main" and d.parent is None)
            or (lib and d.kind not in ("impl", "use") and reachable(d)) or d.kind == "impl"
            or trait_item(d) and (local_trait(d) is None or lib and reachable(local_trait(d)))]
    public = {d for d in work if lib and d.kind in ("struct", "enum")}
    constructed.update(d for d in public if d.kind == "struct")     # a public struct is its users' to build
    constructed.update(v for d in public if d.kind == "enum" for v in d.variants.values())     # and a variant
    read: set = set()
    for d, derived in r.derives.items():      # a derived `Default` builds its type (the `#[default]` variant)
        if "Default" in derived:
            if d.kind == "struct":
                constructed.add(d)
            else:
                constructed.update(v for v in d.variants.values() if any(a.name == "default" for a in v.node.attrs))
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
        if d.kind == "assoc_fn" and local_trait(d) is not None:
            work.extend(x for x in linked[(local_trait(d), d.name)] if x not in live)
        if d.kind in ("fn", "assoc_fn", "const", "static") and (d.kind in ("const", "static") or d.node.body):
            results = tcx.query("typeck", d)
            if results is not None:
                work.extend(u for u in results.used_assoc if u not in live)
                read.update((s_.index, f) for s_, f in results.fields_read)
                constructed.update(results.constructed)
        for target, how in r.refs.get(d, ()):
            if how == "value" and target.kind == "struct":
                constructed.add(target)
            if target.kind == "variant":
                target = target.parent
            if target not in live:
                work.append(target)
    for d in r.defs:
        if d.kind == "impl" and d.node.trait_ref is None:
            _dead_assoc(tcx, d, [f for f in (r.def_of[x] for x in d.node.items)
                                 if f not in live and not f.name.startswith("_")])
        if d.kind == "trait" and not d.builtin and d in live:
            _dead_assoc(tcx, d, [f for f in (r.def_of[x] for x in d.node.items)
                                 if f not in live and not f.name.startswith("_")], "trait")
        if d.kind not in DEAD_WORDS or d.name.startswith("_"):
            continue
        dead = d not in constructed if d.kind == "struct" else d not in live
        if d.kind == "enum" and not dead:
            _dead_variants(tcx, d, [v for v in d.variants.values() if v not in constructed
                                    and not v.name.startswith("_")])
            derived_reads = any(t in r.derives.get(d, ()) for t in ("PartialEq", "PartialOrd", "Ord", "Hash"))
            for v in d.variants.values():
                if v in constructed and v.node.kind in ("tuple", "named") and not derived_reads and d not in public:
                    _dead_fields(tcx, d, [f for f in v.node.fields if (v.index, f.name) not in read
                                          and not f.name.startswith("_") and _warn_about_field(tcx, v, f)],
                                 variant=v)
        if dead:
            lint(tcx, "dead_code", d, DEAD_WORDS[d.kind].format(d.name), d.node.ident_span,
                 anchor=_module_order(tcx, d, d.node.ident_span))
        elif d.kind == "struct" and getattr(d.node, "kind", None) in ("named", "tuple") and not any(
                t in r.derives.get(d, ()) for t in ("PartialEq", "PartialOrd", "Ord", "Hash")):
            # a derived comparison or hash reads every field, and dead-code analysis counts it
            _dead_fields(tcx, d, [f for f in d.node.fields if (d.index, f.name) not in read
                                  and not f.name.startswith("_") and _warn_about_field(tcx, d, f)
                                  and not (d in public and f.is_pub)])


def _names(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + f", and {quoted[-1]}"


def _dead_assoc(tcx, impl_def, dead, owner="implementation"):
    dead = [f for f in dead if not _allowed_on(tcx, f, "dead_code")]     # its own `#[allow(dead_code)]`
    if not dead:
        return
    methods = [f.node.params and f.node.params[0].name == "self" for f in dead]
    kind = "method" if all(methods) else "associated function" if not any(methods) else "associated item"
    plural = kind + "s" if len(dead) > 1 else kind
    verb = "are" if len(dead) > 1 else "is"
    d = Diag("warning", f"{plural} {_names([f.name for f in dead])} {verb} never used", lint="dead_code")
    d.span_label(impl_def.node.head_span if owner == "implementation" else impl_def.node.ident_span,
                 f"{plural} in this {owner}")
    for f in dead:
        d.primary(f.node.ident_span)
    d.lint_owner = impl_def
    d.anchor = _module_order(tcx, impl_def, dead[0].node.ident_span)
    tcx.dcx.emit(d)


def _allowed_on(tcx, d, lint: str) -> bool:
    """Whether `lint` is allowed at item `d` (its own attributes and those around it)."""
    if tcx.dcx.lint_level is None:
        return False
    probe = Diag("warning", "", lint=lint)
    probe.lint_owner = d
    probe.primary(d.node.ident_span)
    return tcx.dcx.lint_level(probe)[0] == "allow"


def _derived_note(tcx, d) -> str | None:
    derived = tcx.resolver.derives.get(d, ())
    used = tcx.__dict__.get("derives_used", set())
    # the derives whose impls dead-code analysis ignores (`#[rustc_trivial_field_reads]`), in rustc's
    # order: each `#[derive]`'s list backwards, the attributes in source order
    order = [n for a in d.node.attrs if a.name == "derive" for n, _ in reversed(a.args)]
    traits = list(dict.fromkeys(t for t in order if t in derived and t in ("Clone", "Debug") and (d, t) not in used))
    if not traits:
        return None
    if len(traits) == 1:
        return (f"`{d.name}` has a derived impl for the trait `{traits[0]}`, but this is intentionally ignored "
                "during dead code analysis")
    return (f"`{d.name}` has derived impls for the traits {_names(traits)}, but these are intentionally ignored "
            "during dead code analysis")


def _dead_variants(tcx, enum, dead):
    if not dead:
        return
    many = len(dead) > 1
    d = Diag("warning", f"variant{'s' if many else ''} {_names([v.name for v in dead])} "
                        f"{'are' if many else 'is'} never constructed", lint="dead_code")
    d.span_label(enum.node.ident_span, f"variant{'s' if many else ''} in this enum")
    for v in dead:
        d.primary(v.node.span)
    note = _derived_note(tcx, enum)
    if note:
        d.note(note)
    d.lint_owner = enum
    d.anchor = _module_order(tcx, enum, dead[0].node.span)
    tcx.dcx.emit(d)


def _warn_about_field(tcx, owner, f) -> bool:
    """rustc's `should_warn_about_field`: a positional field whose layout is unknown (a type parameter)
    or zero-sized (`()`, a unit struct) is not reported."""
    if not f.name.isdigit():
        return True
    from compiler.ty.collect import lower_ty
    t = lower_ty(tcx, f.ty)
    if t.kind == "param" or t.kind == "tuple" and not t.args:
        return False
    if t.kind == "adt" and not t.args:
        adt = tcx.resolver.def_at(t.def_index)
        return adt.builtin or not (adt.kind == "struct" and getattr(adt.node, "kind", None) == "unit")
    return True


def _dead_fields(tcx, struct, dead, variant=None):
    if not dead:
        return
    many = len(dead) > 1
    s = "s" if many else ""
    d = Diag("warning", f"field{s} {_names([f.name for f in dead])} {'are' if many else 'is'} never read",
             lint="dead_code")
    owner = variant.node if variant is not None else struct.node
    d.span_label(variant.node.span if variant is not None else struct.node.ident_span,
                 f"field{s} in this {'variant' if variant is not None else 'struct'}")
    for f in dead:
        d.primary(f.span if not hasattr(f, "name_span") else f.name_span)
    note = _derived_note(tcx, struct)
    if note:
        d.note(note)
    if owner.kind == "tuple":
        fields = owner.fields
        trailing = variant is None and fields[len(fields) - len(dead):] == dead
        if trailing:
            d.help(f"consider removing {'these' if many else 'this'} field{s}")
        else:
            d.multipart_suggestion(f"consider changing the field{s} to be of unit type to suppress this warning while "
                                   f"preserving the field numbering, or remove the field{s}",
                                   [(f.ty.span, "()") for f in dead])
    d.lint_owner = struct
    d.anchor = _module_order(tcx, struct, dead[0].span)
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
            if d.kind == "trait":
                for f in d.node.items:
                    _snake_method(tcx, tcx.resolver.def_of[f])

    @staticmethod
    def check_impls(tcx, module):
        """Methods of inherent impls (trait impls follow their trait's names)."""
        for d in tcx.resolver.defs:
            if d.kind == "impl" and d.node.trait_ref is None and tcx.resolver.scope_of[d] is module:
                for f in d.node.items:
                    _snake_method(tcx, tcx.resolver.def_of[f])


def check_unused_imports(tcx, module):
    """The resolver's unused-import check for one module: buffers `unused_imports` early lints."""
    r = tcx.resolver
    groups: dict = {}       # one lint per `use` item, naming each unused leaf of its tree
    for u in module.imports:
        if r.import_uses.get(u) == 0:
            groups.setdefault((u.node.span.lo, u.node.span.hi), []).append(u)
    for unused in groups.values():
        spans = [u.node.head_span for u in unused]
        texts = [sp.file.src[sp.lo:sp.hi] for sp in spans]
        msg = f"unused import: `{texts[0]}`" if len(texts) == 1 else \
            "unused imports: " + ", ".join(f"`{t}`" for t in texts[:-1]) + f" and `{texts[-1]}`"
        tcx.sess.buffered_lints.buffer_lint(
            BufferedEarlyLint("unused_imports", unused[0], spans if len(spans) > 1 else spans[0], msg))


def emit_buffered(tcx, lints):
    for b in lints:
        lint(tcx, b.lint, b.owner, b.msg, b.span, b.label)


def check_nonstandard_style(tcx, d):
    node = d.node
    if d.kind in ("fn", "assoc_fn"):
        if not is_snake_case(node.name):
            lint(tcx, "non_snake_case", d, f"function `{node.name}` should have a snake case name",
                 node.ident_span, f"help: convert the identifier to snake case"
                 f"{_case_note(node.name, to_snake_case(node.name))}: `{to_snake_case(node.name)}`")
        check_nonstandard_style_locals(tcx, d)
    elif d.kind in ("const", "static"):
        _upper_case(tcx, d)
    elif d.kind == "struct" and node.kind == "named":
        for f in node.fields:
            if not is_snake_case(f.name):
                lint(tcx, "non_snake_case", d, f"structure field `{f.name}` should have a snake case name", f.span,
                     f"help: convert the identifier to snake case{_case_note(f.name, to_snake_case(f.name))}: "
                     f"`{to_snake_case(f.name)}`")


CONFUSABLE = set("cfikosuvwxyz")


def _case_note(old: str, new: str) -> str:
    """rustc's emitter remark (`is_case_difference`) when a suggestion only changes the case of letters
    that look alike in both cases."""
    differ = [(a, b) for a, b in zip(old, new) if a != b]
    confusable = all(a in CONFUSABLE or b in CONFUSABLE for a, b in differ)
    return " (notice the capitalization)" if confusable and old.lower() == new.lower() and old != new else ""


def _snake_method(tcx, d):
    name = d.node.name
    if not is_snake_case(name):
        lint(tcx, "non_snake_case", d, f"method `{name}` should have a snake case name", d.node.ident_span,
             f"help: convert the identifier to snake case{_case_note(name, to_snake_case(name))}: "
             f"`{to_snake_case(name)}`")
    check_nonstandard_style_locals(tcx, d)


def check_nonstandard_style_locals(tcx, d):
    node = d.node
    for b in list(node.params) + list(_locals(node.body)):
        if isinstance(b, ast.PatIdent) and (tcx.resolver.res.get(b) is not None or b in tcx.resolver.pat_alias):
            continue
        if b.name not in ("_", "self") and not is_snake_case(b.name):
            lint(tcx, "non_snake_case", d, f"variable `{b.name}` should have a snake case name", b.name_span,
                 f"help: convert the identifier to snake case{_case_note(b.name, to_snake_case(b.name))}: "
                 f"`{to_snake_case(b.name)}`")


def check_camel_case(tcx):
    """`non_camel_case_types`: an early lint in rustc, so it runs before analysis."""
    for d in tcx.resolver.defs:
        if d.kind not in ("struct", "ty_alias", "trait", "enum", "variant"):
            continue
        node = d.node
        name = node.name
        if name[:1].islower() or "_" in name.strip("_"):
            what = {"struct": "type", "ty_alias": "type", "trait": "trait", "enum": "type",
                    "variant": "variant"}[d.kind]
            lint(tcx, "non_camel_case_types", d, f"{what} `{name}` should have an upper camel case name",
                 node.ident_span if d.kind != "variant" else node.span,
                 f"help: convert the identifier to upper camel case{_case_note(name, to_camel_case(name))}: "
                 f"`{to_camel_case(name)}`")


def _upper_case(tcx, d):
    node, name = d.node, d.node.name
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



# ---- early syntactic lints: `unused_parens`, `while_true`
_PAREN_CONTEXT = {ast.If: "`if` condition", ast.While: "`while` condition", ast.Match: "`match` scrutinee expression",
                  ast.Local: "assigned value", ast.Return: "`return` value"}


def check_early_syntax(tcx):
    """rustc's early lint passes over the AST, before analysis: unnecessary parentheses around a
    condition, scrutinee, assigned or returned value, and `while true`."""
    for d in tcx.resolver.defs:
        body = getattr(d.node, "body", None) if d.kind in ("fn", "assoc_fn") else None
        if body is None:
            continue
        for n in ast.walk(body):
            inner = None
            if isinstance(n, (ast.If, ast.While)):
                inner = n.cond
                if isinstance(n, ast.While) and isinstance(inner, ast.Lit) and inner.value is True:
                    kw = Span(n.span.lo, inner.span.hi, n.span.file)
                    lint(tcx, "while_true", d, "denote infinite loops with `loop { ... }`", kw, "help: use `loop`")
            elif isinstance(n, ast.Match):
                inner = n.scrutinee
            elif isinstance(n, ast.Local):
                inner = n.init
            elif isinstance(n, ast.Return):
                inner = n.value
            if isinstance(inner, ast.Paren) and not isinstance(inner.inner, (ast.TupleExpr, ast.StructLit)):
                _unused_parens(tcx, d, inner, _PAREN_CONTEXT[type(n)], condition=not isinstance(n, (ast.Local,
                                                                                                   ast.Return)))


def _unused_parens(tcx, owner, p, what, condition):
    f = p.span.file
    open_, close = Span(p.span.lo, p.span.lo + 1, f), Span(p.span.hi - 1, p.span.hi, f)
    d = Diag("warning", f"unnecessary parentheses around {what}", lint="unused_parens")
    d.primary(open_)
    d.primary(close)
    d.multipart_suggestion("remove these parentheses", [(open_, ""), (close, " ")])
    d.lint_owner = owner
    tcx.dcx.emit(d)
