"""Lexer (rustc_lexer): turns source text into tokens with spans; reports rustc's lexer errors."""
from __future__ import annotations

from dataclasses import dataclass

from compiler.syntax.span import SourceFile, Span

KEYWORDS = frozenset(
    "as break const continue crate else enum false fn for if impl in let loop match mod move mut pub "
    "ref return self Self static struct super trait true type unsafe use where while dyn".split()
)

PUNCT = sorted(
    "<<= >>= ... ..= :: -> => == != <= >= && || += -= *= /= %= ^= &= |= << >> .. "
    "; , . ( ) { } [ ] @ # ~ ? : $ = ! < > - & | + * / ^ %".split(),
    key=len,
    reverse=True,
)


@dataclass(slots=True)
class Token:
    kind: str  # "ident", "lifetime", "int", "str", "char", "punct", "eof"
    text: str
    span: Span
    suffix: str = ""

    def is_punct(self, p: str) -> bool:
        return self.kind == "punct" and self.text == p

    def is_kw(self, k: str) -> bool:
        return self.kind == "ident" and self.text == k

    def describe(self) -> str:
        if self.kind == "eof":
            return "`<eof>`"
        if self.kind == "ident" and self.text not in KEYWORDS:
            return f"`{self.text}`"
        if self.kind == "ident":
            return f"keyword `{self.text}`"
        return f"`{self.text}`"


class LexError(Exception):
    def __init__(self, msg: str, span: Span, code: str | None = None, label: str | None = None):
        super().__init__(msg)
        self.msg, self.span, self.code, self.label = msg, span, code, label


def _is_ident_start(c: str) -> bool:
    return c == "_" or c.isalpha()


def _is_ident_continue(c: str) -> bool:
    return c == "_" or c.isalnum()


def tokenize(file: SourceFile) -> list[Token]:
    src, n, i = file.src, len(file.src), 0
    out: list[Token] = []
    if src.startswith("#!") and not src.startswith("#!["):
        i = src.find("\n") if "\n" in src else n
    while i < n:
        c = src[i]
        if c in " \t\r\n\x0b\x0c":
            i += 1
            continue
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            if depth:
                raise LexError("unterminated block comment", Span(i, i + 2, file), "E0758")
            i = j
            continue
        start = i
        if _is_ident_start(c):
            while i < n and _is_ident_continue(src[i]):
                i += 1
            out.append(Token("ident", src[start:i], Span(start, i, file)))
            continue
        if c.isdigit():
            while i < n and (src[i].isalnum() or src[i] == "_"):
                i += 1
            text = src[start:i]
            cut = next((k for k, ch in enumerate(text) if ch.isalpha()), len(text))
            digits, suffix = text[:cut], text[cut:]
            if not digits.replace("_", "").isdigit():
                raise LexError(f"invalid digit in literal `{text}`", Span(start, i, file))
            out.append(Token("int", digits.replace("_", ""), Span(start, i, file), suffix))
            continue
        if c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            if j >= n:
                raise LexError("unterminated double quote string", Span(i, i + 1, file), "E0765")
            out.append(Token("str", src[i + 1:j], Span(i, j + 1, file)))
            i = j + 1
            continue
        if c == "'":
            if i + 2 < n and src[i + 1] == "\\":
                j = src.find("'", i + 2)
                if j < 0 or "\n" in src[i:j]:
                    raise LexError("unterminated character literal", Span(i, i + 1, file), "E0762")
                out.append(Token("char", src[i + 1:j], Span(i, j + 1, file)))
                i = j + 1
                continue
            if i + 2 < n and src[i + 2] == "'":
                out.append(Token("char", src[i + 1], Span(i, i + 3, file)))
                i += 3
                continue
            if i + 1 < n and _is_ident_start(src[i + 1]):
                j = i + 1
                while j < n and _is_ident_continue(src[j]):
                    j += 1
                out.append(Token("lifetime", src[i:j], Span(i, j, file)))
                i = j
                continue
            raise LexError("unterminated character literal", Span(i, i + 1, file), "E0762")
        for p in PUNCT:
            if src.startswith(p, i):
                out.append(Token("punct", p, Span(i, i + len(p), file)))
                i += len(p)
                break
        else:
            esc = c.encode("unicode_escape").decode("ascii") if not c.isprintable() else c
            if esc.startswith("\\x") or esc.startswith("\\u") or esc.startswith("\\U"):
                esc = "\\u{" + format(ord(c), "x") + "}"
            raise LexError(f"unknown start of token: {esc}", Span(i, i + 1, file))
    out.append(Token("eof", "", Span(n, n, file)))
    return out
