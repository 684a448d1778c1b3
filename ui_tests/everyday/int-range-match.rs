// Everyday Rust: int range match.
fn grade(score: u8) -> char {
    match score { //~ ERROR non-exhaustive patterns: `101_u8..=u8::MAX` not covered
        90..=100 => 'A',
        80..=89 => 'B',
        0..=79 => 'C',
    }
}

fn main() {
    println!("{}", grade(95));
}
