fn answer() -> bool {
    42 //~ ERROR mismatched types
}

fn main() {
    answer();
}
