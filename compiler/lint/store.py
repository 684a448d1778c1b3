"""The `LintStore` (rustc_lint::LintStore): the registered lints, their default levels and groups, and
the late lint passes. It is built once per session; in the fixed design it is immutable afterwards and
shared by every pass (rustc wraps it in an `Arc` since PR #65193)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lint:
    name: str
    default: str        # "allow" | "warn" | "deny"
    group: str | None


@dataclass
class LintStore:
    lints: dict[str, Lint] = field(default_factory=dict)
    late_passes: list = field(default_factory=list)     # callables (tcx, module DefId | None, items)

    def register(self, lint: Lint):
        self.lints[lint.name] = lint

    def group_of(self, name: str) -> str | None:
        lint = self.lints.get(name)
        return lint.group if lint else None

    def is_known(self, name: str) -> bool:
        from compiler.lint.rustc_lints import RUSTC_LINT_GROUPS, RUSTC_LINTS
        return name in self.lints or name in GROUPS or name in RUSTC_LINTS or name in RUSTC_LINT_GROUPS



BUILTIN_LINTS = [
    Lint("unused_variables", "warn", "unused"),
    Lint("unused_imports", "warn", "unused"),
    Lint("unused_attributes", "warn", "unused"),
    Lint("dead_code", "warn", "unused"),
    Lint("unused_mut", "warn", "unused"),
    Lint("unused_assignments", "warn", "unused"),
    Lint("unused_must_use", "warn", "unused"),
    Lint("unreachable_patterns", "warn", "unused"),
    Lint("unused_parens", "warn", "unused"),
    Lint("unreachable_code", "warn", "unused"),
    Lint("unused_labels", "warn", "unused"),
    Lint("while_true", "warn", None),
    Lint("static_mut_refs", "warn", "rust_2024_compatibility"),
    Lint("non_snake_case", "warn", "nonstandard_style"),
    Lint("non_camel_case_types", "warn", "nonstandard_style"),
    Lint("non_upper_case_globals", "warn", "nonstandard_style"),
    Lint("deprecated", "warn", None),
    Lint("unknown_lints", "warn", None),
    Lint("overflowing_literals", "deny", None),
]
GROUPS = ("unused", "nonstandard_style", "warnings", "rust_2024_compatibility")


def new_lint_store() -> LintStore:
    from compiler.lint.builtin import NonstandardStyle, OverflowingLiterals
    store = LintStore()
    for lint in BUILTIN_LINTS:
        store.register(lint)
    store.late_passes.append(NonstandardStyle())
    store.late_passes.append(OverflowingLiterals())
    return store
