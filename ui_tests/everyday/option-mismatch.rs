// Everyday Rust: option mismatch.
fn first(v: &Vec<i32>) -> Option<i32> {
    if v.len() == 0 {
        return 0; //~ ERROR mismatched types
    }
    Some(v[0])
}

fn main() {
    let v = Vec::new();
    println!("{:?}", first(&v));
}
