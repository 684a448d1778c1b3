"""Diagnostics (rustc_errors): the Diag builder, the DiagCtxt and the human emitter."""
from compiler.errors.diagnostic import Diag, Label, SubDiag  # noqa: F401
