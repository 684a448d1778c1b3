"""Suggestions whose text spans several lines, rendered as rustc does: whole added lines with `+`,
any other multi-line edit as the edited lines marked `~`."""
from __future__ import annotations


def render_multiline(em, parts, width: int) -> list[str]:
    pad = " " * (width + 1)
    file = parts[0][0].file
    line, col = file.lookup(parts[0][0].lo)
    text = file.line_text(line)
    if len(parts) == 1 and col == 1 and parts[0][0].hi == parts[0][0].lo and parts[0][1].endswith("\n"):
        added = parts[0][1][:-1].split("\n")
        return [f"{pad}|"] + [f"{em._lineno(line, width)} + {a}" for a in added] + \
            [f"{em._lineno(line, width)} | {text}", f"{pad}|"]
    line_start = file.line_starts[line - 1]
    chars, last = [], 0          # the new text, each character with whether the suggestion inserted it
    for span, rep in sorted(parts, key=lambda p: p[0].lo):
        chars += [(c, False) for c in text[last:span.lo - line_start]] + [(c, True) for c in rep]
        last = span.hi - line_start
    chars += [(c, False) for c in text[last:]] if last <= len(text) else []
    lines, cur = [], []
    for c, inserted in chars:
        if c == "\n":
            lines.append(cur)
            cur = []
        else:
            cur.append((c, inserted))
    lines.append(cur)
    # rustc marks a line the suggestion wrote whole with `+`, any other with `~`
    return [f"{pad}|"] + [f"{em._lineno(line + i, width)} {'+' if x and all(k for _, k in x) else '~'} "
                          f"{''.join(c for c, _ in x)}" for i, x in enumerate(lines)] + [f"{pad}|"]


def render_added_lines(em, parts, width: int) -> list[str]:
    """Lines added after a line's end (rustc's "consider returning the local binding"): that line marked
    `~`, the added ones `+`."""
    pad = " " * (width + 1)
    span, rep = parts[0]
    line, _ = span.file.lookup(span.lo)
    added = rep[1:].split("\n")
    return [f"{pad}|", f"{em._lineno(line, width)} ~ {span.file.line_text(line)}"] + \
        [f"{em._lineno(line + 1 + i, width)} + {a}" for i, a in enumerate(added)] + [f"{pad}|"]


def multiline_label(file, labels):
    """The one label whose span crosses lines, if exactly one does."""
    multi = [lab for lab in labels if file.lookup(lab.span.lo)[0] != file.lookup(max(lab.span.hi - 1, lab.span.lo))[0]]
    return multi[0] if len(multi) == 1 else None


def render_snippet(em, file, labels, ml, width: int, out: list) -> list:
    """rustc's layout for a snippet with one multi-line annotation: the lines it covers carry a `|` in
    an extra margin column, its start is marked `/` (at the line's first character) or by a `_` line,
    its end by `|___^ label`."""
    pad = " " * (width + 1)
    sl, sc = file.lookup(ml.span.lo)
    el, ec = file.lookup(ml.span.hi - 1)
    first_text = file.line_text(sl)
    slash = first_text[:sc - 1].strip() == ""
    mark = "^" if ml.primary else "-"
    by_line: dict = {}
    for lab in labels:
        if lab is ml:
            continue
        ln, c0 = file.lookup(lab.span.lo)
        ln_hi, c1 = file.lookup(max(lab.span.hi, lab.span.lo))
        if ln_hi != ln:
            c1 = len(file.line_text(ln)) + 1
        by_line.setdefault(ln, []).append((c0 - 1, max(c1 - 1, c0), lab))
    shown = sorted(set(by_line) | {sl, el} | _spanned_lines(file, sl, el))

    def margin(ln, source: bool) -> str:
        if ln == sl:
            return "/ " if slash and source else "| " if slash else "  "
        return "| " if sl < ln <= el else "  "

    prev = None
    for ln in shown:
        if prev is not None and ln - prev > 2:
            out.append("...")
        elif prev is not None and ln - prev == 2:
            out.append(f"{em._lineno(prev + 1, width)} | {margin(prev + 1, True)}{file.line_text(prev + 1)}")
        out.append(f"{em._lineno(ln, width)} | {margin(ln, True)}{file.line_text(ln)}")
        if ln in by_line:
            out += [f"{pad}| {margin(ln, False)}{row}" for row in em._annotate(by_line[ln])]
        if ln == sl and not slash:
            out.append(f"{pad}|  " + "_" * sc + mark)
        if ln == el:
            out.append(f"{pad}| |" + "_" * ec + mark + (" " + ml.text if ml.text else ""))
        prev = ln
    return out


def _spanned_lines(file, sl: int, el: int) -> set:
    """The lines between a multi-line annotation's ends that rustc shows: up to four after the start (to
    the last one with content), and the one before the end (when it has content)."""
    def content(ln):
        s = file.line_text(ln).strip()
        return not (s.startswith("//") and not s.startswith(("///", "//!"))) and s not in ("", "{", "}", "(", ")",
                                                                                          "[", "]")
    middle = min(sl + 4, el)
    until = next((ln + 1 for ln in range(middle - 1, sl - 1, -1) if content(ln)), sl)
    out = set(range(sl + 1, until))
    if middle < el - 1 and content(el - 1):
        out.add(el - 1)
    return out


def render_parts_on_lines(em, parts, width: int) -> list[str]:
    """A suggestion whose parts fall on different lines: every edited line, marked `~`."""
    pad = " " * (width + 1)
    file = parts[0][0].file
    by_line: dict = {}
    for span, rep in parts:
        by_line.setdefault(file.lookup(span.lo)[0], []).append((span, rep))
    out = [f"{pad}|"]
    prev = None
    for line in sorted(by_line):
        if prev is not None and line - prev > 1:
            out.append("...")
        text = file.line_text(line)
        start = file.line_starts[line - 1]
        new, last = "", 0
        for span, rep in sorted(by_line[line], key=lambda p: p[0].lo):
            new += text[last:span.lo - start] + rep
            last = span.hi - start
        new += text[last:]
        out.append(f"{em._lineno(line, width)} ~ {new}")
        prev = line
    out.append(f"{pad}|")
    return out
