// Everyday Rust: enum missing arm.
enum Op { Add, Sub, Mul }

fn apply(op: Op, a: i32, b: i32) -> i32 {
    match op { //~ ERROR non-exhaustive patterns: `Op::Mul` not covered
        Op::Add => a + b,
        Op::Sub => a - b,
    }
}

fn main() {
    println!("{}", apply(Op::Mul, 2, 3));
}
