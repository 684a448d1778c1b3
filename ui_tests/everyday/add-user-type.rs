// Everyday Rust: add user type.
#[derive(Debug, Clone, Copy)]
struct V2 { x: f32, y: f32 }

fn main() {
    let a = V2 { x: 1.0, y: 2.0 };
    let b = V2 { x: 3.0, y: 4.0 };
    let c = a + b; //~ ERROR cannot add `V2` to `V2`
    println!("{:?}", c);
}
