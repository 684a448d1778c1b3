// A struct that contains itself by value has infinite size.
struct List { //~ ERROR recursive type `List` has infinite size
    value: i32,
    next: List,
}

fn main() {}
