fn make(value: Missing) -> i32 { //~ ERROR cannot find type `Missing` in this scope
    0
}

fn main() {
    make(1);
}
