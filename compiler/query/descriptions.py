"""How each query describes itself in cycle errors and ICE query stacks (rustc's `desc { ... }`)."""
from __future__ import annotations

DESCRIPTIONS = {
    "analysis": "running analysis passes on crate `{crate}`",
    "check_well_formed": "checking that `{path}` is well-formed",
    "type_of": "computing type of `{path}`",
    "fn_sig": "computing function signature of `{path}`",
    "typeck": "type-checking `{path}`",
    "const_eval": "simplifying constant for the type system `{path}`",
    "trivial_const": "checking if `{path}` is a trivial const",
    "mir_built": "building MIR for `{path}`",
    "eval_static_initializer": "evaluating initializer of static `{path}`",
    "representability": "checking if `{path}` is representable",
    "codegen_fn_attrs": "computing codegen attributes of `{path}`",
    "region_relations": "computing the outlives relations of `{path}`",
    "mir_borrowck": "borrow-checking `{path}`",
    "layout_of": "computing layout of `{path}`",
}

# Outer queries first: picks the entry of a cycle whose frames all share one key.
QUERY_RANK = ["analysis", "check_well_formed", "const_eval", "eval_static_initializer", "trivial_const",
              "mir_built", "typeck", "type_of", "fn_sig", "representability", "codegen_fn_attrs",
              "region_relations", "mir_borrowck", "layout_of"]


def describe(name: str, path: str, crate: str, def_kind: str | None) -> str:
    if name == "type_of" and def_kind == "ty_alias":
        return f"expanding type alias `{path}`"
    return DESCRIPTIONS[name].format(path=path, crate=crate)
