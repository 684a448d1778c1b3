// Everyday Rust: use after move.
fn consume(names: Vec<String>) -> usize {
    names.len()
}

fn main() {
    let names = vec![String::from("ada"), String::from("grace")];
    let n = consume(names);
    println!("{} {}", n, names.len()); //~ ERROR borrow of moved value: `names`
}
