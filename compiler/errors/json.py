"""JSON emitter (`--error-format=json` / `pretty-json`): each diagnostic as rustc's JSON object, one
per line, in rustc's key order: `$message_type`, `message`, `code`, `level`, `spans`, `children`,
`rendered`, with spans as rustc_errors::json builds them (byte offsets in UTF-8, 1-based lines and
character columns, the source lines with their highlights).

`rendered` is exactly what the human emitter prints for the diagnostic, so the concatenation of every
`rendered` is the human output. Suggestions become `help` children after the others, as in rustc:
multipart and tool-only suggestions, and the inline ones minirustc writes as a `help: MSG: `SNIPPET``
label. A dummy span comes out as rustc writes one: at the start of the crate's root file, no text."""
from __future__ import annotations

import json
import re

from compiler.errors.diagnostic import Diag, Label, SubDiag
from compiler.errors.emitter import HumanEmitter

# rustc's applicability for each suggestion minirustc makes, by message (prefix)
# messages that begin with a name (a path in backticks): matched by a fixed part inside them
APPLICABILITY_INFIX = (
    ("` has a field named `", "MaybeIncorrect"),        # E0026's short suggestion
)

APPLICABILITY = (
    ("if this is intentional, prefix it with an underscore", "MachineApplicable"),
    ("convert the identifier to snake case", "MaybeIncorrect"),
    ("convert the identifier to upper camel case", "MaybeIncorrect"),
    ("convert the identifier to upper case", "MachineApplicable"),
    ("remove this attribute", "MachineApplicable"),
    ("remove this `mut`", "MachineApplicable"),
    ("use the `?` operator to extract the", "HasPlaceholders"),
    ("consider using `Option::expect` to unwrap", "HasPlaceholders"),
    ("you can convert a", "MachineApplicable"),
    ("you can cast a", "MachineApplicable"),
    ("if you meant to write a `char` literal", "MachineApplicable"),
    ("if you meant to write a string literal", "MachineApplicable"),
    ("try ignoring the field", "MachineApplicable"),
    ("a field with a similar name exists", "MaybeIncorrect"),
    ("the following trait defines an item", "MaybeIncorrect"),
    ("insert some indirection", "HasPlaceholders"),
    ("consider annotating", "MaybeIncorrect"),                  # `#[derive(..)]`
    ("ensure that all possible cases are being handled", "HasPlaceholders"),     # `=> todo!()`
    ("a local variable with a similar name exists", "MaybeIncorrect"),
    ("a function with a similar name exists", "MaybeIncorrect"),
    ("a struct with a similar name exists", "MaybeIncorrect"),
    ("format specifiers use curly braces", "MaybeIncorrect"),
    ("consider making this binding mutable", "MaybeIncorrect"),
    ("consider changing this to be mutable", "MachineApplicable"),
    ("consider changing this to be a mutable reference", "MaybeIncorrect"),
    ("try using a conversion method", "MachineApplicable"),
    ("a built-in attribute with a similar name exists", "MaybeIncorrect"),
    ("use `_` to explicitly ignore each field", "MaybeIncorrect"),
    ("consider cloning the value if the performance cost is acceptable", "MachineApplicable"),
    ("you must specify a", "MaybeIncorrect"),
    ("add missing generic argument", "HasPlaceholders"),
    ("you might have meant to use", "MaybeIncorrect"),
    ("there is a method `", "MaybeIncorrect"),
    ("consider changing the field", "HasPlaceholders"),
    ("consider returning the local binding", "MaybeIncorrect"),
    ("you might have meant to return this value", "MaybeIncorrect"),
    ("include the missing field", "MachineApplicable"),
    ("if you don't care about th", "MachineApplicable"),
    ("or always ignore missing fields here", "MachineApplicable"),
    ("there is a variant with a similar name", "HasPlaceholders"),
    ("remove this semicolon to return this value", "MachineApplicable"),
    ("change the", "MachineApplicable"),
    ("remove these parentheses", "MachineApplicable"),
    ("use `loop`", "MachineApplicable"),
    ("use a float literal", "MachineApplicable"),                        # "change the parameter type to match the trait"
    ("consider using a floating-point literal by writing it with `.0`", "MaybeIncorrect"),
    ("a method `", "MaybeIncorrect"),
    ("change the type of the numeric literal", "MaybeIncorrect"),
    ("a type parameter with a similar name exists", "MaybeIncorrect"),
    ("consider mutably borrowing here", "MachineApplicable"),
    ("one of the expressions' fields has a field of the same name", "MaybeIncorrect"),
    ("you can add the `dyn` keyword if you want a trait object", "MachineApplicable"),
    ("consider using `char::from_u32` instead", "MachineApplicable"),
    ("use a mutable iterator instead", "MachineApplicable"),
    ("you might be missing a type parameter", "MaybeIncorrect"),
    ("use `break` on its own without a value inside this", "MaybeIncorrect"),
    ("consider introducing a named lifetime parameter", "MaybeIncorrect"),
    ("consider using the `'static` lifetime", "MaybeIncorrect"),
    ("instead, you are more likely to want to return an owned value", "MaybeIncorrect"),
    ("consider removing the borrow", "MachineApplicable"),
    ("remove the unnecessary generic argument", "MaybeIncorrect"),
    ("consider restricting type parameter", "MachineApplicable"),
    ("try wrapping the expression in", "MachineApplicable"),
    ("consider borrowing here", "MachineApplicable"),
    ("provide the argument", "HasPlaceholders"),
    ("remove the extra argument", "MachineApplicable"),
    ("use `let _ = ...` to ignore the resulting value", "MaybeIncorrect"),
)
INLINE_RE = re.compile(r"help: (.*): `(.*)`", re.S)


def applicability(message: str) -> str:
    for infix, a in APPLICABILITY_INFIX:
        if infix in message:
            return a
    if message.endswith(", rounded if necessary"):
        return "MaybeIncorrect"         # a lossy integer-to-float conversion
    return next((a for prefix, a in APPLICABILITY if message.startswith(prefix)), "Unspecified")


class JsonEmitter:
    def __init__(self, human: HumanEmitter, pretty: bool = False, root=None):
        self.human = human
        self.pretty = pretty
        self.root = root            # the crate root's SourceFile, where rustc's dummy spans point

    def render(self, d: Diag) -> str:
        return self.human.render(d)

    def emit(self, out, d: Diag, rendered: str):
        out.write(self.dump(diagnostic(d, rendered, self.root)))

    def emit_plain(self, out, level: str, message: str, rendered: str):
        """A diagnostic without spans: the closing lines (`aborting due to`, the `--explain` hints as
        `failure-note`) and minirustc's one-line errors."""
        out.write(self.dump(_object(message, None, level, [], [], rendered, top=True)))

    def dump(self, obj: dict) -> str:
        # serde_json's output: no ASCII escaping, compact separators (or two-space indentation)
        if self.pretty:
            return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def _object(message, code, level, spans, children, rendered, top=False) -> dict:
    obj = {"$message_type": "diagnostic"} if top else {}
    obj.update(message=message, code=code, level=level, spans=spans, children=children, rendered=rendered)
    return obj


def diagnostic(d: Diag, rendered: str, root=None) -> dict:
    labels, suggestions = [], []
    for lab in d.labels:
        if lab.text.startswith("help: "):
            # an inline suggestion: the span stays (unlabelled) only if it is primary
            m = INLINE_RE.fullmatch(lab.text)
            msg, snippet = (m.group(1), m.group(2)) if m else (lab.text[len("help: "):], "")
            msg = msg.removesuffix(" (notice the capitalization)")
            suggestions.append(_suggestion(msg, [(lab.span, snippet)]))
            lab = Label(lab.span, "", lab.primary)
        labels.append(lab)
    children = [_child(c, root) for c in d.children if c.suggestion is None]
    children += suggestions + [_suggestion(c.message, c.suggestion) for c in d.children if c.suggestion is not None]
    if d.code:
        from compiler.explain import EXPLANATIONS, explain
        code = {"code": d.code, "explanation": explain(d.code) if d.code in EXPLANATIONS else None}
    elif d.lint:
        code = {"code": d.lint, "explanation": None}
    else:
        code = None
    return _object(d.message, code, d.level, _spans(labels, root), children, rendered, top=True)


def _child(c: SubDiag, root) -> dict:
    return _object(c.message, None, c.level, _spans(c.labels, root), [], None)


def _suggestion(message: str, parts) -> dict:
    appl = applicability(message)
    spans = [_span(_whole_line_removal(span, snippet), True, None, snippet, appl)
             for span, snippet in sorted(parts, key=lambda p: (p[0].lo, p[0].hi)) if not span.is_dummy]
    return _object(message, None, "help", spans, [], None)


def _whole_line_removal(span, snippet: str):
    """rustc removes the line break too when a removal takes a whole line (it starts at column 1 and the
    line ends with it)."""
    src = span.file.src
    if not snippet and span.hi < len(src) and src[span.hi] == "\n" and (span.lo == 0 or src[span.lo - 1] == "\n"):
        return type(span)(span.lo, span.hi + 1, span.file)
    return span


def _spans(labels: list[Label], root=None) -> list[dict]:
    """rustc's `MultiSpan::span_labels`: the labelled spans in order (primary when the span is one of
    the primary spans), then the primary spans without a label."""
    labels = [lab for lab in labels if not lab.span.is_dummy or root is not None]
    primaries = [lab.span for lab in labels if lab.primary]
    labelled = [lab for lab in labels if lab.text]
    out = [_span(lab.span, lab.span in primaries, lab.text, root=root) for lab in labelled]
    done = {lab.span for lab in labelled}
    for sp in primaries:
        if sp not in done:
            done.add(sp)
            out.append(_span(sp, True, None, root=root))
    return out


def _span(span, primary: bool, label, snippet=None, appl=None, root=None) -> dict:
    text = []
    if span.is_dummy:
        # rustc's DUMMY_SP: position 0 of the source map, the root file's start; its lines cannot be had
        f, line_lo, col_lo, line_hi, col_hi, lo, hi = root, 1, 1, 1, 1, 0, 0
    else:
        f = span.file
        line_lo, col_lo = f.lookup(span.lo)
        line_hi, col_hi = f.lookup(span.hi)
        lo, hi = _byte(f, span.lo), _byte(f, span.hi)
        for ln in range(line_lo, line_hi + 1):
            line = f.line_text(ln).removesuffix("\r")      # rustc normalises CRLF (its offsets stay the file's)
            text.append({"text": line, "highlight_start": col_lo if ln == line_lo else 1,
                         "highlight_end": col_hi if ln == line_hi else len(line) + 1})
    return {"file_name": f.name, "byte_start": lo, "byte_end": hi,
            "line_start": line_lo, "line_end": line_hi, "column_start": col_lo, "column_end": col_hi,
            "is_primary": primary, "text": text, "label": label, "suggested_replacement": snippet,
            "suggestion_applicability": appl, "expansion": None}


def _byte(f, pos: int) -> int:
    """The UTF-8 offset of a character offset (minirustc's spans count characters)."""
    return pos if f.src.isascii() else len(f.src[:pos].encode("utf-8"))
