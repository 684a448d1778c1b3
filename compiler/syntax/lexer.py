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
    kind: str  # "ident", "lifetime", "int", "float", "str", "char", "punct", "eof"
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
        if c == "b" and src.startswith("b'", i):
            j = i + 2
            esc = {"n": 10, "t": 9, "r": 13, "0": 0, "\\": 92, "'": 39, '"': 34}
            if j < n and src[j] == "\\" and j + 1 < n and src[j + 1] in esc and src.startswith("'", j + 2):
                value, end = esc[src[j + 1]], j + 3
            elif j + 1 < n and src[j + 1] == "'" and ord(src[j]) < 128:
                value, end = ord(src[j]), j + 2
            else:
                raise LexError("minirustc does not support this byte literal yet", Span(i, i + 2, file))
            out.append(Token("int", str(value), Span(i, end, file), "u8"))
            i = end
            continue
        if c == "b" and src.startswith('b"', i):
            raise LexError("minirustc does not support byte strings yet", Span(i, i + 2, file))
        if _is_ident_start(c):
            while i < n and _is_ident_continue(src[i]):
                i += 1
            out.append(Token("ident", src[start:i], Span(start, i, file)))
            continue
        if c.isdigit():
            out.append(_number(src, i, file))
            i = out[-1].span.hi
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


FLOAT_SUFFIXES = ("f32", "f64")


def _number(src: str, i: int, file) -> Token:
    """An integer (`12`, `0xff`, `1_000u8`) or float (`1.5`, `2e3`, `1.0f32`) literal at `i`."""
    n, start = len(src), i
    radix = {"0x": 16, "0o": 8, "0b": 2}.get(src[i:i + 2])
    if radix:
        i += 2
        j = i
        while j < n and (src[j] in "0123456789abcdefABCDEF_" if radix == 16 else src[j].isdigit() or src[j] == "_"):
            j += 1
        digits = src[i:j].replace("_", "")
        k = j
        while k < n and (src[k].isalnum() or src[k] == "_"):
            k += 1
        suffix = src[j:k]
        bad = next((ch for ch in digits if int(ch, 16) >= radix), None) if digits else None
        if not digits or bad is not None:
            raise LexError(f"invalid digit for a base {radix} literal" if bad else "no valid digits found for number",
                           Span(start, k, file))
        return Token("int", str(int(digits, radix)), Span(start, k, file), suffix)
    while i < n and (src[i].isdigit() or src[i] == "_"):
        i += 1
    is_float = False
    if i + 1 < n and src[i] == "." and src[i + 1].isdigit():
        is_float = True
        i += 1
        while i < n and (src[i].isdigit() or src[i] == "_"):
            i += 1
    elif i < n and src[i] == "." and not (i + 1 < n and (src[i + 1] == "." or _is_ident_start(src[i + 1]))):
        is_float = True         # `1.` is a float literal
        i += 1
        return Token("float", src[start:i].replace("_", ""), Span(start, i, file))
    if i < n and src[i] in "eE" and (i + 1 < n and (src[i + 1].isdigit() or src[i + 1] in "+-")):
        is_float = True
        i += 2
        while i < n and (src[i].isdigit() or src[i] == "_"):
            i += 1
    digits_end = i
    while i < n and (src[i].isalnum() or src[i] == "_"):
        i += 1
    digits, suffix = src[start:digits_end].replace("_", ""), src[digits_end:i]
    if is_float or suffix in FLOAT_SUFFIXES:
        return Token("float", digits, Span(start, i, file), suffix)
    return Token("int", digits, Span(start, i, file), suffix)
