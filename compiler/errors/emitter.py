"""Human emitter: renders a `Diag` the way rustc's HumanEmitter does (with `-Z ui-testing` support)."""
from __future__ import annotations

from compiler.errors.diagnostic import Diag, Label, SubDiag
from compiler.syntax.span import Span


class HumanEmitter:
    def __init__(self, ui_testing: bool):
        self.ui_testing = ui_testing

    def emit(self, out, d: Diag, rendered: str):
        out.write(rendered)

    def emit_plain(self, out, level: str, message: str, rendered: str):
        out.write(rendered)

    def render(self, d: Diag) -> str:
        width = self._gutter_width(d)
        out: list[str] = []
        head = d.level + (f"[{d.code}]" if d.code else "")
        out.append(f"{head}: {d.message}")
        shown = [c for c in d.children if not c.tool_only]
        if d.labels:
            out += self._snippet(d.labels, width)
            if shown:
                out.append(" " * (width + 1) + "|")
        elif shown:
            out.append(" " * (width + 1) + "|")     # rustc's empty gutter before the notes
        # as rustc renders them: sub-diagnostics first, suggestions after
        for child in sorted(shown, key=lambda c: c.suggestion is not None):
            out += self._child(child, width)
        return "\n".join(line.rstrip() for line in out) + "\n"

    # ---- pieces
    def _gutter_width(self, d: Diag) -> int:
        if self.ui_testing:
            return 2
        lines = [lab.span.file.lookup(lab.span.lo)[0] for lab in d.labels if not lab.span.is_dummy]
        for c in d.children:
            lines += [lab.span.file.lookup(lab.span.lo)[0] for lab in c.labels if not lab.span.is_dummy]
        return len(str(max(lines))) if lines else 1

    def _lineno(self, n: int, width: int) -> str:
        return "LL" if self.ui_testing else str(n).rjust(width)

    def _child(self, c: SubDiag, width: int) -> list[str]:
        pad = " " * (width + 1)
        if c.suggestion is not None:
            if getattr(c, "added_lines", False):     # new lines after an unchanged one: `~` then `+`
                from compiler.errors.multiline import render_added_lines
                return [f"{c.level}: {c.message}"] + render_added_lines(self, c.suggestion, width)
            return [f"{c.level}: {c.message}{_case_note(c.suggestion)}"] + self._suggestion(c.suggestion, width)
        if all(lab.span.is_dummy for lab in c.labels):
            # rustc's `has_primary_spans` ignores dummy spans: such a note is rendered without a snippet
            head = f"{pad}= {c.level}: "
            return [head + c.message.replace("\n", "\n" + " " * len(head))]
        return [f"{c.level}: {c.message}"] + self._snippet(c.labels, width)

    def _snippet(self, labels: list[Label], width: int) -> list[str]:
        labels = [lab for lab in labels if not lab.span.is_dummy]
        if not labels:
            return []
        pad = " " * (width + 1)
        primary = next((lab for lab in labels if lab.primary), labels[0])
        file = primary.span.file
        line, col = file.lookup(primary.span.lo)
        out = [f"{' ' * width}--> {file.name}:{line}:{col}", f"{pad}|"]
        from compiler.errors.multiline import multiline_label, render_snippet
        ml = multiline_label(file, [lab for lab in labels if lab.span.file is file])
        if ml is not None:
            return render_snippet(self, file, [lab for lab in labels if lab.span.file is file], ml, width, out)
        by_line: dict[int, list[tuple[int, int, Label]]] = {}
        for lab in labels:
            ln, c0 = file.lookup(lab.span.lo)
            ln_hi, c1 = file.lookup(max(lab.span.hi, lab.span.lo))
            if ln_hi != ln:
                c1 = len(file.line_text(ln)) + 1
            by_line.setdefault(ln, []).append((c0 - 1, max(c1 - 1, c0), lab))
        prev = None
        for ln in sorted(by_line):
            if prev is not None and ln - prev > 2:
                out.append("...")
            elif prev is not None and ln - prev == 2:
                out.append(f"{self._lineno(prev + 1, width)} | {file.line_text(prev + 1)}")
            out.append(f"{self._lineno(ln, width)} | {file.line_text(ln)}")
            out += [f"{pad}| {row}" for row in self._annotate(by_line[ln])]
            prev = ln
        return out

    @staticmethod
    def _annotate(anns: list[tuple[int, int, Label]]) -> list[str]:
        anns = sorted(anns, key=lambda a: (a[0], a[1]))
        under: list[str] = []
        # shorter spans drawn over longer; a primary over a secondary label of the same span
        for start, end, lab in sorted(anns, key=lambda a: (a[0] - a[1], a[2].primary)):
            while len(under) < end:
                under.append(" ")
            for i in range(start, end):
                under[i] = "^" if lab.primary else "-"
        first = "".join(under)
        if not any(a[2].text for a in anns):
            return [first]
        # rustc's label placement (`render_source_line`): rightmost first, each label on the first row
        # where it overlaps no label already placed there
        order = sorted(anns, key=lambda a: -a[0])

        def overlaps(a1, a2, pad):
            return a2[0] <= a1[0] < a2[1] + pad or a1[0] <= a2[0] < a1[1] + pad

        positions, p = [], 0
        for i, a in enumerate(order):
            for nxt in order[i + 1:]:
                if overlaps(nxt, a, 0) and a[2].text and p == 0:
                    if nxt[0] == a[0] and nxt[1] == a[1] and not nxt[2].text:
                        continue
                    p += 1
                    break
            positions.append((p, a))
            for nxt in order[i + 1:]:
                pad = len(nxt[2].text) + 2 if nxt[2].text else 0
                if overlaps(nxt, a, pad) and a[2].text and nxt[2].text or \
                        overlaps(nxt, a, pad) and nxt[1] <= a[1] and nxt[2].text and p == 0:
                    p += 1
                    break
        rows = [list(first)]

        def put(row, col, text):
            while len(rows) <= row:
                rows.append([])
            r = rows[row]
            while len(r) < col + len(text):
                r.append(" ")
            r[col:col + len(text)] = list(text)

        for pos, (start, _, lab) in positions:
            if pos > 0 and lab.text:
                for row in range(1, pos + 1):
                    put(row, start, "|")
        for pos, (start, end, lab) in positions:
            if lab.text:
                if pos == 0:
                    put(0, end + 1, lab.text)
                else:
                    put(pos + 1, start, lab.text)
        return ["".join(r).rstrip() for r in rows]

    def _suggestion(self, parts: list[tuple[Span, str]], width: int) -> list[str]:
        pad = " " * (width + 1)
        if any("\n" in rep for _, rep in parts):
            from compiler.errors.multiline import render_multiline
            return render_multiline(self, parts, width)
        if len({span.file.lookup(span.lo)[0] for span, _ in parts}) > 1:
            from compiler.errors.multiline import render_parts_on_lines
            return render_parts_on_lines(self, parts, width)
        file = parts[0][0].file
        line, _ = file.lookup(parts[0][0].lo)
        text = file.line_text(line)
        line_start = file.line_starts[line - 1]
        if any(span.hi > span.lo for span, _ in parts):
            # a replacement: rustc shows the line before and after, as a diff
            new, last = "", 0
            for span, rep in sorted(parts, key=lambda p: p[0].lo):
                new += text[last:span.lo - line_start] + rep
                last = span.hi - line_start
            new += text[last:]
            ll = self._lineno(line, width)
            return [f"{pad}|", f"{ll} - {text}", f"{ll} + {new}", f"{pad}|"]
        new, marks, last = "", "", 0
        for span, ins in sorted(parts, key=lambda p: p[0].lo):
            at = span.lo - line_start
            new += text[last:at] + ins
            # surrounding whitespace of an insertion is not underlined, unless that is all it is
            lead = len(ins) - len(ins.lstrip()) if ins.strip() else 0
            core = len(ins.strip()) if ins.strip() else len(ins)
            marks += " " * (at - last) + " " * lead + "+" * core + " " * (len(ins) - lead - core)
            last = at
        new += text[last:]
        return [f"{pad}|", f"{self._lineno(line, width)} | {new}", f"{pad}| {marks}"]


_CONFUSABLE = set("cfikosuvwxyz")


def _case_note(parts) -> str:
    """rustc's emitter notes a suggestion that only changes the case of letters that look alike in
    both cases (`is_case_difference`: c, f, i, k, o, s, u, v, w, x, y, z)."""
    if len(parts) != 1:
        return ""
    span, rep = parts[0]
    old = span.file.src[span.lo:span.hi] if span.file is not None else ""
    confusable = all(f in _CONFUSABLE or s in _CONFUSABLE for f, s in zip(old, rep) if f != s)
    return " (notice the capitalization)" if old != rep and old.lower() == rep.lower() and confusable else ""
