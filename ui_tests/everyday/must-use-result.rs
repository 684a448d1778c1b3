// Everyday Rust: must use result.
//@ check-pass
fn parse(s: &str) -> Result<i32, String> {
    if s.is_empty() {
        return Err(String::from("empty"));
    }
    Ok(1)
}

fn main() {
    parse("1"); //~ WARN unused `Result` that must be used
    let r = parse("");
    match r {
        Ok(n) => println!("{}", n),
        Err(e) => println!("error: {}", e),
    }
}
