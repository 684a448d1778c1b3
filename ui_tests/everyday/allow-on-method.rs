// Everyday Rust: `#[allow(dead_code)]` on one method, and a constant array of structs holding an enum.
//@ check-pass
enum Category { Tool, Food }
struct Item { id: u32, category: Category } //~ WARN field `category` is never read
const STOCK: [Item; 2] = [Item { id: 1, category: Category::Tool }, Item { id: 2, category: Category::Food }];
struct Counter { n: u32 }
impl Counter {
    fn bump(&mut self) { self.n += 1; }
    #[allow(dead_code)]
    fn reset(&mut self) { self.n = 0; }
    fn unused(&self) {} //~ WARN method `unused` is never used
}
fn main() {
    let mut c = Counter { n: 0 };
    c.bump();
    println!("{} {}", STOCK[0].id, c.n);
}
