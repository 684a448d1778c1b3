// Everyday Rust: enum struct variant.
enum Event {
    Click { x: i32, y: i32 },
    Key(char),
    Quit,
}

fn describe(e: Event) -> String {
    match e { //~ ERROR non-exhaustive patterns: `Event::Quit` not covered
        Event::Click { x, y } => format!("click at {}, {}", x, y),
        Event::Key(c) => format!("key {}", c),
    }
}

fn main() {
    let s = describe(Event::Quit);
    println!("{}", s);
}
