"""Trait solving (rustc_trait_selection)."""
