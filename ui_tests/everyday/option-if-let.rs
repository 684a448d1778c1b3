// Everyday Rust: option if let.
//@ check-pass
fn find(v: &Vec<i32>, target: i32) -> Option<usize> {
    let mut i = 0;
    while i < v.len() {
        if v[i] == target {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn main() {
    let v = vec![3, 1, 4];
    if let Some(pos) = find(&v, 4) {
        println!("found at {}", pos);
    }
    match find(&v, 9) {
        Some(p) => println!("{}", p),
        None => println!("missing"),
    }
}
