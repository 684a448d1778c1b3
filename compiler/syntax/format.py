"""Format strings of the built-in formatting macros (rustc_parse_format): the `{...}` placeholders of
a string literal, each with its argument (next, index or name), its trait (`Display`, `Debug`, ...)
and its span in the source."""
from __future__ import annotations

from dataclasses import dataclass

from compiler.syntax.span import Span

TRAITS = {"": "Display", "?": "Debug", "#?": "Debug", "x": "LowerHex", "X": "UpperHex", "b": "Binary",
          "o": "Octal", "e": "LowerExp", "#x": "LowerHex", "#b": "Binary"}


@dataclass
class Placeholder:
    arg: object          # None (the next positional), an int, or a name
    trait: str
    span: Span           # `{...}`, braces included
    name_span: Span | None = None
    width_arg: object = None


class FormatError(Exception):
    def __init__(self, msg: str, span: Span, label: str = ""):
        super().__init__(msg)
        self.msg, self.span, self.label = msg, span, label


def parse(lit) -> list[Placeholder]:
    """The placeholders of the format-string literal `lit` (an `ast.Lit`), in order."""
    text, base, f = lit.value, lit.span.lo + 1, lit.span.file
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "}":
            if i + 1 < n and text[i + 1] == "}":
                i += 2
                continue
            raise FormatError("invalid format string: unmatched `}` found", Span(base + i, base + i + 1, f),
                              "unmatched `}` in format string")
        if c != "{":
            i += 1
            continue
        if i + 1 < n and text[i + 1] == "{":
            i += 2
            continue
        j = text.find("}", i)
        if j < 0:
            raise FormatError("invalid format string: expected `}` but string was terminated",
                              Span(base + n, base + n, f), "expected `}` in format string")
        inner = text[i + 1:j]
        arg_text, _, spec = inner.partition(":")
        arg_text = arg_text.strip()
        span = Span(base + i, base + j + 1, f)
        name_span = None
        if arg_text == "":
            arg = None
        elif arg_text.isdigit():
            arg = int(arg_text)
        elif arg_text.replace("_", "a").isalnum() and not arg_text[0].isdigit():
            arg = arg_text
            name_span = Span(base + i + 1, base + i + 1 + len(arg_text), f)
        else:
            raise FormatError(f"invalid format string: invalid argument name `{arg_text}`", span)
        import re
        refs = re.findall(r"([A-Za-z_]\w*)\$", spec)          # `{:>width$}`: width from an argument
        spec = re.sub(r"[A-Za-z_]\w*\$|\d+\$", "", spec)
        trait_key = spec.lstrip("<>^+-#0123456789.")
        if spec.startswith("#") and spec[1:].lstrip("0123456789.") in ("?", "x", "b"):
            trait_key = "#" + spec[1:].lstrip("0123456789.") if spec[1:].lstrip("0123456789.") != "?" else "#?"
        trait = TRAITS.get(trait_key.lstrip("#") if trait_key not in TRAITS else trait_key)
        if trait is None:
            trait = TRAITS.get(spec[-1:], None) if spec else "Display"
        if trait is None:
            raise FormatError(f"unknown format trait `{trait_key}`", span)
        out.append(Placeholder(arg, trait, span, name_span, refs))
        i = j + 1
    return out
