"""Types and the type context (rustc_middle::ty)."""
