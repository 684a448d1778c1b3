// Everyday Rust: matches on `char` (ranges of scalar values) and what they miss.
fn roman(c: char) -> u32 {
    match c { //~ ERROR non-exhaustive patterns: `'\0'..='H'`, `'J'..='U'`, `'W'` and 3 more not covered
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'a'..='z' => 0,
    }
}
fn kind(c: char) -> u8 {
    match c { '\0'..='\u{d7ff}' => 1 } //~ ERROR non-exhaustive patterns
}
fn dup(c: char) -> u8 { match c { 'a' => 1, 'a' => 2, _ => 3 } } //~ WARN unreachable pattern
fn main() { let _ = (roman('I'), kind('a'), dup('b')); }
