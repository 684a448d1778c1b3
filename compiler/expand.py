"""Loading out-of-line modules (rustc_expand::module): `mod name;` is `name.rs` or `name/mod.rs` beside
its parent, and the module files are parsed in parallel, a level of the module tree at a time. Items
whose `#[cfg]` is false are stripped first (`compiler.cfg`). Then attributes get their ids (see
`compiler.syntax.attr_id`)."""
from __future__ import annotations

import os

from compiler.cfg import strip
from compiler.errors import Diag
from compiler.sync.pool import FatalError
from compiler.syntax import ast
from compiler.syntax.lexer import LexError
from compiler.syntax.parser import ParseError, parse_crate
from compiler.syntax.span import SourceFile


def _module_dir(file: SourceFile, is_root: bool) -> str:
    d = os.path.dirname(file.name)
    stem = os.path.splitext(os.path.basename(file.name))[0]
    if is_root or stem == "mod":
        return d
    return os.path.join(d, stem)


def _out_of_line(items):
    for it in items:
        if isinstance(it, ast.Mod):
            if it.items is None:
                yield it
            else:
                yield from _out_of_line(it.items)


def load_modules(psess, crate: ast.Crate, root: SourceFile, pool, dcx):
    """Parses every module file reachable from the crate root; missing files are E0583."""
    crate.items = strip(crate.items, psess.cfg, dcx)
    level = [(m, _module_dir(root, True)) for m in _out_of_line(crate.items)]
    while level:
        found: list = []

        def load(entry):
            module, d = entry
            file = _read_module(module, d, dcx, psess.source_map)
            module.items = []
            if file is None:
                return
            module.file = file
            try:
                sub = parse_crate(file, psess.parse_time_attr_ids())
            except (LexError, ParseError) as e:
                dcx.emit(Diag("error", e.msg, e.code).primary(e.span, getattr(e, "label", None) or ""))
                raise FatalError() from None
            module.attrs = module.attrs + sub.attrs
            module.items = strip(sub.items, psess.cfg, dcx)
            sub_dir = _module_dir(file, False)
            found.extend((m, sub_dir) for m in _out_of_line(sub.items))

        pool.par_for_each(level, load)
        level = sorted(found, key=lambda e: (e[0].span.file.name, e[0].span.lo))
    psess.assign_attr_ids(crate)


def _read_module(module: ast.Mod, d: str, dcx, source_map) -> SourceFile | None:
    name = module.name
    candidates = [os.path.join(d, f"{name}.rs"), os.path.join(d, name, "mod.rs")]
    for path in candidates:
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError:
            continue
        try:
            return source_map.new_source_file(path.replace(os.sep, "/"), raw.decode("utf-8"))
        except UnicodeDecodeError:
            dcx.emit(Diag("error", f"couldn't read `{path}`: stream did not contain valid UTF-8")
                     .primary(module.span))
            return None
    a, b = (c.replace(os.sep, "/") for c in candidates)
    dcx.emit(Diag("error", f"file not found for module `{name}`", "E0583").primary(module.span)
             .help(f"to create the module `{name}`, create file \"{a}\" or \"{b}\"")
             .note(f"if there is a `mod {name}` elsewhere in the crate already, import it with "
                   "`use crate::...` instead"))
    return None
