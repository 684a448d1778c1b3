// Everyday Rust: struct update.
//@ check-pass
#[derive(Debug)]
struct Settings { width: u32, height: u32, title: String } //~ WARN fields `width`, `height`, and `title` are never read

fn main() {
    let base = Settings { width: 800, height: 600, title: String::from("app") };
    let wide = Settings { width: 1200, ..base };
    println!("{:?}", wide);
}
