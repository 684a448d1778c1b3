// Everyday Rust: println capture.
fn main() {
    let width = 4;
    let height = 5;
    let area = width * height;
    println!("{width} x {height} = {area}");
    println!("{depth}"); //~ ERROR cannot find value `depth` in this scope
}
