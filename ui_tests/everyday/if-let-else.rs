// Everyday Rust: if let else.
//@ check-pass
fn main() {
    let maybe: Option<&str> = None;
    let text = if let Some(t) = maybe { t } else { "default" };
    let len = text.len();
    println!("{}", len);
}
