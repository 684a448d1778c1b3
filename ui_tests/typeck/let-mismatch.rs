fn main() {
    let count: i32 = true; //~ ERROR mismatched types
    let _ = count;
}
