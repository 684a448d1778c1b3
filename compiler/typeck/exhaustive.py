"""Match checking (rustc_pattern_analysis, simplified): exhaustiveness with witnesses (E0004) and the
`unreachable_patterns` lint, by the usefulness algorithm over constructors. Integers are split into
ranges as rustc does; strings, floats and the prelude's opaque types only match by a wildcard."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.syntax import ast
from compiler.syntax.span import Span
from compiler.ty.types import INT_TYPES, Ty, prim, resolve

WILD = ("wild",)
OPAQUE = ("opaque",)
MAX_WITNESSES = 4


def int_bounds(name: str) -> tuple[int, int]:
    bits = {"i8": 8, "i16": 16, "i32": 32, "i64": 64, "i128": 128, "isize": 64,
            "u8": 8, "u16": 16, "u32": 32, "u64": 64, "u128": 128, "usize": 64}[name]
    if name.startswith("i"):
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


class Cx:
    def __init__(self, fcx):
        self.fcx, self.tcx = fcx, fcx.tcx
        self.unresolved = False

    # ---- constructors of a type
    def ctors(self, ty):
        """All constructors of `ty` as (key, field types), or None when it cannot be enumerated."""
        ty = resolve(ty)
        if not isinstance(ty, Ty):
            return None
        if ty == prim("bool"):
            return [(("bool", True), []), (("bool", False), [])]
        if ty.kind == "tuple":
            return [(("tuple",), list(ty.args))]
        if ty.kind == "ref":
            return [(("ref",), [ty.args[0]])]
        if ty.kind == "adt":
            d = self.tcx.resolver.def_at(ty.def_index)
            if d.kind == "enum":
                return [(("variant", v), [t for _, t in self.fcx.fields_of(v, ty)]) for v in d.variants.values()]
            if d.kind == "struct" and not d.builtin:
                return [(("struct", d), [t for _, t in self.fcx.fields_of(d, ty)])]
        return None

    # ---- lowering patterns
    def lower(self, pat, ty) -> list:
        """The deconstructed pattern(s) of `pat` at type `ty` (several for an or-pattern)."""
        ty = resolve(ty)
        if isinstance(pat, ast.PatOr):
            return [x for alt in pat.alts for x in self.lower(alt, ty)]
        if isinstance(pat, (ast.PatWild, ast.PatRest)):
            return [WILD]
        r = self.fcx._res(pat) if isinstance(pat, ast.PatIdent) else None
        if isinstance(pat, ast.PatIdent) and (r is None or r.kind != "def"):
            return [WILD]
        if isinstance(ty, Ty) and ty.kind == "ref" and not isinstance(pat, ast.PatRef) and not (
                isinstance(pat, ast.PatLit) and isinstance(pat.expr, ast.Lit) and pat.expr.kind == "str"):
            return [("ctor", ("ref",), [x]) for x in self.lower(pat, ty.args[0])]
        if isinstance(pat, ast.PatRef):
            inner = ty.args[0] if isinstance(ty, Ty) and ty.kind == "ref" else None
            return [("ctor", ("ref",), [x]) for x in self.lower(pat.inner, inner)]
        if isinstance(pat, ast.PatIdent):
            d = r.target
            if d.kind == "variant":
                return [("ctor", ("variant", d), [])]
            if d.kind == "struct":
                return [("ctor", ("struct", d), [])]
            return [OPAQUE]
        if isinstance(pat, ast.PatLit):
            v = _lit_value(pat.expr)
            if isinstance(v, bool):
                return [("ctor", ("bool", v), [])]
            if isinstance(v, int) and _is_int(ty):
                return [("range", v, v)]
            c = _char_value(pat.expr)
            if c is not None and _is_char(ty):
                return [("range", c, c)]
            return [OPAQUE]
        if isinstance(pat, ast.PatRange):
            if _is_char(ty):
                a = _char_value(pat.lo) if pat.lo is not None else 0
                b = _char_value(pat.hi) if pat.hi is not None else CHAR_MAX
                if a is None or b is None:
                    return [OPAQUE]
                if pat.hi is not None and not pat.inclusive:
                    b -= 1
                return [("range", a, b)] if a <= b else [OPAQUE]
            if not _is_int(ty):
                return [OPAQUE]
            lo, hi = int_bounds(ty.name)
            a = _lit_value(pat.lo) if pat.lo is not None else lo
            b = _lit_value(pat.hi) if pat.hi is not None else hi
            if not isinstance(a, int) or not isinstance(b, int) or isinstance(a, bool):
                return [OPAQUE]
            if pat.hi is not None and not pat.inclusive:
                b -= 1
            return [("range", a, b)] if a <= b else [OPAQUE]
        ctors = self.ctors(ty) or []
        if isinstance(pat, ast.PatTuple):
            tys = list(ty.args) if isinstance(ty, Ty) and ty.kind == "tuple" else [None] * len(pat.elems)
            return self._product(("tuple",), _spread(pat.elems, len(tys)), tys)
        if isinstance(pat, (ast.PatTupleStruct, ast.PatStruct, ast.PatPath)):
            res = self.fcx._res(pat.path)
            if res is None or res.kind != "def":
                self.unresolved = True      # its error says enough: no match checking on it
                return [OPAQUE]
            d = res.target
            key = ("variant", d) if d.kind == "variant" else ("struct", d)
            ftys = next((f for k, f in ctors if k == key), None)
            if ftys is None:
                return [OPAQUE]
            if isinstance(pat, ast.PatPath):
                return [("ctor", key, [])]
            if isinstance(pat, ast.PatTupleStruct):
                return self._product(key, _spread(pat.elems, len(ftys)), ftys)
            names = [n for n, _ in self.fcx.fields_of(d, ty)]
            by_name = {n: p for n, _, p in pat.fields}
            return self._product(key, [by_name.get(n) for n in names], ftys)
        return [OPAQUE]

    def _product(self, key, pats, tys):
        out = [[]]
        for p, t in zip(pats, tys):
            alts = self.lower(p, t) if p is not None else [WILD]
            out = [o + [a] for o in out for a in alts]
        return [("ctor", key, fields) for fields in out]

    # ---- usefulness
    def useful(self, rows, v, tys) -> bool:
        if not v:
            return not rows
        head, ty = v[0], tys[0]
        if head[0] == "ctor":
            arity = len(head[2])
            ftys = self._field_tys(head[1], ty, arity)
            return self.useful(self._specialize(rows, head[1], arity), head[2] + v[1:], ftys + tys[1:])
        if head[0] == "range":
            for lo, hi in self._split([head] + [r[0] for r in rows], head[1], head[2]):
                sub = [r[1:] for r in rows if r[0] == WILD or r[0][0] == "range" and r[0][1] <= lo and hi <= r[0][2]]
                if self.useful(sub, v[1:], tys[1:]):
                    return True
            return False
        if head == OPAQUE:
            return self.useful([r[1:] for r in rows if r[0] == WILD], v[1:], tys[1:])
        rt = resolve(ty)
        if _is_int(rt) or _is_char(rt):
            for lo, hi in _domain(rt):
                for a, b in self._split([r[0] for r in rows], lo, hi):
                    sub = [r[1:] for r in rows if r[0] == WILD or r[0][0] == "range" and r[0][1] <= a and
                           b <= r[0][2]]
                    if self.useful(sub, v[1:], tys[1:]):
                        return True
            return False
        ctors = self.ctors(rt)
        present = {r[0][1] for r in rows if r[0][0] == "ctor"}
        if ctors is not None and ctors and all(k in present for k, _ in ctors):
            return any(self.useful(self._specialize(rows, k, len(f)), [WILD] * len(f) + v[1:], f + tys[1:])
                       for k, f in ctors)
        return self.useful([r[1:] for r in rows if r[0] == WILD], v[1:], tys[1:])

    def witnesses(self, rows, tys, limit=64, top=True) -> list:
        """Value patterns matched by no row (each a list, one pattern per column)."""
        if not tys:
            return [] if rows else [[]]
        ty = tys[0]
        rt = resolve(ty)
        heads = [r[0] for r in rows]
        if _is_char(rt) and not any(h[0] == "range" for h in heads):
            sub = [r[1:] for r in rows if r[0] == WILD]     # nothing splits the chars: `_`
            return [[WILD] + w for w in self.witnesses(sub, tys[1:], limit, False)]
        if _is_int(rt) or _is_char(rt):
            out = []
            present = [h for h in heads if h[0] == "range"]
            for lo, hi in _domain(rt):
                for a, b in self._split([("range", lo, hi)] + present, lo, hi):
                    sub = [r[1:] for r in rows if r[0] == WILD or r[0][0] == "range" and r[0][1] <= a and
                           b <= r[0][2]]
                    for w in self.witnesses(sub, tys[1:], limit - len(out), False):
                        out.append([("range", a, b)] + w)
                        if len(out) >= limit:
                            return _merge_ranges(out)
            return _merge_ranges(out)
        ctors = self.ctors(rt)
        present = {h[1] for h in heads if h[0] == "ctor"}
        if ctors is None:
            sub = [r[1:] for r in rows if r[0] == WILD]
            return [[WILD] + w for w in self.witnesses(sub, tys[1:], limit, False)]
        out = []
        missing = [(k, f) for k, f in ctors if k not in present]
        if missing and (present or top):
            sub = [r[1:] for r in rows if r[0] == WILD]
            rest = self.witnesses(sub, tys[1:], limit, False)
            if rest:
                for k, f in missing:
                    for w in rest:
                        out.append([("ctor", k, [WILD] * len(f))] + w)
                        if len(out) >= limit:
                            return out
        elif missing:
            sub = [r[1:] for r in rows if r[0] == WILD]
            rest = self.witnesses(sub, tys[1:], limit, False)
            if rest:
                return [[WILD] + w for w in rest]
        for k, f in ctors:
            if k not in present:
                continue
            sub = self._specialize(rows, k, len(f))
            for w in self.witnesses(sub, f + tys[1:], limit - len(out), False):
                out.append([("ctor", k, w[:len(f)])] + w[len(f):])
                if len(out) >= limit:
                    return out
        return out

    def _field_tys(self, key, ty, arity):
        for k, f in self.ctors(ty) or []:
            if k == key:
                return f
        return [None] * arity

    @staticmethod
    def _specialize(rows, key, arity):
        out = []
        for r in rows:
            h = r[0]
            if h == WILD:
                out.append([WILD] * arity + r[1:])
            elif h[0] == "ctor" and h[1] == key:
                out.append(h[2] + r[1:])
        return out

    @staticmethod
    def _split(heads, lo, hi):
        """The maximal sub-ranges of [lo, hi] on which every range head is constant."""
        cuts = {lo, hi + 1}
        for h in heads:
            if h[0] == "range":
                for c in (h[1], h[2] + 1):
                    if lo <= c <= hi + 1:
                        cuts.add(c)
        cuts = sorted(cuts)
        return [(a, b - 1) for a, b in zip(cuts, cuts[1:])]

    # ---- printing
    def show(self, w, ty) -> str:
        ty = resolve(ty)
        if w == WILD or w == OPAQUE:
            return "_"
        if w[0] == "range" and _is_char(ty):
            return _char_lit(w[1]) if w[1] == w[2] else f"{_char_lit(w[1])}..={_char_lit(w[2])}"
        if w[0] == "range":
            return _show_range(w[1], w[2], ty.name if _is_int(ty) else "i32")
        key, fields = w[1], w[2]
        ftys = self._field_tys(key, ty, len(fields))
        parts = [self.show(f, t) for f, t in zip(fields, ftys)]
        if key[0] == "bool":
            return "true" if key[1] else "false"
        if key[0] == "tuple":
            return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
        if key[0] == "ref":
            return "&" + parts[0]
        d = key[1]
        node = d.node
        if key[0] == "variant":
            name = d.name if d.builtin else f"{d.parent.name}::{d.name}"
        else:
            name = d.name
        if node.kind == "unit":
            return name
        if node.kind == "tuple":
            return f"{name}(" + ", ".join(parts) + ")"
        named = [(f.name, p) for f, p in zip(node.fields, parts) if p != "_"]
        if not named:
            return f"{name} {{ .. }}"
        return f"{name} {{ " + ", ".join(f"{n}: {p}" for n, p in named) + ", .. }"


def _spread(elems, n):
    rest = next((i for i, e in enumerate(elems) if isinstance(e, ast.PatRest)), None)
    if rest is None:
        return list(elems) + [None] * (n - len(elems))
    before, after = elems[:rest], elems[rest + 1:]
    return list(before) + [None] * max(0, n - len(before) - len(after)) + list(after)


def _is_int(ty) -> bool:
    return isinstance(ty, Ty) and ty.kind == "prim" and ty.name in INT_TYPES


CHAR_MAX = 0x10FFFF


def _is_char(ty) -> bool:
    return isinstance(ty, Ty) and ty.kind == "prim" and ty.name == "char"


def _domain(ty) -> list:
    """The value ranges of an integer type, or of `char` (the scalar values: no surrogates)."""
    if _is_char(ty):
        return [(0, 0xD7FF), (0xE000, CHAR_MAX)]
    return [int_bounds(ty.name)]


def _char_value(e):
    """The code point of a char literal (its text, escapes and all), or None."""
    if not (isinstance(e, ast.Lit) and e.kind == "char" and isinstance(e.value, str)):
        return None
    t = e.value
    if len(t) == 1:
        return ord(t)
    simple = {"\\0": 0, "\\n": 10, "\\t": 9, "\\r": 13, "\\\\": 92, "\\'": 39, '\\"': 34}
    if t in simple:
        return simple[t]
    try:
        if t.startswith("\\x"):
            return int(t[2:], 16)
        if t.startswith("\\u{") and t.endswith("}"):
            return int(t[3:-1].replace("_", ""), 16)
    except ValueError:
        return None
    return None


def _char_lit(c: int) -> str:
    """A char as rustc prints it in a pattern (`char::escape_debug`)."""
    ch = chr(c)
    special = {0: "\\0", 9: "\\t", 10: "\\n", 13: "\\r", 39: "\\'", 92: "\\\\"}
    if c in special:
        return f"'{special[c]}'"
    if ch.isprintable() and not 0xD800 <= c <= 0xDFFF:
        return f"'{ch}'"
    return f"'\\u{{{c:x}}}'"


def _lit_value(e):
    if isinstance(e, ast.Unary) and e.op == "-":
        v = _lit_value(e.operand)
        return -v if isinstance(v, int) and not isinstance(v, bool) else None
    if isinstance(e, ast.Lit):
        if e.kind in ("int", "bool"):
            return e.value
        if e.kind == "char":
            return None
    return None


def _show_range(a, b, name) -> str:
    lo, hi = int_bounds(name)
    if a == lo and b == hi:
        return "_"

    def one(v):
        if v == lo and name.startswith("i"):
            return f"{name}::MIN"
        if v == hi:
            return f"{name}::MAX"
        return f"{v}_{name}"
    if a == b:
        return one(a)
    return f"{one(a)}..={one(b)}"


def _merge_ranges(ws):
    """Adjacent missing ranges with the same rest are one witness, as rustc prints them."""
    out = []
    for w in ws:
        if out and w[0][0] == "range" and out[-1][0][0] == "range" and out[-1][0][2] + 1 == w[0][1] \
                and out[-1][1:] == w[1:]:
            out[-1] = [("range", out[-1][0][1], w[0][2])] + w[1:]
        else:
            out.append(w)
    return out


def _join(items: list[str]) -> str:
    q = [f"`{x}`" for x in items]
    if len(q) == 1:
        return q[0]
    if len(q) <= 3:
        return ", ".join(q[:-1]) + f" and {q[-1]}"
    return ", ".join(q[:3]) + f" and {len(q) - 3} more"


def check_match(fcx, m, scrut_ty):
    if isinstance(scrut_ty, Ty) and scrut_ty.references_error():
        return
    cx = Cx(fcx)
    before = len(fcx.match_diags)
    rows = []
    earlier = []        # (pattern, source span) of every unguarded alternative so far
    lint = not getattr(m, "from_macro", False)
    for arm in m.arms:
        alts = arm.pat.alts if isinstance(arm.pat, ast.PatOr) else [arm.pat]
        lowered = [(alt, cx.lower(alt, scrut_ty)) for alt in alts]
        pats = [p for _, ps in lowered for p in ps]
        if rows and lint and not any(cx.useful(rows, [p], [scrut_ty]) for p in pats):
            _unreachable(fcx, arm.pat.span, pats, earlier)
        elif rows and lint and len(alts) > 1:
            # a useful or-pattern: each alternative that earlier ones (or its own siblings) cover
            acc, before = list(rows), list(earlier)
            for alt, ps in lowered:
                if not any(cx.useful(acc, [p], [scrut_ty]) for p in ps):
                    _unreachable(fcx, alt.span, ps, before)
                acc.extend([p] for p in ps)
                before.extend((p, alt.span) for p in ps)
        if arm.guard is None:
            rows.extend([p] for p in pats)
            earlier.extend((p, alt.span) for alt, ps in lowered for p in ps)
    if cx.unresolved:
        del fcx.match_diags[before:]
        return
    ws = cx.witnesses(rows, [scrut_ty])
    if not ws:
        return
    _report(fcx, cx, m, scrut_ty, ws, [cx.show(w[0], scrut_ty) for w in ws])


def _intersects(p, q) -> bool:
    """Whether some value matches both deconstructed patterns."""
    if p[0] in ("wild", "opaque") or q[0] in ("wild", "opaque"):
        return True
    if p[0] == "range" and q[0] == "range":
        return p[1] <= q[2] and q[1] <= p[2]
    return p[0] == q[0] == "ctor" and p[1] == q[1] and all(map(_intersects, p[2], q[2]))


def _catchall(p) -> bool:
    """rustc's `pat_is_catchall`: a wildcard or binding, or a tuple, struct or reference of them."""
    return p == WILD or p[0] == "ctor" and p[1][0] in ("tuple", "struct", "ref") and all(map(_catchall, p[2]))


COVERED_BY_MANY_CAP = 4


def _unreachable(fcx, span, pats, earlier):
    """rustc's `report_unreachable_pattern`: the earlier patterns that match some of the same values
    explain the lint (one: it matches all the relevant values, or any value; several: a note)."""
    d = Diag("warning", "unreachable pattern", lint="unreachable_patterns")
    d.primary(span, "no value can reach this")
    covered, seen = [], set()
    for q, sp in earlier:
        if any(_intersects(p, q) for p in pats) and (sp.lo, sp.hi) not in seen:
            seen.add((sp.lo, sp.hi))
            covered.append((q, sp))
    if len(covered) == 1:
        q, sp = covered[0]
        d.span_label(sp, "matches any value" if _catchall(q) else "matches all the relevant values")
    elif covered:
        from compiler.errors.diagnostic import Label, SubDiag
        rest = len(covered) - COVERED_BY_MANY_CAP
        labels = [Label(span, "collectively making this unreachable" if rest <= 0 else
                        f"...and {rest} other patterns collectively make this unreachable", True)]
        labels += [Label(sp, "matches some of the same values", False) for _, sp in covered[:COVERED_BY_MANY_CAP]]
        d.children.append(SubDiag("note", "multiple earlier patterns match some of the same values", labels))
    d.lint_owner = fcx.owner
    fcx.match_diags.append(d)


def _report(fcx, cx, m, ty, ws, shown):
    n = len(ws)
    listed = _join(shown)
    noun = "pattern" if n == 1 else "patterns"
    d = Diag("error", f"non-exhaustive patterns: {listed} not covered", "E0004")
    d.primary(m.scrutinee.span, f"{noun} {listed} not covered")
    rt = resolve(ty)
    inner = rt
    while isinstance(inner, Ty) and inner.kind == "ref":
        inner = resolve(inner.args[0])
    if isinstance(inner, Ty) and inner.kind == "adt":
        adt = fcx.tcx.resolver.def_at(inner.def_index)
        if not adt.builtin and adt.kind == "enum":
            from compiler.errors.diagnostic import Label, SubDiag
            labels = [Label(adt.node.ident_span, "", True)]
            for w in ws:
                head = w[0]
                while head[0] == "ctor" and head[1][0] == "ref":
                    head = head[2][0]
                if head[0] == "ctor" and head[1][0] == "variant" and head[1][1].parent is adt:
                    labels.append(Label(head[1][1].node.span, "not covered", False))
            d.children.append(SubDiag("note", f"`{inner}` defined here", labels))
    d.note(f"the matched value is of type `{ty}`")
    arms = m.arms
    if n == 1 and shown[0] != "_":
        msg = ("ensure that all possible cases are being handled by adding a match arm with a wildcard pattern "
               "or an explicit pattern as shown")
        arm_text = f"{shown[0]} => todo!()"
    elif 1 < n <= 3:
        msg = ("ensure that all possible cases are being handled by adding a match arm with a wildcard pattern, "
               "a match arm with multiple or-patterns as shown, or multiple match arms")
        arm_text = " | ".join(shown) + " => todo!()"
    else:
        msg = ("ensure that all possible cases are being handled by adding a match arm with a wildcard pattern "
               "as shown, or multiple match arms")
        arm_text = "_ => todo!()"
    if arms:
        last = arms[-1]
        src = m.span.file.src
        end = last.span.hi
        has_comma = src[end:end + 1] == ","
        if src[last.span.lo:m.span.hi].count("\n") == 0 and src[m.span.lo:m.span.hi].count("\n") == 0:
            at = end + 1 if has_comma else end
            text = f" {arm_text}" if has_comma else f", {arm_text}"
            d.multipart_suggestion(msg, [(Span(at, at, m.span.file), text)])
        else:
            # rustc inserts after the last arm (before its comma, if it has one)
            line_start = src.rfind("\n", 0, last.span.lo) + 1
            indent = src[line_start:last.span.lo]
            d.multipart_suggestion(msg, [(Span(end, end, m.span.file), f",\n{indent}{arm_text}")])
    fcx.match_diags.append(d)
