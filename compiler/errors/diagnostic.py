"""The `Diag` value: level, code, message, labelled spans and sub-diagnostics, as in rustc_errors."""
from __future__ import annotations

from dataclasses import dataclass, field

from compiler.syntax.span import Span


@dataclass
class Label:
    span: Span
    text: str
    primary: bool


@dataclass
class SubDiag:
    level: str                      # "note" or "help"
    message: str
    labels: list[Label] = field(default_factory=list)
    suggestion: list[tuple[Span, str]] | None = None   # insertions rendered as a diff
    tool_only: bool = False         # a suggestion for tools only: in JSON, never rendered (rustc's CompletelyHidden)


@dataclass
class Diag:
    level: str                      # "error", "warning"
    message: str
    code: str | None = None
    labels: list[Label] = field(default_factory=list)
    children: list[SubDiag] = field(default_factory=list)
    lint: str | None = None         # lint name, for level computation

    # builder methods, named after rustc's
    def primary(self, span: Span, text: str = "") -> "Diag":
        self.labels.append(Label(span, text, True))
        return self

    def span_label(self, span: Span, text: str) -> "Diag":
        self.labels.append(Label(span, text, False))
        return self

    def note(self, message: str) -> "Diag":
        self.children.append(SubDiag("note", message))
        return self

    def child(self, level: str, message: str) -> "Diag":
        self.children.append(SubDiag(level, message))
        return self

    def help(self, message: str) -> "Diag":
        self.children.append(SubDiag("help", message))
        return self

    def span_note(self, span: Span, message: str, labels: list[Label] | None = None) -> "Diag":
        self.children.append(SubDiag("note", message, [Label(span, "", True)] + (labels or [])))
        return self

    def multipart_suggestion(self, message: str, parts: list[tuple[Span, str]]) -> "Diag":
        self.children.append(SubDiag("help", message, [], parts))
        return self

    def tool_only_suggestion(self, message: str, parts: list[tuple[Span, str]]) -> "Diag":
        """rustc's `tool_only_multipart_suggestion`: a `help` child in JSON, absent from the human output."""
        self.children.append(SubDiag("help", message, [], parts, tool_only=True))
        return self

    @property
    def primary_span(self) -> Span | None:
        for lab in self.labels:
            if lab.primary:
                return lab.span
        return None

    def sort_key(self) -> tuple:
        sp = getattr(self, "anchor", None) or self.primary_span
        return (sp.sort_key() if sp is not None and not sp.is_dummy else ("", -1, -1), self.message)


class LateDiag(Diag):
    """A diagnostic rustc reports after the rest of its phase (coherence's after well-formedness's):
    sorted last, in source order among themselves."""

    def sort_key(self) -> tuple:
        sp = self.primary_span
        return (("\uffff",) + sp.sort_key(), self.message)
