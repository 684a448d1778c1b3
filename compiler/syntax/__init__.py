"""Front-end: spans, lexer, AST and parser (rustc_span, rustc_lexer, rustc_ast, rustc_parse)."""
