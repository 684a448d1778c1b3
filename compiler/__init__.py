"""minirustc: a small compiler for a strict subset of Rust, built with rustc's parallel architecture."""
