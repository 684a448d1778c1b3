"""Checking passes over the crate (rustc_passes)."""
