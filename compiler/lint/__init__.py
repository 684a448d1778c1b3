"""Lints (rustc_lint, rustc_passes): levels from attributes, and the builtin lints of the subset."""
